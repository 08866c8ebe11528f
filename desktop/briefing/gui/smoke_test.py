"""``briefing --smoke-test``: does this installation work, without a display or a user?

It runs the real window offscreen in a temporary data folder (the user's library and
settings are never opened), checks that an empty library gets the welcome page, loads the
bundled samples through it, shows every company's tabs and charts, exports the first
company's briefing as a PDF through the window's own export and reads the file back. Any
attempt to reach the network, any warning the app logs and any step that does not finish
in time fails the test with a reason; the exit status is 0 only when all held.

The test suite runs it, and so does ``make package`` on the frozen app.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

STEP_TIMEOUT_S = 180.0  # CI's 2-core machine, with colleagues; a step takes 1-5 s here


class SmokeTestFailure(Exception):
    """A step did not do what it should; the message says which and why."""


@dataclass
class Watch:
    """What happened while the test ran that must not have."""

    network: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _WarningRecorder(logging.Handler):
    def __init__(self, watch: Watch) -> None:
        super().__init__(logging.WARNING)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        self.watch.warnings.append(f"{record.name}: {record.getMessage()}")


def _guard_network(watch: Watch) -> None:
    """Refuse (and remember) every Internet connection or name lookup from Python.

    An audit hook cannot be removed, which is what we want: the smoke test ends the process.
    """
    internet = {socket.AF_INET, socket.AF_INET6}

    def hook(event: str, args: tuple[object, ...]) -> None:
        attempt = ""
        if event in ("socket.connect", "socket.sendto") and args:
            if getattr(args[0], "family", None) in internet:
                attempt = f"{event} {args[1]!r}" if len(args) > 1 else event
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
            attempt = f"{event} {args[0]!r}" if args else event
        if attempt:
            watch.network.append(attempt)
            raise PermissionError(f"the smoke test allows no network access ({attempt})")

    sys.addaudithook(hook)


def _prepare_environment(folder: Path) -> None:
    """Offscreen Qt and a data folder of our own; before the application exists."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ["BRIEFING_DATA_DIR"] = str(folder / "data")
    os.environ.pop("BRIEFING_LIBRARY", None)


def _quiet_offscreen_notices() -> None:
    """Qt's offscreen platform says it cannot resize windows to their hints, once per window;
    that is the platform, not the app, so it is not shown. Everything else Qt says is."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def smoke_test_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing --smoke-test", description="Check this installation without a display."
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary folder (library, PDF, a PNG of each tab) and print its path",
    )
    return parser


def run_smoke_test(argv: Sequence[str] = (), out: TextIO | None = None) -> int:
    """Run the smoke test; 0 when every step held, else 1 with the reason on stderr."""
    args = smoke_test_parser().parse_args(list(argv))
    out = sys.stdout if out is None else out
    folder = Path(tempfile.mkdtemp(prefix="briefing-smoke-"))
    watch = Watch()
    _guard_network(watch)
    recorder = _WarningRecorder(watch)
    logging.getLogger("briefing").addHandler(recorder)
    started = time.monotonic()
    try:
        _prepare_environment(folder)
        _quiet_offscreen_notices()
        from briefing.gui.smoke_steps import SmokeRun

        summary = SmokeRun(folder, watch, lambda line: print(line, file=out, flush=True)).run()
    except SmokeTestFailure as failure:
        print(f"briefing --smoke-test: FAILED: {failure}", file=sys.stderr)
        return 1
    except Exception as error:  # anything else is a failure of the installation too
        print(f"briefing --smoke-test: FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger("briefing").removeHandler(recorder)
        if args.keep:
            print(f"kept: {folder}", file=out)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"smoke test passed in {time.monotonic() - started:.1f} s: {summary}", file=out)
    return 0


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    """Run the event loop until ``condition`` holds, or fail naming ``what`` was awaited."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SmokeTestFailure(f"{what}: not done after {timeout_s:.0f} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)

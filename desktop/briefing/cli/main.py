"""The ``briefing`` command line.

``briefing`` with no sub-command opens the desktop window on the library; ``briefing FILE...``
opens it and adds those files (a first argument that names an existing file or folder and is
not a sub-command); ``briefing --library PATH [FILE...]`` opens another library and
``--with-samples`` loads the bundled samples into an empty one. ``briefing --smoke-test``
checks an installation without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from briefing import ENGINE_VERSION, __version__

if TYPE_CHECKING:
    from concurrent.futures import Future

    from briefing.analysis.workspace import Workspace

# The sub-commands, named here so that opening the window does not import them (they pull
# in the extraction engine); a test checks this against the parser.
COMMAND_NAMES = frozenset({"extract", "report", "eval", "library", "rates", "export"})
# Options of the window (not of a sub-command) that may come first.
WINDOW_OPTIONS = ("--library", "--with-samples")
SMOKE_TEST_OPTION = "--smoke-test"


def build_parser() -> argparse.ArgumentParser:
    from briefing.cli import (
        eval_command,
        export_command,
        extract_command,
        library_command,
        rates_command,
        report_command,
    )

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Investor Briefing: deals, segment metrics and analyst views from "
        "saved news articles, offline. Without a command, opens the window: "
        "briefing [--library PATH] [--with-samples] [FILE...].",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (extraction engine {ENGINE_VERSION})",
    )
    parser.add_argument(
        SMOKE_TEST_OPTION,
        action="store_true",
        help="check this installation without a display: open the window offscreen in a "
        "temporary folder, load the samples, build every tab and chart, export a PDF and "
        "check it (exit 0, or 1 with the reason)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract_command.add_parser(subparsers)
    report_command.add_parser(subparsers)
    eval_command.add_parser(subparsers)
    library_command.add_parser(subparsers)
    rates_command.add_parser(subparsers)
    export_command.add_parser(subparsers)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description="Open the Investor Briefing window."
    )
    parser.add_argument(
        "--library", type=Path, metavar="PATH", help="library file (default: the user's library)"
    )
    parser.add_argument(
        "--with-samples",
        action="store_true",
        help="load the bundled sample articles if the library is empty",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="articles to add")
    return parser


def opens_window(argv: Sequence[str], commands: Collection[str]) -> bool:
    """Whether ``argv`` asks for the window rather than a sub-command.

    >>> commands = {"extract", "report"}
    >>> opens_window([], commands), opens_window(["--library", "x.sqlite3"], commands)
    (True, True)
    >>> opens_window(["extract", "a.txt"], commands), opens_window(["--help"], commands)
    (False, False)
    >>> opens_window(["/"], commands), opens_window(["/surely/not/here.txt"], commands)
    (True, False)
    >>> opens_window(["--with-samples"], commands), opens_window(["--library=x"], commands)
    (True, True)
    """
    if not argv:
        return True
    first = argv[0]
    if first in commands:
        return False
    if first in WINDOW_OPTIONS or first.startswith("--library="):
        return True
    return not first.startswith("-") and Path(first).exists()


def missing_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether a window cannot be shown: Linux without X11 or Wayland and no Qt platform set.

    >>> missing_display({}, "linux"), missing_display({"DISPLAY": ":0"}, "linux")
    (True, False)
    >>> missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux"), missing_display({}, "darwin")
    (False, False)
    """
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def start_window(library: Path | None) -> tuple[ModuleType, Future[Workspace] | None]:
    """``briefing.gui.app``, imported the way the window starts fastest, and the library
    read already under way.

    Imported here: the other sub-commands must not pay for loading Qt. The window's Qt-free
    modules (pandas above all) are imported first: once PySide6 is loaded, its import hook
    makes every later import slower (0.1 s of the start-up). The library is then read in
    a thread while PySide6 loads and the window is built.
    """
    from briefing import paths
    from briefing.gui import preload

    reading = preload.start_reading(paths.library_path(library))
    from briefing.gui import app

    return app, reading


def run_window(argv: Sequence[str]) -> int:
    args = build_window_parser().parse_args(argv)
    if missing_display(os.environ):
        # Qt would abort with a core dump; say what to do instead.
        print(
            "briefing: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
            "unset). Start it from a desktop session; the sub-commands (briefing --help) "
            "work without one.",
            file=sys.stderr,
        )
        return 2
    app, reading = start_window(args.library)
    status: int = app.run_app(
        sys.argv[:1],
        library=args.library,
        files=args.files,
        with_samples=args.with_samples,
        first_reading=reading,
    )
    return status


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == [SMOKE_TEST_OPTION]:
        from briefing.gui.smoke_test import run_smoke_test  # sets up offscreen Qt first

        return run_smoke_test(arguments[1:])
    if opens_window(arguments, COMMAND_NAMES):
        return run_window(arguments)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `briefing extract ... | head`); that is not an error.
        sys.stderr.close()
        return 0
    return status


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    names: set[str] = set()
    for action in parser._actions:  # argparse has no public accessor for sub-commands
        if isinstance(action, argparse._SubParsersAction):
            names.update(action.choices)
    return names


if __name__ == "__main__":
    sys.exit(main())

"""``briefing export``: one company's briefing as a PDF (tables, vector charts, citations
linked to the sources, an outline).

Without a display the Qt application runs offscreen (STACK P14): set before Qt is
imported, since the platform is chosen when the QGuiApplication is created.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from briefing.cli.briefing_input import add_input_arguments, briefing_from_args, error


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="a company's briefing as a PDF",
        description="Write the briefing on one company as a PDF of a few pages: summary "
        "with citations, deals, segment metrics, analyst views with charts, conflicts "
        "between sources and the sources with their quotes.",
    )
    add_input_arguments(parser)
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", required=True, help="write the PDF here"
    )
    parser.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--pin-date",
        type=_iso_moment,
        metavar="ISO",
        help="generation time to state and stamp (same input, same PDF text)",
    )
    parser.set_defaults(run=run)


def _iso_moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(f"not an ISO date or time: {text!r}") from problem


def _application() -> object:
    """The QGuiApplication the export needs, offscreen when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["briefing"])


def _progress(step: int, steps: int, what: str) -> None:
    sys.stderr.write(f"\r[{step}/{steps}] {what}\033[K")
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.force:
        error(f"{args.output}: the file exists; add --force to replace it")
        return 1
    built = briefing_from_args(args, "export")
    if isinstance(built, int):
        return built
    application = _application()
    from briefing.pdf import ExportError, ExportOptions, export_briefing

    tty = sys.stderr.isatty()
    try:
        result = export_briefing(
            built.briefing,
            args.output,
            ExportOptions(paper=args.paper, generated=args.pin_date),
            overwrite=args.force,
            progress=_progress if tty else None,
        )
    except ExportError as problem:
        if tty:
            sys.stderr.write("\n")
        error(f"{problem.path}: {problem.reason}")
        return 1
    finally:
        del application
    if tty:
        sys.stderr.write("\n")
    print(f"{result.path}: {result.pages} page{'s' if result.pages != 1 else ''}")
    return 1 if built.failed else 0

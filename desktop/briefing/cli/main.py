"""The ``briefing`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing import ENGINE_VERSION, __version__
from briefing.cli import (
    eval_command,
    extract_command,
    library_command,
    rates_command,
    report_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Investor Briefing: deals, segment metrics and analyst views from "
        "saved news articles, offline.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (extraction engine {ENGINE_VERSION})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract_command.add_parser(subparsers)
    report_command.add_parser(subparsers)
    eval_command.add_parser(subparsers)
    library_command.add_parser(subparsers)
    rates_command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())

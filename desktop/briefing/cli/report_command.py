"""``briefing report``: one company's briefing as Markdown (to read) or JSON (for scripts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.atomic import atomic_writer
from briefing.cli.briefing_input import add_input_arguments, briefing_from_args, error

FORMATS = ("md", "json")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="a company's briefing across articles (Markdown or JSON)",
        description="Build the briefing on one company from article files or from the "
        "library: summary with citations, deal timeline, latest metrics, analyst picture, "
        "conflicts between sources and the sources themselves.",
    )
    add_input_arguments(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default="md", help="md: Markdown (default); json: for scripts"
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from briefing.cli.report_json import render_json
    from briefing.cli.report_render import render_markdown

    built = briefing_from_args(args, "report")
    if isinstance(built, int):
        return built
    briefing = built.briefing
    text = render_json(briefing) if args.format == "json" else render_markdown(briefing)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            with atomic_writer(args.output) as handle:
                handle.write(text)
        except OSError as problem:
            error(f"{args.output}: cannot write the report: {problem.strerror or problem}")
            return 1
    return 1 if built.failed else 0

"""``briefing report``: one company's briefing as Markdown (to read) or JSON (for scripts)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.atomic import atomic_writer
from briefing.domain.model import ArticleResult, Document

if TYPE_CHECKING:
    from briefing.analysis.frames import Frames

FORMATS = ("md", "json")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="a company's briefing across articles (Markdown or JSON)",
        description="Build the briefing on one company from article files or from the "
        "library: summary with citations, deal timeline, latest metrics, analyst picture, "
        "conflicts between sources and the sources themselves.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="file or folder")
    parser.add_argument(
        "--library",
        nargs="?",
        const=True,
        default=None,
        metavar="FILE",
        help="read the library instead of files (default library unless FILE is given)",
    )
    parser.add_argument(
        "--company", metavar="NAME", help="company name, ticker or ISIN (default: primary)"
    )
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument(
        "--currency",
        default="USD",
        type=str.upper,
        metavar="CUR",
        help="reporting currency for converted amounts (default USD)",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here")
    parser.add_argument("--recursive", action="store_true", help="walk sub-folders too")
    parser.set_defaults(run=run)


def _error(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def _from_files(paths: Sequence[Path], recursive: bool) -> tuple[list[ArticleResult], int]:
    from briefing.extract.engine import extract_document
    from briefing.ingest import IngestError, collect_article_paths, read_document

    files, errors = collect_article_paths(paths, recursive=recursive)
    for error in errors:
        _error(str(error))
    results = []
    failed = len(errors)
    for path in files:
        try:
            document = read_document(path)
        except IngestError as error:
            _error(str(error))
            failed += 1
            continue
        results.append(ArticleResult(document, extract_document(document)))
    return results, failed


def _library_frames(path: Path) -> tuple[Frames, dict[str, str]]:
    """The library's frames (straight from the stored JSON, no bodies) and its aliases."""
    from briefing.analysis.frames_stored import library_frames
    from briefing.store import Library

    with Library.open(path) as library:
        return library_frames(library), library.aliases()


def run(args: argparse.Namespace) -> int:
    from briefing.analysis.briefing import CompanyNotFoundError, build_briefing, find_company
    from briefing.analysis.frames import build_frames
    from briefing.cli.report_json import render_json
    from briefing.cli.report_render import render_markdown

    if args.paths and args.library is not None:
        _error("report: give article files or folders, or --library, not both")
        return 2
    if not args.paths and args.library is None:
        _error("report: give article files or folders, or --library [FILE]")
        return 2
    aliases: dict[str, str] = {}
    failed = 0
    documents: list[Document] = []
    library: Path | None = None
    if args.library is not None:
        from briefing.paths import library_path
        from briefing.store import LibraryError

        library = library_path(None if args.library is True else Path(args.library))
        try:
            frames, aliases = _library_frames(library)
        except LibraryError as error:
            _error(str(error))
            return 1
    else:
        results, failed = _from_files(args.paths, args.recursive)
        documents = [result.document for result in results]
        frames = build_frames(results, aliases)
    if frames.articles.empty:
        _error("report: no article could be read")
        return 1
    try:
        if args.company:
            company = find_company(frames, args.company, aliases)
        else:
            from briefing.analysis.briefing import primary_company

            found = primary_company(frames)
            if found is None:
                _error("report: the articles name no company; give --company")
                return 1
            company = found
    except CompanyNotFoundError as error:
        _error(f"report: {error}")
        return 1
    from briefing.analysis.fx import RatesFileError, UnknownCurrencyError, load_reference_rates
    from briefing.paths import resources_dir, user_rates_path

    try:
        rates = load_reference_rates(resources_dir(), user_rates_path())
    except RatesFileError as error:
        _error(f"{error}; amounts are not converted")
        rates = None
    from briefing.analysis.workspace import library_briefing, story_map_of
    from briefing.store import LibraryError

    try:
        if library is not None:
            briefing = library_briefing(library, frames, company, args.currency, rates)
        else:
            story_of = story_map_of(documents, frames.articles)
            briefing = build_briefing(frames, company, story_of, args.currency, rates)
    except LibraryError as error:
        _error(str(error))
        return 1
    except UnknownCurrencyError as error:
        _error(f"report: {error}; `briefing rates show` lists the known currencies")
        return 2
    text = render_json(briefing) if args.format == "json" else render_markdown(briefing)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            with atomic_writer(args.output) as handle:
                handle.write(text)
        except OSError as error:
            _error(f"{args.output}: cannot write the report: {error.strerror or error}")
            return 1
    return 1 if failed else 0

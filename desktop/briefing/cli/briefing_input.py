"""The part of ``briefing report`` and ``briefing export`` that turns article files or the
library into one company's briefing: arguments, reading, company lookup, conversion."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.domain.model import ArticleResult, Document

if TYPE_CHECKING:
    from briefing.analysis.briefing import Briefing
    from briefing.analysis.frames import Frames


@dataclass(frozen=True)
class BriefingInput:
    """The briefing built, and how many article files could not be read."""

    briefing: Briefing
    failed: int


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """PATH..., --library [FILE], --company, --currency and --recursive."""
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
    parser.add_argument(
        "--currency",
        default="USD",
        type=str.upper,
        metavar="CUR",
        help="reporting currency for converted amounts (default USD)",
    )
    parser.add_argument("--recursive", action="store_true", help="walk sub-folders too")


def error(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def _from_files(paths: Sequence[Path], recursive: bool) -> tuple[list[ArticleResult], int]:
    from briefing.extract.engine import extract_document
    from briefing.ingest import IngestError, collect_article_paths, read_document

    files, errors = collect_article_paths(paths, recursive=recursive)
    for problem in errors:
        error(str(problem))
    results = []
    failed = len(errors)
    for path in files:
        try:
            document = read_document(path)
        except IngestError as problem:
            error(str(problem))
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


def briefing_from_args(args: argparse.Namespace, command: str) -> BriefingInput | int:
    """The briefing the arguments ask for, or the exit code after saying why not (1 for
    an error, 2 for a usage error); messages name ``command``."""
    from briefing.analysis.briefing import CompanyNotFoundError, build_briefing, find_company
    from briefing.analysis.frames import build_frames

    if args.paths and args.library is not None:
        error(f"{command}: give article files or folders, or --library, not both")
        return 2
    if not args.paths and args.library is None:
        error(f"{command}: give article files or folders, or --library [FILE]")
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
        except LibraryError as problem:
            error(str(problem))
            return 1
    else:
        results, failed = _from_files(args.paths, args.recursive)
        documents = [result.document for result in results]
        frames = build_frames(results, aliases)
    if frames.articles.empty:
        error(f"{command}: no article could be read")
        return 1
    try:
        if args.company:
            company = find_company(frames, args.company, aliases)
        else:
            from briefing.analysis.briefing import primary_company

            found = primary_company(frames)
            if found is None:
                error(f"{command}: the articles name no company; give --company")
                return 1
            company = found
    except CompanyNotFoundError as problem:
        error(f"{command}: {problem}")
        return 1
    from briefing.analysis.fx import RatesFileError, UnknownCurrencyError, load_reference_rates
    from briefing.paths import resources_dir, user_rates_path

    try:
        rates = load_reference_rates(resources_dir(), user_rates_path())
    except RatesFileError as problem:
        error(f"{problem}; amounts are not converted")
        rates = None
    from briefing.analysis.workspace import library_briefing, story_map_of
    from briefing.store import LibraryError

    try:
        if library is not None:
            briefing = library_briefing(library, frames, company, args.currency, rates)
        else:
            story_of = story_map_of(documents, frames.articles)
            briefing = build_briefing(frames, company, story_of, args.currency, rates)
    except LibraryError as problem:
        error(str(problem))
        return 1
    except UnknownCurrencyError as problem:
        error(f"{command}: {problem}; `briefing rates show` lists the known currencies")
        return 2
    return BriefingInput(briefing, failed)

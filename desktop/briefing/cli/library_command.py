"""``briefing library``: keep articles and their extractions between runs.

    briefing library add PATH... [--recursive]
    briefing library list [--company X] [--format table|json]
    briefing library remove ID... [--yes]
    briefing library reextract
    briefing library export --format csv|json|xlsx -o FILE
    briefing library alias add ALIAS COMPANY | list [--company X] | remove ALIAS...

Exit status: 0 on success, 1 when a file or the library could not be used (each named on
stderr with the reason), 2 for bad usage (e.g. ``remove`` without ``--yes`` off a terminal).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from briefing import ENGINE_VERSION
from briefing.cli import alias_command
from briefing.domain.model import ArticleResult
from briefing.paths import library_path
from briefing.store import Library, LibraryError, StoredArticle

PROGRESS_MIN_FILES = 4
_T = TypeVar("_T")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "library",
        help="the library of articles kept between runs",
        description="Add, list, remove, re-extract and export the articles of the library.",
    )
    parser.add_argument(
        "--library",
        type=Path,
        metavar="PATH",
        help="library file (default: $BRIEFING_LIBRARY, else the user data folder)",
    )
    parser.add_argument(
        "--recover-corrupt",
        action="store_true",
        help="if the library is corrupt, move it aside (NAME.corrupt-DATE) and start afresh",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="read, extract and store article files",
        description="read, extract and store article files",
    )
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    add.add_argument("--recursive", action="store_true", help="walk sub-folders too")
    add.set_defaults(run=_runner(_add))

    listing = actions.add_parser(
        "list", help="list the stored articles", description="list the stored articles"
    )
    listing.add_argument("--company", metavar="NAME", help="only articles naming this company")
    listing.add_argument(
        "--format", choices=("table", "json"), default="table", help="table (default) or json"
    )
    listing.set_defaults(run=_runner(_list))

    remove = actions.add_parser(
        "remove",
        help="remove articles by id or unique id prefix",
        description="remove articles by id or unique id prefix",
    )
    remove.add_argument(
        "ids", nargs="+", metavar="ID", help="article id or unique prefix (see library list)"
    )
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.set_defaults(run=_runner(_remove))

    reextract = actions.add_parser(
        "reextract",
        help="redo extractions made by another engine version",
        description="redo extractions made by another engine version",
    )
    reextract.set_defaults(run=_runner(_reextract))

    export = actions.add_parser(
        "export",
        help="write deals, metrics, views and articles",
        description="write deals, metrics, views and articles",
    )
    export.add_argument(
        "--format",
        choices=("csv", "json", "xlsx"),
        required=True,
        help="xlsx: one sheet per kind; csv: one file per kind beside FILE; json: one file",
    )
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="write here"
    )
    export.set_defaults(run=_runner(_export))

    alias_command.add_parser(actions, _runner)


def _error(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def _open(args: argparse.Namespace) -> Library:
    path = library_path(args.library)
    if args.library is None:
        # The default lives in the user data folder, which a first run has to create.
        path.parent.mkdir(parents=True, exist_ok=True)
    library = Library.open(path, recover_corrupt=args.recover_corrupt)
    if library.moved_aside is not None:
        _error(f"{path}: was corrupt; moved aside to {library.moved_aside}, started afresh")
    return library


def _progress(items: Sequence[_T], unit: str) -> Iterator[_T]:
    if len(items) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=len(items), unit=unit, file=sys.stderr, leave=False)


Action = Callable[[argparse.Namespace, Library], int]


def _runner(action: Action) -> Callable[[argparse.Namespace], int]:
    """``run(args)`` for an action: open the library, act, report library errors."""

    def run(args: argparse.Namespace) -> int:
        try:
            with _open(args) as library:
                return action(args, library)
        except LibraryError as error:
            _error(str(error))
            return 1

    return run


# -- the actions ----------------------------------------------------------------------------


def _read_and_extract(path: Path) -> ArticleResult:
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    document = read_document(path)
    return ArticleResult(document, extract_document(document))


def _add(args: argparse.Namespace, library: Library) -> int:
    from briefing.ingest import IngestError, collect_article_paths

    paths, path_errors = collect_article_paths(args.paths, recursive=args.recursive)
    failures = [str(error) for error in path_errors]
    added = present = 0
    for path in _progress(paths, "article"):
        try:
            result = _read_and_extract(path)
        except IngestError as error:
            failures.append(str(error))
            continue
        except Exception as error:  # a bug must not cost the user the rest of the batch
            failures.append(f"{path}: internal error while extracting: {error!r}")
            continue
        outcome = library.add(result, ENGINE_VERSION)
        if outcome.added:
            added += 1
        else:
            present += 1
            _error(outcome.message)
    for failure in failures:
        _error(failure)
    print(f"added {added}, already present {present}, failed {len(failures)}")
    return 1 if failures else 0


def _table(
    articles: Iterable[StoredArticle], company_id: Callable[[str | None], str | None]
) -> str:
    lines = [f"{'ID':12}  {'PUBLISHED':10}  {'COMPANY':18}  {'D/M/V':8}  TITLE"]
    for a in articles:
        counts = f"{a.deals}/{a.metrics}/{a.analyst_views}"
        published = (a.published or "")[:10]
        company = (company_id(a.primary_company) or "")[:18]
        lines.append(f"{a.id[:12]}  {published:10}  {company:18}  {counts:8}  {a.title or a.path}")
    return "\n".join(lines)


def _list(args: argparse.Namespace, library: Library) -> int:
    from briefing.cli import company_lookup  # pandas: only for the commands that need it

    # Companies through the resolver (aliases, table, articles): "BABA" finds "Alibaba".
    stored = library.articles()
    resolver = company_lookup.library_resolver(library, asked=[args.company], articles=stored)
    company_id = company_lookup.memoised(resolver)
    articles = company_lookup.articles_naming(stored, args.company, company_id)
    if args.format == "json":
        rows = [
            dataclasses.asdict(article) | {"company_id": company_id(article.primary_company)}
            for article in articles
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif articles:
        print(_table(articles, company_id))
    else:
        which = f" naming {args.company}" if args.company else ""
        print(f"no articles{which} in {library.path}")
    return 0


def _confirmed(count: int) -> bool:
    answer = input(f"Remove {count} article(s) from the library? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def _remove(args: argparse.Namespace, library: Library) -> int:
    ids = [library.resolve(given) for given in args.ids]
    if not args.yes:
        if not sys.stdin.isatty():
            _error(f"refusing to remove {len(ids)} article(s) without --yes (not a terminal)")
            return 2
        if not _confirmed(len(ids)):
            print("nothing removed")
            return 0
    removed = library.remove(ids)
    print(f"removed {removed} article(s)")
    return 0


def _reextract(args: argparse.Namespace, library: Library) -> int:
    from briefing.extract.engine import extract_document

    stale = library.stale(ENGINE_VERSION)
    if not stale:
        print(f"all {len(library)} article(s) are up to date (engine {ENGINE_VERSION})")
        return 0
    failures = 0
    for document in _progress(library.documents(stale), "article"):
        try:
            extraction = extract_document(document)
        except Exception as error:  # keep going; the old extraction stays
            _error(f"{document.path}: internal error while re-extracting: {error!r}")
            failures += 1
            continue
        library.replace_extraction(document.id, extraction, ENGINE_VERSION)
    print(f"re-extracted {len(stale) - failures} of {len(stale)} stale article(s)")
    return 1 if failures else 0


def _export(args: argparse.Namespace, library: Library) -> int:
    try:
        from briefing.analysis.export import export_frames
        from briefing.analysis.frames_stored import library_frames
    except ImportError as error:
        _error(f"export is not available in this build: {error}")
        return 1
    # Straight from the stored JSON: the same frames as ``build_frames(library.results())``.
    frames = library_frames(library)
    try:
        written = export_frames(frames, args.output, args.format)
    except OSError as error:
        _error(f"cannot write {args.output}: {error.strerror or error}")
        return 1
    except ValueError as error:  # the analysis layer's ExportError
        _error(f"{args.output}: {error}")
        return 1
    for path in written:
        print(path)
    return 0

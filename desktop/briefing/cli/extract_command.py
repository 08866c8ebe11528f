"""``briefing extract``: articles in, the extraction contract out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, Any

from briefing import ENGINE_VERSION
from briefing.atomic import atomic_writer
from briefing.cli.tabular import write_csv
from briefing.domain.contract import article_to_dict, extraction_payload
from briefing.domain.model import ArticleResult

# Below this many files a progress bar is more noise than help.
PROGRESS_MIN_FILES = 4
DEFAULT_MAX_MEGABYTES = 20

# One file's outcome: ("ok", article dict) or ("error", {"path", "reason", "message"}).
Outcome = tuple[str, dict[str, Any]]


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract deals, metrics and analyst views from article files",
        description="Read article files (.txt .md .markdown .html .htm .pdf .eml) or folders "
        "of them and print the briefing.extraction/1 JSON.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "csv"),
        default="json",
        help="json: one document (default); jsonl: one article per line; csv: one row per item",
    )
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    parser.add_argument("--recursive", action="store_true", help="walk sub-folders too")
    parser.add_argument(
        "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes"
    )
    parser.add_argument(
        "--max-size",
        type=_positive_int,
        default=DEFAULT_MAX_MEGABYTES,
        metavar="MB",
        help=f"refuse files larger than this (default {DEFAULT_MAX_MEGABYTES} MB)",
    )
    parser.set_defaults(run=run)


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def extract_file(path: Path, max_bytes: int) -> Outcome:
    """Read and extract one file; every failure becomes an error naming the file."""
    from briefing.extract.engine import extract_document
    from briefing.ingest import IngestError, read_document

    try:
        document = read_document(path, max_bytes=max_bytes)
        extraction = extract_document(document)
    except IngestError as error:
        return "error", {"path": str(path), "reason": error.reason, "message": str(error)}
    except Exception as error:  # a bug must not cost the user the rest of the batch
        message = f"{path}: internal error while extracting: {type(error).__name__}: {error}"
        return "error", {"path": str(path), "reason": "internal error", "message": message}
    return "ok", article_to_dict(ArticleResult(document, extraction))


def _extract_star(arguments: tuple[Path, int]) -> Outcome:
    return extract_file(*arguments)


def _outcomes(paths: Sequence[Path], jobs: int, max_bytes: int) -> Iterator[Outcome]:
    if jobs == 1 or len(paths) < 2:
        for path in paths:
            yield extract_file(path, max_bytes)
        return
    # Import the engine before the workers fork, so they share it instead of each
    # paying for the imports again.
    import briefing.extract.engine  # noqa: F401

    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_extract_star, [(p, max_bytes) for p in paths], chunksize=chunk)


def _progress(outcomes: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield from outcomes
        return
    from tqdm import tqdm

    yield from tqdm(outcomes, total=total, unit="article", file=sys.stderr, leave=False)


def _write(
    output: IO[str], fmt: str, articles: list[dict[str, Any]], errors: list[dict[str, Any]]
) -> None:
    if fmt == "json":
        payload = extraction_payload([], ENGINE_VERSION, errors)
        payload["articles"] = articles
        json.dump(payload, output, ensure_ascii=False, indent=2)
        output.write("\n")
    elif fmt == "jsonl":
        for article in articles:
            output.write(json.dumps(article, ensure_ascii=False))
            output.write("\n")
    else:
        write_csv(output, articles)


def run(args: argparse.Namespace) -> int:
    from briefing.ingest import collect_article_paths

    paths, path_errors = collect_article_paths(args.paths, recursive=args.recursive)
    errors: list[dict[str, Any]] = [
        {"path": e.path, "reason": e.reason, "message": str(e)} for e in path_errors
    ]
    articles: list[dict[str, Any]] = []
    outcomes = _outcomes(paths, args.jobs, args.max_size * 1024 * 1024)
    for status, data in _progress(outcomes, len(paths)):
        (articles if status == "ok" else errors).append(data)

    for error in errors:
        print(f"briefing: {error['message']}", file=sys.stderr)
    if args.output is None:
        _write(sys.stdout, args.format, articles, errors)
    else:
        try:
            with atomic_writer(args.output) as handle:
                _write(handle, args.format, articles, errors)
        except OSError as error:
            print(f"briefing: cannot write {args.output}: {error.strerror}", file=sys.stderr)
            return 1
    return 1 if errors else 0

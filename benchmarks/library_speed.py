"""Library speed and size for 5,000 stored articles.

    .venv/bin/python benchmarks/library_speed.py              # 500 extracted x 10 copies
    .venv/bin/python benchmarks/library_speed.py -n 100 --copies 5 --keep /tmp/lib.sqlite3

Extracting 5,000 articles takes over a minute, so ``-n`` corpus articles are extracted once
and each is stored ``--copies`` times with a different body (a reprint line appended, so
every copy has its own id and its evidence offsets stay valid).

Figures: add time (one transaction per batch of ``--batch``), file size (goal < 100 MB),
open time (open + list every article, goal < 0.5 s) and ``results()`` load time.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import sys
import tempfile
import time
from pathlib import Path

from briefing import ENGINE_VERSION
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document
from briefing.store import Library
from generate_corpus import DEFAULT_DIR, write_corpus

GOAL_SIZE_MB = 100.0
GOAL_OPEN_S = 0.5


def extracted_corpus(folder: Path, count: int) -> list[ArticleResult]:
    files = sorted(folder.glob("article_*.txt")) if folder.is_dir() else []
    if len(files) < count:
        print(f"generating {count} articles in {folder} ...", file=sys.stderr)
        files = write_corpus(folder, count)
    results = []
    for path in files[:count]:
        document = read_document(path)
        results.append(ArticleResult(document, extract_document(document)))
    return results


def reprint(result: ArticleResult, copy: int) -> ArticleResult:
    """The same article with one line appended: a new id, the same extraction."""
    body = f"{result.document.body}\n\nReprinted, copy {copy}."
    document = dataclasses.replace(
        result.document,
        body=body,
        id=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        path=f"{result.document.path}#{copy}",
    )
    return ArticleResult(document, result.extraction)


def run(path: Path, results: list[ArticleResult], copies: int, batch: int) -> dict[str, float]:
    articles = [reprint(r, c) for c in range(copies) for r in results]
    started = time.perf_counter()
    with Library.open(path) as library:
        for start in range(0, len(articles), batch):
            library.add_many(articles[start : start + batch], ENGINE_VERSION)
    add_s = time.perf_counter() - started

    size_mb = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6

    started = time.perf_counter()
    with Library.open(path) as library:
        listed = library.articles()
        open_s = time.perf_counter() - started
        started = time.perf_counter()
        loaded = library.results()
        results_s = time.perf_counter() - started
    assert len(listed) == len(loaded) == len(articles)
    return {
        "articles": len(articles),
        "add_s": add_s,
        "size_mb": size_mb,
        "open_s": open_s,
        "results_s": results_s,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=500, help="articles to extract")
    parser.add_argument("--copies", type=int, default=10, help="stored copies of each")
    parser.add_argument("--batch", type=int, default=50, help="articles per transaction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--keep", type=Path, help="write the library here (must not exist)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    results = extracted_corpus(args.corpus, args.count)
    print(f"extracted {len(results)} articles in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory(prefix="briefing-library-bench-") as folder:
        path = args.keep or Path(folder) / "library.sqlite3"
        if path.exists():
            parser.error(f"{path} exists; give a new file")
        figures = run(path, results, args.copies, args.batch)
    n = figures["articles"]
    print(f"articles stored:  {n:.0f}")
    print(
        f"add:              {figures['add_s']:.2f} s ({1000 * figures['add_s'] / n:.2f} ms/article)"
    )
    size_ok = "ok" if figures["size_mb"] < GOAL_SIZE_MB else "OVER GOAL"
    print(
        f"file size:        {figures['size_mb']:.1f} MB (goal < {GOAL_SIZE_MB:.0f} MB: {size_ok})"
    )
    open_ok = "ok" if figures["open_s"] < GOAL_OPEN_S else "OVER GOAL"
    print(f"open + list:      {figures['open_s']:.3f} s (goal < {GOAL_OPEN_S} s: {open_ok})")
    print(f"results() load:   {figures['results_s']:.2f} s")
    return 0 if size_ok == open_ok == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())

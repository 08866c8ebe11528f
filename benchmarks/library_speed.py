"""Library speed and size for 5,000 stored articles.

    .venv/bin/python benchmarks/library_speed.py              # 500 extracted x 10 copies
    .venv/bin/python benchmarks/library_speed.py -n 100 --copies 5 --keep /tmp/lib.sqlite3

Extracting 5,000 articles takes over a minute, so ``-n`` corpus articles are extracted once
and each is stored ``--copies`` times with a different body (a reprint line appended, so
every copy has its own id and its evidence offsets stay valid).

Figures: add time (one transaction per batch of ``--batch``), file size (goal < 100 MB),
open time (open + list every article, goal < 0.5 s), ``results()`` load time and the
briefing frames straight from the stored frame rows (``library_frames``: ``stored_rows`` +
``frames_from_rows`` in one pause of garbage collection, goal < 2 s), checked equal to
``build_frames(results())``. Read figures are CPU seconds, the best of ``--repeat`` (the
machine is shared: wall time counts the waits for a core).

    .venv/bin/python benchmarks/library_speed.py --reuse /tmp/lib.sqlite3   # measure only

``--reuse`` measures a copy (made in a temporary folder) and leaves the file untouched: a
library of an older schema is upgraded when first opened, and that first open is timed
too ("migration").
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from briefing import ENGINE_VERSION
from briefing.analysis.frames import build_frames
from briefing.analysis.frames_stored import frames_from_stored, library_frames
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document
from briefing.store import Library
from generate_corpus import DEFAULT_DIR, write_corpus

GOAL_SIZE_MB = 100.0
GOAL_OPEN_S = 0.5
GOAL_FRAMES_S = 2.0


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


def store(path: Path, results: list[ArticleResult], copies: int, batch: int) -> dict[str, float]:
    articles = [reprint(r, c) for c in range(copies) for r in results]
    started = time.perf_counter()
    with Library.open(path) as library:
        for start in range(0, len(articles), batch):
            library.add_many(articles[start : start + batch], ENGINE_VERSION)
    return {"add_s": time.perf_counter() - started}


def _cpu(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.process_time()
        action()
        timings.append(time.process_time() - started)
    return min(timings)


def migrate_copy(original: Path, folder: Path) -> tuple[Path, dict[str, float]]:
    """A copy of ``original`` in ``folder``, opened once (upgraded if of an older schema)."""
    copy = folder / original.name
    shutil.copyfile(original, copy)
    started, wall = time.process_time(), time.perf_counter()
    Library.open(copy).close()
    return copy, {
        "migrate_s": time.process_time() - started,
        "migrate_wall_s": time.perf_counter() - wall,
    }


def measure(path: Path, repeat: int) -> dict[str, float]:
    """Read figures on a stored library, CPU seconds, best of ``repeat``."""
    size_mb = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6

    def open_and_list() -> None:
        with Library.open(path) as library:
            library.articles()

    with Library.open(path) as library:
        count = len(library)
        aliases = library.aliases()
        slow = build_frames(library.results(), aliases)
        from_json = frames_from_stored(library.stored_extractions(), aliases)
        for fast in (library_frames(library), from_json):
            for kind, frame in slow.by_kind().items():
                pd.testing.assert_frame_equal(getattr(fast, kind), frame, obj=kind)
        return {
            "articles": count,
            "size_mb": size_mb,
            "open_s": _cpu(open_and_list, repeat),
            "results_s": _cpu(library.results, repeat),
            "build_frames_s": _cpu(lambda: build_frames(library.results(), aliases), repeat),
            "stored_s": _cpu(library.stored_rows, repeat),
            "frames_s": _cpu(lambda: library_frames(library), repeat),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=500, help="articles to extract")
    parser.add_argument("--copies", type=int, default=10, help="stored copies of each")
    parser.add_argument("--batch", type=int, default=50, help="articles per transaction")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--keep", type=Path, help="write the library here (must not exist)")
    parser.add_argument("--reuse", type=Path, help="measure this stored library, add nothing")
    parser.add_argument("--repeat", type=int, default=3, help="read figures: best of N")
    args = parser.parse_args(argv)

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-library-bench-") as folder:
        path = args.keep or Path(folder) / "library.sqlite3"
        if args.reuse is not None:
            path, figures = migrate_copy(args.reuse, Path(folder))
        else:
            if path.exists():
                parser.error(f"{path} exists; give a new file")
            started = time.perf_counter()
            results = extracted_corpus(args.corpus, args.count)
            print(f"extracted {len(results)} articles in {time.perf_counter() - started:.1f} s")
            figures = store(path, results, args.copies, args.batch)
        figures |= measure(path, args.repeat)
    n = figures["articles"]
    print(f"articles stored:  {n:.0f}")
    if "add_s" in figures:
        add_s = figures["add_s"]
        print(f"add:              {add_s:.2f} s wall ({1000 * add_s / n:.2f} ms/article)")
    if "migrate_s" in figures:
        print(
            f"first open (schema upgrade if older): {figures['migrate_s']:.2f} s CPU, "
            f"{figures['migrate_wall_s']:.2f} s wall"
        )
    size_ok = "ok" if figures["size_mb"] < GOAL_SIZE_MB else "OVER GOAL"
    print(
        f"file size:        {figures['size_mb']:.1f} MB (goal < {GOAL_SIZE_MB:.0f} MB: {size_ok})"
    )
    print(f"CPU seconds, best of {args.repeat}:")
    open_ok = "ok" if figures["open_s"] < GOAL_OPEN_S else "OVER GOAL"
    print(f"open + list:      {figures['open_s']:.3f} s (goal < {GOAL_OPEN_S} s: {open_ok})")
    print(f"results() load:   {figures['results_s']:.2f} s")
    print(f"results() + build_frames: {figures['build_frames_s']:.2f} s (the old export path)")
    print(f"stored_rows():            {figures['stored_s']:.2f} s")
    frames_ok = "ok" if figures["frames_s"] < GOAL_FRAMES_S else "OVER GOAL"
    print(
        f"library_frames():         {figures['frames_s']:.2f} s "
        f"(goal < {GOAL_FRAMES_S:.0f} s: {frames_ok}; frames equal to build_frames)"
    )
    return 0 if size_ok == open_ok == frames_ok == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Chart builders on big briefings: time each one and save its PNG to look at.

    .venv/bin/python benchmarks/chart_speed.py /tmp/charts              # 50, 200, 500 articles
    .venv/bin/python benchmarks/chart_speed.py /tmp/charts -n 500 --keep /tmp/chart-libraries
    .venv/bin/python benchmarks/chart_speed.py /tmp/charts --samples    # the bundled samples

For each size N the first N corpus articles (``generate_corpus.py``) are imported into a
temporary library (kept in ``--keep DIR`` and reused when given), the briefing of the most
covered company is built in USD, then every chart builder is timed (build, then the SVG a
PDF would embed) and its chart saved as ``DIR/N/<builder>.png``. It is a report: exit 0.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
# Never the user's data folder (rates, settings): a private one for this process.
os.environ["BRIEFING_DATA_DIR"] = tempfile.mkdtemp(prefix="chart-speed-data-")

from briefing.analysis.briefing import Briefing
from briefing.analysis.importer import import_paths
from briefing.analysis.workspace import company_briefing, load_workspace
from briefing.charts import (
    Chart,
    deal_timeline_chart,
    multiples_chart,
    performance_chart,
    price_targets_chart,
    ratings_chart,
    save_chart,
    segment_growth_chart,
    segment_values_chart,
)
from briefing.store import Library
from generate_corpus import DEFAULT_DIR, write_corpus

SIZES = (50, 200, 500)
BUILDER_GOAL_S, TOTAL_GOAL_S = 0.3, 1.5
SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"

# builder name -> (how it is called on a briefing, the rows it reads)
BUILDERS: dict[str, tuple[Callable[[Briefing], Chart], Callable[[Briefing], int]]] = {
    "deals": (lambda b: deal_timeline_chart(b.deals, b.reporting_currency), lambda b: len(b.deals)),
    "segment_values": (lambda b: segment_values_chart(b.metrics), lambda b: len(b.metrics)),
    "segment_growth": (lambda b: segment_growth_chart(b.metrics), lambda b: len(b.metrics)),
    "price_targets": (
        lambda b: price_targets_chart(b.analysts),
        lambda b: len(b.analysts.targets),
    ),
    "ratings": (lambda b: ratings_chart(b.analysts), lambda b: len(b.analysts.ratings)),
    "multiples": (lambda b: multiples_chart(b.analysts), lambda b: len(b.analysts.multiples)),
    "performance": (
        lambda b: performance_chart(b.analysts),
        lambda b: len(b.analysts.performance),
    ),
}


def library_of(files: list[Path], path: Path) -> Path:
    """A library at ``path`` holding ``files`` (imported unless it already exists)."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with Library.open(path) as library:
        summary = import_paths(files, library)
    took = time.perf_counter() - started
    print(f"  imported {len(summary.added)} articles in {took:.1f} s", file=sys.stderr)
    return path


def corpus_files(corpus: Path, count: int) -> list[Path]:
    files = sorted(corpus.glob("article_*.txt")) if corpus.is_dir() else []
    if len(files) < count:
        print(f"generating {count} articles in {corpus} ...", file=sys.stderr)
        files = write_corpus(corpus, count)
    return files[:count]


def briefing_of(library: Path, company: str | None) -> Briefing:
    """The USD briefing of ``company`` (a name or id), else of the most covered company."""
    workspace = load_workspace(library)
    companies = workspace.companies
    if company is not None:
        named = companies["name"].str.contains(company, case=False, regex=False)
        chosen = companies[named | (companies["company_id"] == company)]
        companies = chosen if not chosen.empty else companies
    row = companies.iloc[0]
    print(f"  company: {row['name']} ({row['articles']} articles)")
    return company_briefing(workspace, str(row["company_id"]), "USD")


def time_builders(briefing: Briefing, out: Path) -> None:
    """Build, render and save every chart; print the table."""
    out.mkdir(parents=True, exist_ok=True)
    print(f"  {'builder':<15} {'rows in':>8} {'build s':>8} {'svg s':>7} {'total s':>8}")
    total = 0.0
    for name, (build, rows) in BUILDERS.items():
        started = time.perf_counter()
        chart = build(briefing)
        built = time.perf_counter() - started
        chart.figure.savefig(io.BytesIO(), format="svg")
        rendered = time.perf_counter() - started - built
        total += built + rendered
        flag = "" if built + rendered < BUILDER_GOAL_S else "  > goal"
        print(
            f"  {name:<15} {rows(briefing):>8} {built:>8.3f} {rendered:>7.3f} "
            f"{built + rendered:>8.3f}{flag}"
        )
        save_chart(chart, out / f"{name}.png")
        chart.figure.clear()
    verdict = "met" if total < TOTAL_GOAL_S else "NOT met"
    print(f"  all charts: {total:.3f} s (goal < {TOTAL_GOAL_S} s: {verdict}); PNGs in {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="folder for the PNGs (one sub-folder per size)")
    parser.add_argument("-n", "--count", type=int, action="append", help="articles (repeatable)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the libraries in this folder")
    parser.add_argument("--company", help="chart this company instead of the most covered one")
    parser.add_argument("--samples", action="store_true", help="the bundled samples instead")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="chart-speed-"))
    libraries = args.keep or scratch
    try:
        if args.samples:
            print(f"samples: {SAMPLES}")
            library = library_of(sorted(SAMPLES.iterdir()), libraries / "samples.sqlite3")
            time_builders(briefing_of(library, args.company or "Alibaba"), args.output / "samples")
        for count in args.count or ([] if args.samples else list(SIZES)):
            print(f"{count} articles")
            library = library_of(
                corpus_files(args.corpus, count), libraries / f"chart_{count}.sqlite3"
            )
            time_builders(briefing_of(library, args.company), args.output / str(count))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

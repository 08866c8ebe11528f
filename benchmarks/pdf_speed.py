"""PDF briefing export speed over 50 and 500 articles (issue 5); see README.md.

    .venv/bin/python benchmarks/pdf_speed.py                # 50 and 500 articles, best of 3
    .venv/bin/python benchmarks/pdf_speed.py -n 50 --repeat 1 --keep /tmp/pdfs

For each size: the first N articles of the generated corpus are imported into a temporary
library, the most covered company's briefing is built (as the window does), and the timed
part (best of ``--repeat``) is ``export_briefing`` of that briefing with its charts, to a
temporary folder. The two Alibaba samples come first: the one briefing with all seven charts
(the generated corpus states few analyst views). The
briefing build is reported too, apart. Offscreen, one process. It is a report: exit 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generate_corpus import DEFAULT_DIR, write_corpus

GOALS = {50: 3.0, 500: 15.0}  # seconds for the export, by article count


def corpus_files(corpus: Path, count: int) -> list[Path]:
    files = sorted(path for path in corpus.glob("*") if path.is_file()) if corpus.is_dir() else []
    if len(files) < count:
        print(f"generating {count} articles in {corpus} ...", file=sys.stderr)
        files = write_corpus(corpus, max(count, len(files)))
    return sorted(files)[:count]


def measure(
    count: int, corpus: Path, repeat: int, keep: Path | None, files: list[Path] | None = None
) -> dict[str, object]:
    from briefing.analysis.importer import import_paths
    from briefing.analysis.workspace import company_briefing, load_workspace
    from briefing.gui.company_charts import company_charts
    from briefing.pdf import ExportOptions, export_briefing
    from briefing.store import Library

    with tempfile.TemporaryDirectory(prefix="briefing-pdf-bench-") as temp:
        folder = Path(temp)
        articles = folder / "articles"
        articles.mkdir()
        for path in files if files is not None else corpus_files(corpus, count):
            shutil.copyfile(path, articles / path.name)
        library = folder / "library.sqlite3"
        with Library.open(library) as opened:
            import_paths([articles], opened)
        started = time.perf_counter()
        workspace = load_workspace(library)
        company = str(workspace.companies["company_id"].iloc[0])
        briefing = company_briefing(workspace, company, "USD")
        briefing_s = time.perf_counter() - started
        charts = company_charts(briefing, "USD", "light")
        every = (*charts.deals, *charts.segments, *charts.analysts)
        drawn = sum(chart is not None and not chart.empty for chart in every)
        times = []
        result = None
        for attempt in range(repeat):
            target = folder / f"briefing-{attempt}.pdf"
            started = time.perf_counter()
            result = export_briefing(briefing, target, ExportOptions())
            times.append(time.perf_counter() - started)
        assert result is not None
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(result.path, keep / f"briefing-{count}.pdf")
        return {
            "articles": count if files is None else f"{count} (samples)",
            "charts": drawn,
            "company": company,
            "sources": len(briefing.sources),
            "deals": len(briefing.deals),
            "metrics": len(briefing.metrics),
            "briefing_s": briefing_s,
            "export_s": min(times),
            "pages": result.pages,
            "kb": result.path.stat().st_size / 1024,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, action="append", help="articles (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="exports timed per size")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--keep", type=Path, help="copy each exported PDF into this folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    samples = sorted(
        (Path(__file__).resolve().parents[1] / "resources" / "samples").glob("alibaba_*")
    )
    rows = [measure(len(samples), args.corpus, args.repeat, None, samples)]
    rows += [
        measure(count, args.corpus, args.repeat, args.keep) for count in args.count or [50, 500]
    ]
    header = ("articles", "company", "sources", "deals", "metrics", "charts", "briefing", "export")
    print("| " + " | ".join((*header, "goal", "pages", "size")) + " |")
    print("|---:|---|" + "---:|" * 9)
    for row in rows:
        goal = GOALS.get(row["articles"])  # type: ignore[call-overload]
        export_s = float(str(row["export_s"]))
        verdict = "" if goal is None else f"< {goal:g} s {'PASS' if export_s < goal else 'MISS'}"
        print(
            f"| {row['articles']} | {row['company']} | {row['sources']} | {row['deals']} | "
            f"{row['metrics']} | {row['charts']} of 7 | {float(str(row['briefing_s'])):.2f} s | "
            f"{export_s:.2f} s | "
            f"{verdict} | {row['pages']} | {float(str(row['kb'])):.0f} KB |"
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

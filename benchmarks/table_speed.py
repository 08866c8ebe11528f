"""Sort and filter speed of the GUI's FrameModel at 100k rows (goal: each < 0.2 s).

Run: ``.venv/bin/python benchmarks/table_speed.py [rows]``. Prints the median of three runs
per operation; the model sorts and filters in pandas, never through a proxy model.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.analysis.formatting import format_change, format_date
from briefing.gui.frame_model import Column, FrameModel

GOAL_SECONDS = 0.2


def synthetic_frame(rows: int, seed: int = 7) -> pd.DataFrame:
    generator = np.random.default_rng(seed)
    words = np.array(["Alibaba", "Meitu", "MiniMax", "Tencent", "cloud", "revenue", "Q2", "deal"])
    picks = generator.integers(0, len(words), size=(rows, 3))
    titles = [" ".join(row) for row in words[picks]]
    amounts = generator.lognormal(18, 2, rows)
    amounts[generator.random(rows) < 0.1] = np.nan
    return pd.DataFrame(
        {
            "published": pd.Timestamp("2020-01-01")
            + pd.to_timedelta(generator.integers(0, 2500, rows), unit="D"),
            "title": pd.Series(titles, dtype="str"),
            "source": pd.Series(words[generator.integers(0, 8, rows)], dtype="str"),
            "amount": amounts,
            "change": generator.normal(5, 20, rows),
            "conflict": generator.random(rows) < 0.01,
        }
    )


def median_seconds(action: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(rows: int = 100_000) -> int:
    QApplication.instance() or QApplication([])
    model = FrameModel(
        [
            Column("published", "Date", format_date),
            Column("title", "Title"),
            Column("source", "Source"),
            Column("amount", "Amount", numeric=True),
            Column("change", "Change", format_change, numeric=True),
        ]
    )
    frame = synthetic_frame(rows)
    results = {
        "set_frame (display texts)": median_seconds(lambda: model.set_frame(frame), 1),
        "first filter (builds lower-case cache)": median_seconds(
            lambda: model.set_filter("alibaba"), 1
        ),
        "filter 'cloud'": median_seconds(lambda: model.set_filter("cloud")),
        "filter cleared": median_seconds(lambda: model.set_filter("")),
        "sort title ascending": median_seconds(lambda: model.sort(1, Qt.SortOrder.AscendingOrder)),
        "sort amount descending": median_seconds(
            lambda: model.sort(3, Qt.SortOrder.DescendingOrder)
        ),
        "sort date ascending": median_seconds(lambda: model.sort(0, Qt.SortOrder.AscendingOrder)),
    }
    timed = {name: s for name, s in results.items() if name.startswith(("filter", "sort"))}
    print(f"{rows:,} rows")
    for name, seconds in results.items():
        goal = "" if name not in timed else ("  ok" if seconds < GOAL_SECONDS else "  SLOW")
        print(f"  {name:<42} {seconds * 1000:8.1f} ms{goal}")
    return 0 if all(s < GOAL_SECONDS for s in timed.values()) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "rows", type=int, nargs="?", default=100_000, help="rows in the table (100000)"
    )
    sys.exit(main(parser.parse_args().rows))

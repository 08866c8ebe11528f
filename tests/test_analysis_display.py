"""Display tables (analysis/display.py): what a reader sees of a briefing, row by row, with
the evidence kept. Cases come from the bundled samples (our rewrites of the seeds plus the
Kestrel Semiconductor set) and from small frames written here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.briefing import build_briefing, find_company
from briefing.analysis.display import (
    EVIDENCE_COLUMNS,
    analyst_views,
    conflict_table,
    deal_table,
    metric_table,
    view_table,
)
from briefing.analysis.frames import Frames, build_frames
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


@pytest.fixture(scope="module")
def sample_frames() -> tuple[Frames, dict[str, str]]:
    results = []
    bodies = {}
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".md", ".txt", ".html", ".eml", ".pdf"):
            document = read_document(path)
            bodies[document.id] = document.body
            results.append(ArticleResult(document, extract_document(document)))
    return build_frames(results, {}), bodies


def test_alibaba_deal_table_reads_like_the_seeds(sample_frames) -> None:
    # seeds: the Meitu convertible bond dated 3 Jan 2026 and the MiniMax IPO anchor stake
    frames, bodies = sample_frames
    briefing = build_briefing(frames, find_company(frames, "Alibaba"))
    table = deal_table(briefing.deals, briefing.conflicts)
    assert list(table.columns[-len(EVIDENCE_COLUMNS) :]) == list(EVIDENCE_COLUMNS)
    bond = table[table["type"] == "convertible bond"].iloc[0]
    assert bond["date"] == "3 Jan 2026"
    assert bond["counterparty"] == "Meitu"
    assert bond["source"].startswith("[")
    for row in table.itertuples():
        assert bodies[row.article_id][row.start : row.end] == row.quote


def test_sort_columns_are_numbers_and_dated_deals_sort_by_date(sample_frames) -> None:
    frames, _ = sample_frames
    table = deal_table(frames.deals)
    assert table["amount_sort"].dtype == "float64"
    dated = table[table["date"] != "undated"].sort_values("date_sort")
    assert list(dated["date"]) == sorted(dated["date"], key=pd.Timestamp)


def test_metric_table_shows_change_and_whole_company(sample_frames) -> None:
    frames, _ = sample_frames
    briefing = build_briefing(frames, find_company(frames, "Kestrel"))
    table = metric_table(briefing.metrics, briefing.conflicts)
    data_center = table[(table["segment"] == "Data Center") & (table["metric"] == "revenue")]
    assert data_center.iloc[0]["change"] == "+42%"
    assert data_center.iloc[0]["change_sort"] == 42.0
    assert "whole company" in set(table["segment"])


def test_view_table_details_targets_against_price(sample_frames) -> None:
    frames, _ = sample_frames
    picture = build_briefing(frames, find_company(frames, "Kestrel")).analysts
    table = view_table(analyst_views([picture.ratings, picture.targets]))
    target = table[table["kind"] == "price target"].iloc[0]
    assert "implied upside" in target["detail"]
    assert "15 of 21" in " ".join(table["detail"])


def test_conflicting_statements_are_marked_on_both_sides() -> None:
    # written here: two articles disagreeing on one revenue figure
    metrics = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "published": [pd.Timestamp("2026-01-02"), pd.Timestamp("2026-01-05")],
            "source": ["Wire", "Daily"],
            "quote": ["Revenue was $10 million.", "Revenue was $12 million."],
            "start": [0, 0],
            "end": [24, 24],
            "company_id": ["Foo", "Foo"],
            "segment": [None, None],
            "metric": ["revenue", "revenue"],
            "period": ["2025", "2025"],
            "value_value": [10e6, 12e6],
            "value_unit": ["USD", "USD"],
        }
    )
    conflicts = pd.DataFrame(
        {
            "kind": ["metric"],
            "fact": ["revenue"],
            "company": ["Foo"],
            "segment": [None],
            "stat": [None],
            "metric": [None],
            "firm": [None],
            "period": ["2025"],
            "verdict": ["conflict"],
            "value_a": ["USD 10 million"],
            "value_b": ["USD 12 million"],
            "unit": ["USD"],
            "difference": [2e6],
            "article_a": ["a1"],
            "article_b": ["a2"],
            "published_a": [pd.Timestamp("2026-01-02")],
            "published_b": [pd.Timestamp("2026-01-05")],
            "source_a": ["Wire"],
            "source_b": ["Daily"],
            "quote_a": ["Revenue was $10 million."],
            "quote_b": ["Revenue was $12 million."],
            "source_number_a": [1],
            "source_number_b": [2],
        }
    )
    table = metric_table(metrics, conflicts)
    assert list(table["conflict"]) == [True, True]
    assert list(table["source"]) == ["Wire, 2 Jan 2026", "Daily, 5 Jan 2026"]
    sides = conflict_table(conflicts).iloc[0]
    assert sides["fact"] == "revenue (2025)"
    assert (sides["value_a"], sides["value_b"]) == ("USD 10 million", "USD 12 million")
    assert sides["source_b"] == "[2] Daily, 5 Jan 2026"
    assert sides["difference"] == "+USD 2 million"


def test_empty_frames_give_empty_tables_with_every_column() -> None:
    empty = pd.DataFrame(columns=["article_id", "start", "end", "quote", "type"])
    table = deal_table(empty)
    assert table.empty
    assert "amount" in table.columns and "conflict" in table.columns

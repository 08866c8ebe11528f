"""Conflicts between sources and the latest value of each fact.

Hand-built frames (columns from ``analysis.schema``) pin each rule; the end-to-end tests
read our own rewrites of the seeds in ``tests/fixtures/analysis``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from briefing.analysis.conflicts import (
    COMPARISON_COLUMNS,
    METRIC_FACT_KEY,
    compare_facts,
    find_conflicts,
    find_conflicts_in,
    latest_values,
)
from briefing.analysis.schema import METRICS_SCHEMA, VIEWS_SCHEMA, Schema, frame_from_columns

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"


def item_frame(schema: Schema, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A frame with exactly the schema's columns; unnamed cells are missing."""
    defaults: dict[str, Any] = {"start": 0, "end": 0, "confidence": 0.9}
    columns = {
        name: [
            row.get(name, defaults.get(name, False if name.endswith("_approx") else None))
            for row in rows
        ]
        for name in schema
    }
    return frame_from_columns(columns, schema)


def view(article: str, published: str | None, **fields: Any) -> dict[str, Any]:
    return {
        "article_id": article,
        "published": published,
        "source": f"{article}.example",
        "company": "Alibaba",
        "company_id": "Alibaba",
        **fields,
    }


def metric(article: str, published: str | None, **fields: Any) -> dict[str, Any]:
    return view(article, published, **fields)


SEED_VIEWS = [
    # The two seed rewrites: "anchor" (Jan 2) and "stake" (Jan 5).
    view(
        "anchor",
        "2026-01-02",
        view_type="price_performance",
        period="over 2025",
        value_value=77.0,
        value_unit="%",
        value_text="77 percent",
        quote="The stock rose 77 percent over 2025.",
    ),
    view(
        "stake",
        "2026-01-05",
        view_type="price_performance",
        period="in 2025",
        value_value=72.0,
        value_unit="%",
        value_bound="min",
        value_text="more than 72%",
        quote="The shares gained more than 72% in 2025.",
    ),
    view(
        "anchor",
        "2026-01-02",
        view_type="valuation_multiple",
        metric="pe",
        value_low=16.0,
        value_high=20.0,
        value_unit="x",
        value_text="16 to 20",
    ),
    view(
        "stake",
        "2026-01-05",
        view_type="valuation_multiple",
        metric="pe",
        value_value=20.0,
        value_unit="x",
        value_approx=True,
        value_text="about 20",
    ),
    view(
        "anchor",
        "2026-01-02",
        view_type="price_target",
        value_low=190.0,
        value_high=205.0,
        value_unit="USD",
        value_text="USD 190 to USD 205",
    ),
    view(
        "stake",
        "2026-01-05",
        view_type="price_target",
        stat="average",
        value_value=205.0,
        value_unit="USD",
        value_text="$205",
    ),
]


def test_seed_share_gain_is_a_soft_conflict_with_both_sources_and_quotes() -> None:
    conflicts = find_conflicts(views=item_frame(VIEWS_SCHEMA, SEED_VIEWS))
    assert len(conflicts) == 1
    row = conflicts.iloc[0]
    assert (row["fact"], row["period"], row["verdict"]) == (
        "price_performance",
        "over 2025",
        "soft",
    )
    # Side A is the older article.
    assert (row["article_a"], row["article_b"]) == ("anchor", "stake")
    assert (row["value_a"], row["value_b"]) == ("77 percent", "more than 72%")
    assert (row["source_a"], row["source_b"]) == ("anchor.example", "stake.example")
    assert row["quote_a"] == "The stock rose 77 percent over 2025."
    assert row["quote_b"] == "The shares gained more than 72% in 2025."
    assert row["difference"] == -5.0
    assert row["published_a"] == pd.Timestamp("2026-01-02")


def test_seed_pe_and_price_targets_are_consistent_not_conflicts() -> None:
    compared = compare_facts(views=item_frame(VIEWS_SCHEMA, SEED_VIEWS))
    verdicts = dict(zip(compared["fact"], compared["verdict"], strict=True))
    assert verdicts == {
        "price_performance": "soft",
        "valuation_multiple": "consistent",
        "price_target": "consistent",
    }


@pytest.mark.parametrize(
    ("label", "rows", "expected"),
    [
        (
            "two stats are two facts: an average and a high target",
            [
                view(
                    "a",
                    "2026-01-02",
                    view_type="price_target",
                    stat="average",
                    value_value=205.0,
                    value_unit="USD",
                    value_text="$205",
                ),
                view(
                    "b",
                    "2026-01-05",
                    view_type="price_target",
                    stat="high",
                    value_value=260.0,
                    value_unit="USD",
                    value_text="$260",
                ),
            ],
            [],
        ),
        (
            "one firm's target is its own fact",
            [
                view(
                    "a",
                    "2026-01-02",
                    view_type="price_target",
                    firm="Marlow & Finch",
                    stat="single",
                    value_value=210.0,
                    value_unit="USD",
                    value_text="$210",
                ),
                view(
                    "b",
                    "2026-01-05",
                    view_type="price_target",
                    firm="Corvid Securities",
                    stat="single",
                    value_value=180.0,
                    value_unit="USD",
                    value_text="$180",
                ),
            ],
            [],
        ),
        (
            "one firm, two articles, two targets",
            [
                view(
                    "a",
                    "2026-01-02",
                    view_type="price_target",
                    firm="Marlow & Finch",
                    stat="single",
                    value_value=210.0,
                    value_unit="USD",
                    value_text="$210",
                ),
                view(
                    "b",
                    "2026-01-05",
                    view_type="price_target",
                    firm="marlow & finch",
                    stat="single",
                    value_value=230.0,
                    value_unit="USD",
                    value_text="$230",
                ),
            ],
            ["conflict"],
        ),
        (
            "one firm's ratings compared by label",
            [
                view("a", "2026-01-02", view_type="rating", firm="Marlow & Finch", label="Buy"),
                view("b", "2026-01-05", view_type="rating", firm="Marlow & Finch", label="Hold"),
            ],
            ["conflict"],
        ),
        (
            "one article never conflicts with itself",
            [
                view("a", "2026-01-02", view_type="consensus_rating", label="Moderate Buy"),
                view("a", "2026-01-02", view_type="consensus_rating", label="Strong Buy"),
            ],
            [],
        ),
        (
            "different periods are different facts",
            [
                view(
                    "a",
                    "2026-01-02",
                    view_type="price_performance",
                    period="2025",
                    value_value=77.0,
                    value_unit="%",
                    value_text="77%",
                ),
                view(
                    "b",
                    "2026-01-05",
                    view_type="price_performance",
                    period="2024",
                    value_value=12.0,
                    value_unit="%",
                    value_text="12%",
                ),
            ],
            [],
        ),
    ],
    ids=lambda case: case if isinstance(case, str) else "",
)
def test_view_fact_keys(label: str, rows: list[dict[str, Any]], expected: list[str]) -> None:
    conflicts = find_conflicts(views=item_frame(VIEWS_SCHEMA, rows))
    assert list(conflicts["verdict"]) == expected


CLOUD_REVENUE = [
    metric(
        "older",
        "2026-01-02",
        segment="Cloud Intelligence Group",
        segment_id="cloud",
        metric="revenue",
        period="Q2 FY2026",
        value_value=5.21e9,
        value_unit="USD",
        value_text="$5.21 billion",
        quote="rose to $5.21 billion",
    ),
    metric(
        "newer",
        "2026-01-05",
        segment="cloud computing division",
        segment_id="cloud",
        metric="revenue",
        period="Q2 FY2026",
        value_value=5.59e9,
        value_unit="USD",
        value_text="$5.59 billion",
        quote="climbed 34% to $5.59 billion",
    ),
    metric(
        "undated",
        None,
        segment="cloud",
        segment_id="cloud",
        metric="revenue",
        period="Q2 FY2026",
        value_value=5.6e9,
        value_unit="USD",
        value_text="$5.6 billion",
    ),
]


def test_metric_conflict_across_two_dates_and_same_figures_are_not_listed() -> None:
    conflicts = find_conflicts(metrics=item_frame(METRICS_SCHEMA, CLOUD_REVENUE))
    pairs = sorted(zip(conflicts["article_a"], conflicts["article_b"], strict=True))
    # "$5.6 billion" is "$5.59 billion" rounded: same; the undated article counts as oldest.
    assert pairs == [("older", "newer"), ("undated", "older")]
    row = conflicts[conflicts["article_b"] == "newer"].iloc[0]
    assert row["verdict"] == "conflict"
    assert row["segment_id"] == "cloud"
    assert row["difference"] == pytest.approx(0.38e9)
    assert row["unit"] == "USD"


def test_latest_value_supersedes_and_keeps_history() -> None:
    frame = item_frame(METRICS_SCHEMA, CLOUD_REVENUE)
    latest, history = latest_values(frame, METRIC_FACT_KEY)
    assert list(latest["article_id"]) == ["newer"]
    assert list(latest["n_older"]) == [2]
    assert sorted(history["article_id"]) == ["older", "undated"]
    assert set(history["superseded_by"]) == {"newer"}


def test_republished_copies_are_not_two_sources() -> None:
    rows = [*CLOUD_REVENUE[:2]]
    story_of = {"older": "story-1", "newer": "story-1"}
    assert find_conflicts(metrics=item_frame(METRICS_SCHEMA, rows), story_of=story_of).empty


def test_comparison_columns_are_declared_once() -> None:
    empty = find_conflicts()
    assert list(empty.columns) == list(COMPARISON_COLUMNS)
    assert str(empty["published_a"].dtype) == "datetime64[ns]"
    assert str(empty["difference"].dtype) == "float64"


def test_end_to_end_on_our_seed_rewrites() -> None:
    frames_module = pytest.importorskip("briefing.analysis.frames")
    from briefing.analysis.duplicates import duplicate_groups, story_map
    from briefing.domain.model import ArticleResult
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    documents = [
        read_document(path)
        for path in sorted([*FIXTURES.glob("conflict_*.txt"), *FIXTURES.glob("dup_*.txt")])
    ]
    results = [ArticleResult(d, extract_document(d)) for d in documents]
    frames = frames_module.build_frames(results)
    groups = duplicate_groups((d.id, d.body) for d in documents)
    story_of = story_map(groups, frames.articles)
    conflicts = find_conflicts_in(frames, story_of)
    by_fact = {(r.fact, r.verdict): r for r in conflicts.itertuples()}
    share_gain = by_fact[("price_performance", "soft")]
    assert {share_gain.value_a, share_gain.value_b} == {"77 percent", "more than 72%"}
    assert {share_gain.source_a, share_gain.source_b} == {
        "lanternpost.example",
        "harbourwire.example",
    }
    cloud = by_fact[("revenue", "conflict")]
    assert (cloud.value_a, cloud.value_b) == ("$5.21 billion", "$5.59 billion")
    assert "valuation_multiple" not in set(conflicts["fact"])
    assert "price_target" not in set(conflicts["fact"])
    # The republished copy adds no second pair of the same statements.
    assert len(conflicts[conflicts["fact"] == "price_performance"]) == 1


def test_seed_samples_share_gain_soft_and_targets_not_conflicts() -> None:
    """The two seed rewrites in ``resources/samples`` loaded together (issue 3 acceptance)."""
    frames_module = pytest.importorskip("briefing.analysis.frames")
    from briefing.domain.model import ArticleResult
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    samples = Path(__file__).parents[1] / "resources" / "samples"
    documents = [read_document(path) for path in sorted(samples.glob("alibaba_*.txt"))]
    frames = frames_module.build_frames([ArticleResult(d, extract_document(d)) for d in documents])
    compared = compare_facts(frames.metrics, frames.views)
    soft = compared[compared["verdict"] == "soft"]
    assert list(zip(soft["fact"], soft["value_a"], soft["value_b"], strict=True)) == [
        ("price_performance", "77 percent", "more than 72%")
    ]
    assert "77 percent" in soft.iloc[0]["quote_a"]
    assert "more than 72%" in soft.iloc[0]["quote_b"]
    targets = compared[compared["fact"] == "price_target"]
    assert list(targets["verdict"]) == ["consistent"]
    conflicts = find_conflicts(frames.metrics, frames.views)
    assert not {"price_target", "valuation_multiple"} & set(conflicts["fact"])

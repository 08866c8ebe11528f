"""Conflicts: the P/E family across bases, share prices as prices on a day, and the pairs
compared for much-stated facts.

Hand-built rows in the frame schema, our own figures; see ``test_analysis_conflicts`` for
the other rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from briefing.analysis.conflicts import (
    MAX_ALL_PAIRS_STATEMENTS,
    candidate_pairs,
    compare_facts,
)
from briefing.analysis.frames import build_frames
from briefing.analysis.schema import VIEWS_SCHEMA
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document
from test_analysis_conflicts import item_frame, view

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def multiple(article: str, published: str, metric: str, **value: Any) -> dict[str, Any]:
    return view(
        article, published, view_type="valuation_multiple", metric=metric, value_unit="x", **value
    )


ABOUT_20 = {"value_value": 20.0, "value_approx": True, "value_text": "about 20"}
SIXTEEN_TO_20 = {"value_low": 16.0, "value_high": 20.0, "value_text": "16 to 20"}
TWELVE = {"value_value": 12.0, "value_text": "12"}
THIRTY = {"value_value": 30.0, "value_text": "30"}


# (where the case comes from, older statement, newer statement, verdicts expected)
@pytest.mark.parametrize(
    ("label", "older", "newer", "expected"),
    [
        (
            "seed rewrites: forward P/E about 20 against a P/E of 16 to 20",
            multiple("stake", "2026-01-05", "forward_pe", **ABOUT_20),
            multiple("anchor", "2026-01-09", "pe", **SIXTEEN_TO_20),
            [("forward_pe / pe", "consistent")],
        ),
        (
            "a P/E with no basis may be the forward one: 12 against 30 conflicts",
            multiple("a", "2026-01-05", "pe", **TWELVE),
            multiple("b", "2026-01-09", "forward_pe", **THIRTY),
            [("pe / forward_pe", "conflict")],
        ),
        (
            "forward against trailing: two bases, at most a soft conflict",
            multiple("a", "2026-01-05", "forward_pe", **TWELVE),
            multiple("b", "2026-01-09", "trailing_pe", **THIRTY),
            [("forward_pe / trailing_pe", "soft")],
        ),
        (
            "two forward P/E figures that differ are a plain conflict",
            multiple("a", "2026-01-05", "forward_pe", **TWELVE),
            multiple("b", "2026-01-09", "forward_pe", **THIRTY),
            [("forward_pe", "conflict")],
        ),
        (
            "another multiple is another fact",
            multiple("a", "2026-01-05", "forward_pe", **TWELVE),
            multiple("b", "2026-01-09", "ev_ebitda", **THIRTY),
            [],
        ),
        (
            "another company's P/E is another fact",
            multiple("a", "2026-01-05", "forward_pe", **TWELVE),
            {**multiple("b", "2026-01-09", "pe", **THIRTY), "company_id": "Amazon"},
            [],
        ),
    ],
)
def test_pe_family(
    label: str, older: dict[str, Any], newer: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    compared = compare_facts(views=item_frame(VIEWS_SCHEMA, [older, newer]))
    assert list(zip(compared["metric"], compared["verdict"], strict=True)) == expected, label


def test_seed_samples_pe_statements_are_consistent() -> None:
    # resources/samples: our two rewrites of the Alibaba seeds, one forward P/E, one P/E.
    documents = [read_document(path) for path in sorted(SAMPLES.glob("alibaba_*.txt"))]
    frames = build_frames([ArticleResult(doc, extract_document(doc)) for doc in documents])
    compared = compare_facts(frames.metrics, frames.views)
    multiples = compared[compared["fact"] == "valuation_multiple"]
    assert list(multiples["verdict"]) == ["consistent"]
    assert set(multiples["metric"].iloc[0].split(" / ")) == {"pe", "forward_pe"}


# (count of distinct statements, pairs expected)
@pytest.mark.parametrize(
    ("count", "pairs"),
    [
        (1, 0),
        (2, 1),
        (MAX_ALL_PAIRS_STATEMENTS, MAX_ALL_PAIRS_STATEMENTS * (MAX_ALL_PAIRS_STATEMENTS - 1) // 2),
        (50, 2 * 50 - 3),
        (863, 2 * 863 - 3),  # the most-stated fact of the generated 5,000-article corpus
    ],
)
def test_pairs_per_fact_stay_linear_beyond_the_cap(count: int, pairs: int) -> None:
    chosen = candidate_pairs(count)
    assert len(chosen) == pairs
    assert all(a < b for a, b in chosen)
    if count > 1:  # every statement meets the oldest and the newest
        met = {index for pair in chosen for index in pair if 0 in pair or count - 1 in pair}
        assert met == set(range(count))


def test_a_much_stated_fact_compares_every_statement_with_the_oldest_and_newest() -> None:
    # 30 articles, a price target from $100 to $129: each figure stated twice by two
    # different later articles; the repeats add no pair.
    rows = [
        view(
            f"t{day:02d}{copy}",
            f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}",
            view_type="price_target",
            stat="average",
            value_value=100.0 + day,
            value_unit="USD",
            value_text=f"${100 + day}",
        )
        for day in range(30)
        for copy in "ab"
    ]
    compared = compare_facts(views=item_frame(VIEWS_SCHEMA, rows))
    assert len(compared) == 2 * 30 - 3
    assert set(compared["article_a"]) <= {f"t{day:02d}a" for day in range(30)}
    oldest, newest = "t00a", "t29a"
    for day in range(1, 29):
        article = f"t{day:02d}a"
        assert ((compared["article_a"] == oldest) & (compared["article_b"] == article)).any()
        assert ((compared["article_a"] == article) & (compared["article_b"] == newest)).any()


def price(article: str, published: str | None, text: str, **fields: Any) -> dict[str, Any]:
    """A share price (or another view) of our invented Tidewater Robotics."""
    number = float(text.strip("$"))
    return {
        **view(article, published, **{"view_type": "share_price", **fields}),
        "company": "Tidewater Robotics",
        "company_id": "Tidewater Robotics",
        "value_value": number,
        "value_unit": "USD",
        "value_text": text,
    }


# (where the case comes from, older statement, newer statement, verdicts expected)
@pytest.mark.parametrize(
    ("label", "older", "newer", "expected"),
    [
        (
            "Kestrel samples: a price on one day and another weeks later are two facts",
            price("early", "2025-03-04", "$84.10"),
            price("later", "2025-03-19", "$86.35"),
            [],
        ),
        (
            "two prices on the same day that differ still conflict",
            price("morning", "2025-03-04 09:15", "$84.10"),
            price("evening", "2025-03-04 17:40", "$86.35"),
            ["conflict"],
        ),
        (
            "the same day, rounded and hedged: the same figure",
            price("wire", "2025-03-04", "$84.10"),
            {**price("blog", "2025-03-04", "$84"), "value_approx": True, "value_text": "about $84"},
            ["same"],
        ),
        (
            "an undated article's price has no known day: never compared",
            price("undated", None, "$84.10"),
            price("dated", "2025-03-04", "$86.35"),
            [],
        ),
        (
            "two undated prices are not known to be of one day either",
            price("first", None, "$84.10"),
            price("second", None, "$86.35"),
            [],
        ),
        (
            "a price target is no price on a day: compared across weeks as before",
            price("early", "2025-03-04", "$95", view_type="price_target"),
            price("later", "2025-03-19", "$110", view_type="price_target"),
            ["conflict"],
        ),
    ],
)
def test_share_prices_are_compared_within_one_day_only(
    label: str, older: dict[str, Any], newer: dict[str, Any], expected: list[str]
) -> None:
    compared = compare_facts(views=item_frame(VIEWS_SCHEMA, [older, newer]))
    assert list(compared["verdict"]) == expected, label

"""The per-company briefing: sources, deal timeline, analyst picture, conflicts, summary.

End-to-end cases read our own articles: the two rewrites of the seeds in
``resources/samples`` and the articles in ``tests/fixtures/analysis``; rule cases use
hand-built frames with the columns of ``analysis.schema``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from briefing.analysis.analysts import analyst_picture, current_prices
from briefing.analysis.briefing import (
    Briefing,
    CompanyNotFoundError,
    build_briefing,
    deal_timeline,
    find_company,
    primary_company,
)
from briefing.analysis.duplicates import duplicate_groups, story_map
from briefing.analysis.frames import Frames, build_frames
from briefing.analysis.schema import DEALS_SCHEMA, VIEWS_SCHEMA, Schema, frame_from_columns
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "resources" / "samples"
FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
SEED_REWRITES = sorted(SAMPLES.glob("alibaba_*.txt"))


def results_of(paths: list[Path]) -> list[ArticleResult]:
    documents = [read_document(path) for path in paths]
    return [ArticleResult(document, extract_document(document)) for document in documents]


def briefing_of(paths: list[Path], company: str = "Alibaba") -> tuple[Briefing, Frames]:
    results = results_of(paths)
    frames = build_frames(results)
    groups = duplicate_groups((r.document.id, r.document.body) for r in results)
    story_of = story_map(groups, frames.articles)
    return build_briefing(frames, find_company(frames, company), story_of), frames


@pytest.fixture(scope="module")
def seeds() -> tuple[Briefing, Frames]:
    return briefing_of(SEED_REWRITES)


def rows(schema: Schema, items: list[dict[str, Any]]) -> pd.DataFrame:
    defaults: dict[str, Any] = {"start": 0, "end": 0, "confidence": 0.9}
    columns = {
        name: [
            item.get(name, defaults.get(name, False if name.endswith("_approx") else None))
            for item in items
        ]
        for name in schema
    }
    return frame_from_columns(columns, schema)


# -- acceptance: the two seed rewrites loaded together ------------------------------------


def test_seeds_make_one_company_with_meitu_and_minimax_as_counterparties(seeds: Any) -> None:
    briefing, frames = seeds
    assert briefing.company_id == "Alibaba"
    assert primary_company(frames) == "Alibaba"
    assert "US01609W1027" in briefing.isins
    assert {"Meitu", "MiniMax"} <= set(briefing.deals["other_party_id"].dropna())
    assert len(briefing.sources) == 2


def test_seed_timeline_lists_dated_deals_by_date_then_the_undated(seeds: Any) -> None:
    deals = seeds[0].deals
    dated = deals[deals["dated"]]
    assert list(
        zip(dated["type"], dated["other_party_id"], dated["date"].dt.date.astype(str), strict=True)
    ) == [
        ("convertible_bond", "Meitu", "2026-01-03"),
        ("ipo", "MiniMax", "2026-01-09"),
    ]
    assert not deals["dated"].iloc[len(dated) :].any(), "undated deals come after the dated ones"
    assert len(deals) > len(dated)


def test_seed_share_gain_is_a_soft_conflict_with_both_sources(seeds: Any) -> None:
    briefing = seeds[0]
    gain = briefing.conflicts[briefing.conflicts["fact"] == "price_performance"]
    assert len(gain) == 1
    row = gain.iloc[0]
    assert row["verdict"] == "soft"
    assert {row["value_a"], row["value_b"]} == {"77 percent", "more than 72%"}
    assert {int(row["source_number_a"]), int(row["source_number_b"])} == {1, 2}
    assert "77 percent" in row["quote_a"] and "72%" in row["quote_b"]


def test_seed_targets_and_pe_are_consistent(seeds: Any) -> None:
    comparisons = seeds[0].comparisons
    agreeing = comparisons[comparisons["verdict"].isin(["same", "consistent"])]
    assert "price_target" in set(agreeing["fact"])
    assert "valuation_multiple" in set(agreeing["fact"]), "forward P/E ~20 vs P/E 16-20"
    assert (
        not comparisons[comparisons["fact"] == "valuation_multiple"]["verdict"].eq("conflict").any()
    )


def test_seed_target_upside_is_recomputed_and_compared_with_the_stated_one(seeds: Any) -> None:
    targets = seeds[0].analysts.targets.set_index("value_text")
    average = targets.loc["$205"]
    assert average["price_value"] == 152.0
    assert average["implied_upside_low"] == pytest.approx(34.87, abs=0.01)
    # "roughly 40%" against 205/152 - 1 = 35%: the briefing says they differ.
    assert average["upside_check"] == "conflict"
    ranged = targets.loc["USD 190 to USD 205"]  # no price in its article: the nearest one
    assert ranged["implied_upside_low"] == pytest.approx(25.0)
    assert ranged["upside_check"] == "consistent"


def test_seed_summary_names_the_deals_and_the_conflict_with_citations(seeds: Any) -> None:
    briefing = seeds[0]
    text = " ".join(sentence.text for sentence in briefing.summary)
    for expected in (
        "Meitu",
        "MiniMax",
        "3 Jan 2026",
        "9 Jan 2026",
        "16 of 17",
        "77 percent",
        "72%",
    ):
        assert expected in text
    numbers = {source.number for source in briefing.sources}
    bodies = {r.document.id: r.document.body for r in results_of(SEED_REWRITES)}
    for sentence in briefing.summary:
        marks = {int(mark) for mark in re.findall(r"\[(\d+)\]", sentence.text)}
        assert marks == {citation.number for citation in sentence.citations}
        assert marks <= numbers
        for citation in sentence.citations:
            assert citation.quote in bodies[citation.article_id]
            if citation.start is not None:
                assert bodies[citation.article_id][citation.start : citation.end] == citation.quote


def test_briefing_is_deterministic() -> None:
    first, _ = briefing_of(SEED_REWRITES)
    second, _ = briefing_of(list(reversed(SEED_REWRITES)))
    assert [s.text for s in first.summary] == [s.text for s in second.summary]
    pd.testing.assert_frame_equal(first.deals, second.deals)


# -- companies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Alibaba", "Alibaba Group Holding Ltd", "BABA", "9988.HK", "HKG:9988", "US01609W1027"],
)
def test_company_found_under_any_of_its_names(seeds: Any, name: str) -> None:
    assert find_company(seeds[1], name) == "Alibaba"


def test_unknown_company_suggests_close_names(seeds: Any) -> None:
    with pytest.raises(CompanyNotFoundError, match="Alibaba"):
        find_company(seeds[1], "Alibabba")


def test_user_alias_finds_a_company_the_table_does_not_know() -> None:
    results = results_of([FIXTURES / "alias_solbrekke_kraft_local_name.txt"])
    frames = build_frames(results, {"Solbrekke Energy": "Solbrekke Kraft"})
    assert find_company(frames, "Solbrekke Energy", {"Solbrekke Energy": "Solbrekke Kraft"}) == (
        "Solbrekke Kraft"
    )


# -- republished stories --------------------------------------------------------------------


def test_a_republished_story_is_one_source_and_its_deals_count_once() -> None:
    original = FIXTURES / "conflict_alibaba_meitu_stake_2026_01_05.txt"
    copy = FIXTURES / "dup_alibaba_meitu_stake_republished.txt"
    alone, _ = briefing_of([original])
    merged, _ = briefing_of([original, copy])
    assert len(merged.sources) == 1
    assert len(merged.sources[0].copies) == 1
    assert len(merged.deals) == len(alone.deals)
    assert len(merged.metrics) == len(alone.metrics) > 0
    assert len(merged.analysts.targets) == len(alone.analysts.targets) > 0
    assert "republished" in merged.summary[0].text


# -- rules on hand-built frames ---------------------------------------------------------------


def deal(article: str, published: str, **fields: Any) -> dict[str, Any]:
    return {"article_id": article, "published": published, "quote": f"{article} quote", **fields}


def test_same_deal_in_two_articles_is_one_row_citing_both() -> None:
    bond = {
        "type": "convertible_bond",
        "buyer_id": "Alibaba",
        "counterparty_id": "Meitu",
        "buyer": "Alibaba",
        "counterparty": "Meitu",
        "amount_value": 2.5e8,
        "amount_unit": "USD",
        "amount_text": "$250 million",
        "date": "2026-01-03",
    }
    frame = rows(
        DEALS_SCHEMA,
        [
            deal("later", "2026-01-06", **bond),
            deal("first", "2026-01-04", **bond),
            deal("first", "2026-01-04", type="capex_plan", buyer_id="Alibaba", buyer="Alibaba"),
        ],
    ).assign(source_number=pd.array([2, 1, 1], dtype="Int64"))
    timeline = deal_timeline(frame, "Alibaba")
    assert list(timeline["type"]) == ["convertible_bond", "capex_plan"]
    assert timeline.iloc[0]["article_id"] == "first"
    assert timeline.iloc[0]["also_in"] == "2"
    assert list(timeline["role"]) == ["buyer", "buyer"]


def test_company_as_counterparty_sees_the_buyer_as_other_party() -> None:
    frame = rows(
        DEALS_SCHEMA,
        [
            deal(
                "a",
                "2026-01-04",
                type="commercial_agreement",
                buyer="Meitu",
                buyer_id="Meitu",
                counterparty="Alibaba",
                counterparty_id="Alibaba",
            )
        ],
    ).assign(source_number=pd.array([1], dtype="Int64"))
    row = deal_timeline(frame, "Alibaba").iloc[0]
    assert (row["role"], row["other_party_id"]) == ("counterparty", "Meitu")


def view(article: str, published: str, **fields: Any) -> dict[str, Any]:
    return {
        "article_id": article,
        "published": published,
        "company_id": "Kestrel",
        "quote": fields.pop("quote", f"{article} quote"),
        **fields,
    }


def test_target_upside_uses_its_own_articles_price_not_a_peak() -> None:
    views = rows(
        VIEWS_SCHEMA,
        [
            view(
                "a",
                "2025-11-03",
                view_type="price_target",
                value_value=60.0,
                value_unit="USD",
                value_text="$60",
                stat="single",
                quote="raised its target to $60",
            ),
            view(
                "a",
                "2025-11-03",
                view_type="share_price",
                value_value=75.0,
                value_unit="USD",
                value_text="$75",
                label="52-week high",
            ),
            view(
                "a",
                "2025-11-03",
                view_type="share_price",
                value_value=50.0,
                value_unit="USD",
                value_text="$50",
                label="current price",
            ),
            view(
                "b",
                "2025-11-20",
                view_type="share_price",
                value_value=40.0,
                value_unit="USD",
                value_text="$40",
            ),
            view(
                "a",
                "2025-11-03",
                view_type="upside",
                value_value=20.0,
                value_unit="%",
                value_text="20%",
                quote="raised its target to $60",
            ),
        ],
    )
    assert list(current_prices(views)["value_value"]) == [50.0, 40.0]
    target = analyst_picture(views, "Kestrel", views).targets.iloc[0]
    assert target["price_value"] == 50.0
    assert target["implied_upside_low"] == pytest.approx(20.0)
    assert target["upside_check"] in ("same", "consistent")


def test_peers_multiples_come_from_the_companys_articles() -> None:
    views = rows(
        VIEWS_SCHEMA,
        [
            view(
                "a",
                "2025-11-03",
                view_type="valuation_multiple",
                metric="pe",
                value_value=18.0,
                value_unit="x",
                value_text="18",
            ),
            {
                **view(
                    "a",
                    "2025-11-03",
                    view_type="valuation_multiple",
                    metric="pe",
                    value_value=25.0,
                    value_unit="x",
                    value_text="25",
                ),
                "company_id": "Lumen",
            },
        ],
    )
    multiples = analyst_picture(views, "Kestrel", views).multiples
    assert list(zip(multiples["company_id"], multiples["is_subject"], strict=True)) == [
        ("Kestrel", True),
        ("Lumen", False),
    ]


# -- amounts in three currencies --------------------------------------------------------------


def test_deals_in_three_currencies_are_ranked_by_their_converted_amounts() -> None:
    from briefing.analysis.fx import load_reference_rates

    rates = load_reference_rates(ROOT / "resources", ROOT / "no-user-rates.csv")
    results = results_of([FIXTURES / "frames_three_currencies.txt"])
    frames = build_frames(results)
    company = find_company(frames, "Quillon Robotics")
    briefing = build_briefing(frames, company, {}, "USD", rates)
    deals = briefing.deals.set_index("amount_unit")
    assert set(deals.index) == {"EUR", "JPY", "USD"}
    # Stated figures are kept; the converted ones are approximate and flagged when the
    # article's date lies beyond the bundled table.
    assert deals.loc["EUR", "amount_value"] == 4.5e8
    assert 4.0e8 < deals.loc["EUR", "amount_reported_value"] < 6.0e8
    assert 3.0e8 < deals.loc["JPY", "amount_reported_value"] < 6.0e8
    assert deals.loc["USD", "amount_reported_value"] == pytest.approx(3.0e8)
    assert bool(deals.loc["EUR", "amount_fx_outside"])
    undated = next(s.text for s in briefing.summary if s.text.startswith("Deals (no date"))
    order = [
        undated.index(text) for text in ("EUR 450 million", "JPY 62 billion", "USD 300 million")
    ]
    assert order == sorted(order), undated

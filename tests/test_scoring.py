"""The scorer follows the devset README's "How items are compared", rule by rule."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.domain.model import (
    AnalystView,
    ArticleResult,
    Deal,
    Document,
    Evidence,
    Extraction,
    Metric,
    Quantity,
)
from briefing.evaluation.gold import GoldArticle, load_gold, parse_gold
from briefing.evaluation.names import names_match
from briefing.evaluation.report import explain, format_explanation
from briefing.evaluation.scoring import CategoryScore, score_article, score_corpus

BODY = (
    "Acme Holdings Inc. agreed to buy Widget Corp. for $250 million. "
    "Acme's revenue rose 12% to $5.59 billion. Analysts at Big Bank rate it Equal-Weight."
)


def q(
    value: float | None = None,
    unit: str = "USD",
    low: float | None = None,
    high: float | None = None,
) -> Quantity:
    return Quantity(value, unit, "", low=low, high=high)


def ev(quote: str = "Acme") -> Evidence:
    start = BODY.find(quote)
    return Evidence(start, start + len(quote), quote)


def gold_of(
    deals: Sequence[dict[str, Any]] = (),
    metrics: Sequence[dict[str, Any]] = (),
    views: Sequence[dict[str, Any]] = (),
) -> GoldArticle:
    return parse_gold(
        {
            "article": "ours.txt",
            "published": None,
            "primary_company": "Acme",
            "deals": list(deals),
            "metrics": list(metrics),
            "analyst_views": list(views),
        }
    )


def result_of(
    deals: tuple[Deal, ...] = (),
    metrics: tuple[Metric, ...] = (),
    views: tuple[AnalystView, ...] = (),
) -> ArticleResult:
    document = Document(id="x", path="ours.txt", format="text", body=BODY)
    return ArticleResult(document, Extraction("Acme", ("Acme",), deals, metrics, views))


def gold_deal(**fields: Any) -> dict[str, Any]:
    base = {
        "type": "acquisition",
        "buyer": "Acme Holdings",
        "counterparty": "Widget",
        "amount": {"value": 250e6, "unit": "USD"},
        "date": None,
        "quote": "Acme Holdings Inc. agreed to buy Widget Corp. for $250 million",
    }
    return base | fields


def deal(**fields: Any) -> Deal:
    base: dict[str, Any] = {
        "type": "acquisition",
        "buyer": "Acme Holdings Inc.",
        "counterparty": "Widget Corp.",
        "amount": q(250e6),
        "evidence": ev("Acme Holdings Inc. agreed to buy Widget Corp. for $250 million"),
        "confidence": 0.9,
    }
    return Deal(**(base | fields))


def gold_metric(**fields: Any) -> dict[str, Any]:
    base = {
        "company": "Acme",
        "segment": None,
        "name": "revenue",
        "period": None,
        "value": {"value": 5.59e9, "unit": "USD"},
        "change_pct": 12,
        "quote": "Acme's revenue rose 12% to $5.59 billion",
    }
    return base | fields


def metric(**fields: Any) -> Metric:
    base: dict[str, Any] = {
        "company": "Acme",
        "segment": None,
        "name": "revenue",
        "raw_name": "revenue",
        "period": None,
        "value": q(5.59e9),
        "change_pct": 12.0,
        "evidence": ev("Acme's revenue rose 12% to $5.59 billion"),
        "confidence": 0.9,
    }
    return Metric(**(base | fields))


def gold_view(**fields: Any) -> dict[str, Any]:
    base = {
        "type": "rating",
        "company": "Acme",
        "value": None,
        "label": "Equal Weight",
        "firm": "Big Bank",
        "quote": "Analysts at Big Bank rate it Equal-Weight",
    }
    return base | fields


def view(**fields: Any) -> AnalystView:
    base: dict[str, Any] = {
        "type": "rating",
        "company": "Acme",
        "firm": "Big Bank",
        "label": "Equal-Weight",
        "evidence": ev("Analysts at Big Bank rate it Equal-Weight"),
        "confidence": 0.9,
    }
    return AnalystView(**(base | fields))


def counts(gold: GoldArticle, result: ArticleResult, category: str) -> tuple[int, int, int]:
    score = score_article(result, gold).category(category)
    return score.tp, score.fp, score.fn


DEAL_CASES = [
    pytest.param(gold_deal(), deal(), (1, 0, 0), id="devset-readme-rule-same-deal"),
    pytest.param(gold_deal(), deal(type="merger"), (0, 1, 1), id="devset-readme-rule-deal-type"),
    pytest.param(
        gold_deal(), deal(counterparty="Gadget"), (0, 1, 1), id="devset-readme-rule-counterparty"
    ),
    pytest.param(
        gold_deal(), deal(counterparty=None), (0, 1, 1), id="devset-readme-rule-party-missing"
    ),
    pytest.param(gold_deal(), deal(buyer="Zenith"), (0, 1, 1), id="devset-readme-rule-buyer"),
    pytest.param(
        gold_deal(buyer=None), deal(buyer="Zenith"), (1, 0, 0), id="devset-readme-rule-no-buyer"
    ),
    pytest.param(
        gold_deal(), deal(amount=q(252e6)), (1, 0, 0), id="devset-readme-rule-within-1pct"
    ),
    pytest.param(
        gold_deal(), deal(amount=q(253e6)), (0, 1, 1), id="devset-readme-rule-beyond-1pct"
    ),
    pytest.param(
        gold_deal(),
        deal(amount=q(250e6, unit="EUR")),
        (1, 0, 0),
        id="devset-readme-rule-units-not-compared",
    ),
    pytest.param(
        gold_deal(amount=None, valuation={"low": 3.83e9, "high": 4.19e9, "unit": "HKD"}),
        deal(amount=None, valuation=q(low=3.83e9, high=4.18e9, unit="HKD")),
        (1, 0, 0),
        id="devset-readme-rule-valuation-range",
    ),
    pytest.param(
        gold_deal(amount=None, valuation={"low": 3.83e9, "high": 4.19e9, "unit": "HKD"}),
        deal(amount=None, valuation=q(4.0e9, unit="HKD")),
        (0, 1, 1),
        id="devset-readme-rule-range-needs-both-ends",
    ),
    pytest.param(
        gold_deal(), deal(amount=None), (0, 0, 1), id="devset-readme-rule-amountless-deal-ignored"
    ),
    pytest.param(
        gold_deal(type="partnership", amount=None),
        deal(type="partnership", amount=None),
        (1, 0, 0),
        id="devset-readme-rule-partnership-needs-no-amount",
    ),
    pytest.param(
        gold_deal(type="joint_venture", buyer="Acme", counterparty="KDDI, Widget", amount=None),
        deal(type="joint_venture", buyer="Acme", counterparty="Widget Ltd", amount=None),
        (1, 0, 0),
        id="devset-readme-rule-one-of-several-parties",
    ),
    pytest.param(
        gold_deal(counterparty="Widget Manufacturing Co. (WMC)"),
        deal(counterparty="WMC"),
        (1, 0, 0),
        id="devset-readme-rule-bracketed-abbreviation",
    ),
]


@pytest.mark.parametrize(("gold_item", "extracted", "expected"), DEAL_CASES)
def test_deal_rules(gold_item: dict[str, Any], extracted: Deal, expected: tuple[int, ...]) -> None:
    assert counts(gold_of(deals=[gold_item]), result_of(deals=(extracted,)), "deals") == expected


METRIC_CASES = [
    pytest.param(gold_metric(), metric(), (1, 0, 0), id="devset-readme-rule-same-metric"),
    pytest.param(gold_metric(), metric(name="ebitda"), (0, 1, 1), id="devset-readme-rule-name"),
    pytest.param(
        gold_metric(), metric(company="Zenith"), (0, 1, 1), id="devset-readme-rule-company"
    ),
    pytest.param(
        gold_metric(), metric(change_pct=None), (0, 1, 1), id="devset-readme-rule-change-needed"
    ),
    pytest.param(
        gold_metric(change_pct=None),
        metric(change_pct=15.0),
        (1, 0, 0),
        id="devset-readme-rule-gold-null-not-checked",
    ),
    pytest.param(
        gold_metric(change_pct=-22.7, value=None),
        metric(change_pct=22.7, value=None),
        (0, 1, 1),
        id="devset-readme-rule-sign-counts",
    ),
    pytest.param(
        gold_metric(previous={"value": 4.99e9, "unit": "USD"}),
        metric(previous=q(4.99e9)),
        (1, 0, 0),
        id="devset-readme-rule-previous",
    ),
    pytest.param(
        gold_metric(previous={"value": 4.99e9, "unit": "USD"}),
        metric(),
        (0, 1, 1),
        id="devset-readme-rule-previous-missing",
    ),
    pytest.param(
        gold_metric(name="other", raw_name="store count"),
        metric(name="other"),
        (0, 0, 0),
        id="devset-readme-rule-other-not-scored",
    ),
    pytest.param(
        gold_metric(value={"low": 15, "high": 16, "unit": "%"}, change_pct=None),
        metric(value=q(low=15, high=16, unit="%"), change_pct=None),
        (1, 0, 0),
        id="devset-readme-rule-metric-range",
    ),
]


@pytest.mark.parametrize(("gold_item", "extracted", "expected"), METRIC_CASES)
def test_metric_rules(
    gold_item: dict[str, Any], extracted: Metric, expected: tuple[int, ...]
) -> None:
    gold = gold_of(metrics=[gold_item])
    assert counts(gold, result_of(metrics=(extracted,)), "metrics") == expected


VIEW_CASES = [
    pytest.param(gold_view(), view(), (1, 0, 0), id="devset-readme-rule-label-only"),
    pytest.param(
        gold_view(), view(label="Overweight"), (0, 1, 1), id="devset-readme-rule-label-differs"
    ),
    pytest.param(
        gold_view(type="rating_change"), view(), (1, 0, 0), id="devset-readme-rule-rating-is-change"
    ),
    pytest.param(
        gold_view(), view(type="consensus_rating"), (0, 1, 1), id="devset-readme-rule-view-type"
    ),
    pytest.param(
        gold_view(type="price_target", value={"value": 100, "unit": "USD"}, label=None),
        view(type="price_target", value=q(100.5), label=None),
        (1, 0, 0),
        id="devset-readme-rule-target-value",
    ),
    pytest.param(
        gold_view(type="price_target", value={"value": 100, "unit": "USD"}, label=None),
        view(type="price_target", value=q(100), label="Buy", company="Zenith"),
        (0, 1, 1),
        id="devset-readme-rule-view-company",
    ),
    pytest.param(
        gold_view(type="rating_count", value={"value": 5, "unit": "count"}, label="Buy", of=10),
        view(type="rating_count", count=5, of=10, label="Buy"),
        (1, 0, 0),
        id="devset-readme-rule-count-in-value",
    ),
    pytest.param(
        gold_view(type="rating_count", value={"value": 5, "unit": "count"}, label="Buy", of=10),
        view(type="rating_count", count=5, of=12, label="Buy"),
        (0, 1, 1),
        id="devset-readme-rule-of-differs",
    ),
    pytest.param(
        gold_view(type="rating_count", value={"value": 5, "unit": "count"}, label="Buy"),
        view(type="rating_count", value=q(5, unit="count"), label="Buy"),
        (1, 0, 0),
        id="devset-readme-rule-count-as-quantity",
    ),
]


@pytest.mark.parametrize(("gold_item", "extracted", "expected"), VIEW_CASES)
def test_view_rules(
    gold_item: dict[str, Any], extracted: AnalystView, expected: tuple[int, ...]
) -> None:
    gold = gold_of(views=[gold_item])
    assert counts(gold, result_of(views=(extracted,)), "analyst_views") == expected


@pytest.mark.parametrize(
    ("gold_name", "extracted_name", "expected"),
    [
        pytest.param("Deutsche Börse", "Deutsche Borse AG", True, id="devset-readme-rule-accents"),
        pytest.param(
            "Mitsubishi Corp.", "Mitsubishi Corporation", True, id="devset-readme-rule-suffixes"
        ),
        pytest.param("Alphabet", "Alphabet Inc. (Google)", True, id="devset-readme-rule-contains"),
        pytest.param("The Walt Disney Company", "Disney", True, id="ours"),
        pytest.param("Veolia", "Suez", False, id="devset-readme-rule-different"),
        pytest.param("Inc.", "Acme", False, id="ours-suffix-only-name"),
    ],
)
def test_names(gold_name: str, extracted_name: str, expected: bool) -> None:
    assert names_match(gold_name, extracted_name) is expected


def test_one_to_one_prefers_the_closest_and_stays_maximal() -> None:
    gold = gold_of(
        views=[
            gold_view(type="price_target", value={"value": 100, "unit": "USD"}, label=None),
            gold_view(type="price_target", value={"value": 100.8, "unit": "USD"}, label=None),
        ]
    )
    # 100.4 matches both gold items; 100.0 matches only the first. Greedy alone would pair
    # 100.0 with the first and leave 100.4 the second: both must be matched.
    extracted = (
        view(type="price_target", value=q(100.4), label=None),
        view(type="price_target", value=q(100.0), label=None),
        view(type="price_target", value=q(100.0), label=None),
    )
    assert counts(gold, result_of(views=extracted), "analyst_views") == (2, 1, 0)


def test_micro_average_sums_counts_over_articles() -> None:
    first = (result_of(deals=(deal(),)), gold_of(deals=[gold_deal()]))
    second = (result_of(deals=(deal(type="merger"),)), gold_of(deals=[gold_deal(), gold_deal()]))
    corpus = score_corpus([first, second])
    assert corpus.category("deals") == CategoryScore(1, 1, 2)
    assert corpus.category("deals").precision == pytest.approx(0.5)
    assert corpus.category("deals").recall == pytest.approx(1 / 3)


def test_explain_lists_missed_with_reason_and_spurious_with_quote() -> None:
    gold = gold_of(deals=[gold_deal()], metrics=[gold_metric()])
    result = result_of(deals=(deal(amount=q(300e6)),), metrics=(metric(name="ebitda"),))
    explanation = explain(result, gold)
    assert [m.category for m in explanation.missed] == ["deals", "metrics"]
    assert explanation.missed[0].reasons == ("amount 300m USD vs gold 250m USD",)
    assert explanation.missed[1].reasons == ("no extracted revenue",)
    assert {s.category for s in explanation.spurious} == {"deals", "metrics"}
    text = format_explanation(explanation)
    assert "MISSED" in text and "SPURIOUS" in text and "$5.59 billion" in text


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.floats(0, 0.0099))
def test_numbers_within_one_percent_always_match(gold_value: float, error: float) -> None:
    gold = gold_of(deals=[gold_deal(amount={"value": gold_value, "unit": "USD"})])
    result = result_of(deals=(deal(amount=q(gold_value * (1 + error))),))
    assert counts(gold, result, "deals") == (1, 0, 0)


@pytest.mark.devset
def test_devset_gold_loads(shared_dir: Path) -> None:
    golds = load_gold(shared_dir / "devset" / "gold")
    assert len(golds) == 24
    assert sum(len(g.deals) for g in golds) == 20
    assert sum(len(g.analyst_views) for g in golds) == 81
    scored_metrics = sum(1 for g in golds for m in g.metrics if m.name != "other")
    assert scored_metrics == 61
    counted = [v for g in golds for v in g.analyst_views if v.type == "rating_count"]
    assert all(v.count is not None for v in counted)

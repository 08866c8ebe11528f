"""Our own articles with gold in the devset format: the gold is sound, and the engine scores.

``tests/fixtures/articles`` holds short articles written by the team (two of them our
rewrites of the seeds, identical to the ones in ``resources/samples``) and
``tests/fixtures/gold`` what a perfect extractor returns for each, in the format of
``shared/devset/README.md``. Editing an article without its gold fails the quote test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.domain.model import ArticleResult
from briefing.domain.vocabulary import (
    DEAL_TYPES,
    METRIC_NAMES,
    MULTIPLE_METRICS,
    PRICE_TARGET_STATS,
    QUANTITY_UNITS_NON_CURRENCY,
    VIEW_TYPES,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
GOLD = FIXTURES / "gold"
SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
CATEGORIES = ("deals", "metrics", "analyst_views")

# Per-category F1 the engine must keep on our articles, set a little below what it reached
# when it landed (deals 0.929, metrics 0.982, analyst_views 0.674 on the 10 articles).
# Measured 1.000 / 1.000 / 0.958; raise these as the engine improves, never lower them to pass.
F1_FLOORS = {"deals": 0.90, "metrics": 0.90, "analyst_views": 0.94}

_TOP_KEYS = {"article", "origin", "published", "primary_company", *CATEGORIES}
_ITEM_KEYS = {
    "deals": {"type", "buyer", "counterparty", "amount", "valuation", "date", "quote"},
    "metrics": {
        "company", "segment", "name", "raw_name", "period", "value", "previous", "change_pct",
        "quote",
    },
    "analyst_views": {
        "type", "company", "firm", "value", "label", "previous_label", "stat", "metric",
        "period", "of", "quote",
    },
}  # fmt: skip
_CURRENCY = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "HKD", "INR", "DKK", "CAD", "CHF"})
_UNITS = _CURRENCY | set(QUANTITY_UNITS_NON_CURRENCY)

GOLD_FILES = sorted(GOLD.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _items(gold: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(category, item) for category in CATEGORIES for item in gold[category]]


def _quantities(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [item[k] for k in ("amount", "valuation", "value", "previous") if item.get(k)]


def test_every_article_has_gold_and_every_gold_an_article() -> None:
    articles = {p.name for p in ARTICLES.glob("*.txt")}
    annotated = {_load(p)["article"] for p in GOLD_FILES}
    assert len(articles) >= 6
    assert articles == annotated
    assert {Path(name).stem for name in annotated} == {p.stem for p in GOLD_FILES}


@pytest.mark.parametrize(
    "name", ["alibaba_meitu_convertible_2026_01.txt", "alibaba_minimax_anchor_2026_01.txt"]
)
def test_seed_rewrites_match_the_bundled_samples(name: str) -> None:
    assert (ARTICLES / name).read_bytes() == (SAMPLES / name).read_bytes()


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[f"ours-{p.stem}" for p in GOLD_FILES])
def test_gold_quotes_are_exact_substrings_of_the_article(gold_file: Path) -> None:
    gold = _load(gold_file)
    text = (ARTICLES / gold["article"]).read_text(encoding="utf-8")
    missing = [item["quote"] for _, item in _items(gold) if item["quote"] not in text]
    assert not missing, f"quotes not found in {gold['article']}: {missing}"


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[f"ours-{p.stem}" for p in GOLD_FILES])
def test_gold_follows_the_devset_format(gold_file: Path) -> None:
    gold = _load(gold_file)
    assert set(gold) == _TOP_KEYS
    for category, item in _items(gold):
        assert set(item) <= _ITEM_KEYS[category], item
        for quantity in _quantities(item):
            assert quantity["unit"] in _UNITS, item
            assert ("value" in quantity) != ("low" in quantity and "high" in quantity), item
    for deal in gold["deals"]:
        assert deal["type"] in DEAL_TYPES and (deal["buyer"] or deal["counterparty"]), deal
    for metric in gold["metrics"]:
        assert metric["name"] in METRIC_NAMES, metric
        assert metric["value"] is not None or metric["change_pct"] is not None, metric
        assert metric["name"] != "other" or metric.get("raw_name"), metric
    for view in gold["analyst_views"]:
        assert view["type"] in VIEW_TYPES, view
        assert view.get("stat") in (None, *PRICE_TARGET_STATS), view
        assert view.get("metric") in (None, *MULTIPLE_METRICS), view


def _extract_all() -> list[tuple[ArticleResult, Any]]:
    from briefing.evaluation.gold import load_gold
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    pairs = []
    for gold in load_gold(GOLD):
        document = read_document(ARTICLES / gold.article)
        pairs.append((ArticleResult(document, extract_document(document)), gold))
    return pairs


@pytest.fixture(scope="module")
def extracted_with_gold() -> list[tuple[ArticleResult, Any]]:
    return _extract_all()


@pytest.mark.parametrize("category", CATEGORIES)
def test_engine_reaches_the_floor_on_our_articles(
    extracted_with_gold: list[tuple[ArticleResult, Any]], category: str
) -> None:
    from briefing.evaluation.report import explain, format_explanation
    from briefing.evaluation.scoring import score_corpus

    score = score_corpus(extracted_with_gold).category(category)
    if score.f1 < F1_FLOORS[category]:
        details = "\n\n".join(
            format_explanation(explain(result, gold)) for result, gold in extracted_with_gold
        )
        pytest.fail(
            f"{category}: F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f}; "
            f"tp {score.tp} fp {score.fp} fn {score.fn}) below floor {F1_FLOORS[category]}\n"
            f"{details}"
        )

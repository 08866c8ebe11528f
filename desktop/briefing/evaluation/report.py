"""Readable and JSON reports of a score, and the per-item diff engineers tune with."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.domain.model import AnalystView, ArticleResult, Deal, Metric
from briefing.evaluation.comparison import (
    deal_mismatches,
    format_quantity,
    metric_mismatches,
    view_mismatches,
    view_type_key,
)
from briefing.evaluation.gold import GoldArticle, GoldDeal, GoldMetric, GoldView
from briefing.evaluation.scoring import CATEGORIES, ArticleScore, CategoryScore, score_article

GoldItem = GoldDeal | GoldMetric | GoldView
ExtractedItem = Deal | Metric | AnalystView


@dataclass(frozen=True, slots=True)
class Missed:
    """A gold item nothing matched, with why the nearest extracted item of its kind failed."""

    category: str
    item: GoldItem
    nearest: ExtractedItem | None
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Spurious:
    category: str
    item: ExtractedItem


@dataclass(frozen=True, slots=True)
class Explanation:
    article: str
    score: ArticleScore
    missed: tuple[Missed, ...]
    spurious: tuple[Spurious, ...]


def _kind(item: GoldItem | ExtractedItem) -> str:
    if isinstance(item, GoldMetric | Metric):
        return item.name
    return view_type_key(item.type) if isinstance(item, GoldView | AnalystView) else item.type


def _reasons(gold: GoldItem, extracted: ExtractedItem) -> list[str]:
    if isinstance(gold, GoldDeal) and isinstance(extracted, Deal):
        return deal_mismatches(gold, extracted)
    if isinstance(gold, GoldMetric) and isinstance(extracted, Metric):
        return metric_mismatches(gold, extracted)
    if isinstance(gold, GoldView) and isinstance(extracted, AnalystView):
        return view_mismatches(gold, extracted)
    return ["different category"]


def _nearest(
    gold: GoldItem, candidates: Sequence[ExtractedItem]
) -> tuple[ExtractedItem | None, tuple[str, ...]]:
    """The same-kind extracted item failing the fewest checks (matched ones included)."""
    same_kind = [c for c in candidates if _kind(c) == _kind(gold)]
    if not same_kind:
        return None, (f"no extracted {_kind(gold)}",)
    scored = [(len(r), i, r) for i, r in enumerate(_reasons(gold, c) for c in same_kind)]
    _, index, reasons = min(scored)
    return same_kind[index], tuple(reasons) or ("a closer gold item took it",)


def explain(extracted: ArticleResult, gold: GoldArticle) -> Explanation:
    """Unmatched gold items (missed) and unmatched extracted items (spurious) of one article."""
    score = score_article(extracted, gold)
    missed: list[Missed] = []
    spurious: list[Spurious] = []
    for category in CATEGORIES:
        match = score.matches[category]
        for item in match.missed:
            nearest, reasons = _nearest(item, match.extracted)
            missed.append(Missed(category, item, nearest, reasons))
        spurious.extend(Spurious(category, item) for item in match.spurious)
    return Explanation(gold.article, score, tuple(missed), tuple(spurious))


def describe(item: GoldItem | ExtractedItem) -> str:
    """One line naming an item's kind, parties and numbers."""
    if isinstance(item, GoldDeal | Deal):
        return (
            f"{item.type} buyer={item.buyer!r} counterparty={item.counterparty!r} "
            f"amount={format_quantity(item.amount)}"
            + (f" valuation={format_quantity(item.valuation)}" if item.valuation else "")
        )
    if isinstance(item, GoldMetric | Metric):
        change = "" if item.change_pct is None else f" change={item.change_pct:+g}%"
        previous = f" previous={format_quantity(item.previous)}" if item.previous else ""
        return (
            f"{item.name} company={item.company!r} segment={item.segment!r} "
            f"value={format_quantity(item.value)}{change}{previous}"
        )
    count = "" if item.count is None else f" count={item.count}"
    of = "" if item.of is None else f" of={item.of}"
    return (
        f"{item.type} company={item.company!r} firm={item.firm!r} label={item.label!r} "
        f"value={format_quantity(item.value)}{count}{of}"
    )


def _quote(item: GoldItem | ExtractedItem) -> str:
    if isinstance(item, GoldDeal | GoldMetric | GoldView):
        return item.quote
    return item.evidence.quote


def format_explanation(explanation: Explanation) -> str:
    lines = [f"== {explanation.article}"]
    for missed in explanation.missed:
        lines.append(f"  MISSED   [{missed.category}] {describe(missed.item)}")
        lines.append(f"           gold quote: {_quote(missed.item)!r}")
        if missed.nearest is not None:
            lines.append(f"           nearest: {describe(missed.nearest)}")
        lines.append(f"           why: {'; '.join(missed.reasons)}")
    for spurious in explanation.spurious:
        lines.append(f"  SPURIOUS [{spurious.category}] {describe(spurious.item)}")
        lines.append(f"           quote: {_quote(spurious.item)!r}")
    return "\n".join(lines)


def format_table(totals: Mapping[str, CategoryScore]) -> str:
    """The per-category table ``briefing eval`` prints.

    >>> print(format_table({"deals": CategoryScore(8, 2, 2)}))
    category        precision  recall      f1     tp    fp    fn
    deals               0.800   0.800   0.800      8     2     2
    """
    header = f"{'category':<15}{'precision':>10}{'recall':>8}{'f1':>8}{'tp':>7}{'fp':>6}{'fn':>6}"
    rows = [header]
    for name, s in totals.items():
        rows.append(
            f"{name:<15}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp:>7}{s.fp:>6}{s.fn:>6}"
        )
    return "\n".join(rows)


def format_article_counts(articles: Sequence[ArticleScore]) -> str:
    """One row per article: tp/fp/fn of each category."""
    width = max((len(a.article) for a in articles), default=7)
    header = f"{'article':<{width}}" + "".join(f"  {c:>17}" for c in CATEGORIES)
    rows = [header, f"{'':<{width}}" + "  {:>17}".format("tp/fp/fn") * len(CATEGORIES)]
    for article in articles:
        cells = []
        for category in CATEGORIES:
            s = article.category(category)
            cells.append(f"  {f'{s.tp}/{s.fp}/{s.fn}':>17}")
        rows.append(f"{article.article:<{width}}" + "".join(cells))
    return "\n".join(rows)


def score_to_dict(score: CategoryScore) -> dict[str, Any]:
    return {
        "tp": score.tp,
        "fp": score.fp,
        "fn": score.fn,
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
    }


def explanation_to_dict(explanation: Explanation) -> dict[str, Any]:
    return {
        "article": explanation.article,
        "categories": {c: score_to_dict(explanation.score.category(c)) for c in CATEGORIES},
        "missed": [
            {
                "category": m.category,
                "item": describe(m.item),
                "quote": _quote(m.item),
                "nearest": None if m.nearest is None else describe(m.nearest),
                "reasons": list(m.reasons),
            }
            for m in explanation.missed
        ],
        "spurious": [
            {"category": s.category, "item": describe(s.item), "quote": _quote(s.item)}
            for s in explanation.spurious
        ],
    }

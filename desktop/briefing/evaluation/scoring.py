"""Scoring an extraction against gold: one-to-one matching, TP/FP/FN and P/R/F1.

Per category (deals, metrics, analyst_views) each gold item is matched to at most one
extracted item and vice versa. Pairs are first taken greedily from the closest (numbers
nearest gold, evidence overlapping the gold quote), then augmenting paths make the matching
as large as possible, so a loose early choice never costs a match. Counts are summed over
articles before precision, recall and F1 are computed (micro-averaging).

Not scored, as the README says: gold metrics named ``other`` and extracted ones, and
extracted deals without amount or valuation whose type needs one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from briefing.domain.model import AnalystView, ArticleResult, Deal, Metric
from briefing.domain.vocabulary import DEAL_TYPES_WITHOUT_AMOUNT
from briefing.evaluation.comparison import (
    closeness,
    deal_mismatches,
    metric_mismatches,
    view_mismatches,
)
from briefing.evaluation.gold import GoldArticle, GoldDeal, GoldMetric, GoldView

CATEGORIES: Final = ("deals", "metrics", "analyst_views")
UNSCORED_METRIC: Final = "other"
# Added to the closeness of a pair whose evidence does not overlap the gold quote.
_ELSEWHERE_PENALTY: Final = 1.0

G = TypeVar("G", GoldDeal, GoldMetric, GoldView)
E = TypeVar("E", Deal, Metric, AnalystView)


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """True positives, false positives and false negatives of one category.

    >>> round(CategoryScore(8, 2, 2).f1, 3)
    0.8
    >>> CategoryScore(0, 0, 0).f1  # nothing to find and nothing found is perfect
    1.0
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: CategoryScore) -> CategoryScore:
        return CategoryScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class CategoryMatch:
    """The matching of one category in one article, by index into the scored items."""

    gold: tuple[GoldDeal | GoldMetric | GoldView, ...]
    extracted: tuple[Deal | Metric | AnalystView, ...]
    pairs: tuple[tuple[int, int], ...]

    @property
    def score(self) -> CategoryScore:
        matched = len(self.pairs)
        return CategoryScore(matched, len(self.extracted) - matched, len(self.gold) - matched)

    @property
    def missed(self) -> list[GoldDeal | GoldMetric | GoldView]:
        used = {g for g, _ in self.pairs}
        return [item for i, item in enumerate(self.gold) if i not in used]

    @property
    def spurious(self) -> list[Deal | Metric | AnalystView]:
        used = {e for _, e in self.pairs}
        return [item for i, item in enumerate(self.extracted) if i not in used]


@dataclass(frozen=True, slots=True)
class ArticleScore:
    article: str
    matches: dict[str, CategoryMatch]

    def category(self, name: str) -> CategoryScore:
        return self.matches[name].score


@dataclass(frozen=True, slots=True)
class CorpusScore:
    articles: tuple[ArticleScore, ...] = field(default_factory=tuple)

    def category(self, name: str) -> CategoryScore:
        total = CategoryScore()
        for article in self.articles:
            total += article.category(name)
        return total

    @property
    def categories(self) -> dict[str, CategoryScore]:
        return {name: self.category(name) for name in CATEGORIES}


def scored_deals(deals: Iterable[Deal]) -> tuple[Deal, ...]:
    """Deals that count: a type that needs an amount must have an amount or a valuation."""
    return tuple(
        d
        for d in deals
        if d.type in DEAL_TYPES_WITHOUT_AMOUNT or d.amount is not None or d.valuation is not None
    )


def _overlaps(body: str, quote: str, extracted: Deal | Metric | AnalystView) -> bool:
    evidence = extracted.evidence
    start = body.find(quote) if quote else -1
    if start >= 0:
        return evidence.start < start + len(quote) and start < evidence.end
    # The body differs from the annotated text (ingest changed it): compare the quotes.
    return bool(quote) and (quote in evidence.quote or evidence.quote in quote)


def match_items(
    gold: Sequence[G],
    extracted: Sequence[E],
    mismatches: Callable[[G, E], list[str]],
    body: str = "",
) -> tuple[tuple[int, int], ...]:
    """A maximum one-to-one matching that prefers the closest pairs; (gold, extracted) indices."""
    candidates: dict[int, list[int]] = {}
    ranked: list[tuple[float, int, int]] = []
    for g, gold_item in enumerate(gold):
        for e, item in enumerate(extracted):
            if mismatches(gold_item, item):
                continue
            cost = closeness(gold_item, item)
            if not _overlaps(body, gold_item.quote, item):
                cost += _ELSEWHERE_PENALTY
            ranked.append((cost, g, e))
    ranked.sort()
    gold_to_extracted: dict[int, int] = {}
    extracted_to_gold: dict[int, int] = {}
    for _, g, e in ranked:
        candidates.setdefault(g, []).append(e)
        if g not in gold_to_extracted and e not in extracted_to_gold:
            gold_to_extracted[g], extracted_to_gold[e] = e, g

    def augment(g: int, seen: set[int]) -> bool:
        for e in candidates.get(g, ()):
            if e in seen:
                continue
            seen.add(e)
            if e not in extracted_to_gold or augment(extracted_to_gold[e], seen):
                gold_to_extracted[g], extracted_to_gold[e] = e, g
                return True
        return False

    for g in candidates:
        if g not in gold_to_extracted:
            augment(g, set())
    return tuple(sorted(gold_to_extracted.items()))


def _category_match(
    gold: Sequence[G], extracted: Sequence[E], mismatches: Callable[[G, E], list[str]], body: str
) -> CategoryMatch:
    pairs = match_items(gold, extracted, mismatches, body)
    return CategoryMatch(tuple(gold), tuple(extracted), pairs)


def score_article(extracted: ArticleResult, gold: GoldArticle) -> ArticleScore:
    """Match one article's extraction against its gold, category by category."""
    body = extracted.document.body
    extraction = extracted.extraction
    gold_metrics = [m for m in gold.metrics if m.name != UNSCORED_METRIC]
    metrics = [m for m in extraction.metrics if m.name != UNSCORED_METRIC]
    matches = {
        "deals": _category_match(gold.deals, scored_deals(extraction.deals), deal_mismatches, body),
        "metrics": _category_match(gold_metrics, metrics, metric_mismatches, body),
        "analyst_views": _category_match(
            gold.analyst_views, extraction.analyst_views, view_mismatches, body
        ),
    }
    return ArticleScore(gold.article, matches)


def score_corpus(pairs: Iterable[tuple[ArticleResult, GoldArticle]]) -> CorpusScore:
    """Scores of every article; ``CorpusScore.category`` sums them (micro-average)."""
    return CorpusScore(tuple(score_article(extracted, gold) for extracted, gold in pairs))

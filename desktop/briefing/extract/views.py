"""The analyst-views extractor: ratings, targets, prices, multiples and forecasts.

Rules run sentence by sentence (``views_ratings``, ``views_prices``, ``views_multiples``,
``views_forecasts``, ``views_performance``, ``views_share_prices``); a figure read by one
rule is not read by another. The firm named in an earlier sentence carries over to "the
analyst"/"they" in later ones, and a forecast to the passive "are expected to be" of the
next. A fact stated twice (headline and body, "Buy" rating reaffirmed and reiterated) is
kept once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable
from typing import Final

from briefing.domain.model import AnalystView
from briefing.extract.context import ArticleContext
from briefing.extract.views_counts import coverage_total
from briefing.extract.views_forecasts import forecast_views
from briefing.extract.views_multiples import valuation_views
from briefing.extract.views_performance import performance_views
from briefing.extract.views_prices import price_targets, upside_views
from briefing.extract.views_ratings import may_state_rating, rating_views
from briefing.extract.views_share_prices import share_prices
from briefing.extract.views_text import Scope, brokers_in
from briefing.extract.views_words import sentence_firms, sentence_words

_NAME_NOISE: Final = re.compile(r"[^0-9a-z]+")
# An approximate move within this share of a precise one is the same move restated
# ("nearly 5 per cent" in the lead, "4.95 per cent" in the body).
_RESTATEMENT_TOLERANCE: Final = 0.03
_RATING_TYPES: Final = frozenset({"rating", "rating_change"})


def _norm(text: str | None) -> str:
    return _NAME_NOISE.sub("", (text or "").lower())


def _numbers(view: AnalystView) -> tuple[float, ...]:
    return tuple(round(n, 6) for n in view.value.numbers()) if view.value else ()


def _key(view: AnalystView) -> Hashable:
    base = (view.type, _norm(view.company))
    if view.type in _RATING_TYPES or view.type == "consensus_rating":
        return (*base, _norm(view.label))
    if view.type == "rating_count":
        return (*base, view.count, _norm(view.label))
    if view.type == "share_price":
        return (*base, _numbers(view), _norm(view.label))
    if view.type == "valuation_multiple":
        return (*base, _numbers(view), view.metric)
    return (*base, _numbers(view))


def _richness(view: AnalystView) -> float:
    filled = sum(f is not None for f in (view.firm, view.previous_label, view.of, view.stat))
    return view.confidence + 0.01 * filled


def _same_firm(first: AnalystView, second: AnalystView) -> bool:
    if first.firm is None or second.firm is None:
        return True
    a, b = _norm(first.firm), _norm(second.firm)
    # "Citi", "Citibank" and "Citigroup" are one house: same name or same stem.
    return a in b or b in a or (len(a) >= 4 and a[:4] == b[:4])


def _merge(views: list[AnalystView], headline_end: int) -> list[AnalystView]:
    """One view per fact; ratings by different firms stay apart."""
    kept: list[AnalystView] = []
    # Each kept view's key, in step with ``kept``: a view replacing another has its key.
    kept_keys: list[Hashable] = []
    for view in views:
        key = _key(view)
        for index, other in enumerate(kept):
            if kept_keys[index] != key or (
                view.type in _RATING_TYPES and not _same_firm(view, other)
            ):
                continue
            if _richness(view) > _richness(other):
                kept[index] = view
            break
        else:
            kept.append(view)
            kept_keys.append(key)
    return [v for v in kept if not _is_restated_move(v, kept, headline_end)]


def _is_restated_move(view: AnalystView, views: list[AnalystView], headline_end: int) -> bool:
    """An approximate move restating a precise one ("nearly 5 per cent" then "4.95 per
    cent"), or a headline rounding the body's figure ("jump 6%" then "6.2 per cent")."""
    if view.type != "price_performance" or view.value is None or view.value.value is None:
        return False
    value = view.value.value
    rounded = view.evidence.start < headline_end and value == int(value)
    if not view.value.approx and not rounded:
        return False
    for other in views:
        if other is view or other.type != view.type or other.value is None:
            continue
        number = other.value.value
        if number is None or other.company != view.company or number == value:
            continue
        if view.value.approx and not other.value.approx:
            if abs(number - value) <= _RESTATEMENT_TOLERANCE * abs(value):
                return True
        elif rounded and number != int(number) and round(number) == value:
            return True
    return False


def rated_subject(context: ArticleContext) -> str | None:
    """The company the article's views are about: the primary company, unless that is a
    broker (a headline naming the house first), then the company named most often."""
    primary = context.primary_company
    counts: Counter[str] = Counter()
    primary_is_broker = False
    for sentence in context.sentences:
        for mention in sentence.companies:
            if mention.name == primary:
                primary_is_broker = primary_is_broker or mention.is_broker
            elif not (mention.is_broker or mention.is_index):
                counts[mention.name] += 1
    if primary_is_broker and counts:
        return counts.most_common(1)[0][0]
    return primary


def extract_views(context: ArticleContext) -> list[AnalystView]:
    """Every analyst view in the article, each with the clause that states it.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = ("Acme Corp shares rose 4% on Friday. Analysts at Jefferies upgraded the stock "
    ...         "to Buy from Hold and raised their price target to $60 from $48.")
    >>> views = extract_views(build_context(Document(id="t", path="t", format="text",
    ...                                              body=text)))
    >>> [(v.type, v.label or v.value.value if v.value else v.label) for v in views]
    [('price_performance', 4.0), ('rating_change', 'Buy'), ('price_target', 60.0)]
    """
    views: list[AnalystView] = []
    earlier_firm: str | None = None
    earlier_total: int | None = None
    earlier_forecast: str | None = None
    subject = rated_subject(context)
    for sentence in context.sentences:
        words = sentence_words(sentence.text)
        if not sentence.quantities and not may_state_rating(words, sentence.text):
            # Most sentences state no view: only their firms and analyst total carry over.
            earlier_forecast = None
            found = sentence_firms(sentence, subject or context.primary_company, words)
            firms = [firm for firm in found if 0 <= firm[0] < len(sentence.text)]
            if firms:
                earlier_firm = firms[-1][1]
            earlier_total = coverage_total(sentence.text) if "analysts" in words else None
            continue
        scope = Scope(
            context, sentence, earlier_firm, earlier_total, subject, earlier_forecast, words
        )
        used: set[int] = set()
        views.extend(rating_views(scope))
        earlier_forecast = None
        if sentence.quantities:  # every other view states a figure
            views.extend(price_targets(scope, used))
            views.extend(upside_views(scope, used))
            views.extend(valuation_views(scope, used))
            forecasts = forecast_views(scope, used)
            if forecasts:
                earlier_forecast = forecasts[-1].type.removesuffix("_forecast")
            views.extend(forecasts)
            views.extend(performance_views(scope, used))
            views.extend(share_prices(scope, used))
        firms = brokers_in(scope)
        if firms:
            earlier_firm = firms[-1][1]
        earlier_total = coverage_total(sentence.text) if "analysts" in scope.words else None
    headline_end = context.sentences[0].end if context.sentences else 0
    return _merge(views, headline_end)

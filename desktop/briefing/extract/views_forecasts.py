"""Valuation multiples and analysts' EPS / revenue forecasts.

A forecast needs a forecaster (analysts, a broker, the consensus) and a forecast word in
the sentence; without them "revenue is expected to reach X" is company guidance, which
the metrics extractor reports. Each figure is bound to the metric noun next to it, so in
"sales growth of 6-9% and EBIT growth of 4-8%" only the first range is a revenue view.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.domain.model import AnalystView, Quantity
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_text import (
    Scope,
    as_money,
    as_multiple,
    brokers_in,
    company_before,
    firm_near,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    EPS_NOUNS,
    FORECAST_CUES,
    FORECASTER_CUES,
    FORWARD_CUES,
    MULTIPLE_NAMES,
    OTHER_FORECAST_NOUNS,
    PRIOR_VALUE_CUES,
    REVENUE_NOUNS,
    REVISION_VERBS,
)

_MULTIPLE_RE: Final = words_regex(MULTIPLE_NAMES)
_MULTIPLE_WORDS: Final = frozenset(
    w for name in MULTIPLE_NAMES for w in re.findall("[a-z]+", name) if len(w) > 1 or w == "x"
) - {"to", "price", "value", "enterprise"}
# A forecast sentence names a forecaster or an estimate; most sentences name neither.
_FORECAST_GATE_WORDS: Final = frozenset(
    w for cue in FORECASTER_CUES for w in re.findall("[a-z]+", cue) if w not in ("it", "is", "the")
) | {"estimate", "estimates", "expected", "expectations", "forecast", "forecasts", "projections"}
_FORWARD_RE: Final = re.compile("|".join(re.escape(c) for c in FORWARD_CUES), re.I)
_FORECAST_RE: Final = words_regex(FORECAST_CUES)
_FORECASTER_RE: Final = words_regex(FORECASTER_CUES)
_REVISION_RE: Final = re.compile(
    r"\b(?:" + "|".join(REVISION_VERBS) + r")\s+(?:[\w'’()-]+\s+){0,6}?(?:forecasts?|estimates?"
    r"|projections?|outlook)\b",
    re.I,
)
_NOUN_KINDS: Final = (
    ("eps", words_regex(EPS_NOUNS)),
    ("revenue", words_regex(REVENUE_NOUNS)),
    ("other", words_regex(OTHER_FORECAST_NOUNS)),
)
# Words between a metric noun and its figure: "revenue in 2024 will increase by 52%".
_LINK_BEFORE: Final = re.compile(
    r"[\s\w'’-]*?\b(?:of|by|at|to|reach|reaching|hit|total|be|around|about|nearly|is|was"
    r"|grow|rise|increase|climb|expand|decline|fall|drop|shrink)\s*",
    re.I,
)
_BREAK_BETWEEN: Final = re.compile(r"(?i)\band\b|,")
_LINK_AFTER: Final = re.compile(r"^\s*(?:growth\s+)?(?:for\s+|in\s+)?(?:the\s+)?$", re.I)
_PAST_ACTUAL: Final = re.compile(
    r"(?i)\b(?:fell|rose|reported|posted|grew|totalled|totaled|stood|came\s+in|declined"
    r"|dropped|jumped|climbed|was|were|increased|decreased|reached|recorded|generated)\b"
)
_EXPECTATION: Final = re.compile(
    r"(?i)(?:\b(?:consensus|analysts?'?|street|average)\s+)?(?:\w+\s+){0,2}?(?:estimates?"
    r"|forecasts?|expectations?|projections?)\s+(?:of|for)\s*$|\bthe\s+expected\s*$"
)
_EXPECTATION_ANYWHERE: Final = re.compile(
    r"(?i)\b(?:estimates?|forecasts?|expectations?|projections?)\s+(?:of|for)\b|\bthe\s+expected\b"
)
_PRIOR_NEAR: Final = re.compile(r"(?i)\b(?:prior|previous|earlier|old|former)\b")
_LIST_GAP: Final = re.compile(r"\s*(?:/|,|and|or)\s*")
_OTHER_NOUN_RE: Final = words_regex(OTHER_FORECAST_NOUNS)
_BARE_GROWTH: Final = re.compile(r"(?i)\bforecast\w*\s+(?:an?\s+)?(?:\w+\s+)?growth\s+of\s*$")
_PEER_BEFORE: Final = re.compile(
    r"((?:[A-Z&][\w&.'’-]*|\d+)(?:\s+(?:[A-Z&][\w&.'’-]*|\d+))*)\s*(?:average|index)?\s*\(\s*$"
)
_FIGURE_BEFORE_NOUN: Final = re.compile(
    r"\s*(?:FY\s?\d{2,4}E?\s+|\d{4}E?\s+|fiscal\s+(?:year\s+)?\d{4}\s+|next\s+year's\s+|"
    r"forward\s+|trailing\s+)?(EPS|earnings|estimates|sales|EBITDA|book|revenue)\b",
    re.I,
)
# What may stand between a multiple's name and its figure ("P/E ratio of roughly 20").
_MULTIPLE_LINK: Final = re.compile(
    r"\s*(?:\(\s*[\w/-]+\s*\)\s*)?(?:ratios?\s*|multiples?\s*)?(?:(?:of|at|is|was|stands|stood"
    r"|near|around|about|roughly|approximately|between|just|only|an?|to|now|currently)\s+|[:(-]\s*)*",
    re.I,
)
_NOUN_METRIC: Final = {
    "eps": "pe",
    "earnings": "pe",
    "estimates": "forward_pe",
    "sales": "ps",
    "revenue": "ps",
    "ebitda": "ev_ebitda",
    "book": "pb",
}


def _multiple_metric(scope: Scope, name: str, start: int, end: int) -> str:
    metric = MULTIPLE_NAMES[name.lower()]
    if metric == "pe" and _FORWARD_RE.search(scope.text, max(0, start - 25), end + 35):
        return "forward_pe"
    return metric


def _peer(scope: Scope, name_start: int) -> str | None:
    peer = _PEER_BEFORE.search(scope.text, max(0, name_start - 40), name_start)
    if peer is None:
        return None
    words = peer.group(1).split()
    while words and words[0].lower() in ("the", "and", "to", "with", "vs", "versus"):
        words.pop(0)
    return " ".join(words) or None


def _figure(scope: Scope, match: QuantityMatch) -> Quantity | None:
    # A multiple is positive and written in digits ("minus one standard deviation" is not).
    quantity = match.quantity
    if match.kind not in ("multiple", "number") or not any(c.isdigit() for c in quantity.text):
        return None
    if any(n <= 0 for n in quantity.numbers()):
        return None
    return as_multiple(quantity)


def valuation_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    has_multiple = any(m.kind == "multiple" for m in scope.quantities())
    if not has_multiple and not scope.mentions_any(_MULTIPLE_WORDS):
        return views
    names = list(_MULTIPLE_RE.finditer(text))
    if not names and not has_multiple:
        return views
    base_metric: str | None = None
    for name in names:
        for match in scope.quantities():
            start, end = scope.local(match)
            figure = _figure(scope, match)
            if figure is None or match.start in used:
                continue
            link = _MULTIPLE_LINK.match(text, name.end())
            # The link may run into the figure's own hedge ("of roughly 20").
            after = link is not None and name.end() <= start <= link.end()
            before = (
                name.group(0).lower().startswith(("times", "x ")) and 0 <= name.start() - end <= 2
            )
            if not (after or before) or word_before(text, start) in PRIOR_VALUE_CUES:
                continue
            used.add(match.start)
            metric = _multiple_metric(scope, name.group(0), min(start, name.start()), end)
            base_metric = base_metric or ("pe" if metric == "forward_pe" else metric)
            company = _peer(scope, name.start()) or company_before(scope, name.start())
            views.append(
                scope.view(
                    "valuation_multiple",
                    min(start, name.start()),
                    max(end, name.end()),
                    0.8,
                    company=company,
                    value=figure,
                    metric=metric,
                )
            )
            break
    for match in scope.quantities():
        if match.kind != "multiple" or match.start in used:
            continue
        start, end = scope.local(match)
        noun = _FIGURE_BEFORE_NOUN.match(text, end)
        if noun is None and base_metric is None:
            continue
        if word_before(text, start) in PRIOR_VALUE_CUES:
            continue
        if noun is not None:
            metric = _NOUN_METRIC[noun.group(1).lower()]
            if metric == "pe" and _FORWARD_RE.search(text, end, noun.end() + 5):
                metric = "forward_pe"
            stop = noun.end()
        else:
            metric = base_metric or "pe"
            stop = end
        used.add(match.start)
        views.append(
            scope.view(
                "valuation_multiple",
                start,
                stop,
                0.7,
                company=company_before(scope, start),
                value=as_multiple(match.quantity),
                metric=metric,
            )
        )
    return views


def _bound_noun(scope: Scope, start: int, end: int, low: int, high: int) -> str | None:
    """The metric noun a figure at text[start:end] belongs to, looking no further than
    ``low`` back and ``high`` ahead (the neighbouring figures)."""
    text = scope.text
    best: tuple[int, str] | None = None
    for kind, pattern in _NOUN_KINDS:
        for noun in pattern.finditer(text, low, start):
            gap = text[noun.end() : start]
            if (
                len(gap) <= 45
                and _LINK_BEFORE.fullmatch(gap)
                and (best is None or noun.end() > best[0])
            ):
                best = (noun.end(), kind)
    after_kind = None
    for kind, pattern in _NOUN_KINDS:
        following = pattern.search(text, end, min(high, end + 25))
        if following is not None and _LINK_AFTER.match(text[end : following.start()]):
            after_kind = kind
    if after_kind is not None:
        return after_kind
    if best is not None and not _BREAK_BETWEEN.search(text, best[0], start):
        return best[1]
    return best[1] if best is not None and start - best[0] <= 30 else None


def _continues(text: str, previous_end: int, start: int, value: Quantity) -> bool:
    """Whether a figure continues the forecast before it: a list ("30%/26%") or a
    growth rate restating it ("$8.57, an increase of nearly 50%")."""
    gap = text[previous_end:start]
    if _LIST_GAP.fullmatch(gap):
        return True
    return value.unit == "%" and not _OTHER_NOUN_RE.search(gap)


def _last_noun(text: str, position: int) -> str | None:
    """The kind of the last metric noun before ``position`` (what an estimate is of)."""
    best: tuple[int, str] | None = None
    for kind, pattern in _NOUN_KINDS:
        for noun in pattern.finditer(text, 0, position):
            if best is None or noun.start() > best[0]:
                best = (noun.start(), kind)
    return best[1] if best is not None else None


def _is_restated_amount(scope: Scope, match: QuantityMatch) -> bool:
    """An amount in brackets after another one: the same figure in a second currency."""
    start = scope.local(match)[0]
    opening = scope.text.rfind("(", 0, start)
    if opening < 0 or ")" in scope.text[opening:start] or start - opening > 20:
        return False
    return any(
        other.kind == "money" and 0 <= opening - scope.local(other)[1] <= 2
        for other in scope.quantities()
    )


def _forecast_value(scope: Scope, match: QuantityMatch) -> Quantity | None:
    if match.kind == "percent":
        return match.quantity
    if match.kind == "money":
        return as_money(match.quantity, scope.context.currency)
    if match.kind == "number" and scope.text[scope.local(match)[1] :].startswith("%"):
        return dataclasses.replace(match.quantity, unit="%")
    return None


def forecast_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    """EPS and revenue forecasts by analysts, brokers or the consensus.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = "Analysts expect Acme Corp will post $4.10 EPS for the current fiscal year."
    >>> context = build_context(Document(id="t", path="t", format="text", body=text))
    >>> [(v.type, v.value.value) for v in forecast_views(
    ...     Scope(context, context.sentences[0], None), set())]
    [('eps_forecast', 4.1)]
    """
    text = scope.text
    if not scope.firms and not scope.mentions_any(_FORECAST_GATE_WORDS):
        return []
    analyst_said = bool(_FORECASTER_RE.search(text) or brokers_in(scope))
    if not analyst_said and not _EXPECTATION_ANYWHERE.search(text):
        return []
    revision = _REVISION_RE.search(text)
    matches = [m for m in scope.quantities() if m.kind != "year"]
    views: list[AnalystView] = []
    previous_kind: str | None = None
    previous_end = 0
    for index, match in enumerate(matches):
        value = _forecast_value(scope, match)
        start, end = scope.local(match)
        if value is None or match.start in used:
            previous_kind, previous_end = None, end
            continue
        next_start = scope.local(matches[index + 1])[0] if index + 1 < len(matches) else len(text)
        before = text[max(0, start - 80) : start]
        kind = _bound_noun(scope, start, end, previous_end, next_start)
        confidence = 0.75
        expectation = _EXPECTATION.search(before)
        if word_before(text, start) in PRIOR_VALUE_CUES or _is_restated_amount(scope, match):
            kind = None
        elif expectation is not None:
            prior = _PRIOR_NEAR.search(text, max(0, expectation.start() - 15), start)
            kind = None if prior else _last_noun(text, expectation.start())
            confidence = 0.8
        elif not analyst_said:
            kind = None
        else:
            clause = text[max(previous_end, start - 80) : start]
            revised = revision is not None and revision.start() < start
            if revised or _PAST_ACTUAL.search(clause) or not _FORECAST_RE.search(text, 0, start):
                kind = None
            elif (
                kind is None
                and previous_kind is not None
                and _continues(text, previous_end, start, value)
            ):
                kind, confidence = previous_kind, 0.65
            elif kind is None and _BARE_GROWTH.search(before) and match.kind != "money":
                kind, confidence = "revenue", 0.6
        previous_kind, previous_end = kind, end
        if kind not in ("eps", "revenue"):
            continue
        used.add(match.start)
        period = _nearest_period(scope, start)
        views.append(
            scope.view(
                f"{kind}_forecast",
                start,
                end,
                confidence,
                value=value,
                period=period,
                firm=firm_near(scope, start) if brokers_in(scope) else scope.earlier_firm,
            )
        )
    return views


def _nearest_period(scope: Scope, position: int) -> str | None:
    offset = scope.sentence.start
    best: tuple[int, str] | None = None
    for period in scope.sentence.periods:
        distance = abs(period.start - offset - position)
        if best is None or distance < best[0]:
            best = (distance, period.label)
    return best[1] if best is not None else None

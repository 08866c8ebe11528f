"""Analysts' EPS and revenue forecasts.

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
from briefing.extract.views_subjects import firm_near
from briefing.extract.views_text import (
    Scope,
    as_money,
    brokers_in,
    last_match,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    EPS_NOUNS,
    FORECAST_CUES,
    FORECASTER_CUES,
    OTHER_FORECAST_NOUNS,
    PRIOR_VALUE_CUES,
    REVENUE_NOUNS,
    REVISION_VERBS,
)

# A forecast sentence names a forecaster or an estimate; most sentences name neither.
_FORECAST_GATE_WORDS: Final = frozenset(
    w for cue in FORECASTER_CUES for w in re.findall("[a-z]+", cue) if w not in ("it", "is", "the")
) | {"estimate", "estimates", "expected", "expectations", "forecast", "forecasts", "projections"}
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
# "calendar 2026 EPS, which it now models at $6.40": a relative clause naming the figure.
_LINK_BEFORE: Final = re.compile(
    r"(?:,\s*which\s+)?[\s\w'’-]*?\b(?:of|by|at|to|reach|reaching|hit|total|be|around|about|nearly|is|was"
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
    r"(?i)(?:\b(?:consensus|analysts?['’]?|street|average)\s+)?(?:\w+\s+){0,2}?(?:estimates?"
    r"|forecasts?|expectations?|projections?)\s+(?:of|for)\s*$|\bthe\s+expected\s*$"
    # "topped the consensus mark of $826 million", "in line with the FactSet consensus of"
    r"|\b(?:consensus|street)\s+(?:mark|view|figure|number|call)\s+(?:of|for|at)\s*$"
    r"|\b(?:consensus|street)\s+(?:of|at)\s*$"
    # "Q3 EPS $1.52, consensus $1.31": the one-liner's bare comparison.
    r"|(?:,|\bvs\.?|\bversus)\s*(?:the\s+)?(?:consensus|street)\s*$"
    # "the consensus estimate for 2025 earnings is pegged at", "that for revenues stands at"
    r"|\b(?:estimates?|forecasts?|expectations?|projections?|that)\s+for\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:is|are|was|were|stands|stood|sits)\s+(?:pegged\s+|pinned\s+|set\s+|placed\s+)?(?:at\s+)?$"
    # "up from an estimated $5.85 this year"
    r"|\ban?\s+(?:estimated|expected|projected|forecast)\s*$"
)
# Every ``_EXPECTATION`` ends with one of these words: only then is the text scanned.
_EXPECTATION_LAST_WORDS: Final = (
    "of", "for", "at", "expected", "consensus", "street", "is", "are", "was", "were", "stands",
    "stood", "sits", "pegged", "pinned", "set", "placed", "estimated", "projected", "forecast",
)  # fmt: skip
_TAIL_LENGTH: Final = 9  # the longest of those words
# "the consensus EPS estimate ... has changed -1.5% over the past month to $0.52": the
# estimate's new level (tried only on a figure right after "to", over a longer reach).
_REVISED_TO: Final = re.compile(
    r"(?i)\b(?:estimates?|forecasts?|consensus)\b[^;]{0,60}?\b(?:changed|revised|moved|risen"
    r"|fallen|rose|fell|increased|decreased)\b[^;]{0,45}?\bto\s*$"
)
_TO_BEFORE: Final = re.compile(r"(?i)\bto\s*$")
_EXPECTATION_ANYWHERE: Final = re.compile(
    r"(?i)\b(?:estimates?|forecasts?|expectations?|projections?)\s+(?:of|for)\b|\bthe\s+expected\b"
    r"|\b(?:consensus|street)\s+(?:mark|view|figure|number|call|of|at)\b"
    r"|\bthe\s+\S*\d\S*\s+(?:consensus|street)\b"
)
# "topped the $1.49 consensus": an expectation named after its figure.
_EXPECTATION_AFTER: Final = re.compile(
    r"(?i)\s+(?:(?:consensus|street|analysts['’]?)\s+)?(?:consensus|estimates?|forecasts?"
    r"|expectations?|view)\b"
    # "beating the 29.8 billion yuan average of analysts' estimates"
    r"|\s+(?:average|mean|median)\s+(?:of\s+)?(?:analysts['’]?\s+|the\s+)?(?:estimates?|forecasts?"
    r"|expectations?|projections?)\b"
    # "ahead of the C$1.79 analysts had expected"
    r"|\s+(?:that\s+)?(?:analysts|economists|the\s+market|the\s+street|brokers)\s+(?:had\s+)?"
    r"(?:expected|forecast|estimated|predicted|projected|pencilled\s+in)\b"
)
_THE_BEFORE: Final = re.compile(r"(?i)\bthe\s+$")
# "adjusted EPS of $1.58 topped the ... consensus": an actual figure beating a forecast.
_ACTUAL_AFTER: Final = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,3}?(?:topped|tops|beat|beats|beating|missed|misses|missing"
    r"|exceeded|exceeds|surpassed|surpasses|outpaced|trailed|lagged|came\s+in\s+(?:above|below"
    r"|ahead|short))\b"
)
# "We forecast sales growth of 3%": an analyst's note speaking for its house.
# "He now forecasts 2026 earnings per share of C$2.85": the analyst named before speaking.
_FIRST_PERSON_FORECAST: Final = re.compile(
    r"(?i)\b(?:(?:we|our)\s+(?:now\s+)?(?:forecasts?|expect|estimates?|project|model|see)"
    r"|(?:he|she|they|the\s+(?:broker|brokerage|bank|firm|analysts?))\s+(?:now\s+|also\s+)?"
    r"(?:forecasts?|expects?|estimates?|projects?|models?|sees?|pencils\s+in)"
    r"|\bit\s+(?:now\s+)?models"
    r"|(?:he|she|they)\s+(?:raised|lifted|cut|lowered|trimmed|increased|reduced)\s+(?:his|her|their))"
    r"\b"
)
# "roughly 6% below the consensus": a gap between two estimates, not a growth forecast.
_GAP_TO_ESTIMATE_AFTER: Final = re.compile(
    r"(?i)\s*(?:below|above|under|over|ahead\s+of|short\s+of|higher\s+than|lower\s+than)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?(?:consensus|estimates?|forecasts?"
    r"|expectations?|street)\b"
)
# "raised his EPS forecast for 2026 to EUR 4.35": the revised estimate's new level.
_NEW_LEVEL_BEFORE: Final = re.compile(r"(?i)\bto\s+(?:about\s+|around\s+)?$")
# A figure "per share" is earnings per share when an estimate is compared with it.
_PER_SHARE_RE: Final = words_regex(("per share", "a share", "per diluted share"))
_EPS_AFTER: Final = re.compile(
    r"\s*(?:" + "|".join(re.escape(n) for n in EPS_NOUNS) + r"|(?:per|a)\s+(?:diluted\s+)?share)\b",
    re.I,
)
_PRIOR_NEAR: Final = re.compile(r"(?i)\b(?:prior|previous|earlier|old|former)\b")
_LIST_GAP: Final = re.compile(r"\s*(?:/|,|and|or)\s*")
_OTHER_NOUN_RE: Final = words_regex(OTHER_FORECAST_NOUNS)
# "The company on Wednesday forecast fourth-quarter revenue of $1.45 billion, compared
# with analysts' estimate of ...": the company's own forecast is guidance.
_COMPANY_FORECASTS: Final = re.compile(
    r"(?i)\b(?:company|group|firm|management|it)\b[^,;.]{0,60}?(?<!\bis )(?<!\bare )(?<!\bwas )"
    r"(?<!\bbe )\b(?:forecast|forecasts|expects|projected|projects|sees|guided|predicted)\b"
)
# "Revenues are expected to be $865 million": a consensus continued from the sentence before.
_PASSIVE_EXPECTED: Final = re.compile(
    r"(?i)\b(?:is|are)\s+(?:expected|estimated|projected|forecast|seen)\s+(?:to|at)\b"
)
_CLAUSE_CUT: Final = re.compile(r"[,;]")
# "This represents a change of -8.8% from what the company reported a year ago": the
# growth the forecast of the sentence before implies.
_RESTATES_EARLIER: Final = re.compile(
    r"(?i)\s*(?:this|that|which)\s+(?:would\s+)?(?:represents?|marks?|implies|indicates?)\s+"
    r"(?:an?\s+)?(?:year-over-year\s+|year-on-year\s+)?(?:change|increase|decline|growth|rise|drop)"
    r"\s+of\s+"
)
# "up from an estimated $5.85 this year": the parser keeps the estimate word as a hedge.
_ESTIMATE_HEDGE: Final = re.compile(r"(?i)^(?:an?\s+)?(?:estimated|expected|projected|forecast)\s")
_BARE_GROWTH: Final = re.compile(r"(?i)\bforecast\w*\s+(?:an?\s+)?(?:\w+\s+)?growth\s+of\s*$")


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
    # "earnings of 95 cents a share": a per-share figure is EPS unless another metric
    # (a dividend) names it.
    if _EPS_AFTER.match(text, end) and (best is None or best[1] != "other"):
        return "eps"
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


def _last_noun(text: str, position: int, floor: int = 0) -> str | None:
    """The kind of the last metric noun in ``text[floor:position]`` (what an estimate
    is of); "earned $1.12 per share" names earnings per share."""
    best: tuple[int, str] | None = None
    for kind, pattern in (*_NOUN_KINDS, ("eps", _PER_SHARE_RE)):
        for noun in pattern.finditer(text, floor, position):
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
    # "will post 3.71 earnings per share": a bare number that EPS names is an amount.
    if match.kind == "number" and _EPS_AFTER.match(scope.text, scope.local(match)[1]):
        return as_money(match.quantity, scope.context.currency)
    return None


def _expected_kind(scope: Scope, expectation_start: int, start: int, end: int) -> str | None:
    """What an expectation phrase ending at a figure is of: the noun inside the phrase
    ("estimate for 2025 revenue is"), a per-share figure ("$5.78 per share"), else the
    last metric noun before the phrase."""
    text = scope.text
    # "the prior estimate of" (but not "from a year earlier, beating estimates of").
    lookback = max(0, expectation_start - 15)
    cut = last_match(_CLAUSE_CUT, text, lookback, expectation_start)
    if _PRIOR_NEAR.search(text, cut.end() if cut is not None else lookback, start):
        return None
    inside = _last_noun(text, start, expectation_start)
    if inside is not None:
        return inside
    if _EPS_AFTER.match(text, end):
        return "eps"
    return _last_noun(text, expectation_start)


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
    if scope.earlier_forecast is not None and _RESTATES_EARLIER.match(text):
        return _restated_growth(scope, scope.earlier_forecast, used)
    if not scope.firms and not scope.mentions_any(_FORECAST_GATE_WORDS):
        return []
    analyst_said = (
        bool(_FORECASTER_RE.search(text) or brokers_in(scope))
        or (scope.earlier_firm is not None and _FIRST_PERSON_FORECAST.search(text) is not None)
        or (scope.earlier_forecast is not None and _PASSIVE_EXPECTED.search(text) is not None)
    )
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
        tail = before.rstrip()[-_TAIL_LENGTH:].lower()
        expectation = (
            _EXPECTATION.search(before) if tail.endswith(_EXPECTATION_LAST_WORDS) else None
        )
        if expectation is None and tail.endswith("to") and _TO_BEFORE.search(before):
            longer = text[max(0, start - 130) : start]
            revised_to = _REVISED_TO.search(longer)
            if revised_to is not None:
                before, expectation = longer, revised_to
        if _ESTIMATE_HEDGE.match(match.quantity.text) and analyst_said:
            kind, confidence = _expected_kind(scope, start, start, end), 0.75
        elif (
            word_before(text, start) in PRIOR_VALUE_CUES
            or _is_restated_amount(scope, match)
            or _ACTUAL_AFTER.match(text, end)
            or (match.kind == "percent" and _GAP_TO_ESTIMATE_AFTER.match(text, end))
        ):
            kind = None
        elif _THE_BEFORE.search(before) and _EXPECTATION_AFTER.match(text, end):
            kind, confidence = _last_noun(text, start), 0.8
        elif expectation is not None:
            kind = _expected_kind(scope, start - len(before) + expectation.start(), start, end)
            confidence = 0.8
        elif not analyst_said:
            kind = None
        else:
            clause = text[max(previous_end, start - 80) : start]
            # A revision's rate is no forecast, but its new level is, and a later clause
            # ("..., and now expects sales of") states a forecast of its own.
            revised = (
                revision is not None
                and revision.start() < start
                and not (match.kind == "money" and _NEW_LEVEL_BEFORE.search(before))
                and not _BREAK_BETWEEN.search(text, revision.end(), start)
            )
            if (
                revised
                or _PAST_ACTUAL.search(clause)
                or not _FORECAST_RE.search(text, 0, start)
                or _company_forecast(scope, start)
            ):
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


def _restated_growth(scope: Scope, kind: str, used: set[int]) -> list[AnalystView]:
    lead = _RESTATES_EARLIER.match(scope.text)
    for match in scope.quantities():
        start, end = scope.local(match)
        if lead is None or start != lead.end() or match.kind != "percent" or match.start in used:
            continue
        used.add(match.start)
        view = scope.view(
            f"{kind}_forecast", 0, end, 0.6, value=match.quantity, firm=scope.earlier_firm
        )
        return [view]
    return []


def _company_forecast(scope: Scope, start: int) -> bool:
    """Whether the company, not an analyst, forecasts the figure at ``start``: it is the
    subject of the forecast verb and no forecaster is named before that."""
    said = last_match(_COMPANY_FORECASTS, scope.text, 0, start)
    if said is None:
        return False
    # "The firm sees upside to 2026 EPS, which it now models at $6.40": the broker's model.
    if scope.earlier_firm is not None and _FIRST_PERSON_FORECAST.search(
        scope.text, said.start(), start
    ):
        return False
    return not (_FORECASTER_RE.search(scope.text, 0, said.start()) or brokers_in(scope, 0, start))


def _nearest_period(scope: Scope, position: int) -> str | None:
    offset = scope.sentence.start
    best: tuple[int, str] | None = None
    for period in scope.sentence.periods:
        distance = abs(period.start - offset - position)
        if best is None or distance < best[0]:
            best = (distance, period.label)
    return best[1] if best is not None else None

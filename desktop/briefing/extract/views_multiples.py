"""Valuation multiples: "a P/E of 20", "13 times forward earnings", "6x EV/EBITDA".

A multiple is either named before its figure ("price-to-earnings ratio of 19.8") or a
"N times" figure followed by what it multiplies ("16 times forecast earnings"). Later
bare figures in the same sentence continue the last one ("..., versus 18 times for
rival X"). The company is the one whose multiple it is: a possessive ("the S&P 500's
forward multiple of 21x", "rival Telvia's 7.1 times"), a name after "for", else the
article's subject. Net debt "2.4 times EBITDA" is leverage, not a valuation.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import AnalystView, Quantity
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_subjects import index_at, subject_before
from briefing.extract.views_text import (
    Scope,
    as_multiple,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    FORWARD_CUES,
    LEVERAGE_WORDS,
    MULTIPLE_BASE_NOUNS,
    MULTIPLE_FORWARD_MODIFIERS,
    MULTIPLE_NAMES,
    MULTIPLE_NOUN_MODIFIERS,
    PEER_GROUP_NOUNS,
    PRIOR_VALUE_CUES,
)

_MULTIPLE_RE: Final = words_regex(MULTIPLE_NAMES)
_MULTIPLE_WORDS: Final = frozenset(
    w for name in MULTIPLE_NAMES for w in re.findall("[a-z]+", name) if len(w) > 1 or w == "x"
) - {"to", "price", "value", "enterprise"}
_FORWARD_RE: Final = re.compile("|".join(re.escape(c) for c in FORWARD_CUES), re.I)
_PEER_BEFORE: Final = re.compile(
    r"((?:[A-Z&][\w&.'’-]*|\d+)(?:\s+(?:[A-Z&][\w&.'’-]*|\d+))*)\s*(?:average|index)?\s*\(\s*$"
)
# "the S&P 500's forward earnings multiple of", "rival Telvia's": whose multiple it is.
_POSSESSIVE_BEFORE: Final = re.compile(
    r"(?<![\w&])((?:[A-Z&][\w&.-]*|\d+)(?:\s+(?:[A-Z&][\w&.-]*|\d+))*)['’]s\s+(?:[\w/-]+\s+){0,3}$"
)
_MODIFIER: Final = (
    r"(?:FY\s?\d{2,4}E?|\d{4}E?|fiscal\s+(?:year\s+)?\d{4}|(?:"
    + "|".join(re.escape(m) for m in MULTIPLE_NOUN_MODIFIERS)
    + r"))"
)
_FIGURE_BEFORE_NOUN: Final = re.compile(
    r"\s*(?:(?:its|their|the)\s+)?((?:"
    + _MODIFIER
    + r"\s+){0,3})("
    + "|".join(re.escape(n) for n in sorted(MULTIPLE_BASE_NOUNS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_FORWARD_MODIFIER: Final = re.compile(
    r"(?i)\b(?:FY\s?\d|\d{4}E?\b|fiscal|"
    + "|".join(re.escape(m) for m in MULTIPLE_FORWARD_MODIFIERS)
    + r")"
)
# What may stand between a multiple's name and its figure ("P/E ratio of roughly 20").
_MULTIPLE_LINK: Final = re.compile(
    r"\s*(?:\(\s*[\w/-]+\s*\)\s*)?(?:ratios?\s*|multiples?\s*)?(?:(?:of|at|is|was|stands|stood"
    r"|near|around|about|roughly|approximately|between|just|only|an?|to|now|currently)\s+|[:(-]\s*)*",
    re.I,
)
_PEER_GROUP_AFTER: Final = re.compile(
    r"\s+(?:average\s+|median\s+)?(?:for|of)\s+(?:the\s+|its\s+)?((?:[\w&/-]+\s+){0,3}?(?:"
    + "|".join(re.escape(n) for n in PEER_GROUP_NOUNS)
    + r"))\b",
    re.I,
)
_FOR_AFTER: Final = re.compile(r"\s+(?:for|at)\s+(?:the\s+)?", re.I)
# "below the sector average of 16 times": a peer group's average named before its figure.
_GROUP_AVERAGE_BEFORE: Final = re.compile(
    r"(?i)\b((?:[\w-]+\s+)?(?:"
    + "|".join(re.escape(n) for n in PEER_GROUP_NOUNS)
    + r")(?:['’]s?)?\s+(?:average|median|multiple))\s+(?:of\s+|at\s+|is\s+)?"
    r"(?:about\s+|around\s+)?$"
)
# "..., compared with 27.9 for the chip index": a bare figure set against the multiple
# already named in the sentence, for whatever is named after "for".
_COMPARED_BEFORE: Final = re.compile(
    r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:an?\s+)?$"
)
_LEVERAGE_RE: Final = words_regex(LEVERAGE_WORDS)
_CLAUSE_STOP: Final = re.compile(r"[,;:]\s|\s[–—-]\s")


def _multiple_metric(scope: Scope, name: str, start: int, end: int) -> str:
    metric = MULTIPLE_NAMES[name.lower()]
    if metric == "pe" and _FORWARD_RE.search(scope.text, max(0, start - 25), end + 35):
        return "forward_pe"
    return metric


def _noun_metric(noun: re.Match[str]) -> str:
    metric = MULTIPLE_BASE_NOUNS[" ".join(noun.group(2).lower().split())]
    if metric == "pe" and _FORWARD_MODIFIER.search(noun.group(1)):
        return "forward_pe"
    return metric


def _peer(scope: Scope, name_start: int) -> str | None:
    text = scope.text
    group = _GROUP_AVERAGE_BEFORE.search(text, max(0, name_start - 50), name_start)
    if group is not None:
        words = group.group(1).split()
        return " ".join(words[1:] if words[0].lower() in ("the", "its", "a") else words)
    peer = _PEER_BEFORE.search(text, max(0, name_start - 40), name_start)
    if peer is None:
        peer = _POSSESSIVE_BEFORE.search(text, max(0, name_start - 60), name_start)
        # "Morgan Stanley's target P/E" is the broker's valuation of the company.
        if peer is not None and any(peer.group(1).endswith(firm) for _, firm in scope.firms):
            return None
    if peer is None:
        return None
    words = peer.group(1).split()
    while words and words[0].lower() in ("the", "and", "to", "with", "vs", "versus"):
        words.pop(0)
    return " ".join(words) or None


def _company_after_for(scope: Scope, end: int) -> str | None:
    """ "18 times for rival Xinhe Motors": a company or index named right after "for"."""
    link = _FOR_AFTER.match(scope.text, end)
    if link is None:
        return None
    stop = min(len(scope.text), link.end() + 45)
    clause_stop = _CLAUSE_STOP.search(scope.text, link.end(), stop)
    if clause_stop is not None:
        stop = clause_stop.start()
    for mention in scope.sentence.companies:
        at = mention.start - scope.sentence.start
        if link.end() <= at < stop and not mention.is_broker:
            return mention.name
    return None


def _peer_group_after(scope: Scope, end: int) -> str | None:
    """ "the 7.4 times average for Brazilian utilities": a group of peers named after."""
    group = _PEER_GROUP_AFTER.match(scope.text, end)
    return group.group(1) if group is not None else None


def _is_leverage(scope: Scope, start: int, metric: str) -> bool:
    """Net debt stated as a multiple of EBITDA measures leverage, not value."""
    return metric == "ev_ebitda" and bool(
        _LEVERAGE_RE.search(scope.text, max(0, start - 70), start)
    )


def _figure(match: QuantityMatch) -> Quantity | None:
    # A multiple is positive and written in digits ("minus one standard deviation" is not).
    quantity = match.quantity
    if match.kind not in ("multiple", "number") or not any(c.isdigit() for c in quantity.text):
        return None
    if any(n <= 0 for n in quantity.numbers()):
        return None
    return as_multiple(quantity)


def _named_multiples(scope: Scope, used: set[int]) -> tuple[list[AnalystView], str | None]:
    """Multiples whose name stands next to the figure; also the first one's metric."""
    text = scope.text
    views: list[AnalystView] = []
    base_metric: str | None = None
    for name in _MULTIPLE_RE.finditer(text):
        for match in scope.quantities():
            start, end = scope.local(match)
            figure = _figure(match)
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
            metric = _multiple_metric(scope, name.group(0), min(start, name.start()), end)
            used.add(match.start)
            if _is_leverage(scope, min(start, name.start()), metric):
                break
            base_metric = base_metric or ("pe" if metric == "forward_pe" else metric)
            company = (
                _peer(scope, min(start, name.start()))
                or _peer_group_after(scope, max(end, name.end()))
                or _company_after_for(scope, max(end, name.end()))
                or subject_before(scope, name.start())
            )
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
    return views, base_metric


def _compared_figure(scope: Scope, match: QuantityMatch, metric: str) -> AnalystView | None:
    """ "trades at 34.6 times forward earnings, compared with 27.9 for the chip index"."""
    text = scope.text
    start, end = scope.local(match)
    figure = _figure(match)
    if figure is None or _COMPARED_BEFORE.search(text, max(0, start - 25), start) is None:
        return None
    link = _FOR_AFTER.match(text, end)
    if link is None:
        return None
    company = (
        index_at(text, link.end())
        or _peer_group_after(scope, end)
        or _company_after_for(scope, end)
    )
    if company is None:
        return None
    return scope.view(
        "valuation_multiple", start, end, 0.65, company=company, value=figure, metric=metric
    )


def valuation_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    """Valuation multiples of the company, its peers or an index.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = ("Brask Motors trades at about 11 times this year's expected earnings, "
    ...         "versus 18 times for rival Xinhe Motors.")
    >>> context = build_context(Document(id="t", path="t", format="text", body=text))
    >>> [(v.company, v.value.value, v.metric) for v in valuation_views(
    ...     Scope(context, context.sentences[0], None), set())]
    [('Brask Motors', 11.0, 'forward_pe'), ('Xinhe Motors', 18.0, 'forward_pe')]
    """
    text = scope.text
    has_multiple = any(m.kind == "multiple" for m in scope.quantities())
    # "P/E" and "P/B" split into one-letter words: a slash is their cheap test.
    if not (has_multiple or scope.mentions_any(_MULTIPLE_WORDS) or "/" in text):
        return []
    views, base_metric = _named_multiples(scope, used)
    if not has_multiple and base_metric is None:
        return views
    last_metric = base_metric
    for match in scope.quantities():
        if match.start in used:
            continue
        start, end = scope.local(match)
        if match.kind == "number" and last_metric is not None:
            compared = _compared_figure(scope, match, last_metric)
            if compared is not None:
                used.add(match.start)
                views.append(compared)
            continue
        if match.kind != "multiple":
            continue
        noun = _FIGURE_BEFORE_NOUN.match(text, end)
        if (noun is None and last_metric is None) or word_before(text, start) in PRIOR_VALUE_CUES:
            continue
        metric = _noun_metric(noun) if noun is not None else last_metric or "pe"
        stop = noun.end() if noun is not None else end
        used.add(match.start)
        if _is_leverage(scope, start, metric):
            continue
        last_metric = metric
        company = (
            _peer(scope, start)
            or _peer_group_after(scope, stop)
            or _company_after_for(scope, stop)
            or subject_before(scope, start)
        )
        views.append(
            scope.view(
                "valuation_multiple",
                start,
                stop,
                0.7,
                company=company,
                value=as_multiple(match.quantity),
                metric=metric,
            )
        )
    return views

"""Share-price performance: "% move of the share (or an index) over a period".

A percentage is a share move when a movement word binds it ("up 12.1%", "14.5% lower",
"a gain of 72%") and the thing moving is a stock: a stock noun or a company named just
before the verb, with no business figure ("revenue", "profit") in between.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.domain.model import AnalystView, Quantity
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_move_periods import move_period
from briefing.extract.views_subjects import index_at, subject_before
from briefing.extract.views_text import (
    Scope,
    negated,
    search_from_word,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    INDEX_NAMES,
    METRIC_NOUNS,
    MOVE_DOWN_WORDS,
    MOVE_NOUNS,
    MOVE_UP_WORDS,
    STOCK_NOUNS,
)

_MOVE_WORDS: Final = "|".join(sorted({*MOVE_UP_WORDS, *MOVE_DOWN_WORDS}, key=len, reverse=True))
_MOVE_FIRST_WORDS: Final = frozenset(w.split()[0] for w in (*MOVE_UP_WORDS, *MOVE_DOWN_WORDS))
_DOWN: Final = frozenset(MOVE_DOWN_WORDS)
_FILLER: Final = (
    r"(?:\s+(?:by|as\s+much\s+as|nearly|about|around|some|roughly|almost|over"
    r"|more\s+than|a\s+further|another|an?|just|only|close\s+to|approximately))*"
)
# "climbed 5.8%", "underperformed the peer group by 7%", "were up over 9%", "rose 7p, or"
_VERB_BEFORE: Final = re.compile(
    r"\b(" + _MOVE_WORDS + r")(?:" + _FILLER + r"|(?:\s+[\w&'’.-]+){1,6}\s+by"
    r"|\s+(?:[^\s,]+\s+)?[^\s,]*\d[^\s,]*,?\s+or)\s*$",
    re.I,
)
# "14.5% lower", "yesterday's 4.5% gain"
_WORD_AFTER: Final = re.compile(
    r"\s*(?:higher|lower|gain|gains|rise|drop|decline|loss|advance|jump|rally|slide|fall"
    r"|surge|plunge|increase|decrease|up|down)\b",
    re.I,
)
# "a gain of over 72%", "share price advance of 77 percent"
_NOUN_BEFORE: Final = re.compile(r"\b(" + "|".join(MOVE_NOUNS) + r")s?\s+of\s*$", re.I)
# "bringing their gain since the start of the year to 27%": a running move's new total.
_NOUN_TO_BEFORE: Final = re.compile(
    r"\b(" + "|".join(MOVE_NOUNS) + r")s?\s+(?:[\w'’-]+\s+){0,7}?to\s*$", re.I
)
# "indicating a listing gain of about 14 per cent": a move implied, not one that happened.
_IMPLIED_BEFORE: Final = re.compile(
    r"(?i)\b(?:indicating|implying|suggesting|signalling|signaling|pointing\s+to)\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+)?$"
)
_CONTINUATION: Final = re.compile(r"\b(?:and|or|then)\s+(?:by\s+)?(?:another\s+)?$", re.I)
_STOCK_RE: Final = words_regex((*STOCK_NOUNS, *INDEX_NAMES))
_METRIC_RE: Final = words_regex(METRIC_NOUNS)
_MOVE_TO_LEVEL: Final = re.compile(r"(?i)(?:%|per\s*cent|percent)\s*to\s+[\d.,]+$")
_POINTS_AFTER: Final = re.compile(r"(?i)\s*(?:index\s+)?(?:points|pts)\b")
_MARKET_SHARE: Final = re.compile(r"(?i)\bmarket\s+share\b")
# "Revenue at Alibaba's Cloud Intelligence Group rose 34%": the company owns the figure that
# moves; it is not the stock that moves.
_METRIC_OWNER_BEFORE: Final = re.compile(
    r"(?i)\b(?:" + "|".join(METRIC_NOUNS) + r")\s+(?:at|of|from|for)\s+(?:the\s+)?$"
)
# "$1.47 per share": the share of a per-share figure is not a stock that moves.
_PER_SHARE: Final = re.compile(r"(?i)\b(?:per|a|each|diluted)\s+$")
# "..., up 12.2% year over year" after a business figure: a reported growth rate.
_YEAR_ON_YEAR_AFTER: Final = re.compile(
    r"(?i)\s*(?:on\s+(?:a|the)\s+)?(?:year[- ](?:over|on)[- ]year|y/y|yoy|from\s+a\s+year"
    r"\s+(?:earlier|ago)|from\s+the\s+year-ago)"
)
# What the move was in: "jump in net profit" is a business figure.
_IN_METRIC_AFTER: Final = re.compile(
    r"\s*(?:\w+\s+){0,1}(?:in|of)\s+(?:[\w()'’-]+\s+){0,5}?(?:" + "|".join(METRIC_NOUNS) + r")\b",
    re.I,
)
# "a 9% rise in the S&P 500", "a 1.2% rise in the benchmark Kospi": the move belongs to
# the index named after it.
_INDEX_AFTER: Final = re.compile(r"\s*(?:\w+\s+)?(?:in|for|of|by)\s+(?=the\s)", re.I)
_RELATIVE_VERB: Final = re.compile(r"(?i)(?:out|under)perform")
# "..., leaving them down 71%", "bringing their gain ... to 27%": the same stock again.
_AND: Final = re.compile(
    r"(?i)\b(?:and|but|while|before|then|leaving|bringing|taking|putting|pushing|extending)\b"
)
_RELATIVE: Final = re.compile(r"(?i)\b(?:out|under)perform\w*\s+(?:the\s+)?(.{3,60}?)\s+by\b")


def _as_percent(scope: Scope, match: QuantityMatch) -> Quantity | None:
    """The match as a percentage; a bare number counts when "%" follows ("30%/26%")."""
    if match.kind == "percent":
        # "rose 1.3% to 131,240 points", "rose 2.4% to 88.60 riyals": a move and a level,
        # not a range of moves (the parser reads one; the level lacks the "%").
        if match.quantity.is_range and (
            _POINTS_AFTER.match(scope.text, scope.local(match)[1])
            or _MOVE_TO_LEVEL.search(match.quantity.text)
        ):
            return dataclasses.replace(
                match.quantity, value=match.quantity.low, low=None, high=None
            )
        return match.quantity
    if match.kind == "number" and scope.text[scope.local(match)[1] :].startswith("%"):
        return dataclasses.replace(match.quantity, unit="%")
    return None


def _subject_start(scope: Scope, start: int, floor: int) -> int | None:
    """Where the stock that moves is named: a stock noun, or a company named within a
    few words of the figure; None when the figure is about something else."""
    text = scope.text
    cue = None
    for stock in _STOCK_RE.finditer(text, floor, start):
        if _MARKET_SHARE.match(text, max(0, stock.start() - 7)):
            continue
        if not _PER_SHARE.search(text, max(0, stock.start() - 9), stock.start()):
            cue = stock.end()
    for mention in scope.sentence.companies:
        at = mention.end - scope.sentence.start
        if floor <= at < start and start - at <= 30 and (cue is None or at > cue):
            named = mention.start - scope.sentence.start
            if not _METRIC_OWNER_BEFORE.search(text, max(floor, named - 40), named):
                cue = at
    if cue is None or _METRIC_RE.search(text, cue, start):
        return None
    return cue


def _move_noun(before: str) -> re.Match[str] | None:
    """The move noun the text before a figure ends with ("a gain of", "their gain ... to").

    >>> _move_noun("bringing their gain since January to ").group(1)
    'gain'
    """
    # Both patterns end in "of" or "to": the last word is tested before scanning the text.
    tail = before.rstrip()[-2:].lower()
    if tail == "of":
        return _NOUN_BEFORE.search(before)
    if tail == "to":
        return _NOUN_TO_BEFORE.search(before)
    return None


def _index_after(text: str, end: int) -> str | None:
    link = _INDEX_AFTER.match(text, end)
    return index_at(text, link.end()) if link is not None else None


def _carries_subject(text: str, previous_end: int, start: int) -> bool:
    gap = text[previous_end:start]
    return len(gap) <= 60 and bool(_AND.search(gap)) and not _METRIC_RE.search(gap)


def performance_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    """Share moves stated as a percentage, falls negative.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = "Revenue rose 9%, while the shares fell 3.5% on Monday."
    >>> context = build_context(Document(id="t", path="t", format="text", body=text))
    >>> [(v.value.value, v.period) for v in performance_views(
    ...     Scope(context, context.sentences[0], None), set())]
    [(-3.5, 'on Monday')]
    """
    text = scope.text
    views: list[AnalystView] = []
    if "%" not in text and "per" not in text:
        return views  # no percentage, no move
    floor = 0  # a stock named before an earlier figure does not govern a later one
    previous: tuple[int, bool] | None = None  # (end, was falling) of the last move
    for match in scope.quantities():
        quantity = _as_percent(scope, match)
        start, end = scope.local(match)
        if quantity is None or match.start in used:
            if quantity is not None:
                floor = end
            continue
        before = text[max(0, start - 90) : start]
        verb = search_from_word(_VERB_BEFORE, before, _MOVE_FIRST_WORDS)
        after = _WORD_AFTER.match(text, end)
        noun = _move_noun(before)
        continuation = previous is not None and _CONTINUATION.search(text, previous[0], start)
        falling: bool
        if verb is not None:
            falling = verb.group(1).lower() in _DOWN
            trigger_start = start - len(before) + verb.start()
        elif after is not None:
            falling = after.group(0).strip().lower() in _DOWN
            trigger_start = start
        elif noun is not None:
            falling = noun.group(1).lower() in _DOWN
            trigger_start = start - len(before) + noun.start()
            if _IMPLIED_BEFORE.search(text, max(0, trigger_start - 40), trigger_start):
                floor = end
                continue
        elif continuation and previous is not None:
            falling = previous[1]
            trigger_start = start
        else:
            floor = end
            continue
        # "increased its order intake by 14 percent": the verb moves a business figure.
        if (after is not None and _IN_METRIC_AFTER.match(text, after.end())) or (
            verb is not None and _METRIC_RE.search(text, trigger_start, start)
        ):
            floor = end
            continue
        if _YEAR_ON_YEAR_AFTER.match(text, end) and _METRIC_RE.search(text, 0, start):
            floor = end
            continue
        # "..., and stand 8.5% lower": the stock that moved before is still the subject.
        carried = previous is not None and _carries_subject(text, previous[0], trigger_start)
        # Out- and underperforming is said of a share against a benchmark, nothing else.
        relative_move = verb is not None and _RELATIVE_VERB.match(verb.group(1)) is not None
        if not (continuation or carried or relative_move):
            cue = _subject_start(scope, trigger_start, floor)
            if cue is None and (after is not None or noun is not None):
                later = _STOCK_RE.search(text, end)
                nearby = _METRIC_RE.search(text, max(floor, start - 40), start)
                cue = later.start() if later is not None and nearby is None else None
            if cue is None:
                floor = end
                continue
        used.add(match.start)
        if falling:
            quantity = negated(quantity)
        period = move_period(text, start, end)
        relative = _RELATIVE.search(text, 0, end)
        if relative is not None:
            period = f"{period or 'period'}, relative to {relative.group(1)}"
        views.append(
            scope.view(
                "price_performance",
                min(start, trigger_start),
                end,
                0.75 if not continuation else 0.7,
                company=_index_after(text, end) or subject_before(scope, trigger_start, floor),
                value=quantity,
                period=period,
            )
        )
        previous = (end, falling)
        floor = end
    return views

"""The period of a share move: "in 2025", "year-to-date", "since IPO", "since October peak".

A move is measured over a period ("rose 77% over 2025") or from a reference point ("slipped
20% from their October peak", "down 71% since its IPO", "off its highs", "since January").
A reference point is the move's period, labelled "since <point>" so that two articles
stating the same move key the same fact. A period is read after the figure first, up to the
next percentage or contrast (it belongs to the clause), then before it; a period stated
before carries over to a later figure only within one line of thought: "gained 72% in 2025
but have since slipped 20%" does not make the slide a 2025 move.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.views_text import last_match
from briefing.extract.vocab.calendar import MONTH_FULL_NAMES

_AFTER_WINDOW: Final = 45
_BEFORE_WINDOW: Final = 60
_MONTH_NAMES: Final = "|".join(MONTH_FULL_NAMES)
# One pattern, so that a window is scanned once: a phrase that already reads as a period (kept
# in the article's words), or a reference point. "since its IPO", "since their market debut"
# are one point however it is called; "from their October peak", "off its highs", "below the
# 52-week high" keep the qualifier (month, "52-week", "all-time") and drop the determiner;
# "since January", "since March 2025" name a month (capitalised: "since may" is no month).
_MOVE_PERIOD: Final = re.compile(
    r"\b(?:(?P<listing>since\s+(?:its|their|the)\s+(?:(?:stock\s+)?market\s+|public\s+"
    r"|trading\s+)?(?:IPO|listing|debut|flotation|float)\b)"
    r"|(?P<from>(?:from|off|below|since)\s+(?:its|their|the|a|an)\s+"
    r"(?P<qualifier>(?:(?!(?:and|or|of|to|at|in)\b)[\w-]+\s+){0,2}?)"
    r"(?P<point>peak|high|top|low|trough)s?\b)"
    r"|(?P<since_month>since\s+(?:early\s+|mid-|late\s+)?"
    rf"(?P<month>(?-i:{_MONTH_NAMES}))(?:\s+(?P<year>(?:19|20)\d\d))?\b)"
    r"|(?:in|over|during|for)\s+the\s+(?:past|last|previous|prior)\s+(?:[\w-]+\s+)?"
    r"(?:years?|months?|weeks?|days?|sessions?|quarters?)"
    r"|(?:past|last)\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|sessions?)"
    r"|year[- ]to[- ]date|ytd|since\s+the\s+start\s+of\s+the\s+year|so\s+far\s+this\s+year"
    r"|this\s+year"
    r"|(?:in|throughout|during|for|since|over)\s+(?:(?:all\s+of|the\s+whole\s+of)\s+)?(?:19|20)\d\d"
    r"|(?:on|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|in\s+(?:after-hours|pre-market|premarket|early|late|intraday)\s+trading"
    r"|before\s+the\s+bell|pre-?market|after-hours|intraday|yesterday's|today"
    r"|on\s+the\s+(?:day|week|month|year|session|announcement|news))",
    re.I,
)
# Where the clause of a figure ends: the next percentage, or a contrast.
_CLAUSE_END: Final = re.compile(
    r"\d\s*(?:%|per\s*cent|percent)|\b(?:but|yet|while|whereas|although|though|however)\b|;",
    re.I,
)
# What breaks the carry-over of an earlier period: a contrast, or "since" as an adverb
# ("have since slipped": measured from a later point).
_CARRY_BREAK: Final = re.compile(
    r"\b(?:but|yet|whereas|although|though|however|since|subsequently)\b|;", re.I
)


def _label(match: re.Match[str]) -> str:
    """A period as a label: a reference point as "since <point>", a phrase as written.

    >>> _label(_MOVE_PERIOD.search("slipped 20% from their October peak of $192"))
    'since October peak'
    >>> _label(_MOVE_PERIOD.search("trades 8% off its highs"))
    'since high'
    >>> _label(_MOVE_PERIOD.search("down 71% since its IPO in 2021"))
    'since IPO'
    >>> _label(_MOVE_PERIOD.search("up 12% since March 2025"))
    'since March 2025'
    >>> _label(_MOVE_PERIOD.search("up 12% over the past six months"))
    'over the past six months'
    """
    if match["listing"]:
        return "since IPO"
    if match["since_month"]:
        year = match["year"]
        return f"since {match['month']} {year}" if year else f"since {match['month']}"
    if match["from"]:
        return " ".join(["since", *match["qualifier"].split(), match["point"].lower()])
    return match.group(0)


def move_period(text: str, start: int, end: int) -> str | None:
    """The period of the move stated at ``text[start:end]``, or None when none is stated.

    >>> sentence = ("The shares gained more than 72% in 2025 but have since slipped about 20% "
    ...             "from their October peak of around $192.")
    >>> def period_of(text, figure):
    ...     return move_period(text, text.index(figure), text.index(figure) + len(figure))
    >>> period_of(sentence, "more than 72%"), period_of(sentence, "about 20%")
    ('in 2025', 'since October peak')
    >>> period_of("Since its IPO, the stock has gained 40%.", "40%")
    'since IPO'
    >>> print(period_of("It rose 5% in 2025, but fell 3% after the results.", "3%"))
    None
    """
    limit = min(len(text), end + _AFTER_WINDOW)
    clause_end = _CLAUSE_END.search(text, end, limit)
    after = _MOVE_PERIOD.search(text, end, clause_end.start() if clause_end else limit)
    if after is not None:
        return _label(after)
    before = last_match(_MOVE_PERIOD, text, max(0, start - _BEFORE_WINDOW), start)
    if before is None or _CARRY_BREAK.search(text, before.end(), start):
        return None
    return _label(before)

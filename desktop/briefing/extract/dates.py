"""Calendar days in article text, as ISO dates.

Three shapes are read:

* month first: "January 3, 2026", "Jan. 3, 2026", "Friday, April 11th", "july 4th of 1995";
* day first: "3 January 2026", "Tuesday 30 August 2016", "16. Nov. 2016", "4th of July";
* three separated parts: "2026-01-04", "04.01.2026", "02/22/2016", "05-Aug-2016",
  "2019/aug/01" (a month name in any of the three places, with a four-digit year).

A day without a year ("on January 9", "August 31") takes the year that puts it nearest the
reference (publication) date, and is skipped when there is no reference.

Numeric day/month order: when one part cannot be a month (> 12) the order is plain. When both
could be, dots mean day.month.year (the European order these publishers use, "04.01.2026" is
4 January) and slashes or hyphens mean month/day/year (the US newswire order, "3/7/2017" is
7 March); ``day_first`` overrides that for sources known to use one order. Two-digit years
fall in the century that puts them at most ten years after the reference year ("/40" is 1940,
"/27" is 2027 for a 2026 article; 2020 is assumed without a reference).

Not dates: quarters ("Q2 FY2026"), percentages, "of 2026", bare years, "1H16", month and year
without a day ("March 2026"); ``briefing.extract.periods`` reads those as periods.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from briefing.extract.vocab.calendar import MONTHS, ORDINAL_DAY_WORDS, WEEKDAYS


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date stated at ``text[start:end]``."""

    start: int
    end: int
    iso: str


def word_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (lower case), factored as a trie.

    Python's regex engine tries the branches of a flat alternation one by one at every
    position; a trie fails after one character at most positions. A hyphen in a word also
    matches a space ("twenty-first", "twenty first").

    >>> word_alternation(["jan", "january", "june"])
    '(?:j(?:an(?:uary)?|une))'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            ("[- ]" if char == "-" else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(trie)})"


def lower_for_matching(text: str) -> str:
    """``text`` lower-cased with every offset kept (patterns run without IGNORECASE: faster).

    >>> lower_for_matching("İstanbul, MARCH")
    'İstanbul, march'
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Patterns run on lower-cased text; what may precede a match is checked in code, because
# a leading look-behind stops the regex engine from skipping ahead to likely starts.
MONTH_WORD: Final = rf"{word_alternation(MONTHS)}(?![a-z])"
_MONTH: Final = rf"(?P<month>{MONTH_WORD})\.?"
_DAY_NUMBER: Final = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_DAY_WORD: Final = rf"(?P<day_word>{word_alternation(ORDINAL_DAY_WORDS)})(?![\w-])"
_YEAR: Final = r"(?:\s*,\s*|\s+)(?:(?:of|in)\s+)?(?P<year>(?:19|20)\d\d)(?!\d|[.,]\d)"
_TOKEN: Final = rf"{MONTH_WORD}|\d{{1,4}}"

MONTH_FIRST: Final = re.compile(rf"{_MONTH}\s*(?:the\s+)?(?:{_DAY_NUMBER}|{_DAY_WORD})(?:{_YEAR})?")
DAY_FIRST: Final = re.compile(rf"{_DAY_NUMBER}\.?\s*(?:of\s+)?(?<![a-z]){_MONTH}(?:{_YEAR})?")
WORD_DAY_FIRST: Final = re.compile(rf"{_DAY_WORD}\s+of\s+{_MONTH}(?:{_YEAR})?")
_SEPARATED_END: Final = r"(?:(?=t\d)|(?![\w%]|[-/.,]\d))"
NUMERIC: Final = re.compile(
    r"(?P<a>\d{1,4})(?P<sep>[-/.])(?P<b>\d{1,4})(?P=sep)(?P<c>\d{1,4})" + _SEPARATED_END
)
SEPARATED: Final = re.compile(
    rf"(?P<a>{_TOKEN})(?P<sep>[-/.])(?P<b>{_TOKEN})(?P=sep)(?P<c>{_TOKEN})" + _SEPARATED_END
)
_HAS_MONTH: Final = re.compile(MONTH_WORD)
_WEEKDAY_BEFORE: Final = re.compile(rf"(?<![a-z]){word_alternation(WEEKDAYS)}\.?,?\s+(?:the\s+)?\Z")
_WEEKDAY_REACH: Final = 20
_NOT_BEFORE_WORD: Final = frozenset("")
_NOT_BEFORE_NUMBER: Final = frozenset(".,/$€£¥-+")
# What may not follow a year-less day: it was a number ("March 1,000 jobs", "May 5%").
_NOT_A_DAY_AFTER: Final = re.compile(r"[.,]\d|\s*(?:%|per\s*cent)")
_NO_REFERENCE_YEAR: Final = 2020


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    candidates = [_valid(reference.year + k, month, day) for k in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    return min(dates, key=lambda d: abs((d - reference).days)) if dates else None


def expand_year(digits: str, reference: dt.date | None) -> int:
    """A two-digit year in the century that puts it at most ten years after the reference.

    >>> expand_year("40", dt.date(2026, 1, 1)), expand_year("27", None), expand_year("2016", None)
    (1940, 2027, 2016)
    """
    if len(digits) == 4:
        return int(digits)
    limit = (reference.year if reference else _NO_REFERENCE_YEAR) + 10
    year = limit // 100 * 100 + int(digits)
    return year - 100 if year > limit else year


def _day_month_order(first: int, second: int, sep: str, day_first: bool | None) -> tuple[int, int]:
    """(day, month) of two numeric parts."""
    if first > 12:
        return first, second
    if second > 12:
        return second, first
    prefer_day_first = sep == "." if day_first is None else day_first
    return (first, second) if prefer_day_first else (second, first)


def _separated_date(
    match: re.Match[str], reference: dt.date | None, day_first: bool | None
) -> dt.date | None:
    parts = [match.group("a"), match.group("b"), match.group("c")]
    names = [i for i, p in enumerate(parts) if not p.isdigit()]
    if names:
        if len(names) != 1:
            return None
        month = MONTHS[parts[names[0]]]
        numbers = [p for p in parts if p.isdigit()]
        years = [p for p in numbers if len(p) == 4]
        if len(years) == 1:
            year, day = int(years[0]), next(p for p in numbers if len(p) != 4)
        elif names == [1] and len(parts[2]) == 2:  # "05-Aug-16"
            year, day = expand_year(parts[2], reference), parts[0]
        else:
            return None
        return _valid(year, month, int(day)) if len(day) <= 2 else None
    a, b, c = parts
    if len(a) == 4:  # year first: ISO order, month and day swapped only when they must be
        month, day = (int(b), int(c)) if int(b) <= 12 else (int(c), int(b))
        return _valid(int(a), month, day)
    if len(a) > 2 or len(b) > 2 or len(c) not in (2, 4):
        return None
    if len(c) == 2 and match.group("sep") == ".":  # "1.2.20" is a version number, not a date
        return None
    day, month = _day_month_order(int(a), int(b), match.group("sep"), day_first)
    return _valid(expand_year(c, reference), month, day)


def _named_month_date(
    text: str, low: str, match: re.Match[str], reference: dt.date | None
) -> dt.date | None:
    if text[match.start("month") : match.end("month")] == "may":  # the verb, not the month
        return None
    month = MONTHS[match["month"]]
    groups = match.groupdict()
    day_word = groups.get("day_word")
    day = ORDINAL_DAY_WORDS[day_word.replace(" ", "-")] if day_word else int(groups["day"])
    if match["year"] is not None:
        return _valid(int(match["year"]), month, day)
    if reference is None or _NOT_A_DAY_AFTER.match(low, match.end()):
        return None
    return _nearest_year(month, day, reference)


def _with_weekday(low: str, start: int) -> int:
    """Where a date starts once a weekday before it ("Friday, April 11th") is included."""
    before = _WEEKDAY_BEFORE.search(low, max(0, start - _WEEKDAY_REACH), start)
    return before.start() if before else start


def _preceded_by(low: str, start: int, forbidden: frozenset[str]) -> bool:
    """Whether the match starts inside a word or number (or after ``forbidden``)."""
    if start == 0:
        return False
    before = low[start - 1]
    return before.isalnum() or before in forbidden


def _may_name_month(low: str) -> bool:
    """Whether a month word may stand in ``low``: every one starts with these three letters
    (substring tests cost far less than the scan; written out, a loop costs more)."""
    return (
        "jan" in low or "feb" in low or "mar" in low or "apr" in low or "may" in low
        or "jun" in low or "jul" in low or "aug" in low or "sep" in low or "oct" in low
        or "nov" in low or "dec" in low
    )  # fmt: skip


def find_dates(
    text: str, reference: dt.date | None, *, day_first: bool | None = None
) -> list[DateMatch]:
    """Every calendar day stated in ``text``, in order, without overlaps.

    >>> ref = dt.date(2026, 1, 12)
    >>> [m.iso for m in find_dates("Signed on January 3, 2026 and closed Jan. 9.", ref)]
    ['2026-01-03', '2026-01-09']
    >>> [m.iso for m in find_dates("On 04.01.2026 (2026-01-04), not 02/22/2016?", ref)]
    ['2026-01-04', '2026-01-04', '2016-02-22']
    >>> text = "Results on Tuesday 30 August 2016; the call is on Friday, April 11th."
    >>> [(text[m.start:m.end], m.iso) for m in find_dates(text, ref)]
    [('Tuesday 30 August 2016', '2016-08-30'), ('Friday, April 11th', '2026-04-11')]
    >>> find_dates("Q2 FY2026 sales rose 34% in 1H16, the best of 2026.", ref)
    []
    >>> [m.iso for m in find_dates("On December 30 the deal closed.", ref)]
    ['2025-12-30']
    """
    low = lower_for_matching(text)
    has_month = _may_name_month(low) and _HAS_MONTH.search(low) is not None
    # A separated date needs its separator twice: counting is far cheaper than scanning.
    separated = low.count("-") > 1 or low.count("/") > 1 or low.count(".") > 1
    if not (has_month or separated):
        return []
    candidates: list[tuple[int, int, dt.date]] = []
    named = [(MONTH_FIRST, _NOT_BEFORE_WORD), (DAY_FIRST, _NOT_BEFORE_NUMBER)]
    if " of " in low:
        named.append((WORD_DAY_FIRST, _NOT_BEFORE_WORD))
    for pattern, forbidden in named if has_month else ():
        for match in pattern.finditer(low):
            if _preceded_by(low, match.start(), forbidden):
                continue
            date = _named_month_date(text, low, match, reference)
            if date is not None:
                candidates.append((_with_weekday(low, match.start()), match.end(), date))
    for match in (SEPARATED if has_month else NUMERIC).finditer(low) if separated else ():
        if _preceded_by(low, match.start(), _NOT_BEFORE_NUMBER):
            continue
        date = _separated_date(match, reference, day_first)
        if date is not None:
            candidates.append((_with_weekday(low, match.start()), match.end(), date))
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    found: list[DateMatch] = []
    for start, end, date in candidates:
        if found and start < found[-1].end:
            continue
        found.append(DateMatch(start, end, date.isoformat()))
    return found

"""The regular expressions of ``briefing.extract.periods`` (split out to keep modules short).

Every pattern runs on lower-cased text (``lower_for_matching``) without IGNORECASE and starts
with words rather than look-behinds, so the regex engine can skip ahead quickly; what may not
precede a match is checked by the caller.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.dates import MONTH_WORD, word_alternation
from briefing.extract.vocab.calendar import COUNT_WORDS, PERIOD_ORDINALS, YEAR_QUALIFIED_NOUNS

YEAR4: Final = r"(?:19|20)\d\d(?!\d)"
MONTH: Final = rf"{MONTH_WORD}\.?"
COUNT: Final = rf"\d{{1,3}}|{word_alternation(COUNT_WORDS)}"
# A year after a quarter or half: "FY2026", "FY24/25", "fiscal 2026", "'24", "2024".
YEAR_AFTER: Final = (
    r"(?:\s?(?P<fy>fy|fiscal(?:[-\s]year)?|financial[-\s]year)\s?'?(?P<fy_year>\d{4}|\d{2})(?!\d)"
    r"(?:\s?[-/–]\s?(?P<fy_end>\d{4}|\d{2})(?!\d))?"
    rf"|\s?'(?P<short_year>\d\d)(?!\d)|(?:\s+of)?\s+(?P<year>{YEAR4}))"
)
# "Q2 FY2026", "Q1 2024", "H1 2016", "fiscal Q3", "Q4"
LETTER_FIRST: Final = re.compile(rf"(?P<letter>[qh])(?P<n>[1-4])(?!\d)(?:{YEAR_AFTER})?(?!\w)")
# "2QFY23", "1Q24", "1H16", "9M FY24"
NUMBER_FIRST: Final = re.compile(
    r"(?P<n>[1-4]|6|9)(?P<letter>[qhm])(?:\s?(?P<fy>fy)\s?'?(?P<fy_year>\d{4}|\d\d)"
    rf"|\s?(?P<year>{YEAR4})|'?(?P<short_year>\d\d))(?!\d)(?!\w)"
)
# "second fiscal quarter of 2026", "first-half 2016", "fourth quarter of fiscal 2025"
ORDINAL: Final = re.compile(
    rf"(?P<ord>{word_alternation(PERIOD_ORDINALS)})[-\s]+"
    r"(?:(?P<mid>fiscal|financial)[-\s]+)?(?P<unit>quarter|half)(?!\w)"
    rf"(?:[-\s]+(?:of\s+)?(?:the\s+)?(?:(?P<post>fiscal|financial)(?:[-\s]+year)?\s*)?"
    rf"(?:fy\s?'?(?P<fy_year>\d{{4}}|\d\d)|(?P<year>{YEAR4}))(?!\d))?"
)
# "the first nine months of 2024"
FIRST_MONTHS: Final = re.compile(
    r"first\s+(?P<n>three|six|nine|3|6|9)\s+months"
    rf"(?:\s+of\s+(?:(?P<post>fiscal|financial)(?:\s+year)?\s+)?(?:fy\s?'?(?P<fy_year>\d{{4}}|\d\d)"
    rf"|(?P<year>{YEAR4})))?"
)
# "FY23", "FY2024-25", "fiscal 2017", "fiscal year 2027", "financial year 2024-25", "2025 fiscal"
FISCAL_YEAR: Final = re.compile(
    rf"(?:fy\s?'?(?P<a>\d{{4}}|\d\d)|(?:fiscal|financial)(?:[-\s]+year)?\s+(?:of\s+)?"
    rf"(?P<b>{YEAR4})|(?P<c>{YEAR4})\s+(?:fiscal|financial)(?:[-\s]+year)?)(?!\d)"
    r"(?:\s?[-/–]\s?(?P<end>\d{4}|\d\d)(?!\d))?(?!\w)"
)
# "quarter ending December 31, 2024", "nine months ended 30 June", "fiscal year ending March"
ENDING: Final = re.compile(
    r"(?P<what>quarter|(?:three|3|six|6|nine|9|twelve|12)[-\s]months|half[-\s]year|half"
    r"|(?:fiscal|financial)\s+year|year)\s+(?:that\s+)?end(?:ed|ing|s)\s+(?:on\s+)?"
)
ENDING_MONTH: Final = re.compile(rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?")
# "in 2024", "during 2024", "throughout 2025", "by 2026", "since 2019"
YEAR_AFTER_WORD: Final = re.compile(
    r"(?P<prep>in|during|throughout|for|over|since|through|until|till|into|by|calendar"
    r"|full[-\s]year)\s+(?:the\s+)?(?:(?:calendar|full)[-\s]year\s+|year\s+)?"
    rf"(?P<year>{YEAR4})(?![.,]\d|\s*%|\s?[-/–]\s?\d)"
)
# "2025 revenue", "its 2025 forecast"
YEAR_BEFORE_NOUN: Final = re.compile(
    rf"(?P<year>{YEAR4})(?=(?:[-\s]+full[-\s]year)?\s+"
    rf"{word_alternation(YEAR_QUALIFIED_NOUNS)}(?!\w))"
)
# "2025-2030", "2024–26", "from 2025 to 2030", "between 2025 and 2030", "2024-25"
YEAR_RANGE: Final = re.compile(
    rf"(?P<a>{YEAR4})"
    r"\s*(?P<sep>[-–—/]|\s(?:to|through|and)\s)\s*(?P<b>(?:19|20)?\d\d)(?![\w%]|[.,]\d)"
)
# "mid-2026", "end of 2026", "early 2025"
YEAR_EDGE: Final = re.compile(
    rf"(?P<edge>early|mid|late|end|year[-\s]end)(?:[-\s]+of)?[-\s]+(?P<year>{YEAR4})"
)
MONTH_YEAR: Final = re.compile(rf"(?P<month>{MONTH}),?\s+(?P<year>{YEAR4})")
# "September quarter", "the June 2024 quarter"
MONTH_QUARTER: Final = re.compile(
    rf"(?P<month>{MONTH})[-\s]+(?:(?P<year>{YEAR4})[-\s]+)?(?P<unit>quarter|half)(?!\w)"
    rf"(?:\s+of\s+(?P<year2>{YEAR4}))?"
)
# "October-December period", "from January to March", "April-June 2024"
MONTH_RANGE: Final = re.compile(
    rf"(?P<m1>{MONTH})\s*(?P<sep>[-–—]|\s(?:to|through|till"
    rf"|until|and)\s)\s*(?P<m2>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?"
    r"(?:\s+(?P<noun>period|quarter|months))?"
)
# "the next three years", "past 12 months", "last six months", "trailing twelve months"
RELATIVE_COUNT: Final = re.compile(
    r"(?P<dir>next|past|last|coming|previous|prior|trailing|following)\s+"
    rf"(?P<n>{COUNT})[-\s]+(?P<unit>year|month|quarter|week|day)s?(?!\w)"
)
# "over three years", "within two years", "over a three-year period"
SPAN: Final = re.compile(
    rf"(?:over|within|in)\s+(?:a\s+|the\s+)?(?P<n>{COUNT})(?P<joint>[-\s]+)"
    r"(?P<unit>year|month|quarter)s?(?P<period>[-\s]+period)?(?![\w-])"
)
NAMED: Final = re.compile(
    r"(?:(?P<ytd>year[-\s]to[-\s]date|ytd|so\s+far\s+this\s+year)|(?P<mtd>month[-\s]to[-\s]date)"
    r"|(?P<ttm>ttm|ltm))(?!\w)"
)
# "last year", "this quarter", "the current fiscal year"
RELATIVE_NAMED: Final = re.compile(
    r"(?P<rel>(?:this|last|next|past|previous|prior|current)\s+(?:fiscal\s+)?(?:year|quarter|month))"
    r"(?!\w)"
)
HAS_MONTH: Final = re.compile(MONTH_WORD)
HAS_YEAR: Final = re.compile(r"(?:19|20)\d\d")
HAS_NUMBER_PERIOD: Final = re.compile(r"\d[qhm]")


# Indexes into the tuple of ``period_gates``, one per test (a tuple is cheaper than a dict).
GATE_LETTER_PERIOD: Final = 0
GATE_NUMBER_PERIOD: Final = 1
GATE_QUARTER_OR_HALF: Final = 2
GATE_FIRST_MONTHS: Final = 3
GATE_FISCAL: Final = 4
GATE_YEAR: Final = 5
GATE_MONTH_YEAR: Final = 6
GATE_MONTH_QUARTER: Final = 7
GATE_MONTH: Final = 8
GATE_RELATIVE: Final = 9
GATE_SPAN: Final = 10
GATE_NAMED: Final = 11


def period_gates(low: str) -> tuple[bool, ...]:
    """Cheap tests of a lower-case sentence; a pattern runs only where its test passes.

    Most sentences state no period, and substring tests cost far less than regex scans
    (written out rather than looped over: a generator per test costs more than the test).
    """
    year = ("19" in low or "20" in low) and HAS_YEAR.search(low) is not None
    quarter_or_half = "quarter" in low or "half" in low
    span_noun = "year" in low or "month" in low or quarter_or_half
    relative_noun = span_noun or "week" in low or "day" in low
    month_needed = year or quarter_or_half or "-" in low or "–" in low or " to " in low
    month = month_needed and HAS_MONTH.search(low) is not None
    return (
        "q1" in low or "q2" in low or "q3" in low or "q4" in low or "h1" in low or "h2" in low,
        HAS_NUMBER_PERIOD.search(low) is not None,
        quarter_or_half,
        "months" in low and "first" in low,
        "fy" in low or "fiscal" in low or "financial" in low,
        year,
        month and year,
        month and quarter_or_half,
        month,
        relative_noun and (
            "next " in low or "past " in low or "last " in low or "coming " in low
            or "previous " in low or "prior " in low or "trailing " in low or "this " in low
            or "current " in low
        ),
        span_noun and ("over " in low or "within " in low or "in " in low),
        "date" in low or "ytd" in low or "so far" in low or "ttm" in low or "ltm" in low,
    )  # fmt: skip

"""Reporting periods in article text, as short readable labels.

Labels are what the GUI shows next to a figure: "Q2 FY2026", "Q1 2024", "H1 2016",
"FY2023", "FY2024/25", "2025", "2025–2030", "9M 2024", "next 3 years", "past 12 months",
"year-to-date", "quarter ending 2024-12-31", "September quarter", "Oct–Dec". Two-digit years
are expanded as in ``briefing.extract.dates``. Relative periods keep the article's words
("last year", "the first quarter" -> "Q1"): resolving them against the publication date is
left to whoever knows which figure they qualify.

Where patterns overlap the longest wins ("second quarter of fiscal 2026" over "fiscal 2026"),
and a period never cuts through a date ("on 28 June in 2020" is a day, not the year 2020).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from briefing.extract import period_patterns as patterns
from briefing.extract.dates import (
    DateMatch,
    expand_year,
    find_dates,
    lower_for_matching,
)
from briefing.extract.period_patterns import (
    ENDING,
    ENDING_MONTH,
    FIRST_MONTHS,
    FISCAL_YEAR,
    LETTER_FIRST,
    MONTH_QUARTER,
    MONTH_RANGE,
    MONTH_YEAR,
    NAMED,
    NUMBER_FIRST,
    ORDINAL,
    RELATIVE_COUNT,
    RELATIVE_NAMED,
    SPAN,
    YEAR_AFTER_WORD,
    YEAR_BEFORE_NOUN,
    YEAR_EDGE,
    YEAR_RANGE,
    period_gates,
)
from briefing.extract.vocab.calendar import (
    COUNT_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_FULL_NAMES,
    MONTHS,
    PERIOD_ORDINALS,
)


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A period stated at ``text[start:end]``."""

    start: int
    end: int
    label: str


# A labeller reads the match, the reference date and the (lower-case) text just before it.
_Labeller = Callable[[re.Match[str], dt.date | None, str], str | None]
_FISCAL_BEFORE: Final = re.compile(r"(?:fiscal|financial)[-\s]+\Z")
_FROM_BEFORE: Final = re.compile(r"(?:from|between)\s+\Z")
_LOOK_BACK: Final = 12


def _month_number(text: str) -> int | None:
    return MONTHS.get(text.rstrip("."))


def _fiscal(start: str, end: str | None, reference: dt.date | None) -> str:
    """A fiscal-year label: "FY2024", or "FY2024/25" when the next year follows."""
    first = expand_year(start, reference)
    if end is not None and expand_year(end, reference) % 100 == (first + 1) % 100:
        return f"FY{first}/{(first + 1) % 100:02d}"
    return f"FY{first}"


def _year_suffix(match: re.Match[str], reference: dt.date | None, fiscal_before: str = "") -> str:
    """The year part of a quarter or half label (" FY2026", " 2024" or "")."""
    groups = match.groupdict()
    if groups.get("fy_year"):
        return " " + _fiscal(groups["fy_year"], groups.get("fy_end"), reference)
    if groups.get("short_year"):
        digits = groups["short_year"]
        fiscal = groups.get("fy") or groups.get("mid") or groups.get("post") or fiscal_before
        return f" {'FY' if fiscal else ''}{expand_year(digits, reference)}"
    if groups.get("year"):
        fiscal = groups.get("mid") or groups.get("post") or fiscal_before
        return f" {'FY' if fiscal else ''}{groups['year']}"
    return ""


def _letter_first(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    fiscal = "fiscal" if _FISCAL_BEFORE.search(before) else ""
    return f"{match['letter'].upper()}{match['n']}{_year_suffix(match, reference, fiscal)}"


def _number_first(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    letter, n = match["letter"].upper(), match["n"]
    valid = {"Q": "1234", "H": "12", "M": "369"}[letter]
    if n not in valid:
        return None
    name = f"{n}M" if letter == "M" else f"{letter}{n}"
    return name + _year_suffix(match, reference)


def _ordinal(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    n = PERIOD_ORDINALS[match["ord"].lower()]
    letter = "Q" if match["unit"].lower() == "quarter" else "H"
    if letter == "H" and n > 2:
        return None
    fiscal = "fiscal" if _FISCAL_BEFORE.search(before) else ""
    return f"{letter}{n}{_year_suffix(match, reference, fiscal)}"


def _first_months(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    name = {"three": "Q1", "3": "Q1", "six": "H1", "6": "H1"}.get(match["n"].lower(), "9M")
    return name + _year_suffix(match, reference)


def _fiscal_year(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    return _fiscal(match["a"] or match["b"] or match["c"], match["end"], reference)


def _year_after_word(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    prep = match["prep"].lower()
    if prep in {"by", "since"}:
        return f"{prep} {match['year']}"
    if prep in {"until", "till", "through"}:
        return f"until {match['year']}"
    return match["year"]


def _bare_year(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    return match["year"]


def _year_range(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    first, end_text = int(match["a"]), match["b"]
    sep = match["sep"].strip().lower()
    if sep == "and" and not before.endswith("between "):
        return None
    last = int(end_text) if len(end_text) == 4 else first // 100 * 100 + int(end_text)
    if last <= first:
        return None
    if len(end_text) == 2 and last == first + 1:
        return f"{first}/{end_text}"
    return f"{first}–{last}"


def _year_edge(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    edge = match["edge"].lower()
    return f"{'end' if edge.startswith(('end', 'year')) else edge}-{match['year']}"


def _month_year(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    month = _month_number(match["month"])
    return None if month is None else f"{MONTH_FULL_NAMES[month - 1]} {match['year']}"


def _month_quarter(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    month = _month_number(match["month"])
    if month is None:
        return None
    year = match["year"] or match["year2"]
    label = f"{MONTH_FULL_NAMES[month - 1]} {match['unit'].lower()}"
    return f"{label} {year}" if year else label


def _month_range(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    if first is None or last is None or first == last:
        return None
    sep = match["sep"].strip().lower()
    if sep == "and" and not before.endswith("between "):
        return None
    if sep not in "-–—" and not (_FROM_BEFORE.search(before) or match["year"] or match["noun"]):
        return None
    label = f"{MONTH_ABBREVIATIONS[first - 1]}–{MONTH_ABBREVIATIONS[last - 1]}"
    return f"{label} {match['year']}" if match["year"] else label


def _count(text: str) -> int:
    return int(text) if text.isdigit() else COUNT_WORDS[text.lower().replace(" ", "-")]


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit.lower()}{'' if n == 1 else 's'}"


def _relative_count(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    direction = match["dir"].lower()
    side = "next" if direction in {"next", "coming", "following"} else "past"
    return f"{side} {_plural(_count(match['n']), match['unit'])}"


def _span(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    # "in three-year bonds" is a tenor; a hyphenated span needs "period" after it.
    if "-" in match["joint"] and not match["period"]:
        return None
    return _plural(_count(match["n"]), match["unit"])


def _named(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    if match["ytd"]:
        return "year-to-date"
    if match["mtd"]:
        return "month-to-date"
    if match["ttm"]:
        return "past 12 months"
    return None


def _relative_named(match: re.Match[str], reference: dt.date | None, before: str) -> str | None:
    return " ".join(match["rel"].split())


_WORD: Final = frozenset[str]()
_MONEY: Final = frozenset("$€£¥")
_NUMBER: Final = frozenset("$€£¥.,/-")


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    label: _Labeller
    gate: int  # the index of the ``period_gates`` test that must pass before the pattern runs
    not_after: frozenset[str] = _WORD  # besides letters and digits
    prefix: re.Pattern[str] | None = None  # words before the match that belong to it


RULES: Final = (
    _Rule(LETTER_FIRST, _letter_first, patterns.GATE_LETTER_PERIOD, _MONEY, _FISCAL_BEFORE),
    _Rule(NUMBER_FIRST, _number_first, patterns.GATE_NUMBER_PERIOD, frozenset("$€£¥.")),
    _Rule(ORDINAL, _ordinal, patterns.GATE_QUARTER_OR_HALF, frozenset("-"), _FISCAL_BEFORE),
    _Rule(FIRST_MONTHS, _first_months, patterns.GATE_FIRST_MONTHS),
    _Rule(FISCAL_YEAR, _fiscal_year, patterns.GATE_FISCAL, _MONEY),
    _Rule(YEAR_AFTER_WORD, _year_after_word, patterns.GATE_YEAR),
    _Rule(YEAR_BEFORE_NOUN, _bare_year, patterns.GATE_YEAR, _NUMBER),
    _Rule(YEAR_RANGE, _year_range, patterns.GATE_YEAR, _NUMBER, _FROM_BEFORE),
    _Rule(YEAR_EDGE, _year_edge, patterns.GATE_YEAR),
    _Rule(MONTH_YEAR, _month_year, patterns.GATE_MONTH_YEAR),
    _Rule(MONTH_QUARTER, _month_quarter, patterns.GATE_MONTH_QUARTER),
    _Rule(MONTH_RANGE, _month_range, patterns.GATE_MONTH, _WORD, _FROM_BEFORE),
    _Rule(RELATIVE_COUNT, _relative_count, patterns.GATE_RELATIVE),
    _Rule(SPAN, _span, patterns.GATE_SPAN),
    _Rule(NAMED, _named, patterns.GATE_NAMED),
    _Rule(RELATIVE_NAMED, _relative_named, patterns.GATE_RELATIVE),
)


def _says_may(text: str, match: re.Match[str]) -> bool:
    """A lower-case "may" is the verb, not the month."""
    return any(
        text[match.start(group) : match.end(group)] == "may"
        for group in ("month", "m1", "m2")
        if group in match.re.groupindex and match[group]
    )


def _preceded_by(low: str, start: int, forbidden: frozenset[str]) -> bool:
    if start == 0:
        return False
    before = low[start - 1]
    return before.isalnum() or before in forbidden


_ENDING_NAMES: Final = {"quarter": "quarter", "three": "quarter", "3": "quarter", "six": "half",
                        "6": "half", "half": "half", "nine": "9 months", "9": "9 months",
                        "twelve": "year", "12": "year", "year": "year", "fiscal": "FY",
                        "financial": "FY"}  # fmt: skip


def _endings(
    text: str, low: str, dates: Sequence[DateMatch], reference: dt.date | None
) -> Iterable[PeriodMatch]:
    """A period named by its end: "quarter ending 2024-12-31", "FY ending March 2025"."""
    date_at = {d.start: d for d in dates}
    for match in ENDING.finditer(low):
        if _preceded_by(low, match.start(), _WORD):
            continue
        name = _ENDING_NAMES[re.split(r"[-\s]", match["what"].lower())[0]]
        date = date_at.get(match.end())
        if date is not None:
            iso = date.iso
            if (
                reference
                and "ended" in match[0].lower()
                and iso[:4] not in text[date.start : date.end]
            ):
                iso = _past_year(iso, reference)
            yield PeriodMatch(match.start(), date.end, f"{name} ending {iso}")
            continue
        month_match = ENDING_MONTH.match(low, match.end())
        month = _month_number(month_match["month"]) if month_match else None
        if month_match is None or month is None or _says_may(text, month_match):
            continue
        when = MONTH_FULL_NAMES[month - 1]
        when = f"{when} {month_match['year']}" if month_match["year"] else when
        yield PeriodMatch(match.start(), month_match.end(), f"{name} ending {when}")


def _past_year(iso: str, reference: dt.date) -> str:
    """A year-less day of a period that has "ended" lies before the reference, not after."""
    day = dt.date.fromisoformat(iso)
    if day <= reference:
        return iso
    try:
        return day.replace(year=day.year - 1).isoformat()
    except ValueError:  # 29 February
        return iso


def _cuts_a_date(start: int, end: int, dates: Sequence[DateMatch]) -> bool:
    return any(
        d.start < end and start < d.end and not (start <= d.start and d.end <= end) for d in dates
    )


def find_periods(
    text: str,
    reference: dt.date | None,
    *,
    dates: Sequence[DateMatch] | Callable[[], Sequence[DateMatch]] | None = None,
) -> list[PeriodMatch]:
    """Every reporting period stated in ``text``, in order, without overlaps.

    ``dates`` are ``find_dates(text, reference)`` when the caller has them already, or a
    function giving them (called, like ``find_dates`` otherwise, only when a period or
    "ended" was seen).

    >>> def labels(text):
    ...     return [p.label for p in find_periods(text, dt.date(2026, 2, 1))]
    >>> labels("Sales in Q2 FY2026, the second fiscal quarter of 2026, beat Q2FY22 and 2QFY23.")
    ['Q2 FY2026', 'Q2 FY2026', 'Q2 FY2022', 'Q2 FY2023']
    >>> labels("For fiscal year 2027, after fiscal 2017 and FY23, in the first quarter")
    ['FY2027', 'FY2017', 'FY2023', 'Q1']
    >>> labels("In first-half 2016 (1H16, H1 2016) and throughout 2025")
    ['H1 2016', 'H1 2016', 'H1 2016', '2025']
    >>> labels("It will spend over the next three years, i.e. over three years.")
    ['next 3 years', '3 years']
    >>> labels("For the quarter ending December 31, 2024, the September quarter and the "
    ...        "October-December period")
    ['quarter ending 2024-12-31', 'September quarter', 'Oct–Dec']
    >>> labels("Up 152% in the past 12 months, 20% in the last six months, 9% year-to-date.")
    ['past 12 months', 'past 6 months', 'year-to-date']
    >>> labels("On 28 June in 2020 it rose 34% of 2026 targets")
    ['2026']
    """
    low = lower_for_matching(text)
    gates = period_gates(low)
    candidates: list[PeriodMatch] = []
    for rule in RULES:
        if not gates[rule.gate]:
            continue
        for match in rule.pattern.finditer(low):
            start = match.start()
            if _preceded_by(low, start, rule.not_after) or _says_may(text, match):
                continue
            before = low[max(0, start - _LOOK_BACK) : start]
            label = rule.label(match, reference, before)
            if label is None:
                continue
            prefix = rule.prefix.search(before) if rule.prefix else None
            if prefix is not None:
                start -= len(before) - prefix.start()
            candidates.append(PeriodMatch(start, match.end(), label))
    ending = "end" in low
    if not (candidates or ending):
        return []
    # Dates both end periods ("quarter ended June 30") and veto periods cutting through them.
    if dates is None:
        dates = find_dates(text, reference)
    elif callable(dates):
        dates = dates()
    if ending:
        candidates.extend(_endings(text, low, dates, reference))
    candidates.sort(key=lambda p: (p.start - p.end, p.start))
    taken: list[PeriodMatch] = []
    for candidate in candidates:
        if _cuts_a_date(candidate.start, candidate.end, dates):
            continue
        if any(candidate.start < t.end and t.start < candidate.end for t in taken):
            continue
        taken.append(candidate)
    return sorted(taken, key=lambda p: p.start)

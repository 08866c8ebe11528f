"""Publication date stamps: the date forms publishers print near the top of an article.

Pure helpers, no I/O. Dates inside the article text (deal dates, periods) are the
extraction layer's business; this module only reads stamps and header values:
``04.01.2026 - 12:24:06`` (day first, as German publishers print it), ``January 9, 2026``,
``[Tuesday 30 August 2016]``, ``2026-01-04`` and ``2026-01-04T08:30:00+01:00``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

_MONTHS: Final = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
# An optional time right after the date: "- 12:24:06", ", 10:30 am", " at 9:05 p.m.".
_TIME: Final = (
    r"(?:[ \t]*(?:[-–—,|]|at)?[ \t]*(?P<hour>[012]?\d):(?P<minute>[0-5]\d)"
    r"(?::(?P<second>[0-5]\d))?(?:[ \t]*(?P<ampm>[ap])\.?m\b\.?)?)?"
)
_STAMP_PATTERNS: Final = (
    # 04.01.2026 - 12:24:06 (day.month.year); the time may be glued to the next word.
    re.compile(
        r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\." + _YEAR + r"(?!\d)" + _TIME,
        re.IGNORECASE,
    ),
    # 2026-01-04, 2026-01-04T08:30:00
    re.compile(
        r"(?<![\d-])" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
        r"(?:[T ](?P<hour>[012]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?",
    ),
    # 2026/01/04
    re.compile(r"(?<![\d/])" + _YEAR + r"/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d/])"),
    # January 9, 2026 / Jan. 9th 2026
    re.compile(
        r"\b(?P<monthname>"
        + _MONTH
        + r")\.?[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+"
        + _YEAR
        + r"\b"
        + _TIME,
        re.IGNORECASE,
    ),
    # 30 August 2016 / 9th of Jan, 2026
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<monthname>"
        + _MONTH
        + r")\.?,?[ \t]+"
        + _YEAR
        + r"\b"
        + _TIME,
        re.IGNORECASE,
    ),
    # 01/09/2026: only when the order is unambiguous (one part above 12).
    re.compile(r"(?<![\d/])(?P<first>\d{1,2})/(?P<second_part>\d{1,2})/" + _YEAR + r"(?![\d/])"),
)


_YEAR_HINT: Final = re.compile(r"[12][09]\d\d")
# How far a stamp reaches before its year ("Wednesday, 30 September ") and after it
# (" - 12:24:06 p.m.").
_BEFORE_YEAR: Final = 40
_AFTER_YEAR: Final = 30


@dataclass(frozen=True, slots=True)
class DateStamp:
    """A date found in text: ISO value and the span it was read from."""

    iso: str
    start: int
    end: int


def _month_number(match: re.Match[str]) -> int | None:
    name = match.groupdict().get("monthname")
    if name:
        return _MONTHS[name[:3].lower()]
    month = match.groupdict().get("month")
    return int(month) if month else None


def _day_and_month(match: re.Match[str]) -> tuple[int, int] | None:
    groups = match.groupdict()
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second_part"])
        if first > 12 >= second:
            return first, second
        if second > 12 >= first:
            return second, first
        return None
    month = _month_number(match)
    if month is None:
        return None
    return int(groups["day"]), month


def _iso(match: re.Match[str]) -> str | None:
    day_month = _day_and_month(match)
    if day_month is None:
        return None
    day, month = day_month
    try:
        day_value = date(int(match["year"]), month, day)
    except ValueError:
        return None
    groups = match.groupdict()
    if not groups.get("hour"):
        return day_value.isoformat()
    hour, minute = int(groups["hour"]), int(groups["minute"])
    second = int(groups["second"]) if groups.get("second") else 0
    ampm = (groups.get("ampm") or "").lower()
    if ampm and not 1 <= hour <= 12:
        return day_value.isoformat()
    if ampm == "p" and hour != 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23:
        return day_value.isoformat()
    return f"{day_value.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}"


def find_date_stamp(text: str) -> DateStamp | None:
    """The first full calendar date in ``text`` (with its time when one follows), or None.

    >>> find_date_stamp("04.01.2026 - 12:24:06")
    DateStamp(iso='2026-01-04T12:24:06', start=0, end=21)
    >>> find_date_stamp("01.01.2026 - 06:13:04Alibaba US01609W1027").iso
    '2026-01-01T06:13:04'
    >>> find_date_stamp("Jerry Yang, Taipei [Tuesday 30 August 2016]").iso
    '2016-08-30'
    >>> find_date_stamp("Published January 9, 2026, 4:05 pm ET").iso
    '2026-01-09T16:05:00'
    >>> find_date_stamp("Updated 2026-01-04").iso
    '2026-01-04'
    >>> find_date_stamp("03/04/2026 is ambiguous, 31.02.2026 is no date") is None
    True
    """
    # Every form states a four-digit year: look for years first (a cheap scan) and try the
    # date patterns only around them, so long lines cost little.
    for year in _YEAR_HINT.finditer(text):
        start, end = year.span()
        if (start and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
            continue
        found = _stamp_near(text, max(0, start - _BEFORE_YEAR), min(len(text), end + _AFTER_YEAR))
        if found is not None:
            return found
    return None


def _stamp_near(text: str, low: int, high: int) -> DateStamp | None:
    best: DateStamp | None = None
    for pattern in _STAMP_PATTERNS:
        for match in pattern.finditer(text, low, high):
            if best is not None and match.start() >= best.start:
                break
            iso = _iso(match)
            if iso is not None:
                best = DateStamp(iso, match.start(), match.end())
                break
    return best


def iso_from_datetime_value(value: str) -> str | None:
    """An ISO date or date-time from a machine-written value (meta tag, feed, front matter).

    The time is kept as written, in the publisher's own time zone.

    >>> iso_from_datetime_value("2026-01-05T08:30:00+01:00")
    '2026-01-05T08:30:00'
    >>> iso_from_datetime_value("2026-01-05")
    '2026-01-05'
    >>> iso_from_datetime_value("yesterday") is None
    True
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        stamp = find_date_stamp(text)
        return stamp.iso if stamp else None
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.strftime("%Y-%m-%dT%H:%M:%S")


def iso_from_datetime(moment: datetime) -> str:
    """A parsed date-time (e-mail ``Date`` header) as an ISO string in its own time zone.

    >>> iso_from_datetime(datetime(2026, 1, 6, 9, 30))
    '2026-01-06T09:30:00'
    """
    return moment.strftime("%Y-%m-%dT%H:%M:%S")

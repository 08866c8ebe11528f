"""Calendar days in article text (``briefing.extract.dates``)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.extract.dates import find_dates
from briefing.extract.vocab.calendar import MONTH_ABBREVIATIONS, MONTH_FULL_NAMES

PUBLISHED = dt.date(2026, 1, 12)


def found(text: str, reference: dt.date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.iso) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The board met on January 3, 2026 to approve it.",
            [("January 3, 2026", "2026-01-03")],
            id="seed-000",
        ),
        pytest.param(
            "Orders closed Jan. 3, 2026, the company said.",
            [("Jan. 3, 2026", "2026-01-03")],
            id="ours-abbreviated-month",
        ),
        pytest.param(
            "Shares were listed on 3 January 2026 in Mumbai.",
            [("3 January 2026", "2026-01-03")],
            id="ours-day-first",
        ),
        pytest.param(
            "The offer opens on January 9 and closes a week later.",
            [("January 9", "2026-01-09")],
            id="seed-001",
        ),
        pytest.param(
            "Results are due on Friday, April 11th, before the open.",
            [("Friday, April 11th", "2026-04-11")],
            id="devset-toyota",
        ),
        pytest.param(
            "Bids were due by August 31 and allotment follows.",
            [("August 31", "2025-08-31")],
            id="devset-vijaya",
        ),
        pytest.param(
            "Filed 2026-01-04; effective 04.01.2026.",
            [("2026-01-04", "2026-01-04"), ("04.01.2026", "2026-01-04")],
            id="seed-000-numeric",
        ),
        pytest.param(
            "The notes mature 02/22/2016 and 21/04/2016.",
            [("02/22/2016", "2016-02-22"), ("21/04/2016", "2016-04-21")],
            id="ours-slashes-unambiguous",
        ),
        pytest.param(
            "Ambiguous slashes 03/07/2017 read month first.",
            [("03/07/2017", "2017-03-07")],
            id="ours-slashes-month-first",
        ),
        pytest.param(
            "Ambiguous dots 03.07.2017 read day first.",
            [("03.07.2017", "2017-07-03")],
            id="ours-dots-day-first",
        ),
        pytest.param(
            "BYD reported on Tuesday 30 August 2016 that sales rose.",
            [("Tuesday 30 August 2016", "2016-08-30")],
            id="devset-byd",
        ),
        pytest.param(
            "For the quarter ending December 31, 2024, revenue rose.",
            [("December 31, 2024", "2024-12-31")],
            id="devset-lenovo",
        ),
        pytest.param(
            "A deal dated 05-Aug-2016 and another on 2019/aug/01.",
            [("05-Aug-2016", "2016-08-05"), ("2019/aug/01", "2019-08-01")],
            id="ours-month-name-between-separators",
        ),
        pytest.param(
            "The fourth of July, 1995 and July 4th of 1995 agree.",
            [("fourth of July, 1995", "1995-07-04"), ("July 4th of 1995", "1995-07-04")],
            id="ours-ordinal-days",
        ),
        pytest.param(
            "Trading resumed Dec. 31 , 1994 after the halt.",
            [("Dec. 31 , 1994", "1994-12-31")],
            id="ours-space-before-comma",
        ),
        pytest.param(
            "Filed 2026-01-04T09:30 in the registry.",
            [("2026-01-04", "2026-01-04")],
            id="ours-iso-with-time",
        ),
    ],
)
def test_dates_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Revenue for Q2 FY2026 rose 34% on the year.", id="seed-000-quarter"),
        pytest.param("That is the biggest buyback of 2026 so far.", id="ours-of-year"),
        pytest.param("Sales in 1H16 and in 2024 and 2025 grew.", id="devset-byd-half"),
        pytest.param("Revenue reached 1,895 crore in March 2026.", id="ours-month-year"),
        pytest.param("It may 10x its bet, and March 1,000 jobs were cut.", id="ours-numbers"),
        pytest.param("Version 1.2.20 and 192.168.1.1 are not dates.", id="ours-versions"),
        pytest.param("Margins ran 10-12-15% across segments.", id="ours-percent-run"),
        pytest.param("Reported in the December 2024 quarter.", id="ours-month-year-quarter"),
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_yearless_date_needs_a_reference() -> None:
    assert found("The offer opens on January 9.", reference=None) == []


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        pytest.param("on December 30", dt.date(2026, 1, 12), "2025-12-30", id="ours-last-year"),
        pytest.param("on January 4", dt.date(2025, 12, 20), "2026-01-04", id="ours-next-year"),
        pytest.param("on June 30", dt.date(2019, 11, 5), "2019-06-30", id="devset-techmahindra"),
        pytest.param("on 03/18/40", dt.date(2026, 1, 1), "1940-03-18", id="peer-vectors"),
        pytest.param("on 3-7-27", dt.date(2026, 1, 1), "2027-03-07", id="peer-vectors-27"),
    ],
)
def test_year_resolution(text: str, reference: dt.date, iso: str) -> None:
    assert [m.iso for m in find_dates(text, reference)] == [iso]


def test_day_first_override() -> None:
    matches = find_dates("Published 03/07/2017.", None, day_first=True)
    assert [m.iso for m in matches] == ["2017-07-03"]


_FORMATS = (
    lambda d: f"{MONTH_FULL_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTH_ABBREVIATIONS[d.month - 1]}. {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTH_FULL_NAMES[d.month - 1]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d:%A}, {MONTH_FULL_NAMES[d.month - 1]} {d.day}, {d.year}",
)


@given(
    st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from(_FORMATS),
    st.sampled_from(["On ", "Filed ", "(", ""]),
    st.sampled_from([".", ", the company said.", ")", ""]),
)
def test_written_dates_round_trip(
    date: dt.date, write: Callable[[dt.date], str], before: str, after: str
) -> None:
    written = write(date)
    text = f"{before}{written}{after}"
    assert found(text) == [(written, date.isoformat())]


@given(st.text(max_size=200), st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2090, 1, 1)))
def test_matches_are_ordered_disjoint_valid(text: str, reference: dt.date | None) -> None:
    matches = find_dates(text, reference)
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        dt.date.fromisoformat(match.iso)
    for before, after in itertools.pairwise(matches):
        assert before.end <= after.start

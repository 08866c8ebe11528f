"""Publication date stamps: the forms publishers print at the top of an article."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.datestamps import find_date_stamp, iso_from_datetime_value

STAMPS = [
    ("seed-000", "04.01.2026 - 12:24:06", "2026-01-04T12:24:06"),
    ("seed-001", "01.01.2026 - 06:13:04Alibaba US01609W1027", "2026-01-01T06:13:04"),
    ("devset-byd", "Jane Roe, Taipei; DIGITIMES [Tuesday 30 August 2016]", "2016-08-30"),
    ("ours", "Hamburg, 15.09.2025 - 08:05:00", "2025-09-15T08:05:00"),
    ("ours", "January 9, 2026", "2026-01-09"),
    ("ours", "Published: Jan. 9th, 2026 at 4:05 p.m. ET", "2026-01-09T16:05:00"),
    ("ours", "Updated 12:00 am, Sept 3 2025", "2025-09-03"),
    ("ours", "Sept 3 2025, 12:00 am", "2025-09-03T00:00:00"),
    ("ours", "Posted on 9th of March, 2026", "2026-03-09"),
    ("ours", "2026-01-04", "2026-01-04"),
    ("ours", "2026-01-04T08:30:00+01:00", "2026-01-04T08:30:00"),
    ("ours", "2026/03/07", "2026-03-07"),
    ("ours", "25/03/2026", "2026-03-25"),
    ("ours", "03/25/2026", "2026-03-25"),
    ("ours", "By Jane Roe | 7 November 2025 | 3 min read", "2025-11-07"),
]


@pytest.mark.parametrize(("text", "iso"), [c[1:] for c in STAMPS], ids=[c[0] for c in STAMPS])
def test_stamp(text: str, iso: str) -> None:
    stamp = find_date_stamp(text)
    assert stamp is not None and stamp.iso == iso


NOT_STAMPS = [
    ("ours-ambiguous-slashes", "03/04/2026"),
    ("ours-invalid-day", "31.02.2026"),
    ("ours-year-only", "Upgrades 2025 Forecast"),
    ("ours-month-year", "In January 2026 sales rose"),
    ("ours-version-number", "release 1.2.3"),
    ("ours-percent", "34% in 2026"),
    ("ours-quarter", "Q2 FY2026"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_STAMPS], ids=[c[0] for c in NOT_STAMPS])
def test_not_a_stamp(text: str) -> None:
    assert find_date_stamp(text) is None


def test_earliest_date_wins_and_span_is_exact() -> None:
    text = "Filed 2026-02-01, about events of January 9, 2026"
    stamp = find_date_stamp(text)
    assert stamp is not None and text[stamp.start : stamp.end] == "2026-02-01"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        pytest.param("2026-03-02T14:15:00+00:00", "2026-03-02T14:15:00", id="ours-meta-tz"),
        pytest.param("2026-03-02T14:15:00Z", "2026-03-02T14:15:00", id="ours-meta-zulu"),
        pytest.param("2026-03-02", "2026-03-02", id="ours-meta-date"),
        pytest.param("March 2, 2026", "2026-03-02", id="ours-meta-words"),
        pytest.param("soon", None, id="ours-meta-junk"),
    ],
)
def test_machine_values(value: str, iso: str | None) -> None:
    assert iso_from_datetime_value(value) == iso


_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%A %d %B %Y")


@settings(deadline=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(_FORMATS),
)
def test_every_written_date_reads_back(day: date, form: str) -> None:
    stamp = find_date_stamp(f"[{day.strftime(form)}]")
    assert stamp is not None and stamp.iso == day.isoformat()


@settings(deadline=None)
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)))
def test_german_stamp_with_time_reads_back(moment: datetime) -> None:
    stamp = find_date_stamp(moment.strftime("%d.%m.%Y - %H:%M:%S") + "Company")
    assert stamp is not None and stamp.iso == moment.strftime("%Y-%m-%dT%H:%M:%S")

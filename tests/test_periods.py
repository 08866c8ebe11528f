"""Reporting periods in article text (``briefing.extract.periods``)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.extract.dates import find_dates
from briefing.extract.periods import find_periods

PUBLISHED = dt.date(2026, 1, 12)


def labels(text: str, reference: dt.date | None = PUBLISHED) -> list[str]:
    return [p.label for p in find_periods(text, reference)]


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[p.start : p.end], p.label) for p in find_periods(text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Revenue in Q2 FY2026 rose.", ["Q2 FY2026"], id="seed-001"),
        pytest.param(
            "Sales for the second fiscal quarter of 2026 rose.", ["Q2 FY2026"], id="seed-000"
        ),
        pytest.param("The second quarter of fiscal 2026 was weak.", ["Q2 FY2026"], id="ours"),
        pytest.param("It expects more in fiscal year 2027.", ["FY2027"], id="seed-000-fy"),
        pytest.param("Profit for fiscal 2017 will rise.", ["FY2017"], id="devset-fastretailing"),
        pytest.param("It guided FY23 growth of 15%.", ["FY2023"], id="devset-infosys-fy"),
        pytest.param("Up from Q2FY22 and 2QFY23.", ["Q2 FY2022", "Q2 FY2023"], id="devset-infosys"),
        pytest.param("Profit in Q1 2024 fell.", ["Q1 2024"], id="devset-shell"),
        pytest.param("In Q1'24 and 1Q24 alike.", ["Q1 2024", "Q1 2024"], id="ours-short-years"),
        pytest.param("Net profit in the first quarter rose.", ["Q1"], id="devset-fastretailing-q"),
        pytest.param("Its second-quarter revenue slid.", ["Q2"], id="devset-siemens"),
        pytest.param("Fourth-quarter 2025 results were solid.", ["Q4 2025"], id="ours-hyphen"),
        pytest.param("For first-half 2016 (1H16, H1 2016)", ["H1 2016"] * 3, id="devset-byd"),
        pytest.param("In the first half of 2016 it grew.", ["H1 2016"], id="ours-half-of"),
        pytest.param(
            "In the second half of fiscal year 2024.", ["H2 FY2024"], id="devset-discoverie"
        ),
        pytest.param("Margins in H1FY24 and 1HFY24.", ["H1 FY2024"] * 2, id="ours-half-fy"),
        pytest.param("Sales rose in 2024.", ["2024"], id="ours-in-year"),
        pytest.param("Costs grew during 2024.", ["2024"], id="seed-001-during"),
        pytest.param("Demand stays firm throughout 2025.", ["2025"], id="seed-001-throughout"),
        pytest.param("It targets 60 machines by 2026.", ["by 2026"], id="devset-asml"),
        pytest.param("ASML raised its 2025 forecast.", ["2025"], id="ours-year-noun"),
        pytest.param(
            "Growth over 2024-2026 and in 2025–27.", ["2024–2026", "2025–2027"], id="ours"
        ),
        pytest.param("Revenue for 2024-25 rose.", ["2024/25"], id="ours-split-year"),
        pytest.param("Guidance for FY2024-25 and FY24/25.", ["FY2024/25"] * 2, id="ours-fy-split"),
        pytest.param(
            "It will invest over the next three years.", ["next 3 years"], id="devset-tsmc"
        ),
        pytest.param("It will invest over three years.", ["3 years"], id="ours-over"),
        pytest.param("Spread over a three-year period.", ["3 years"], id="ours-year-period"),
        pytest.param("It sold three-year bonds.", [], id="ours-tenor-not-period"),
        pytest.param(
            "For the quarter ending December 31, 2024, revenue rose.",
            ["quarter ending 2024-12-31"],
            id="devset-lenovo",
        ),
        pytest.param(
            "For the quarter ended June 30, net profit rose.",
            ["quarter ending 2025-06-30"],
            id="devset-techmahindra",
        ),
        pytest.param(
            "For the fiscal year ending March 2025.", ["FY ending March 2025"], id="ours-fy-ending"
        ),
        pytest.param("In the September quarter it grew.", ["September quarter"], id="devset-a13"),
        pytest.param(
            "Up from the September quarter of 2018.", ["September quarter 2018"], id="ours-mq"
        ),
        pytest.param("For the October-December period.", ["Oct–Dec"], id="devset-mitsubishi"),
        pytest.param("From January to March 2024 it grew.", ["Jan–Mar 2024"], id="ours-to"),
        pytest.param("In the past 12 months it rose 152%.", ["past 12 months"], id="devset-syna"),
        pytest.param("In the last six months it fell.", ["past 6 months"], id="devset-dz"),
        pytest.param("The stock is up 20% year-to-date.", ["year-to-date"], id="devset-ms"),
        pytest.param("It is up 12% YTD.", ["year-to-date"], id="ours-ytd"),
        pytest.param("In the first nine months of 2024.", ["9M 2024"], id="ours-nine-months"),
        pytest.param("In the first three months of 2024.", ["Q1 2024"], id="devset-shell-3m"),
        pytest.param("Orders by mid-2026 and end of 2024.", ["mid-2026", "end-2024"], id="ours"),
        pytest.param("In November 2016 sales rose.", ["November 2016"], id="ours-month-year"),
        pytest.param("It rose in the past 10 weeks.", ["past 10 weeks"], id="devset-synaptics"),
        pytest.param("Sales in fiscal Q3 2026 fell.", ["Q3 FY2026"], id="ours-fiscal-prefix"),
        pytest.param(
            "It grew in the current fiscal year.", ["current fiscal year"], id="devset-toyota"
        ),
    ],
)
def test_periods_found(text: str, expected: list[str]) -> None:
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Revenue rose 34% to $2,024 million.", id="ours-amount"),
        pytest.param("On 28 June 2020 it listed.", id="ours-date-year"),
        pytest.param("It holds H1B visas and Q5 shares.", id="ours-not-halves"),
        pytest.param("About 2024 employees and $2025 in cash.", id="ours-counts"),
        pytest.param("It may be March before trading resumes.", id="ours-month-alone"),
    ],
)
def test_not_periods(text: str) -> None:
    assert labels(text) == []


def test_period_spans_cover_the_words() -> None:
    text = "Sales for the second fiscal quarter of 2026, fiscal Q1 and the next three years."
    assert spans(text) == [
        ("second fiscal quarter of 2026", "Q2 FY2026"),
        ("fiscal Q1", "Q1"),
        ("next three years", "next 3 years"),
    ]


def test_given_dates_are_used() -> None:
    text = "For the quarter ended June 30, profit rose."
    dates = find_dates(text, PUBLISHED)
    assert find_periods(text, PUBLISHED, dates=dates) == find_periods(text, PUBLISHED)


@given(
    st.integers(1, 4),
    st.integers(1990, 2089),
    st.sampled_from(["Q{q} FY{y}", "Q{q}FY{yy}", "{q}QFY{yy}", "Q{q} fiscal {y}"]),
)
def test_fiscal_quarters_round_trip(quarter: int, year: int, pattern: str) -> None:
    text = "Sales in " + pattern.format(q=quarter, y=year, yy=f"{year % 100:02d}") + " rose."
    reference = dt.date(min(year + 5, 2099), 1, 1)
    assert labels(text, reference) == [f"Q{quarter} FY{year}"]


@given(st.text(max_size=200), st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2090, 1, 1)))
def test_periods_are_ordered_disjoint_and_labelled(text: str, reference: dt.date | None) -> None:
    periods = find_periods(text, reference)
    for period in periods:
        assert 0 <= period.start < period.end <= len(text) and period.label
    for before, after in itertools.pairwise(periods):
        assert before.end <= after.start

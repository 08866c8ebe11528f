"""The period of a share move: over a period, or since a reference point.

Every sentence here is our own. Ids name the phrasing family and where it was seen: "seed-"
for our rewrites of the seed articles, "devset-...-family" for a construction the devset
uses, "ours-" for variations we wrote to pin the rule. A move measured from a reference
point ("from their October peak", "since its IPO") has that point as its period, labelled
"since <point>", and a period stated before a "but ... since" contrast does not carry over.
"""

from __future__ import annotations

import pytest

from view_helpers import describe, views_of

# (sentence, [(move, period), ...] for the price_performance views, in order)
MOVE_PERIODS = [
    pytest.param(
        "The shares gained more than 72% in 2025 but have since slipped about 20% from their "
        "October peak of around $192.",
        [(72, "in 2025"), (-20, "since October peak")],
        id="seed-alibaba-meitu-gain-then-slip-from-peak",
    ),
    pytest.param(
        "After a gain of over 40% in 2025, the share price has retreated about 12% from its "
        "November highs around $95.",
        [(40, "in 2025"), (-12, "since November high")],
        id="seed-000-family-gain-then-retreat-from-highs",
    ),
    pytest.param(
        "Halvard Mining shares are down 18% from their 52-week high.",
        [(-18, "since 52-week high")],
        id="ours-down-from-52-week-high",
    ),
    pytest.param(
        "Lumen Optics stock has dropped 22% from its all-time high reached in July.",
        [(-22, "since all-time high")],
        id="ours-from-all-time-high-not-july",
    ),
    pytest.param(
        "Brightwell shares have climbed 30% from the March low.",
        [(30, "since March low")],
        id="ours-up-from-a-low",
    ),
    pytest.param(
        "Norlund Foods shares have fallen 9% off their highs after the recall.",
        [(-9, "since high")],
        id="ours-off-their-highs",
    ),
    pytest.param(
        "Voltcrest shares have risen 40% since their market debut in March.",
        [(40, "since IPO")],
        id="ours-since-market-debut-is-since-ipo",
    ),
    pytest.param(
        "Pacific Harbour shares have fallen 28% since their listing in Hong Kong in 2023.",
        [(-28, "since IPO")],
        id="ours-since-listing-not-2023",
    ),
    pytest.param(
        "Since its IPO, Brask stock has gained 55%.",
        [(55, "since IPO")],
        id="ours-since-ipo-stated-first",
    ),
    pytest.param(
        "Kestrel shares are up 12% since January.",
        [(12, "since January")],
        id="ours-since-a-month",
    ),
    pytest.param(
        "Brask shares have gained 11% since March 2025, while the index rose 4%.",
        [(11, "since March 2025"), (4, "since March 2025")],
        id="ours-while-compares-over-the-same-period",
    ),
    pytest.param(
        "Kestrel shares rose 5% on Monday, and are up 30% since their IPO.",
        [(5, "on Monday"), (30, "since IPO")],
        id="ours-a-later-reference-belongs-to-its-own-clause",
    ),
    pytest.param(
        "Aquanord shares rose 15% in 2024 but have since fallen 10%.",
        [(15, "in 2024"), (-10, None)],
        id="ours-but-since-without-a-stated-point",
    ),
    pytest.param(
        "Harlow shares rose 12% in 2025 but lost 4% after the results.",
        [(12, "in 2025"), (-4, None)],
        id="ours-but-breaks-the-carry-over",
    ),
    pytest.param(
        "In 2025, Veltra shares rose 31%.",
        [(31, "In 2025")],
        id="ours-period-stated-first-carries",
    ),
    pytest.param(
        "The company's shares have climbed 35% in the past year, and stand 8.5% lower "
        "year-to-date.",
        [(35, "in the past year"), (-8.5, "year-to-date")],
        id="devset-mitsubishi-morganstanley-family-period-moves",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MOVE_PERIODS)
def test_move_periods(text: str, expected: list[tuple[float, str | None]]) -> None:
    moves = [v for v in views_of(text) if v.type == "price_performance"]
    found = [(v.value.value if v.value else None, v.period) for v in moves]
    assert found == [(float(value), period) for value, period in expected], describe(moves)


# A business figure owned by a company ("Revenue at X's unit rose 34%") is not a share move.
NOT_MOVES = [
    pytest.param(
        "Revenue at Kestrel's Cloud Services Group rose 34% to $5.59 billion.",
        id="seed-alibaba-meitu-family-revenue-at-a-unit",
    ),
    pytest.param(
        "Sales at Norlund's frozen foods unit rose 12% to €1.2 billion.",
        id="ours-sales-at-a-unit",
    ),
]


@pytest.mark.parametrize("text", NOT_MOVES)
def test_business_figures_are_not_moves(text: str) -> None:
    moves = [v for v in views_of(text) if v.type == "price_performance"]
    assert moves == [], describe(moves)

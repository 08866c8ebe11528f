"""Analyst-view phrasing families met in other publishers' styles than the devset's.

Every sentence here is our own. Ids say where the family was met: "gen-<style>" names an
article of ours under ``tests/fixtures/generalisation`` written in that publisher style
(wire, Bloomberg, MarketBeat, Zacks, Motley Fool, Indian, Japanese, European, Hong Kong
and UK press); "ours" is a further variant. The last tests hold the engine to its figures
on those articles.
"""

from __future__ import annotations

from typing import Any

import pytest

from view_helpers import describe, matches, views_of

# Views F1 the engine keeps on the gav_* articles (it scores 1.0 when this was set).
FOUND = [
    # --- valuation multiples: "N times <modifiers> <base>", peers, leverage ---
    pytest.param(
        "At Friday's close Ostrava Steel traded at about 9 times forecast earnings for the "
        "year to March, against roughly 12 times for the Nikkei 225.",
        [
            {"type": "valuation_multiple", "value": 9, "metric": "forward_pe"},
            {"type": "valuation_multiple", "value": 12, "company": "Nikkei 225"},
        ],
        id="gen-japan-times-forecast-earnings-then-for-index",
    ),
    pytest.param(
        "The shares trade at 6.4 times 2026 EV/EBITDA, a discount to rival Corvel's 8.2 times.",
        [
            {"type": "valuation_multiple", "value": 6.4, "metric": "ev_ebitda"},
            {"type": "valuation_multiple", "value": 8.2, "company": "Corvel"},
        ],
        id="gen-europe-ev-ebitda-with-year-and-possessive-peer",
    ),
    pytest.param(
        "Brokers say the lender looks stretched at 2.9 times FY27 estimated book value.",
        [{"type": "valuation_multiple", "value": 2.9, "metric": "pb"}],
        id="gen-india-times-estimated-book-value",
    ),
    pytest.param(
        "Halmer Foods trades at a forward P/E of 15.1X, below the S&P 500's forward earnings "
        "multiple of 20.8X.",
        [
            {"type": "valuation_multiple", "value": 15.1, "company": "Halmer"},
            {"type": "valuation_multiple", "value": 20.8, "company": "S&P 500"},
        ],
        id="gen-zacks-possessive-index-multiple",
    ),
    pytest.param(
        "The Tonbridge Mining shares trade at about 7 times this year's expected earnings, "
        "versus 10 times for Hong Kong-listed rival Qilin Metals.",
        [
            {"type": "valuation_multiple", "value": 7, "metric": "forward_pe"},
            {"type": "valuation_multiple", "value": 10, "company": "Qilin Metals"},
        ],
        id="gen-hk-times-this-years-expected-earnings-for-rival",
    ),
    # --- forecasts ---
    pytest.param(
        "Harlan Tools (NYSE:HTL - Get Free Report) last posted its results on Tuesday, March "
        "4th. The maker reported $1.31 earnings per share for the quarter, beating analysts’ "
        "consensus estimates of $1.22 by $0.09.",
        [{"type": "eps_forecast", "value": 1.22}],
        id="gen-marketbeat-consensus-estimate-in-a-long-sentence",
    ),
    pytest.param(
        "As a group, research analysts expect that Harlan Tools will post 4.85 earnings per "
        "share for the current fiscal year.",
        [{"type": "eps_forecast", "value": 4.85}],
        id="gen-marketbeat-bare-number-eps",
    ),
    pytest.param(
        "Excluding items, Velden Corp earned 94 cents per share, compared with estimates of "
        "88 cents.",
        [{"type": "eps_forecast", "value": 0.88}],
        id="gen-wire-estimates-after-a-per-share-figure",
    ),
    pytest.param(
        "Quarterly sales of $512 million beat the consensus mark of $498 million.",
        [{"type": "revenue_forecast", "value": 498e6}],
        id="gen-zacks-consensus-mark",
    ),
    pytest.param(
        "The Zacks Consensus Estimate for 2026 earnings is pegged at $3.12 per share, while "
        "that for revenues stands at $1.9 billion.",
        [
            {"type": "eps_forecast", "value": 3.12},
            {"type": "revenue_forecast", "value": 1.9e9},
        ],
        id="gen-zacks-estimate-pegged-at",
    ),
    # --- share prices ---
    pytest.param(
        "The stock’s 50 day moving average price is $31.40 and its 200 day moving average "
        "price is $29.85.",
        [
            {"type": "share_price", "value": 31.40, "label": "50-day moving average"},
            {"type": "share_price", "value": 29.85, "label": "200-day moving average"},
        ],
        id="gen-marketbeat-moving-average-without-hyphen",
    ),
    pytest.param(
        "Harlan Tools has a 12-month low of $20.15 and a 12-month high of $38.90.",
        [
            {"type": "share_price", "value": 20.15, "label": "12-month low"},
            {"type": "share_price", "value": 38.90, "label": "12-month high"},
        ],
        id="ours-marketbeat-twelve-month-range",
    ),
    pytest.param(
        "After the slide the stock now changes hands for about $54.",
        [{"type": "share_price", "value": 54}],
        id="gen-fool-changes-hands-for",
    ),
    pytest.param(
        "Brenton Paints fell 2.7% to 846 pence in London, its worst day since May.",
        [
            {"type": "price_performance", "value": -2.7, "company": "Brenton"},
            {"type": "share_price", "value": 8.46, "unit": "GBP", "company": "Brenton"},
        ],
        id="gen-bloomberg-company-as-subject-of-move-to-price",
    ),
    pytest.param(
        "Shares of Sundar Motors rose as much as 5.4 per cent to Rs 912.35 apiece on the NSE.",
        [{"type": "share_price", "value": 912.35, "unit": "INR"}],
        id="gen-india-as-much-as-per-cent-to-price",
    ),
    # --- ratings and targets ---
    pytest.param(
        "Numis cut the stock to hold from buy on Tuesday.",
        [{"type": "rating_change", "label": "Hold", "previous_label": "Buy"}],
        id="gen-bloomberg-cut-the-stock-to-everyday-label-from-label",
    ),
    pytest.param(
        "Notably, Halmer Foods carries a Zacks Rank #3 (Hold).",
        [{"type": "rating", "label": "Hold", "firm": "Zacks", "company": "Halmer"}],
        id="gen-zacks-rank-with-label",
    ),
    pytest.param(
        "Tonbridge Mining shares fell 3%. Jefferies kept its buy rating and HK$31 target.",
        [{"type": "price_target", "value": 31, "unit": "HKD", "stat": "single"}],
        id="gen-hk-amount-before-bare-target",
    ),
    pytest.param(
        'Corvane Bank has an average rating of "Hold" from the nine analysts that are covering '
        "the company. Six research analysts have rated the stock with a hold rating and three "
        "have given a buy rating to the company.",
        [
            {"type": "rating_count", "count": 6, "of": 9, "label": "Hold"},
            {"type": "rating_count", "count": 3, "of": 9, "label": "Buy"},
        ],
        id="ours-marketbeat-coverage-total-in-the-sentence-before",
    ),
    # --- share moves ---
    pytest.param(
        "Shares rose 12p, or 3.1%, to 399p in early trading.",
        [
            {"type": "price_performance", "value": 3.1},
            {"type": "share_price", "value": 3.99, "unit": "GBP"},
        ],
        id="ours-uk-rose-amount-or-percent",
    ),
    pytest.param(
        "The Hang Seng Index fell 0.8% on the day, while Tonbridge Mining shares slid 4%.",
        [
            {"type": "price_performance", "value": -0.8, "company": "Hang Seng"},
            {"type": "price_performance", "value": -4, "company": "Tonbridge"},
        ],
        id="gen-hk-index-as-subject",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_views_found(text: str, expected: list[dict[str, Any]]) -> None:
    views = views_of(text)
    for item in expected:
        assert any(matches(v, item) for v in views), f"{item} not in:\n{describe(views)}"


NOT_VIEWS = [
    pytest.param(
        "Net debt stood at EUR 9.1bn at the end of June, or 2.2 times EBITDA.",
        id="gen-europe-leverage-is-not-a-valuation",
    ),
    pytest.param(
        "Velden reported adjusted earnings of $2.05 per share, up 9.6% year over year.",
        id="gen-zacks-per-share-growth-is-not-a-share-move",
    ),
    pytest.param(
        "The Motley Fool Stock Advisor's total average return is 980% compared with 170% for "
        "the S&P 500.",
        id="gen-fool-promo-returns",
    ),
    pytest.param(
        "The company kept its full-year sales target of 650,000 vehicles.",
        id="gen-hk-company-sales-target",
    ),
]


@pytest.mark.parametrize("text", NOT_VIEWS)
def test_no_views(text: str) -> None:
    views = views_of(text)
    assert views == [], describe(views)


def test_headline_rounding_of_a_body_move_is_kept_once() -> None:
    text = (
        "Sundar Motors shares jump 5% after profit beat\n"
        "Shares of Sundar Motors rose 5.3 per cent to Rs 912 apiece on the NSE on Friday."
    )
    moves = [v for v in views_of(text) if v.type == "price_performance"]
    assert [v.value.value for v in moves if v.value] == [5.3], describe(moves)


def test_a_move_later_in_the_body_is_not_a_headline_rounding() -> None:
    text = (
        "Sundar Motors holds its outlook\n"
        "Shares of Sundar Motors rose 5 per cent on Monday. The stock gained 5.3 per cent this "
        "week."
    )
    moves = [v for v in views_of(text) if v.type == "price_performance"]
    assert sorted(v.value.value for v in moves if v.value) == [5.0, 5.3], describe(moves)

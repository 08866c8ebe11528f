"""The analyst-views extractor, phrasing family by phrasing family.

Every sentence here is our own; ids name the phrasing family and where the family was
seen ("devset-toyota-family" means the devset's Toyota article uses that construction).
Families met in other publishers' styles are in ``test_views_families.py``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.domain.model import Document
from briefing.domain.vocabulary import MULTIPLE_METRICS, PRICE_TARGET_STATS, VIEW_TYPES
from briefing.extract.context import build_context
from briefing.extract.views import extract_views
from view_helpers import describe, matches, views_of

FOUND = [
    # --- rating changes ---
    pytest.param(
        "Kestrel Robotics Inc was downgraded by analysts at Morgan Stanley from an “overweight” "
        "rating to an “equal weight” rating on Monday.",
        [
            {
                "type": "rating_change",
                "label": "Equal Weight",
                "previous_label": "Overweight",
                "firm": "Morgan Stanley",
                "company": "Kestrel",
            }
        ],
        id="devset-toyota-family-downgrade-from-to",
    ),
    pytest.param(
        "Barclays downgraded Halvard Mining Corp (NYSE:HVM) from Overweight to Equalweight on "
        "Thursday, while trimming its price target to $41.00 from $55.00.",
        [
            {
                "type": "rating_change",
                "label": "Equalweight",
                "previous_label": "Overweight",
                "firm": "Barclays",
            },
            {"type": "price_target", "value": 41.0, "unit": "USD", "stat": "single"},
        ],
        id="devset-daicel-family-downgrade-and-target-cut",
    ),
    pytest.param(
        'Halvard Mining shares rose 3% after Jefferies upgraded the stock to "buy" from '
        '"hold," with a price-target hike to $52 from $38.',
        [
            {
                "type": "rating_change",
                "label": "Buy",
                "previous_label": "Hold",
                "firm": "Jefferies",
            },
            {"type": "price_target", "value": 52.0, "firm": "Jefferies"},
            {"type": "price_performance", "value": 3.0},
        ],
        id="devset-synaptics-family-upgrade-to-from",
    ),
    pytest.param(
        "Norlund Foods issues are priced in, analysts at UBS said, upgrading their recommendation "
        "on the stock to buy from neutral.",
        [{"type": "rating_change", "label": "Buy", "previous_label": "Neutral", "firm": "UBS"}],
        id="devset-novo-family-upgrading-recommendation",
    ),
    pytest.param(
        "Shares of Norlund Foods plc climbed 4.1% on Wednesday after an upgrade by Goldman Sachs "
        "analysts. The analysts upgraded the stock to Outperform, citing margins.",
        [
            {"type": "rating_change", "label": "Outperform", "firm": "Goldman Sachs"},
            {"type": "price_performance", "value": 4.1},
        ],
        id="devset-discoverie-family-upgrade-firm-from-earlier-sentence",
    ),
    # --- standing ratings ---
    pytest.param(
        "Sarvam Textiles Ltd shares were flat on Friday. Goldman Sachs in a note on Monday gave a "
        "“Buy” rating on the stock with a target price of Rs 2,150.",
        [
            {"type": "rating", "label": "Buy", "firm": "Goldman Sachs"},
            {"type": "price_target", "value": 2150.0, "unit": "INR", "stat": "single"},
        ],
        id="devset-infosys-family-rating-with-target",
    ),
    pytest.param(
        "Meanwhile, Nomura reiterated a buy recommendation on Norlund, predicting the company "
        "would guide for 5-8% sales growth and 2-4% EBIT growth for 2026.",
        [
            {"type": "rating", "label": "Buy", "firm": "Nomura"},
            {"type": "revenue_forecast", "value": (5.0, 8.0), "unit": "%"},
        ],
        id="devset-novo-family-reiterated-and-guidance-forecast",
    ),
    # --- rating counts and consensus ---
    pytest.param(
        'Of 22 covering analysts, 19 maintain a "Buy" rating on the stock.',
        [{"type": "rating_count", "count": 19, "of": 22, "label": "Buy"}],
        id="seed-000-family-of-n-analysts",
    ),
    pytest.param(
        "Four equities research analysts have rated the stock with a hold rating, nine have "
        "issued a buy rating and two have given a strong buy rating to the stock.",
        [
            {"type": "rating_count", "count": 4, "label": "Hold"},
            {"type": "rating_count", "count": 9, "label": "Buy"},
            {"type": "rating_count", "count": 2, "label": "Strong Buy"},
        ],
        id="devset-toyota-family-count-list",
    ),
    pytest.param(
        'Coming into today, seven out of the 12 analysts in coverage sport a "buy" or better, '
        'while three are at a "hold" rating, with two at a "strong sell."',
        [
            {"type": "rating_count", "count": 7, "of": 12},
            {"type": "rating_count", "count": 3, "of": 12, "label": "Hold"},
            {"type": "rating_count", "count": 2, "of": 12, "label": "Strong Sell"},
        ],
        id="devset-synaptics-family-out-of-total",
    ),
    pytest.param(
        'Eleven covering firms still rated Kestrel Robotics stock a "strong buy."',
        [{"type": "rating_count", "count": 11, "label": "Strong Buy"}],
        id="devset-morganstanley-family-covering-firms",
    ),
    pytest.param(
        "Kestrel Robotics Inc has an average rating of “Hold” and an average target price of "
        "$27.40.",
        [
            {"type": "consensus_rating", "label": "Hold"},
            {"type": "price_target", "value": 27.4, "stat": "average"},
        ],
        id="devset-toyota-family-average-rating",
    ),
    pytest.param(
        'The consensus among analysts ranges from "Moderate Buy" to "Strong Buy," with price '
        "targets set between USD 61 and USD 75.",
        [
            {"type": "consensus_rating", "label": "Moderate Buy"},
            {"type": "consensus_rating", "label": "Strong Buy"},
            {"type": "price_target", "value": (61.0, 75.0), "stat": None},
        ],
        id="seed-001-family-consensus-range-and-target-range",
    ),
    # --- targets, upside, share price ---
    pytest.param(
        "The average price target stands at $88, roughly 25% above the current trading level "
        "near $70.",
        [
            {"type": "price_target", "value": 88.0, "stat": "average"},
            {"type": "upside", "value": 25.0},
            {"type": "share_price", "value": 70.0},
        ],
        id="seed-000-family-average-target-upside-price",
    ),
    pytest.param(
        "- Price target EUR 64 implies 18% upside",
        [{"type": "price_target", "value": 64.0, "unit": "EUR"}, {"type": "upside", "value": 18.0}],
        id="devset-novo-family-target-implies-upside",
    ),
    pytest.param(
        "Kestrel Robotics Inc won a contract. UBS and Barclays have chimed in as well, raising "
        "their price targets to $45 and $39, respectively.",
        [
            {"type": "price_target", "value": 45.0, "firm": "UBS", "stat": "single"},
            {"type": "price_target", "value": 39.0, "firm": "Barclays", "stat": "single"},
        ],
        id="devset-synaptics-family-respectively",
    ),
    pytest.param(
        "The 12-month consensus target price of $57.10 is a 9.5% premium to last night's close.",
        [{"type": "price_target", "value": 57.1, "stat": None}, {"type": "upside", "value": 9.5}],
        id="devset-morganstanley-family-consensus-target-premium",
    ),
    pytest.param(
        "This range implies a potential upside of 15 to 25 percent from current levels.",
        [{"type": "upside", "value": (15.0, 25.0)}],
        id="seed-001-family-upside-range",
    ),
    pytest.param(
        "Kestrel Robotics has a 52-week low of $18.20 and a 52-week high of $31.75. The stock’s "
        "50-day moving average is $24.6 and its 200-day moving average is $22.9.",
        [
            {"type": "share_price", "value": 18.2, "label": "52-week low"},
            {"type": "share_price", "value": 31.75, "label": "52-week high"},
            {"type": "share_price", "value": 24.6, "label": "50-day moving average"},
            {"type": "share_price", "value": 22.9, "label": "200-day moving average"},
        ],
        id="devset-toyota-family-reference-levels",
    ),
    # --- performance ---
    pytest.param(
        "Halvard Mining (NYSE:HVM) stock is down 2.3% to trade at $36.10 before the bell.",
        [{"type": "price_performance", "value": -2.3}, {"type": "share_price", "value": 36.1}],
        id="devset-morganstanley-family-down-to-trade-at",
    ),
    pytest.param(
        "After a gain of over 40% in 2025, the share price has retreated about 12% from its "
        "November highs around $95.",
        [
            {"type": "price_performance", "value": 40.0},
            {"type": "price_performance", "value": -12.0},
            {"type": "share_price", "value": 95.0},
        ],
        id="seed-000-family-gain-then-retreat",
    ),
    pytest.param(
        "Shares in Norlund were up over 6% and Brask climbed 2.5% by midday.",
        [
            {"type": "price_performance", "value": 6.0, "company": "Norlund"},
            {"type": "price_performance", "value": 2.5, "company": "Brask"},
        ],
        id="devset-veolia-family-two-companies",
    ),
    pytest.param(
        "Norlund Foods underperformed its sector by 9% over the last six months and by 4% over "
        "the last three months.",
        [
            {"type": "price_performance", "value": -9.0},
            {"type": "price_performance", "value": -4.0},
        ],
        id="devset-discoverie-family-relative-continuation",
    ),
    pytest.param(
        "The stock closed 6.2 percent higher at EUR 81.40 in Frankfurt.",
        [{"type": "price_performance", "value": 6.2}, {"type": "share_price", "value": 81.4}],
        id="devset-asml-family-closed-higher-at",
    ),
    pytest.param(
        "The company's shares have climbed 35% in the past year, and stand 8.5% lower "
        "year-to-date.",
        [
            {"type": "price_performance", "value": 35.0},
            {"type": "price_performance", "value": -8.5},
        ],
        id="devset-mitsubishi-morganstanley-family-period-moves",
    ),
    # --- multiples ---
    pytest.param(
        "With a forward P/E ratio of roughly 14, Norlund trades at a discount to Unilever (P/E 21) "
        "and the S&P 500 average (P/E 23).",
        [
            {"type": "valuation_multiple", "value": 14.0, "metric": "forward_pe", "unit": "x"},
            {"type": "valuation_multiple", "value": 21.0, "metric": "pe", "company": "Unilever"},
            {"type": "valuation_multiple", "value": 23.0, "metric": "pe", "company": "S&P 500"},
        ],
        id="seed-000-family-peer-multiples",
    ),
    pytest.param(
        "Trading at a price-to-earnings ratio between 11 and 13, the shares look cheap.",
        [{"type": "valuation_multiple", "value": (11.0, 13.0), "metric": "pe"}],
        id="seed-001-family-multiple-range",
    ),
    pytest.param(
        "The stock trades at the current P/E of 9x fiscal year 2027 earnings compared to a "
        "10-year average of 14x.",
        [
            {"type": "valuation_multiple", "value": 9.0, "metric": "forward_pe"},
            {"type": "valuation_multiple", "value": 14.0, "metric": "pe"},
        ],
        id="devset-discoverie-family-current-vs-average",
    ),
    pytest.param(
        "We value the stock at 18x FY27E EPS and reiterate our Buy rating.",
        [{"type": "valuation_multiple", "value": 18.0, "metric": "forward_pe"}],
        id="devset-infosys-family-value-at-multiple",
    ),
    # --- forecasts ---
    pytest.param(
        "For fiscal year 2027, market experts forecast earnings per share of $3.15, representing "
        "a potential increase of nearly 30%.",
        [{"type": "eps_forecast", "value": 3.15}, {"type": "eps_forecast", "value": 30.0}],
        id="seed-000-family-eps-forecast-and-growth",
    ),
    pytest.param(
        "Analysts expect that Kestrel Robotics will post $2.05 EPS for the current fiscal year.",
        [{"type": "eps_forecast", "value": 2.05, "unit": "USD"}],
        id="devset-toyota-family-will-post-eps",
    ),
    pytest.param(
        "The company reported $0.61 EPS for the quarter, beating the consensus estimate of $0.55 "
        "by $0.06.",
        [{"type": "eps_forecast", "value": 0.55}],
        id="devset-toyota-family-beat-consensus-estimate",
    ),
    pytest.param(
        "Group sales fell 2% to 8.4 billion euros, below the expected 8.6 billion euros.",
        [{"type": "revenue_forecast", "value": 8.6e9, "unit": "EUR"}],
        id="devset-siemens-family-below-expected",
    ),
    pytest.param(
        "Barclays predicts that Norlund's revenue in 2026 will increase by 18% year-on-year.",
        [{"type": "revenue_forecast", "value": 18.0, "unit": "%"}],
        id="devset-giantbiogene-family-predicts-revenue-growth",
    ),
]


FOUND += [
    pytest.param(
        "Kestrel Robotics slid on Monday. Analysts have a median price target of $112 for the "
        "stock, with a high estimate of $140 and a low of $85.",
        [
            {"type": "price_target", "value": 112.0, "stat": "median"},
            {"type": "price_target", "value": 140.0, "stat": "high"},
            {"type": "price_target", "value": 85.0, "stat": "low"},
        ],
        id="ours-median-high-low-targets",
    ),
    pytest.param(
        "Brask Energy ASA fell. UBS raised Brask to buy, saying the shares could rise 35% to its "
        "new target of NOK 420.",
        [
            {"type": "rating_change", "label": "Buy", "firm": "UBS"},
            {"type": "price_target", "value": 420.0, "unit": "NOK"},
            {"type": "upside", "value": 35.0},
        ],
        id="ours-raised-company-to-label-modal-upside",
    ),
    pytest.param(
        "Kestrel Robotics currently has a consensus rating of Hold.",
        [{"type": "consensus_rating", "label": "Hold"}],
        id="ours-consensus-rating-of-everyday-label",
    ),
    pytest.param(
        "The stock has gained 18% so far this year, compared with a 9% rise in the S&P 500.",
        [
            {"type": "price_performance", "value": 18.0},
            {"type": "price_performance", "value": 9.0, "company": "S&P 500"},
        ],
        id="ours-index-move-gets-the-index",
    ),
    pytest.param(
        "Revenue is expected to grow 12% in 2026, according to analysts' estimates.",
        [{"type": "revenue_forecast", "value": 12.0, "unit": "%"}],
        id="ours-expected-to-grow-per-analysts",
    ),
    pytest.param(
        "Norlund reported revenue of $2.3 billion, ahead of analysts' estimates of $2.2 billion.",
        [{"type": "revenue_forecast", "value": 2.2e9}],
        id="devset-siemens-family-ahead-of-estimates",
    ),
    pytest.param(
        'Among 14 analysts covering Norlund, 11 rate the shares a "Buy".',
        [{"type": "rating_count", "count": 11, "of": 14, "label": "Buy"}],
        id="ours-among-n-analysts",
    ),
    pytest.param(
        "Barclays cut its rating on Brask Energy ASA to underweight from equal weight.",
        [{"type": "rating_change", "label": "Underweight", "previous_label": "Equal Weight"}],
        id="ours-cut-its-rating-to-from",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_views_found(text: str, expected: list[dict[str, Any]]) -> None:
    views = views_of(text)
    for item in expected:
        assert any(matches(v, item) for v in views), f"{item} not in:\n{describe(views)}"


NOT_VIEWS = [
    pytest.param(
        "Cloud revenue climbed 31% to $4.2 billion, while EBITDA saw a 28% increase.",
        id="seed-000-family-segment-growth-is-a-metric",
    ),
    pytest.param(
        "Should investors sell now? Norlund Stock: Buy or Sell?! Is it worth buying?",
        id="seed-000-family-promo-block",
    ),
    pytest.param(
        "The company said it expects revenue of EUR 12 billion to EUR 15 billion by 2028.",
        id="devset-asml-family-company-guidance-is-not-a-forecast",
    ),
    pytest.param(
        "Norlund plans to repurchase up to 5% of its shares for $300 million.",
        id="devset-mitsubishi-family-buyback-share-percentage",
    ),
    pytest.param(
        "The agreement values Brask at 14.20 euros per share, after Norlund lifted its bid.",
        id="devset-veolia-family-offer-price-is-a-deal-term",
    ),
    pytest.param(
        "It announced an 8.2 per cent jump in September quarter net profit.",
        id="devset-infosys-family-profit-jump",
    ),
    pytest.param(
        "Citi raised its revenue forecast for 2025-2027 by 3.1-3.4%.",
        id="devset-giantbiogene-family-forecast-revision",
    ),
    pytest.param(
        "Calls crossed the tape today at 9 times what's typically seen.",
        id="devset-synaptics-family-options-volume-multiple",
    ),
]


@pytest.mark.parametrize("text", NOT_VIEWS)
def test_no_views(text: str) -> None:
    views = views_of(text)
    assert views == [], describe(views)


def test_restated_headline_rating_kept_once() -> None:
    text = (
        'UBS: Reaffirms "Buy" rating on Norlund Foods with target price raised to $61.\n'
        'The target price has been raised by 3% to $61 from $59, with a reiterated "buy" rating.'
    )
    views = views_of(text)
    assert [v.type for v in views].count("rating") == 1, describe(views)
    assert [v.type for v in views].count("price_target") == 1, describe(views)


def test_approximate_restatement_of_a_move_is_dropped() -> None:
    text = (
        "Shares of Norlund surged nearly 5 per cent on Friday. "
        "The Norlund stock surged 4.96 per cent to Rs 910 apiece on the BSE."
    )
    moves = [v for v in views_of(text) if v.type == "price_performance"]
    assert [v.value.value for v in moves if v.value] == [4.96], describe(moves)


_PIECES = [
    *"abcdefghij ABCXYZ0123456789.,%$€()-\"“”'\n",
    "Buy",
    " rating",
    " upgraded",
    " to ",
    " from ",
    " shares rose ",
    " price target",
    " P/E ",
    " analysts",
    " of ",
    "EPS",
    "x",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_views_are_well_formed_for_any_text(text: str) -> None:
    context = build_context(Document(id="t", path="t", format="text", body=text))
    for view in extract_views(context):
        assert view.type in VIEW_TYPES
        assert 0.0 <= view.confidence <= 1.0
        assert view.evidence.quote == text[view.evidence.start : view.evidence.end]
        assert any(
            s.start <= view.evidence.start and view.evidence.end <= s.end for s in context.sentences
        )
        assert view.stat is None or view.stat in PRICE_TARGET_STATS
        assert view.metric is None or view.metric in MULTIPLE_METRICS

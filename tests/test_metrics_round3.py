"""Round 3 of the metrics extractor: phrasing families from other publishers and markets.

Each case is our own sentence of a family the third round of generalisation articles
(``tests/fixtures/generalisation/*/gm3_*``) showed broken: European EBITA, India's PAT,
SaaS recurring revenue, per-unit ratios, per-share results, other accounting bases,
share-price moves inside results sentences, beats against estimates, guided growth ranges.
Expected items are (name, value, unit, change_pct, previous value); ``None`` means empty.
"""

from __future__ import annotations

import pytest

from test_metrics import Expected, _matches, metrics_of

# First run on these articles, before any round-3 rule: metrics F1 0.720.
CASES: list[tuple[str, str, list[Expected]]] = [
    (
        "ours-ebita-and-its-margin",
        "Kestrel Werke AG reported results. Adjusted EBITA climbed 7% to €455 million, "
        "giving a margin of 11.2%.",
        [("ebit", 455e6, "EUR", 7.0, None), ("operating_margin", 11.2, "%", None, None)],
    ),
    (
        "ours-ebita-margin-from-to",
        "Kestrel Werke AG reported results. The drives unit's operational EBITA margin "
        "narrowed to 9.4% from 10.1%.",
        [("operating_margin", 9.4, "%", None, 10.1)],
    ),
    (
        "ours-india-pat",
        "Sundaram Textiles Ltd reported results. For the year, consolidated PAT grew 12 per "
        "cent to ₹1,250 crore.",
        [("net_income", 1.25e10, "INR", 12.0, None)],
    ),
    (
        "ours-net-loss-per-share",
        "Quillfeather Inc reported results. GAAP net loss per share was $0.12 in the quarter.",
        [("eps", -0.12, "USD", None, None)],
    ),
    (
        "ours-per-diluted-share-companion",
        "Orchard Lane Inc reported results. Net income was $88.2 million, or $0.95 per diluted "
        "share, up from $70.4 million, or $0.77 per share, a year ago.",
        [("net_income", 88.2e6, "USD", None, 70.4e6), ("eps", 0.95, "USD", None, 0.77)],
    ),
    (
        "ours-excluding-items-restates-eps",
        "Orchard Lane Inc reported results. It earned $0.95 per diluted share in the quarter. "
        "Excluding items, Orchard Lane earned $1.08 per share in the quarter, above the "
        "consensus of $1.01.",
        [("eps", 0.95, "USD", None, None)],
    ),
    (
        "ours-basic-eps-restates-adjusted",
        "Tamworth plc reported results. Adjusted earnings per share rose 9 per cent to 22.4p "
        "for the year. Basic EPS was 15.1p for the year.",
        [("eps", 0.224, "GBP", 9.0, None)],
    ),
    (
        "ours-non-gaap-restatement",
        "Brindle Systems Inc reported results. Operating income was $40.2 million. Non-GAAP "
        "operating income was $61.5 million.",
        [("operating_income", 40.2e6, "USD", None, None)],
    ),
    (
        "ours-non-gaap-eps-guidance",
        "Brindle Systems Inc reported results. For the next quarter, Brindle Systems expects "
        "revenue of $410 million to $415 million and non-GAAP net income per share of $0.44 "
        "to $0.46.",
        [
            ("guidance_revenue", 410e6, "USD", None, None),
            ("guidance_eps", 0.44, "USD", None, None),
        ],
    ),
    (
        "ours-exchange-rate-assumption",
        "Shirogane Industries reported results. For the coming year the company forecast "
        "revenue of ¥1.2 trillion, assuming an exchange rate of ¥140 to the dollar.",
        [("guidance_revenue", 1.2e12, "JPY", None, None)],
    ),
    (
        "ours-division-bare-profit",
        "Shirogane Industries reported results. The Materials unit's profit rose 6% to "
        "¥21.5 billion.",
        [("operating_income", 21.5e9, "JPY", 6.0, None)],
    ),
    (
        "ours-margin-value-then-points-move",
        "Pelican Air reported results. The operating margin came in at 6.2%, down 1.5 "
        "percentage points.",
        [("operating_margin", 6.2, "%", None, None)],
    ),
    (
        "ours-guided-growth-range",
        "Pelican Air reported results. The carrier expects third-quarter revenue to grow "
        "between 4% and 6% from a year ago.",
        [("guidance_revenue", 4.0, "%", None, None)],
    ),
    (
        "ours-guiding-verb-leads-a-list",
        "Jinse Auto reported results. Jinse Auto forecast fourth-quarter deliveries of "
        "between 90,000 and 95,000 vehicles and revenue of 21.0 billion yuan to 22.5 "
        "billion yuan.",
        [("guidance_revenue", 21.0e9, "CNY", None, None)],
    ),
    (
        "ours-like-for-like-is-another-basis",
        "Kestrel Werke AG reported results. Revenue was flat at €3.2 billion. On a "
        "like-for-like basis, sales grew 1.8%.",
        [("revenue", 3.2e9, "EUR", None, None)],
    ),
    (
        "ours-moved-by-amount-to-value",
        "Tamworth plc reported results. Net debt fell by £90m to £640m over the year.",
        [("debt", 640e6, "GBP", None, None)],
    ),
    (
        "ours-amount-of-another-noun-before-wording",
        "Pelican Air reported results. Pelican Air ended the quarter with $2.2 billion in "
        "liquidity and total debt of $4.9 billion.",
        [("debt", 4.9e9, "USD", None, None)],
    ),
    (
        "peer-gav2-earned-amount-or-per-share",
        "Harlan Mills Inc reported results. Harlan said it earned $64 million, or 41 cents a "
        "share, in the quarter, compared with $58 million, or 37 cents a share, a year earlier.",
        [("net_income", 64e6, "USD", None, 58e6), ("eps", 0.41, "USD", None, 0.37)],
    ),
    (
        "ours-estimates-noun-keeps-the-sentence",
        "Jinse Auto reported results. Revenue rose 31% to 18.2 billion yuan, beating the "
        "17.5 billion yuan average of analysts' estimates compiled by LSEG.",
        [("revenue", 18.2e9, "CNY", 31.0, None)],
    ),
]

NO_METRICS: list[tuple[str, str]] = [
    (
        "peer-gav2-consensus-for-a-metric",
        "Harlan Mills Inc reported results. The LSEG consensus for fiscal 2026 revenue stands "
        "at $2.9 billion.",
    ),
    (
        "ours-recurring-revenue-and-retention",
        "Quillfeather Inc reported results. Annual recurring revenue rose 31% to $620 million "
        "and net revenue retention was 121%.",
    ),
    (
        "ours-ebitda-per-tonne",
        "Sundaram Cement Ltd reported results. EBITDA per tonne improved to ₹912 from ₹845.",
    ),
    (
        "ours-capex-programme-is-a-deal",
        "Sundaram Cement Ltd reported results. The board approved a capital expenditure plan "
        "of ₹4,000 crore over three years.",
    ),
    (
        "ours-wording-inside-a-definition",
        "Orchard Lane Inc reported results. Comparable sales, which include online sales and "
        "stores open at least a year, rose 2.7%.",
    ),
    (
        "ours-beat-against-estimate",
        "Hanbit Memory reported results. The operating profit was 6.1 percent higher than the "
        "average market estimate.",
    ),
    (
        "ours-share-move-before-profit",
        "Pelican Air reported results. Shares of Pelican Air climbed as much as 9.1% after the "
        "carrier posted a second-quarter profit.",
    ),
    (
        "ours-share-move-after-profit",
        "Jinse Auto reported results. Jinse Auto posted its first annual profit, sending its "
        "shares up as much as 11% to HK$48.60.",
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_round3_metric_phrasings(case_id: str, text: str, expected: list[Expected]) -> None:
    scored = [m for m in metrics_of(text) if m.name != "other"]
    for item in expected:
        assert any(_matches(m, item) for m in scored), (item, scored)
    assert len(scored) == len(expected), scored


@pytest.mark.parametrize(("case_id", "text"), NO_METRICS, ids=[c[0] for c in NO_METRICS])
def test_round3_no_scored_metric_in(case_id: str, text: str) -> None:
    assert [m for m in metrics_of(text) if m.name != "other"] == []

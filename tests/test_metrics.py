"""The metrics extractor on our own sentences, one phrasing family per case.

Each case: an article text and the metrics it must yield as (name, value, unit, change_pct,
previous value); ``None`` means the field must be empty. Ids say the phrasing family and
where the family was seen ("devset-...", "seed-...", "ours").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.domain.model import Document, Metric
from briefing.extract.context import build_context
from briefing.extract.metrics import extract_metrics

Expected = tuple[str, float | None, str | None, float | None, float | None]


def metrics_of(text: str) -> list[Metric]:
    document = Document(id="t", path="t", format="text", body=text)
    return [m for m in extract_metrics(build_context(document)) if m.confidence >= 0.5]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def _value(metric: Metric) -> float | None:
    if metric.value is None:
        return None
    return metric.value.value if metric.value.value is not None else metric.value.low


def _matches(metric: Metric, expected: Expected) -> bool:
    name, value, unit, change, previous = expected
    previous_value = None
    if metric.previous is not None:
        previous_value = metric.previous.value
        if previous_value is None:
            previous_value = metric.previous.low
    return (
        metric.name == name
        and _close(_value(metric), value)
        and (unit is None or (metric.value is not None and metric.value.unit == unit))
        and _close(metric.change_pct, change)
        and _close(previous_value, previous)
    )


CASES: list[tuple[str, str, list[Expected]]] = [
    (
        "seed-000-rose-pct-to-value",
        "Northwind Group posted results. Its cloud unit reported strong growth, with revenue "
        "rising 21% to $3.4 billion. Its EBITDA saw a 17% increase, reaching $410 million.",
        [("revenue", 3.4e9, "USD", 21, None), ("ebitda", 410e6, "USD", 17, None)],
    ),
    (
        "seed-000-collapsed-from-to",
        "Northwind Group reported. However, adjusted earnings tumbled 64%, and operating income "
        "fell from 12.5 billion yuan to just 3.1 billion yuan.",
        [
            ("adjusted_earnings", None, None, -64, None),
            ("operating_income", 3.1e9, "CNY", None, 12.5e9),
        ],
    ),
    (
        "seed-000-negative-fcf-and-capex-surge",
        "Northwind Group reported. Free cash flow turned negative at -9.4 billion yuan as "
        "capital expenditures rose by 55%.",
        [("free_cash_flow", -9.4e9, "CNY", None, None), ("capex", None, None, 55, None)],
    ),
    (
        "seed-001-margin-share-net-cash",
        "Northwind Group is growing. Its retail arm boasts EBITDA margins hovering around 38 "
        "percent. It commands an estimated 29 percent market share. With a net cash position "
        "exceeding USD 20 billion, it can buy more.",
        [
            ("ebitda_margin", 38, "%", None, None),
            ("market_share", 29, "%", None, None),
            ("net_cash", 20e9, "USD", None, None),
        ],
    ),
    (
        "devset-fastretailing-family-of-value-improved",
        "Tokai Apparel said revenue at its domestic stores of 120.5 billion yen improved 2.1 "
        "percent, while operating profit of 20.2 billion yen increased 4.0 percent.",
        [
            ("revenue", 120.5e9, "JPY", 2.1, None),
            ("operating_income", 20.2e9, "JPY", 4.0, None),
        ],
    ),
    (
        "devset-fastretailing-down-pct-to-value-but",
        "Tokai Apparel reported. Revenues abroad were down 0.7 percent to 80.3 billion yen but "
        "operating profit at 9.9 billion yen jumped 12.5 percent.",
        [
            ("revenue", 80.3e9, "JPY", -0.7, None),
            ("operating_income", 9.9e9, "JPY", 12.5, None),
        ],
    ),
    (
        "devset-fastretailing-guidance-expected-to-be",
        "Tokai Apparel kept its outlook. Consolidated revenue is expected to be 2.1 trillion "
        "yen, a rise of 4.2 percent.",
        [("guidance_revenue", 2.1e12, "JPY", 4.2, None)],
    ),
    (
        "devset-byd-respectively-list",
        "Harbin Motors generated revenues of CNY12.5 billion (US$1.9 billion), gross margin of "
        "21.3% and net profit of CNY1.1 billion for first-half 2019, growing 15.2%, 1.2pp and "
        "60.5% respectively on year.",
        [
            ("revenue", 12.5e9, "CNY", 15.2, None),
            ("gross_margin", 21.3, "%", None, None),
            ("net_income", 1.1e9, "CNY", 60.5, None),
        ],
    ),
    (
        "devset-byd-two-shares-one-wording",
        "Harbin Motors had a domestic market share of 40.2% for buses and 12.7% for trucks.",
        [("market_share", 40.2, "%", None, None), ("market_share", 12.7, "%", None, None)],
    ),
    (
        "devset-techmahindra-pct-rise-in-term-at-value",
        "Pune Infotech on Monday reported 7.5 per cent year-on-year rise in consolidated net "
        "profit at Rs 1,200.50 crore for the second quarter.",
        [("net_income", 12005e6, "INR", 7.5, None)],
    ),
    (
        "devset-techmahindra-increased-to-as-compared-to",
        "Pune Infotech said consolidated revenue from operations increased by 4.2 per cent to "
        "Rs 9,100 crore in Q2FY21 as compared to Rs 8,733 crore in Q2FY20.",
        [("revenue", 91000e6, "INR", 4.2, 87330e6)],
    ),
    (
        "devset-techmahindra-margin-bps-to-value",
        "Pune Infotech reported. Operating margins improved by 90 basis points to 14.1 per cent.",
        [("operating_margin", 14.1, "%", None, None)],
    ),
    (
        "devset-infosys-growth-over-previous",
        "The company's revenue from operations stood at Rs 40,000 crore, clocking a 19.5 per "
        "cent growth over Rs 33,472 crore in the Q2FY23.",
        [("revenue", 400000e6, "INR", 19.5, 334720e6)],
    ),
    (
        "devset-infosys-guidance-growth-range",
        "Mysore Systems raised its FY24 revenue growth guidance to 8-9 per cent, above the "
        "previously-projected 6-8 per cent band.",
        [("guidance_revenue", 8, "%", None, 6)],
    ),
    (
        "devset-lenovo-compared-to-year-ago",
        "Revenues in the quarter ending March 31, 2023 were $9.1 billion compared to the "
        "year-ago $8.2 billion, with a net profit of $310 million – 45 percent higher than a "
        "year ago.",
        [("revenue", 9.1e9, "USD", None, 8.2e9), ("net_income", 310e6, "USD", 45, None)],
    ),
    (
        "devset-lenovo-revenue-verbs",
        "Pacific Devices reported. The consumer unit brought in $6.2 billion, up 9 percent. "
        "$1.4 billion flowed in from the cloud unit, a 31 percent rise for its servers.",
        [("revenue", 6.2e9, "USD", 9, None), ("revenue", 1.4e9, "USD", 31, None)],
    ),
    (
        "devset-lenovo-share-of-the-business",
        "Pacific Devices reported. The consumer unit gained a 19.8 percent share of the tablet "
        "business.",
        [("market_share", 19.8, "%", None, None)],
    ),
    (
        "devset-alphabet-grew-x-up-from",
        "Orbit Search reported. Its cloud operating income grew nearly 3x to $640 million, up "
        "from $210 million.",
        [("operating_income", 640e6, "USD", None, 210e6)],
    ),
    (
        "devset-alphabet-pct-drop-in-workforce",
        "Orbit Search reported a 4% drop in workforce to 95,400 employees.",
        [("headcount", 95400, "count", -4, None)],
    ),
    (
        "devset-alphabet-parenthetical-change",
        "Orbit Search's revenue stands at $31.5 billion, an increase of 11% year-over-year, "
        "with net income coming in at $7.9 billion (up 33%).",
        [("revenue", 31.5e9, "USD", 11, None), ("net_income", 7.9e9, "USD", 33, None)],
    ),
    (
        "devset-siemens-fell-by-below-expected",
        "Rheinwerk AG reported. Overall sales fell by 3% to 8.2 billion euros, below the "
        "expected 8.5 billion euros, and net profit decreased to 0.9 billion euros.",
        [("revenue", 8.2e9, "EUR", -3, None), ("net_income", 0.9e9, "EUR", None, None)],
    ),
    (
        "devset-shell-down-from-a-year-earlier",
        "The group reported underlying earnings of 4.2 billion US dollars (£3.3 billion) for "
        "the first three months of 2023, down from 5.1 billion US dollars (£4.0 billion) a "
        "year earlier.",
        [("adjusted_earnings", 4.2e9, "USD", None, 5.1e9)],
    ),
    (
        "devset-asml-guidance-range-previous-range",
        "Lumen Optics said it expects revenue of EUR 10 billion (nearly Rs. 90,000 crore) to "
        "EUR 12 billion by 2027, up from a previous estimate of EUR 8 billion to EUR 10 "
        "billion.",
        [("guidance_revenue", 10e9, "EUR", None, 8e9)],
    ),
    (
        "devset-toyota-value-before-eps-and-market-cap",
        "Kanto Motors reported $1.85 EPS for the quarter, beating the consensus estimate of "
        "$1.60 by $0.25. The company has a market cap of $88.4 billion.",
        [("eps", 1.85, "USD", None, None), ("market_cap", 88.4e9, "USD", None, None)],
    ),
]

# Phrasings of other publishers (our own sentences), to keep the rules general.
CASES += [
    (
        "ours-or-per-share-compared-with",
        "Zenith Corp reported. Net income was $2.3 billion, or $1.12 per share, compared with "
        "$1.9 billion, or 95 cents per share, a year earlier.",
        # The per-share figure beside the net result is an EPS item of its own.
        [("net_income", 2.3e9, "USD", None, 1.9e9), ("eps", 1.12, "USD", None, 0.95)],
    ),
    (
        "ours-net-loss-compared-with-profit",
        "Zenith Corp posted a net loss of $120 million, compared with a profit of $45 million a "
        "year earlier.",
        [("net_income", -120e6, "USD", None, 45e6)],
    ),
    (
        "ours-rose-to-from",
        "Zenith Corp reported. Operating profit rose to ¥320.5 billion from ¥280.1 billion.",
        [("operating_income", 320.5e9, "JPY", None, 280.1e9)],
    ),
    (
        "ours-margin-expanded-to-from",
        "Zenith Corp reported. Gross margin expanded to 45.2% from 43.1%.",
        [("gross_margin", 45.2, "%", None, 43.1)],
    ),
    (
        "ours-guidance-between",
        "Zenith Corp expects full-year revenue of between $10.5 billion and $10.8 billion.",
        [("guidance_revenue", 10.5e9, "USD", None, None)],
    ),
    (
        "ours-subscribers-rose-by-count-to",
        "Zenith Corp reported. Subscribers rose 2.1 million to 45.3 million.",
        [("subscribers", 45.3e6, None, None, None)],
    ),
    (
        "ours-cash-flows-and-capex-list",
        "Zenith Corp reported. Operating cash flow was $950 million and free cash flow reached "
        "$610 million, while capital expenditures were $340 million.",
        [
            ("operating_cash_flow", 950e6, "USD", None, None),
            ("free_cash_flow", 610e6, "USD", None, None),
            ("capex", 340e6, "USD", None, None),
        ],
    ),
    (
        "ours-turnover-while-pretax",
        "Zenith Corp said turnover fell 3.5% to £2.1bn in the six months to June, while pre-tax "
        "profit slumped 40% to £85m.",
        [("revenue", 2.1e9, "GBP", -3.5, None)],
    ),
    (
        "ours-like-for-like-and-total-sales",
        "Zenith Corp reported. The retailer's like-for-like sales grew 3.1% and total sales rose "
        "5.2% to £11.3bn.",
        [("revenue", 11.3e9, "GBP", 5.2, None)],
    ),
]

CASES += [
    (
        "ours-doubled-from-year-earlier-to",
        "Tanaka Trading said its net income for the July-September quarter nearly doubled from "
        "a year earlier to ¥150 billion.",
        [("net_income", 150e9, "JPY", None, None)],
    ),
    (
        "ours-guidance-and-own-profit-forecast",
        "For the full year, Tokai Apparel expects revenue of 700 billion yen, an increase of 4.5 "
        "percent, and kept its operating profit forecast at 90 billion yen.",
        [("guidance_revenue", 700e9, "JPY", 4.5, None)],
    ),
    (
        "ours-gdm-order-intake-is-orders",
        "Brennholt AG reported. Order intake climbed 11% to EUR 2.2bn, and the order backlog "
        "stood at EUR 6.1bn.",
        [("orders", 2.2e9, "EUR", 11, None), ("backlog", 6.1e9, "EUR", None, None)],
    ),
    (
        "ours-gdm-bracketed-prior-period",
        "Brennholt AG reported. Order intake rose 9% to EUR 980m (Q3 2023: EUR 899m).",
        [("orders", 980e6, "EUR", 9, 899e6)],
    ),
    (
        "ours-gdm-net-loss-narrowed-from",
        "Tallis Corp reported. The company's net loss narrowed to $18 million in the quarter, "
        "from $64 million a year earlier.",
        [("net_income", -18e6, "USD", None, -64e6)],
    ),
    (
        "ours-gdm-earned-per-share-vs-estimates",
        "Tallis Corp reported. Excluding items, Tallis earned 41 cents per share, compared with "
        "estimates of 37 cents.",
        [("eps", 0.41, "USD", None, None)],
    ),
    (
        "ours-gdm-adjusted-ebitda-margin",
        "Tallis Corp reported. Adjusted EBITDA margin expanded 90 basis points to 12.4%.",
        [("ebitda_margin", 12.4, "%", None, None)],
    ),
    (
        "ours-gdm-employs-people",
        "Tallis Corp, which employs about 12,500 people across 9 countries, said it would cut "
        "roughly 300 jobs at three plants.",
        [("headcount", 12500, "count", None, None)],
    ),
    (
        "ours-gdm-more-than-double-the-base",
        "Quayside Media reported. Free cash flow came in at $210 million, more than double the "
        "$95 million it generated a year ago.",
        [("free_cash_flow", 210e6, "USD", None, 95e6)],
    ),
    (
        "ours-gdm-previous-guidance-range",
        "Quayside Media lifted its full-year revenue guidance to a range of $4.1 billion to "
        "$4.3 billion, up from $3.9 billion to $4.0 billion previously.",
        [("guidance_revenue", 4.1e9, "USD", None, 3.9e9)],
    ),
    (
        "ours-gdm-added-subscribers-is-a-move",
        "Quayside Media added 1.2 million paid subscribers, ending the quarter with 31.5 "
        "million paid subscribers.",
        [("subscribers", 31.5e6, "count", None, None)],
    ),
    (
        "ours-gdm-value-of-last-year",
        "The ruling is a blow for Corla Pharma, which generated revenue of $8.1 billion last year.",
        [("revenue", 8.1e9, "USD", None, None)],
    ),
    (
        "ours-gdm-division-moves-without-figure-word",
        "Fenghua Express reported. The cold-chain business grew 14% to 3.2 billion yuan.",
        [("revenue", 3.2e9, "CNY", 14, None)],
    ),
    (
        "ours-gdm-change-stated-in-a-later-sentence",
        "Harbor Lane Bancorp reported. The business had revenue of $88.40 million for the "
        "quarter, compared to analyst estimates of $86.10 million. Harbor Lane Bancorp's "
        "revenue for the quarter was up 5.2% compared to the same quarter last year.",
        [("revenue", 88.4e6, "USD", 5.2, None)],
    ),
    (
        "ours-gdm-valuing-the-company-at",
        "Fairmont Retail plc reported. Shares rose 3%, valuing the company at about £2.1bn.",
        [("market_cap", 2.1e9, "GBP", None, None)],
    ),
]

# Round 2: phrasings of other markets and publishers (our own sentences).
CASES += [
    (
        "ours-gdm2-net-loss-or-per-share",
        "Talvik Medical reported. GAAP net loss of $18.2 million, or $0.29 per share, compared "
        "to a net loss of $41.5 million, or $0.67 per share, in the fourth quarter of 2023.",
        [("net_income", -18.2e6, "USD", None, -41.5e6), ("eps", -0.29, "USD", None, -0.67)],
    ),
    (
        "ours-gdm2-earnings-of-amount-a-share",
        "Halden Rail reported third-quarter adjusted earnings of C$1.86 a share, up from C$1.64 "
        "a year ago.",
        [("eps", 1.86, "CAD", None, 1.64)],
    ),
    (
        "ours-gdm2-adjusted-eps-is-eps",
        "Halden Rail's adjusted earnings per share rose 5% to $1.20.",
        [("eps", 1.2, "USD", 5.0, None)],
    ),
    (
        "ours-gdm2-reversing-a-loss",
        "Oryn Cells said it swung to an operating profit of 412.6 billion won, reversing a loss "
        "of 97.3 billion won a year earlier.",
        [("operating_income", 412.6e9, "KRW", None, -97.3e9)],
    ),
    (
        "ours-gdm2-more-than-doubled",
        "Oryn Cells reported. Its storage division more than doubled its revenue to 1.21 "
        "trillion won.",
        [("revenue", 1.21e12, "KRW", None, None)],
    ),
    (
        "ours-gdm2-with-a-margin-of",
        "Pampa Foods reported. Adjusted Ebitda rose 18% to R$1.73 billion, with a margin of 12.2%.",
        [("ebitda", 1.73e9, "BRL", 18.0, None), ("ebitda_margin", 12.2, "%", None, None)],
    ),
    (
        "ours-gdm2-had-employees",
        "Vasterby AB reported. The group had 28,400 employees, up from 26,900 a year earlier.",
        [("headcount", 28400, "count", None, 26900)],
    ),
    (
        "ours-gdm2-subscriber-base",
        "Karoo Mobile added 2.3 million prepaid customers, bringing its subscriber base to 48.6 "
        "million.",
        [("subscribers", 48.6e6, "count", None, None)],
    ),
    (
        # The price target is the analysts' view of the share, not a second revenue figure.
        "ours-price-target-after-revenue",
        "Revenue rose 29% to RMB 40.1 billion in the December quarter, analysts at Marlow & "
        "Finch said, keeping a buy rating with a price target of $210.",
        [("revenue", 40.1e9, "CNY", 29, None)],
    ),
]

# Sentences that state no company metric: analysts' forecasts, share moves, deals, furniture.
NO_METRICS: list[tuple[str, str]] = [
    (
        "ours-gdm2-what-if-restatement",
        "Excluding the tax credits, operating profit would have been 164.6 billion won.",
    ),
    ("ours-gdm2-revenue-per-carload", "Freight revenue per carload rose 4 per cent."),
    (
        "ours-gdm2-sukuk-in-headline-is-no-profit",
        "Najran Chemicals posts higher Q1 profit, plans $1 billion sukuk",
    ),
    (
        "ours-gdm2-licence-fee-is-no-sales",
        "Its decision to pay $1.4bn up front for the rights to an obesity drug shows how far it "
        "will go to protect its sales.",
    ),
    (
        "ours-gdm2-buyback-progress-is-no-growth",
        "It confirmed its outlook for sales growth in the low single digits and said the share "
        "buyback was 64 per cent complete.",
    ),
    ("devset-giantbiogene-broker-expects", "Analysts expect Kanto Motors' revenue to rise 12%."),
    (
        "seed-000-experts-forecast",
        "For fiscal 2027, market experts forecast earnings per "
        "share of $6.10, representing a potential increase of nearly 30%.",
    ),
    (
        "devset-daicel-boosted-by",
        "Inventory effects boosted fiscal 2025 operating profit by JPY4.1 billion.",
    ),
    (
        "devset-infosys-share-move",
        "Shares of Pacific Devices surged nearly 6 per cent to a record high on Friday.",
    ),
    (
        "devset-techmahindra-also-read",
        "Also Read: Bharat Foods Q2 net profit climbs 9% to Rs 310 crore, revenue up 5%",
    ),
    (
        "devset-synaptics-annualized-sales",
        "The company expects to add $40 million in annualized sales from the purchase.",
    ),
    ("devset-michelin-order-book", "Orders totalled €3bn for the bond."),
    (
        "ours-gdm-volumes-in-tonnes",
        "Sales volumes stood at 12.4 million tonnes, up 7 per cent.",
    ),
    (
        "ours-gdm-milestone-payments-are-no-sales",
        "Hoshino Pharma will pay $120 million upfront and up to $900 million in milestone "
        "payments, plus royalties on sales.",
    ),
    (
        "ours-gdm-placement-amount",
        "Fenghua Express to raise HK$2.2 billion in share placement after profit jumps",
    ),
    (
        "ours-gdm-profit-guidance-will-likely-reach",
        "Operating profit for the year ending March 2026 will likely reach 95 billion yen, up "
        "from a previous forecast of 88 billion yen.",
    ),
    (
        "devset-discoverie-organic-growth",
        "Shares of Delta Instruments climbed 4.1% after an "
        "upgrade citing its potential for organic growth.",
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_metric_phrasings(case_id: str, text: str, expected: list[Expected]) -> None:
    found = metrics_of(text)
    scored = [m for m in found if m.name != "other"]
    for item in expected:
        assert any(_matches(m, item) for m in scored), (item, scored)
    assert len(scored) == len(expected), scored


@pytest.mark.parametrize(("case_id", "text"), NO_METRICS, ids=[c[0] for c in NO_METRICS])
def test_no_metric_in(case_id: str, text: str) -> None:
    assert [m for m in metrics_of(text) if m.name != "other"] == []


def test_evidence_is_inside_its_sentence_and_quotes_the_body() -> None:
    text = "Intro line here.\n\nNorthwind's revenue rose 5% to $2 billion. Shares rose."
    (metric,) = metrics_of(text)
    assert metric.evidence.quote == text[metric.evidence.start : metric.evidence.end]
    assert "revenue rose 5% to $2 billion" in metric.evidence.quote
    assert "Shares" not in metric.evidence.quote


def test_headline_and_body_restatement_is_one_item() -> None:
    text = (
        "Harbin Motors H1 net profit jumps over 60%\n\n"
        "Harbin Motors reported net profit of CNY1.1 billion, up 60.5% on year."
    )
    (metric,) = [m for m in metrics_of(text) if m.name == "net_income"]
    assert metric.value is not None and metric.change_pct == pytest.approx(60.5)


def test_amount_without_currency_takes_the_article_currency() -> None:
    text = (
        "Pune Infotech reported revenue of Rs 9,000 crore. In other news, its net profit "
        "stood at 1,200 crore."
    )
    units = {m.name: m.value.unit for m in metrics_of(text) if m.value}
    assert units.get("net_income") == "INR"


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abc revenue rose 5% to $1 billion,.()-;\n")), max_size=200
    )
)
def test_never_raises_and_evidence_quotes_the_body(text: str) -> None:
    for metric in metrics_of(text):
        assert metric.evidence.quote == text[metric.evidence.start : metric.evidence.end]
        assert metric.value is not None or metric.change_pct is not None
        assert 0 <= metric.confidence <= 1


@pytest.mark.devset
def test_devset_metrics_are_mostly_found(shared_dir: Path) -> None:
    """Recall of scored gold metrics (name, value, change) on the devset stays high."""
    gold_dir = shared_dir / "devset" / "gold"
    found = total = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        body = (shared_dir / "devset" / "articles" / gold["article"]).read_text(encoding="utf-8")
        extracted = metrics_of(body)
        for item in gold["metrics"]:
            if item["name"] == "other":
                continue
            total += 1
            value = (item.get("value") or {}).get("value")
            found += any(
                m.name == item["name"]
                and (value is None or _close(_value(m), value))
                and (item.get("change_pct") is None or _close(m.change_pct, item["change_pct"]))
                for m in extracted
            )
    assert total and found / total >= 0.8, (found, total)

"""The quantity parser: example tables in our own words, plus properties over random text.

Ids name where the phrasing family comes from: "seed-000" / "devset-<article>" for shapes seen
in the shared articles (the sentences here are ours), "ours" for shapes we added.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.domain.model import Quantity
from briefing.extract import quantities
from briefing.extract.quantities import QuantityMatch, find_quantities, parse_quantity


def only(text: str) -> QuantityMatch:
    """The single quantity found in text."""
    found = find_quantities(text)
    assert len(found) == 1, [m.quantity.text for m in found]
    return found[0]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


# fmt: off
MONEY = [
    ("seed-000", "a $250 million stake", "$250 million", 250e6, "USD"),
    ("seed-000", "a price of HK$7 per share", "HK$7", 7.0, "HKD"),
    ("seed-000", "sales of 231.5 billion yuan", "231.5 billion yuan", 231.5e9, "CNY"),
    ("seed-000", "cash flow of -21.8 billion yuan", "-21.8 billion yuan", -21.8e9, "CNY"),
    ("seed-000", "cash flow of −21.8 billion yuan", "−21.8 billion yuan", -21.8e9, "CNY"),
    ("devset-byd", "revenue of CNY43.745 billion", "CNY43.745 billion", 43.745e9, "CNY"),
    ("devset-byd", "about US$6.25 billion", "about US$6.25 billion", 6.25e9, "USD"),
    ("devset-asml", "a EUR 9 billion programme", "EUR 9 billion", 9e9, "EUR"),
    ("devset-asml", "worth Rs. 87,250 crore", "Rs. 87,250 crore", 872.5e9, "INR"),
    ("devset-asml", "worth Rs. 2,45,600 crore", "Rs. 2,45,600 crore", 2.456e12, "INR"),
    ("devset-vijaya", "raised Rs 482.35 crore", "Rs 482.35 crore", 4.8235e9, "INR"),
    ("ours", "a Rs 1.5 lakh crore plan", "Rs 1.5 lakh crore", 1.5e12, "INR"),
    ("ours", "a Rs 40 lakh grant", "Rs 40 lakh", 4e6, "INR"),
    ("ours", "INR 500 crore", "INR 500 crore", 5e9, "INR"),
    ("ours", "₹1,200 crore", "₹1,200 crore", 1.2e10, "INR"),
    ("ours", "about 10.5 billion rupees", "about 10.5 billion rupees", 10.5e9, "INR"),
    ("devset-daicel", "target of JPY1,400.00 set", "JPY1,400.00", 1400.0, "JPY"),
    ("devset-daicel", "a one-yen move", "one-yen", 1.0, "JPY"),
    ("devset-mitsubishi", "up to ¥500 billion", "up to ¥500 billion", 500e9, "JPY"),
    ("devset-fastretailing", "512.4 billion Japanese yen", "512.4 billion Japanese yen",
     512.4e9, "JPY"),
    ("ours", "sales of 3 trillion yen", "3 trillion yen", 3e12, "JPY"),
    ("devset-michelin", "a €750m tranche", "€750m", 750e6, "EUR"),
    ("devset-michelin", "more than €3.5bn of orders", "more than €3.5bn", 3.5e9, "EUR"),
    ("devset-veolia", "nearly 14 billion euros", "nearly 14 billion euros", 14e9, "EUR"),
    ("devset-veolia", "20.50 euros a share", "20.50 euros", 20.5, "EUR"),
    ("devset-shell", "£6.1 billion of buybacks", "£6.1 billion", 6.1e9, "GBP"),
    ("devset-shell", "8.3 billion US dollars", "8.3 billion US dollars", 8.3e9, "USD"),
    ("devset-discoverie", "a 600p target", "600p", 6.0, "GBP"),
    ("ours", "shares at 470 pence", "470 pence", 4.7, "GBP"),
    ("ours", "a GBP 300 million deal", "GBP 300 million", 300e6, "GBP"),
    ("devset-alphabet", "a 20 cents dividend", "20 cents", 0.2, "USD"),
    ("ours", "a 12-cent dividend", "12-cent", 0.12, "USD"),
    ("devset-novo", "a DKK 740 target", "DKK 740", 740.0, "DKK"),
    ("ours", "SEK 4.2bn in sales", "SEK 4.2bn", 4.2e9, "SEK"),
    ("ours", "NOK 900 million", "NOK 900 million", 900e6, "NOK"),
    ("ours", "CHF 1.1 billion", "CHF 1.1 billion", 1.1e9, "CHF"),
    ("devset-stellantis", "more than C$6B in plants", "more than C$6B", 6e9, "CAD"),
    ("devset-stellantis", "US$4.1B of capex", "US$4.1B", 4.1e9, "USD"),
    ("ours", "a CAD 250 million loan", "CAD 250 million", 250e6, "CAD"),
    ("ours", "an A$1.2 billion bid", "A$1.2 billion", 1.2e9, "AUD"),
    ("ours", "AUD 75 million", "AUD 75 million", 75e6, "AUD"),
    ("ours", "S$300 million", "S$300 million", 300e6, "SGD"),
    ("ours", "SGD 2 billion", "SGD 2 billion", 2e9, "SGD"),
    ("ours", "KRW 5 trillion", "KRW 5 trillion", 5e12, "KRW"),
    ("ours", "2.5 trillion won", "2.5 trillion won", 2.5e12, "KRW"),
    ("ours", "NT$1.2 trillion", "NT$1.2 trillion", 1.2e12, "TWD"),
    ("ours", "TWD 800 billion", "TWD 800 billion", 800e9, "TWD"),
    ("devset-giantbiogene", "73 Hong Kong dollars", "73 Hong Kong dollars", 73.0, "HKD"),
    ("devset-cpic", "HKD 12.345 billion", "HKD 12.345 billion", 12.345e9, "HKD"),
    ("devset-giantbiogene", "Over RMB 80 Billion", "Over RMB 80 Billion", 80e9, "CNY"),
    ("devset-tsmc", "a USD$80 billion plan", "USD$80 billion", 80e9, "USD"),
    ("devset-alphabet", "net income of $8.75 billion", "$8.75 billion", 8.75e9, "USD"),
    ("ours", "a $4.1B deal", "$4.1B", 4.1e9, "USD"),
    ("ours", "a $4.1bn deal", "$4.1bn", 4.1e9, "USD"),
    ("ours", "a $700mn loan", "$700mn", 700e6, "USD"),
    ("ours", "a $700 mln loan", "$700 mln", 700e6, "USD"),
    ("ours", "a $700m loan", "$700m", 700e6, "USD"),
    ("devset-vijaya", "a Rs 1,640-crore issue", "Rs 1,640-crore", 1.64e10, "INR"),
    ("ours", "a $5-billion deal", "$5-billion", 5e9, "USD"),
    ("ours", "a $700M loan", "$700M", 700e6, "USD"),
    ("ours", "a $70MM loan", "$70MM", 70e6, "USD"),
    ("ours", "a $2 bln loan", "$2 bln", 2e9, "USD"),
    ("ours", "a $2b loan", "$2b", 2e9, "USD"),
    ("ours", "GDP of $2.1T", "$2.1T", 2.1e12, "USD"),
    ("ours", "GDP of $2.1 tn", "$2.1 tn", 2.1e12, "USD"),
    ("ours", "a $250k bonus", "$250k", 250e3, "USD"),
    ("ours", "a $250 thousand bonus", "$250 thousand", 250e3, "USD"),
    ("ours", "cost 5 dollars", "5 dollars", 5.0, "USD"),
    ("ours", "1,234,567 dollars", "1,234,567 dollars", 1234567.0, "USD"),
    ("ours", "USD 53 billion", "USD 53 billion", 53e9, "USD"),
    ("ours", "115USD", "115USD", 115.0, "USD"),
    ("ours", "the 34.99€ price", "34.99€", 34.99, "EUR"),
    ("ours", "a loss of ($99.99)", "($99.99)", -99.99, "USD"),
    ("ours", "it was $2024 each", "$2024", 2024.0, "USD"),
    ("ours", "five million yen", "five million yen", 5e6, "JPY"),
    ("ours", "a million dollars", "a million dollars", 1e6, "USD"),
    ("ours", "two and a half million euros", "two and a half million euros", 2.5e6, "EUR"),
    ("ours", "fees of 30 MUSD", "30 MUSD", 30e6, "USD"),
    ("ours", "revenue of MAUD 60", "MAUD 60", 60e6, "AUD"),
    ("ours", "worth 10 000 dollars", "10 000 dollars", 1e4, "USD"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"), [c[1:] for c in MONEY], ids=[c[0] for c in MONEY]
)
def test_money(text: str, span: str, value: float, unit: str) -> None:
    match = only(text)
    assert (match.kind, match.quantity.text, match.quantity.unit) == ("money", span, unit)
    assert close(match.quantity.value, value)
    assert text[match.start : match.end] == span


# fmt: off
PERCENT_POINTS_MULTIPLES = [
    ("seed-000", "sales climbed 34%", "34%", "percent", 34.0, "%"),
    ("devset-lenovo", "grew 106 percent", "106 percent", "percent", 106.0, "%"),
    ("devset-infosys", "up 12.4 per cent", "12.4 per cent", "percent", 12.4, "%"),
    ("ours", "up 34pc on the year", "34pc", "percent", 34.0, "%"),
    ("ours", "a fall of -2%", "-2%", "percent", -2.0, "%"),
    ("ours", "it dipped minus five percent", "minus five percent", "percent", -5.0, "%"),
    ("ours", "twenty percent of sales", "twenty percent", "percent", 20.0, "%"),
    ("devset-lenovo", "a jump of +155 percent", "+155 percent", "percent", 155.0, "%"),
    ("devset-byd", "margin rose 4.45pp", "4.45pp", "points", 4.45, None),
    ("devset-techmahindra", "up 130 basis points", "130 basis points", "points", 1.3, None),
    ("ours", "down 25bps", "25bps", "points", 0.25, None),
    ("ours", "1.5 percentage points higher", "1.5 percentage points", "points", 1.5, None),
    ("devset-discoverie", "trades on 12x earnings", "12x", "multiple", 12.0, "x"),
    ("devset-alphabet", "rose nearly 5x", "nearly 5x", "multiple", 5.0, "x"),
    ("devset-daicel", "a P/E of 7.2 times", "7.2 times", "multiple", 7.2, "x"),
    ("ours", "20 times earnings", "20 times", "multiple", 20.0, "x"),
    ("ours", "a 5-percent stake", "5-percent", "percent", 5.0, "%"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [c[1:] for c in PERCENT_POINTS_MULTIPLES],
    ids=[c[0] for c in PERCENT_POINTS_MULTIPLES],
)
def test_percent_points_multiples(
    text: str, span: str, kind: str, value: float, unit: str | None
) -> None:
    match = only(text)
    assert (match.kind, match.quantity.text, match.quantity.unit) == (kind, span, unit)
    assert close(match.quantity.value, value)


# fmt: off
HEDGES_AND_BOUNDS = [
    ("seed-000", "a rise of over 72%", "over 72%", False, "min"),
    ("seed-000", "approximately 35% higher", "approximately 35%", True, None),
    ("seed-000", "slipped about 20%", "about 20%", True, None),
    ("seed-000", "peaked around $192", "around $192", True, None),
    ("seed-000", "a multiple of roughly 20", "roughly 20", True, None),
    ("seed-000", "a minimum of 480 million yuan", "a minimum of 480 million yuan", False, "min"),
    ("devset-alphabet", "growth of 13%+", "13%+", False, "min"),
    ("ours", "nearly 50% higher", "nearly 50%", True, None),
    ("ours", "hovering around $150", "hovering around $150", True, None),
    ("ours", "some 20% of sales", "some 20%", True, None),
    ("ours", "close to 30% of sales", "close to 30%", True, None),
    ("ours", "almost 30% of sales", "almost 30%", True, None),
    ("ours", "~5% of sales", "~5%", True, None),
    ("ours", "an estimated £50 million", "an estimated £50 million", True, None),
    ("ours", "circa €40 million", "circa €40 million", True, None),
    ("ours", "more than $1 billion", "more than $1 billion", False, "min"),
    ("ours", "exceeding $1 billion", "exceeding $1 billion", False, "min"),
    ("ours", "at least 45 days", "at least 45 days", False, "min"),
    ("ours", "no less than 10%", "no less than 10%", False, "min"),
    ("ours", "above $1.33", "above $1.33", False, "min"),
    ("ours", "upwards of $3 billion", "upwards of $3 billion", False, "min"),
    ("ours", "500 stores or more", "500 stores or more", False, "min"),
    ("ours", "up to 10% of shares", "up to 10%", False, "max"),
    ("ours", "at most 5%", "at most 5%", False, "max"),
    ("ours", "no more than 5%", "no more than 5%", False, "max"),
    ("ours", "under $20 a share", "under $20", False, "max"),
    ("ours", "below 3%", "below 3%", False, "max"),
    ("ours", "less than 15% of cash", "less than 15%", False, "max"),
    ("ours", "as much as 12%", "as much as 12%", False, "max"),
    ("ours", "Up to $2 billion", "Up to $2 billion", False, "max"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "approx", "bound"),
    [c[1:] for c in HEDGES_AND_BOUNDS],
    ids=[c[0] for c in HEDGES_AND_BOUNDS],
)
def test_hedges_and_bounds(text: str, span: str, approx: bool, bound: str | None) -> None:
    match = only(text)
    assert match.quantity.text == span
    assert (match.quantity.approx, match.quantity.bound) == (approx, bound)


def test_digit_count_phrases() -> None:
    triple, double = find_quantities("triple-digit percentage growth after double-digit gains")
    assert (triple.quantity.value, triple.quantity.bound, triple.kind) == (100.0, "min", "percent")
    assert triple.quantity.text == "triple-digit percentage"
    assert (double.quantity.value, double.quantity.bound) == (10.0, "min")


# fmt: off
RANGES = [
    ("seed-001", "at HKD 3.83 billion to HKD 4.19 billion", "HKD 3.83 billion to HKD 4.19 billion",
     3.83e9, 4.19e9, "HKD", "money"),
    ("ours", "between USD 190 and USD 205 each", "between USD 190 and USD 205",
     190.0, 205.0, "USD", "money"),
    ("ours", "between 16 and 20 brokers", "between 16 and 20 brokers", 16.0, 20.0, "count",
     "count"),
    ("ours", "some 30 to 40 percent of it", "some 30 to 40 percent", 30.0, 40.0, "%", "percent"),
    ("ours", "a target of $28–35", "$28–35", 28.0, 35.0, "USD", "money"),
    ("ours", "a target of $28-$35", "$28-$35", 28.0, 35.0, "USD", "money"),
    ("devset-infosys", "growth of 15-16 per cent", "15-16 per cent", 15.0, 16.0, "%", "percent"),
    ("devset-vijaya", "a band of Rs 522-531", "Rs 522-531", 522.0, 531.0, "INR", "money"),
    ("devset-giantbiogene", "margins of 4.2-4.5%", "4.2-4.5%", 4.2, 4.5, "%", "percent"),
    ("devset-novo", "sales growth of 5-8%", "5-8%", 5.0, 8.0, "%", "percent"),
    ("peer-vectors", "a band of 5k-20k", "5k-20k", 5e3, 20e3, None, "number"),
    ("ours", "valued at $3.83-4.19 billion", "$3.83-4.19 billion", 3.83e9, 4.19e9, "USD", "money"),
    ("ours", "a €2-3bn programme", "€2-3bn", 2e9, 3e9, "EUR", "money"),
    ("ours", "a $3-5m budget", "$3-5m", 3e6, 5e6, "USD", "money"),
    ("ours", "grow 10 to 12% a year", "10 to 12%", 10.0, 12.0, "%", "percent"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit", "kind"),
    [c[1:] for c in RANGES],
    ids=[c[0] for c in RANGES],
)
def test_ranges(text: str, span: str, low: float, high: float, unit: str | None, kind: str) -> None:
    match = only(text)
    q = match.quantity
    assert (match.kind, q.text, q.unit, q.value) == (kind, span, unit, None)
    assert close(q.low, low) and close(q.high, high)


def test_from_to_is_a_change_not_a_range() -> None:
    before, after = find_quantities("margin went from 3 to 5 percent")
    assert (before.quantity.value, before.quantity.unit, before.quantity.text) == (3.0, "%", "3")
    assert (after.quantity.value, after.quantity.unit) == (5.0, "%")
    before, after = find_quantities("fell from 31.6 billion yuan to just 4.9 billion yuan")
    assert (before.quantity.value, after.quantity.value) == (31.6e9, 4.9e9)


def test_year_spans_are_not_ranges() -> None:
    found = find_quantities("the 2024-2026 plan")
    assert [(m.kind, m.quantity.value) for m in found] == [("year", 2024.0), ("year", 2026.0)]


# fmt: off
COUNTS = [
    ("seed-000", "Among 12 covering analysts", "12 covering analysts", "count", 12.0),
    ("devset-alphabet", "it had 180,895 employees", "180,895 employees", "count", 180895.0),
    ("devset-synaptics", "about 5.15 million shares", "about 5.15 million shares", "shares",
     5.15e6),
    ("devset-vijaya", "1,06,61,418 shares", "1,06,61,418 shares", "shares", 10661418.0),
    ("devset-synaptics", "nearly ten days to cover", "nearly ten days", "count", 10.0),
    ("devset-fastretailing", "1,009 stores", "1,009 stores", "count", 1009.0),
    ("seed-000", "over 450 million downloads", "over 450 million downloads", "count", 450e6),
    ("ours", "a dozen investors", "a dozen investors", "count", 12.0),
    ("ours", "twenty-five vehicles", "twenty-five vehicles", "count", 25.0),
    ("ours", "one analyst", "one analyst", "count", 1.0),
    ("ours", "3,200 new jobs", "3,200 new jobs", "count", 3200.0),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"), [c[1:] for c in COUNTS], ids=[c[0] for c in COUNTS]
)
def test_counts(text: str, span: str, kind: str, value: float) -> None:
    match = only(text)
    assert (match.kind, match.quantity.text, match.quantity.unit) == (kind, span, kind)
    assert close(match.quantity.value, value)


@pytest.mark.parametrize(
    "text",
    ["five out of the 10 analysts", "16 of 17 analysts"],
    ids=["devset-synaptics", "seed-000"],
)
def test_count_and_its_total(text: str) -> None:
    assert [m.kind for m in find_quantities(text)] == ["count", "count"]


NOT_QUANTITIES = [
    ("seed-000", "05.02.2025 - 09:15:42"),
    ("seed-000", "Q2 FY2026"),
    ("ours", "results for 1H16 and Q2FY22"),
    ("peer-vectors", "15.08.2017"),
    ("ours", "on March 5, 2025"),
    ("ours", "the 11th and 4th places"),
    ("ours", "5G phones and 3D chips"),
    ("ours", "in 1Q the A320 flew"),
    ("ours", "a one-off charge"),
    ("ours", "the twenty-first year"),
    ("ours", "an ISIN US01609W1027"),
    ("ours", "a 5m walk"),
    ("ours", "a twenty-pound bag"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_QUANTITIES], ids=[c[0] for c in NOT_QUANTITIES])
def test_not_quantities(text: str) -> None:
    found = [m for m in find_quantities(text) if m.kind not in ("year",)]
    assert found == [], [m.quantity.text for m in found]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("July, 2004", ["year"]),
        ("in 2024 and 1989", ["year", "year"]),
        ("a 2,024 count", ["number"]),
        ("the twenty pound bag", ["number"]),
    ],
    ids=["peer-vectors", "ours", "ours", "peer-vectors"],
)
def test_years_and_plain_numbers(text: str, kinds: list[str]) -> None:
    assert [m.kind for m in find_quantities(text)] == kinds


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("£94.50 GBP and 10 rmb 20 usd", ["£94.50", "10 rmb", "20 usd"]),
        ("HK$10 ($1.28) per share", ["HK$10", "$1.28"]),  # a conversion, not a negative
    ],
    ids=["peer-vectors", "ours"],
)
def test_each_currency_belongs_to_one_amount(text: str, texts: list[str]) -> None:
    assert [m.quantity.text for m in find_quantities(text) if (m.quantity.value or 0) > 0] == texts


def test_odd_text_does_not_hide_later_quantities() -> None:
    text = "Q2FY22 1H16 %%% $$ 04.01.2026 ((( 1,2,3 ... revenue was $5.59 billion."
    assert find_quantities(text)[-1].quantity.value == 5.59e9


def test_parse_quantity() -> None:
    assert parse_quantity("$5.59 billion") == Quantity(5.59e9, "USD", "$5.59 billion")
    assert parse_quantity("HKD 3.83 billion to HKD 4.19 billion") == Quantity(
        None, "HKD", "HKD 3.83 billion to HKD 4.19 billion", low=3.83e9, high=4.19e9
    )
    assert parse_quantity("") is None


# Text made of amount-like pieces, so that the properties exercise the parser, not prose.
# fmt: off
_PIECES = st.sampled_from([
    " ", "$", "HK$", "US", "€", "£", "¥", "Rs.", "USD", "-", "−", "–", "(", ")", "%", "+", ",",
    ".", ":", "/", "~", "0", "1", "12", "3.5", "1,234", "2,45,600", "2024", "bn", "m", "M", "B",
    "k", "billion", "million", "crore", "lakh", "yuan", "cents", "p", "pp", "bps", "x", "times",
    "percent", "per cent", "shares", "analysts", "to", "and", "between", "from", "over",
    "about", "up to", "or more", "one", "twenty", "a", "half", "dozen", "Q2", "FY", "January",
    "\n", "é", "İ", "SKr", "SFr.", "R", "c", "riyals", "crowns", "SR", "COP", "plus or minus",
    "by", "$(", ")%",
])
# fmt: on
_AMOUNTISH = st.lists(_PIECES, max_size=30).map("".join)


def _well_formed(text: str) -> None:
    # find_quantities swallows a parser error by design; the parser itself must not raise.
    found = quantities._find(text)
    for m in found:
        assert text[m.start : m.end] == m.quantity.text
        assert m.quantity.text
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@settings(max_examples=400, deadline=None)
@given(_AMOUNTISH)
def test_amount_like_text_never_breaks(text: str) -> None:
    _well_formed(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_random_text_never_breaks(text: str) -> None:
    _well_formed(text)

"""The quantity parser, round 2: phrasing families met in new articles (Nordic, Swiss, Gulf,
South African and US press-release styles). Every sentence is our own; ids name the family.
"""

from __future__ import annotations

import pytest

from briefing.extract.quantities import QuantityMatch, find_quantities


def only(text: str) -> QuantityMatch:
    found = [m for m in find_quantities(text) if m.kind != "year"]
    assert len(found) == 1, [m.quantity.text for m in found]
    return found[0]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


# fmt: off
MONEY = [
    # Nordic and Swiss abbreviations glued to the amount, as the FT writes them
    ("ours-nordic-prefix", "half-year sales of SFr31.2bn", "SFr31.2bn", 31.2e9, "CHF"),
    ("ours-nordic-prefix", "a dividend of Sfr 4.75", "Sfr 4.75", 4.75, "CHF"),
    ("ours-nordic-prefix", "a payout of SFr. 12", "SFr. 12", 12.0, "CHF"),
    ("ours-nordic-prefix", "closing at SKr212.40 in Stockholm", "SKr212.40", 212.4, "SEK"),
    ("ours-nordic-prefix", "wiping SKr9bn off its value", "SKr9bn", 9e9, "SEK"),
    ("ours-nordic-prefix", "an ebita of SKr655mn", "SKr655mn", 655e6, "SEK"),
    ("ours-nordic-prefix", "an order worth NKr3.1bn", "NKr3.1bn", 3.1e9, "NOK"),
    ("ours-nordic-prefix", "a profit of DKr14.7bn", "DKr14.7bn", 14.7e9, "DKK"),
    # the rand: "R" glued to an amount in money form, or with a money word nearby
    ("ours-rand", "earnings per share of R15.82", "R15.82", 15.82, "ZAR"),
    ("ours-rand", "turnover climbed to R104.6bn", "R104.6bn", 104.6e9, "ZAR"),
    ("ours-rand", "it unveiled a R7bn share buyback", "R7bn", 7e9, "ZAR"),
    ("ours-rand", "a bid of R1,250 for each unit", "R1,250", 1250.0, "ZAR"),
    ("ours-rand", "the offer price of R56 was final", "R56", 56.0, "ZAR"),
    # cents glued to the digits, read like "cents"
    ("ours-glued-cents", "a final dividend of 412c a share", "412c", 4.12, "USD"),
    ("ours-glued-cents", "an interim payout of 97.5c per share", "97.5c", 0.975, "USD"),
    # Gulf, emerging-market and other currencies: names, codes and prefixes
    ("ours-gulf", "net profit of 2.04 billion riyals", "2.04 billion riyals", 2.04e9, "SAR"),
    ("ours-gulf", "sales of SAR 12.7 billion", "SAR 12.7 billion", 12.7e9, "SAR"),
    ("ours-gulf", "a target of SR 95.50 a share", "SR 95.50", 95.5, "SAR"),
    ("ours-gulf", "a loan of 3.6 billion dirhams", "3.6 billion dirhams", 3.6e9, "AED"),
    ("ours-gulf", "a AED 4.1 billion bond", "AED 4.1 billion", 4.1e9, "AED"),
    ("ours-gulf", "revenue of Dh 1.9 billion", "Dh 1.9 billion", 1.9e9, "AED"),
    ("ours-gulf", "a QAR 800 million facility", "QAR 800 million", 800e6, "QAR"),
    ("ours-gulf", "a 900 million Qatari riyals sukuk", "900 million Qatari riyals", 900e6, "QAR"),
    ("ours-gulf", "profit of KWD 45 million", "KWD 45 million", 45e6, "KWD"),
    ("ours-emerging", "sales of EGP 6.2 billion", "EGP 6.2 billion", 6.2e9, "EGP"),
    ("ours-emerging", "7.5 billion Egyptian pounds", "7.5 billion Egyptian pounds", 7.5e9, "EGP"),
    ("ours-emerging", "a 90 billion naira loan", "90 billion naira", 90e9, "NGN"),
    ("ours-emerging", "KES 2.3 billion in fees", "KES 2.3 billion", 2.3e9, "KES"),
    ("ours-emerging", "a profit of Rp412 billion", "Rp412 billion", 412e9, "IDR"),
    ("ours-emerging", "5.1 trillion rupiah of loans", "5.1 trillion rupiah", 5.1e12, "IDR"),
    ("ours-emerging", "IDR 3 trillion", "IDR 3 trillion", 3e12, "IDR"),
    ("ours-emerging", "a RM2.4bn contract", "RM2.4bn", 2.4e9, "MYR"),
    ("ours-emerging", "1.1 billion ringgit", "1.1 billion ringgit", 1.1e9, "MYR"),
    ("ours-emerging", "MYR 600 million", "MYR 600 million", 600e6, "MYR"),
    ("ours-emerging", "PHP 18.5 billion in capex", "PHP 18.5 billion", 18.5e9, "PHP"),
    ("ours-emerging", "42 billion baht of orders", "42 billion baht", 42e9, "THB"),
    ("ours-emerging", "THB 1,200 million", "THB 1,200 million", 1.2e9, "THB"),
    ("ours-europe", "a 2.2 billion zloty bid", "2.2 billion zloty", 2.2e9, "PLN"),
    ("ours-europe", "PLN 410 million", "PLN 410 million", 410e6, "PLN"),
    ("ours-europe", "CZK 8 billion", "CZK 8 billion", 8e9, "CZK"),
    ("ours-europe", "5.5 billion koruna", "5.5 billion koruna", 5.5e9, "CZK"),
    ("ours-europe", "90 billion forints", "90 billion forints", 90e9, "HUF"),
    ("ours-europe", "HUF 120 billion", "HUF 120 billion", 120e9, "HUF"),
    ("ours-europe", "15 billion lira of debt", "15 billion lira", 15e9, "TRY"),
    ("ours-europe", "TRY 4.8 billion", "TRY 4.8 billion", 4.8e9, "TRY"),
    ("ours-europe", "a 1.4 billion shekel deal", "1.4 billion shekel", 1.4e9, "ILS"),
    ("ours-europe", "ILS 700 million", "ILS 700 million", 700e6, "ILS"),
    ("ours-latam", "sales of R$ 12.3 bilhões", "R$ 12.3", 12.3, "BRL"),
    ("ours-latam", "a R$4.5 billion bond", "R$4.5 billion", 4.5e9, "BRL"),
    ("ours-latam", "9.8 billion reais", "9.8 billion reais", 9.8e9, "BRL"),
    ("ours-latam", "CLP 350 billion", "CLP 350 billion", 350e9, "CLP"),
    ("ours-latam", "COP 1.2 trillion", "COP 1.2 trillion", 1.2e12, "COP"),
    ("ours-latam", "ARS 95 billion", "ARS 95 billion", 95e9, "ARS"),
    ("ours-latam", "2 billion Mexican pesos", "2 billion Mexican pesos", 2e9, "MXN"),
    # crowns named by their country
    ("ours-crowns", "4.4 billion Swedish crowns", "4.4 billion Swedish crowns", 4.4e9, "SEK"),
    ("ours-crowns", "12 billion Danish kroner", "12 billion Danish kroner", 12e9, "DKK"),
    ("ours-crowns", "800 million Norwegian crowns", "800 million Norwegian crowns", 800e6, "NOK"),
    ("ours-crowns", "a 3 billion Czech crowns loan", "3 billion Czech crowns", 3e9, "CZK"),
    # accounting brackets with the currency outside
    ("ours-accounting-brackets", "an operating loss of $(14.6) million", "$(14.6) million",
     -14.6e6, "USD"),
    ("ours-accounting-brackets", "a net loss per share of $(0.12)", "$(0.12)", -0.12, "USD"),
    ("ours-accounting-brackets", "a loss of €(3.2)m", "€(3.2)m", -3.2e6, "EUR"),
    ("ours-accounting-brackets", "a loss of $(1.05) billion", "$(1.05) billion", -1.05e9,
     "USD"),
    # a tolerance is not a sign
    ("ours-tolerance", "revenue of $2bn, plus or minus $75 million", None, 75e6, "USD"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"), [c[1:] for c in MONEY], ids=[c[0] for c in MONEY]
)
def test_money(text: str, span: str | None, value: float, unit: str) -> None:
    found = [m for m in find_quantities(text) if m.kind == "money"]
    match = found[-1] if span is None else only(text)
    assert (match.kind, match.quantity.unit) == ("money", unit)
    if span is not None:
        assert match.quantity.text == span
    assert close(match.quantity.value, value)


# fmt: off
MONEY_IN_AN_UNSTATED_CURRENCY = [
    ("ours-crowns", "operating profit of 3.05 billion crowns", "3.05 billion crowns", 3.05e9),
    ("ours-crowns", "orders worth 7.7 billion kronor", "7.7 billion kronor", 7.7e9),
    ("ours-crowns", "a target of 310 kroner", "310 kroner", 310.0),
    ("ours-crowns", "earnings per share of 4.18 crowns", "4.18 crowns", 4.18),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [c[1:] for c in MONEY_IN_AN_UNSTATED_CURRENCY],
    ids=[c[0] for c in MONEY_IN_AN_UNSTATED_CURRENCY],
)
def test_money_in_an_unstated_currency(text: str, span: str, value: float) -> None:
    """Crowns of no named country are money; the article supplies the currency."""
    match = only(text)
    assert (match.kind, match.quantity.text, match.quantity.unit) == ("money", span, None)
    assert close(match.quantity.value, value)


def test_a_range_of_crowns_is_money() -> None:
    match = only("a payout of 2.1 billion to 2.4 billion crowns")
    q = match.quantity
    assert (match.kind, q.unit, q.low, q.high) == ("money", None, 2.1e9, 2.4e9)


# Amounts that keep to their own reading, or are no amount at all.
# fmt: off
NOT_MONEY = [
    ("ours-rand", "spending on R&D rose", []),
    ("ours-rand", "the R2 robot arm", []),
    ("ours-rand", "the SR2 model", []),
    ("ours-rand", "a STAR12 sensor", []),
    ("ours-glued-cents", "the phone 5c sold well", []),
    ("ours-ambiguous-prefix", "traffic on SR 520 slowed", [("number", 520.0, None)]),
    ("ours-ambiguous-prefix", "the COP 28 summit", [("number", 28.0, None)]),
    ("ours-ambiguous-prefix", "apps on PHP 8.1 run", [("number", 8.1, None)]),
    ("ours-accounting-brackets", "see note (12) below", [("number", 12.0, None)]),
    ("ours-tolerance", "it dipped minus 4%", [("percent", -4.0, "%")]),
    ("ours-crowns", "the crown jewels", []),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in NOT_MONEY], ids=[c[0] for c in NOT_MONEY]
)
def test_not_money(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    found = [(m.kind, m.quantity.value, m.quantity.unit) for m in find_quantities(text)]
    assert found == expected


# fmt: off
BRACKETED_PERCENT = [
    ("ours-accounting-brackets", "a margin of (7)% of revenue", "(7)%", -7.0),
    ("ours-accounting-brackets", "or (12.5)% of sales", "(12.5)%", -12.5),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [c[1:] for c in BRACKETED_PERCENT],
    ids=[c[0] for c in BRACKETED_PERCENT],
)
def test_bracketed_percent_is_negative(text: str, span: str, value: float) -> None:
    match = only(text)
    assert (match.kind, match.quantity.text, match.quantity.value) == ("percent", span, value)


# "X to Y" where the ends cannot be one range: a change and a level, two quantities.
# fmt: off
CHANGE_AND_LEVEL = [
    ("ours-move-to-a-price", "shares rose 3.1% to 74.20 riyals",
     [("percent", "3.1%", 3.1, "%"), ("money", "74.20 riyals", 74.2, "SAR")]),
    ("ours-move-to-a-price", "the stock jumped 6.2% to 301.40 crowns",
     [("percent", "6.2%", 6.2, "%"), ("money", "301.40 crowns", 301.4, None)]),
    ("ours-move-to-a-price", "the index rose 0.8% to 12,480",
     [("percent", "0.8%", 0.8, "%"), ("number", "12,480", 12480.0, None)]),
    ("ours-move-to-a-level", "sales rose 2.6 percent to 712.5 billion",
     [("percent", "2.6 percent", 2.6, "%"), ("number", "712.5 billion", 712.5e9, None)]),
    ("ours-move-to-a-level", "profit grew by 4% to 3.3 billion",
     [("percent", "4%", 4.0, "%"), ("number", "3.3 billion", 3.3e9, None)]),
    ("ours-by-to", "net debt fell by £212m to £1.46bn",
     [("money", "£212m", 212e6, "GBP"), ("money", "£1.46bn", 1.46e9, "GBP")]),
    ("ours-by-to", "costs rose by $40 million to $310 million",
     [("money", "$40 million", 40e6, "USD"), ("money", "$310 million", 310e6, "USD")]),
    ("ours-by-to", "the margin improved by 2% to 9%",
     [("percent", "2%", 2.0, "%"), ("percent", "9%", 9.0, "%")]),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CHANGE_AND_LEVEL], ids=[c[0] for c in CHANGE_AND_LEVEL]
)
def test_change_and_level_are_two_quantities(
    text: str, expected: list[tuple[str, str, float, str | None]]
) -> None:
    found = find_quantities(text)
    got = [(m.kind, m.quantity.text, m.quantity.value, m.quantity.unit) for m in found]
    assert [g[:2] + g[3:] for g in got] == [e[:2] + e[3:] for e in expected]
    assert all(close(g[2], e[2]) for g, e in zip(got, expected, strict=True))


# Ranges that must stay ranges under the new rules.
# fmt: off
STILL_RANGES = [
    ("ours-by-to", "sales should grow by 3 to 5 percent", "3 to 5 percent", 3.0, 5.0, "%"),
    ("ours-move-to-a-level", "growth of 5 to 9%", "5 to 9%", 5.0, 9.0, "%"),
    ("ours-move-to-a-level", "a rise of 6 to 40 percent", "6 to 40 percent", 6.0, 40.0, "%"),
    ("ours-move-to-a-level", "a $400m to $1.1bn charge", "$400m to $1.1bn", 400e6, 1.1e9, "USD"),
    ("ours-move-to-a-level", "a $2 to 3 billion deal", "$2 to 3 billion", 2e9, 3e9, "USD"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [c[1:] for c in STILL_RANGES],
    ids=[c[0] for c in STILL_RANGES],
)
def test_still_ranges(text: str, span: str, low: float, high: float, unit: str) -> None:
    q = only(text).quantity
    assert (q.text, q.unit, q.value) == (span, unit, None)
    assert close(q.low, low) and close(q.high, high)


@pytest.mark.parametrize(
    "text",
    ["2% - 2.5 billion", "between 3% and 1.2 million", "a 4%-2 billion swing"],
    ids=["ours-move-to-a-level"] * 3,
)
def test_a_percentage_never_joins_a_scaled_number(text: str) -> None:
    assert all(m.quantity.value is not None for m in find_quantities(text))

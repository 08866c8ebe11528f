"""Figures written for people: the words a briefing uses for amounts, shares and multiples.

One place decides how a number reads ("USD 5.59 billion", "34%", "about 20x", "more than
72%"), so the summary, the Markdown report, the GUI and the PDF never disagree. The text an
article used is kept elsewhere (the ``*_text`` columns); these functions write our own.
"""

from __future__ import annotations

import math
from typing import Final

from briefing.domain.model import Quantity

# Scale words for large amounts, largest first.
_SCALES: Final[tuple[tuple[float, str], ...]] = (
    (1e12, "trillion"),
    (1e9, "billion"),
    (1e6, "million"),
)
_NON_CURRENCY_UNITS: Final = frozenset({"%", "x", "count", "shares"})


def is_currency(unit: str | None) -> bool:
    """Whether a quantity's unit is an ISO 4217 currency code.

    >>> is_currency("HKD"), is_currency("%"), is_currency(None)
    (True, False, False)
    """
    return unit is not None and unit not in _NON_CURRENCY_UNITS and len(unit) == 3


def _trimmed(number: float, digits: int) -> str:
    text = f"{number:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_number(number: float) -> str:
    """A number with as many decimals as it needs (at most three significant after the
    scale word), thousands separated.

    >>> format_number(5.59e9), format_number(152.0), format_number(8.57), format_number(-2.18e10)
    ('5.59 billion', '152', '8.57', '-21.8 billion')
    >>> format_number(30_500_000), format_number(1234.5)
    ('30.5 million', '1,234.5')
    """
    if math.isnan(number):
        return "n/a"
    magnitude = abs(number)
    for scale, word in _SCALES:
        if magnitude >= scale:
            scaled = number / scale
            digits = 2 if abs(scaled) < 10 else 1 if abs(scaled) < 100 else 0
            return f"{_trimmed(scaled, digits)} {word}"
    digits = 2 if magnitude < 1000 else 1
    return _trimmed(number, digits)


def format_value(number: float, unit: str | None) -> str:
    """One number in its unit.

    >>> format_value(2.5e8, "USD"), format_value(34.0, "%"), format_value(20.0, "x")
    ('USD 250 million', '34%', '20x')
    >>> format_value(16.0, "count"), format_value(6.0, "HKD"), format_value(3.0, None)
    ('16', 'HKD 6', '3')
    """
    text = format_number(number)
    if unit == "%":
        return f"{text}%"
    if unit == "x":
        return f"{text}x"
    if is_currency(unit):
        return f"{unit} {text}"
    if unit == "shares":
        return f"{text} shares"
    return text


def format_quantity(quantity: Quantity) -> str:
    """A stated quantity in our words, keeping its range, bound and hedge.

    >>> format_quantity(Quantity(72.0, "%", "more than 72%", bound="min"))
    'more than 72%'
    >>> format_quantity(Quantity(None, "USD", "USD 190 to 205", low=190.0, high=205.0))
    'USD 190–205'
    >>> format_quantity(Quantity(20.0, "x", "about 20", approx=True))
    'about 20x'
    >>> format_quantity(Quantity(5.6e8, "CNY", "at least 560 million yuan", bound="min"))
    'at least CNY 560 million'
    """
    if quantity.value is None and quantity.low is not None and quantity.high is not None:
        return _format_range(quantity.low, quantity.high, quantity.unit)
    number = quantity.value
    if number is None:
        number = quantity.low if quantity.low is not None else quantity.high
    if number is None:
        return quantity.text
    text = format_value(number, quantity.unit)
    if quantity.bound == "min":
        # "at least" for amounts (a contract floor), "more than" for shares and changes.
        return f"{'at least' if is_currency(quantity.unit) else 'more than'} {text}"
    if quantity.bound == "max":
        return f"up to {text}"
    if quantity.approx:
        return f"about {text}"
    return text


def _format_range(low: float, high: float, unit: str | None) -> str:
    """Both ends under one unit and, when they share it, one scale word.

    >>> _format_range(3.83e9, 4.19e9, "HKD"), _format_range(190.0, 205.0, "USD")
    ('HKD 3.83–4.19 billion', 'USD 190–205')
    >>> _format_range(16.0, 20.0, "x"), _format_range(9e8, 1.2e9, "EUR")
    ('16–20x', 'EUR 900 million–1.2 billion')
    """
    low_text, high_text = format_number(low), format_number(high)
    low_words, high_words = low_text.split(" "), high_text.split(" ")
    if len(low_words) == 2 and len(high_words) == 2 and low_words[1] == high_words[1]:
        body = f"{low_words[0]}–{high_text}"
    else:
        body = f"{low_text}–{high_text}"
    if unit == "%":
        return f"{body}%"
    if unit == "x":
        return f"{body}x"
    return f"{unit} {body}" if is_currency(unit) else body


METRIC_WORDS: Final = {
    "ebitda": "EBITDA",
    "ebitda_margin": "EBITDA margin",
    "ebit": "EBIT",
    "eps": "EPS",
    "capex": "capex",
    "free_cash_flow": "free cash flow",
    "guidance_eps": "EPS guidance",
    "guidance_revenue": "revenue guidance",
}


MULTIPLE_WORDS: Final = {
    "pe": "P/E",
    "forward_pe": "forward P/E",
    "ev_ebitda": "EV/EBITDA",
    "ps": "P/S",
    "pb": "P/B",
}


def metric_words(metric: str) -> str:
    """A metric (or valuation multiple) name as a reader writes it.

    >>> metric_words("ebitda_margin"), metric_words("operating_income"), metric_words("forward_pe")
    ('EBITDA margin', 'operating income', 'forward P/E')
    """
    if metric in MULTIPLE_WORDS:
        return MULTIPLE_WORDS[metric]
    return METRIC_WORDS.get(metric, metric.replace("_", " "))


def format_change(change_pct: float) -> str:
    """A stated change as a signed percentage.

    >>> format_change(34.0), format_change(-71.0), format_change(0.0)
    ('+34%', '−71%', '0%')
    """
    if change_pct > 0:
        return f"+{format_number(change_pct)}%"
    if change_pct < 0:
        return f"−{format_number(-change_pct)}%"
    return "0%"


def format_date(stamp: object) -> str | None:
    """A date as "3 Jan 2026"; None for a missing one.

    >>> import pandas as pd
    >>> format_date(pd.Timestamp("2026-01-03")), format_date(pd.NaT)
    ('3 Jan 2026', None)
    """
    if stamp is None or not hasattr(stamp, "strftime"):
        return None
    try:
        if stamp != stamp:  # NaT
            return None
        # Month names from our table, not strftime's %b: Qt sets the C library's locale
        # from the user's, which would mix a "Mär" into English text (and %b is slow).
        month = month_abbreviation(int(stamp.month))  # type: ignore[attr-defined]
        return f"{int(stamp.day)} {month} {int(stamp.year)}"  # type: ignore[attr-defined]
    except (ValueError, TypeError, IndexError):
        return None


def month_abbreviation(month: int) -> str:
    """The English abbreviation of ``month`` (1-12), whatever the C library's locale.

    >>> month_abbreviation(1), month_abbreviation(12)
    ('Jan', 'Dec')
    """
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    return _MONTH_ABBREVIATIONS[month - 1]


_MONTH_ABBREVIATIONS: Final = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip

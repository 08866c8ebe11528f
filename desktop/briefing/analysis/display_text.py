"""Plain-text pieces of a briefing's rows, shared by every reader of the briefing: the
Markdown report, the window's tables and the PDF. Nothing here escapes: each reader
escapes for its own medium (Markdown, Qt plain text, HTML).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from briefing.analysis.conflicts import quantity_from_row
from briefing.analysis.formatting import format_date, format_quantity, format_value, metric_words
from briefing.analysis.summary import FACT_WORDS

if TYPE_CHECKING:
    from briefing.analysis.briefing import Briefing

# Words for the verdict of a stated upside checked against the one recomputed.
_CHECK_WORDS: Final = {"same": "agrees", "consistent": "agrees", "soft": "agrees"}


def cell(row: Any, column: str) -> Any:
    """A row's value, ``None`` for a missing column or any kind of missing value.

    >>> cell({"a": float("nan"), "b": 2}, "a") is None, cell({"b": 2}, "b")
    (True, 2)
    """
    value = row.get(column) if hasattr(row, "get") else None
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def quantity_text(row: Any, prefix: str = "value") -> str:
    """The quantity flattened under ``prefix`` as written for a reader ("" when none)."""
    quantity = quantity_from_row(row, prefix)
    return "" if quantity is None else format_quantity(quantity)


def converted_text(row: Any, prefix: str) -> str:
    """The approximate amount in the reporting currency ("≈ USD 1.2 billion"), "" if none.

    >>> converted_text({"amount_reported_value": 1.2e9, "reporting_currency": "USD"}, "amount")
    '≈ USD 1.2 billion'
    """
    value = cell(row, f"{prefix}_reported_value")
    low, high = cell(row, f"{prefix}_reported_low"), cell(row, f"{prefix}_reported_high")
    currency = cell(row, "reporting_currency")
    if currency is None:
        return ""
    if value is not None:
        return f"≈ {format_value(float(value), str(currency))}"
    if low is not None and high is not None:
        return f"≈ {format_value(float(low), str(currency))}–{format_value(float(high), None)}"
    return ""


def terms_text(row: Any) -> str:
    """A deal's terms on one line ("coupon 1.5%; maturity 2031").

    >>> terms_text({"terms": '{"maturity": "2031"}'})
    'maturity 2031'
    """
    terms = json.loads(str(row["terms"])) if isinstance(cell(row, "terms"), str) else {}
    parts = []
    for name, term in terms.items():
        if isinstance(term, dict):
            quantity = quantity_from_row({f"value_{k}": v for k, v in term.items()})
            term = format_quantity(quantity) if quantity is not None else term.get("text", "")
        parts.append(f"{name.replace('_', ' ')} {term}")
    return "; ".join(parts)


def check_words(verdict: object) -> str:
    """A stated upside against the recomputed one, in a word.

    >>> check_words("consistent"), check_words("conflict"), check_words(None)
    ('agrees', 'differs', '')
    """
    if verdict == "conflict":
        return "differs"
    return _CHECK_WORDS.get(str(verdict), "") if verdict is not None else ""


def implied_upside_text(row: Any) -> str:
    """The upside recomputed from target and price ("35%", "25–35%"), "" without a price.

    >>> implied_upside_text({"implied_upside_low": 25.0, "implied_upside_high": 34.9})
    '25–35%'
    """
    low, high = cell(row, "implied_upside_low"), cell(row, "implied_upside_high")
    if low is None or high is None:
        return ""
    return f"{low:.0f}%" if round(low) == round(high) else f"{low:.0f}–{high:.0f}%"


def fact_title(row: Any) -> str:
    """The fact a comparison is about ("Cloud revenue (2025 Q3)", "price target, Nomura").

    >>> fact_title({"kind": "view", "fact": "price_performance", "period": "2025"})
    'share performance (2025)'
    >>> fact_title({"kind": "view", "fact": "valuation_multiple", "metric": "forward_pe"})
    'valuation multiple, forward P/E'
    """
    fact = str(row["fact"])
    title = metric_words(fact) if row["kind"] == "metric" else FACT_WORDS.get(fact, fact)
    for column in ("segment", "stat", "metric", "firm"):
        value = cell(row, column)
        if column == "metric" and value is not None:  # "forward_pe / pe" -> "forward P/E / P/E"
            value = " / ".join(metric_words(part.strip()) for part in str(value).split("/"))
        if value is not None and value != fact:
            title = f"{value} {title}" if column in ("segment", "stat") else f"{title}, {value}"
    period = cell(row, "period")
    return f"{title} ({period})" if period else title


def difference_text(row: Any) -> str:
    """How far apart a comparison's two values are, signed in front ("+5 points",
    "−USD 2 million").

    >>> difference_text({"difference": 5.0, "unit": "%"})
    '+5 points'
    >>> difference_text({"difference": -2e6, "unit": "USD"})
    '−USD 2 million'
    """
    value = cell(row, "difference")
    if value is None:
        return "not computable"
    unit = cell(row, "unit")
    sign = "+" if value > 0 else "−" if value < 0 else ""
    if unit == "%":
        return f"{sign}{format_value(abs(float(value)), None)} points"
    return f"{sign}{format_value(abs(float(value)), unit)}"


def verdict_words(verdict: object) -> str:
    """A comparison's verdict for a reader.

    >>> verdict_words("soft")
    'soft conflict (compatible bounds, different figures)'
    """
    if verdict == "soft":
        return "soft conflict (compatible bounds, different figures)"
    if verdict == "conflict":
        return "conflict"
    return str(verdict) if verdict is not None else ""


def date_span_text(dates: Iterable[pd.Timestamp | None]) -> str:
    """The span of the dates given ("1 Jan 2026 to 4 Jan 2026", one date once), "" if none.

    >>> date_span_text([pd.Timestamp("2026-01-04"), None, pd.Timestamp("2026-01-01")])
    '1 Jan 2026 to 4 Jan 2026'
    >>> date_span_text([pd.Timestamp("2026-01-04")]), date_span_text([])
    ('4 Jan 2026', '')
    """
    known = [date for date in dates if date is not None and not pd.isna(date)]
    if not known:
        return ""
    first, last = format_date(min(known)) or "", format_date(max(known)) or ""
    return first if first == last else f"{first} to {last}"


def quotes_by_source(briefing: Briefing) -> dict[int, list[str]]:
    """The quoted sentences each source gives the briefing, in the order they are used:
    deals, metrics, then the analyst tables (the sources list of the report and the PDF)."""
    quotes: dict[int, list[str]] = {}
    frames = [
        briefing.deals,
        briefing.metrics,
        briefing.analysts.ratings,
        briefing.analysts.targets,
        briefing.analysts.multiples,
        briefing.analysts.performance,
        briefing.analysts.forecasts,
    ]
    for frame in frames:
        for number, quote in zip(frame["source_number"], frame["quote"], strict=True):
            if pd.isna(number) or not isinstance(quote, str):
                continue
            kept = quotes.setdefault(int(number), [])
            if quote not in kept:
                kept.append(quote)
    return quotes

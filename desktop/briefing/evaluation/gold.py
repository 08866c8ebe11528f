"""Gold annotations of the devset (and the held-out set, which uses the same format).

The gold format is described in ``shared/devset/README.md``. Gold quantities are read into
the domain ``Quantity`` so gold and extraction are compared with one set of helpers. One
gold quirk is normalised here: a ``rating_count`` view states its count as a quantity with
unit ``count`` (``{"value": 5, "unit": "count"}``) rather than in ``count``; the loader puts
that number into ``count`` as well, so the scorer compares counts with counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.domain.model import Quantity


@dataclass(frozen=True, slots=True)
class GoldDeal:
    type: str
    buyer: str | None
    counterparty: str | None
    amount: Quantity | None
    quote: str
    valuation: Quantity | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class GoldMetric:
    company: str | None
    segment: str | None
    name: str
    period: str | None
    value: Quantity | None
    quote: str
    change_pct: float | None = None
    previous: Quantity | None = None
    raw_name: str | None = None


@dataclass(frozen=True, slots=True)
class GoldView:
    type: str
    company: str | None
    value: Quantity | None
    quote: str
    label: str | None = None
    firm: str | None = None
    previous_label: str | None = None
    stat: str | None = None
    metric: str | None = None
    period: str | None = None
    count: int | None = None
    of: int | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold file: the article it annotates and what a perfect extractor returns."""

    article: str
    published: str | None
    primary_company: str | None
    deals: tuple[GoldDeal, ...]
    metrics: tuple[GoldMetric, ...]
    analyst_views: tuple[GoldView, ...]
    origin: str | None = None
    source_file: str | None = None


def _quantity(data: Mapping[str, Any] | None) -> Quantity | None:
    if not data:
        return None
    value, low, high = data.get("value"), data.get("low"), data.get("high")
    if value is None and low is None and high is None:
        return None
    return Quantity(
        value=None if value is None else float(value),
        unit=data.get("unit"),
        text=str(data.get("text", "")),
        low=None if low is None else float(low),
        high=None if high is None else float(high),
    )


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def parse_deal(data: Mapping[str, Any]) -> GoldDeal:
    return GoldDeal(
        type=str(data["type"]),
        buyer=data.get("buyer"),
        counterparty=data.get("counterparty"),
        amount=_quantity(data.get("amount")),
        valuation=_quantity(data.get("valuation")),
        date=data.get("date"),
        quote=str(data.get("quote", "")),
    )


def parse_metric(data: Mapping[str, Any]) -> GoldMetric:
    return GoldMetric(
        company=data.get("company"),
        segment=data.get("segment"),
        name=str(data["name"]),
        raw_name=data.get("raw_name"),
        period=data.get("period"),
        value=_quantity(data.get("value")),
        previous=_quantity(data.get("previous")),
        change_pct=_optional_float(data.get("change_pct")),
        quote=str(data.get("quote", "")),
    )


def parse_view(data: Mapping[str, Any]) -> GoldView:
    """A gold view; a ``rating_count`` whose count sits in ``value`` gets it in ``count``.

    >>> view = parse_view({"type": "rating_count", "company": "X", "label": "Hold",
    ...                    "value": {"value": 4, "unit": "count"}, "of": 10, "quote": "q"})
    >>> view.count, view.of
    (4, 10)
    """
    value = _quantity(data.get("value"))
    count = _optional_int(data.get("count"))
    if count is None and data["type"] == "rating_count" and value and value.value is not None:
        count = int(value.value)
    return GoldView(
        type=str(data["type"]),
        company=data.get("company"),
        firm=data.get("firm"),
        value=value,
        label=data.get("label"),
        previous_label=data.get("previous_label"),
        stat=data.get("stat"),
        metric=data.get("metric"),
        period=data.get("period"),
        count=count,
        of=_optional_int(data.get("of")),
        quote=str(data.get("quote", "")),
    )


def parse_gold(data: Mapping[str, Any], source_file: str | None = None) -> GoldArticle:
    """One gold article from its JSON object.

    >>> gold = parse_gold({"article": "a.txt", "published": None, "primary_company": "Acme",
    ...     "deals": [{"type": "buyback", "buyer": "Acme", "counterparty": None,
    ...                "amount": {"value": 5e8, "unit": "USD"}, "date": None, "quote": "q"}],
    ...     "metrics": [], "analyst_views": []})
    >>> gold.deals[0].amount.value
    500000000.0
    """
    return GoldArticle(
        article=str(data["article"]),
        origin=data.get("origin"),
        published=data.get("published"),
        primary_company=data.get("primary_company"),
        deals=tuple(parse_deal(d) for d in data.get("deals") or ()),
        metrics=tuple(parse_metric(m) for m in data.get("metrics") or ()),
        analyst_views=tuple(parse_view(v) for v in data.get("analyst_views") or ()),
        source_file=source_file,
    )


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every ``*.json`` gold file in ``gold_dir``, sorted by file name."""
    articles = []
    for path in sorted(gold_dir.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            articles.append(parse_gold(json.load(handle), source_file=path.name))
    return articles

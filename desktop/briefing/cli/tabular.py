"""Flat rows of the extraction contract: one row per item with its article and evidence."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

ARTICLE_COLUMNS = ("article_id", "path", "title", "published", "source", "primary_company")
ITEM_COLUMNS = (
    "kind",
    "type",
    "company",
    "buyer",
    "counterparty",
    "segment",
    "firm",
    "period",
    "date",
    "label",
    "previous_label",
    "stat",
    "metric",
    "count",
    "of",
    "value",
    "low",
    "high",
    "unit",
    "approx",
    "bound",
    "amount_text",
    "previous_value",
    "change_pct",
    "valuation_low",
    "valuation_high",
    "terms",
    "confidence",
    "evidence_start",
    "evidence_end",
    "quote",
)
COLUMNS = ARTICLE_COLUMNS + ITEM_COLUMNS


def _quantity_columns(quantity: Mapping[str, Any] | None) -> dict[str, Any]:
    if not quantity:
        return {}
    return {
        "value": quantity.get("value"),
        "low": quantity.get("low"),
        "high": quantity.get("high"),
        "unit": quantity.get("unit"),
        "approx": quantity.get("approx"),
        "bound": quantity.get("bound"),
        "amount_text": quantity.get("text"),
    }


def _item_row(kind: str, item: Mapping[str, Any]) -> dict[str, Any]:
    evidence = item["evidence"]
    row: dict[str, Any] = {
        "kind": kind,
        "type": item.get("type") or item.get("name"),
        "confidence": item.get("confidence"),
        "evidence_start": evidence["start"],
        "evidence_end": evidence["end"],
        "quote": evidence["quote"],
    }
    for column in ITEM_COLUMNS:
        if column in item and column not in row and not isinstance(item[column], dict):
            row[column] = item[column]
    row.update(_quantity_columns(item.get("amount") or item.get("value")))
    previous = item.get("previous")
    if previous:
        row["previous_value"] = previous.get("value")
    valuation = item.get("valuation")
    if valuation:
        row["valuation_low"] = valuation.get("low", valuation.get("value"))
        row["valuation_high"] = valuation.get("high", valuation.get("value"))
    if item.get("terms"):
        row["terms"] = json.dumps(item["terms"], ensure_ascii=False, sort_keys=True)
    return row


def item_rows(articles: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each deal, metric and analyst view as a flat row carrying its article's columns."""
    for article in articles:
        base = {
            "article_id": article["id"],
            "path": article["path"],
            "title": article.get("title"),
            "published": article.get("published"),
            "source": article.get("source"),
            "primary_company": article.get("primary_company"),
        }
        for kind, key in (("deal", "deals"), ("metric", "metrics"), ("view", "analyst_views")):
            for item in article.get(key, ()):
                yield base | _item_row(kind, item)


def write_csv(output: IO[str], articles: Iterable[Mapping[str, Any]]) -> None:
    writer = csv.DictWriter(output, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in item_rows(articles):
        writer.writerow(row)

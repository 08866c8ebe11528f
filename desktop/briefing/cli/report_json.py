"""A company briefing as JSON (``briefing.report/1``): the Markdown report's content for
scripts. Quantities keep the extraction contract's shape; every row keeps its article,
source number and quote; ``conflicts`` is a list of facts, each with its two statements.
"""

from __future__ import annotations

import json
import math
from typing import Any, Final

import pandas as pd

from briefing.analysis.briefing import Briefing, Source
from briefing.analysis.conflicts import quantity_from_row
from briefing.domain.contract import quantity_to_dict

REPORT_SCHEMA: Final = "briefing.report/1"
_QUANTITY_PREFIXES: Final = ("amount", "valuation", "value", "previous")
_QUANTITY_PARTS: Final = ("value", "low", "high", "unit", "approx", "bound", "text")
_DROPPED: Final = frozenset({"title", "path", "_dated"})


def _plain(value: Any) -> Any:
    """A cell as a JSON value: NaN/NaT/NA -> null, timestamps -> ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return (
            value.isoformat()
            if (value.hour, value.minute, value.second) != (0, 0, 0)
            else value.date().isoformat()
        )
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {str(name): value for name, value in record.items()} for record in frame.to_dict("records")
    ]


def rows_payload(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Frame rows as JSON objects; flattened quantities folded back into contract objects."""
    rows = []
    for record in _records(frame):
        row: dict[str, Any] = {}
        for prefix in _QUANTITY_PREFIXES:
            if f"{prefix}_text" in record:
                quantity = quantity_from_row(record, prefix)
                row[prefix] = None if quantity is None else quantity_to_dict(quantity)
        for name, value in record.items():
            column = str(name)
            if column in _DROPPED or column.startswith("_"):
                continue
            if any(column == f"{p}_{part}" for p in _QUANTITY_PREFIXES for part in _QUANTITY_PARTS):
                continue
            if column == "terms" and isinstance(value, str):
                row["terms"] = json.loads(value)
                continue
            row[column] = _plain(value)
        rows.append(row)
    return rows


def _conflict(record: dict[str, Any]) -> dict[str, Any]:
    fact = {
        name: _plain(record[name])
        for name in (
            "kind",
            "company_id",
            "segment",
            "fact",
            "stat",
            "metric",
            "firm",
            "period",
            "verdict",
            "unit",
            "difference",
        )
    }
    fact["statements"] = [
        {
            "value": _plain(record[f"value_{side}"]),
            "source_number": _plain(record[f"source_number_{side}"]),
            "article_id": _plain(record[f"article_{side}"]),
            "published": _plain(record[f"published_{side}"]),
            "source": _plain(record[f"source_{side}"]),
            "quote": _plain(record[f"quote_{side}"]),
        }
        for side in ("a", "b")
    ]
    return fact


def _source(source: Source) -> dict[str, Any]:
    return {
        "number": source.number,
        "article_id": source.article_id,
        "title": source.title,
        "source": source.source,
        "published": _plain(source.published),
        "path": source.path,
        "copies": list(source.copies),
        "copy_sources": list(source.copy_sources),
    }


def briefing_payload(briefing: Briefing) -> dict[str, Any]:
    picture = briefing.analysts
    return {
        "schema": REPORT_SCHEMA,
        "company": briefing.company_id,
        "names": list(briefing.names),
        "isins": list(briefing.isins),
        "reporting_currency": briefing.reporting_currency,
        "summary": [
            {
                "topic": sentence.topic,
                "text": sentence.text,
                "citations": [
                    {
                        "source_number": c.number,
                        "article_id": c.article_id,
                        "quote": c.quote,
                        "start": c.start,
                        "end": c.end,
                    }
                    for c in sentence.citations
                ],
            }
            for sentence in briefing.summary
        ],
        "deals": rows_payload(briefing.deals),
        "metrics": rows_payload(briefing.metrics),
        "metrics_history": rows_payload(briefing.metrics_history),
        "analysts": {
            "ratings": rows_payload(picture.ratings),
            "price_targets": rows_payload(picture.targets),
            "share_prices": rows_payload(picture.share_prices),
            "multiples": rows_payload(picture.multiples),
            "performance": rows_payload(picture.performance),
            "forecasts": rows_payload(picture.forecasts),
        },
        "conflicts": [_conflict(record) for record in _records(briefing.conflicts)],
        "agreements": [
            _conflict(record)
            for record in _records(briefing.comparisons)
            if record["verdict"] not in ("soft", "conflict")
        ],
        "sources": [_source(source) for source in briefing.sources],
    }


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing_payload(briefing), ensure_ascii=False, indent=2) + "\n"

"""Briefing tables as a reader sees them: one text column per thing shown, a numeric sort
column beside each figure, and the evidence (article, offsets, quote) kept on every row so
a reader can go from any cell to its sentence. The window's tables and the PDF's read these.

Each builder takes the briefing's frame (or the library-wide frame of the same kind, which
lacks the per-company columns such as ``role`` or ``source_number``: those cells are blank)
and the briefing's conflicts, and marks the rows whose statement is part of a conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, cast

import pandas as pd

from briefing.analysis.conflict_pairs import normalise_period
from briefing.analysis.display_text import (
    cell,
    check_words,
    converted_text,
    difference_text,
    fact_title,
    implied_upside_text,
    quantity_text,
    terms_text,
    verdict_words,
)
from briefing.analysis.formatting import format_change, format_date, metric_words
from briefing.analysis.summary import DEAL_WORDS, FACT_WORDS

Record = Mapping[str, Any]
# Every display table ends with these, for the jump to the evidence and the conflict mark.
EVIDENCE_COLUMNS: Final = ("article_id", "start", "end", "quote", "conflict")


def _records(frame: pd.DataFrame) -> list[Record]:
    return cast(list[Record], frame.to_dict("records")) if not frame.empty else []


ConflictKey = tuple[str, str, str, str]


def conflict_keys(conflicts: pd.DataFrame | None) -> frozenset[ConflictKey]:
    """(article id, quote, fact, period) of every statement that takes part in a conflict:
    one sentence often states several facts, or one fact for several periods ("up 72% in
    2025, down 20% since its October peak")."""
    if conflicts is None or conflicts.empty:
        return frozenset()
    keys: set[ConflictKey] = set()
    periods = [normalise_period(period) for period in conflicts["period"]]
    for side in ("a", "b"):
        for article, quote, fact, period in zip(
            conflicts[f"article_{side}"],
            conflicts[f"quote_{side}"],
            conflicts["fact"],
            periods,
            strict=True,
        ):
            keys.add((str(article), str(quote), str(fact), period))
    return frozenset(keys)


def _conflict_key(row: Record) -> ConflictKey:
    """A display row's statement, keyed as ``conflict_keys`` keys conflicts."""
    fact = str(cell(row, "view_type") or cell(row, "metric") or "")
    return (str(row["article_id"]), str(row["quote"]), fact, normalise_period(cell(row, "period")))


def source_text(row: Record) -> str:
    """Where a row comes from: "[2] Reuters, 3 Jan 2026" (the number only in a briefing).

    >>> source_text({"source_number": 2, "source": "Reuters", "published": None})
    '[2] Reuters'
    >>> source_text({"source": "Reuters", "published": pd.Timestamp("2026-01-03")})
    'Reuters, 3 Jan 2026'
    """
    number = cell(row, "source_number")
    name = cell(row, "source")
    date = format_date(cell(row, "published"))
    where = ", ".join(
        [str(name) if name is not None else "unknown source", *([date] if date else [])]
    )
    return f"[{int(number)}] {where}" if number is not None else where


def _sort_value(row: Record, prefix: str) -> float | None:
    """The number to sort a figure by: converted when it was, else the stated one."""
    for column in (f"{prefix}_reported_value", f"{prefix}_reported_high"):
        value = cell(row, column)
        if value is not None:
            return float(value)
    for column in (f"{prefix}_value", f"{prefix}_high", f"{prefix}_low"):
        value = cell(row, column)
        if value is not None:
            return float(value)
    return None


def _table(
    frame: pd.DataFrame,
    conflicts: pd.DataFrame | None,
    columns: Mapping[str, Callable[[Record], object]],
) -> pd.DataFrame:
    keys = conflict_keys(conflicts)
    records = _records(frame)
    data: dict[str, list[object]] = {
        name: [make(r) for r in records] for name, make in columns.items()
    }
    data["article_id"] = [r["article_id"] for r in records]
    data["start"] = [int(r["start"]) for r in records]
    data["end"] = [int(r["end"]) for r in records]
    data["quote"] = [r["quote"] for r in records]
    data["conflict"] = [_conflict_key(record) in keys for record in records]
    table = pd.DataFrame(data, columns=[*columns, *EVIDENCE_COLUMNS])
    for name in table.columns:
        if name.endswith("_sort"):
            table[name] = pd.to_numeric(table[name], errors="coerce").astype("float64")
    return table


def _date_sort(row: Record) -> object:
    for column in ("timeline_date", "date", "published"):
        value = cell(row, column)
        if value is not None:
            stamp = pd.Timestamp(value)
            return None if pd.isna(stamp) else float(stamp.value)
    return None


def deal_table(deals: pd.DataFrame, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Deals: date, type, buyer, counterparty, amount stated and converted, terms, source."""
    return _table(
        deals,
        conflicts,
        {
            "date": lambda r: format_date(cell(r, "date")) or "undated",
            "date_sort": _date_sort,
            "type": lambda r: DEAL_WORDS.get(str(r["type"]), str(r["type"]).replace("_", " ")),
            "role": lambda r: cell(r, "role") or "",
            "buyer": lambda r: cell(r, "buyer") or "",
            "counterparty": lambda r: cell(r, "counterparty") or "",
            "amount": lambda r: (
                quantity_text(r, "amount")
                or (f"valued at {v}" if (v := quantity_text(r, "valuation")) else "")
            ),
            "amount_sort": lambda r: _sort_value(r, "amount"),
            "converted": lambda r: converted_text(r, "amount"),
            "terms": terms_text,
            "source": source_text,
        },
    )


def metric_table(metrics: pd.DataFrame, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Segment metrics: segment, metric, period, value, change, previous, source."""

    def change(row: Record) -> str:
        value = cell(row, "change_pct")
        return "" if value is None else format_change(float(value))

    return _table(
        metrics,
        conflicts,
        {
            "company": lambda r: cell(r, "company_id") or cell(r, "company") or "",
            "segment": lambda r: cell(r, "segment") or "whole company",
            "metric": lambda r: metric_words(str(r["metric"])),
            "period": lambda r: cell(r, "period") or "",
            "value": quantity_text,
            "value_sort": lambda r: _sort_value(r, "value"),
            "converted": lambda r: converted_text(r, "value"),
            "change": change,
            "change_sort": lambda r: cell(r, "change_pct"),
            "previous": lambda r: quantity_text(r, "previous"),
            "source": source_text,
        },
    )


def _view_detail(row: Record) -> str:
    """What else a view says besides its value: label, count, price and upside, basis."""
    parts = []
    label = cell(row, "label")
    if label is not None:
        previous = cell(row, "previous_label")
        parts.append(f"{previous} → {label}" if previous is not None else str(label))
    count = cell(row, "count")
    if count is not None:
        of = cell(row, "of")
        parts.append(f"{int(count)}" + (f" of {int(of)}" if of is not None else ""))
    price = cell(row, "price_text")
    if price is not None:
        parts.append(f"price {price}")
    implied = implied_upside_text(row)
    if implied:
        parts.append(f"implied upside {implied}")
    stated = cell(row, "stated_upside_text")
    if stated is not None:
        check = check_words(cell(row, "upside_check"))
        parts.append(f"stated {stated}" + (f" ({check})" if check else ""))
    if cell(row, "is_subject") is False:
        parts.append("peer")
    return "; ".join(parts)


def view_kind(row: Record) -> str:
    """A view's kind in words, with its statistic ("average price target")."""
    kind = FACT_WORDS.get(str(row["view_type"]), str(row["view_type"]).replace("_", " "))
    stat = cell(row, "stat")
    return (
        f"{stat} {kind}" if stat is not None and str(row["view_type"]) == "price_target" else kind
    )


def view_table(views: pd.DataFrame, conflicts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Analyst views: kind, company, firm, value, period, details, source."""
    return _table(
        views,
        conflicts,
        {
            "kind": view_kind,
            "company": lambda r: cell(r, "company_id") or cell(r, "company") or "",
            "firm": lambda r: cell(r, "firm") or "",
            "metric": lambda r: metric_words(str(m)) if (m := cell(r, "metric")) else "",
            "value": quantity_text,
            "value_sort": lambda r: _sort_value(r, "value"),
            "period": lambda r: cell(r, "period") or "",
            "detail": _view_detail,
            "source": source_text,
        },
    )


def analyst_views(tables: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The picture's tables (ratings, targets, prices, multiples, ...) as one frame."""
    kept = [table for table in tables if not table.empty]
    return pd.concat(kept, ignore_index=True) if kept else pd.DataFrame()


def conflict_table(conflicts: pd.DataFrame) -> pd.DataFrame:
    """Conflicts: the fact, the verdict, both values with their sources, the difference."""
    records = _records(conflicts)
    return pd.DataFrame(
        {
            "fact": [fact_title(r) for r in records],
            "company": [cell(r, "company") or cell(r, "company_id") or "" for r in records],
            "verdict": [verdict_words(r["verdict"]) for r in records],
            "value_a": [str(r["value_a"]) for r in records],
            "source_a": [_side_source(r, "a") for r in records],
            "value_b": [str(r["value_b"]) for r in records],
            "source_b": [_side_source(r, "b") for r in records],
            "difference": [difference_text(r) for r in records],
            "row": list(range(len(records))),
        },
        columns=[
            "fact",
            "company",
            "verdict",
            "value_a",
            "source_a",
            "value_b",
            "source_b",
            "difference",
            "row",
        ],
    )


def _side_source(row: Record, side: str) -> str:
    return source_text(
        {
            "source_number": cell(row, f"source_number_{side}"),
            "source": cell(row, f"source_{side}"),
            "published": cell(row, f"published_{side}"),
        }
    )

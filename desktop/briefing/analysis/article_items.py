"""One article's extracted items (deals, metrics, analyst views) for the Article tab.

Every item becomes one row with its kind, its evidence span and a one-line summary in our
own words (the same wording the report uses: ``formatting`` for figures, ``summary``'s
deal and fact words), so the GUI can highlight the span and list the items beside the text.
``evidence_spans`` decides which span of the body to highlight when the stored offsets and
the quote disagree (a body normalised again, or a quote found by a later engine).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final, cast

import pandas as pd

from briefing.analysis.briefing import segment_names
from briefing.analysis.conflict_pairs import quantity_from_row, text_or_none
from briefing.analysis.formatting import format_change, format_date, format_quantity, metric_words
from briefing.analysis.frames import Frames
from briefing.analysis.summary import DEAL_WORDS, FACT_WORDS

ITEM_KINDS: Final = ("deal", "metric", "view")
ITEM_COLUMNS: Final = ("kind", "start", "end", "quote", "summary", "item_key")

Row = Mapping[str, Any]


def _text(row: Row, column: str) -> str | None:
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return text_or_none(value)


def _quantity_words(row: Row, prefix: str) -> str | None:
    quantity = quantity_from_row(row, prefix)
    return None if quantity is None else format_quantity(quantity)


def _capitalised(text: str) -> str:
    """
    >>> _capitalised("convertible bond"), _capitalised("EPS forecast"), _capitalised("")
    ('Convertible bond', 'EPS forecast', '')
    """
    return text[:1].upper() + text[1:]


def deal_summary(row: Row) -> str:
    """E.g. "Convertible bond: Alibaba -> Meitu, USD 250 million, 3 Jan 2026"."""
    kind = str(row.get("type") or "other")
    parties = " -> ".join(
        name for name in (_text(row, "buyer"), _text(row, "counterparty")) if name is not None
    )
    parts = [parties] if parties else []
    amount = _quantity_words(row, "amount")
    valuation = _quantity_words(row, "valuation")
    if amount is not None:
        parts.append(amount)
    if valuation is not None:
        parts.append(f"valued at {valuation}")
    date = format_date(row.get("date"))
    if date is not None:
        parts.append(date)
    head = _capitalised(DEAL_WORDS.get(kind, kind.replace("_", " ")))
    return f"{head}: {', '.join(parts)}" if parts else head


def metric_summary(row: Row) -> str:
    """E.g. "Cloud Intelligence Group revenue Q2 FY2026: USD 5.59 billion, +34%"."""
    owner = _text(row, "segment") or _text(row, "company")
    words = [owner, metric_words(str(row.get("metric") or "metric")), _text(row, "period")]
    head = _capitalised(" ".join(word for word in words if word))
    value = _quantity_words(row, "value")
    parts = [] if value is None else [value]
    change = row.get("change_pct")
    if isinstance(change, float) and not math.isnan(change):
        parts.append(format_change(change))
    previous = _quantity_words(row, "previous")
    if previous is not None:
        parts.append(f"previously {previous}")
    return f"{head}: {', '.join(parts) or 'no figure'}"


def view_summary(row: Row, article_company: str | None = None) -> str:
    """E.g. "Price target (average): USD 205"; names the company when it is not the
    article's own (a peer's multiple)."""
    view_type = str(row.get("view_type") or "view")
    head = FACT_WORDS.get(view_type, view_type.replace("_", " "))
    metric = _text(row, "metric")
    if metric is not None:
        # A multiple reads by its name ("forward P/E"); other views name their metric.
        head = (
            metric_words(metric)
            if view_type == "valuation_multiple"
            else f"{head} {metric_words(metric)}"
        )
    value = _quantity_words(row, "value")
    label = _text(row, "label")
    # A label next to a figure qualifies it ("current price"); alone it is the view (a rating).
    qualifiers = [word for word in (_text(row, "stat"), _text(row, "firm")) if word]
    if value is not None and label is not None:
        qualifiers.append(label)
    if qualifiers:
        head = f"{head} ({', '.join(qualifiers)})"
    period = _text(row, "period")
    if period is not None:
        head = f"{head} {period}"
    company = _text(row, "company_id")
    if company is not None and article_company is not None and company != article_company:
        head = f"{head}, {_text(row, 'company') or company}"
    stated = value if value is not None else label
    parts = [] if stated is None else [stated]
    count, of = row.get("count"), row.get("of")
    if isinstance(count, int | float) and not pd.isna(count):
        counted = f"{int(count)}"
        if isinstance(of, int | float) and not pd.isna(of):
            counted += f" of {int(of)}"
        parts.append(counted)
    previous = _text(row, "previous_label")
    if previous is not None:
        parts.append(f"was {previous}")
    summary = _capitalised(head)
    return f"{summary}: {', '.join(parts)}" if parts else summary


def article_items(frames: Frames, article_id: str) -> pd.DataFrame:
    """Every item extracted from one article, one row each, sorted by where it starts.

    Columns: ``kind`` ("deal" | "metric" | "view"), ``start``, ``end``, ``quote``,
    ``summary`` (one plain-text line) and ``item_key`` (kind and row index in its frame,
    e.g. "metric:3", stable while the frames are).
    """
    owners = frames.articles.loc[frames.articles["article_id"] == article_id, "company_id"]
    article_company = _text({"c": owners.iloc[0]}, "c") if len(owners) else None
    rows: list[dict[str, object]] = []
    # A segment reads as the Segments tab names it ("Cloud Intelligence Group"), from how
    # every article writes it, not as this sentence did ("'s cloud computing").
    metrics = frames.metrics
    own_segments = set(metrics.loc[metrics["article_id"] == article_id, "segment_id"].dropna())
    names = segment_names(metrics[metrics["segment_id"].isin(own_segments)])
    for kind, frame in (("deal", frames.deals), ("metric", frames.metrics), ("view", frames.views)):
        own = frame[frame["article_id"] == article_id]
        for index, cells in zip(own.index, own.to_dict("records"), strict=True):
            record = cast(Row, cells)
            if kind == "deal":
                summary = deal_summary(record)
            elif kind == "metric":
                segment = names.get(str(record.get("segment_id")))
                summary = metric_summary({**record, "segment": segment or record.get("segment")})
            else:
                summary = view_summary(record, article_company)
            rows.append(
                {
                    "kind": kind,
                    "start": int(record["start"]),
                    "end": int(record["end"]),
                    "quote": str(record["quote"]) if isinstance(record["quote"], str) else "",
                    "summary": summary,
                    "item_key": f"{kind}:{index}",
                }
            )
    items = pd.DataFrame(rows, columns=list(ITEM_COLUMNS))
    items = items.astype({"kind": "str", "quote": "str", "summary": "str", "item_key": "str"})
    items = items.astype({"start": "int64", "end": "int64"})
    return items.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def evidence_spans(body: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """The span of ``body`` to highlight for an item: its offsets when they hold the quote,
    else the quote's first occurrence, else the offsets clamped to the body.

    >>> body = "Revenue rose 34%. Margins held."
    >>> evidence_spans(body, 0, 17, "Revenue rose 34%.")
    (0, 17)
    >>> evidence_spans(body, 3, 9, "Margins held.")
    (18, 31)
    >>> evidence_spans(body, 25, 90, "not there"), evidence_spans(body, -4, 5, "")
    ((25, 31), (0, 5))
    >>> evidence_spans(body, 9, 2, "not there")
    (9, 9)
    """
    if quote and 0 <= start <= end <= len(body) and body[start:end] == quote:
        return start, end
    found = body.find(quote) if quote else -1
    if found >= 0:
        return found, found + len(quote)
    low = min(max(start, 0), len(body))
    high = min(max(end, low), len(body))
    return low, high

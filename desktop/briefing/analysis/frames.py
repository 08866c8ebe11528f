"""Tidy frames across articles: one row per article, deal, metric and analyst view.

``build_frames`` gathers every column as a plain list in one pass over the results and
builds each frame once (appending rows to a DataFrame is quadratic). Company columns
come with their resolved ``*_id`` beside the name as written (see ``entities``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, cast

import numpy as np
import pandas as pd

from briefing.analysis.entities import CompanyResolver
from briefing.analysis.schema import (
    ARTICLES_SCHEMA,
    DEALS_SCHEMA,
    FRAME_SCHEMAS,
    METRICS_SCHEMA,
    QUANTITY_FIELDS,
    VIEWS_SCHEMA,
    Schema,
    frame_from_columns,
)
from briefing.domain.contract import quantity_from_dict, quantity_to_dict
from briefing.domain.model import ArticleResult, Deal, Evidence, Quantity
from briefing.store.rows import StoredExtraction, paused_garbage_collection

Row = tuple[Any, ...]
ArticleColumns = tuple[str, str | None, str | None, str | None, str]

# A quantity's seven columns (see ``schema.QUANTITY_FIELDS``) when there is none.
_NO_QUANTITY: Final[Row] = (None, None, None, None, False, None, None)


@dataclass(frozen=True)
class Frames:
    """The four frames of a set of articles; see ``schema`` for their columns."""

    articles: pd.DataFrame
    deals: pd.DataFrame
    metrics: pd.DataFrame
    views: pd.DataFrame

    def by_kind(self) -> dict[str, pd.DataFrame]:
        """The frames under their kind's name, in the order of ``FRAME_SCHEMAS``."""
        return {kind: getattr(self, kind) for kind in FRAME_SCHEMAS}


def _quantity(quantity: Quantity | None) -> Row:
    if quantity is None:
        return _NO_QUANTITY
    q = quantity
    return (q.value, q.low, q.high, q.unit, q.approx, q.bound, q.text)


def _evidence(evidence: Evidence, confidence: float) -> Row:
    return (evidence.quote, evidence.start, evidence.end, confidence)


def _terms_json(deal: Deal) -> str:
    if not deal.terms:
        return "{}"
    terms = {
        name: term if isinstance(term, str) else quantity_to_dict(term)
        for name, term in deal.terms.items()
    }
    return json.dumps(terms, ensure_ascii=False)


def _frame(rows: list[Row], schema: Schema) -> pd.DataFrame:
    # One tuple per row, copied once into a 2-D object array whose columns are handed to
    # pandas: far cheaper than one list.append per cell, and than columns as tuples.
    table = np.empty((len(rows), len(schema)), dtype=object)
    if rows:
        table[:] = rows
    return frame_from_columns(
        {name: cast("Sequence[Any]", table[:, index]) for index, name in enumerate(schema)}, schema
    )


def build_frames(
    results: Sequence[ArticleResult], aliases: Mapping[str, str] | None = None
) -> Frames:
    """The articles, deals, metrics and analyst views of ``results`` as frames.

    ``aliases`` (alias -> company) are the user's own and win over every other source.
    """
    resolver = CompanyResolver.from_results(results, aliases)
    company_id = _memo(resolver.resolve_optional)
    segment_ids: dict[tuple[str | None, str | None], str | None] = {}
    articles: list[Row] = []
    deals: list[Row] = []
    metrics: list[Row] = []
    views: list[Row] = []
    for result in results:
        document, extraction = result.document, result.extraction
        article: ArticleColumns = (
            document.id,
            document.published,
            document.source,
            document.title,
            document.path,
        )
        articles.append(
            (
                document.id,
                document.path,
                document.format,
                document.title,
                document.published,
                document.source,
                extraction.primary_company,
                company_id(extraction.primary_company),
                "; ".join(extraction.companies),
                "; ".join(document.isins),
                len(extraction.deals),
                len(extraction.metrics),
                len(extraction.analyst_views),
            )
        )
        for deal in extraction.deals:
            deals.append(
                article
                + _evidence(deal.evidence, deal.confidence)
                + (
                    deal.type,
                    deal.buyer,
                    company_id(deal.buyer),
                    deal.counterparty,
                    company_id(deal.counterparty),
                )
                + _quantity(deal.amount)
                + _quantity(deal.valuation)
                + (deal.date, _terms_json(deal))
            )
        for metric in extraction.metrics:
            owner = company_id(metric.company)
            segment_key = (owner, metric.segment)
            if segment_key not in segment_ids:
                segment_ids[segment_key] = resolver.segment_id(owner, metric.segment)
            metrics.append(
                article
                + _evidence(metric.evidence, metric.confidence)
                + (
                    metric.company,
                    owner,
                    metric.segment,
                    segment_ids[segment_key],
                    metric.name,
                    metric.raw_name,
                    metric.period,
                )
                + _quantity(metric.value)
                + _quantity(metric.previous)
                + (metric.change_pct,)
            )
        for view in extraction.analyst_views:
            views.append(
                article
                + _evidence(view.evidence, view.confidence)
                + (view.type, view.company, company_id(view.company), view.firm)
                + _quantity(view.value)
                + (
                    view.label,
                    view.previous_label,
                    view.stat,
                    view.metric,
                    view.period,
                    view.count,
                    view.of,
                )
            )
    return Frames(
        articles=_frame(articles, ARTICLES_SCHEMA),
        deals=_frame(deals, DEALS_SCHEMA),
        metrics=_frame(metrics, METRICS_SCHEMA),
        views=_frame(views, VIEWS_SCHEMA),
    )


def _memo(resolve: Callable[[str | None], str | None]) -> Callable[[str | None], str | None]:
    """Resolve each distinct name once: articles repeat the same few companies."""
    cache: dict[str | None, str | None] = {}

    def cached(name: str | None) -> str | None:
        if name not in cache:
            cache[name] = resolve(name)
        return cache[name]

    return cached


# -- the library's fast path: frames straight from the stored contract JSON ------------------
# ``build_frames(library.results())`` spends most of its time rebuilding dataclasses that
# are flattened again at once. This reads the same values from the decoded dicts, with the
# same defaults as ``domain.contract``'s ``*_from_dict``, one column at a time (a list
# comprehension per column is cheaper than a tuple per row), so the frames are identical.

JsonDict = Mapping[str, Any]
Columns = dict[str, list[Any]]


def _quantity_columns(prefix: str, quantities: list[Any]) -> Columns:
    """The seven columns of a quantity (see ``_NO_QUANTITY`` for an absent one)."""
    present: list[JsonDict] = [q for q in quantities if q is not None]
    if len(present) < len(quantities):  # rare: fill the gaps with an absent quantity's
        return _sparse_quantity_columns(prefix, quantities)
    return {
        f"{prefix}_value": [q.get("value") for q in present],
        f"{prefix}_low": [q.get("low") for q in present],
        f"{prefix}_high": [q.get("high") for q in present],
        f"{prefix}_unit": [q.get("unit") for q in present],
        f"{prefix}_approx": [bool(q.get("approx", False)) for q in present],
        f"{prefix}_bound": [q.get("bound") for q in present],
        f"{prefix}_text": [q.get("text", "") for q in present],
    }


def _sparse_quantity_columns(prefix: str, quantities: list[JsonDict | None]) -> Columns:
    names = [f"{prefix}_{name}" for name, _ in QUANTITY_FIELDS]
    rows = [
        _NO_QUANTITY
        if q is None
        else (
            q.get("value"),
            q.get("low"),
            q.get("high"),
            q.get("unit"),
            bool(q.get("approx", False)),
            q.get("bound"),
            q.get("text", ""),
        )
        for q in quantities
    ]
    return {name: [row[index] for row in rows] for index, name in enumerate(names)}


def _terms_json_of(deal: JsonDict) -> str:
    terms = deal.get("terms") or {}
    if not terms:
        return "{}"
    # Through Quantity and back, as ``build_frames`` sees it (defaults filled, whole numbers).
    flat = {
        name: term if isinstance(term, str) else quantity_to_dict(quantity_from_dict(term)) or ""
        for name, term in terms.items()
    }
    return json.dumps(flat, ensure_ascii=False)


class _Items:
    """One kind of item (deals, metrics or views) of every article, with its article."""

    def __init__(self, contracts: Sequence[JsonDict], key: str) -> None:
        self.items: list[JsonDict] = []
        self.owners: list[int] = []  # the article's index in ``contracts``
        for index, data in enumerate(contracts):
            found = data.get(key) or ()
            self.items.extend(found)
            self.owners.extend([index] * len(found))

    def get(self, field: str) -> list[Any]:
        return [item.get(field) for item in self.items]

    def common(self, articles: Columns) -> Columns:
        """``COMMON_COLUMNS``: the article's, then the evidence's."""
        columns = {
            name: [values[owner] for owner in self.owners]
            for name, values in articles.items()
            if name in ("article_id", "published", "source", "title", "path")
        }
        evidence = [item["evidence"] for item in self.items]
        columns["quote"] = [str(e["quote"]) for e in evidence]
        columns["start"] = [int(e["start"]) for e in evidence]
        columns["end"] = [int(e["end"]) for e in evidence]
        columns["confidence"] = [float(item.get("confidence", 0.0)) for item in self.items]
        return columns


def frames_from_stored(
    stored: Sequence[StoredExtraction], aliases: Mapping[str, str] | None = None
) -> Frames:
    """``build_frames`` for articles read with ``Library.stored_extractions()``: the same
    frames (tested equal), built from the decoded JSON without rebuilding dataclasses."""
    with paused_garbage_collection():
        return _frames_from_contracts(stored, aliases)


def _frames_from_contracts(
    stored: Sequence[StoredExtraction], aliases: Mapping[str, str] | None
) -> Frames:
    resolver = CompanyResolver.from_stored(stored, aliases)
    company_id = _memo(resolver.resolve_optional)
    contracts = [item.contract for item in stored]
    deals, metrics, views = (
        _Items(contracts, key) for key in ("deals", "metrics", "analyst_views")
    )
    primary = [data.get("primary_company") for data in contracts]
    articles: Columns = {
        "article_id": [data["id"] for data in contracts],
        "path": [data["path"] for data in contracts],
        "format": [data["format"] for data in contracts],
        "title": [data.get("title") for data in contracts],
        "published": [data.get("published") for data in contracts],
        "source": [data.get("source") for data in contracts],
        "primary_company": primary,
        "company_id": [company_id(name) for name in primary],
        "companies": ["; ".join(data.get("companies") or ()) for data in contracts],
        "isins": ["; ".join(data.get("isins") or ()) for data in contracts],
        "n_deals": [len(data.get("deals") or ()) for data in contracts],
        "n_metrics": [len(data.get("metrics") or ()) for data in contracts],
        "n_views": [len(data.get("analyst_views") or ()) for data in contracts],
    }

    buyers, counterparties = deals.get("buyer"), deals.get("counterparty")
    deal_columns = deals.common(articles) | {
        "type": [deal["type"] for deal in deals.items],
        "buyer": buyers,
        "buyer_id": [company_id(name) for name in buyers],
        "counterparty": counterparties,
        "counterparty_id": [company_id(name) for name in counterparties],
        **_quantity_columns("amount", deals.get("amount")),
        **_quantity_columns("valuation", deals.get("valuation")),
        "date": deals.get("date"),
        "terms": [_terms_json_of(deal) for deal in deals.items],
    }

    companies, segments = metrics.get("company"), metrics.get("segment")
    owners = [company_id(name) for name in companies]
    segment_ids: dict[tuple[str | None, str | None], str | None] = {}
    for key in zip(owners, segments, strict=True):
        if key not in segment_ids:
            segment_ids[key] = resolver.segment_id(*key)
    metric_columns = metrics.common(articles) | {
        "company": companies,
        "company_id": owners,
        "segment": segments,
        "segment_id": [segment_ids[key] for key in zip(owners, segments, strict=True)],
        "metric": [metric["name"] for metric in metrics.items],
        "raw_name": [metric.get("raw_name", metric["name"]) for metric in metrics.items],
        "period": metrics.get("period"),
        **_quantity_columns("value", metrics.get("value")),
        **_quantity_columns("previous", metrics.get("previous")),
        "change_pct": metrics.get("change_pct"),
    }

    view_companies = views.get("company")
    view_columns = views.common(articles) | {
        "view_type": [view["type"] for view in views.items],
        "company": view_companies,
        "company_id": [company_id(name) for name in view_companies],
        "firm": views.get("firm"),
        **_quantity_columns("value", views.get("value")),
        **{
            field: views.get(field)
            for field in ("label", "previous_label", "stat", "metric", "period", "count", "of")
        },
    }
    return Frames(
        articles=frame_from_columns(articles, ARTICLES_SCHEMA),
        deals=frame_from_columns(deal_columns, DEALS_SCHEMA),
        metrics=frame_from_columns(metric_columns, METRICS_SCHEMA),
        views=frame_from_columns(view_columns, VIEWS_SCHEMA),
    )

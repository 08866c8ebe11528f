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
    VIEWS_SCHEMA,
    Schema,
    frame_from_columns,
)
from briefing.domain.contract import quantity_to_dict
from briefing.domain.model import ArticleResult, Deal, Evidence, Quantity

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

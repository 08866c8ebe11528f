"""The extraction engine: a document in, its deals, metrics and analyst views out.

Pure: no I/O and no state between calls, so documents can be extracted in any order
and in parallel processes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from briefing.domain.model import AnalystView, Deal, Document, Extraction, Metric
from briefing.extract.context import build_context
from briefing.extract.deals import extract_deals
from briefing.extract.metrics import extract_metrics
from briefing.extract.views import extract_views

# Items below this confidence are dropped: the engine prefers missing an item to
# inventing one.
MIN_CONFIDENCE = 0.5

_Item = TypeVar("_Item", Deal, Metric, AnalystView)


def _deal_key(deal: Deal) -> Hashable:
    amount = deal.amount.numbers() if deal.amount else ()
    # A completed earlier programme of the same size as a new one is a separate deal.
    return (deal.type, deal.buyer, deal.counterparty, amount, deal.terms.get("status"))


def _metric_key(metric: Metric) -> Hashable:
    value = metric.value.numbers() if metric.value else ()
    return (metric.company, metric.segment, metric.name, metric.period, value, metric.change_pct)


def _view_key(view: AnalystView) -> Hashable:
    value = view.value.numbers() if view.value else ()
    return (view.type, view.company, view.firm, value, view.label, view.stat, view.metric)


def _keep_best(items: Iterable[_Item], key: Callable[[_Item], Hashable]) -> tuple[_Item, ...]:
    """Confident items in text order, a restated fact (headline and body) kept once."""
    best: dict[Hashable, _Item] = {}
    for item in items:
        if item.confidence < MIN_CONFIDENCE:
            continue
        item_key = key(item)
        kept = best.get(item_key)
        if kept is None or item.confidence > kept.confidence:
            best[item_key] = item
    return tuple(sorted(best.values(), key=lambda item: item.evidence.start))


def extract_document(document: Document) -> Extraction:
    """Deals, metrics and analyst views of one document, each with its evidence."""
    context = build_context(document)
    return Extraction(
        primary_company=context.primary_company,
        companies=context.companies,
        deals=_keep_best(extract_deals(context), _deal_key),
        metrics=_keep_best(extract_metrics(context), _metric_key),
        analyst_views=_keep_best(extract_views(context), _view_key),
    )

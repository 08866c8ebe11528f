"""Frames straight from the library's stored contract JSON (the fast path).

``build_frames(library.results())`` spends most of its time rebuilding dataclasses that
are flattened again at once. This reads the same values from the decoded dicts, with the
same defaults as ``domain.contract``'s ``*_from_dict``, so the frames are identical.
Records are cut into columns at C speed (one ``itemgetter`` call per record, ``zip`` to
transpose) and the article's columns are repeated for its items with a numpy take: a
``dict.get`` per cell was most of the time of a 5,000-article library.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from types import MappingProxyType
from typing import Any, Final, cast

import numpy as np
import pandas as pd

from briefing.analysis.entities import CompanyResolver
from briefing.analysis.frames import _NO_QUANTITY, Frames
from briefing.analysis.schema import (
    ARTICLES_SCHEMA,
    DEALS_SCHEMA,
    FLOAT,
    INT,
    METRICS_SCHEMA,
    VIEWS_SCHEMA,
    Schema,
    frame_from_columns,
)
from briefing.domain.contract import quantity_from_dict, quantity_to_dict
from briefing.store.library import Library
from briefing.store.rows import StoredExtraction, paused_garbage_collection

JsonDict = Mapping[str, Any]
Columns = dict[str, Sequence[Any]]

_REQUIRED: Final = object()  # a field without a default: a missing key is a KeyError
_UNSET: Final = object()  # a default filled in afterwards from another field

# A present quantity's fields with their defaults, as ``quantity_from_dict`` reads them.
_QUANTITY_FIELDS: Final[JsonDict] = MappingProxyType(
    {"value": None, "low": None, "high": None, "unit": None}
    | {"approx": False, "bound": None, "text": ""}
)
# An absent quantity read like a present one gives ``_NO_QUANTITY``'s columns.
_ABSENT_QUANTITY: Final[JsonDict] = MappingProxyType(
    dict(zip(_QUANTITY_FIELDS, _NO_QUANTITY, strict=True))
)
_EVIDENCE_FIELDS: Final[JsonDict] = MappingProxyType(
    {"quote": _REQUIRED, "start": _REQUIRED, "end": _REQUIRED}
)
_ARTICLE_FIELDS: Final[JsonDict] = MappingProxyType(
    {"id": _REQUIRED, "path": _REQUIRED, "format": _REQUIRED, "title": None}
    | {"published": None, "source": None, "primary_company": None}
    | {"companies": None, "isins": None}
)
_DEAL_FIELDS: Final[JsonDict] = MappingProxyType(
    {"type": _REQUIRED, "buyer": None, "counterparty": None, "amount": None}
    | {"valuation": None, "date": None, "terms": None, "confidence": 0.0}
)
_METRIC_FIELDS: Final[JsonDict] = MappingProxyType(
    {"company": None, "segment": None, "name": _REQUIRED, "raw_name": _UNSET}
    | {"period": None, "value": None, "previous": None, "change_pct": None, "confidence": 0.0}
)
_VIEW_FIELDS: Final[JsonDict] = MappingProxyType(
    {"type": _REQUIRED, "company": None, "firm": None, "value": None, "label": None}
    | {"previous_label": None, "stat": None, "metric": None, "period": None}
    | {"count": None, "of": None, "confidence": 0.0}
)
_ARTICLE_COLUMNS_OF_ITEMS: Final = ("article_id", "published", "source", "title", "path")


def _columns(records: Sequence[JsonDict], fields: JsonDict) -> dict[str, list[Any]]:
    """Each field of every record as a column; ``fields`` maps a field to its default for
    a record without the key (``_REQUIRED``: none, the key must be there).

    >>> _columns([{"a": 1, "b": 2}, {"a": 3, "b": None}], {"a": _REQUIRED, "b": 0})
    {'a': [1, 3], 'b': [2, None]}
    >>> _columns([{"a": 1, "b": 2}, {"a": 3}], {"a": _REQUIRED, "b": 0})
    {'a': [1, 3], 'b': [2, 0]}
    """
    names = list(fields)
    if not records:
        return {name: [] for name in names}
    try:  # every key there, as this version writes the contract: C speed
        rows = list(map(itemgetter(*names), records))
    except KeyError:  # an older or hand-made contract: the defaults, one cell at a time
        return {
            name: [r[name] if default is _REQUIRED else r.get(name, default) for r in records]
            for name, default in fields.items()
        }
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


def _quantity_columns(prefix: str, quantities: list[JsonDict | None]) -> Columns:
    """The seven columns of a quantity (see ``_NO_QUANTITY`` for an absent one)."""
    present = [_ABSENT_QUANTITY if q is None else q for q in quantities]
    columns = _columns(present, _QUANTITY_FIELDS)
    columns["approx"] = [bool(approx) for approx in columns["approx"]]
    return {f"{prefix}_{name}": values for name, values in columns.items()}


def _terms_json_of(terms: JsonDict) -> str:
    # Through Quantity and back, as ``build_frames`` sees it (defaults filled, whole numbers).
    flat = {
        name: term if isinstance(term, str) else quantity_to_dict(quantity_from_dict(term)) or ""
        for name, term in terms.items()
    }
    return json.dumps(flat, ensure_ascii=False)


class _Items:
    """One kind of item (deals, metrics or views) of every article, cut into columns."""

    def __init__(self, contracts: Sequence[JsonDict], key: str, fields: JsonDict) -> None:
        found = [data.get(key) or () for data in contracts]
        self.counts = [len(items) for items in found]
        items: list[JsonDict] = list(chain.from_iterable(found))
        self.columns = _columns(items, {**fields, "evidence": _REQUIRED})
        # The article's index in ``contracts``, for each item.
        self.owners = np.repeat(np.arange(len(contracts)), self.counts)

    def __getitem__(self, field: str) -> list[Any]:
        return self.columns[field]

    def evidence(self) -> Columns:
        """The evidence's columns of ``COMMON_COLUMNS``."""
        columns: Columns = {**_columns(self.columns["evidence"], _EVIDENCE_FIELDS)}
        columns["confidence"] = self.columns["confidence"]
        return columns

    def frame(self, articles: pd.DataFrame, columns: Columns, schema: Schema) -> pd.DataFrame:
        """The items' frame: their article's columns taken from the typed ``articles``
        frame (cheaper than converting the repeated values again), then ``columns``."""
        own = {name: dtype for name, dtype in schema.items() if name in columns}
        # Numbers straight into numpy (None becomes NaN as pandas makes it): pandas checks
        # a list cell by cell first, several times slower.
        typed: Columns = {
            name: cast("Sequence[Any]", np.array(columns[name], dtype=dtype))
            if dtype in (FLOAT, INT)
            else columns[name]
            for name, dtype in own.items()
        }
        taken = articles.loc[:, list(_ARTICLE_COLUMNS_OF_ITEMS)].take(self.owners)
        taken = taken.reset_index(drop=True)
        joined = pd.concat([taken, frame_from_columns(typed, own)], axis=1)
        return joined.loc[:, list(schema)]


class _Resolved:
    """Ids of names, each distinct name resolved once: articles repeat a few companies."""

    def __init__(self, resolve: Callable[..., str | None]) -> None:
        self._resolve = resolve
        self._known: dict[Any, str | None] = {}

    def __call__(self, keys: Sequence[Any]) -> list[str | None]:
        known = self._known
        for key in set(keys).difference(known):
            known[key] = self._resolve(*key) if isinstance(key, tuple) else self._resolve(key)
        return list(map(known.__getitem__, keys))


def library_frames(library: Library) -> Frames:
    """The frames of every article of ``library``, its aliases applied, by the fast path.

    One pause of garbage collection around reading and building: the decoded JSON is freed
    inside it. A pause around the reading alone leaves its millions of new objects to the
    first collection after it (a fifth of a second for 5,000 articles).
    """
    with paused_garbage_collection():
        return frames_from_stored(library.stored_extractions(), library.aliases())


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
    company_ids = _Resolved(resolver.resolve_optional)
    contracts = [item.contract for item in stored]
    deals = _Items(contracts, "deals", _DEAL_FIELDS)
    metrics = _Items(contracts, "metrics", _METRIC_FIELDS)
    views = _Items(contracts, "analyst_views", _VIEW_FIELDS)
    read = _columns(contracts, _ARTICLE_FIELDS)
    articles: Columns = {
        "article_id": read["id"],
        "path": read["path"],
        "format": read["format"],
        "title": read["title"],
        "published": read["published"],
        "source": read["source"],
        "primary_company": read["primary_company"],
        "company_id": company_ids(read["primary_company"]),
        "companies": ["; ".join(names or ()) for names in read["companies"]],
        "isins": ["; ".join(isins or ()) for isins in read["isins"]],
        "n_deals": deals.counts,
        "n_metrics": metrics.counts,
        "n_views": views.counts,
    }

    deal_columns = deals.evidence() | {
        "type": deals["type"],
        "buyer": deals["buyer"],
        "buyer_id": company_ids(deals["buyer"]),
        "counterparty": deals["counterparty"],
        "counterparty_id": company_ids(deals["counterparty"]),
        **_quantity_columns("amount", deals["amount"]),
        **_quantity_columns("valuation", deals["valuation"]),
        "date": deals["date"],
        "terms": [_terms_json_of(terms) if terms else "{}" for terms in deals["terms"]],
    }

    owners = company_ids(metrics["company"])
    segment_ids = _Resolved(resolver.segment_id)
    raw_names = metrics["raw_name"]
    if _UNSET in raw_names:  # an older contract without it: the name as written
        raw_names = [
            name if raw is _UNSET else raw
            for raw, name in zip(raw_names, metrics["name"], strict=True)
        ]
    metric_columns = metrics.evidence() | {
        "company": metrics["company"],
        "company_id": owners,
        "segment": metrics["segment"],
        "segment_id": segment_ids(list(zip(owners, metrics["segment"], strict=True))),
        "metric": metrics["name"],
        "raw_name": raw_names,
        "period": metrics["period"],
        **_quantity_columns("value", metrics["value"]),
        **_quantity_columns("previous", metrics["previous"]),
        "change_pct": metrics["change_pct"],
    }

    view_columns = views.evidence() | {
        "view_type": views["type"],
        "company": views["company"],
        "company_id": company_ids(views["company"]),
        "firm": views["firm"],
        **_quantity_columns("value", views["value"]),
        **{
            field: views[field]
            for field in ("label", "previous_label", "stat", "metric", "period", "count", "of")
        },
    }
    article_frame = frame_from_columns(articles, ARTICLES_SCHEMA)
    return Frames(
        articles=article_frame,
        deals=deals.frame(article_frame, deal_columns, DEALS_SCHEMA),
        metrics=metrics.frame(article_frame, metric_columns, METRICS_SCHEMA),
        views=views.frame(article_frame, view_columns, VIEWS_SCHEMA),
    )

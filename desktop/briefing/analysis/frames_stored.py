"""Frames straight from the library's stored rows (the fast path).

``build_frames(library.results())`` spends most of its time rebuilding dataclasses that
are flattened again at once. The library keeps every article's items as rows in frame
column order (``store.frame_rows``, derived from the contract JSON with the defaults of
``domain.contract``, so the frames are identical), stored so that each column of every
article is read at once (``store.frame_columns``); the article's columns are repeated for
its items with a numpy take. What depends on the whole library (company and segment ids,
through the user's aliases and the other articles) is resolved here, each distinct name
once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import numpy as np
import pandas as pd

from briefing.analysis.entities import CompanyResolver
from briefing.analysis.frames import Frames
from briefing.analysis.schema import (
    ARTICLES_SCHEMA,
    DEALS_SCHEMA,
    INT,
    METRICS_SCHEMA,
    VIEWS_SCHEMA,
    Schema,
    frame_from_columns,
)
from briefing.store.frame_columns import KindColumns, read_columns, stored_form
from briefing.store.frame_rows import rows_of_contract
from briefing.store.library import Library
from briefing.store.rows import (
    StoredExtraction,
    StoredRows,
    paused_garbage_collection,
)

Columns = dict[str, Sequence[Any]]

_ARTICLE_COLUMNS_OF_ITEMS = ("article_id", "published", "source", "title", "path")


class _Items:
    """One kind of item (deals, metrics or views) of every article, as columns."""

    def __init__(self, read: KindColumns) -> None:
        self.counts = read.counts
        self.columns: Columns = read.columns
        # The article's index, for each item.
        self.owners = np.repeat(np.arange(len(read.counts)), read.counts)

    def __getitem__(self, field: str) -> Sequence[Any]:
        return self.columns[field]

    def frame(
        self, articles: pd.DataFrame, columns: Mapping[str, Sequence[Any]], schema: Schema
    ) -> pd.DataFrame:
        """The items' frame: their article's columns taken from the typed ``articles``
        frame (cheaper than converting the repeated values again), then ``columns``
        (the stored ones, with ``columns`` added or replacing them)."""
        every = {**self.columns, **columns}
        own = {name: dtype for name, dtype in schema.items() if name in every}
        typed: Columns = {
            name: _offsets(name, every[name]) if dtype == INT else every[name]
            for name, dtype in own.items()
        }
        taken = articles.loc[:, list(_ARTICLE_COLUMNS_OF_ITEMS)].take(self.owners)
        taken = taken.reset_index(drop=True)
        joined = pd.concat([taken, frame_from_columns(typed, own)], axis=1)
        return joined.loc[:, list(schema)]


def _offsets(name: str, stored: Sequence[Any]) -> Sequence[Any]:
    """An int64 column from the stored float64 numbers (exact below 2**53).

    >>> _offsets("start", np.array([0.0, 12.0])).tolist()
    [0, 12]
    """
    numbers = np.asarray(stored, dtype=np.float64)
    if np.isnan(numbers).any():  # as ``build_frames`` refuses a missing offset
        raise ValueError(f"an evidence without its {name!r} offset")
    return cast("Sequence[Any]", numbers.astype(np.int64))


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
        return frames_from_rows(library.stored_rows(), library.aliases())


def frames_from_stored(
    stored: Sequence[StoredExtraction], aliases: Mapping[str, str] | None = None
) -> Frames:
    """``build_frames`` for articles read with ``Library.stored_extractions()`` (decoded
    contract JSON): their rows are cut and put in their stored form here, then as
    ``frames_from_rows``."""
    with paused_garbage_collection():
        rows = [
            StoredRows(stored_form(rows_of_contract(item.contract)), item.tickers, item.body)
            for item in stored
        ]
        return frames_from_rows(rows, aliases)


def frames_from_rows(
    stored: Sequence[StoredRows], aliases: Mapping[str, str] | None = None
) -> Frames:
    """``build_frames`` for articles read with ``Library.stored_rows()``: the same frames
    (tested equal), built from the stored rows without rebuilding dataclasses."""
    with paused_garbage_collection():
        return _frames_from_rows(stored, aliases)


def _resolver(
    stored: Sequence[StoredRows],
    articles: Mapping[str, list[Any]],
    aliases: Mapping[str, str] | None,
) -> CompanyResolver:
    """``CompanyResolver.from_results`` from the articles' columns."""
    resolver = CompanyResolver(aliases)
    primaries, isins = articles["primary_company"], articles["isins"]
    resolver.learn_names(
        {
            name
            for primary, companies in zip(primaries, articles["companies"], strict=True)
            for name in (primary, *companies)
            if name
        }
    )
    # Learning the same identifiers again changes nothing (what is known is never
    # overridden), and most articles state none: each distinct statement once, in order.
    stated = dict.fromkeys(
        (item.tickers, tuple(stated_isins), primary, item.body)
        for item, stated_isins, primary in zip(stored, isins, primaries, strict=True)
        if item.tickers or stated_isins
    )
    for tickers, stated_isins, primary, body in stated:
        resolver.learn_stated_identifiers(tickers, stated_isins, primary, body)
    return resolver


def _frames_from_rows(stored: Sequence[StoredRows], aliases: Mapping[str, str] | None) -> Frames:
    read = read_columns([item.rows for item in stored])
    resolver = _resolver(stored, read.articles, aliases)
    company_ids = _Resolved(resolver.resolve_optional)
    deals, metrics, views = _Items(read.deals), _Items(read.metrics), _Items(read.views)
    articles: Columns = {
        **read.articles,
        "company_id": company_ids(read.articles["primary_company"]),
        "companies": ["; ".join(names) for names in read.articles["companies"]],
        "isins": ["; ".join(isins) for isins in read.articles["isins"]],
        "n_deals": deals.counts,
        "n_metrics": metrics.counts,
        "n_views": views.counts,
    }
    article_frame = frame_from_columns(articles, ARTICLES_SCHEMA)
    deal_ids = {
        "buyer_id": company_ids(deals["buyer"]),
        "counterparty_id": company_ids(deals["counterparty"]),
    }
    owners = company_ids(metrics["company"])
    segment_ids = _Resolved(resolver.segment_id)
    metric_ids = {
        "company_id": owners,
        "segment_id": segment_ids(list(zip(owners, metrics["segment"], strict=True))),
    }
    view_ids = {"company_id": company_ids(views["company"])}
    return Frames(
        articles=article_frame,
        deals=deals.frame(article_frame, deal_ids, DEALS_SCHEMA),
        metrics=metrics.frame(article_frame, metric_ids, METRICS_SCHEMA),
        views=views.frame(article_frame, view_ids, VIEWS_SCHEMA),
    )

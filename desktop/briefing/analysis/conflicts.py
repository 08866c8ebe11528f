"""Facts stated by several articles: which agree, which conflict, which is the latest.

Two rows state the same fact when they share a fact key: for metrics the company, segment,
metric and period; for analyst views the company, view type, statistic, metric and period,
plus the firm for one firm's price target or rating, and for a share price the day it was
published (a price on 7 Nov and one on 2 Dec are two facts). A view's metric counts by its
family: a P/E with no basis stated is compared with a forward P/E, and two explicit bases
that differ are at most a soft conflict. Which statements are paired is decided in
``conflict_pairs`` (all pairs, or for a much-stated fact each statement with the oldest and
the newest); each pair is judged with ``compare.compare_quantities``. Nothing is ever
averaged: a conflict row keeps both values, both articles, sources, quotes and the difference.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, NamedTuple, Protocol

import pandas as pd

from briefing.analysis.compare import Verdict, compare_quantities, difference
from briefing.analysis.conflict_pairs import (
    FIRM_VIEW_TYPES,
    GROUP_KEYS,
    LABEL_VIEW_TYPES,
    MAX_ALL_PAIRS_STATEMENTS,
    METRIC_FAMILIES,
    UNSTATED_BASIS_METRICS,
    Row,
    candidate_pairs,
    explicit_bases_differ,
    fact_pairs,
    metric_of_pair,
    normalise_period,
    quantity_from_row,
    stated_of,
    text_or_none,
    with_keys,
)
from briefing.store.rows import paused_garbage_collection

__all__ = [
    "COMPARISON_COLUMNS",
    "CONFLICT_VERDICTS",
    "FIRM_VIEW_TYPES",
    "LABEL_VIEW_TYPES",
    "MAX_ALL_PAIRS_STATEMENTS",
    "METRIC_FACT_KEY",
    "METRIC_FAMILIES",
    "UNSTATED_BASIS_METRICS",
    "VIEW_FACT_KEY",
    "FactFrames",
    "LatestValues",
    "candidate_pairs",
    "compare_facts",
    "find_conflicts",
    "find_conflicts_in",
    "latest_values",
    "normalise_period",
    "quantity_from_row",
]

Schema = Mapping[str, str]

COMPARISON_COLUMNS: Final[Schema] = MappingProxyType(
    {
        "kind": "str",  # "metric" or "view"
        "company_id": "str",
        "company": "str",
        "segment_id": "str",
        "segment": "str",
        "fact": "str",  # the metric name, or the view type
        "stat": "str",
        "metric": "str",  # a view's metric (pe, forward_pe ...)
        "firm": "str",
        "period": "str",
        "verdict": "str",
        "value_a": "str",  # the stated text, or the label of a rating
        "value_b": "str",
        "unit": "str",
        "difference": "float64",  # b minus a, NaN when not comparable
        "article_a": "str",
        "article_b": "str",
        "published_a": "datetime64[ns]",
        "published_b": "datetime64[ns]",
        "source_a": "str",
        "source_b": "str",
        "quote_a": "str",
        "quote_b": "str",
    }
)
"""One row per pair of statements of a fact; side A is the older article, B the newer."""

CONFLICT_VERDICTS: Final[frozenset[str]] = frozenset({"soft", "conflict"})

METRIC_FACT_KEY: Final = ("company_id", "segment_id", "metric", "period")
VIEW_FACT_KEY: Final = ("company_id", "view_type", "stat", "metric", "period", "firm")


class FactFrames(Protocol):
    """What ``compare_facts`` needs of the analysis frames (``frames.Frames`` has it)."""

    @property
    def metrics(self) -> pd.DataFrame: ...

    @property
    def views(self) -> pd.DataFrame: ...


class LatestValues(NamedTuple):
    """The newest statement of each fact, and the older statements it supersedes."""

    latest: pd.DataFrame  # + ``n_older``: how many older statements the history keeps
    history: pd.DataFrame  # + ``superseded_by``: the article id of the latest statement


def _judge(row_a: Mapping[str, Any], row_b: Mapping[str, Any]) -> Verdict:
    quantity_a, label_a = stated_of(row_a)
    quantity_b, label_b = stated_of(row_b)
    if quantity_a is not None and quantity_b is not None:
        return compare_quantities(quantity_a, quantity_b)
    if label_a is not None and label_b is not None:
        return "same" if label_a.casefold() == label_b.casefold() else "conflict"
    return "incomparable"


def _comparison_row(kind: str, side_a: Row, side_b: Row, verdict: Verdict) -> Row:
    quantity_a, label_a = stated_of(side_a)
    quantity_b, label_b = stated_of(side_b)
    gap = difference(quantity_a, quantity_b) if quantity_a and quantity_b else None
    unit = (quantity_a.unit if quantity_a else None) or (quantity_b.unit if quantity_b else None)
    return {
        "kind": kind,
        "company_id": side_a.get("company_id"),
        "company": side_a.get("company"),
        "segment_id": side_a.get("segment_id") if kind == "metric" else None,
        "segment": side_a.get("segment") if kind == "metric" else None,
        "fact": side_a["k_fact"],
        "stat": text_or_none(side_a.get("stat")) or text_or_none(side_b.get("stat"))
        if kind == "view"
        else None,
        "metric": metric_of_pair(side_a, side_b) if kind == "view" else None,
        "firm": side_a.get("firm") if kind == "view" else None,
        "period": side_a.get("period"),
        "verdict": verdict,
        "value_a": quantity_a.text if quantity_a else label_a,
        "value_b": quantity_b.text if quantity_b else label_b,
        "unit": unit,
        "difference": math.nan if gap is None else gap,
        "article_a": side_a["article_id"],
        "article_b": side_b["article_id"],
        "published_a": side_a.get("published"),
        "published_b": side_b.get("published"),
        "source_a": side_a.get("source"),
        "source_b": side_b.get("source"),
        "quote_a": side_a.get("quote"),
        "quote_b": side_b.get("quote"),
    }


def _frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    columns: dict[str, pd.Series[Any]] = {}
    for name, dtype in COMPARISON_COLUMNS.items():
        cells = [row[name] for row in rows]
        if dtype == "datetime64[ns]":
            values = pd.Series(cells, dtype=object)
            columns[name] = pd.to_datetime(values, errors="coerce").astype("datetime64[ns]")
        elif dtype == "float64":
            columns[name] = pd.Series(cells, dtype=object).astype("float64")
        else:
            # Most cells are text or None already: only the others need ``text_or_none``.
            texts = [
                cell if cell is None or type(cell) is str else text_or_none(cell) for cell in cells
            ]
            columns[name] = pd.Series(texts, dtype=object).astype("str")
    return pd.DataFrame(columns, columns=list(COMPARISON_COLUMNS))


def compare_facts(
    metrics: pd.DataFrame | None = None,
    views: pd.DataFrame | None = None,
    story_of: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Pairs of distinct statements of one fact from two articles, with their verdict:
    every pair, or for a fact stated more than ``MAX_ALL_PAIRS_STATEMENTS`` ways each
    statement with the previous, the oldest and the newest (see ``candidate_pairs``).

    A figure stated again by a later article adds no pair: each distinct statement is
    shown with the oldest article that states it.

    ``story_of`` maps an article id to its story (``duplicates.story_map``): two copies of
    one story are not two sources, so they are never compared.
    """
    with paused_garbage_collection():  # many short-lived dicts, no cycles
        return _compare_facts(metrics, views, story_of or {})


def _compare_facts(
    metrics: pd.DataFrame | None, views: pd.DataFrame | None, stories: Mapping[str, str]
) -> pd.DataFrame:
    rows: list[Row] = []
    # Copies of one story state the same things: each pair of stories and statements once.
    seen: set[tuple[object, ...]] = set()
    for kind, frame in (("metric", metrics), ("view", views)):
        if frame is None or frame.empty:
            continue
        # Generated and republished figures repeat: judge each pair of statements once
        # (statements are numbered per kind, see ``conflict_pairs.fact_pairs``).
        verdicts: dict[tuple[int, int], Verdict] = {}
        for row_a, row_b in fact_pairs(with_keys(frame, kind), stories):
            pair = (row_a["_statement"], row_b["_statement"])
            verdict = verdicts.get(pair)
            if verdict is None:
                verdict = verdicts[pair] = _judge(row_a, row_b)
            if verdict == "conflict" and explicit_bases_differ(row_a, row_b):
                verdict = "soft"
            if verdict == "incomparable":
                continue
            row = _comparison_row(kind, row_a, row_b, verdict)
            identity = (
                *(row_a[key] for key in GROUP_KEYS),
                stories.get(row["article_a"], row["article_a"]),
                stories.get(row["article_b"], row["article_b"]),
                row["value_a"],
                row["value_b"],
            )
            if identity not in seen:
                seen.add(identity)
                rows.append(row)
    return _frame(rows)


def find_conflicts(
    metrics: pd.DataFrame | None = None,
    views: pd.DataFrame | None = None,
    story_of: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The pairs worth showing side by side: soft conflicts and conflicts."""
    compared = compare_facts(metrics, views, story_of)
    return compared[compared["verdict"].isin(CONFLICT_VERDICTS)].reset_index(drop=True)


def find_conflicts_in(
    frames: FactFrames, story_of: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """``find_conflicts`` over the metrics and views of the analysis frames."""
    return find_conflicts(frames.metrics, frames.views, story_of)


def latest_values(frame: pd.DataFrame, key_columns: Sequence[str]) -> LatestValues:
    """For each fact, the row of the newest article; older rows stay in the history.

    Newest means the latest ``published`` (unknown dates count as oldest), then the
    greatest article id, then the latest position in the article, so the choice is stable.
    """
    keys = list(key_columns)
    ordered = frame.assign(_dated=frame["published"].notna()).sort_values(
        ["_dated", "published", "article_id", "start"], na_position="first", kind="stable"
    )
    grouped = ordered.groupby(keys, dropna=False, sort=False)
    newest_article = grouped["article_id"].transform("last")
    size = grouped["article_id"].transform("size")
    is_older = ordered.duplicated(subset=keys, keep="last")
    latest = ordered[~is_older].assign(n_older=(size[~is_older] - 1).astype("int64"))
    history = ordered[is_older].assign(superseded_by=newest_article[is_older])
    return LatestValues(
        latest.drop(columns="_dated").reset_index(drop=True),
        history.drop(columns="_dated").reset_index(drop=True),
    )

"""Facts stated by several articles: which agree, which conflict, which is the latest.

Two rows state the same fact when they share a fact key: for metrics the company, segment,
metric and period; for analyst views the company, view type, statistic, metric and period,
plus the firm for one firm's price target or rating. Every pair of rows from different
articles is compared with ``compare.compare_quantities``; nothing is ever averaged: a
conflict row keeps both values, both articles, both sources, both quotes and the difference.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, NamedTuple, Protocol

import pandas as pd

from briefing.analysis.compare import Verdict, compare_quantities, difference
from briefing.domain.model import Quantity

Schema = Mapping[str, str]
Row = dict[str, Any]

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
# One firm's target or rating is its own fact; for other views the firm is just attribution.
FIRM_VIEW_TYPES: Final = frozenset({"price_target", "rating", "rating_change"})
# Views whose statement is a label rather than a number.
LABEL_VIEW_TYPES: Final = frozenset({"rating", "consensus_rating"})
# Words that introduce a period without changing it ("in 2025", "over 2025").
_PERIOD_LEAD_WORDS: Final = frozenset({"in", "over", "during", "for", "of", "the", "across"})


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


def normalise_period(period: object) -> str:
    """A period as a fact key: lower case, without a leading preposition.

    >>> normalise_period("in 2025"), normalise_period("over 2025"), normalise_period("Q2 FY2026")
    ('2025', '2025', 'q2 fy2026')
    >>> normalise_period(None)
    ''
    """
    if not isinstance(period, str):
        return ""
    words = period.lower().split()
    while words and words[0] in _PERIOD_LEAD_WORDS:
        words = words[1:]
    return " ".join(words)


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


def _number(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def quantity_from_row(row: Mapping[str, Any], prefix: str = "value") -> Quantity | None:
    """The quantity a frame row flattened into ``<prefix>_value``, ``_low`` ... columns."""
    value = _number(row.get(f"{prefix}_value"))
    low = _number(row.get(f"{prefix}_low"))
    high = _number(row.get(f"{prefix}_high"))
    if value is None and low is None and high is None:
        return None
    bound = _text(row.get(f"{prefix}_bound"))
    approx = row.get(f"{prefix}_approx")
    return Quantity(
        value=value,
        unit=_text(row.get(f"{prefix}_unit")),
        text=_text(row.get(f"{prefix}_text")) or "",
        low=low,
        high=high,
        approx=bool(approx) if _text(approx) is not None else False,
        bound="min" if bound == "min" else "max" if bound == "max" else None,
    )


Stated = tuple[Quantity | None, str | None]


def _stated(row: Mapping[str, Any]) -> Stated:
    """The quantity a row states, or for a rating its label (kept in ``row["_stated"]``)."""
    cached: Stated | None = row.get("_stated")
    if cached is not None:
        return cached
    quantity = quantity_from_row(row)
    if quantity is None and row.get("view_type") in LABEL_VIEW_TYPES:
        stated: Stated = (None, _text(row.get("label")))
    else:
        stated = (quantity, None)
    if isinstance(row, dict):
        row["_stated"] = stated
    return stated


def _judge(row_a: Mapping[str, Any], row_b: Mapping[str, Any]) -> Verdict:
    quantity_a, label_a = _stated(row_a)
    quantity_b, label_b = _stated(row_b)
    if quantity_a is not None and quantity_b is not None:
        return compare_quantities(quantity_a, quantity_b)
    if label_a is not None and label_b is not None:
        return "same" if label_a.casefold() == label_b.casefold() else "conflict"
    return "incomparable"


_READ_COLUMNS: Final = frozenset(
    {
        *("article_id", "published", "source", "quote", "start", "company", "company_id"),
        *("segment", "segment_id", "metric", "period", "view_type", "firm", "stat", "label"),
        *(f"value_{name}" for name in ("value", "low", "high", "unit", "approx", "bound", "text")),
    }
)


def _with_keys(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """A copy with normalised key columns ``k_*`` (empty string for a missing part)."""
    # Only the columns a comparison reads: turning rows into dicts dominates the run time.
    keyed = frame[[column for column in frame.columns if column in _READ_COLUMNS]].copy()
    company = keyed["company_id"].where(keyed["company_id"].notna(), keyed["company"])
    keyed["k_company"] = company.fillna("").astype(str).str.casefold()
    keyed["k_period"] = keyed["period"].map(normalise_period)
    keyed["k_metric"] = keyed["metric"].fillna("").astype(str)
    if kind == "metric":
        keyed["k_fact"] = keyed["metric"].fillna("").astype(str)
        keyed["k_segment"] = keyed["segment_id"].fillna("").astype(str).str.casefold()
        keyed["k_firm"] = ""
        keyed["k_stat"] = ""
    else:
        keyed["k_fact"] = keyed["view_type"].fillna("").astype(str)
        keyed["k_segment"] = ""
        with_firm = keyed["view_type"].isin(FIRM_VIEW_TYPES)
        keyed["k_firm"] = keyed["firm"].where(with_firm, "").fillna("").astype(str).str.casefold()
        keyed["k_stat"] = keyed["stat"].fillna("").astype(str)
    return keyed


# The stat stays out of the grouping: a statement without one ("targets span $190-205")
# is compared with every stat, two different stats (average, high) never with each other.
_GROUP_KEYS: Final = ["k_company", "k_segment", "k_fact", "k_metric", "k_firm", "k_period"]


def _stats_match(row_a: Mapping[str, Any], row_b: Mapping[str, Any]) -> bool:
    stat_a, stat_b = row_a["k_stat"], row_b["k_stat"]
    return bool(stat_a == stat_b or not stat_a or not stat_b)


def _order_key(row: Row) -> tuple[bool, pd.Timestamp, str, int]:
    published: Any = row.get("published")
    missing = published is None or bool(pd.isna(published))
    stamp = pd.Timestamp.min if missing else pd.Timestamp(published)
    return (not missing, stamp, str(row.get("article_id")), int(row.get("start") or 0))


def _records(frame: pd.DataFrame) -> list[Row]:
    return [
        {str(key): value for key, value in record.items()} for record in frame.to_dict("records")
    ]


# Beyond this many distinct statements of one fact (a long-running fact in a big library),
# each statement is compared with the one before it only, so a fact costs n, not n², pairs.
MAX_ALL_PAIRS_STATEMENTS: Final = 40

_STATEMENT_COLUMNS: Final = (
    "k_stat",
    "value_value",
    "value_low",
    "value_high",
    "value_unit",
    "value_approx",
    "value_bound",
    "label",
)


def _statement(row: Row) -> tuple[object, ...]:
    return tuple(_text(row.get(column)) for column in _STATEMENT_COLUMNS)


def _distinct_statements(rows: Sequence[Row]) -> list[Row]:
    """The oldest row of each distinct statement: repeating a figure adds no new pair."""
    first_of: dict[tuple[object, ...], Row] = {}
    for row in rows:
        first_of.setdefault(_statement(row), row)
    return list(first_of.values())


def _fact_groups(keyed: pd.DataFrame) -> list[list[Row]]:
    """The rows of each fact, in key order; grouped in Python: a pandas group per fact
    costs more than all the comparisons on a large library."""
    groups: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for row in _records(keyed):
        groups[tuple(row[key] for key in _GROUP_KEYS)].append(row)
    return [groups[key] for key in sorted(groups, key=lambda key: tuple(map(str, key)))]


def _pairs(keyed: pd.DataFrame, story_of: Mapping[str, str]) -> Iterator[tuple[Row, Row]]:
    for group in _fact_groups(keyed):
        if len({row["article_id"] for row in group}) < 2:
            continue
        rows = _distinct_statements(sorted(group, key=_order_key))
        if len(rows) > MAX_ALL_PAIRS_STATEMENTS:
            candidates: Iterable[tuple[Row, Row]] = itertools.pairwise(rows)
        else:
            candidates = itertools.combinations(rows, 2)
        for row_a, row_b in candidates:
            article_a, article_b = str(row_a["article_id"]), str(row_b["article_id"])
            if story_of.get(article_a, article_a) == story_of.get(article_b, article_b):
                continue  # one article, or one story republished: not two sources
            if _stats_match(row_a, row_b):
                yield row_a, row_b


def _comparison_row(kind: str, side_a: Row, side_b: Row, verdict: Verdict) -> Row:
    quantity_a, label_a = _stated(side_a)
    quantity_b, label_b = _stated(side_b)
    gap = difference(quantity_a, quantity_b) if quantity_a and quantity_b else None
    unit = (quantity_a.unit if quantity_a else None) or (quantity_b.unit if quantity_b else None)
    return {
        "kind": kind,
        "company_id": side_a.get("company_id"),
        "company": side_a.get("company"),
        "segment_id": side_a.get("segment_id") if kind == "metric" else None,
        "segment": side_a.get("segment") if kind == "metric" else None,
        "fact": side_a["k_fact"],
        "stat": _text(side_a.get("stat")) or _text(side_b.get("stat")) if kind == "view" else None,
        "metric": side_a.get("metric") if kind == "view" else None,
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
        values = pd.Series([row[name] for row in rows], dtype=object)
        if dtype == "datetime64[ns]":
            columns[name] = pd.to_datetime(values, errors="coerce").astype("datetime64[ns]")
        elif dtype == "float64":
            columns[name] = values.astype("float64")
        else:
            columns[name] = values.map(_text).astype("str")
    return pd.DataFrame(columns, columns=list(COMPARISON_COLUMNS))


def compare_facts(
    metrics: pd.DataFrame | None = None,
    views: pd.DataFrame | None = None,
    story_of: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Every pair of distinct statements of one fact from two articles, with its verdict.

    A figure stated again by a later article adds no pair: each distinct statement is
    shown with the oldest article that states it.

    ``story_of`` maps an article id to its story (``duplicates.story_map``): two copies of
    one story are not two sources, so they are never compared.
    """
    stories = story_of or {}
    rows: list[Row] = []
    # Copies of one story state the same things: each pair of stories and statements once.
    seen: set[tuple[object, ...]] = set()
    for kind, frame in (("metric", metrics), ("view", views)):
        if frame is None or frame.empty:
            continue
        for row_a, row_b in _pairs(_with_keys(frame, kind), stories):
            verdict = _judge(row_a, row_b)
            if verdict == "incomparable":
                continue
            row = _comparison_row(kind, row_a, row_b, verdict)
            identity = (
                *(row_a[key] for key in _GROUP_KEYS),
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

"""Facts stated by several articles: which agree, which conflict, which is the latest.

Two rows state the same fact when they share a fact key: for metrics the company, segment,
metric and period; for analyst views the company, view type, statistic, metric and period,
plus the firm for one firm's price target or rating. A view's metric counts by its family
(``METRIC_FAMILIES``): a P/E with no basis stated is compared with a forward P/E, and two
explicit bases that differ are at most a soft conflict. Pairs of distinct statements from
different articles are compared with ``compare.compare_quantities`` (all pairs, or for a
much-stated fact each statement with the oldest and the newest); nothing is ever averaged: a
conflict row keeps both values, both articles, both sources, both quotes and the difference.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, NamedTuple, Protocol

import pandas as pd

from briefing.analysis.compare import Verdict, compare_quantities, difference
from briefing.domain.model import Quantity
from briefing.store.rows import paused_garbage_collection

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
# Multiples stated on different bases that still describe one fact: a P/E with no basis
# stated ("pe") may be trailing or forward, so it is compared with both. Metric -> family.
METRIC_FAMILIES: Final[Mapping[str, str]] = MappingProxyType(
    {"pe": "pe", "forward_pe": "pe", "trailing_pe": "pe"}
)
# The family members that leave the basis open; two members with an explicit basis that
# differ (forward vs trailing) describe different numbers: at most a soft conflict.
UNSTATED_BASIS_METRICS: Final = frozenset({"pe"})
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
    periods = keyed["period"]
    # Each distinct period once: a library states the same few periods many times.
    normalised = {period: normalise_period(period) for period in periods.dropna().unique()}
    keyed["k_period"] = pd.Series(
        [normalised.get(period, "") for period in periods.tolist()], index=keyed.index, dtype=str
    )
    metric = keyed["metric"].fillna("").astype(str)
    keyed["k_metric"] = metric.map(lambda name: METRIC_FAMILIES.get(name, name))
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


def _metric_of_pair(row_a: Row, row_b: Row) -> str | None:
    """A view pair's metric: the one both state, or both ("forward_pe / pe")."""
    metric_a, metric_b = _text(row_a.get("metric")), _text(row_b.get("metric"))
    return metric_a if metric_a == metric_b else f"{metric_a} / {metric_b}"


def _explicit_bases_differ(row_a: Row, row_b: Row) -> bool:
    """Forward against trailing P/E: one family, two different numbers by definition.

    >>> _explicit_bases_differ({"metric": "forward_pe"}, {"metric": "trailing_pe"})
    True
    >>> _explicit_bases_differ({"metric": "forward_pe"}, {"metric": "pe"})
    False
    """
    metric_a, metric_b = _text(row_a.get("metric")), _text(row_b.get("metric"))
    return (
        metric_a != metric_b
        and metric_a not in UNSTATED_BASIS_METRICS
        and metric_b not in UNSTATED_BASIS_METRICS
    )


def _records(frame: pd.DataFrame) -> list[Row]:
    # Column lists zipped into dicts: several times faster than ``to_dict("records")``.
    names = [str(name) for name in frame.columns]
    columns = [frame[name].tolist() for name in frame.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


# A fact with more distinct statements than this (a long-running fact in a big library) has
# each statement compared with the oldest and the newest only: 2n pairs, not n²/2, and every
# statement still meets the first and the latest word on the fact.
MAX_ALL_PAIRS_STATEMENTS: Final = 6

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
# Oldest first: unknown dates, then by date, article id and position in the article.
_ORDER_COLUMNS: Final = ["_dated", "published", "article_id", "start"]


def _distinct_statements(keyed: pd.DataFrame) -> pd.DataFrame:
    """The oldest row of each distinct statement of each fact stated by two articles or
    more, oldest first: repeating a figure adds no new pair. Done on whole columns, so
    only these rows are turned into dicts."""
    ordered = keyed.assign(_dated=keyed["published"].notna()).sort_values(
        _ORDER_COLUMNS, na_position="first", kind="stable"
    )
    articles = ordered.groupby(_GROUP_KEYS, sort=False)["article_id"].transform("nunique")
    several = ordered[articles >= 2]
    statement = [column for column in _STATEMENT_COLUMNS if column in several.columns]
    return several[~several.duplicated(subset=[*_GROUP_KEYS, *statement], keep="first")]


def _float_or_none(value: object) -> float | None:
    return None if value is None or value != value else float(value)  # type: ignore[arg-type]


def _stated_column(frame: pd.DataFrame) -> list[Stated]:
    """``_stated`` of every row, read from whole columns (as ``quantity_from_row``)."""
    get = {name: frame[name].tolist() for name in frame.columns}
    none = [None] * len(frame)
    stated: list[Stated] = []
    for value, low, high, unit, text, approx, bound, view_type, label in zip(
        *(get.get(f"value_{part}", none) for part in ("value", "low", "high", "unit", "text")),
        get.get("value_approx", none),
        get.get("value_bound", none),
        get.get("view_type", none),
        get.get("label", none),
        strict=True,
    ):
        value, low, high = _float_or_none(value), _float_or_none(low), _float_or_none(high)
        if value is None and low is None and high is None:
            labelled = view_type in LABEL_VIEW_TYPES
            stated.append((None, _text(label)) if labelled else (None, None))
            continue
        bound_text = _text(bound)
        quantity = Quantity(
            value=value,
            unit=_text(unit),
            text=_text(text) or "",
            low=low,
            high=high,
            approx=bool(approx) if _text(approx) is not None else False,
            bound="min" if bound_text == "min" else "max" if bound_text == "max" else None,
        )
        stated.append((quantity, None))
    return stated


# What pairing and comparison rows read of a statement (its quantity is in ``_stated``).
_PAIR_COLUMNS: Final = frozenset(
    {
        *("article_id", "published", "source", "quote", "company", "company_id", "segment"),
        *("segment_id", "metric", "period", "firm", "stat", "k_fact", "k_stat", *_GROUP_KEYS),
    }
)


def _fact_groups(keyed: pd.DataFrame) -> list[list[Row]]:
    """The distinct statements of each fact (oldest first), facts in key order."""
    # A stable sort by fact keeps each fact's rows oldest first; the keys are strings, so
    # this is the order of the key tuples.
    ordered = _distinct_statements(keyed).sort_values(_GROUP_KEYS, kind="stable")
    rows = _records(ordered[[c for c in ordered.columns if c in _PAIR_COLUMNS]])
    for row, stated in zip(rows, _stated_column(ordered), strict=True):
        row["_stated"] = stated
    keys = ordered[_GROUP_KEYS]
    starts = keys.ne(keys.shift()).any(axis=1).to_numpy().nonzero()[0].tolist()
    return [rows[start:end] for start, end in itertools.pairwise([*starts, len(rows)])]


def candidate_pairs(count: int) -> list[tuple[int, int]]:
    """Which statements of one fact (0 = oldest) are compared: all pairs up to
    ``MAX_ALL_PAIRS_STATEMENTS``, beyond it each with the oldest and with the newest.

    >>> candidate_pairs(3)
    [(0, 1), (0, 2), (1, 2)]
    >>> len(candidate_pairs(100)), (0, 5) in candidate_pairs(100), (5, 99) in candidate_pairs(100)
    (197, True, True)
    >>> (5, 6) in candidate_pairs(100)
    False
    """
    if count <= MAX_ALL_PAIRS_STATEMENTS:
        return list(itertools.combinations(range(count), 2))
    last = count - 1
    with_oldest = {(0, i) for i in range(1, count)}
    return sorted(with_oldest | {(i, last) for i in range(1, last)})


def _pairs(keyed: pd.DataFrame, story_of: Mapping[str, str]) -> Iterator[tuple[Row, Row]]:
    for rows in _fact_groups(keyed):
        for index_a, index_b in candidate_pairs(len(rows)):
            row_a, row_b = rows[index_a], rows[index_b]
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
        "metric": _metric_of_pair(side_a, side_b) if kind == "view" else None,
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
            texts = [value if type(value) is str else _text(value) for value in values]
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
    # Generated and republished figures repeat: judge each pair of statements once.
    verdicts: dict[tuple[Stated, Stated], Verdict] = {}
    for kind, frame in (("metric", metrics), ("view", views)):
        if frame is None or frame.empty:
            continue
        for row_a, row_b in _pairs(_with_keys(frame, kind), stories):
            stated = (_stated(row_a), _stated(row_b))
            verdict = verdicts.get(stated)
            if verdict is None:
                verdict = verdicts[stated] = _judge(row_a, row_b)
            if verdict == "conflict" and _explicit_bases_differ(row_a, row_b):
                verdict = "soft"
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

"""Which statements of a fact are compared: fact keys, distinct statements, candidate pairs.

``conflicts.compare_facts`` judges the pairs this module yields. Two rows state the same
fact when their normalised keys (``with_keys``) agree; a view's metric counts by its family
(``METRIC_FAMILIES``), and a share price is a price on a day: two share prices are one fact
only when their articles were published the same day. Each fact's distinct statements are
paired (``candidate_pairs``), never two copies of one story.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final

import pandas as pd

from briefing.domain.model import Quantity

Row = dict[str, Any]

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


def text_or_none(value: object) -> str | None:
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
    bound = text_or_none(row.get(f"{prefix}_bound"))
    approx = row.get(f"{prefix}_approx")
    return Quantity(
        value=value,
        unit=text_or_none(row.get(f"{prefix}_unit")),
        text=text_or_none(row.get(f"{prefix}_text")) or "",
        low=low,
        high=high,
        approx=bool(approx) if text_or_none(approx) is not None else False,
        bound="min" if bound == "min" else "max" if bound == "max" else None,
    )


Stated = tuple[Quantity | None, str | None]


def stated_of(row: Mapping[str, Any]) -> Stated:
    """The quantity a row states, or for a rating its label (kept in ``row["_stated"]``)."""
    cached: Stated | None = row.get("_stated")
    if cached is not None:
        return cached
    quantity = quantity_from_row(row)
    if quantity is None and row.get("view_type") in LABEL_VIEW_TYPES:
        stated: Stated = (None, text_or_none(row.get("label")))
    else:
        stated = (quantity, None)
    if isinstance(row, dict):
        row["_stated"] = stated
    return stated


_READ_COLUMNS: Final = frozenset(
    {
        *("article_id", "published", "source", "quote", "start", "company", "company_id"),
        *("segment", "segment_id", "metric", "period", "view_type", "firm", "stat", "label"),
        *(f"value_{name}" for name in ("value", "low", "high", "unit", "approx", "bound", "text")),
    }
)


def with_keys(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
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
        keyed["k_period"] = _with_price_day(keyed)
    return keyed


def _with_price_day(keyed: pd.DataFrame) -> pd.Series[str]:
    """The period key, with the day of publication added for a share price.

    A share price is a price on a day: $127.80 on 7 Nov and $131.25 on 2 Dec are two facts,
    not a conflict. A price from an undated article has no known day: a fact of its own.
    """
    period: pd.Series[str] = keyed["k_period"]
    is_price = keyed["view_type"].isin(["share_price"])
    if not is_price.any():
        return period
    published = keyed.loc[is_price, "published"]
    undated = "undated " + keyed.loc[is_price, "article_id"].astype(str)
    day = published.dt.strftime("%Y-%m-%d").where(published.notna(), undated)
    return period.where(~is_price, period + " @ " + day.reindex(period.index, fill_value=""))


# The stat stays out of the grouping: a statement without one ("targets span $190-205")
# is compared with every stat, two different stats (average, high) never with each other.
GROUP_KEYS: Final = ["k_company", "k_segment", "k_fact", "k_metric", "k_firm", "k_period"]


def _stats_match(row_a: Mapping[str, Any], row_b: Mapping[str, Any]) -> bool:
    stat_a, stat_b = row_a["k_stat"], row_b["k_stat"]
    return bool(stat_a == stat_b or not stat_a or not stat_b)


def metric_of_pair(row_a: Row, row_b: Row) -> str | None:
    """A view pair's metric: the one both state, or both ("forward_pe / pe")."""
    metric_a, metric_b = text_or_none(row_a.get("metric")), text_or_none(row_b.get("metric"))
    return metric_a if metric_a == metric_b else f"{metric_a} / {metric_b}"


def explicit_bases_differ(row_a: Row, row_b: Row) -> bool:
    """Forward against trailing P/E: one family, two different numbers by definition.

    >>> explicit_bases_differ({"metric": "forward_pe"}, {"metric": "trailing_pe"})
    True
    >>> explicit_bases_differ({"metric": "forward_pe"}, {"metric": "pe"})
    False
    """
    metric_a, metric_b = text_or_none(row_a.get("metric")), text_or_none(row_b.get("metric"))
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
    articles = ordered.groupby(GROUP_KEYS, sort=False)["article_id"].transform("nunique")
    several = ordered[articles >= 2]
    statement = [column for column in _STATEMENT_COLUMNS if column in several.columns]
    return several[~several.duplicated(subset=[*GROUP_KEYS, *statement], keep="first")]


def _float_or_none(value: object) -> float | None:
    return None if value is None or value != value else float(value)  # type: ignore[arg-type]


def _stated_column(frame: pd.DataFrame) -> list[Stated]:
    """``stated_of`` of every row, read from whole columns (as ``quantity_from_row``)."""
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
            stated.append((None, text_or_none(label)) if labelled else (None, None))
            continue
        bound_text = text_or_none(bound)
        quantity = Quantity(
            value=value,
            unit=text_or_none(unit),
            text=text_or_none(text) or "",
            low=low,
            high=high,
            approx=bool(approx) if text_or_none(approx) is not None else False,
            bound="min" if bound_text == "min" else "max" if bound_text == "max" else None,
        )
        stated.append((quantity, None))
    return stated


# What pairing and comparison rows read of a statement (its quantity is in ``_stated``).
_PAIR_COLUMNS: Final = frozenset(
    {
        *("article_id", "published", "source", "quote", "company", "company_id", "segment"),
        *("segment_id", "metric", "period", "firm", "stat", "k_fact", "k_stat", *GROUP_KEYS),
    }
)


def _fact_groups(keyed: pd.DataFrame) -> list[list[Row]]:
    """The distinct statements of each fact (oldest first), facts in key order."""
    # A stable sort by fact keeps each fact's rows oldest first; the keys are strings, so
    # this is the order of the key tuples.
    ordered = _distinct_statements(keyed).sort_values(GROUP_KEYS, kind="stable")
    rows = _records(ordered[[c for c in ordered.columns if c in _PAIR_COLUMNS]])
    # Equal statements get one number (``_statement``): a cheap key for cached verdicts.
    numbers: dict[Stated, int] = {}
    for row, stated in zip(rows, _stated_column(ordered), strict=True):
        row["_stated"] = stated
        row["_statement"] = numbers.setdefault(stated, len(numbers))
    keys = ordered[GROUP_KEYS]
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


def fact_pairs(keyed: pd.DataFrame, story_of: Mapping[str, str]) -> Iterator[tuple[Row, Row]]:
    """The pairs of statements to judge, from ``with_keys`` rows, older first in a pair.

    Each row carries ``_stated`` (its quantity or label) and ``_statement`` (equal
    statements share the number, within one call). Copies of one story are never paired.
    """
    for rows in _fact_groups(keyed):
        for index_a, index_b in candidate_pairs(len(rows)):
            row_a, row_b = rows[index_a], rows[index_b]
            article_a, article_b = str(row_a["article_id"]), str(row_b["article_id"])
            if story_of.get(article_a, article_a) == story_of.get(article_b, article_b):
                continue  # one article, or one story republished: not two sources
            if _stats_match(row_a, row_b):
                yield row_a, row_b

"""The column schema of every analysis frame, declared once (column name -> pandas dtype).

Every item row (a deal, a metric, an analyst view) carries the common columns: its
article, the article's date and source, and the evidence quote with its offsets and the
extraction's confidence. A quantity is flattened into seven columns under a prefix
(``amount_value``, ``amount_low`` ...); a range has ``<p>_value`` null and its ends set.

Text columns use pandas' ``str`` dtype (missing is NaN), dates ``datetime64[ns]`` (NaT
when unknown), counts that may be missing the nullable ``Int64``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import pandas as pd

Schema = Mapping[str, str]

TEXT: Final = "str"
FLOAT: Final = "float64"
INT: Final = "int64"
OPTIONAL_INT: Final = "Int64"
BOOL: Final = "bool"
DATETIME: Final = "datetime64[ns]"

QUANTITY_FIELDS: Final[tuple[tuple[str, str], ...]] = (
    ("value", FLOAT),
    ("low", FLOAT),
    ("high", FLOAT),
    ("unit", TEXT),
    ("approx", BOOL),
    ("bound", TEXT),
    ("text", TEXT),
)


def quantity_columns(prefix: str) -> dict[str, str]:
    """The seven columns a quantity is flattened into.

    >>> list(quantity_columns("amount"))[:3]
    ['amount_value', 'amount_low', 'amount_high']
    """
    return {f"{prefix}_{name}": dtype for name, dtype in QUANTITY_FIELDS}


COMMON_COLUMNS: Final[Schema] = MappingProxyType(
    {
        "article_id": TEXT,
        "published": DATETIME,
        "source": TEXT,
        "title": TEXT,
        "path": TEXT,
        "quote": TEXT,
        "start": INT,
        "end": INT,
        "confidence": FLOAT,
    }
)

ARTICLES_SCHEMA: Final[Schema] = MappingProxyType(
    {
        "article_id": TEXT,
        "path": TEXT,
        "format": TEXT,
        "title": TEXT,
        "published": DATETIME,
        "source": TEXT,
        "primary_company": TEXT,
        "company_id": TEXT,
        "companies": TEXT,  # "; "-joined, in the article's order
        "isins": TEXT,  # "; "-joined
        "n_deals": INT,
        "n_metrics": INT,
        "n_views": INT,
    }
)

DEALS_SCHEMA: Final[Schema] = MappingProxyType(
    {
        **COMMON_COLUMNS,
        "type": TEXT,
        "buyer": TEXT,
        "buyer_id": TEXT,
        "counterparty": TEXT,
        "counterparty_id": TEXT,
        **quantity_columns("amount"),
        **quantity_columns("valuation"),
        "date": DATETIME,
        "terms": TEXT,  # JSON object, as in the extraction contract
    }
)

METRICS_SCHEMA: Final[Schema] = MappingProxyType(
    {
        **COMMON_COLUMNS,
        "company": TEXT,
        "company_id": TEXT,
        "segment": TEXT,
        "segment_id": TEXT,
        "metric": TEXT,
        "raw_name": TEXT,
        "period": TEXT,
        **quantity_columns("value"),
        **quantity_columns("previous"),
        "change_pct": FLOAT,
    }
)

VIEWS_SCHEMA: Final[Schema] = MappingProxyType(
    {
        **COMMON_COLUMNS,
        "view_type": TEXT,
        "company": TEXT,
        "company_id": TEXT,
        "firm": TEXT,
        **quantity_columns("value"),
        "label": TEXT,
        "previous_label": TEXT,
        "stat": TEXT,
        "metric": TEXT,
        "period": TEXT,
        "count": OPTIONAL_INT,
        "of": OPTIONAL_INT,
    }
)

FRAME_SCHEMAS: Final[Mapping[str, Schema]] = MappingProxyType(
    {
        "articles": ARTICLES_SCHEMA,
        "deals": DEALS_SCHEMA,
        "metrics": METRICS_SCHEMA,
        "views": VIEWS_SCHEMA,
    }
)


def _column(values: Sequence[Any], dtype: str) -> pd.Series[Any]:
    if dtype == DATETIME:
        # ISO dates with or without a time ("2025-11-07", "2026-01-04T12:24:06").
        parsed = pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601", errors="coerce")
        return parsed.astype(DATETIME)
    if dtype == TEXT:
        return pd.Series(values, dtype=object).astype(TEXT)
    return pd.Series(values, dtype=dtype)


def frame_from_columns(columns: Mapping[str, Sequence[Any]], schema: Schema) -> pd.DataFrame:
    """A frame with exactly the schema's columns, in its order and with its dtypes.

    ``columns`` holds one list of raw values per schema column (dates as ISO strings or
    None); all lists have the same length, possibly zero.

    >>> frame = frame_from_columns({"a": ["x", None], "n": [1, 2]}, {"a": TEXT, "n": INT})
    >>> [str(t) for t in frame.dtypes]
    ['str', 'int64']
    """
    return pd.DataFrame({name: _column(columns[name], dtype) for name, dtype in schema.items()})


def empty_frame(schema: Schema) -> pd.DataFrame:
    """A frame with no rows and exactly the schema's columns and dtypes."""
    return frame_from_columns({name: [] for name in schema}, schema)

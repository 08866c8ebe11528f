"""An article's items as compact rows, the form the analysis frames are read from.

Decoding the contract JSON (one dict per item, a dict per quantity and per evidence) and
cutting it into columns was most of the time of a 5,000-article library's frames. So each
article also keeps its items as rows in a fixed field order (``*_FIELDS`` below, named
after the frame columns they become), quantities flattened into their seven fields, terms
already as the frame's JSON text. How they are stored and read back as columns:
``store.frame_columns``.

What depends on the library as a whole is NOT stored: company and segment ids are resolved
when the frames are built (the user's aliases and the other articles change them).

The rows are derived from the contract dict with the defaults of ``domain.contract``'s
``*_from_dict``, so they give the same frames as the rebuilt ``ArticleResult``. A change of
the layout (here or in ``frame_columns``) bumps ``ROWS_LAYOUT``: rows of another layout
(older, or written by a newer app) are ignored and recomputed from the contract when read
(see ``Library.stored_rows``), no migration needed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final, NamedTuple

from briefing.domain.contract import quantity_from_dict, quantity_to_dict

ROWS_LAYOUT: Final = 1

JsonDict = Mapping[str, Any]
Row = list[Any]

_QUANTITY_PARTS: Final = ("value", "low", "high", "unit", "approx", "bound", "text")
# An absent quantity's seven fields (as ``analysis.frames`` flattens ``None``).
_NO_QUANTITY: Final[Row] = [None, None, None, None, False, None, None]


def _quantity_fields(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{part}" for part in _QUANTITY_PARTS)


# The article's row; "companies" and "isins" are lists here (the frame joins them).
ARTICLE_FIELDS: Final = (
    "article_id",
    "path",
    "format",
    "title",
    "published",
    "source",
    "primary_company",
    "companies",
    "isins",
)
ARTICLE_PRIMARY: Final = ARTICLE_FIELDS.index("primary_company")
ARTICLE_COMPANIES: Final = ARTICLE_FIELDS.index("companies")
ARTICLE_ISINS: Final = ARTICLE_FIELDS.index("isins")

_EVIDENCE_FIELDS: Final = ("quote", "start", "end", "confidence")
DEAL_FIELDS: Final = (
    *_EVIDENCE_FIELDS,
    "type",
    "buyer",
    "counterparty",
    *_quantity_fields("amount"),
    *_quantity_fields("valuation"),
    "date",
    "terms",  # the frame's JSON text
)
METRIC_FIELDS: Final = (
    *_EVIDENCE_FIELDS,
    "company",
    "segment",
    "metric",
    "raw_name",
    "period",
    *_quantity_fields("value"),
    *_quantity_fields("previous"),
    "change_pct",
)
VIEW_FIELDS: Final = (
    *_EVIDENCE_FIELDS,
    "view_type",
    "company",
    "firm",
    *_quantity_fields("value"),
    "label",
    "previous_label",
    "stat",
    "metric",
    "period",
    "count",
    "of",
)
_VIEW_TAIL: Final = ("label", "previous_label", "stat", "metric", "period", "count", "of")


class FrameRows(NamedTuple):
    """One article's rows: its own, then one list of rows per kind of item (each row in
    its kind's ``*_FIELDS`` order)."""

    article: Row
    deals: list[Row]
    metrics: list[Row]
    views: list[Row]


def _quantity(data: JsonDict | None) -> Row:
    """The seven fields of a quantity, with ``quantity_from_dict``'s defaults.

    >>> _quantity({"value": 5, "unit": "USD"})
    [5, None, None, 'USD', False, None, '']
    >>> _quantity(None)
    [None, None, None, None, False, None, None]
    """
    if data is None:
        return list(_NO_QUANTITY)
    get = data.get
    return [
        get("value"),
        get("low"),
        get("high"),
        get("unit"),
        bool(get("approx", False)),
        get("bound"),
        get("text", ""),
    ]


def _evidence(item: JsonDict) -> Row:
    evidence = item["evidence"]
    return [evidence["quote"], evidence["start"], evidence["end"], item.get("confidence", 0.0)]


def terms_json(terms: JsonDict | None) -> str:
    """A deal's terms as the frame's JSON text: through ``Quantity`` and back, as
    ``build_frames`` sees them (defaults filled in, whole numbers without a fraction).

    >>> terms_json({"stake": {"value": 20.0, "unit": "%"}, "note": "cash"})
    '{"stake": {"value": 20, "low": null, "high": null, "unit": "%", "approx": false, \
"bound": null, "text": ""}, "note": "cash"}'
    >>> terms_json(None)
    '{}'
    """
    if not terms:
        return "{}"
    flat = {
        name: term if isinstance(term, str) else quantity_to_dict(quantity_from_dict(term)) or ""
        for name, term in terms.items()
    }
    return json.dumps(flat, ensure_ascii=False)


def _deal(deal: JsonDict) -> Row:
    get = deal.get
    return [
        *_evidence(deal),
        deal["type"],
        get("buyer"),
        get("counterparty"),
        *_quantity(get("amount")),
        *_quantity(get("valuation")),
        get("date"),
        terms_json(get("terms")),
    ]


def _metric(metric: JsonDict) -> Row:
    get = metric.get
    name = metric["name"]
    return [
        *_evidence(metric),
        get("company"),
        get("segment"),
        name,
        get("raw_name", name),  # an older contract without it: the name as written
        get("period"),
        *_quantity(get("value")),
        *_quantity(get("previous")),
        get("change_pct"),
    ]


def _view(view: JsonDict) -> Row:
    get = view.get
    return [
        *_evidence(view),
        view["type"],
        get("company"),
        get("firm"),
        *_quantity(get("value")),
        *[get(field) for field in _VIEW_TAIL],
    ]


def rows_of_contract(contract: JsonDict) -> FrameRows:
    """An article's rows from its decoded ``briefing.extraction/1`` JSON object.

    >>> rows = rows_of_contract({"id": "a1", "path": "a.txt", "format": "txt",
    ...     "metrics": [{"name": "revenue", "evidence": {"quote": "q", "start": 0, "end": 1}}]})
    >>> rows.article
    ['a1', 'a.txt', 'txt', None, None, None, None, [], []]
    >>> dict(zip(METRIC_FIELDS, rows.metrics[0]))["raw_name"], rows.deals
    ('revenue', [])
    """
    get = contract.get
    article = [
        contract["id"],
        contract["path"],
        contract["format"],
        get("title"),
        get("published"),
        get("source"),
        get("primary_company"),
        list(get("companies") or ()),
        list(get("isins") or ()),
    ]
    return FrameRows(
        article,
        [_deal(deal) for deal in get("deals") or ()],
        [_metric(metric) for metric in get("metrics") or ()],
        [_view(view) for view in get("analyst_views") or ()],
    )

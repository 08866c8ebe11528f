"""How an article's frame rows are stored, and how many articles' are read as columns.

An article's ``FrameRows`` are stored in two parts:

- **text**: UTF-8 lines. Line 0 is the JSON array of the article's row followed by its
  number of deals, metrics and views; then, kind after kind, one line per text field (a
  ``Kind``'s ``text_fields``): the JSON values of that field for the article's items,
  comma-separated without brackets (empty when the article has none). Reading a field of
  every article is
  then one ``b",".join`` of their lines and one ``orjson.loads``: the column comes out of C
  as a list, with no Python list per item and no ``zip`` to transpose rows.
- **numbers**: the numeric fields (``number_fields``: offsets, confidence, amounts) as
  little-endian float64, item after item and kind after kind; a missing value is NaN, as
  numpy makes it of ``None``. Read with one ``numpy.frombuffer`` per kind.

JSON escapes every control character inside strings and UTF-8 never uses the byte 0x0A in
a multi-byte character, so a line break only ever separates lines.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any, Final, NamedTuple, cast

import numpy as np
import orjson

from briefing.store.frame_rows import (
    ARTICLE_FIELDS,
    DEAL_FIELDS,
    METRIC_FIELDS,
    VIEW_FIELDS,
    FrameRows,
)

NUMBER_DTYPE: Final = np.dtype("<f8")

# The fields stored as numbers: those the frames type float64, int64 or Int64.
_NUMERIC: Final = frozenset(
    {"start", "end", "confidence", "change_pct", "count", "of"}
    | {
        f"{quantity}_{part}"
        for quantity in ("amount", "valuation", "value", "previous")
        for part in ("value", "low", "high")
    }
)


class Kind(NamedTuple):
    """A kind of item: all its fields in frame order, split into stored text and numbers."""

    fields: tuple[str, ...]
    text_fields: tuple[str, ...]
    number_fields: tuple[str, ...]

    @classmethod
    def of(cls, fields: tuple[str, ...]) -> Kind:
        return cls(
            fields,
            tuple(name for name in fields if name not in _NUMERIC),
            tuple(name for name in fields if name in _NUMERIC),
        )


KINDS: Final = (Kind.of(DEAL_FIELDS), Kind.of(METRIC_FIELDS), Kind.of(VIEW_FIELDS))
LINES: Final = 1 + sum(len(kind.text_fields) for kind in KINDS)


class StoredForm(NamedTuple):
    """An article's frame rows as stored: its text lines and its numbers (uncompressed)."""

    lines: list[bytes]
    numbers: bytes


class KindColumns(NamedTuple):
    """One kind of item of many articles: how many each article has, and every field's
    column (lists for text fields, float64 arrays for numeric ones)."""

    counts: list[int]
    columns: dict[str, Sequence[Any]]


class LibraryColumns(NamedTuple):
    """Many articles' rows as columns: the articles' (``ARTICLE_FIELDS``) and each kind's."""

    articles: dict[str, list[Any]]
    deals: KindColumns
    metrics: KindColumns
    views: KindColumns


def _json(values: list[Any]) -> bytes:
    """Compact JSON of a list. ``orjson`` writes NaN as null, which the text columns read
    as missing either way; what it refuses (integers beyond 64 bits) goes to ``json``.

    >>> _json(["a", None, 1.5]), _json([2**70])
    (b'["a",null,1.5]', b'[1180591620717411303424]')
    """
    try:
        return orjson.dumps(values)
    except orjson.JSONEncodeError:
        return json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def stored_form(rows: FrameRows) -> StoredForm:
    """The stored form of an article's rows (see the module's docstring).

    Raises ``TypeError`` or ``ValueError`` when a numeric field holds no number.

    >>> form = stored_form(FrameRows(["a1", "a.txt", "txt", None, None, None, None, [], []],
    ...     [], [], []))
    >>> form.lines[0], len(form.lines) == LINES, form.numbers
    (b'["a1","a.txt","txt",null,null,null,null,[],[],0,0,0]', True, b'')
    """
    kinds = (rows.deals, rows.metrics, rows.views)
    lines = [_json([*rows.article, *map(len, kinds)])]
    numbers = []
    for items, kind in zip(kinds, KINDS, strict=True):
        columns = dict(zip(kind.fields, zip(*items, strict=True), strict=True)) if items else {}
        for field in kind.text_fields:
            lines.append(_json(list(columns.get(field, ())))[1:-1])
        values = [columns[field] for field in kind.number_fields] if items else []
        numbers.append(np.array(values, dtype=NUMBER_DTYPE).T.tobytes())
    return StoredForm(lines, b"".join(numbers))


def pack(form: StoredForm) -> tuple[bytes, bytes]:
    """(text, numbers), each zlib-compressed, as the library stores them."""
    return zlib.compress(b"\n".join(form.lines), 6), zlib.compress(form.numbers, 6)


def unpack(text: bytes, numbers: bytes) -> StoredForm:
    """The ``StoredForm`` of ``pack``'s blobs."""
    lines = zlib.decompress(text).split(b"\n")
    if len(lines) != LINES:
        raise ValueError(f"frame rows with {len(lines)} lines instead of {LINES}")
    return StoredForm(lines, zlib.decompress(numbers))


def _loads(fragments: Iterable[bytes]) -> list[Any]:
    """The JSON array made of ``fragments`` (each values without brackets), decoded; what
    ``orjson`` refuses and ``json`` reads (NaN, integers beyond 64 bits) goes to ``json``."""
    text = b"[" + b",".join(filter(None, fragments)) + b"]"
    try:
        values: list[Any] = orjson.loads(text)
    except orjson.JSONDecodeError:
        values = json.loads(text.decode("utf-8"))
    return values


def read_columns(forms: Sequence[StoredForm]) -> LibraryColumns:
    """The columns of many articles' stored rows, articles in the order given.

    >>> rows = FrameRows(["a1", "a.txt", "txt", None, None, None, None, [], []], [],
    ...     [["q", 0, 1, 0.5, None, None, "revenue", "Revenue", "2025"]
    ...      + [None, None, None, None, False, None, None] * 2 + [None]], [])
    >>> read = read_columns([stored_form(rows)] * 2)
    >>> read.metrics.counts, read.metrics.columns["raw_name"], read.metrics.columns["end"]
    ([1, 1], ['Revenue', 'Revenue'], array([1., 1.]))
    """
    lines = [form.lines for form in forms]
    article_rows = _loads(map(itemgetter(0), lines))
    width = len(ARTICLE_FIELDS)
    articles = {
        name: [row[index] for row in article_rows] for index, name in enumerate(ARTICLE_FIELDS)
    }
    counts = [[row[width + index] for row in article_rows] for index in range(len(KINDS))]
    kinds = []
    line = 1
    for kind, kind_counts, numbers in zip(
        KINDS, counts, _numbers_by_kind(forms, counts), strict=True
    ):
        columns: dict[str, Sequence[Any]] = {}
        for field in kind.text_fields:
            columns[field] = _loads(map(itemgetter(line), lines))
            line += 1
            if len(columns[field]) != sum(kind_counts):
                raise ValueError(f"frame rows whose {field!r} values do not match their counts")
        table = np.frombuffer(numbers, dtype=NUMBER_DTYPE).reshape(-1, len(kind.number_fields))
        for index, field in enumerate(kind.number_fields):
            columns[field] = cast("Sequence[Any]", table[:, index])
        kinds.append(KindColumns(kind_counts, columns))
    return LibraryColumns(articles, *kinds)


def _numbers_by_kind(forms: Sequence[StoredForm], counts: list[list[int]]) -> list[bytes]:
    """The numbers of every article's deals, metrics and views, kind by kind (an article
    stores its deals', then its metrics', then its views')."""
    sizes = [len(kind.number_fields) * NUMBER_DTYPE.itemsize for kind in KINDS]
    pieces: list[list[bytes]] = [[] for _ in KINDS]
    for form, *numbers_of in zip(forms, *counts, strict=True):
        start = 0
        for kind_pieces, count, size in zip(pieces, numbers_of, sizes, strict=True):
            end = start + count * size
            kind_pieces.append(form.numbers[start:end])
            start = end
        if start != len(form.numbers):
            raise ValueError("frame rows whose numbers do not match their counts")
    return [b"".join(kind_pieces) for kind_pieces in pieces]

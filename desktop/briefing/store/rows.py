"""Between domain objects and the library's rows: JSON lists, the compressed contract JSON."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import zlib
from collections.abc import Iterator, Sequence
from typing import Any, Final, NamedTuple

import orjson

from briefing.domain.contract import article_from_dict, article_to_dict
from briefing.domain.model import ArticleResult, Document
from briefing.store.frame_columns import StoredForm, pack, stored_form, unpack
from briefing.store.frame_rows import ROWS_LAYOUT, rows_of_contract
from briefing.store.records import StoredArticle

ARTICLE_COLUMNS: Final = (
    "id, path, format, title, published, source, isins, tickers, content_spans, body, "
    "content_hash, added_at, primary_company, companies"
)
# The list view: everything but the body and the contract JSON, so listing stays fast.
SUMMARY_SELECT: Final = (
    "SELECT a.id, a.path, a.format, a.title, a.published, a.source, a.isins, a.tickers, "
    "a.primary_company, a.companies, a.added_at, e.engine_version, e.deals, e.metrics, "
    "e.analyst_views FROM articles a JOIN extractions e ON e.article_id = a.id"
)
# Also replaces the rows of a re-extracted article.
INSERT_FRAME_ROWS: Final = (
    "INSERT INTO frame_rows (article_id, layout, rows_zlib, numbers_zlib) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET layout = excluded.layout, "
    "rows_zlib = excluded.rows_zlib, numbers_zlib = excluded.numbers_zlib"
)


def json_list(values: Sequence[Any]) -> str:
    """A compact JSON list.

    >>> json_list(("US01609W1027",))
    '["US01609W1027"]'
    """
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def str_tuple(text: str) -> tuple[str, ...]:
    """A JSON list of strings as a tuple.

    >>> str_tuple('["BABA","9988.HK"]')
    ('BABA', '9988.HK')
    """
    return tuple(str(value) for value in json.loads(text))


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def pack_json(data: Any) -> bytes:
    """Compact JSON, zlib-compressed (what ``unpack_json`` reads)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def pack_contract(result: ArticleResult) -> bytes:
    """The article's contract JSON, compact and zlib-compressed."""
    return pack_json(article_to_dict(result))


def spans_tuple(stored: str) -> tuple[tuple[int, int], ...]:
    """Content spans back from their JSON column.

    >>> spans_tuple("[[0, 12], [20, 31]]")
    ((0, 12), (20, 31))
    """
    return tuple((int(start), int(end)) for start, end in json.loads(stored))


def unpack_contract(blob: bytes) -> dict[str, Any]:
    """The contract JSON of ``pack_contract``, decoded (see ``unpack_json``)."""
    data: dict[str, Any] = unpack_json(blob)
    return data


def unpack_json(blob: bytes) -> Any:
    """The JSON of ``pack_json``, decoded.

    ``orjson`` decodes the same values about twice as fast as ``json`` (a fifth of the time
    of a 5,000-article library); what it refuses and ``json`` reads (NaN, integers beyond
    64 bits) goes to ``json``.

    >>> unpack_json(zlib.compress(b'{"value": NaN, "count": 3}'))
    {'value': nan, 'count': 3}
    """
    text = zlib.decompress(blob)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text.decode("utf-8"))


@contextlib.contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """No cyclic garbage collection inside the block (as before it, after it).

    Decoding a library's JSON and flattening it into frames creates millions of dicts and
    lists and no cycles; each automatic collection would walk all of them again, about a
    third of the time of a 5,000-article library.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class StoredExtraction(NamedTuple):
    """An article as the library stores it, decoded but not rebuilt into dataclasses:
    reading the contract dicts directly is several times faster than ``rebuild_result``."""

    contract: dict[str, Any]  # the article's ``briefing.extraction/1`` JSON object
    tickers: tuple[str, ...]  # not in the contract: tickers the article states
    body: str  # the normalized body for "Name (NYSE: X)" lookups; "" when no tickers


def stored_extraction(blob: bytes, body: str, tickers: str) -> StoredExtraction:
    """A ``StoredExtraction`` from the library's columns."""
    return StoredExtraction(
        unpack_contract(blob), () if tickers == "[]" else str_tuple(tickers), body
    )


class StoredRows(NamedTuple):
    """An article's frame rows as the library stores them, with what resolving company
    names needs besides (tickers; the body only when there are tickers, else "")."""

    rows: StoredForm
    tickers: tuple[str, ...]
    body: str


def frame_rows_blobs(contract_blob: bytes) -> tuple[bytes, bytes]:
    """The packed frame rows of an article from its packed contract JSON: (rows_zlib,
    numbers_zlib), see ``store.frame_columns``."""
    return pack(stored_form(rows_of_contract(unpack_contract(contract_blob))))


def stored_rows(
    rows_blob: bytes | None,
    numbers_blob: bytes | None,
    contract_blob: bytes | None,
    body: str,
    tickers: str,
) -> StoredRows:
    """``StoredRows`` from the library's columns: the stored rows, or (when they are
    missing or of another layout) rows computed from the contract JSON."""
    if rows_blob is not None and numbers_blob is not None:
        rows = unpack(rows_blob, numbers_blob)
    elif contract_blob is not None:
        rows = stored_form(rows_of_contract(unpack_contract(contract_blob)))
    else:
        raise ValueError("an article without its rows and without its contract JSON")
    return StoredRows(rows, () if tickers == "[]" else str_tuple(tickers), body)


def article_row(result: ArticleResult, added_at: str) -> tuple[Any, ...]:
    """The ``articles`` row of a result, in ``ARTICLE_COLUMNS`` order."""
    document, extraction = result.document, result.extraction
    return (
        document.id,
        document.path,
        document.format,
        document.title,
        document.published,
        document.source,
        json_list(document.isins),
        json_list(document.tickers),
        json_list([list(span) for span in document.content_spans]),
        document.body,
        content_hash(document.body),
        added_at,
        extraction.primary_company,
        json_list(extraction.companies),
    )


def extraction_row(result: ArticleResult, engine_version: str) -> tuple[Any, ...]:
    """The ``extractions`` row: (article_id, engine_version, contract_zlib, counts...)."""
    extraction = result.extraction
    return (
        result.document.id,
        engine_version,
        pack_contract(result),
        len(extraction.deals),
        len(extraction.metrics),
        len(extraction.analyst_views),
    )


def frame_rows_row(article_id: str, contract_blob: bytes) -> tuple[str, int, bytes, bytes] | None:
    """The ``frame_rows`` row (article_id, layout, rows_zlib, numbers_zlib) of a packed
    contract (the ``contract_zlib`` of ``extraction_row``); None for a contract whose
    numbers are no numbers (a file from elsewhere): it is read the slow way, and a library
    must open whatever its contracts hold.

    The rows come from the contract JSON as stored (decoded again), so they hold exactly
    what ``results()`` rebuilds later.
    """
    try:
        rows_blob, numbers_blob = frame_rows_blobs(contract_blob)
    except (TypeError, ValueError, OverflowError, KeyError, AttributeError):
        return None
    return (article_id, ROWS_LAYOUT, rows_blob, numbers_blob)


def stored_article(row: Sequence[Any]) -> StoredArticle:
    """A ``StoredArticle`` from a ``SUMMARY_SELECT`` row."""
    return StoredArticle(
        id=row[0],
        path=row[1],
        format=row[2],
        title=row[3],
        published=row[4],
        source=row[5],
        isins=str_tuple(row[6]),
        tickers=str_tuple(row[7]),
        primary_company=row[8],
        companies=str_tuple(row[9]),
        added_at=row[10],
        engine_version=row[11],
        deals=int(row[12]),
        metrics=int(row[13]),
        analyst_views=int(row[14]),
    )


def rebuild_result(blob: bytes, body: str, tickers: str, spans: str) -> ArticleResult:
    """The article as it was added: the contract JSON plus what the contract leaves out
    (body, tickers, content spans)."""
    result = article_from_dict(unpack_contract(blob), body)
    document = dataclasses.replace(
        result.document,
        tickers=str_tuple(tickers),
        content_spans=spans_tuple(spans),
    )
    return ArticleResult(document, result.extraction)


def stored_document(row: Sequence[Any]) -> Document:
    """The document as ingested, from an ``ARTICLE_COLUMNS`` row (for re-extraction).

    Warnings are not columns of their own; a re-extraction recomputes the extraction's.
    """
    return Document(
        id=row[0],
        path=row[1],
        format=row[2],
        title=row[3],
        published=row[4],
        source=row[5],
        isins=str_tuple(row[6]),
        tickers=str_tuple(row[7]),
        content_spans=spans_tuple(row[8]),
        body=row[9],
    )

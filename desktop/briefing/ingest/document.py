"""Assemble a ``Document`` from normalised text plus whatever metadata its format supplied."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Final

from briefing.domain.model import ArticleFormat, Document
from briefing.ingest.boilerplate import body_lines, content_spans, find_furniture
from briefing.ingest.errors import IngestError
from briefing.ingest.identifiers import find_isins, find_tickers
from briefing.ingest.metadata import read_text_metadata

_NO_CONTENT_WARNING: Final = "everything looked like publisher furniture; the whole text is read"


def normalize_newlines(text: str) -> str:
    r"""Line endings to ``\n``; a stray byte-order mark at the start removed; nothing else.

    >>> normalize_newlines("\ufeffA\r\nB\rC\n")
    'A\nB\nC\n'
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def document_id(body: str) -> str:
    """sha256 hex of the normalised body: the same article text gives the same id.

    >>> document_id("abc")[:16]
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def build_document(
    text: str,
    *,
    path: str,
    format: ArticleFormat,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    warnings: Iterable[str] = (),
) -> Document:
    """A ``Document`` for ``text``; metadata given by the format wins over what the text says.

    >>> doc = build_document("Acme buys Widget\\n\\nAcme (NYSE: ACME) paid $5m.\\n\\n"
    ...                      "Also read: Rival (NASDAQ: RVL) hits a record",
    ...                      path="a.txt", format="text")
    >>> doc.title, doc.tickers
    ('Acme buys Widget', ('NYSE:ACME',))
    >>> [doc.body[s:e] for s, e in doc.content_spans]
    ['Acme buys Widget\\n\\nAcme (NYSE: ACME) paid $5m.']
    """
    body = normalize_newlines(text)
    if not body.strip():
        raise IngestError(path, "empty (no text)")
    lines = body_lines(body)
    furniture = find_furniture(body, lines)
    meta = read_text_metadata(body, lines, furniture)
    spans = content_spans(body, [*furniture, *meta.header_spans])
    notes = list(warnings)
    if not spans:
        spans = content_spans(body, [])
        notes.append(_NO_CONTENT_WARNING)
    # Header lines ("Acme Inc. (NASDAQ: ACME) · ISIN ...") state the article's own tickers;
    # furniture (related-article lists) states other companies' and is left out.
    tickers: dict[str, None] = {}
    for start, end in sorted([*spans, *meta.header_spans]):
        for ticker in find_tickers(body[start:end]):
            tickers.setdefault(ticker, None)
    return Document(
        id=document_id(body),
        path=path,
        format=format,
        body=body,
        title=title or meta.title,
        published=published or meta.published,
        source=source or meta.source,
        isins=find_isins(body),
        tickers=tuple(tickers),
        content_spans=spans,
        warnings=tuple(notes),
    )

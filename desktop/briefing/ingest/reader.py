"""Read an article file of any supported kind into a ``Document``; bad input: ``IngestError``."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Final

from briefing.domain.model import ArticleFormat, Document
from briefing.ingest.document import build_document
from briefing.ingest.email_reader import read_email
from briefing.ingest.encoding import decode_text
from briefing.ingest.errors import IngestError
from briefing.ingest.html_reader import declared_charset, extract_html_article
from briefing.ingest.markdown_text import markdown_to_text
from briefing.ingest.paths import format_for_path
from briefing.ingest.pdf_reader import normalize_pdf_text, read_pdf_text

DEFAULT_MAX_BYTES: Final = 20 * 1024 * 1024


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _file_size(path: Path) -> int:
    """The size of a regular file, or ``IngestError`` for a missing path or a folder."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise IngestError(path, "not found") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(path, "is a folder, not a file")
    return info.st_size


def _read_bytes(path: Path, size: int, max_bytes: int) -> bytes:
    limit = f"(limit {_size_text(max_bytes)})"
    if size > max_bytes:
        raise IngestError(path, f"too large: {_size_text(size)} {limit}")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # grew since stat, or a special file that reports no size
        raise IngestError(path, f"too large: over {_size_text(max_bytes)} {limit}")
    if not data:
        raise IngestError(path, "empty file (0 bytes)")
    return data


def _html_document(markup: str, path: str, warnings: tuple[str, ...]) -> Document:
    article = extract_html_article(markup)
    if article is None:
        raise IngestError(path, "no article text found in the HTML page")
    return build_document(
        article.text,
        path=path,
        format="html",
        title=article.title,
        published=article.published,
        source=article.source,
        warnings=warnings,
    )


def _markdown_document(markdown: str, path: str, warnings: tuple[str, ...]) -> Document:
    """The article as the text a reader sees: quotes and offsets never carry "**" or "#"."""
    return build_document(
        markdown_to_text(markdown), path=path, format="markdown", warnings=warnings
    )


def _email_document(data: bytes, path: str) -> Document:
    mail = read_email(data, path)
    return build_document(
        mail.text,
        path=path,
        format="email",
        title=mail.title,
        published=mail.published,
        source=mail.source,
        warnings=mail.warnings,
    )


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article file (.txt, .md/.markdown, .html/.htm, .pdf, .eml) into a ``Document``.

    Raises ``IngestError`` naming the file and the reason for anything that is not a
    readable article: missing, a folder, unsupported type, too large, empty, binary,
    damaged, encrypted, or without text.
    """
    path = Path(path)
    name = str(path)
    size = _file_size(path)
    article_format = format_for_path(path)
    data = _read_bytes(path, size, max_bytes)
    if article_format == "pdf":
        pdf = read_pdf_text(data, name)
        return build_document(
            pdf.text, path=name, format="pdf", title=pdf.title, warnings=pdf.warnings
        )
    if article_format == "email":
        return _email_document(data, name)
    charset = declared_charset(data) if article_format == "html" else None
    decoded = decode_text(data, name, declared_charset=charset)
    if not decoded.text.strip():
        raise IngestError(name, "empty file (only whitespace)")
    if article_format == "html":
        return _html_document(decoded.text, name, decoded.warnings)
    if article_format == "markdown":
        return _markdown_document(decoded.text, name, decoded.warnings)
    return build_document(decoded.text, path=name, format=article_format, warnings=decoded.warnings)


def document_from_text(
    text: str, *, path: str = "<text>", format: ArticleFormat = "text"
) -> Document:
    """A ``Document`` from text in memory (pasted, or written by a test).

    ``text`` is what a file of that format would contain: plain text as is, Markdown
    (read without its markup), HTML markup, an e-mail's source, or a PDF's extracted text
    (normalised as PDF text is).

    >>> doc = document_from_text("Acme’s Deal\\n04.01.2026 - 12:24:06\\nAcme paid $5m.")
    >>> doc.title, doc.published, doc.format
    ('Acme’s Deal', '2026-01-04T12:24:06', 'text')
    """
    if not text.strip():
        raise IngestError(path, "empty (no text)")
    if format == "html":
        return _html_document(text, path, ())
    if format == "email":
        return _email_document(text.encode("utf-8", errors="surrogateescape"), path)
    if format == "pdf":
        return build_document(normalize_pdf_text(text), path=path, format="pdf")
    if format == "markdown":
        return _markdown_document(text, path, ())
    return build_document(text, path=path, format=format)

"""Ingest: article files of any supported kind to ``Document`` (text, metadata, content spans).

Supported: .txt, .md/.markdown, .html/.htm, .pdf, .eml. Nothing here opens a network connection.
"""

from __future__ import annotations

from briefing.ingest.errors import IngestError
from briefing.ingest.paths import FORMAT_BY_EXTENSION, collect_article_paths, format_for_path
from briefing.ingest.reader import DEFAULT_MAX_BYTES, document_from_text, read_document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMAT_BY_EXTENSION",
    "IngestError",
    "collect_article_paths",
    "document_from_text",
    "format_for_path",
    "read_document",
]

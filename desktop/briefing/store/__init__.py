"""The library: an embedded SQLite database of articles and their extractions."""

from __future__ import annotations

from briefing.store.errors import (
    CorruptLibraryError,
    LibraryError,
    LibraryLockedError,
    NewerSchemaError,
    NotADatabaseError,
    UnknownArticleError,
)
from briefing.store.library import Library
from briefing.store.records import AddOutcome, StoredArticle
from briefing.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "AddOutcome",
    "CorruptLibraryError",
    "Library",
    "LibraryError",
    "LibraryLockedError",
    "NewerSchemaError",
    "NotADatabaseError",
    "StoredArticle",
    "UnknownArticleError",
]

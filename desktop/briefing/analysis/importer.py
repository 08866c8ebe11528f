"""Import article files into the library, with progress and cancellation (Qt-free).

The GUI runs ``import_paths`` in a worker thread; the worker opens its own ``Library`` (a
sqlite3 connection belongs to its thread). Articles are stored in batches, one transaction
each, so a cancel or a killed process leaves whole batches only: never an article without
its extraction. A file that cannot be read or extracted is recorded and the rest goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing import ENGINE_VERSION
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import IngestError, collect_article_paths, read_document
from briefing.store import Library

_log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 25


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """``done`` of ``total`` files handled; ``current`` is the file handled last."""

    done: int
    total: int
    current: Path


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file that was not imported, and why (plain text for the user)."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What one import did: stored article ids, files already present, failures."""

    added: tuple[str, ...]
    duplicates: tuple[Path, ...]
    failed: tuple[FileFailure, ...]
    cancelled: bool
    total: int


def _never() -> bool:
    return False


def failure_of(path: Path, error: BaseException) -> FileFailure:
    """The user's line for a file that failed: the ingest reason, else the exception.

    >>> failure_of(Path("a.pdf"), IngestError("a.pdf", "not a PDF file")).reason
    'not a PDF file'
    >>> failure_of(Path("a.txt"), ValueError("bad offset")).reason
    'extraction failed: ValueError: bad offset'
    """
    if isinstance(error, IngestError):
        return FileFailure(Path(error.path), error.reason)
    return FileFailure(path, f"extraction failed: {type(error).__name__}: {error}")


def read_and_extract(path: Path) -> ArticleResult:
    """Read one article file and extract it; raises ``IngestError`` or the engine's error."""
    document = read_document(path)
    return ArticleResult(document, extract_document(document))


class _Batches:
    """Collects results and stores them ``size`` at a time, tallying the outcomes."""

    def __init__(self, library: Library, size: int) -> None:
        self._library = library
        self._size = max(1, size)
        self._pending: list[ArticleResult] = []
        self.added: list[str] = []
        self.duplicates: list[Path] = []

    def append(self, result: ArticleResult) -> None:
        self._pending.append(result)
        if len(self._pending) >= self._size:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        outcomes = self._library.add_many(self._pending, ENGINE_VERSION)
        self._pending = []
        for outcome in outcomes:
            if outcome.added:
                self.added.append(outcome.article_id)
            else:
                self.duplicates.append(Path(outcome.path))


def import_paths(
    paths: Sequence[Path],
    library: Library,
    *,
    recursive: bool = True,
    on_progress: Callable[[ImportProgress], None] | None = None,
    should_stop: Callable[[], bool] = _never,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> ImportSummary:
    """Read, extract and store the article files among ``paths`` (files or folders).

    ``should_stop`` is asked between files: when it answers True, the finished part of the
    current batch is stored and the import stops (``cancelled=True``). Library errors
    (``LibraryError``) propagate: they concern the whole import, not one file.
    """
    files, path_errors = collect_article_paths(paths, recursive=recursive)
    failed = [failure_of(Path(error.path), error) for error in path_errors]
    batches = _Batches(library, batch_size)
    cancelled = False
    for done, path in enumerate(files, start=1):
        if should_stop():
            cancelled = True
            break
        try:
            batches.append(read_and_extract(path))
        except IngestError as error:
            failed.append(failure_of(path, error))
        except Exception as error:  # an engine bug must not cost the user the other files
            # One line per file; the traceback only at debug level (1,000 failing files
            # wrote 30,000 lines of the same traceback).
            _log.warning("extraction failed for %s: %r", path, error)
            _log.debug("extraction failed for %s", path, exc_info=True)
            failed.append(failure_of(path, error))
        if on_progress is not None:
            on_progress(ImportProgress(done, len(files), path))
    batches.flush()
    return ImportSummary(
        added=tuple(batches.added),
        duplicates=tuple(batches.duplicates),
        failed=tuple(failed),
        cancelled=cancelled,
        total=len(files),
    )


def reextract_stale(
    library: Library,
    engine_version: str = ENGINE_VERSION,
    on_progress: Callable[[ImportProgress], None] | None = None,
    should_stop: Callable[[], bool] = _never,
) -> int:
    """Redo the extractions made by another engine version; returns how many were redone.

    A document whose re-extraction fails keeps its old extraction (logged). Each article is
    replaced in its own transaction, so stopping early leaves every article consistent.
    """
    stale = library.stale(engine_version)
    redone = 0
    for done, document in enumerate(library.documents(stale), start=1):
        if should_stop():
            break
        try:
            extraction = extract_document(document)
        except Exception:  # keep going; the old extraction stays
            _log.exception("re-extraction failed for %s", document.path)
        else:
            library.replace_extraction(document.id, extraction, engine_version)
            redone += 1
        if on_progress is not None:
            on_progress(ImportProgress(done, len(stale), Path(document.path)))
    return redone

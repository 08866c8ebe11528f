"""``Library``: the embedded SQLite store of articles and their extractions.

Every write runs in one explicit ``BEGIN IMMEDIATE`` transaction, so a process killed at any
point leaves each article either fully stored (row and extraction) or absent.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from briefing.domain.model import ArticleResult, Document, Extraction
from briefing.store.errors import LibraryError, UnknownArticleError
from briefing.store.frame_rows import ROWS_LAYOUT
from briefing.store.opening import DEFAULT_BUSY_TIMEOUT_S, open_connection, translate
from briefing.store.records import AddOutcome, StoredArticle
from briefing.store.rows import (
    ARTICLE_COLUMNS,
    INSERT_FRAME_ROWS,
    SUMMARY_SELECT,
    StoredExtraction,
    StoredRows,
    article_row,
    extraction_row,
    frame_rows_row,
    json_list,
    paused_garbage_collection,
    rebuild_result,
    stored_article,
    stored_document,
    stored_extraction,
    stored_rows,
)

# SQLite's default limit on host parameters is 999 in old builds; stay well below it.
_IDS_PER_QUERY = 500


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield ids[start : start + _IDS_PER_QUERY]


class Library:
    """An open library file. Use ``Library.open(path)``, preferably as a context manager."""

    def __init__(self, connection: sqlite3.Connection, path: Path, moved_aside: Path | None):
        self._connection = connection
        self.path = path
        # Where a corrupt file was moved when opened with ``recover_corrupt=True``.
        self.moved_aside = moved_aside

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        recover_corrupt: bool = False,
        busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
    ) -> Library:
        """Open (creating or upgrading as needed) the library at ``path``.

        Raises ``NotADatabaseError``, ``NewerSchemaError``, ``LibraryLockedError`` or
        ``CorruptLibraryError`` (all ``LibraryError``); none of them touches the file.
        """
        path = Path(path)
        connection, aside = open_connection(
            path, recover_corrupt=recover_corrupt, busy_timeout_s=busy_timeout_s
        )
        return cls(connection, path, aside)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any error rolls it back and becomes a ``LibraryError``."""
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate(error, self.path) from error
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise translate(error, self.path) from error
            raise

    def _read(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._connection.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    # -- articles -------------------------------------------------------------------------

    def add(self, result: ArticleResult, engine_version: str) -> AddOutcome:
        """Store an article and its extraction; the same content twice is a no-op that says so."""
        return self.add_many([result], engine_version)[0]

    def add_many(self, results: Iterable[ArticleResult], engine_version: str) -> list[AddOutcome]:
        """Store several articles in one transaction; outcomes in the order given."""
        outcomes: list[AddOutcome] = []
        added_at = _now()
        placeholders = ", ".join("?" * len(ARTICLE_COLUMNS.split(",")))
        with self._write() as connection:
            for result in results:
                document = result.document
                row = connection.execute(
                    "SELECT path FROM articles WHERE id = ?", (document.id,)
                ).fetchone()
                if row is not None:
                    outcomes.append(
                        AddOutcome(document.id, document.path, "already present", row[0])
                    )
                    continue
                connection.execute(
                    f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({placeholders})",
                    article_row(result, added_at),
                )
                extraction = extraction_row(result, engine_version)
                connection.execute("INSERT INTO extractions VALUES (?, ?, ?, ?, ?, ?)", extraction)
                rows_row = frame_rows_row(document.id, extraction[2])
                if rows_row is not None:
                    connection.execute(INSERT_FRAME_ROWS, rows_row)
                outcomes.append(AddOutcome(document.id, document.path, "added", document.path))
        return outcomes

    def articles(self, company: str | None = None) -> list[StoredArticle]:
        """Articles (without bodies), oldest publication first; ``company`` matches the primary
        company or any company named, in any case."""
        rows = self._read(f"{SUMMARY_SELECT} ORDER BY a.published IS NULL, a.published, a.id")
        found = [stored_article(row) for row in rows]
        if company is None:
            return found
        return [article for article in found if article.mentions(company)]

    def __len__(self) -> int:
        return int(self._read("SELECT count(*) FROM articles")[0][0])

    def results(self, ids: Sequence[str] | None = None) -> list[ArticleResult]:
        """Articles with their extractions, rebuilt as when they were added (all by default)."""
        columns = "a.id, e.contract_zlib, a.body, a.tickers, a.content_spans"
        joined = "FROM articles a JOIN extractions e ON e.article_id = a.id"
        if ids is None:
            order = "ORDER BY a.published IS NULL, a.published, a.id"
            rows = self._read(f"SELECT {columns} {joined} {order}")
        else:
            by_id: dict[str, Any] = {}
            for chunk in _chunks(list(ids)):
                marks = ", ".join("?" * len(chunk))
                sql = f"SELECT {columns} {joined} WHERE a.id IN ({marks})"
                by_id.update((row[0], row) for row in self._read(sql, chunk))
            rows = [by_id[i] for i in ids if i in by_id]
        return [rebuild_result(*row[1:]) for row in rows]

    def stored_extractions(self) -> list[StoredExtraction]:
        """Every article's decoded contract JSON with its tickers, in the order of
        ``results()``: what the analysis frames need, without rebuilding dataclasses.

        The body comes only with an article that states tickers (to find the name before
        "(NYSE: X)"); otherwise it is "": reading every body costs more than the rest.
        """
        rows = self._read(
            "SELECT e.contract_zlib, CASE WHEN a.tickers = '[]' THEN '' ELSE a.body END, "
            "a.tickers "
            "FROM articles a JOIN extractions e ON e.article_id = a.id "
            "ORDER BY a.published IS NULL, a.published, a.id"
        )
        with paused_garbage_collection():
            return [stored_extraction(*row) for row in rows]

    def stored_rows(self) -> list[StoredRows]:
        """Every article's frame rows (``store.frame_rows``) with its tickers, in the order
        of ``results()``: what ``analysis.frames_stored.library_frames`` reads.

        Rows missing or of another layout are computed from the contract JSON (not
        written: reading never writes). The body comes only with an article that states
        tickers, as in ``stored_extractions``.
        """
        # Sorted here, not by SQLite: its sorter would copy every blob once more. The
        # extractions are not joined: reaching a row there walks its contract's pages.
        rows = self._read(
            "SELECT a.published, a.id, CASE WHEN r.layout = ? THEN r.rows_zlib END, "
            "CASE WHEN r.layout = ? THEN r.numbers_zlib END, "
            "CASE WHEN a.tickers = '[]' THEN '' ELSE a.body END, a.tickers "
            "FROM articles a LEFT JOIN frame_rows r ON r.article_id = a.id",
            (ROWS_LAYOUT, ROWS_LAYOUT),
        )
        # ``ORDER BY a.published IS NULL, a.published, a.id``: Python orders str by code
        # point as SQLite's BINARY collation orders UTF-8 bytes.
        rows.sort(key=lambda row: (row[0] is None, row[0] or "", row[1]))
        outdated = [row[1] for row in rows if row[2] is None]
        contracts = dict(self._contracts(outdated)) if outdated else {}
        with paused_garbage_collection():
            return [
                stored_rows(blob, numbers, contracts.get(article_id), body, tickers)
                for _, article_id, blob, numbers, body, tickers in rows
            ]

    def _contracts(self, ids: Sequence[str]) -> Iterator[tuple[str, bytes]]:
        """(article id, packed contract JSON) of the given articles."""
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT article_id, contract_zlib FROM extractions WHERE article_id IN ({marks})"
            yield from self._read(sql, chunk)

    def documents(self, ids: Sequence[str]) -> list[Document]:
        """The stored documents (body, metadata, content spans) for re-extraction."""
        found: dict[str, Document] = {}
        for chunk in _chunks(list(ids)):
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})"
            for row in self._read(sql, chunk):
                found[row[0]] = stored_document(row)
        return [found[i] for i in ids if i in found]

    def resolve(self, id_or_prefix: str) -> str:
        """The full id of the one article whose id starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if not prefix:
            raise UnknownArticleError(self.path, "empty article id")
        rows = self._read(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
            (prefix, prefix + "\uffff"),
        )
        if not rows:
            raise UnknownArticleError(self.path, f"no article with id {id_or_prefix!r}")
        if len(rows) > 1:
            raise UnknownArticleError(
                self.path, f"id prefix {id_or_prefix!r} matches several articles; give more of it"
            )
        return str(rows[0][0])

    def remove(self, ids: Iterable[str]) -> int:
        """Remove articles (and their extractions) by full id; returns how many were removed."""
        removed = 0
        wanted = list(dict.fromkeys(ids))
        with self._write() as connection:
            for chunk in _chunks(wanted):
                marks = ", ".join("?" * len(chunk))
                cursor = connection.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)
                removed += cursor.rowcount
        return removed

    # -- extractions ----------------------------------------------------------------------

    def stale(self, engine_version: str) -> list[str]:
        """Ids of the articles whose extraction was made by another engine version."""
        rows = self._read(
            "SELECT article_id FROM extractions WHERE engine_version <> ? ORDER BY article_id",
            (engine_version,),
        )
        return [str(row[0]) for row in rows]

    def replace_extraction(
        self, article_id: str, extraction: Extraction, engine_version: str
    ) -> None:
        """Store a new extraction of a stored article (e.g. by a newer engine)."""
        documents = self.documents([article_id])
        if not documents:
            raise UnknownArticleError(self.path, f"no article with id {article_id!r}")
        result = ArticleResult(documents[0], extraction)
        row = extraction_row(result, engine_version)
        rows_row = frame_rows_row(article_id, row[2])
        with self._write() as connection:
            connection.execute(
                "UPDATE extractions SET engine_version = ?, contract_zlib = ?, deals = ?, "
                "metrics = ?, analyst_views = ? WHERE article_id = ?",
                (*row[1:], article_id),
            )
            connection.execute(
                "UPDATE articles SET primary_company = ?, companies = ? WHERE id = ?",
                (extraction.primary_company, json_list(extraction.companies), article_id),
            )
            if rows_row is None:
                connection.execute("DELETE FROM frame_rows WHERE article_id = ?", (article_id,))
            else:
                connection.execute(INSERT_FRAME_ROWS, rows_row)

    # -- user aliases ---------------------------------------------------------------------

    def add_alias(self, alias: str, company: str) -> None:
        """Make ``alias`` (any case) name ``company``; replaces an earlier meaning."""
        alias, company = alias.strip(), company.strip()
        if not alias or not company:
            raise LibraryError(self.path, "an alias and its company must not be empty")
        with self._write() as connection:
            connection.execute(
                "INSERT INTO user_aliases (alias, company, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT (alias) DO UPDATE SET company = excluded.company, "
                "added_at = excluded.added_at",
                (alias, company, _now()),
            )

    def aliases(self) -> dict[str, str]:
        """The user's aliases, alias -> company, in alias order."""
        rows = self._read("SELECT alias, company FROM user_aliases ORDER BY alias COLLATE NOCASE")
        return {str(alias): str(company) for alias, company in rows}

    def remove_alias(self, alias: str) -> bool:
        """Forget an alias (any case); False when there was none."""
        with self._write() as connection:
            cursor = connection.execute(
                "DELETE FROM user_aliases WHERE alias = ?", (alias.strip(),)
            )
            return cursor.rowcount > 0

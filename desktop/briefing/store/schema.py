"""The library's schema as an ordered list of migrations.

``PRAGMA user_version`` is the number of migrations applied. Migration *n* (1-based) takes a
database at version *n - 1* to version *n*; each runs in one transaction together with the
version bump, so a crash leaves the database at the old version or the new one, never between.
A database whose version is above ``SCHEMA_VERSION`` was written by a newer app and is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Final

from briefing.store.rows import INSERT_FRAME_ROWS, frame_rows_row

Migration = Callable[[sqlite3.Connection], None]


def _run(*statements: str) -> Migration:
    """A migration made of SQL statements, executed one by one inside the caller's transaction.

    (``executescript`` would commit the open transaction first, so it is not used.)
    """

    def migrate(connection: sqlite3.Connection) -> None:
        for statement in statements:
            connection.execute(statement)

    return migrate


# Version 1: articles and their extractions. The extraction is the article's contract JSON
# (``briefing.extraction/1``), zlib-compressed: quotes repeat the body, and uncompressed
# the JSON is about four times the article, which would put 5,000 articles near 100 MB.
_V1_ARTICLES_AND_EXTRACTIONS = _run(
    """
    CREATE TABLE articles (
        id              TEXT PRIMARY KEY,        -- sha256 of the normalized body
        path            TEXT NOT NULL,
        format          TEXT NOT NULL,
        title           TEXT,
        published       TEXT,
        source          TEXT,
        isins           TEXT NOT NULL DEFAULT '[]',   -- JSON list
        tickers         TEXT NOT NULL DEFAULT '[]',   -- JSON list
        content_spans   TEXT NOT NULL DEFAULT '[]',   -- JSON list of [start, end]
        body            TEXT NOT NULL,
        content_hash    TEXT NOT NULL,           -- sha256 of body as stored
        added_at        TEXT NOT NULL,           -- UTC, ISO 8601
        primary_company TEXT,
        companies       TEXT NOT NULL DEFAULT '[]'    -- JSON list
    ) WITHOUT ROWID
    """,
    "CREATE INDEX articles_primary_company ON articles (primary_company COLLATE NOCASE)",
    """
    CREATE TABLE extractions (
        article_id      TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        engine_version  TEXT NOT NULL,
        contract_zlib   BLOB NOT NULL,
        deals           INTEGER NOT NULL DEFAULT 0,
        metrics         INTEGER NOT NULL DEFAULT 0,
        analyst_views   INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID
    """,
    "CREATE INDEX extractions_engine_version ON extractions (engine_version)",
)

# Version 2: aliases the user adds (alias -> company); they win over the shipped table.
_V2_USER_ALIASES = _run(
    """
    CREATE TABLE user_aliases (
        alias     TEXT PRIMARY KEY COLLATE NOCASE,
        company   TEXT NOT NULL,
        added_at  TEXT NOT NULL
    )
    """,
)


def _v3_frame_rows(connection: sqlite3.Connection) -> None:
    """Version 3: each article's items also as rows in frame column order
    (``store.frame_rows``), stored column by column (``store.frame_columns``): what the
    analysis frames read, as decoding the contract JSON was most of the time of building
    them. Existing articles get theirs in the same transaction (about 3 s of CPU per 5,000
    articles). A contract whose rows cannot be made (numbers that are no numbers, in a file
    from elsewhere) gets none: it is read from the contract, and the upgrade never fails
    on it.

    A rowid table, unlike ``extractions``: a WITHOUT ROWID row keeps at most about a
    quarter of a page in place, so rows of a few kilobytes each spilled onto overflow pages
    half empty (the file grew by twice the rows' size, and reading them slowed down).
    """
    connection.execute(
        """
        CREATE TABLE frame_rows (
            article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            layout      INTEGER NOT NULL,   -- frame_rows.ROWS_LAYOUT when written
            rows_zlib   BLOB NOT NULL,      -- zlib-compressed JSON lines, see frame_columns
            numbers_zlib BLOB NOT NULL      -- zlib-compressed little-endian float64
        )
        """
    )
    extractions = connection.execute("SELECT article_id, contract_zlib FROM extractions")
    rows = (frame_rows_row(article_id, blob) for article_id, blob in extractions.fetchall())
    connection.executemany(INSERT_FRAME_ROWS, (row for row in rows if row is not None))


MIGRATIONS: Final[Sequence[Migration]] = (
    _V1_ARTICLES_AND_EXTRACTIONS,
    _V2_USER_ALIASES,
    _v3_frame_rows,
)
SCHEMA_VERSION: Final = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    connection: sqlite3.Connection,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> int:
    """Apply the migrations the database lacks, each in its own transaction; returns the
    version reached. The connection must be in autocommit mode (``isolation_level=None``)."""
    version = schema_version(connection)
    for number, migration in enumerate(migrations[version:], start=version + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if schema_version(connection) >= number:
                connection.execute("ROLLBACK")
                continue
            migration(connection)
            connection.execute(f"PRAGMA user_version = {int(number)}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    return schema_version(connection)

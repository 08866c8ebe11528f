"""Schema versions: a new file gets the latest schema; older files are upgraded in place and
keep their data; each migration is all-or-nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing.store import SCHEMA_VERSION, Library
from briefing.store.rows import ARTICLE_COLUMNS, article_row, extraction_row
from briefing.store.schema import MIGRATIONS, migrate, schema_version
from test_store_articles import HARBOR_DEAL, result


def _connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_a_new_library_has_the_latest_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    connection = _connection(path)
    assert schema_version(connection) == SCHEMA_VERSION == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_an_empty_version_0_database_is_upgraded(tmp_path: Path) -> None:
    # Version 0: e.g. a file created by an earlier run killed before its first migration.
    path = tmp_path / "library.sqlite3"
    connection = _connection(path)
    connection.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    connection.close()
    with Library.open(path) as library:
        assert len(library) == 0


def test_a_version_1_library_keeps_its_articles_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    harbor = result(HARBOR_DEAL, "harbor.txt")
    connection = _connection(path)
    assert migrate(connection, MIGRATIONS[:1]) == 1
    marks = ", ".join("?" * len(ARTICLE_COLUMNS.split(",")))
    connection.execute(
        f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({marks})",
        article_row(harbor, "2026-01-05T10:00:00Z"),
    )
    connection.execute(
        "INSERT INTO extractions VALUES (?, ?, ?, ?, ?, ?)", extraction_row(harbor, "0.9")
    )
    connection.close()

    with Library.open(path) as library:
        assert library.results() == [harbor]
        assert library.stale("1.0") == [harbor.document.id]
        library.add_alias("HT", "Harbor Tech")  # the table version 2 adds
        assert library.aliases() == {"HT": "Harbor Tech"}
    assert schema_version(_connection(path)) == SCHEMA_VERSION


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    connection = _connection(path)

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("simulated failure in the middle of a migration")

    with pytest.raises(RuntimeError):
        migrate(connection, (*MIGRATIONS[:1], broken))
    assert schema_version(connection) == 1
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables and "articles" in tables
    connection.close()

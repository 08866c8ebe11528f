"""Schema versions: a new file gets the latest schema; older files are upgraded in place and
keep their data; each migration is all-or-nothing."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.frames import build_frames
from briefing.analysis.frames_stored import library_frames
from briefing.domain.model import ArticleResult
from briefing.store import SCHEMA_VERSION, Library
from briefing.store.rows import (
    ARTICLE_COLUMNS,
    article_row,
    extraction_row,
    pack_json,
    unpack_contract,
)
from briefing.store.schema import MIGRATIONS, migrate, schema_version
from test_store_articles import FJORD_FERRIES, HARBOR_DEAL, HARBOR_RESULTS, result


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


def _version_2_library(path: Path, results: list[ArticleResult]) -> None:
    """A library as the app wrote it before version 3: articles without frame rows."""
    connection = _connection(path)
    assert migrate(connection, MIGRATIONS[:2]) == 2
    marks = ", ".join("?" * len(ARTICLE_COLUMNS.split(",")))
    for stored in results:
        connection.execute(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({marks})",
            article_row(stored, "2026-01-05T10:00:00Z"),
        )
        connection.execute(
            "INSERT INTO extractions VALUES (?, ?, ?, ?, ?, ?)", extraction_row(stored, "0.9")
        )
    connection.close()


def _frame_rows_count(path: Path) -> int:
    connection = _connection(path)
    count = int(connection.execute("SELECT count(*) FROM frame_rows").fetchone()[0])
    connection.close()
    return count


def _assert_frames_equal_rebuilt(library: Library) -> None:
    slow = build_frames(library.results(), library.aliases())
    fast = library_frames(library)
    for kind, frame in slow.by_kind().items():
        pd.testing.assert_frame_equal(getattr(fast, kind), frame, obj=kind)


def test_a_version_2_library_gets_the_frame_rows_of_its_articles(tmp_path: Path) -> None:
    # Our three library test articles: a deal, results with an analyst view, a buyback.
    path = tmp_path / "library.sqlite3"
    results = [
        result(text, f"{n}.txt")
        for n, text in enumerate((HARBOR_DEAL, HARBOR_RESULTS, FJORD_FERRIES))
    ]
    _version_2_library(path, results)
    with Library.open(path) as library:
        library.add_alias("HT", "Harbor Tech")
        _assert_frames_equal_rebuilt(library)
        assert len(library_frames(library).deals) >= 2
    assert _frame_rows_count(path) == 3


def test_frame_rows_of_another_layout_or_missing_are_read_from_the_contract(
    tmp_path: Path,
) -> None:
    # As after a later app changed the rows' layout: the rows are ignored, never misread.
    path = tmp_path / "library.sqlite3"
    deal, ferries = result(HARBOR_DEAL, "a.txt"), result(FJORD_FERRIES, "b.txt")
    with Library.open(path) as library:
        library.add_many([deal, ferries], "1.0")
    connection = _connection(path)
    connection.execute(
        "UPDATE frame_rows SET layout = 99, rows_zlib = ? WHERE article_id = ?",
        (zlib.compress(b"not rows"), deal.document.id),
    )
    connection.execute("DELETE FROM frame_rows WHERE article_id = ?", (ferries.document.id,))
    connection.close()
    with Library.open(path) as library:
        _assert_frames_equal_rebuilt(library)


def test_a_contract_whose_numbers_are_no_numbers_still_opens(tmp_path: Path) -> None:
    # A library file from elsewhere: the upgrade must not fail on what a contract holds.
    path = tmp_path / "library.sqlite3"
    deal = result(HARBOR_DEAL, "a.txt")
    article, version, blob, *counts = extraction_row(deal, "0.9")
    contract = unpack_contract(blob)
    contract["deals"][0]["amount"]["value"] = "a lot"
    _version_2_library(path, [])
    connection = _connection(path)
    marks = ", ".join("?" * len(ARTICLE_COLUMNS.split(",")))
    connection.execute(
        f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({marks})",
        article_row(deal, "2026-01-05T10:00:00Z"),
    )
    connection.execute(
        "INSERT INTO extractions VALUES (?, ?, ?, ?, ?, ?)",
        (article, version, pack_json(contract), *counts),
    )
    connection.close()
    with Library.open(path) as library:
        assert [stored.document.id for stored in library.results()] == [deal.document.id]
        with pytest.raises(ValueError):  # as build_frames cannot type it either
            library_frames(library)
    assert _frame_rows_count(path) == 0


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

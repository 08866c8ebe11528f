"""Library files we must not use: each gets a clear error naming the file and the reason,
and none is ever overwritten; a corrupt one is moved aside only when the user confirms."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from briefing.store import (
    SCHEMA_VERSION,
    CorruptLibraryError,
    Library,
    LibraryLockedError,
    NewerSchemaError,
    NotADatabaseError,
)
from briefing.store.opening import aside_name
from test_store_articles import HARBOR_DEAL, result


def _corrupt_library(path: Path) -> bytes:
    """A real library whose pages after the first are overwritten with garbage."""
    with Library.open(path) as library:
        library.add(result(HARBOR_DEAL), "1.0")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize(
    ("label", "content"),
    [
        ("a text file saved under the library's name", b"my notes about Harbor Tech\n"),
        ("a CSV export", b"id,title\n1,Harbor Tech\n"),
        ("a zip file", b"PK\x03\x04" + b"\x00" * 60),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(
    tmp_path: Path, label: str, content: bytes
) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as raised:
        Library.open(path)
    assert str(path) in str(raised.value) and "not an SQLite database" in str(raised.value)
    assert path.read_bytes() == content, label
    assert sorted(p.name for p in tmp_path.iterdir()) == ["library.sqlite3"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="folder"):
        Library.open(tmp_path)


def test_a_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE future (x)")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError) as raised:
        Library.open(path)
    message = str(raised.value)
    assert str(path) in message and "newer version" in message
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_corrupt_library_needs_the_users_confirmation(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    damaged = _corrupt_library(path)
    with pytest.raises(CorruptLibraryError) as raised:
        Library.open(path)
    assert str(path) in str(raised.value) and "--recover-corrupt" in str(raised.value)
    assert path.read_bytes() == damaged


def test_a_corrupt_library_is_moved_aside_when_confirmed(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    damaged = _corrupt_library(path)
    with Library.open(path, recover_corrupt=True) as library:
        assert len(library) == 0
        aside = library.moved_aside
    assert aside is not None and aside.name.startswith("library.sqlite3.corrupt-")
    assert aside.read_bytes() == damaged


def test_the_name_set_aside_never_overwrites_an_earlier_one(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    moment = datetime(2026, 1, 9, 8, 5, 3)
    taken = path.with_name("library.sqlite3.corrupt-20260109-080503")
    taken.write_bytes(b"an earlier corrupt library")
    assert aside_name(path, moment).name == "library.sqlite3.corrupt-20260109-080503-2"


def test_a_library_locked_by_another_process_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)  # stands for another process
    other.execute("BEGIN IMMEDIATE")
    try:
        with Library.open(path, busy_timeout_s=0.2) as library:
            with pytest.raises(LibraryLockedError) as raised:
                library.add(result(HARBOR_DEAL), "1.0")
            assert str(path) in str(raised.value) and "locked" in str(raised.value)
            assert len(library) == 0  # readers are not blocked (WAL)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_new_library_cannot_be_created_while_another_process_holds_the_lock(
    tmp_path: Path,
) -> None:
    path = tmp_path / "library.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE scratch (x)")
    try:
        with pytest.raises(LibraryLockedError, match="locked by another process"):
            Library.open(path, busy_timeout_s=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()

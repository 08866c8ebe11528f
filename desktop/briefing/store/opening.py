"""Opening a library file safely: refuse what is not ours, never overwrite anything.

The checks run from the cheapest and least intrusive up: the file header is read before
SQLite touches the file, the schema version before anything is written, and only then is
WAL mode switched on and the schema migrated.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from briefing.store.errors import (
    CorruptLibraryError,
    LibraryError,
    LibraryLockedError,
    NewerSchemaError,
    NotADatabaseError,
)
from briefing.store.schema import SCHEMA_VERSION, migrate, schema_version

SQLITE_HEADER: Final = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_S: Final = 5.0
# SQLite's companion files, moved aside together with a corrupt database.
COMPANION_SUFFIXES: Final = ("-wal", "-shm", "-journal")


def _is_locked(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return True
    return "locked" in str(error) or "busy" in str(error)


def translate(error: sqlite3.Error, path: Path) -> LibraryError:
    """The library error an sqlite3 error stands for (locked, corrupt or other)."""
    if _is_locked(error):
        return LibraryLockedError(
            path, "locked by another process (another Investor Briefing running?); try again"
        )
    if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError):
        return CorruptLibraryError(path, f"corrupt database ({error})")
    return LibraryError(path, f"database error: {error}")


def check_header(path: Path) -> None:
    """Refuse an existing non-empty file that does not start with SQLite's header."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise NotADatabaseError(path, "is a folder, not a library file") from None
    except OSError as error:
        raise LibraryError(path, f"cannot read: {error.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            path, "not an Investor Briefing library (not an SQLite database); left untouched"
        )


def aside_name(path: Path, now: datetime) -> Path:
    """``NAME.corrupt-YYYYMMDD-HHMMSS``, with a counter when that name is already taken.

    >>> aside_name(Path("/nonexistent/lib.sqlite3"), datetime(2026, 1, 9, 8, 5, 3)).name
    'lib.sqlite3.corrupt-20260109-080503'
    """
    stem = f"{path.name}.corrupt-{now:%Y%m%d-%H%M%S}"
    candidate = path.with_name(stem)
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{stem}-{counter}")
    return candidate


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a corrupt database (and its -wal/-shm files) out of the way; returns the new name.

    ``os.link`` + unlink would also refuse to overwrite, but not every file system has
    hard links; the name is checked free just before the rename instead.
    """
    target = aside_name(path, now or datetime.now(UTC).replace(tzinfo=None))
    os.rename(path, target)
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.rename(companion, target.with_name(target.name + suffix))
    return target


def _connect(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=busy_timeout_s, isolation_level=None, check_same_thread=True
    )
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
    return connection


def _check_existing(connection: sqlite3.Connection, path: Path) -> None:
    version = schema_version(connection)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            path,
            f"written by a newer version of Investor Briefing (schema {version}, this app "
            f"knows up to {SCHEMA_VERSION}); left untouched: update the app to open it",
        )
    problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise CorruptLibraryError(path, f"corrupt database ({'; '.join(problems)})")


def _prepare(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    existed = path.exists() and path.stat().st_size > 0
    connection = _connect(path, busy_timeout_s)
    try:
        if existed:
            _check_existing(connection, path)
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryError(path, f"cannot switch the library to WAL mode (got {mode})")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        migrate(connection)
    except BaseException as error:
        connection.close()
        if isinstance(error, sqlite3.Error):
            raise translate(error, path) from error
        raise
    return connection


def open_connection(
    path: Path, *, recover_corrupt: bool = False, busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S
) -> tuple[sqlite3.Connection, Path | None]:
    """A checked, migrated connection in autocommit mode (transactions are explicit), and
    where a corrupt file was moved (None when nothing was moved).

    A corrupt database raises ``CorruptLibraryError`` unless ``recover_corrupt``: then it is
    moved aside as ``NAME.corrupt-YYYYMMDD-HHMMSS`` and a fresh library is created.
    """
    path = Path(path)
    check_header(path)
    if not path.parent.is_dir():
        raise LibraryError(path, f"folder {path.parent} does not exist")
    try:
        return _prepare(path, busy_timeout_s), None
    except CorruptLibraryError as error:
        if not recover_corrupt:
            raise CorruptLibraryError(
                path,
                f"{error.reason}; to move it aside and start a fresh library, confirm with "
                "--recover-corrupt",
            ) from error
    aside = move_aside(path)
    return _prepare(path, busy_timeout_s), aside

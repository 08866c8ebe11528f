"""The library's errors: one base type, one subclass per thing that can be wrong with the file.

Every message names the library file and the reason, so the CLI and the GUI can show it as is:

>>> str(NewerSchemaError("/tmp/lib.sqlite3", "schema version 9, this app knows up to 2"))
'/tmp/lib.sqlite3: schema version 9, this app knows up to 2'
"""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Something is wrong with the library file or a request made of it."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[LibraryError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class NotADatabaseError(LibraryError):
    """The file exists but is not an SQLite database (e.g. a text file): never touched."""


class NewerSchemaError(LibraryError):
    """The database was written by a newer version of the app: never touched."""


class LibraryLockedError(LibraryError):
    """Another process holds the write lock longer than the busy timeout."""


class CorruptLibraryError(LibraryError):
    """The database fails its integrity check; it is moved aside only when the user confirms."""


class UnknownArticleError(LibraryError):
    """An article id or id prefix that matches nothing, or more than one article."""

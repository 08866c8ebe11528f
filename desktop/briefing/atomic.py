"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[str]]:
    """Write text to a temporary file beside ``path`` and rename it over ``path`` on success.

    On any error the temporary file is removed and ``path`` is left untouched.
    """
    with (
        _replacing(path) as (descriptor, _),
        os.fdopen(descriptor, mode, encoding=encoding, newline="") as handle,
    ):
        yield handle
        _flush_to_disk(handle)


def write_bytes_atomically(path: Path, content: bytes) -> None:
    """``path.write_bytes(content)``, atomically (e.g. an XLSX or PDF built in memory)."""
    with _replacing(path) as (descriptor, _), os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
        _flush_to_disk(handle)


def _flush_to_disk(handle: IO[str] | IO[bytes]) -> None:
    """Flush, and for a file on disk make sure it is there before the rename."""
    handle.flush()
    if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        os.fsync(handle.fileno())


def is_stream(path: Path) -> bool:
    """Whether ``path`` is a device or a pipe (``-o /dev/null``, ``-o /dev/stdout``, a FIFO):
    written in place, never replaced (a rename over /dev/null, as root, replaces the device).

    >>> is_stream(Path("/dev/null")), is_stream(Path("/")), is_stream(Path("/nonexistent"))
    (True, False, False)
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[tuple[int, str]]:
    """A temporary file in ``path``'s folder (same file system, so the rename is atomic),
    renamed over ``path`` when the block succeeds and removed when it fails.

    A device or a pipe is written in place instead; a symbolic link is followed, so the
    file it points to is replaced and the link stays.
    """
    path = Path(path)
    if is_stream(path):
        descriptor = os.open(path, os.O_WRONLY)
        yield descriptor, str(path)
        return
    if path.is_symlink():
        path = path.resolve()
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        # mkstemp makes the file private (0600); the result should be an ordinary file,
        # keeping the mode of the file it replaces.
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        yield descriptor, temporary
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise

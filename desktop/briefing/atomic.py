"""Atomic file writes: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
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
        handle.flush()
        os.fsync(handle.fileno())


def write_bytes_atomically(path: Path, content: bytes) -> None:
    """``path.write_bytes(content)``, atomically (e.g. an XLSX or PDF built in memory)."""
    with _replacing(path) as (descriptor, _), os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[tuple[int, str]]:
    """A temporary file in ``path``'s folder (same file system, so the rename is atomic),
    renamed over ``path`` when the block succeeds and removed when it fails."""
    path = Path(path)
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

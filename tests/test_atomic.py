"""Atomic writes: the target is replaced whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.atomic import atomic_writer, write_bytes_atomically


def test_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with atomic_writer(target) as handle:
        handle.write("new")
    assert target.read_text() == "new"
    assert list(tmp_path.iterdir()) == [target]


def test_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write("half of the new")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_missing_folder_raises_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_writer(tmp_path / "nope" / "out.json") as h:
        h.write("x")


def test_bytes_are_written_unchanged_and_replace_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    content = bytes(range(256)) + b"\r\n\n"
    write_bytes_atomically(target, content)
    assert target.read_bytes() == content
    assert list(tmp_path.iterdir()) == [target]


def test_bytes_into_a_missing_folder_leave_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_bytes_atomically(tmp_path / "nope" / "book.xlsx", b"x")
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
    new, kept = tmp_path / "new.csv", tmp_path / "kept.csv"
    kept.write_text("old")
    kept.chmod(0o600)
    write_bytes_atomically(new, b"x")
    with atomic_writer(kept) as handle:
        handle.write("new")
    assert new.stat().st_mode & 0o777 == 0o644
    assert kept.stat().st_mode & 0o777 == 0o600


def test_a_pipe_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    # "-o /dev/null" or a FIFO: a rename over it would put a file where the device was
    # (as root, /dev/null itself). A FIFO stands in for the device here.
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    with atomic_writer(pipe) as handle:
        handle.write("through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert pipe.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_symbolic_link_keeps_pointing_at_the_new_content(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    with atomic_writer(link) as handle:
        handle.write("new")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text() == "new"


def test_a_folder_is_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(IsADirectoryError), atomic_writer(folder) as handle:
        handle.write("x")
    assert folder.is_dir()

"""Atomic writes: the target is replaced whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.atomic import atomic_writer


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

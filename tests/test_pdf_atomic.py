"""Writes are atomic: a failed, refused or cancelled export leaves no file (and no
temporary file) and says why; an existing file is replaced only when asked."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pypdf import PdfWriter

from briefing.analysis.briefing import Briefing
from briefing.pdf import ExportCancelled, ExportError, ExportOptions, export_briefing
from briefing.pdf import export as pdf_export
from pdf_support import ALIBABA, PINNED, briefing_of, qt_application

OPTIONS = ExportOptions(generated=PINNED)


@pytest.fixture(scope="module")
def alibaba() -> Briefing:
    qt_application()
    return briefing_of(ALIBABA, "Alibaba")


def test_existing_file_is_kept_without_overwrite(alibaba: Briefing, tmp_path: Path) -> None:
    target = tmp_path / "b.pdf"
    target.write_bytes(b"mine")
    target.chmod(0o640)
    with pytest.raises(ExportError, match="exists") as raised:
        export_briefing(alibaba, target, OPTIONS)
    assert raised.value.path == target
    assert target.read_bytes() == b"mine"
    result = export_briefing(alibaba, target, OPTIONS, overwrite=True)
    assert target.read_bytes().startswith(b"%PDF")
    assert result.pages > 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.pdf"]
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's mode, not mkstemp's 0600
    fresh = export_briefing(alibaba, tmp_path / "new.pdf", OPTIONS)
    assert fresh.path.stat().st_mode & 0o777 == 0o644


def test_a_device_or_pipe_is_refused_not_replaced(alibaba: Briefing, tmp_path: Path) -> None:
    # "-o /dev/null --force" as root renamed a file over the device; a FIFO stands in for it.
    pipe = tmp_path / "out.pdf"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="not a regular file"):
        export_briefing(alibaba, pipe, OPTIONS, overwrite=True)
    assert pipe.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_unwritable_folder_names_the_folder(
    alibaba: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(pdf_export.tempfile, "mkstemp", refused)
    with pytest.raises(ExportError, match="Permission denied") as raised:
        export_briefing(alibaba, tmp_path / "b.pdf", OPTIONS)
    assert raised.value.path == tmp_path
    assert str(tmp_path) in str(raised.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_read_only_folder(alibaba: Briefing, tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="cannot write in this folder"):
            export_briefing(alibaba, tmp_path / "b.pdf", OPTIONS)
    finally:
        tmp_path.chmod(0o700)
    assert list(tmp_path.iterdir()) == []


def test_disk_full_leaves_no_file(
    alibaba: Briefing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(PdfWriter, "write", full)
    with pytest.raises(ExportError, match="No space left on device") as raised:
        export_briefing(alibaba, tmp_path / "b.pdf", OPTIONS)
    assert raised.value.path == tmp_path / "b.pdf"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("after", [1, 9], ids=["during the charts", "during the pages"])
def test_cancel_leaves_no_file(alibaba: Briefing, tmp_path: Path, after: int) -> None:
    asked = []
    steps: list[tuple[int, int, str]] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > after

    with pytest.raises(ExportCancelled):
        export_briefing(
            alibaba,
            tmp_path / "b.pdf",
            OPTIONS,
            progress=lambda *step: steps.append(step),
            is_cancelled=cancelled,
        )
    assert len(steps) == after
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_up_to_the_last_step(alibaba: Briefing, tmp_path: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    export_briefing(alibaba, tmp_path / "b.pdf", OPTIONS, progress=lambda *s: steps.append(s))
    numbers = [step for step, _, _ in steps]
    assert numbers == sorted(numbers)
    assert steps[-1][0] == steps[-1][1]
    assert any("page 1 of" in what for _, _, what in steps)

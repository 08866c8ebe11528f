"""ImportController: a cancelled 300-file import leaves a consistent library; failures, queue,
whole-import errors; the progress widget as the status bar shows it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from briefing.analysis.importer import FileFailure, ImportSummary
from briefing.gui.import_controller import ImportController
from briefing.gui.tasks import TaskRunner
from briefing.store import Library

SHOTS = Path(os.environ.get("BRIEFING_SHOT_DIR", "/tmp/s5/import"))
# Our own tiny article, one company per file so each file has its own content.
TEMPLATE = (
    "Corvid Marine {n} wins order\n\n"
    "Corvid Marine {n} said on Tuesday it sold a ferry to Skerry Lines {n} for "
    "$2{n} million. Its shipyard segment revenue grew 9% to $7{n} million.\n"
)


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"article_{n:04d}.txt").write_text(TEMPLATE.format(n=n), encoding="utf-8")
    return folder


@pytest.fixture
def runner(qapp: Any) -> Any:
    runner = TaskRunner()
    yield runner
    assert runner.shutdown(10.0)
    runner.deleteLater()


@pytest.fixture
def controller(runner: TaskRunner, tmp_path: Path) -> ImportController:
    return ImportController(tmp_path / "data" / "library.sqlite3", runner)


def test_cancel_midway_leaves_what_was_reported_stored(
    qtbot: Any, controller: ImportController, tmp_path: Path
) -> None:
    folder = write_articles(tmp_path / "in", 300)
    (folder / "aaa_junk.pdf").write_bytes(b"\x00\xffnot a pdf at all" * 20)  # sorted first
    failed: list[list[FileFailure]] = []
    controller.files_failed.connect(failed.append)
    widget = controller.progress_widget()
    qtbot.addWidget(widget)
    assert widget.isHidden()
    with qtbot.waitSignal(controller.import_started, timeout=2000):
        controller.import_paths([folder])
    assert controller.running and not widget.isHidden()
    qtbot.waitUntil(lambda: widget.bar.value() >= 30, timeout=20000)
    with qtbot.waitSignal(controller.import_finished, timeout=20000) as finished:
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    summary: ImportSummary = finished.args[0]
    assert summary.cancelled and summary.total == 301
    assert 30 <= len(summary.added) < 300
    with Library.open(controller.library_path) as library:
        assert len(library) == len(summary.added)
    assert [f.path.name for f in failed[0]] == ["aaa_junk.pdf"]
    assert not controller.running and widget.isHidden()


def test_a_second_request_is_queued_behind_the_first(
    qtbot: Any, controller: ImportController, tmp_path: Path
) -> None:
    first = write_articles(tmp_path / "one", 3)
    second = tmp_path / "two" / "other.txt"
    second.parent.mkdir()
    second.write_text(TEMPLATE.format(n=999), encoding="utf-8")
    summaries: list[ImportSummary] = []
    controller.import_finished.connect(summaries.append)
    controller.import_paths([first])
    controller.import_paths([second])
    assert controller.queued == 1
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=10000)
    assert [len(s.added) for s in summaries] == [3, 1]
    with Library.open(controller.library_path) as library:
        assert len(library) == 4


def test_an_unusable_library_fails_the_import_naming_the_file(
    qtbot: Any, runner: TaskRunner, tmp_path: Path
) -> None:
    not_a_library = tmp_path / "notes.sqlite3"
    not_a_library.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    controller = ImportController(not_a_library, runner)
    with qtbot.waitSignal(controller.import_failed, timeout=10000) as failed:
        controller.import_paths([write_articles(tmp_path / "in", 2)])
    message = failed.args[0]
    assert str(not_a_library) in message
    assert not_a_library.read_text(encoding="utf-8").startswith("these are my notes")
    assert not controller.running and controller.progress_widget().isHidden()


def test_progress_widget_renders_n_of_total_and_the_file(
    qtbot: Any, controller: ImportController
) -> None:
    widget = controller.progress_widget()
    qtbot.addWidget(widget)
    widget.reset()
    widget.resize(560, 32)
    widget.show()
    widget.show_progress(137, 1000, "2026-01-09 Alibaba anchors the MiniMax listing.html")
    assert widget.bar.text() == "137 of 1000"
    assert widget.file_label.textFormat() == Qt.TextFormat.PlainText
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / "import_progress.png"))

"""Building the main window in tests: per-test data folder and settings, a library imported
once per module and copied per test, and waits on the window's own signals.

Everything lives under pytest's tmp folders: ``BRIEFING_DATA_DIR`` is pointed at the test's
own folder, so the settings INI (``paths.settings_path``) is per test too.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from briefing import paths
from briefing.analysis.importer import import_paths
from briefing.gui.app import build_context
from briefing.gui.frame_table import FrameTable
from briefing.gui.main_window import MainWindow
from briefing.store import Library

SAMPLES = paths.resources_dir({}) / "samples"
ALIBABA_SAMPLES = sorted(SAMPLES.glob("alibaba_*.txt"))
LIBRARY_NAME = "lib.sqlite3"
WAIT_MS = 30_000


def copy_library(source: Path, target: Path) -> Path:
    """Copy a closed library (and any SQLite side files) to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for part in source.parent.glob(source.name + "*"):
        shutil.copyfile(part, target.parent / (target.name + part.name[len(source.name) :]))
    return target


def import_into(library_path: Path, files: list[Path]) -> None:
    """Import without the window (the shared starting state of several tests)."""
    with Library.open(library_path) as library:
        summary = import_paths(files, library)
    assert len(summary.added) == len(files), summary


class WindowOpener:
    """Opens main windows on one data folder and library; closes what it opened."""

    def __init__(self, qtbot: QtBot, qapp: QApplication, library_path: Path) -> None:
        self.qtbot = qtbot
        self.qapp = qapp
        self.library_path = library_path
        self.windows: list[MainWindow] = []

    def open(self) -> MainWindow:
        """A shown window, after its first workspace load and company display."""
        context = build_context(self.qapp, library=self.library_path)
        window = MainWindow(context)
        self.windows.append(window)
        window.show()
        self.qtbot.waitUntil(lambda: window.content is not None, timeout=WAIT_MS)
        return window

    def close_all(self) -> None:
        """Close every window (the close runs the task runner's shutdown), imports first
        stopped so the window does not ask whether to stop them."""
        for window in self.windows:
            window.imports.cancel()
            self.qtbot.waitUntil(lambda w=window: not w.imports.running, timeout=WAIT_MS)
            window.close()
        self.windows.clear()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's data folder: settings, log and rates never shared between tests."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(folder))
    return folder


class Dialogs:
    """Stands in for the modal message boxes (a modal box would block the test forever):
    records each question and answers ``answer``."""

    def __init__(self) -> None:
        self.answer = QMessageBox.StandardButton.No
        self.shown: list[str] = []

    def question(self, *args: object, **kwargs: object) -> QMessageBox.StandardButton:
        self.shown.append(str(args[2]) if len(args) > 2 else "")
        return self.answer

    def warning(self, *args: object, **kwargs: object) -> QMessageBox.StandardButton:
        self.shown.append(str(args[2]) if len(args) > 2 else "")
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    stand_in = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", stand_in.question)
    monkeypatch.setattr(QMessageBox, "warning", stand_in.warning)
    return stand_in


@pytest.fixture(scope="module")
def alibaba_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two Alibaba samples, imported once per module; copy it before use."""
    path = tmp_path_factory.mktemp("shared-library") / LIBRARY_NAME
    import_into(path, ALIBABA_SAMPLES)
    return path


@pytest.fixture
def empty_opener(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, dialogs: Dialogs
) -> Iterator[WindowOpener]:
    opener = WindowOpener(qtbot, qapp, data_dir / LIBRARY_NAME)
    yield opener
    opener.close_all()


@pytest.fixture
def alibaba_opener(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, alibaba_library: Path, dialogs: Dialogs
) -> Iterator[WindowOpener]:
    opener = WindowOpener(qtbot, qapp, copy_library(alibaba_library, data_dir / LIBRARY_NAME))
    yield opener
    opener.close_all()


def show_company(qtbot: QtBot, window: MainWindow, company_id: str) -> None:
    """Choose ``company_id`` in the selector as a user does, and wait for its tabs."""
    index = window.company_box.findData(company_id)
    assert index >= 0, f"{company_id!r} not in the company selector"
    with qtbot.waitSignal(window.company_shown, timeout=WAIT_MS) as blocker:
        window.company_box.setCurrentIndex(index)
        window.company_box.activated.emit(index)
    assert blocker.args == [company_id]


def wait_for_charts(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the charts of the company shown have followed its tables."""
    qtbot.waitUntil(lambda: window.charts_company == window.current_company(), timeout=WAIT_MS)


def selector_items(window: MainWindow) -> list[str]:
    return [window.company_box.itemText(i) for i in range(window.company_box.count())]


def column_texts(table: FrameTable, column: str) -> list[str]:
    """The shown texts of one column (by the frame column name), in display order."""
    model = table.model()
    names = [spec.key for spec in model.columns()]
    position = names.index(column)
    return [model.display_text(row, position) for row in range(model.rowCount())]


def find_row(table: FrameTable, match: Callable[[dict[str, object]], bool]) -> int:
    """The display row whose record satisfies ``match``."""
    model = table.model()
    for row in range(model.rowCount()):
        if match(model.row(row).to_dict()):
            return row
    raise AssertionError("no row matches")


def double_click_row(qtbot: QtBot, view: QTableView, row: int) -> None:
    """A real double-click on the row's first cell, in the view's viewport."""
    index: QModelIndex = view.model().index(row, 0)
    view.scrollTo(index)
    double_click_at(qtbot, view.viewport(), view.visualRect(index).center())


def double_click_at(qtbot: QtBot, widget: QWidget, position: QPoint) -> None:
    """What a user's double-click sends: a click, then QTest's double-click (which alone
    does not count as one for an item view: it needs the first press)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=position)

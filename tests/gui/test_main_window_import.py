"""The main window's library changes, driven as a user drives them: a folder dropped on the
window, Cancel during a 300-file import, unreadable files in the error panel, Remove with
"Yes" and with "No", and what a reload or a restart keeps (companies, the selected
company, the geometry). Articles are our own sentences, written into tmp_path.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import window_fixtures
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from window_fixtures import (
    WAIT_MS,
    Dialogs,
    WindowOpener,
    selector_items,
    show_company,
)

from briefing.analysis.importer import ImportSummary
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import LAST_COMPANY
from briefing.store import Library

# The shared fixtures (window_fixtures), made visible to pytest in this module.
alibaba_library = window_fixtures.alibaba_library
alibaba_opener = window_fixtures.alibaba_opener
data_dir = window_fixtures.data_dir
dialogs = window_fixtures.dialogs
empty_opener = window_fixtures.empty_opener

# Our own wording; {n} makes every article distinct (the library skips duplicates).
TEMPLATE = (
    "Harrowgate Pumps update {n}\n\n"
    "Harrowgate Pumps plc said on {day} March 2026 that revenue at its marine unit rose "
    "{growth}% to EUR {amount} million in the quarter. Fenwick Capital rates the shares Buy "
    "with a price target of EUR {target}.\n"
)


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(start, start + count):
        path = folder / f"harrowgate_{n:04d}.txt"
        path.write_text(
            TEMPLATE.format(
                n=n, day=1 + n % 28, growth=3 + n % 40, amount=100 + n, target=20 + n % 9
            ),
            encoding="utf-8",
        )
        written.append(path)
    return written


def panel_rows(window: MainWindow) -> int:
    return window.library_panel.table().model().total_rows()


def panel_titles(window: MainWindow) -> set[str]:
    frame = window.library_panel.table().model().frame()
    return set(frame["title"]) if "title" in frame else set()


def stored_count(path: Path) -> int:
    with Library.open(path) as library:
        return len(library.articles())


# -- 4. a folder dropped on the window ---------------------------------------------------------


def test_dropping_a_folder_imports_its_articles(
    empty_opener: WindowOpener, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "dropped"
    write_articles(folder, 2)
    window = empty_opener.open()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.import_finished, timeout=WAIT_MS) as finished:
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert len(finished.args[0].added) == 2
    qtbot.waitUntil(lambda: panel_rows(window) == 2, timeout=WAIT_MS)
    assert panel_titles(window) == {"Harrowgate Pumps update 0", "Harrowgate Pumps update 1"}
    assert window.library_panel.count_text() == "2 articles"


# -- 5. Cancel during a 300-file import --------------------------------------------------------


def test_cancel_during_a_300_file_import_leaves_a_consistent_library(
    empty_opener: WindowOpener, qtbot: QtBot, tmp_path: Path
) -> None:
    files = write_articles(tmp_path / "many", 300)
    window = empty_opener.open()
    progress = window.imports.progress_widget()
    with qtbot.waitSignal(window.imports.import_finished, timeout=WAIT_MS) as finished:
        window.add_files([tmp_path / "many"])
        qtbot.waitUntil(lambda: progress.bar.value() >= 1, timeout=WAIT_MS)
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    summary: ImportSummary = finished.args[0]
    assert summary.cancelled and summary.total == len(files)
    assert 0 < len(summary.added) < len(files)
    qtbot.waitUntil(lambda: panel_rows(window) == len(summary.added), timeout=WAIT_MS)
    assert stored_count(window.context.library_path) == len(summary.added)
    assert not progress.isVisible()


# -- 7. unreadable files -----------------------------------------------------------------------


def test_unreadable_files_are_listed_with_their_reason_and_the_rest_load(
    empty_opener: WindowOpener, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    good = write_articles(folder, 2)
    junk = folder / "scanned_report.pdf"
    junk.write_bytes(b"\x00\x9f\x13binary junk, not a PDF\xff" * 20)
    empty = folder / "empty_note.txt"
    empty.write_text("", encoding="utf-8")
    window = empty_opener.open()
    with qtbot.waitSignal(window.imports.import_finished, timeout=WAIT_MS) as finished:
        window.add_files([*good, junk, empty])
    assert len(finished.args[0].added) == 2
    rows = dict(window.error_panel.rows())
    assert set(rows) == {str(junk), str(empty)}, rows
    assert all(reason.strip() for reason in rows.values()), rows
    assert "pdf" in rows[str(junk)].lower(), rows
    assert "empty" in rows[str(empty)].lower(), rows
    assert window.error_panel.isVisible()
    qtbot.waitUntil(lambda: panel_rows(window) == 2, timeout=WAIT_MS)


# -- 8. Remove, confirmed and not --------------------------------------------------------------


def _select_first_article(window: MainWindow) -> str:
    view = window.library_panel.table().view()
    view.selectRow(0)
    ids = window.library_panel.selected_ids()
    assert len(ids) == 1
    return ids[0]


def test_remove_after_yes_takes_the_article_out_after_no_keeps_it(
    alibaba_opener: WindowOpener, qtbot: QtBot, dialogs: Dialogs
) -> None:
    window = alibaba_opener.open()
    assert panel_rows(window) == 2

    dialogs.answer = QMessageBox.StandardButton.No
    article_id = _select_first_article(window)
    window.actions_.remove.trigger()
    assert len(dialogs.shown) == 1 and "Remove 1 article" in dialogs.shown[0]
    qtbot.wait(200)
    assert panel_rows(window) == 2
    assert stored_count(window.context.library_path) == 2

    dialogs.answer = QMessageBox.StandardButton.Yes
    assert _select_first_article(window) == article_id
    with qtbot.waitSignal(window.workspace_loaded, timeout=WAIT_MS):
        window.actions_.remove.trigger()
    assert len(dialogs.shown) == 2
    qtbot.waitUntil(lambda: panel_rows(window) == 1, timeout=WAIT_MS)
    remaining = set(window.library_panel.table().model().frame()["article_id"])
    assert article_id not in remaining
    assert stored_count(window.context.library_path) == 1


def test_delete_key_in_the_library_list_asks_to_remove_the_selected_article(
    alibaba_opener: WindowOpener, qtbot: QtBot, dialogs: Dialogs
) -> None:
    window = alibaba_opener.open()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _select_first_article(window)
    view = window.library_panel.table().view()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(dialogs.shown) == 1 and "Remove 1 article" in dialogs.shown[0]


# -- 6. restart on the same library ------------------------------------------------------------


def test_restart_restores_companies_last_company_and_geometry(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = alibaba_opener.open()
    show_company(qtbot, window, "Meitu")
    window.resize(1111, 707)
    companies = selector_items(window)
    geometry = window.saveGeometry()
    window.close()
    assert window.settings.get(LAST_COMPANY) == "Meitu"

    again = alibaba_opener.open()
    qtbot.waitUntil(lambda: again.current_company() == "Meitu", timeout=WAIT_MS)
    assert selector_items(again) == companies
    assert again.content is not None and again.content.company_id == "Meitu"
    # The offscreen screen is 800x800 and restoreGeometry keeps a window on its screen: the
    # width comes back as narrow as the window may be; the height is the one saved.
    screen = again.screen().availableGeometry()
    assert again.height() == 707
    assert again.width() == min(1111, max(screen.width(), again.minimumWidth()))
    assert again.size() != (1280, 800)  # not the first-start default
    assert isinstance(geometry, QByteArray) and not geometry.isEmpty()


@pytest.mark.parametrize("reopen", [False, True], ids=["after an import", "after a restart"])
def test_all_companies_stays_selected(
    alibaba_opener: WindowOpener, qtbot: QtBot, tmp_path: Path, reopen: bool
) -> None:
    window = alibaba_opener.open()
    show_company(qtbot, window, "")
    if reopen:
        window.close()
        window = alibaba_opener.open()
    else:
        article = tmp_path / "note.txt"
        article.write_text(
            "Quill Harbour note\n\nQuill Harbour Ltd said on 2 March 2026 that sales rose 4%.\n",
            encoding="utf-8",
        )
        with qtbot.waitSignal(window.company_shown, timeout=WAIT_MS):
            window.add_files([article])
    assert window.current_company() == ""
    assert window.content is not None and window.content.company_id == ""

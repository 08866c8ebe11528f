"""What the main window keeps between runs (geometry, docks, splitters, column widths, the
last company, the menu choices) and what it asks before closing while work is running."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMessageBox

from briefing.gui.settings import (
    LAST_COMPANY,
    SPLITTER_STATE,
    THEME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
)

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow

# How "All companies" is saved: the setting's default "" means nothing was saved yet.
ALL_SAVED = "*all*"


def restore_window_state(window: MainWindow) -> None:
    settings = window.settings
    geometry = settings.get(WINDOW_GEOMETRY)
    if not geometry or not window.restoreGeometry(QByteArray(geometry)):
        window.resize(1280, 800)
    state = settings.get(WINDOW_STATE)
    if state:
        window.restoreState(QByteArray(state))
    splitter = settings.get(SPLITTER_STATE)
    if not splitter or not window.splitter.restoreState(QByteArray(splitter)):
        window.splitter.setSizes([440, 840])
    theme = settings.get(THEME)
    for action in window.actions_.theme_group.actions():
        action.setChecked(action.data() == theme)
    paper = window.briefing_export.paper()
    for action in window.actions_.paper_group.actions():
        action.setChecked(action.data() == paper)


def save_window_state(window: MainWindow, all_saved: str = ALL_SAVED) -> None:
    settings = window.settings
    settings.set(WINDOW_GEOMETRY, bytes(window.saveGeometry().data()))
    settings.set(WINDOW_STATE, bytes(window.saveState().data()))
    settings.set(SPLITTER_STATE, bytes(window.splitter.saveState().data()))
    shown = window.shown_company
    if shown is not None:
        settings.set(LAST_COMPANY, shown or all_saved)
    for tab in (window.deals_tab, window.segments_tab, window.analysts_tab):
        tab.save_state()
    settings.sync()


def confirm_close(window: MainWindow) -> bool:
    """Whether the window may close: a running export or import is stopped first if the user
    agrees (an import keeps the batches it finished; an export leaves no file)."""
    exports = window.briefing_export.controller
    if exports.running:
        if not _ask(
            window,
            window.tr("Export running"),
            window.tr("A briefing is being exported. Stop the export and quit?"),
        ):
            return False
        exports.cancel()
    if window.imports.running:
        if not _ask(
            window,
            window.tr("Import running"),
            window.tr("Articles are still being imported. Stop the import and quit?"),
        ):
            return False
        window.imports.cancel()
    return True


def _ask(window: MainWindow, title: str, question: str) -> bool:
    answer = QMessageBox.question(window, title, question)
    return answer == QMessageBox.StandardButton.Yes

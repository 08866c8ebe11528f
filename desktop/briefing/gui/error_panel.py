"""The non-modal panel listing the files that could not be imported, and why.

Rows are plain text (file names and reasons come from disk and must never be read as
markup); "Copy details" puts every row on the clipboard as ``file<TAB>reason`` lines.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the importer pulls in the extraction engine
    from briefing.analysis.importer import FileFailure


def details_text(rows: Iterable[tuple[str, str]]) -> str:
    """The rows as tab-separated lines, for the clipboard.

    >>> details_text([("/in/a.pdf", "not a PDF file"), ("b.txt", "empty")])
    '/in/a.pdf\\tnot a PDF file\\nb.txt\\tempty\\n'
    """
    return "".join(f"{path}\t{reason}\n" for path, reason in rows)


def _item(text: str, tooltip: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)  # item text is always shown as plain text
    item.setToolTip(html.escape(tooltip))  # a tooltip may be read as rich text: escape it
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class ErrorPanel(QDockWidget):
    """A dock of (file, reason) rows with "Copy details" and "Clear"."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None, clipboard: QClipboard | None = None) -> None:
        super().__init__(self.tr("Files not imported"), parent)
        self.setObjectName("error_panel")  # for saveState/restoreState
        self.setAccessibleName(self.tr("Files not imported"))
        self._clipboard = clipboard
        self._rows: list[tuple[str, str]] = []

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.table.setAccessibleName(self.tr("Files that could not be imported"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # Long paths lose their folder's start, never the file name.
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy the failures as text"))
        self.copy_button.clicked.connect(self.copy_details)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear the list of failures"))
        self.clear_button.clicked.connect(self.clear)

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.clear_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._update_summary()

    def add_failures(self, failures: Iterable[FileFailure]) -> None:
        """Append rows (newest last) and scroll to them; the panel is shown."""
        added = [(str(failure.path), failure.reason) for failure in failures]
        if not added:
            return
        start = self.table.rowCount()
        self.table.setRowCount(start + len(added))
        for offset, (path, reason) in enumerate(added):
            self.table.setItem(start + offset, 0, _item(path, path))
            self.table.setItem(start + offset, 1, _item(reason, reason))
        self._rows.extend(added)
        self.table.scrollToBottom()
        self._update_summary()
        self.show()

    def count(self) -> int:
        return len(self._rows)

    def rows(self) -> list[tuple[str, str]]:
        """(full path, reason) of every row, in order."""
        return list(self._rows)

    def copy_details(self) -> None:
        clipboard = self._clipboard or QGuiApplication.clipboard()
        clipboard.setText(details_text(self._rows))

    def clear(self) -> None:
        self._rows.clear()
        self.table.setRowCount(0)
        self._update_summary()
        self.cleared.emit()

    def _update_summary(self) -> None:
        self.summary.setText(self.tr("%n file(s) not imported", "", len(self._rows)))
        enabled = bool(self._rows)
        self.copy_button.setEnabled(enabled)
        self.clear_button.setEnabled(enabled)

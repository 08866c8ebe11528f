"""A table of a DataFrame: filter box, row count, sortable view, copy as TSV, export.

The view has no proxy model (STACK.md P10–P11): sorting and filtering happen in
:class:`FrameModel`. Column widths and the sort order are kept in the QSettings the caller
passes, under its ``settings_key``, and restored when the first frame is set.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.atomic import atomic_writer, write_bytes_atomically
from briefing.gui.frame_model import Column, FrameModel

MAX_DEFAULT_WIDTH = 360
_SAMPLE_ROWS = 50


def tsv_cell(text: str) -> str:
    r"""A cell made safe for tab-separated text: tabs and line breaks become spaces.

    >>> tsv_cell("two\tparts\nand lines")
    'two parts and lines'
    """
    return " ".join(text.replace("\t", " ").splitlines())


class FrameTable(QWidget):
    """A filterable, sortable table; emits the full record of a row the user activates."""

    row_activated = Signal(object)  # pd.Series: the activated row's record
    rows_exported = Signal(str)  # the written file
    error_occurred = Signal(str)  # a message naming the file and the reason

    def __init__(
        self,
        columns: Sequence[Column],
        settings: QSettings,
        settings_key: str,
        parent: QWidget | None = None,
        *,
        activate_text: str | None = None,
        show_filter: bool = True,
        max_column_width: int = MAX_DEFAULT_WIDTH,
    ) -> None:
        super().__init__(parent)
        self._max_column_width = max_column_width
        self._settings = settings
        self._settings_key = settings_key
        self._restored = False
        self._model = FrameModel(columns, self)

        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText(self.tr("Filter rows"))
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName(self.tr("Filter rows"))
        self._filter.textChanged.connect(self._model.set_filter)
        self._count = QLabel(self)
        self._count.setTextFormat(Qt.TextFormat.PlainText)
        self._count.setAccessibleName(self.tr("Row count"))

        self._view = QTableView(self)
        self._view.setAccessibleName(self.tr("Table"))
        self._view.setModel(self._model)
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setWordWrap(False)
        self._view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._view.setAlternatingRowColors(True)
        rows = self._view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        header = self._view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # P10: sorting on would sort by column 0 descending at once; keep the given order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._view.setSortingEnabled(True)
        self._view.activated.connect(self._activate_index)

        self._copy_action = self._action(self.tr("Copy"), QKeySequence.StandardKey.Copy, self.copy)
        self._export_action = self._action(
            self.tr("Export visible rows…"), None, self.export_visible_rows
        )
        self._activate_action = self._action(
            activate_text or self.tr("Show evidence"), None, self._activate_current
        )
        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self._copy_action, self._export_action, self._activate_action):
            self._view.addAction(action)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._filter, 1)
        top.addWidget(self._count)
        self._top = QWidget(self)
        self._top.setLayout(top)
        self._top.setVisible(show_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._top)
        layout.addWidget(self._view, 1)

        self._model.modelReset.connect(self._update_count)
        self._update_count()

    # -- public API -------------------------------------------------------------------------

    def model(self) -> FrameModel:
        return self._model

    def view(self) -> QTableView:
        return self._view

    def set_frame(self, frame: pd.DataFrame) -> None:
        self._model.set_frame(frame)
        # Widths are fitted to the first rows seen: an empty first frame would fit headers only.
        if not self._restored and len(frame):
            self._restored = True
            self._restore_state()
            header = self._view.horizontalHeader()
            header.sectionResized.connect(self._save_widths)
            header.sortIndicatorChanged.connect(self._save_sort)

    def selected_rows(self) -> pd.DataFrame:
        """The selected rows' records, in display order."""
        rows = self._selected_row_numbers()
        return self._model.frame().iloc[rows]

    def focus_filter(self) -> None:
        self._filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._filter.selectAll()

    def copy(self) -> None:
        """Put the selected rows' shown cells on the clipboard as TSV with a header line."""
        rows = self._selected_row_numbers()
        if not rows:
            return
        lines = ["\t".join(tsv_cell(column.title) for column in self._model.columns())]
        lines += ["\t".join(tsv_cell(t) for t in cells) for cells in self._model.shown_texts(rows)]
        clipboard = QApplication.clipboard()
        clipboard.setText("\n".join(lines) + "\n")

    def visible_table(self) -> pd.DataFrame:
        """The shown rows and columns as the user reads them (headers = column titles)."""
        titles = [column.title for column in self._model.columns()]
        return pd.DataFrame(self._model.shown_texts(), columns=titles, dtype=object)

    def export_visible_rows(self) -> None:
        csv_filter, xlsx_filter = self.tr("CSV (*.csv)"), self.tr("Excel workbook (*.xlsx)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export visible rows"), "", f"{csv_filter};;{xlsx_filter}"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_name(path.name + (".xlsx" if chosen == xlsx_filter else ".csv"))
        self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the visible table to ``path`` (CSV or XLSX by suffix), atomically."""
        table = self.visible_table()
        try:
            if path.suffix.lower() == ".xlsx":
                buffer = io.BytesIO()
                with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
                    table.to_excel(writer, index=False, sheet_name="Rows")
                write_bytes_atomically(path, buffer.getvalue())
            else:
                with atomic_writer(path) as handle:
                    table.to_csv(handle, index=False)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self.error_occurred.emit(
                self.tr("Could not export to {path}: {reason}").format(path=path, reason=reason)
            )
            return False
        self.rows_exported.emit(str(path))
        return True

    # -- internals --------------------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _selected_row_numbers(self) -> list[int]:
        selection = self._view.selectionModel()
        return sorted(index.row() for index in selection.selectedRows()) if selection else []

    def _activate_index(self, index: object) -> None:
        row = index.row()  # type: ignore[attr-defined]
        if 0 <= row < self._model.rowCount():
            self.row_activated.emit(self._model.row(row))

    def _activate_current(self) -> None:
        index = self._view.currentIndex()
        if index.isValid():
            self._activate_index(index)

    def _update_count(self) -> None:
        shown, total = self._model.rowCount(), self._model.total_rows()
        if shown == total:
            text = self.tr("1 row") if total == 1 else self.tr("{n} rows").format(n=f"{total:,}")
        else:
            text = self.tr("{shown} of {total} rows").format(shown=f"{shown:,}", total=f"{total:,}")
        self._count.setText(text)

    def _key(self, name: str) -> str:
        return f"{self._settings_key}/{name}"

    def _restore_state(self) -> None:
        header = self._view.horizontalHeader()
        widths = _int_list(self._settings.value(self._key("widths"), ""))
        columns = self._model.columns()
        if len(widths) != len(columns):
            widths = self._default_widths()
        for section, width in enumerate(widths):
            header.resizeSection(section, max(width, 20))
        keys = [column.key for column in columns]
        sort_key = str(self._settings.value(self._key("sort_key"), "") or "")
        if sort_key in keys:
            descending = str(self._settings.value(self._key("sort_order"), "")) == "descending"
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(keys.index(sort_key), order)  # sorts the model too

    def _default_widths(self) -> list[int]:
        metrics = self._view.fontMetrics()
        sample = self._model.shown_texts(range(min(_SAMPLE_ROWS, self._model.rowCount())))
        widths = []
        for number, column in enumerate(self._model.columns()):
            texts = [column.title + "  ▲"] + [cells[number] for cells in sample]
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            if number == 0 and self._model.has_flagged_rows():
                style = self._view.style()
                widest += style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
            widths.append(min(widest + 24, self._max_column_width))
        return widths

    def _save_widths(self) -> None:
        header = self._view.horizontalHeader()
        widths = [header.sectionSize(section) for section in range(header.count())]
        self._settings.setValue(self._key("widths"), ",".join(str(w) for w in widths))

    def _save_sort(self, section: int, order: Qt.SortOrder) -> None:
        columns = self._model.columns()
        key = columns[section].key if 0 <= section < len(columns) else ""
        self._settings.setValue(self._key("sort_key"), key)
        descending = order == Qt.SortOrder.DescendingOrder
        self._settings.setValue(
            self._key("sort_order"), "descending" if descending else "ascending"
        )


def _int_list(value: object) -> list[int]:
    """Widths as QSettings gives them back (a string, or a list of strings from INI).

    >>> _int_list("120,80"), _int_list(["1", "2"]), _int_list(""), _int_list("x")
    ([120, 80], [1, 2], [], [])
    """
    parts = value if isinstance(value, list) else str(value or "").split(",")
    try:
        return [int(part) for part in parts if str(part).strip()]
    except ValueError:
        return []

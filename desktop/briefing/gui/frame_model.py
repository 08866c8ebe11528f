"""A Qt table model over an immutable pandas DataFrame: sorted and filtered in pandas.

Qt's QSortFilterProxyModel calls Python ``data()`` for every comparison and takes seconds at
100k rows (STACK.md P10–P11), so this model keeps the frame as given, computes each shown
column's display texts once per ``set_frame`` and keeps one integer array, ``_order``, of the
frame's row positions in display order. Sorting and filtering only rebuild that array with
pandas/numpy; ``data()`` is two index lookups.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

AnyIndex = QModelIndex | QPersistentModelIndex

# Amber with alpha: readable under both the light and the dark palette.
CONFLICT_TINT = QColor(255, 176, 0, 70)
CONFLICT_COLUMN = "conflict"


@dataclass(frozen=True)
class Column:
    """One shown column: which frame column, its header, and how a value reads.

    ``sort_key`` names another frame column to sort by (e.g. a text "USD 5.59 billion"
    shown, its number sorted); by default the shown column's raw values are sorted.
    """

    key: str
    title: str
    format: Callable[[Any], str] | None = None
    numeric: bool = False
    sort_key: str | None = None


def display_texts(values: pd.Series, format: Callable[[Any], str] | None = None) -> np.ndarray:
    """The text shown for each value, as an object array; '' for a missing value.

    Without a formatter: dates read as ISO days, everything else as ``str``.

    >>> import pandas as pd
    >>> list(display_texts(pd.Series([1.5, None])))
    ['1.5', '']
    >>> list(display_texts(pd.Series(pd.to_datetime(["2026-01-03", None]))))
    ['2026-01-03', '']
    >>> list(display_texts(pd.Series([2.0, None]), lambda v: f"{v:.0f}%"))
    ['2%', '']
    """
    missing = values.isna().to_numpy()
    texts = np.full(len(values), "", dtype=object)
    present = ~missing
    if not present.any():
        return texts
    if format is not None:
        texts[present] = _formatted(values[present], format)
    elif pd.api.types.is_datetime64_any_dtype(values.dtype):
        texts[present] = values[present].dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    else:
        texts[present] = values[present].astype(str).to_numpy(dtype=object)
    return texts


def _formatted(values: pd.Series, format: Callable[[Any], str]) -> np.ndarray:
    """``format`` of each value, called once per distinct value (dates and sources repeat)."""
    distinct: pd.Index | pd.Series
    try:
        codes, distinct = pd.factorize(values)
    except TypeError:  # unhashable values: format each one
        codes, distinct = np.arange(len(values)), values
    # Iterating pandas objects (not numpy arrays) gives Timestamps, not datetime64.
    # A trailing "" so a missing value (code -1) reads as empty.
    texts = np.array([format(value) or "" for value in distinct] + [""], dtype=object)
    return texts[codes]


class FrameModel(QAbstractTableModel):
    """Read-only rows of a DataFrame; sort and filter in pandas (see the module docstring)."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._frame = pd.DataFrame({column.key: [] for column in self._columns})
        self._texts: list[np.ndarray] = [np.empty(0, dtype=object) for _ in self._columns]
        self._lowered: list[pd.Series] | None = None  # built on the first filter
        self._raw: dict[int, np.ndarray] = {}
        self._flags = np.zeros(0, dtype=bool)
        self._sorted = np.zeros(0, dtype=np.intp)  # all row positions, in sort order
        self._order = np.zeros(0, dtype=np.intp)  # shown row positions, in sort order
        self._filter_text = ""
        self._mask: np.ndarray | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._conflict_icon: QIcon | None = None

    # -- the frame ---------------------------------------------------------------------

    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame`` (never modified), keeping the current sort, filter and mask off."""
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._texts = [
            display_texts(self._frame[column.key], column.format)
            if column.key in self._frame.columns
            else np.full(len(self._frame), "", dtype=object)
            for column in self._columns
        ]
        self._lowered = None
        self._raw = {}
        self._mask = None
        if CONFLICT_COLUMN in self._frame.columns:
            self._flags = self._frame[CONFLICT_COLUMN].fillna(False).astype(bool).to_numpy()
        else:
            self._flags = np.zeros(len(self._frame), dtype=bool)
        self._sorted = self._sort_positions(self._sort_column, self._sort_order)
        self._order = self._sorted[self._visible()[self._sorted]]
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        """The shown rows, all columns, in display order."""
        return self._frame.iloc[self._order]

    def row(self, row: int) -> pd.Series:
        """The full record (every frame column) of shown row ``row``."""
        return self._frame.iloc[int(self._order[row])]

    def has_flagged_rows(self) -> bool:
        """Whether any row carries the conflict marker (the first column shows an icon)."""
        return bool(self._flags.any())

    def total_rows(self) -> int:
        """Rows in the frame, shown or not."""
        return len(self._frame)

    def display_text(self, row: int, column: int) -> str:
        return str(self._texts[column][self._order[row]])

    def shown_texts(self, rows: Sequence[int] | None = None) -> list[list[str]]:
        """The display texts of shown rows (all of them by default), one list per row."""
        positions = self._order if rows is None else self._order[np.asarray(rows, dtype=np.intp)]
        columns = [texts[positions] for texts in self._texts]
        return [list(cells) for cells in zip(*columns, strict=True)] if columns else []

    # -- filter --------------------------------------------------------------------------

    def filter_text(self) -> str:
        return self._filter_text

    def set_filter(self, text: str) -> None:
        """Keep rows where any shown column's text contains ``text``, ignoring case."""
        self._filter_text = text.strip()
        self._refilter()

    def set_mask(self, mask: np.ndarray | pd.Series | None) -> None:
        """An extra row filter from the caller (one bool per frame row), ANDed with the text."""
        self._mask = None if mask is None else np.asarray(mask, dtype=bool)
        self._refilter()

    def set_filters(self, text: str, mask: np.ndarray | pd.Series | None) -> None:
        """``set_filter`` and ``set_mask`` together, with one model reset."""
        self._filter_text = text.strip()
        self._mask = None if mask is None else np.asarray(mask, dtype=bool)
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._order = self._sorted[self._visible()[self._sorted]]
        self.endResetModel()

    def _visible(self) -> np.ndarray:
        keep = np.ones(len(self._frame), dtype=bool) if self._mask is None else self._mask.copy()
        needle = self._filter_text.casefold()
        if needle:
            if self._lowered is None:
                self._lowered = [
                    pd.Series(texts, dtype=str).str.casefold() for texts in self._texts
                ]
            found = np.zeros(len(self._frame), dtype=bool)
            for lowered in self._lowered:
                found |= lowered.str.contains(needle, regex=False).to_numpy(dtype=bool)
            keep &= found
        return keep

    # -- sort ----------------------------------------------------------------------------

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Stable sort by the column's raw values (text ignoring case), missing values last.

        Column -1 restores the frame's own order.
        """
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._sort_column, self._sort_order = column, order
        self._sorted = self._sort_positions(column, order)
        self._order = self._sorted[self._visible()[self._sorted]]
        new_row = np.full(len(self._frame), -1, dtype=np.intp)
        new_row[self._order] = np.arange(len(self._order))
        for index in self.persistentIndexList():
            moved = int(new_row[old_order[index.row()]])
            target = self.index(moved, index.column()) if moved >= 0 else QModelIndex()
            self.changePersistentIndex(index, target)
        self.layoutChanged.emit()

    def _sort_positions(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        rows = len(self._frame)
        if not 0 <= column < len(self._columns) or rows == 0:
            return np.arange(rows, dtype=np.intp)
        spec = self._columns[column]
        keys = self._sort_keys(column, spec)
        ascending = order == Qt.SortOrder.AscendingOrder
        try:
            ordered = keys.sort_values(ascending=ascending, kind="stable", na_position="last")
        except TypeError:  # mixed types in an object column: order by what is shown
            keys = pd.Series(self._texts[column]).str.casefold().replace("", None)
            ordered = keys.sort_values(ascending=ascending, kind="stable", na_position="last")
        return ordered.index.to_numpy(dtype=np.intp)

    def _sort_keys(self, column: int, spec: Column) -> pd.Series:
        key = spec.sort_key or spec.key
        if key not in self._frame.columns:
            return pd.Series(self._texts[column])
        values = self._frame[key]
        if spec.numeric and not pd.api.types.is_numeric_dtype(values.dtype):
            return pd.to_numeric(values, errors="coerce")
        if pd.api.types.is_string_dtype(values.dtype) or values.dtype == object:
            try:
                return values.str.casefold()
            except AttributeError:  # not all strings
                return values
        return values

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._order) and 0 <= column < len(self._columns)):
            return None
        position = int(self._order[row])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[column][position]
        if role == Qt.ItemDataRole.UserRole:
            return self._raw_value(column, position)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._columns[column].numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        flagged = bool(self._flags[position])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(str(self._texts[column][position]), flagged)
        if role == Qt.ItemDataRole.BackgroundRole and flagged:
            return CONFLICT_TINT
        if role == Qt.ItemDataRole.DecorationRole and flagged and column == 0:
            return self._warning_icon()
        return None

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        # Qt's delegate asks seven roles per painted cell; answering them in one call makes
        # one Python call per cell instead of seven. Each call waits for the interpreter
        # while a worker thread computes, so a repaint then stalled the window for 0.2 s.
        # The view reuses the span from cell to cell: every role is written, None too.
        # (PySide6 iterates a span; its stubs do not say so.)
        spans: Iterable[QModelRoleData] = (
            [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan  # type: ignore[assignment]
        )
        for role_data in spans:
            value = self.data(index, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].numeric:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._order):
            return str(section + 1)
        return None

    # flags() is Qt's own (enabled, selectable, no children): a Python override was one
    # more call per painted cell.

    # -- helpers --------------------------------------------------------------------------

    def _raw_value(self, column: int, position: int) -> Any:
        key = self._columns[column].key
        if key not in self._frame.columns:
            return None
        if column not in self._raw:
            self._raw[column] = self._frame[key].to_numpy(dtype=object)
        value = self._raw[column][position]
        return None if _is_missing(value) else value

    @staticmethod
    def _tooltip(text: str, flagged: bool) -> str | None:
        # "<qt>" makes Qt read the tooltip as rich text, so the escaped article text shows
        # literally and can never become markup (STACK.md P9).
        parts = [html.escape(text)] if text else []
        if flagged:
            parts.append(html.escape(conflict_message()))
        return f"<qt>{'<br>'.join(parts)}</qt>" if parts else None

    def _warning_icon(self) -> QIcon:
        if self._conflict_icon is None:
            style = QApplication.style()
            self._conflict_icon = (
                style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                if style is not None
                else QIcon()
            )
        return self._conflict_icon


def conflict_message() -> str:
    return QCoreApplication.translate("FrameModel", "Sources disagree on this figure")


def _is_missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False

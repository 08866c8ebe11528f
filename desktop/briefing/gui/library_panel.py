"""The library panel: the articles the user has, a search row, a date range and a count.

The text search matches what the table shows (date, title, source and primary company),
ignoring case; the article body is not searched. Company filtering is the window's company
selector: it hands this panel the articles to list through ``set_articles``. The date range
is a pandas mask on ``published``; an article with no known date is hidden while either end
of the range is on, since it cannot be shown to fall inside it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.analysis.formatting import format_date
from briefing.gui.frame_model import Column
from briefing.gui.frame_table import FrameTable

SETTINGS_KEY = "library_table"
DATE_FORMAT = "d MMM yyyy"
# The panel is narrow: the title column takes the room left by the others (a long title is
# elided, its full text in the tooltip) so source and company stay in view.
TITLE_COLUMN = 1
OTHER_COLUMN_WIDTH = 110


def _date_text(stamp: object) -> str:
    return format_date(stamp) or ""


def date_range_mask(
    published: pd.Series, start: pd.Timestamp | None, end: pd.Timestamp | None
) -> np.ndarray:
    """Rows published on or after ``start`` and on or before the day ``end`` (whole day).

    >>> days = pd.Series(pd.to_datetime(["2026-01-03 09:00", "2026-02-01 00:00", None]))
    >>> date_range_mask(days, None, pd.Timestamp("2026-01-03")).tolist()
    [True, False, False]
    >>> date_range_mask(days, None, None).tolist()
    [True, True, True]
    """
    keep = np.ones(len(published), dtype=bool)
    if start is not None:
        keep &= (published >= start).to_numpy(dtype=bool)
    if end is not None:
        keep &= (published < end + pd.Timedelta(days=1)).to_numpy(dtype=bool)
    return keep


class LibraryPanel(QWidget):
    """Lists articles; reports activation, selection and removal requests by article id."""

    article_activated = Signal(str)
    selection_changed = Signal(list)
    remove_requested = Signal(list)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Library"))
        columns = [
            Column("published", self.tr("Date"), _date_text),
            Column("title", self.tr("Title")),
            Column("source", self.tr("Source")),
            Column("primary_company", self.tr("Company")),
        ]
        self._table = FrameTable(
            columns,
            settings,
            SETTINGS_KEY,
            self,
            activate_text=self.tr("Open article"),
            show_filter=False,
            max_column_width=OTHER_COLUMN_WIDTH,
        )
        header = self._table.view().horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._table.view().setAccessibleName(self.tr("Articles"))
        self._articles = pd.DataFrame()
        self._last_selection: list[str] = []

        self._search = QLineEdit(self)
        self._search.setPlaceholderText(self.tr("Search title, source, company"))
        self._search.setClearButtonEnabled(True)
        self._search.setAccessibleName(self.tr("Search articles"))
        self._search.textChanged.connect(self._apply_filters)

        self._from_check = QCheckBox(self.tr("From"), self)
        self._from_date = self._date_edit(self.tr("Published from"))
        self._to_check = QCheckBox(self.tr("To"), self)
        self._to_date = self._date_edit(self.tr("Published to"))
        for check, edit in ((self._from_check, self._from_date), (self._to_check, self._to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._apply_filters)
            edit.dateChanged.connect(self._apply_filters)

        self._count = QLabel(self)
        self._count.setTextFormat(Qt.TextFormat.PlainText)
        self._count.setAccessibleName(self.tr("Article count"))

        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        for widget in (self._from_check, self._from_date, self._to_check, self._to_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self._count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._search)
        layout.addLayout(dates)
        layout.addWidget(self._table, 1)

        self._remove_action = QAction(self.tr("Remove from library"), self)
        self._remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self._remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._remove_action.triggered.connect(self._request_removal)
        self.addAction(self._remove_action)
        self._table.view().addAction(self._remove_action)

        self._table.row_activated.connect(self._activate)
        selection = self._table.view().selectionModel()
        selection.selectionChanged.connect(self._report_selection)
        self._table.model().modelReset.connect(self._report_selection)
        self._update_count()

    # -- public API -------------------------------------------------------------------------

    def table(self) -> FrameTable:
        return self._table

    def set_articles(self, frame: pd.DataFrame) -> None:
        """List ``frame`` (``Frames.articles`` or a company's subset); filters stay as set."""
        self._articles = frame.reset_index(drop=True)
        self._table.set_frame(self._articles)
        published = self._articles.get("published")
        if published is not None and published.notna().any():
            first, last = published.min(), published.max()
            if not self._from_check.isChecked():
                self._from_date.setDate(QDate(first.year, first.month, first.day))
            if not self._to_check.isChecked():
                self._to_date.setDate(QDate(last.year, last.month, last.day))
        self._apply_filters()

    def set_search_text(self, text: str) -> None:
        self._search.setText(text)

    def set_date_range(self, start: QDate | None, end: QDate | None) -> None:
        """Turn either end of the range on (at that day) or off (None)."""
        for check, edit, day in (
            (self._from_check, self._from_date, start),
            (self._to_check, self._to_date, end),
        ):
            if day is not None:
                edit.setDate(day)
            check.setChecked(day is not None)

    def selected_ids(self) -> list[str]:
        rows = self._table.selected_rows()
        return [str(value) for value in rows["article_id"]] if "article_id" in rows else []

    def count_text(self) -> str:
        return self._count.text()

    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    # -- internals --------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setAccessibleName(name)
        edit.setEnabled(False)
        return edit

    def _apply_filters(self) -> None:
        model = self._table.model()
        start = _timestamp(self._from_date.date()) if self._from_check.isChecked() else None
        end = _timestamp(self._to_date.date()) if self._to_check.isChecked() else None
        published = self._articles.get("published")
        if (start is None and end is None) or published is None:
            mask = None
        else:
            mask = date_range_mask(published, start, end)
        model.set_filters(self._search.text(), mask)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self._table.model().rowCount(), self._table.model().total_rows()
        if shown == total:
            text = (
                self.tr("1 article")
                if total == 1
                else self.tr("{n} articles").format(n=f"{total:,}")
            )
        else:
            text = self.tr("{shown} of {total} shown").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        self._count.setText(text)

    def _activate(self, record: pd.Series) -> None:
        article_id = record.get("article_id")
        if isinstance(article_id, str):
            self.article_activated.emit(article_id)

    def _report_selection(self) -> None:
        ids = self.selected_ids()
        if ids != self._last_selection:
            self._last_selection = ids
            self.selection_changed.emit(ids)

    def _request_removal(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.remove_requested.emit(ids)


def _timestamp(day: QDate) -> pd.Timestamp:
    return pd.Timestamp(day.year(), day.month(), day.day())

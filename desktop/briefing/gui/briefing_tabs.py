"""The Deals, Segments and Analysts tabs: a table over a display table and its charts.

Every tab says the same two things upward: a row or a chart point wants its evidence
shown (``evidence_requested``), or a row marked as disputed wants its sources side by side
(``conflict_requested``). The window decides what to open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QSplitter, QVBoxLayout, QWidget

from briefing.gui.chart_view import ChartView
from briefing.gui.frame_model import Column
from briefing.gui.frame_table import FrameTable

if TYPE_CHECKING:  # the charts (matplotlib) are loaded after the first paint
    from briefing.charts.base import Chart, EvidenceRef


class TableAndCharts(QWidget):
    """A table above a grid of charts, in a splitter the user can move."""

    evidence_requested = Signal(str, int, int, str)  # article id, start, end, quote
    conflict_requested = Signal(str, str)  # article id, quote of a disputed statement
    error_occurred = Signal(str)

    def __init__(
        self,
        name: str,
        columns: Sequence[Column],
        chart_count: int,
        settings: QSettings,
        parent: QWidget | None = None,
        chart_columns: int = 2,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._name = name
        self._settings = settings
        self.table = FrameTable(list(columns), settings, f"tables/{name}", self)
        self.table.setAccessibleName(self.tr("%s table") % name)
        self.table.row_activated.connect(self._on_row_activated)
        self.table.error_occurred.connect(self.error_occurred)
        self.charts: list[ChartView] = []
        chart_area = QWidget(self)
        grid = QGridLayout(chart_area)
        grid.setContentsMargins(0, 0, 0, 0)
        for index in range(chart_count):
            view = ChartView(chart_area)
            view.setAccessibleName(self.tr("%s chart %d") % (name, index + 1))
            view.evidence_requested.connect(self._on_point_activated)
            grid.addWidget(view, index // chart_columns, index % chart_columns)
            self.charts.append(view)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName(f"{name}_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(chart_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        state = settings.value(f"splitters/{name}")
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([240, 460])  # room for about eight rows above the charts
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def set_table(self, table: pd.DataFrame, charts_follow: bool = True) -> None:
        """Show ``table``; the charts say they are being drawn until ``set_charts``
        (``charts_follow`` False: there will be none)."""
        self.table.set_frame(table)
        for view in self.charts:
            if charts_follow:
                view.set_pending()
            else:
                view.set_chart(None)

    def set_charts(self, charts: Sequence[Chart | None]) -> None:
        for index, view in enumerate(self.charts):
            view.set_chart(charts[index] if index < len(charts) else None)

    def save_state(self) -> None:
        self._settings.setValue(f"splitters/{self._name}", self.splitter.saveState())

    def _on_row_activated(self, row: pd.Series) -> None:
        article_id, quote = str(row["article_id"]), str(row["quote"])
        if bool(row.get("conflict", False)):
            self.conflict_requested.emit(article_id, quote)
        else:
            self.evidence_requested.emit(article_id, int(row["start"]), int(row["end"]), quote)

    def _on_point_activated(self, ref: EvidenceRef) -> None:
        self.evidence_requested.emit(ref.article_id, ref.start, ref.end, ref.quote)

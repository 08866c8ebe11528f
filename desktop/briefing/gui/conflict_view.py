"""Two sources that state one fact differently, side by side (a row of ``Briefing.conflicts``).

Side A is the older article, B the newer (``analysis.conflicts.COMPARISON_COLUMNS``). Every
article string is shown as plain text (STACK.md P9). "Open in article" asks, through
``evidence_requested``, for the Article tab at the quote; a conflict row keeps quotes but no
offsets, so they are looked up in the optional ``evidence`` frame (the metrics and views
frames) and sent as -1 when unknown: ``ArticleView.show_evidence`` then finds the quote.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.analysis.display_text import cell, difference_text
from briefing.analysis.formatting import format_date, metric_words
from briefing.analysis.summary import FACT_WORDS
from briefing.gui.plain_text import plain_label

SIDES = ("a", "b")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictView", text)


def fact_line(row: pd.Series) -> str:
    """Company · fact · segment · period, e.g. "Alibaba · share performance · over 2025"."""
    fact = str(cell(row, "fact") or "")
    words = metric_words(fact) if row.get("kind") == "metric" else FACT_WORDS.get(fact, fact)
    for column in ("stat", "metric", "firm"):
        value = cell(row, column)
        if value is not None and value != fact:
            shown = metric_words(str(value)) if column == "metric" else str(value)
            words = f"{words} ({shown})"
    parts = [cell(row, "company") or cell(row, "company_id"), words]
    parts += [cell(row, "segment"), cell(row, "period")]
    return " · ".join(str(part) for part in parts if part)


def verdict_words(row: pd.Series) -> str:
    if row.get("verdict") == "soft":
        return _tr("Soft conflict: compatible bounds, different figures")
    return _tr("Conflict: the figures disagree")


def difference_words(row: pd.Series) -> str:
    """The newer value minus the older, in points for percentages."""
    return _tr("difference {0}").format(difference_text(row))


class ConflictView(QDialog):
    """A non-modal dialog: the fact on top, then each source's value, article and quote."""

    evidence_requested = Signal(str, int, int, str)  # article id, start, end, quote

    def __init__(
        self,
        conflict_row: pd.Series,
        articles: pd.DataFrame,
        parent: QWidget | None = None,
        evidence: pd.DataFrame | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(self.tr("Sources disagree"))
        self.setAccessibleName(self.tr("Conflicting sources"))
        self._row = conflict_row
        self._articles = articles
        self._evidence = evidence
        self.open_buttons: dict[str, QPushButton] = {}

        fact = plain_label(parent=self, text=fact_line(conflict_row))
        font = fact.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        fact.setFont(font)
        fact.setAccessibleName(self.tr("Fact"))
        verdict = plain_label(
            parent=self, text=f"{verdict_words(conflict_row)}; {difference_words(conflict_row)}."
        )

        columns = QHBoxLayout()
        for side in SIDES:
            columns.addWidget(self._side_box(side), 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(fact)
        layout.addWidget(verdict)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        # Wide enough for two quotes side by side, no taller than the text needs.
        width = max(820, self.sizeHint().width())
        height = layout.totalHeightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def _side_box(self, side: str) -> QGroupBox:
        row = self._row
        title = self.tr("Older source") if side == "a" else self.tr("Newer source")
        number = cell(row, f"source_number_{side}")
        if number is not None:
            title = f"{title} [{int(number)}]"
        box = QGroupBox(title, self)
        value = plain_label(parent=box, text=str(cell(row, f"value_{side}") or ""))
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        value.setFont(font)
        value.setAccessibleName(self.tr("Stated value"))
        article_id = str(cell(row, f"article_{side}") or "")
        source = cell(row, f"source_{side}") or self.tr("unknown source")
        when = format_date(cell(row, f"published_{side}")) or self.tr("undated")
        quote = str(cell(row, f"quote_{side}") or "")
        quote_label = plain_label(parent=box, text=f"“{quote}”")
        quote_label.setAccessibleName(self.tr("Quoted sentence"))
        button = QPushButton(self.tr("Open in article"), box)
        button.setAccessibleName(self.tr("Open the {0} in the article").format(title.lower()))
        button.setAutoDefault(False)  # Enter must not jump away from the dialog
        button.clicked.connect(lambda: self._request(side))
        self.open_buttons[side] = button

        layout = QVBoxLayout(box)
        layout.addWidget(value)
        layout.addWidget(plain_label(parent=box, text=self._title_of(article_id)))
        layout.addWidget(plain_label(parent=box, text=f"{source} · {when}"))
        layout.addWidget(quote_label, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _title_of(self, article_id: str) -> str:
        if "article_id" in self._articles.columns and "title" in self._articles.columns:
            titles = self._articles.loc[self._articles["article_id"] == article_id, "title"]
            if len(titles) and isinstance(titles.iloc[0], str) and titles.iloc[0]:
                return str(titles.iloc[0])
        return self.tr("Untitled article")

    def _span_of(self, article_id: str, quote: str) -> tuple[int, int]:
        """The quote's offsets in its article, from the evidence frame; -1 when unknown."""
        frame = self._evidence
        if frame is None or frame.empty:
            return -1, -1
        found = frame[(frame["article_id"] == article_id) & (frame["quote"] == quote)]
        if found.empty:
            return -1, -1
        return int(found["start"].iloc[0]), int(found["end"].iloc[0])

    def _request(self, side: str) -> None:
        article_id = str(cell(self._row, f"article_{side}") or "")
        quote = str(cell(self._row, f"quote_{side}") or "")
        start, end = self._span_of(article_id, quote)
        self.evidence_requested.emit(article_id, start, end, quote)

"""The Overview tab: the summary sentences with their citations, headline figure cards and
the conflicts worth checking. With "All companies" selected it lists the companies instead.

Every text here is plain text: summary sentences quote article wording.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from briefing.analysis.headlines import Headline
from briefing.analysis.summary import Citation, SummarySentence
from briefing.gui.columns import company_columns, conflict_columns
from briefing.gui.frame_table import FrameTable
from briefing.gui.plain_text import plain_label

CARD_COLUMNS = 3
_CITATION_ROLE = Qt.ItemDataRole.UserRole + 1


class HeadlineCard(QFrame):
    """One headline figure; double-click opens its sentence."""

    activated = Signal(object)  # the Headline

    def __init__(self, headline: Headline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = headline
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(headline.title)
        self.setToolTip(self.tr("Double-click to open the sentence this figure comes from"))
        layout = QVBoxLayout(self)
        title = plain_label(headline.title, self, "card_title")
        value = plain_label(headline.value, self, "card_value")
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        value.setFont(font)
        layout.addWidget(title)
        layout.addWidget(value)
        layout.addWidget(plain_label(headline.caption, self, "card_caption"))

    def mouseDoubleClickEvent(self, event: object) -> None:
        self.activated.emit(self.headline)


class OverviewTab(QWidget):
    evidence_requested = Signal(str, int, int, str)
    conflict_activated = Signal(int)  # row of the briefing's conflicts
    company_activated = Signal(str)  # company id, from the all-companies list
    error_occurred = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self._stack = QStackedWidget(self)
        # One company: summary + cards on top, conflicts below.
        company_page = QSplitter(Qt.Orientation.Vertical, self._stack)
        top = QWidget(company_page)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label("", top, "overview_heading")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.3)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.summary = QListWidget(top)
        self.summary.setAccessibleName(self.tr("Summary sentences"))
        self.summary.setWordWrap(True)
        self.summary.itemDoubleClicked.connect(self._on_summary_activated)
        self.citations = QListWidget(top)
        self.citations.setAccessibleName(self.tr("Citations of the selected sentence"))
        self.citations.setWordWrap(True)
        self.citations.setMaximumHeight(84)
        self.citations.itemDoubleClicked.connect(self._on_citation_activated)
        self.summary.currentItemChanged.connect(self._show_citations)
        self._cards = QWidget(top)
        self._cards_layout = QGridLayout(self._cards)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_scroll = QScrollArea(top)
        cards_scroll.setWidgetResizable(True)
        cards_scroll.setWidget(self._cards)
        cards_scroll.setFrameShape(QFrame.Shape.NoFrame)
        cards_scroll.setMinimumHeight(206)  # two rows of cards
        top_layout.addWidget(self.heading)
        top_layout.addWidget(plain_label(self.tr("Summary"), top, "section"))
        top_layout.addWidget(self.summary, 3)
        top_layout.addWidget(plain_label(self.tr("Sources of the selected sentence"), top))
        top_layout.addWidget(self.citations, 1)
        top_layout.addWidget(plain_label(self.tr("Headline figures"), top, "section"))
        top_layout.addWidget(cards_scroll, 0)
        conflicts_box = QWidget(company_page)
        conflicts_layout = QVBoxLayout(conflicts_box)
        conflicts_layout.setContentsMargins(0, 0, 0, 0)
        self.conflicts_label = plain_label(self.tr("Conflicts"), conflicts_box, "section")
        self.conflicts = FrameTable(conflict_columns(), settings, "tables/conflicts", conflicts_box)
        self.conflicts.setAccessibleName(self.tr("Conflicts between sources"))
        self.conflicts.row_activated.connect(
            lambda row: self.conflict_activated.emit(int(row["row"]))
        )
        self.conflicts.error_occurred.connect(self.error_occurred)
        conflicts_layout.addWidget(self.conflicts_label)
        conflicts_layout.addWidget(self.conflicts)
        company_page.addWidget(top)
        company_page.addWidget(conflicts_box)
        company_page.setStretchFactor(0, 3)
        company_page.setStretchFactor(1, 2)
        # All companies: one row per company.
        self.companies = FrameTable(company_columns(), settings, "tables/companies", self._stack)
        self.companies.setAccessibleName(self.tr("Companies in the library"))
        self.companies.row_activated.connect(
            lambda row: self.company_activated.emit(str(row["company_id"]))
        )
        self.companies.error_occurred.connect(self.error_occurred)
        self._stack.addWidget(company_page)
        self._stack.addWidget(self.companies)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._stack)

    def show_company(
        self,
        heading: str,
        sentences: Sequence[SummarySentence],
        headlines: Sequence[Headline],
        conflicts: pd.DataFrame,
    ) -> None:
        self._stack.setCurrentIndex(0)
        self.heading.setText(heading)
        self.summary.clear()
        for sentence in sentences:
            item = QListWidgetItem(sentence.text)
            item.setData(_CITATION_ROLE, sentence.citations)
            item.setToolTip(self.tr("Double-click to open the first source cited"))
            self.summary.addItem(item)
        self.citations.clear()
        if self.summary.count():
            self.summary.setCurrentRow(0)
        while self._cards_layout.count():
            taken = self._cards_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, headline in enumerate(headlines):
            card = HeadlineCard(headline, self._cards)
            card.activated.connect(self._on_card_activated)
            self._cards_layout.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
        count = len(conflicts)
        self.conflicts_label.setText(
            self.tr("Conflicts worth checking: %d (double-click for both sources)") % count
            if count
            else self.tr("Conflicts: no two sources disagree")
        )
        self.conflicts.set_frame(conflicts)

    def show_companies(self, companies: pd.DataFrame) -> None:
        self._stack.setCurrentIndex(1)
        self.companies.set_frame(companies)

    def card_count(self) -> int:
        return self._cards_layout.count()

    def _show_citations(self, item: QListWidgetItem | None) -> None:
        self.citations.clear()
        if item is None:
            return
        citations = item.data(_CITATION_ROLE) or ()
        if not citations:
            placeholder = QListWidgetItem(self.tr("This sentence cites no source."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.citations.addItem(placeholder)
        for citation in citations:
            line = QListWidgetItem(f"[{citation.number}] “{citation.quote}”")
            line.setData(_CITATION_ROLE, citation)
            self.citations.addItem(line)

    def _emit_citation(self, citation: Citation) -> None:
        start = citation.start if citation.start is not None else -1
        end = citation.end if citation.end is not None else -1
        self.evidence_requested.emit(citation.article_id, start, end, citation.quote)

    def _on_summary_activated(self, item: QListWidgetItem) -> None:
        citations = item.data(_CITATION_ROLE) or ()
        if citations:
            self._emit_citation(citations[0])

    def _on_citation_activated(self, item: QListWidgetItem) -> None:
        citation = item.data(_CITATION_ROLE)
        if isinstance(citation, Citation):
            self._emit_citation(citation)

    def _on_card_activated(self, headline: Headline) -> None:
        self.evidence_requested.emit(
            headline.article_id, headline.start, headline.end, headline.quote
        )

"""The Article tab: one article's text, plain, with every extracted item highlighted by kind.

The body is shown exactly as stored (``setPlainText``, never HTML: STACK.md P8) so the
items' character offsets map onto it. Python indexes a str by code point while a
QTextCursor counts UTF-16 code units, so an emoji before a span shifts it by one:
``Utf16Offsets`` converts both ways. Hovering a highlight shows what was extracted there;
the list beside the text selects an item's span when clicked.
"""

from __future__ import annotations

import bisect
import html
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QHelpEvent, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing.analysis.article_items import evidence_spans
from briefing.gui.frame_model import Column, FrameModel
from briefing.gui.plain_text import plain_label

# Translucent tints: blended over the base colour they read under light and dark palettes.
KIND_COLOURS = {
    "deal": QColor(255, 140, 0, 85),
    "metric": QColor(30, 144, 255, 80),
    "view": QColor(60, 179, 113, 90),
}
_SWATCH_SIZE = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArticleView", text)


def kind_words() -> dict[str, str]:
    """The kind of an item as the user reads it."""
    return {"deal": _tr("Deal"), "metric": _tr("Metric"), "view": _tr("Analyst view")}


class Utf16Offsets:
    """Python str offsets <-> QTextDocument positions (UTF-16 code units) for one text."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, char in enumerate(text) if ord(char) > 0xFFFF]
        # Where each astral character starts in UTF-16 units (each one before adds one).
        self._astral_qt = [index + n for n, index in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        return position - bisect.bisect_left(self._astral_qt, position)


class _ItemsModel(FrameModel):
    """The article's items with a colour swatch for their kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        words = kind_words()
        super().__init__(
            [
                Column("kind", _tr("Kind"), lambda kind: words.get(kind, kind)),
                Column("summary", _tr("Item")),
            ],
            parent,
        )
        self._swatches = {kind: _swatch(colour) for kind, colour in KIND_COLOURS.items()}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            return self._swatches.get(str(self.row(index.row())["kind"]))
        return super().data(index, role)


def _swatch(colour: QColor) -> QPixmap:
    pixmap = QPixmap(_SWATCH_SIZE, _SWATCH_SIZE)
    pixmap.fill(QColor(colour.red(), colour.green(), colour.blue(), 200))
    return pixmap


class _ArticleText(QPlainTextEdit):
    """The read-only body; asks its owner what to show when a highlight is hovered."""

    def __init__(self, owner: ArticleView) -> None:
        super().__init__(owner)
        self._owner = owner
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            tip = self._owner.tooltip_at(position)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class ArticleView(QWidget):
    """Title and meta line, the plain body with highlights, and the list of its items."""

    item_activated = Signal(object)  # the item's row (pd.Series) in the items frame

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article_id: str | None = None
        self._body = ""
        self._offsets = Utf16Offsets("")
        self._items = pd.DataFrame(columns=["kind", "start", "end", "quote", "summary"])
        self._spans: list[tuple[int, int, str, str]] = []  # qt start, qt end, kind, summary
        self._highlights: list[QTextEdit.ExtraSelection] = []

        self._title = plain_label("", self)
        title_font = self._title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setAccessibleName(self.tr("Article title"))
        self._meta = plain_label("", self)
        self._meta.setAccessibleName(self.tr("Article source and date"))

        self._text = _ArticleText(self)
        self._text.setAccessibleName(self.tr("Article text"))
        self._text.setPlaceholderText(self.tr("Choose an article, or double-click a figure."))

        self._model = _ItemsModel(self)
        self._list = QTableView(self)
        self._list.setModel(self._model)
        self._list.setAccessibleName(self.tr("Items in this article"))
        self._list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setWordWrap(False)
        self._list.verticalHeader().setVisible(False)
        self._list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self._list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._list.clicked.connect(self._on_item_clicked)
        self._list.activated.connect(self._on_item_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._text)
        splitter.addWidget(self._list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._meta)
        layout.addLayout(self._legend())
        layout.addWidget(splitter, 1)
        self.clear()

    def _legend(self) -> QHBoxLayout:
        legend = QHBoxLayout()
        legend.setSpacing(6)
        for kind, word in kind_words().items():
            swatch = QLabel(self)
            swatch.setPixmap(_swatch(KIND_COLOURS[kind]))
            legend.addWidget(swatch)
            legend.addWidget(plain_label(word, self))
            legend.addSpacing(10)
        legend.addStretch(1)
        return legend

    # -- public API ---------------------------------------------------------------------

    def set_article(
        self,
        document_id: str,
        title: str | None,
        meta_line: str,
        body: str,
        items: pd.DataFrame,
    ) -> None:
        """Show one article and highlight ``items`` (``analysis.article_items`` rows)."""
        self._article_id = document_id
        self._body = body
        self._offsets = Utf16Offsets(body)
        self._title.setText(title or self.tr("Untitled article"))
        self._meta.setText(meta_line)
        self._text.setPlainText(body)
        self._items = items.reset_index(drop=True)
        self._model.set_frame(self._items)
        self._spans = []
        seen: set[tuple[int, int, str]] = set()
        self._highlights = []
        for item_start, item_end, kind, quote, summary in zip(
            self._items["start"].tolist(),
            self._items["end"].tolist(),
            self._items["kind"].astype(str).tolist(),
            self._items["quote"].astype(str).tolist(),
            self._items["summary"].astype(str).tolist(),
            strict=True,
        ):
            start, end = self._qt_span(int(item_start), int(item_end), quote)
            self._spans.append((start, end, kind, summary))
            if (start, end, kind) in seen or start == end:
                continue  # several items on one sentence: tint it once per kind
            seen.add((start, end, kind))
            self._highlights.append(self._selection(start, end, KIND_COLOURS.get(kind)))
        self._text.setExtraSelections(self._highlights)

    def clear(self) -> None:
        self._article_id = None
        self._body = ""
        self._offsets = Utf16Offsets("")
        self._title.setText(self.tr("No article shown"))
        self._meta.setText("")
        self._text.clear()
        self._items = self._items.iloc[0:0]
        self._model.set_frame(self._items)
        self._spans = []
        self._highlights = []
        self._text.setExtraSelections([])

    def article_id(self) -> str | None:
        return self._article_id

    def shown_text(self) -> str:
        """The article text as the view shows it."""
        return self._text.toPlainText()

    def items(self) -> pd.DataFrame:
        return self._items

    def show_evidence(self, start: int, end: int, quote: str) -> None:
        """Scroll to the evidence (found by ``evidence_spans``), select it and focus the
        text. Offsets of -1 mean "unknown": the quote is looked up in the body."""
        self._select(*self._qt_span(start, end, quote))
        self._text.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_text(self) -> str:
        """The selected text exactly as in the body (Qt's own selection text would turn
        line breaks into U+2029)."""
        cursor = self._text.textCursor()
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        return self._body[start:end]

    def tooltip_at(self, position: int) -> str:
        """The escaped tooltip for a document position: the items whose span holds it."""
        summaries: list[str] = []
        for start, end, _kind, summary in self._spans:
            if start <= position < end and summary not in summaries:
                summaries.append(summary)
        return (
            "<qt>" + "<br>".join(html.escape(s) for s in summaries) + "</qt>" if summaries else ""
        )

    def text_edit(self) -> QPlainTextEdit:
        return self._text

    def item_list(self) -> QTableView:
        return self._list

    def header_labels(self) -> tuple[QLabel, QLabel]:
        """The title and the meta line labels."""
        return self._title, self._meta

    # -- internals ----------------------------------------------------------------------

    def _qt_span(self, start: int, end: int, quote: str) -> tuple[int, int]:
        low, high = evidence_spans(self._body, start, end, quote)
        return self._offsets.to_qt(low), self._offsets.to_qt(high)

    def _selection(self, start: int, end: int, colour: QColor | None) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self._text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text_format = QTextCharFormat()
        if colour is None:  # the evidence: the palette's own selection colours
            palette = self._text.palette()
            text_format.setBackground(palette.highlight())
            text_format.setForeground(palette.highlightedText())
        else:
            text_format.setBackground(colour)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = text_format
        return selection

    def _select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self._text.document())
        cursor.setPosition(end)  # so the end is scrolled to first, then the start
        self._text.setTextCursor(cursor)
        self._text.ensureCursorVisible()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._text.setTextCursor(cursor)
        self._text.centerCursor()
        # Kept visible when the text loses focus (an inactive selection may be invisible).
        self._text.setExtraSelections([*self._highlights, self._selection(start, end, None)])

    def _on_item_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self._model.row(index.row())
        self._select(*self._qt_span(int(row["start"]), int(row["end"]), str(row["quote"])))
        self.item_activated.emit(row)

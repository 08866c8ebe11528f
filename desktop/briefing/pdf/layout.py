"""The briefing as a QTextDocument laid out for the PDF: fonts, style sheet, no resource
ever loaded, and the charts painted as vector drawings where their slots stand.

QtGui and QtSvg only (no widgets): this runs in a worker thread of the window and in the
headless command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from briefing.pdf.chart_svgs import ChartSvg
from briefing.pdf.html_parts import STYLE_SHEET, slot_key

# Latin first, then a CJK face whose ToUnicode map extracts 里 as 里 (STACK P3).
FONT_FAMILIES: Final = ["DejaVu Sans", "WenQuanYi Micro Hei"]
BODY_POINT_SIZE: Final = 9.0
CHART_OBJECT_TYPE: Final = QTextFormat.ObjectTypes.UserObject + 1
_CHART_KEY: Final = QTextFormat.Property.UserProperty + 1
_CHART_SIZE: Final = QTextFormat.Property.UserProperty + 2
OBJECT_REPLACEMENT: Final = "\ufffc"


def document_font(point_size: float = BODY_POINT_SIZE) -> QFont:
    """DejaVu Sans with the CJK fallback and without ligatures, so "fi" extracts as "fi"
    (STACK P2)."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class GuardedDocument(QTextDocument):
    """A QTextDocument that loads nothing: an ``<img>`` or style sheet link smuggled into
    the HTML would otherwise read a local file (STACK P8). Every request is recorded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.requested: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.requested.append(name.toString() if isinstance(name, QUrl) else str(name))
        return None


class ChartObjects(QPyTextObject):
    """Paints the chart an object character stands for, from its SVG, at any resolution."""

    def __init__(self, charts: Mapping[str, ChartSvg], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._svgs = {key: chart.svg for key, chart in charts.items()}
        self._renderers: dict[str, QSvgRenderer] = {}

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        size = fmt.property(_CHART_SIZE)
        return size if isinstance(size, QSizeF) else QSizeF(0, 0)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        key = str(fmt.property(_CHART_KEY))
        renderer = self._renderers.get(key)
        if renderer is None and key in self._svgs:
            renderer = QSvgRenderer(QByteArray(self._svgs[key]))
            self._renderers[key] = renderer
        if renderer is not None and renderer.isValid():
            renderer.render(painter, rect)


def _chart_size(chart: ChartSvg, dpi: int, text_width: float) -> QSizeF:
    """The chart at its own size in the layout's pixels, narrowed to the text width."""
    width, height = chart.width_in * dpi, chart.height_in * dpi
    scale = min(1.0, (text_width * 0.98) / width)
    return QSizeF(width * scale, height * scale)


def fill_chart_slots(
    document: QTextDocument, charts: Mapping[str, ChartSvg], dpi: int, text_width: float
) -> list[str]:
    """Replace every chart slot paragraph by its chart object; returns the keys placed."""
    placed = []
    block = document.begin()
    while block.isValid():
        key = slot_key(block.text())
        following = block.next()
        if key is not None and key in charts:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            chart_format = QTextCharFormat()
            chart_format.setObjectType(CHART_OBJECT_TYPE)
            chart_format.setProperty(_CHART_KEY, key)
            chart_format.setProperty(_CHART_SIZE, _chart_size(charts[key], dpi, text_width))
            cursor.insertText(OBJECT_REPLACEMENT, chart_format)
            placed.append(key)
        block = following
    return placed


def briefing_document(
    html: str, charts: Mapping[str, ChartSvg], device: Any, page_size: QSizeF, dpi: int
) -> GuardedDocument:
    """The laid-out document: text measured against ``device`` (the PDF writer, STACK P1)
    and cut into pages of ``page_size`` (device pixels)."""
    document = GuardedDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(document_font())
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(STYLE_SHEET)
    document.setHtml(html)
    handler = ChartObjects(charts, document)
    document.documentLayout().registerHandler(CHART_OBJECT_TYPE, handler)
    fill_chart_slots(document, charts, dpi, page_size.width())
    # Set last: this lays out the whole document once, charts included (an incremental
    # relayout after filling the slots lost the blocks that follow a chart).
    document.setPageSize(page_size)
    return document

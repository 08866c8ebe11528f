"""Paint the laid-out briefing onto PDF pages with QPdfWriter: a header with the company,
the page's slice of the document, a footer with "page n of N".

Qt turns the document's ``<a href="#x">`` into internal links and ``<a name="x">`` into
named destinations by itself; the finishing step (``finish``) adds the outline from them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from briefing.pdf.chart_svgs import ChartSvg
from briefing.pdf.layout import GuardedDocument, briefing_document, document_font

Paper = Literal["a4", "letter"]
PAPER_SIZES: Final = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
RESOLUTION: Final = 300  # dpi: text is vector anyway; this is the layout's unit
MARGINS_MM: Final = QMarginsF(16, 12, 16, 12)
BAND_POINTS: Final = 22.0  # header and footer bands, each
_MUTED: Final = QColor("#57606a")


@dataclass(frozen=True)
class PageText:
    """What the header and footer say."""

    header: str  # the company
    footer: str  # "Investor Briefing 0.1.0"


class PdfWriteError(OSError):
    """Qt could not open the file to write the PDF into."""


def _points(value: float) -> float:
    return value * RESOLUTION / 72.0


def write_pdf(
    path: Path,
    html: str,
    charts: Mapping[str, ChartSvg],
    *,
    paper: Paper,
    title: str,
    creator: str,
    page_text: PageText,
    on_page: Callable[[int, int], None],
) -> int:
    """Write the briefing to ``path`` and return its page count.

    ``on_page(n, pages)`` runs before each page is painted; it may raise (to cancel), and
    the painter is closed before the exception goes on.
    """
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAPER_SIZES[paper]))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator(creator)
    band = _points(BAND_POINTS)
    body = QSizeF(writer.width(), writer.height() - 2 * band)
    document = briefing_document(html, charts, writer, body, RESOLUTION)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfWriteError(f"cannot open {path} to write the PDF")
    try:
        for index in range(pages):
            on_page(index + 1, pages)
            if index:
                writer.newPage()
            _paint_page(painter, document, index, pages, body, band, page_text)
    finally:
        painter.end()
    return pages


def _paint_page(
    painter: QPainter,
    document: GuardedDocument,
    index: int,
    pages: int,
    body: QSizeF,
    band: float,
    page_text: PageText,
) -> None:
    width = body.width()
    small = document_font(7.5)
    painter.setFont(small)
    painter.setPen(QPen(_MUTED))
    header = QRectF(0, 0, width, band * 0.7)
    painter.drawText(
        header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, page_text.header
    )
    painter.drawLine(0, int(band * 0.75), int(width), int(band * 0.75))
    footer_top = band + body.height()
    footer = QRectF(0, footer_top + band * 0.3, width, band * 0.7)
    painter.drawText(
        footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, page_text.footer
    )
    painter.drawText(
        footer,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        f"page {index + 1} of {pages}",
    )
    painter.save()
    top = index * body.height()
    painter.translate(0, band - top)
    document.drawContents(painter, QRectF(0, top, width, body.height()))
    painter.restore()

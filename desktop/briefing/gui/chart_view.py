"""A widget showing one ``charts.Chart``: the figure on a Qt canvas, the evidence of each
point one double-click away, and "Save chart as…".

Interaction (documented for the tabs and the help):
- double-click a point, bar or line: ``evidence_requested`` is emitted with the point's
  ``EvidenceRef`` (the tab then opens the article at that sentence). A single click does
  nothing, so a click to focus the chart never jumps away;
- hover a point: a tooltip shows the sentence it comes from (escaped: article text is
  never interpreted as rich text);
- right-click: "Save chart as…" (PNG or SVG), also available as ``save_action`` for a
  toolbar.

The canvas draws at the screen's devicePixelRatio, so charts stay crisp on HiDPI screens.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # matplotlib is imported when the first chart arrives, not at start-up
    from matplotlib.backend_bases import Event, MouseEvent
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from briefing.charts.base import Chart, EvidenceRef

_TOOLTIP_CHARS = 400
_FILE_NAME_UNSAFE = re.compile(r"[^\w-]+")


def _default_file_name(title: str) -> str:
    """A file name from a chart title.

    >>> _default_file_name("Deal timeline (USD, log scale)")
    'deal-timeline-usd-log-scale.png'
    """
    stem = _FILE_NAME_UNSAFE.sub("-", title.lower()).strip("-") or "chart"
    return f"{stem}.png"


def tooltip_text(ref: EvidenceRef) -> str:
    """The tooltip of a point: its quote, escaped and marked as rich text so Qt shows the
    characters as written (and wraps long sentences) instead of guessing the format.

    >>> from briefing.charts.base import EvidenceRef
    >>> tooltip_text(EvidenceRef("a", 0, 3, "<b>x</b> & y"))
    '<qt>&lt;b&gt;x&lt;/b&gt; &amp; y</qt>'
    """
    quote = ref.quote if len(ref.quote) <= _TOOLTIP_CHARS else ref.quote[:_TOOLTIP_CHARS] + "…"
    return f"<qt>{html.escape(quote)}</qt>"


class ChartView(QWidget):
    """Shows a ``Chart`` (or a short note instead) and reports double-clicked points.

    Until a chart is set the view holds a plain label and no canvas, so the window can be
    built and populated before matplotlib is imported (start-up time)."""

    evidence_requested = Signal(object)  # EvidenceRef of the double-clicked point
    chart_saved = Signal(object)  # Path the chart was written to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chart: Chart | None = None
        self._canvas: FigureCanvasQTAgg | None = None
        self._drawn = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumSize(240, 160)
        self.save_action = QAction(self.tr("Save chart as…"), self)
        self.save_action.setToolTip(self.tr("Save this chart as a PNG or SVG image"))
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self.save_with_dialog)
        self._note = QLabel(self)
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        self._note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._note.setEnabled(False)  # drawn in the palette's muted text colour
        self._layout.addWidget(self._note)
        self.setAccessibleName(self.tr("Chart"))

    # -- showing a chart ---------------------------------------------------------------

    def chart(self) -> Chart | None:
        return self._chart

    def canvas(self) -> FigureCanvasQTAgg | None:
        """The canvas of the chart shown; None while there is no chart."""
        return self._canvas

    def note(self) -> str:
        """What the view says instead of a chart ("" while a chart is shown)."""
        return self._note.text() if self._canvas is None else ""

    def set_pending(self) -> None:
        """No chart yet: it is being built."""
        self._show_note(self.tr("Drawing the chart…"))

    def set_chart(self, chart: Chart | None) -> None:
        """Show ``chart`` (None: a note that there is nothing to chart). The figure is drawn
        on a fresh canvas: a figure belongs to one canvas at a time."""
        if chart is None:
            self._show_note(self.tr("Nothing to chart for this selection"))
            return
        self._chart = chart
        canvas = self._new_canvas(chart.figure)
        self._drop_canvas()
        self._note.hide()
        self._layout.addWidget(canvas)
        self._canvas = canvas
        self.save_action.setEnabled(True)
        self.setAccessibleDescription(chart.title)
        # A chart on a hidden tab is drawn when first shown: drawing all seven at once
        # blocked the GUI thread for over a second.
        self._drawn = False
        if self.isVisible():
            self._draw()

    def _show_note(self, text: str) -> None:
        self._chart = None
        self._drop_canvas()
        self._note.setText(text)
        self._note.show()
        self.save_action.setEnabled(False)
        self.setAccessibleDescription(text)

    def _drop_canvas(self) -> None:
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.hide()
            self._canvas.deleteLater()
            self._canvas = None

    def _draw(self) -> None:
        if not self._drawn and self._canvas is not None:
            self._drawn = True
            self._canvas.draw_idle()  # type: ignore[no-untyped-call]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw()

    def _new_canvas(self, figure: Figure) -> FigureCanvasQTAgg:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setParent(self)
        canvas.setAccessibleName(self.tr("Chart canvas"))
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        canvas.addAction(self.save_action)
        canvas.mpl_connect("pick_event", self._on_pick)
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        return canvas

    # -- points -> evidence ------------------------------------------------------------

    def _on_pick(self, event: Event) -> None:
        from matplotlib.backend_bases import PickEvent

        if self._chart is None or not isinstance(event, PickEvent):
            return
        if not getattr(event.mouseevent, "dblclick", False):
            return
        indices = getattr(event, "ind", None)
        index = int(indices[0]) if indices is not None and len(indices) else 0
        ref = self._chart.evidence_at(event.artist, index)
        if ref is not None:
            self.evidence_requested.emit(ref)

    def evidence_under(self, event: MouseEvent) -> EvidenceRef | None:
        """The evidence of the point under a mouse event, if any."""
        if self._chart is None:
            return None
        for artist, refs in self._chart.points.items():
            hit, details = artist.contains(event)
            if not hit or not refs:
                continue
            indices = details.get("ind") if isinstance(details, dict) else None
            index = int(indices[0]) if indices is not None and len(indices) else 0
            return refs[index] if index < len(refs) else refs[0]
        return None

    def _on_motion(self, event: Event) -> None:
        from matplotlib.backend_bases import MouseEvent

        canvas = self._canvas
        if canvas is None or not isinstance(event, MouseEvent) or event.x is None:
            return
        if event.y is None:
            return
        ref = self.evidence_under(event)
        if ref is None:
            QToolTip.hideText()
            return
        # Event coordinates are in physical pixels from the bottom left of the canvas.
        ratio = canvas.devicePixelRatioF() or 1.0
        local = QPoint(int(event.x / ratio), int(canvas.height() - event.y / ratio))
        QToolTip.showText(canvas.mapToGlobal(local), tooltip_text(ref), canvas)

    # -- saving --------------------------------------------------------------------------

    def save_to(self, path: Path) -> None:
        """Write the chart to ``path`` (PNG or SVG by suffix); errors propagate."""
        from briefing.charts.base import save_chart

        if self._chart is None:
            raise ValueError("there is no chart to save")
        save_chart(self._chart, path)
        self.chart_saved.emit(path)

    def save_with_dialog(self) -> None:
        """Ask for a file name, then save; a failure is shown in a dialog naming the file."""
        if self._chart is None:
            return
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG image (*.svg)")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart as"),
            _default_file_name(self._chart.title),
            f"{png};;{svg}",
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + (".svg" if chosen == svg else ".png"))
        try:
            self.save_to(path)
        except (OSError, ValueError) as error:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Chart not saved"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(
                self.tr("Could not save the chart to {path}: {reason}").format(
                    path=path, reason=getattr(error, "strerror", None) or error
                )
            )
            box.open()

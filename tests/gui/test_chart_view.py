"""ChartView: a double-clicked point asks for its evidence, hovering shows the sentence,
"Save chart as…" writes the file the user picks. Charts come from the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.artist import Artist
from matplotlib.backend_bases import MouseEvent
from matplotlib.patches import Rectangle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from briefing.charts import Chart, EvidenceRef, deal_timeline_chart, segment_growth_chart
from briefing.gui.chart_view import ChartView

try:
    from test_charts_samples import sample_briefing
except ImportError:  # run from tests/gui alone: the samples helper sits one folder up
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_charts_samples import sample_briefing


@pytest.fixture
def view(qtbot: QtBot) -> ChartView:
    widget = ChartView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _growth_chart() -> Chart:
    return segment_growth_chart(sample_briefing("Alibaba").metrics)


def _centre(view: ChartView, artist: Artist, index: int = 0) -> tuple[float, float]:
    """Display (physical pixel) coordinates of a bar's centre or a scatter point."""
    view.canvas().draw()
    if isinstance(artist, Rectangle):
        box = artist.get_window_extent()
        return (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    offsets = artist.get_offsets()  # type: ignore[attr-defined]
    x, y = artist.get_offset_transform().transform(offsets[index])  # type: ignore[attr-defined]
    return float(x), float(y)


def _press(view: ChartView, x: float, y: float, dblclick: bool) -> None:
    event = MouseEvent("button_press_event", view.canvas(), x, y, button=1, dblclick=dblclick)
    event._process()


def test_double_clicking_a_bar_requests_its_evidence(view: ChartView, qtbot: QtBot) -> None:
    chart = _growth_chart()
    view.set_chart(chart)
    bar, refs = next(iter(chart.points.items()))
    x, y = _centre(view, bar)
    with qtbot.waitSignal(view.evidence_requested, timeout=1000) as blocker:
        _press(view, x, y, dblclick=True)
    assert blocker.args == [refs[0]]
    assert isinstance(refs[0], EvidenceRef) and "AI-related products" in refs[0].quote


def test_double_clicking_a_scatter_point_gives_that_points_ref(
    view: ChartView, qtbot: QtBot
) -> None:
    chart = deal_timeline_chart(sample_briefing("Kestrel Semiconductor").deals, "USD")
    view.set_chart(chart)
    artist, refs = max(chart.points.items(), key=lambda item: len(item[1]))
    assert len(refs) == 2  # the two buybacks share one artist
    x, y = _centre(view, artist, index=1)
    with qtbot.waitSignal(view.evidence_requested, timeout=1000) as blocker:
        _press(view, x, y, dblclick=True)
    assert blocker.args == [refs[1]]


def test_a_real_double_click_through_qt_reaches_the_chart(view: ChartView, qtbot: QtBot) -> None:
    chart = _growth_chart()
    view.set_chart(chart)
    bar, refs = next(iter(chart.points.items()))
    x, y = _centre(view, bar)
    canvas = view.canvas()
    ratio = canvas.devicePixelRatioF()
    where = QPoint(int(x / ratio), int(canvas.height() - y / ratio))
    with qtbot.waitSignal(view.evidence_requested, timeout=1000) as blocker:
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == [refs[0]]


def test_a_single_click_or_a_click_beside_the_points_requests_nothing(
    view: ChartView, qtbot: QtBot
) -> None:
    chart = _growth_chart()
    view.set_chart(chart)
    bar = next(iter(chart.points))
    x, y = _centre(view, bar)
    with qtbot.assertNotEmitted(view.evidence_requested, wait=50):
        _press(view, x, y, dblclick=False)
        _press(view, 3, 3, dblclick=True)


def test_hovering_a_point_finds_its_sentence(view: ChartView) -> None:
    chart = _growth_chart()
    view.set_chart(chart)
    bar, refs = next(iter(chart.points.items()))
    x, y = _centre(view, bar)
    event = MouseEvent("motion_notify_event", view.canvas(), x, y)
    assert view.evidence_under(event) == refs[0]
    assert view.evidence_under(MouseEvent("motion_notify_event", view.canvas(), 2, 2)) is None


def test_without_a_chart_there_is_nothing_to_save(view: ChartView) -> None:
    assert not view.save_action.isEnabled()
    assert view.canvas() is None  # no canvas (nor matplotlib) until a chart arrives
    view.set_pending()
    assert view.note() == "Drawing the chart…" and not view.save_action.isEnabled()
    view.set_chart(_growth_chart())
    assert view.note() == ""
    canvas = view.canvas()
    assert canvas is not None and view.save_action.isEnabled()
    assert view.save_action in canvas.actions()  # the canvas' context menu
    view.set_chart(None)
    assert not view.save_action.isEnabled()
    assert view.canvas() is None and view.chart() is None
    assert view.note() == "Nothing to chart for this selection"
    assert view.accessibleName() == "Chart"


@pytest.mark.parametrize(
    ("picked", "selected_filter", "written"),
    [
        ("growth.svg", "SVG image (*.svg)", "growth.svg"),
        ("growth", "SVG image (*.svg)", "growth.svg"),
        ("growth", "PNG image (*.png)", "growth.png"),
    ],
)
def test_save_chart_as_writes_the_file_the_user_picks(
    view: ChartView,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    picked: str,
    selected_filter: str,
    written: str,
) -> None:
    view.set_chart(_growth_chart())
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args, **kwargs: (str(tmp_path / picked), selected_filter)),
    )
    with qtbot.waitSignal(view.chart_saved, timeout=5000) as blocker:
        view.save_action.trigger()
    assert blocker.args == [tmp_path / written]
    assert (tmp_path / written).stat().st_size > 1000


def test_a_cancelled_save_dialog_writes_nothing(
    view: ChartView, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.set_chart(_growth_chart())
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: ("", ""))
    )
    with qtbot.assertNotEmitted(view.chart_saved, wait=20):
        view.save_action.trigger()
    assert list(tmp_path.iterdir()) == []

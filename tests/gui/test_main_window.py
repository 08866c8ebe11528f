"""The main window driven as a user drives it: the menu's "Add files" with the two Alibaba
samples, each tab's rows, the jump from a row, a chart point, a card or a citation to the
quoted sentence, the conflict view, shortcuts, and untrusted article text.

Waits are on the window's own signals (``company_shown``, ``evidence_shown``,
``imports.import_finished``); fixtures are in ``window_fixtures``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import window_fixtures
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QListWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from window_fixtures import (
    ALIBABA_SAMPLES,
    WAIT_MS,
    WindowOpener,
    column_texts,
    double_click_at,
    double_click_row,
    find_row,
    selector_items,
    show_company,
    wait_for_charts,
)

from briefing.charts.base import EvidenceRef
from briefing.gui.briefing_tabs import TableAndCharts
from briefing.gui.chart_view import ChartView
from briefing.gui.conflict_view import ConflictView
from briefing.gui.main_window import MainWindow
from briefing.gui.overview_tab import HeadlineCard

# The shared fixtures (window_fixtures), made visible to pytest in this module.
alibaba_library = window_fixtures.alibaba_library
alibaba_opener = window_fixtures.alibaba_opener
data_dir = window_fixtures.data_dir
dialogs = window_fixtures.dialogs
empty_opener = window_fixtures.empty_opener

ALIBABA = "Alibaba"


def _alibaba_window(opener: WindowOpener, qtbot: QtBot) -> MainWindow:
    window = opener.open()
    if window.current_company() != ALIBABA:
        show_company(qtbot, window, ALIBABA)
    return window


# -- 1. adding the samples through the menu's action -------------------------------------------


def test_add_files_action_shows_the_alibaba_briefing_in_every_tab(
    empty_opener: WindowOpener, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = empty_opener.open()
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *args, **kwargs: ([str(path) for path in ALIBABA_SAMPLES], ""),
    )
    with qtbot.waitSignal(window.imports.import_finished, timeout=WAIT_MS) as finished:
        window.actions_.add_files.trigger()
    assert len(finished.args[0].added) == 2
    qtbot.waitUntil(lambda: "Alibaba (2)" in selector_items(window), timeout=WAIT_MS)
    items = selector_items(window)
    assert items[0] == "All companies (2 articles)"
    assert {"Meitu (1)", "MiniMax (1)"} <= set(items)
    show_company(qtbot, window, ALIBABA)

    # Overview: summary sentences naming both counterparties, and the soft conflict.
    summary = window.overview.summary
    sentences = [summary.item(i).text() for i in range(summary.count())]
    assert any("Meitu" in s and "MiniMax" in s for s in sentences), sentences
    conflicts = window.overview.conflicts
    assert column_texts(conflicts, "fact") == ["share performance (over 2025)"]
    assert column_texts(conflicts, "value_a") == ["77 percent"]
    assert column_texts(conflicts, "value_b") == ["more than 72%"]
    assert "soft conflict" in column_texts(conflicts, "verdict")[0]

    # Deals, Segments, Analysts: the seed facts as the tables show them (example table).
    deals = list(
        zip(
            column_texts(window.deals_tab.table, "date"),
            column_texts(window.deals_tab.table, "type"),
            column_texts(window.deals_tab.table, "counterparty"),
            strict=True,
        )
    )
    assert ("3 Jan 2026", "convertible bond", "Meitu") in deals
    assert any(kind == "IPO stake" and other == "MiniMax" for _, kind, other in deals)
    segments = window.segments_tab.table
    metric_rows = set(
        zip(
            column_texts(segments, "segment"),
            column_texts(segments, "metric"),
            column_texts(segments, "change"),
            strict=True,
        )
    )
    assert ("Cloud Intelligence Group", "revenue", "+34%") in metric_rows
    views = window.analysts_tab.table
    details = column_texts(views, "detail")
    values = column_texts(views, "value")
    kinds = column_texts(views, "kind")
    assert any("16 of 17" in text and "Buy" in text for text in details), details
    assert ("average price target", "USD 205") in set(zip(kinds, values, strict=True))


def test_tab_models_with_the_alibaba_content_pass_the_model_tester(
    alibaba_opener: WindowOpener, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    for table in (
        window.deals_tab.table,
        window.segments_tab.table,
        window.analysts_tab.table,
        window.overview.conflicts,
        window.library_panel.table(),
    ):
        assert table.model().rowCount() > 0
        qtmodeltester.check(table.model(), force_py=True)


# -- 2. from a row, a chart point, a card, a citation to the sentence --------------------------


def _deal_row(window: MainWindow, kind: str) -> int:
    return find_row(window.deals_tab.table, lambda record: record["type"] == kind)


def test_double_click_on_a_deal_row_opens_the_article_at_the_quote(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    window.tabs.setCurrentWidget(window.deals_tab)
    table = window.deals_tab.table
    row = _deal_row(window, "convertible bond")
    record = table.model().row(row)
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS) as shown:
        double_click_row(qtbot, table.view(), row)
    assert shown.args == [record["article_id"]]
    assert window.tabs.currentWidget() is window.article_view
    assert window.article_view.selected_text() == record["quote"]
    assert "Meitu" in record["quote"]


def _point_position(chart_view: ChartView) -> tuple[object, float, float, EvidenceRef]:
    """A pickable artist of the chart, the display position of its first point and its ref."""
    chart = chart_view.chart()
    assert chart is not None and chart.points
    for artist, refs in chart.points.items():
        offsets = getattr(artist, "get_offsets", lambda: [])()
        if len(offsets):
            x, y = artist.get_offset_transform().transform(offsets[0])
            return artist, float(x), float(y), refs[0]
        bbox = getattr(artist, "get_window_extent", None)
        if bbox is not None:
            extent = artist.get_window_extent()
            return (
                artist,
                float(extent.x0 + extent.width / 2),
                float(extent.y0 + extent.height / 2),
                refs[0],
            )
    raise AssertionError("no point to click")


# Where each case comes from: one chart per tab, each drawn by a different builder.
CHART_CASES = [
    ("deal timeline point", "deals_tab", 0),
    ("segment growth bar", "segments_tab", 1),
    ("price target marker", "analysts_tab", 0),
]


def test_double_click_on_a_chart_point_opens_its_sentence(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    wait_for_charts(qtbot, window)
    for case, tab_name, chart_index in CHART_CASES:
        tab = getattr(window, tab_name)
        window.tabs.setCurrentWidget(tab)
        chart_view = tab.charts[chart_index]
        canvas = chart_view.canvas()
        assert canvas is not None, case
        canvas.draw()
        _artist, x, y, ref = _point_position(chart_view)
        with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS) as shown:
            # What a real double-click on the canvas becomes inside matplotlib: a pick event.
            MouseEvent("button_press_event", canvas, x, y, button=1, dblclick=True)._process()
        assert shown.args == [ref.article_id], case
        assert window.tabs.currentWidget() is window.article_view, case
        assert window.article_view.selected_text() == ref.quote, case


def test_charts_follow_the_tables_and_all_companies_has_none(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    # The tables are shown first and the charts a moment later (start-up time); a chart
    # tab never shows another company's charts in between.
    window = _alibaba_window(alibaba_opener, qtbot)
    wait_for_charts(qtbot, window)
    views = [view for tab in _chart_tabs(window) for view in tab.charts]
    assert len(views) == 7
    drawn = [view for view in views if view.canvas() is not None]
    assert len(drawn) >= 4, [view.note() for view in views]
    assert all(view.chart() is not None for view in drawn)

    with qtbot.waitSignal(window.company_shown, timeout=WAIT_MS):
        window.select_company("")
    assert window.charts_company is None
    assert all(view.canvas() is None for view in views)
    assert {view.note() for view in views} == {"Nothing to chart for this selection"}

    notes_when_shown: list[set[str]] = []
    window.company_shown.connect(lambda _: notes_when_shown.append({v.note() for v in views}))
    with qtbot.waitSignal(window.company_shown, timeout=WAIT_MS):
        window.select_company(ALIBABA)
    assert notes_when_shown == [{"Drawing the chart…"}]
    wait_for_charts(qtbot, window)
    assert sum(view.canvas() is not None for view in views) == len(drawn)


def _chart_tabs(window: MainWindow) -> list[TableAndCharts]:
    return [window.deals_tab, window.segments_tab, window.analysts_tab]


def test_headline_card_and_citation_open_their_sentences(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    window.tabs.setCurrentWidget(window.overview)
    cards = window.overview.findChildren(HeadlineCard)
    assert cards, "no headline cards"
    card = next(c for c in cards if c.headline.title == "Cloud Intelligence Group revenue")
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS):
        qtbot.mouseDClick(card, Qt.MouseButton.LeftButton)
    assert window.article_view.selected_text() == card.headline.quote

    window.tabs.setCurrentWidget(window.overview)
    summary: QListWidget = window.overview.summary
    deals_sentence = next(
        i for i in range(summary.count()) if summary.item(i).text().startswith("Deals by date")
    )
    summary.setCurrentRow(deals_sentence)
    citations = window.overview.citations
    assert citations.count() >= 2
    item = citations.item(0)
    citation = item.data(Qt.ItemDataRole.UserRole + 1)
    rect: QRect = citations.visualItemRect(item)
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS) as shown:
        double_click_at(qtbot, citations.viewport(), rect.center())
    assert shown.args == [citation.article_id]
    assert window.article_view.selected_text() == citation.quote


def test_the_article_header_names_source_and_date(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = alibaba_opener.open()
    row = find_row(window.library_panel.table(), lambda r: r["source"] == "boerse-global.de")
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS):
        double_click_row(qtbot, window.library_panel.table().view(), row)
    title, meta = window.article_view.header_labels()
    assert title.text() == "Alibaba’s AI Push"
    assert "boerse-global.de" in meta.text()
    assert "4 Jan 2026" in meta.text(), meta.text()


# -- 3. conflicts ------------------------------------------------------------------------------


def _open_conflict_from_analysts(window: MainWindow, qtbot: QtBot) -> ConflictView:
    window.tabs.setCurrentWidget(window.analysts_tab)
    table = window.analysts_tab.table
    row = find_row(
        table,
        lambda r: r["kind"] == "share performance" and r["period"] == "in 2025",
    )
    assert table.model().row(row)["conflict"]
    double_click_row(qtbot, table.view(), row)
    qtbot.waitUntil(lambda: bool(window.findChildren(ConflictView)), timeout=WAIT_MS)
    return window.findChildren(ConflictView)[-1]


def test_a_conflicting_row_opens_both_sources_and_jumps_to_either(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    view = _open_conflict_from_analysts(window, qtbot)
    assert view.isVisible()
    labels = [label.text() for label in view.findChildren(QLabel)]
    assert "77 percent" in labels and "more than 72%" in labels, labels
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(view.open_buttons["a"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.article_view
    quote = str(view._row["quote_a"])
    assert shown.args == [str(view._row["article_a"])]
    assert window.article_view.selected_text() == quote
    assert "77 percent" in quote
    view.close()


def test_a_row_of_the_overview_conflicts_opens_both_sources(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    window.tabs.setCurrentWidget(window.overview)
    double_click_row(qtbot, window.overview.conflicts.view(), 0)
    qtbot.waitUntil(lambda: bool(window.findChildren(ConflictView)), timeout=WAIT_MS)
    view = window.findChildren(ConflictView)[-1]
    labels = [label.text() for label in view.findChildren(QLabel)]
    assert "77 percent" in labels and "more than 72%" in labels, labels
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS):
        qtbot.mouseClick(view.open_buttons["b"], Qt.MouseButton.LeftButton)
    assert window.article_view.selected_text() == str(view._row["quote_b"])
    view.close()


def test_only_the_conflicting_fact_is_marked(alibaba_opener: WindowOpener, qtbot: QtBot) -> None:
    window = _alibaba_window(alibaba_opener, qtbot)
    frame = window.analysts_tab.table.model().frame()
    flagged = frame[frame["conflict"]]
    assert flagged[["kind", "period"]].values.tolist() == [["share performance", "in 2025"]]


# -- 9. keyboard -------------------------------------------------------------------------------


def test_ctrl_digit_switches_tabs(alibaba_opener: WindowOpener, qtbot: QtBot) -> None:
    window = alibaba_opener.open()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for tab in (4, 1, 2, 3, 0):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + tab), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == tab, f"Ctrl+{tab + 1}"


def test_ctrl_f_focuses_the_library_search(alibaba_opener: WindowOpener, qtbot: QtBot) -> None:
    window = alibaba_opener.open()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tabs.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.library_panel._search
    qtbot.waitUntil(search.hasFocus)


# -- 10. untrusted text stays text -------------------------------------------------------------

MARKUP = "<b>bold</b> <img src=/etc/passwd> <a href=x>link</a>"


def test_markup_in_title_and_body_is_shown_literally(
    empty_opener: WindowOpener, qtbot: QtBot, tmp_path: Path
) -> None:
    article = tmp_path / "markup.txt"
    article.write_text(
        f"Quill Harbour notes {MARKUP}\n\n"
        f"Quill Harbour Ltd said on 2 March 2026 that its wording {MARKUP} is a test.\n",
        encoding="utf-8",
    )
    window = empty_opener.open()
    with qtbot.waitSignal(window.imports.import_finished, timeout=WAIT_MS):
        window.add_files([article])
    qtbot.waitUntil(lambda: window.library_panel.table().model().rowCount() == 1)
    model = window.library_panel.table().model()
    titles = [spec.key for spec in model.columns()].index("title")
    title = model.data(model.index(0, titles), Qt.ItemDataRole.DisplayRole)
    assert title == f"Quill Harbour notes {MARKUP}"

    article_id = str(model.row(0)["article_id"])
    with qtbot.waitSignal(window.evidence_shown, timeout=WAIT_MS):
        window.library_panel.article_activated.emit(article_id)
    text = window.article_view.text_edit()
    assert MARKUP in text.toPlainText()
    title_label, _meta = window.article_view.header_labels()
    assert title_label.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in title_label.text()
    block = text.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            assert not iterator.fragment().charFormat().isImageFormat()
            iterator += 1
        block = block.next()

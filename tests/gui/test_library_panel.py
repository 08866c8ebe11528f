"""LibraryPanel: search by text and date range, count, activation, selection, removal.

Most cases use an articles frame written for this test (``made_up_articles``); one uses the
bundled sample articles through the real ingest -> extract -> frames pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QSettings, Qt

from briefing.analysis.frames import build_frames
from briefing.analysis.schema import ARTICLES_SCHEMA, frame_from_columns
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.gui.library_panel import LibraryPanel
from briefing.ingest import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

ROWS = [
    # article_id, title, published, source, primary_company
    ("a1", "Alibaba cloud revenue up 34%", "2026-01-03", "Harbour Wire", "Alibaba"),
    ("a2", "Meitu sells stake", "2025-11-07T12:24:06", "Lantern Daily", "Meitu"),
    ("a3", "MiniMax raises funds", None, "Harbour Wire", "MiniMax"),
    ("a4", "Alibaba opens data centre", "2026-02-10", "Quay Post", "Alibaba"),
]


def made_up_articles():
    columns = {name: [] for name in ARTICLES_SCHEMA}
    for article_id, title, published, source, company in ROWS:
        record = dict.fromkeys(ARTICLES_SCHEMA)
        record.update(
            article_id=article_id,
            title=title,
            published=published,
            source=source,
            primary_company=company,
            path=f"/tmp/{article_id}.txt",
            n_deals=0,
            n_metrics=0,
            n_views=0,
        )
        for name in ARTICLES_SCHEMA:
            columns[name].append(record[name])
    return frame_from_columns(columns, ARTICLES_SCHEMA)


@pytest.fixture
def panel(qtbot, tmp_path) -> LibraryPanel:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = LibraryPanel(settings)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.set_articles(made_up_articles())
    return widget


def shown_ids(panel: LibraryPanel) -> list[str]:
    return list(panel.table().model().frame()["article_id"])


def select(panel: LibraryPanel, *rows: int) -> None:
    selection = panel.table().view().selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(panel.table().model().index(row, 0), flags)


def test_lists_date_title_source_company_and_counts(panel) -> None:
    model = panel.table().model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Date", "Title", "Source", "Company"]
    assert [model.index(1, c).data() for c in range(4)] == [
        "7 Nov 2025",
        "Meitu sells stake",
        "Lantern Daily",
        "Meitu",
    ]
    assert model.index(2, 0).data() == ""  # unknown date
    assert panel.count_text() == "4 articles"


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("alibaba", ["a1", "a4"], "company and title, ignoring case"),
        ("harbour", ["a1", "a3"], "source"),
        ("nov", ["a2"], "the shown date"),
        ("stake", ["a2"], "title"),
        ("tencent", [], "nothing matches"),
    ],
)
def test_search_filters_by_text(panel, qtbot, text, expected, why) -> None:
    qtbot.keyClicks(panel._search, text)
    assert shown_ids(panel) == expected, why
    assert panel.count_text() == f"{len(expected)} of 4 shown"


@pytest.mark.parametrize(
    ("start", "end", "expected", "why"),
    [
        (QDate(2026, 1, 1), None, ["a1", "a4"], "from 1 Jan 2026; undated a3 hidden"),
        (None, QDate(2025, 11, 7), ["a2"], "to = the whole day of 7 Nov (a2 at 12:24)"),
        (QDate(2026, 1, 3), QDate(2026, 1, 3), ["a1"], "a single day"),
        (None, None, ["a1", "a2", "a3", "a4"], "both ends off"),
    ],
)
def test_date_range_filters(panel, start, end, expected, why) -> None:
    panel.set_date_range(start, end)
    assert shown_ids(panel) == expected, why


def test_text_and_dates_combine(panel, qtbot) -> None:
    panel.set_date_range(QDate(2026, 2, 1), None)
    qtbot.keyClicks(panel._search, "alibaba")
    assert shown_ids(panel) == ["a4"]
    assert panel.count_text() == "1 of 4 shown"


def test_delete_key_requests_removal_of_selected_ids(panel, qtbot) -> None:
    panel.show()
    with qtbot.waitActive(panel):  # shortcuts work in the active window only
        panel.activateWindow()
    select(panel, 0, 3)
    panel.table().view().setFocus()
    with qtbot.waitSignal(panel.remove_requested) as signal:
        qtbot.keyClick(panel.table().view(), Qt.Key.Key_Delete)
    assert signal.args[0] == ["a1", "a4"]


def test_delete_with_nothing_selected_requests_nothing(panel, qtbot) -> None:
    with qtbot.assertNotEmitted(panel.remove_requested):
        panel._remove_action.trigger()


def test_double_click_activates_the_article(panel, qtbot) -> None:
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.table().view()
    point = view.visualRect(panel.table().model().index(1, 1)).center()
    with qtbot.waitSignal(panel.article_activated) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == ["a2"]


def test_selection_changes_are_reported_with_ids(panel, qtbot) -> None:
    with qtbot.waitSignal(panel.selection_changed) as signal:
        select(panel, 2)
    assert signal.args == [["a3"]]
    with qtbot.waitSignal(panel.selection_changed) as signal:
        panel.set_search_text("alibaba")  # a3 filtered away
    assert signal.args == [[]]


def test_focus_search(panel, qtbot) -> None:
    panel.show()
    with qtbot.waitActive(panel):
        panel.activateWindow()
    panel.focus_search()
    assert panel._search.hasFocus()


def test_bundled_samples_list_with_their_companies(panel) -> None:
    # Source: resources/samples, through the same pipeline the app uses.
    results = []
    for path in sorted(SAMPLES.iterdir()):
        document = read_document(path)
        results.append(ArticleResult(document, extract_document(document)))
    articles = build_frames(results).articles
    panel.set_articles(articles)
    assert panel.count_text() == f"{len(articles)} articles"
    panel.set_search_text("alibaba")
    assert 0 < panel.table().model().rowCount() < len(articles)

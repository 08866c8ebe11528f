"""The Article tab widget: plain text, highlights by kind, evidence selection, tooltips."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from briefing.analysis.article_items import ITEM_COLUMNS, article_items
from briefing.analysis.frames import build_frames
from briefing.domain.model import ArticleResult, Document
from briefing.extract.engine import extract_document
from briefing.gui.article_view import ArticleView, Utf16Offsets
from briefing.ingest import read_document

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "resources"
    / "samples"
    / "alibaba_meitu_convertible_2026_01.txt"
)


@pytest.fixture(scope="module")
def sample() -> tuple[Document, pd.DataFrame]:
    document = read_document(SAMPLE)
    frames = build_frames([ArticleResult(document, extract_document(document))])
    return document, article_items(frames, document.id)


def _items(*rows: tuple[str, int, int, str, str]) -> pd.DataFrame:
    """Items written here: (kind, start, end, quote, summary)."""
    frame = pd.DataFrame(
        [(*row, f"{row[0]}:{n}") for n, row in enumerate(rows)], columns=list(ITEM_COLUMNS)
    )
    return frame.astype({"start": "int64", "end": "int64"})


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


def test_every_sample_item_is_selected_by_show_evidence(
    view: ArticleView, sample: tuple[Document, pd.DataFrame]
) -> None:
    document, items = sample
    view.set_article(document.id, document.title, "boerse-global.de", document.body, items)
    assert view.article_id() == document.id
    assert view.text_edit().toPlainText() == document.body
    for start, end, quote in zip(items["start"], items["end"], items["quote"], strict=True):
        view.show_evidence(int(start), int(end), str(quote))
        assert view.selected_text() == quote
    # One tint per distinct (span, kind), plus the evidence selection.
    distinct = items.drop_duplicates(["start", "end", "kind"])
    assert len(view.text_edit().extraSelections()) == len(distinct) + 1


def test_unknown_offsets_find_the_quote(view: ArticleView) -> None:
    body = "First sentence. Revenue rose 5%. Last."
    view.set_article("a1", "T", "", body, _items())
    view.show_evidence(-1, -1, "Revenue rose 5%.")
    assert view.selected_text() == "Revenue rose 5%."


# Non-BMP characters take two UTF-16 units in Qt and one index in Python.
EMOJI_BODIES = [
    "🚀 Launch day. Revenue rose 34% to $5.59 billion.",
    "Growth 📈📈 and more: Revenue rose 34% to $5.59 billion. 🎉",
    "𝐁𝐨𝐥𝐝 text 🇭🇰\nRevenue rose 34% to $5.59 billion.",
]


@pytest.mark.parametrize("body", EMOJI_BODIES)
def test_emoji_before_the_span(view: ArticleView, body: str) -> None:
    quote = "Revenue rose 34% to $5.59 billion."
    start = body.index(quote)
    items = _items(("metric", start, start + len(quote), quote, "Revenue: USD 5.59 billion"))
    view.set_article("a1", "T", "", body, items)
    view.show_evidence(start, start + len(quote), quote)
    assert view.selected_text() == quote
    selections = view.text_edit().extraSelections()
    tinted = selections[0]
    assert tinted.cursor.selectedText() == quote


def test_utf16_offsets_round_trip() -> None:
    text = "a😀b𝐁c"
    offsets = Utf16Offsets(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert all(offsets.from_qt(offsets.to_qt(i)) == i for i in range(len(text) + 1))


HOSTILE = "Intro <img src=/etc/passwd> <a href=x>link</a> &amp; <b>bold</b> end."


def test_hostile_body_is_shown_literally(view: ArticleView) -> None:
    view.set_article("a1", "<b>Title</b> <img src=/etc/passwd>", "<i>meta</i>", HOSTILE, _items())
    assert view.text_edit().toPlainText() == HOSTILE
    document = view.text_edit().document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            assert not char_format.isImageFormat()
            assert not char_format.isAnchor()
            iterator += 1
        block = block.next()
    assert document.toHtml().count("<img") == 0
    title, meta = view.header_labels()
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in (title, meta))
    assert title.text() == "<b>Title</b> <img src=/etc/passwd>"


def test_tooltip_lists_the_items_escaped(view: ArticleView) -> None:
    body = "Say <b>hi</b> & Revenue rose 5%. Done."
    quote = "Revenue rose 5%."
    start = body.index(quote)
    items = _items(
        ("metric", start, start + len(quote), quote, "Revenue <b>Foo</b> & Co: +5%"),
        ("view", start, start + len(quote), quote, "Upside: 5%"),
    )
    view.set_article("a1", "T", "", body, items)
    tip = view.tooltip_at(start + 2)
    assert html.escape("Revenue <b>Foo</b> & Co: +5%") in tip
    assert "Upside: 5%" in tip
    assert "<b>Foo" not in tip
    assert view.tooltip_at(0) == ""


def test_clicking_an_item_selects_its_span(
    qtbot: QtBot, view: ArticleView, sample: tuple[Document, pd.DataFrame]
) -> None:
    document, items = sample
    view.set_article(document.id, document.title, "", document.body, items)
    view.show()
    table = view.item_list()
    row = len(items) - 1
    index = table.model().index(row, 1)
    table.scrollTo(index)
    with qtbot.waitSignal(view.item_activated) as signal:
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
        )
    assert signal.args[0]["item_key"] == items.iloc[row]["item_key"]
    assert view.selected_text() == items.iloc[row]["quote"]


# The offscreen platform cannot raise the tooltip window; the tooltip is still shown.
@pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)
def test_hovering_a_highlight_shows_its_tooltip(
    qtbot: QtBot, view: ArticleView, sample: tuple[Document, pd.DataFrame]
) -> None:
    document, items = sample
    view.set_article(document.id, document.title, "", document.body, items)
    view.show()
    qtbot.waitExposed(view)
    first = items.iloc[0]
    view.show_evidence(int(first["start"]), int(first["end"]), str(first["quote"]))
    edit = view.text_edit()
    cursor = edit.textCursor()
    cursor.setPosition(cursor.selectionStart() + 1)
    point = edit.cursorRect(cursor).center()
    viewport = edit.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == view.tooltip_at(edit.cursorForPosition(point).position())
    assert html.escape(str(first["summary"])) in QToolTip.text()
    QToolTip.hideText()


def test_clear_forgets_the_article(
    view: ArticleView, sample: tuple[Document, pd.DataFrame]
) -> None:
    document, items = sample
    view.set_article(document.id, document.title, "", document.body, items)
    view.clear()
    assert view.article_id() is None
    assert view.text_edit().toPlainText() == ""
    assert view.text_edit().extraSelections() == []
    assert view.selected_text() == ""


def test_items_model(qtmodeltester: object, view: ArticleView, sample: tuple) -> None:
    document, items = sample
    view.set_article(document.id, document.title, "", document.body, items)
    qtmodeltester.check(view.item_list().model())  # type: ignore[attr-defined]

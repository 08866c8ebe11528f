"""The side-by-side view of a conflicting fact, on the seeds' share performance conflict."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from briefing.analysis.briefing import build_briefing
from briefing.analysis.frames import Frames, build_frames
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.gui.conflict_view import ConflictView, difference_words, fact_line
from briefing.ingest import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(scope="module")
def seeds() -> tuple[Frames, pd.Series]:
    """The Alibaba briefing of the two bundled seed-like samples and its one conflict."""
    documents = [read_document(path) for path in sorted(SAMPLES.glob("alibaba_*.txt"))]
    frames = build_frames([ArticleResult(doc, extract_document(doc)) for doc in documents])
    briefing = build_briefing(frames, "Alibaba", {}, "USD", None)
    shares = briefing.conflicts[briefing.conflicts["fact"] == "price_performance"]
    assert len(shares) == 1
    return frames, shares.iloc[0]


def _texts(view: ConflictView) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel)]


def _evidence(frames: Frames) -> pd.DataFrame:
    return pd.concat([frames.metrics, frames.views], ignore_index=True)


def test_both_values_titles_and_quotes_are_shown(
    qtbot: QtBot, seeds: tuple[Frames, pd.Series]
) -> None:
    frames, conflict = seeds
    view = ConflictView(conflict, frames.articles, None, _evidence(frames))
    qtbot.addWidget(view)
    texts = _texts(view)
    assert "77 percent" in texts
    assert "more than 72%" in texts
    assert "“The stock rose 77 percent over 2025”" in texts
    assert any(text.startswith("“The shares gained more than 72% in 2025") for text in texts)
    assert "Alibaba’s AI Push" in texts
    assert "Alibaba’s Next Step: Anchoring MiniMax’s Hong Kong Debut" in texts
    assert "Alibaba · share performance · over 2025" in texts
    assert any("Soft conflict" in text and "−5 points" in text for text in texts)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in view.findChildren(QLabel))
    assert not view.isModal()


@pytest.mark.parametrize("side", ["a", "b"])
def test_open_in_article_requests_the_right_evidence(
    qtbot: QtBot, seeds: tuple[Frames, pd.Series], side: str
) -> None:
    frames, conflict = seeds
    view = ConflictView(conflict, frames.articles, None, _evidence(frames))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.evidence_requested) as signal:
        qtbot.mouseClick(view.open_buttons[side], Qt.MouseButton.LeftButton)
    article_id, start, end, quote = signal.args
    assert article_id == conflict[f"article_{side}"]
    assert quote == conflict[f"quote_{side}"]
    body = next(
        read_document(path).body
        for path in SAMPLES.glob("alibaba_*.txt")
        if read_document(path).id == article_id
    )
    assert body[start:end] == quote


def test_without_evidence_offsets_are_unknown(
    qtbot: QtBot, seeds: tuple[Frames, pd.Series]
) -> None:
    frames, conflict = seeds
    view = ConflictView(conflict, frames.articles)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.evidence_requested) as signal:
        view.open_buttons["a"].click()
    assert signal.args == [conflict["article_a"], -1, -1, conflict["quote_a"]]


def test_escape_and_close_button_close(qtbot: QtBot, seeds: tuple[Frames, pd.Series]) -> None:
    frames, conflict = seeds
    view = ConflictView(conflict, frames.articles)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_hostile_quotes_and_unknown_titles(qtbot: QtBot, seeds: tuple[Frames, pd.Series]) -> None:
    frames, conflict = seeds
    hostile = conflict.copy()
    hostile["quote_a"] = "<img src=/etc/passwd> <a href=x>link</a> &amp;"
    hostile["value_a"] = "<b>77</b>"
    view = ConflictView(hostile, frames.articles.iloc[0:0])
    qtbot.addWidget(view)
    texts = _texts(view)
    assert "“<img src=/etc/passwd> <a href=x>link</a> &amp;”" in texts
    assert "<b>77</b>" in texts
    assert texts.count("Untitled article") == 2


# Rows written here: the fact line and the difference of a metric conflict.
def test_metric_fact_line_and_difference() -> None:
    row = pd.Series(
        {
            "kind": "metric",
            "company": "Foo",
            "fact": "revenue",
            "segment": "Cloud",
            "period": "FY2025",
            "difference": 2.5e8,
            "unit": "USD",
            "verdict": "conflict",
        }
    )
    assert fact_line(row) == "Foo · revenue · Cloud · FY2025"
    assert difference_words(row) == "difference +USD 250 million"
    assert difference_words(row.drop("difference")) == "difference not computable"

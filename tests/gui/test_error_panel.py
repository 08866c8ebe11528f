"""ErrorPanel: rows of (file, reason) as plain text, copy as text, clear."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from briefing.analysis.importer import FileFailure
from briefing.gui.error_panel import ErrorPanel

SHOTS = Path(os.environ.get("BRIEFING_SHOT_DIR", "/tmp/s5/import"))

FAILURES = [
    # what the importer reports (tests/test_analysis_importer.py cases)
    FileFailure(
        Path("/home/ann/news/junk.pdf"), "not a PDF file (cannot read it: EOF marker not found)"
    ),
    FileFailure(Path("/home/ann/news/empty.txt"), "the file is empty"),
    # a name that looks like markup must stay text
    FileFailure(Path("/home/ann/news/<b>bold<i>.html"), "extraction failed: ValueError: <i>x</i>"),
]


def test_rows_are_listed_counted_and_copied(qtbot: Any) -> None:
    panel = ErrorPanel()
    qtbot.addWidget(panel)
    panel.add_failures(FAILURES[:2])
    panel.add_failures(FAILURES[2:])
    assert panel.count() == 3 and panel.table.rowCount() == 3
    markup_like = panel.table.item(2, 0)
    assert markup_like is not None
    assert markup_like.text() == "/home/ann/news/<b>bold<i>.html"
    assert markup_like.toolTip() == "/home/ann/news/&lt;b&gt;bold&lt;i&gt;.html"
    assert panel.summary.text() == "3 file(s) not imported"
    panel.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines() == [f"{f.path}\t{f.reason}" for f in FAILURES]


def test_clear_empties_the_panel(qtbot: Any) -> None:
    panel = ErrorPanel()
    qtbot.addWidget(panel)
    panel.add_failures(FAILURES)
    with qtbot.waitSignal(panel.cleared, timeout=1000):
        panel.clear_button.click()
    assert panel.count() == 0 and panel.table.rowCount() == 0
    assert not panel.copy_button.isEnabled()


def test_the_panel_renders(qtbot: Any) -> None:
    panel = ErrorPanel()
    qtbot.addWidget(panel)
    panel.add_failures(FAILURES)
    panel.resize(720, 220)
    panel.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SHOTS / "error_panel.png"))

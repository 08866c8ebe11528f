"""File → Export briefing as PDF… driven as a user would (issue 5): the action follows the
company shown, the PDF lands where the save dialog said and holds the briefing's text, a
cancelled or failed export leaves no file, and the window's export gives the same text as
``briefing export``. The library is the two Alibaba samples."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import window_fixtures
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from window_fixtures import WAIT_MS, WindowOpener, show_company

from briefing.cli.main import main as cli_main
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import EXPORT_FOLDER, PDF_PAPER

ALIBABA = "Alibaba"

# The shared fixtures (window_fixtures), made visible to pytest in this module.
alibaba_library = window_fixtures.alibaba_library
alibaba_opener = window_fixtures.alibaba_opener
data_dir = window_fixtures.data_dir
dialogs = window_fixtures.dialogs


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader searches it: NFKC, whitespace collapsed (STACK P3/P7)."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _alibaba(opener: WindowOpener, qtbot: QtBot) -> MainWindow:
    window = opener.open()
    if window.current_company() != ALIBABA:
        show_company(qtbot, window, ALIBABA)
    return window


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers ``answer``, keeps what it was asked."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.suggested: list[str] = []

    def __call__(self, parent: object, caption: str, suggested: str, filters: str) -> object:
        self.suggested.append(suggested)
        return (str(self.answer) if self.answer else "", filters)


def _export(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path):
    dialog = SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    controller = window.briefing_export.controller
    with qtbot.waitSignal(controller.briefing_exported, timeout=WAIT_MS * 2) as done:
        window.actions_.export_briefing.trigger()  # File → Export briefing as PDF… (Ctrl+E)
    return done.args[0], dialog


def test_the_export_action_follows_the_company_shown(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba(alibaba_opener, qtbot)
    action = window.actions_.export_briefing
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+E"
    assert "Alibaba" in action.toolTip()
    show_company(qtbot, window, "")  # All companies: there is no one briefing to export
    assert not action.isEnabled()
    show_company(qtbot, window, ALIBABA)
    assert action.isEnabled()


def test_export_writes_the_briefing_where_the_dialog_says(
    alibaba_opener: WindowOpener, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = _alibaba(alibaba_opener, qtbot)
    folder = tmp_path / "exports"
    folder.mkdir()
    result, dialog = _export(qtbot, window, monkeypatch, folder / "alibaba")  # no suffix typed
    assert result.path == folder / "alibaba.pdf"
    assert sorted(p.name for p in folder.iterdir()) == ["alibaba.pdf"]  # no temporary left
    assert result.pages == len(PdfReader(result.path).pages) >= 2
    text = pdf_text(result.path)
    for fact in ("Alibaba", "Meitu", "MiniMax", "USD 250 million", "16 of 17", "USD 205"):
        assert fact in text, fact
    assert re.search(r"Alibaba.* briefing \d{4}-\d{2}-\d{2}\.pdf$", dialog.suggested[0])
    assert window.settings.get(EXPORT_FOLDER) == str(folder)
    assert "Briefing saved to" in window.statusBar().currentMessage()
    assert window.actions_.open_export.isEnabled()


def test_window_and_command_line_exports_hold_the_same_text(
    alibaba_opener: WindowOpener, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = _alibaba(alibaba_opener, qtbot)
    window.settings.set(PDF_PAPER, "a4")
    from_window, _ = _export(qtbot, window, monkeypatch, tmp_path / "window.pdf")
    from_cli = tmp_path / "cli.pdf"
    library = str(alibaba_opener.library_path)
    command = ["export", "--library", library, "--company", "Alibaba", "-o", str(from_cli)]
    assert cli_main([*command, "--paper", "a4"]) == 0
    assert pdf_text(from_window.path) == pdf_text(from_cli)
    assert from_window.pages == len(PdfReader(from_cli).pages)


def test_cancel_and_failure_leave_no_file(
    alibaba_opener: WindowOpener, qtbot: QtBot, tmp_path: Path
) -> None:
    window = _alibaba(alibaba_opener, qtbot)
    content = window.content
    assert content is not None and content.briefing is not None
    controller = window.briefing_export.controller
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cancelled.pdf"
    with qtbot.waitSignal(controller.export_cancelled, timeout=WAIT_MS) as cancelled:
        assert controller.export(content.briefing, target, "a4")
        controller.cancel()  # at once: the worker stops at its first check
    assert cancelled.args == [target]
    assert list(folder.iterdir()) == []
    assert "was not written" in window.statusBar().currentMessage()

    missing = folder / "no such folder" / "briefing.pdf"
    with qtbot.waitSignal(controller.export_failed, timeout=WAIT_MS) as failed:
        controller.export(content.briefing, missing, "a4")
    assert "no such folder" in failed.args[0]
    assert not missing.parent.exists()
    assert not controller.progress_widget().isVisible()


def test_paper_size_is_chosen_in_the_file_menu_and_kept(
    alibaba_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = _alibaba(alibaba_opener, qtbot)
    letter = next(a for a in window.actions_.paper_group.actions() if a.data() == "letter")
    letter.trigger()
    assert window.settings.get(PDF_PAPER) == "letter"
    window.close()
    again = alibaba_opener.open()
    checked = [a.data() for a in again.actions_.paper_group.actions() if a.isChecked()]
    assert checked == ["letter"]

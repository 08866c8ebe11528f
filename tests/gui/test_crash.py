"""A bug: logged to the rotating log file and shown once in a dialog, never recursively."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing.gui.crash import CrashDialog, CrashReporter, configure_logging, install_excepthook

SHOTS = Path("/tmp/s5/shell")


def raised(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Dialogs the hook opened; exec() is replaced so no modal loop runs."""
    dialogs: list[CrashDialog] = []

    def fake_exec(dialog: CrashDialog) -> int:
        dialogs.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return dialogs


@pytest.fixture
def reporter(tmp_path: Path, qapp: QApplication) -> Iterator[CrashReporter]:
    hook = install_excepthook(tmp_path / "logs" / "briefing.log", lambda: None)
    yield hook
    hook.uninstall()
    for handler in list(logging.getLogger().handlers):
        if handler.get_name() == "briefing-log-file":
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_hook_logs_and_shows_the_traceback(
    reporter: CrashReporter, shown: list[CrashDialog], tmp_path: Path
) -> None:
    assert sys.excepthook is reporter
    reporter(*raised(ValueError("amount <b>1.5bn</b> unreadable")))  # type: ignore[arg-type]
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.summary_label.text() == "ValueError: amount <b>1.5bn</b> unreadable"
    assert "Traceback (most recent call last)" in dialog.details_view.toPlainText()
    assert dialog.details_view.isReadOnly()
    log = (tmp_path / "logs" / "briefing.log").read_text(encoding="utf-8")
    assert "CRITICAL briefing.crash: uncaught exception" in log
    assert "ValueError: amount <b>1.5bn</b> unreadable" in log
    dialog.copy_details()
    assert "ValueError" in QApplication.clipboard().text()


def test_log_file_is_created_lazily(tmp_path: Path) -> None:
    log = tmp_path / "briefing.log"
    handler = configure_logging(log)
    try:
        assert not log.exists()
        logging.getLogger("briefing.test").warning("first record")
        assert "first record" in log.read_text(encoding="utf-8")
    finally:
        assert handler is not None
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_an_exception_while_a_dialog_is_up_goes_only_to_log_and_stderr(
    reporter: CrashReporter,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dialogs: list[CrashDialog] = []

    def exec_raising_again(dialog: CrashDialog) -> int:
        dialogs.append(dialog)
        # A slot failing while the crash dialog's loop runs reaches the hook again.
        reporter(*raised(RuntimeError("second bug")))  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_raising_again)
    reporter(*raised(ValueError("first bug")))  # type: ignore[arg-type]
    assert len(dialogs) == 1
    assert "RuntimeError: second bug" in capsys.readouterr().err
    log = (tmp_path / "logs" / "briefing.log").read_text(encoding="utf-8")
    assert "first bug" in log and "second bug" in log


def test_a_failing_dialog_does_not_recurse(
    reporter: CrashReporter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken_exec(dialog: CrashDialog) -> int:
        raise OSError("display gone")

    monkeypatch.setattr(CrashDialog, "exec", broken_exec)
    reporter(*raised(ValueError("original")))  # type: ignore[arg-type]
    assert "display gone" in capsys.readouterr().err
    assert reporter.dialogs_shown == 1
    assert sys.excepthook is reporter


def test_exception_in_a_slot_reaches_the_dialog(
    reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def failing_slot() -> None:
        raise ZeroDivisionError("slot failed")

    summaries: list[str] = []
    monkeypatch.setattr(
        CrashDialog, "exec", lambda dialog: summaries.append(dialog.summary_label.text()) or 0
    )
    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=2000)
    assert summaries == ["ZeroDivisionError: slot failed"]


def test_uninstall_restores_the_previous_hook(tmp_path: Path, qapp: QApplication) -> None:
    before = sys.excepthook
    hook = install_excepthook(None, lambda: None)
    assert sys.excepthook is hook
    hook.uninstall()
    assert sys.excepthook is before


def test_render_crash_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    _, error, tb = raised(KeyError("Alibaba Cloud"))
    details = "".join(traceback.format_exception(KeyError, error, tb))  # type: ignore[arg-type]
    dialog = CrashDialog("KeyError: 'Alibaba Cloud'", details, tmp_path / "briefing.log")
    qtbot.addWidget(dialog)
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "crash_dialog.png"))


def test_a_worker_thread_bug_is_shown_on_the_gui_thread(
    reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    threads: list[bool] = []
    monkeypatch.setattr(
        CrashDialog,
        "exec",
        lambda dialog: (
            threads.append(QThread.currentThread() is QApplication.instance().thread()) or 0
        ),
    )
    worker = threading.Thread(target=lambda: reporter(*raised(ValueError("in a worker"))))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: threads == [True], timeout=2000)

"""What happens when the program has a bug: the uncaught exception is logged to a rotating
file and shown in a dialog with the traceback and a "Copy details" button.

PySide6 hands an exception raised in a slot to ``sys.excepthook`` and carries on, so the hook
is the one place every bug reaches. It may be called from a worker thread; the dialog is then
shown on the GUI thread through a queued signal. The hook never recurses: an exception raised
while a crash dialog is up, or while building it, goes only to the log and stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

_HANDLER_NAME = "briefing-log-file"
_log = logging.getLogger("briefing.crash")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def configure_logging(log_path: Path, level: int = logging.INFO) -> logging.Handler | None:
    """Send the ``briefing`` loggers (and warnings from anything else) to ``log_path``,
    rotating at 1 MB with three old files kept. The file is only created when the first record
    is written. Calling it again replaces the previous file handler. Returns the handler, or
    None when the folder cannot be created (then records still reach stderr)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"briefing: cannot write the log {log_path}: {error}", file=sys.stderr)
        return None
    handler = logging.handlers.RotatingFileHandler(
        log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.set_name(_HANDLER_NAME)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S")
    )
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    logging.getLogger("briefing").setLevel(level)
    return handler


def summary_of(error: BaseException) -> str:
    """One line naming the exception.

    >>> summary_of(ValueError("bad amount"))
    'ValueError: bad amount'
    >>> summary_of(KeyError())
    'KeyError'
    """
    message = str(error).strip().splitlines()
    name = type(error).__name__
    return f"{name}: {message[0]}" if message else name


class CrashDialog(QDialog):
    """The traceback of a bug, read-only, with a button that copies it."""

    def __init__(
        self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setAccessibleName(self.tr("Unexpected error"))
        self._details = details

        intro = QLabel(
            self.tr(
                "Investor Briefing ran into a bug and the action you started did not finish. "
                "Copy the details below into a bug report."
            )
        )
        intro.setWordWrap(True)
        # The summary carries the exception's message, which may quote article text.
        self.summary_label = QLabel(summary)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)

        self.details_view = QPlainTextEdit()
        self.details_view.setReadOnly(True)
        self.details_view.setPlainText(details)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setAccessibleName(self.tr("Error details"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details_view, 1)
        if log_path is not None:
            where = QLabel(
                self.tr("The details were also written to {path}.").format(path=log_path)
            )
            where.setTextFormat(Qt.TextFormat.PlainText)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 440)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)


class CrashReporter(QObject):
    """The installed ``sys.excepthook``: logs, then shows a :class:`CrashDialog`."""

    crash_reported = Signal(str, str)  # summary, details (emitted from any thread)

    def __init__(self, log_path: Path | None, parent_getter: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self._log_path = log_path
        self._parent_getter = parent_getter
        self._previous: ExceptHook | None = None
        self._showing = False
        self.dialogs_shown = 0
        # Queued when emitted from a worker thread, direct on the GUI thread.
        self.crash_reported.connect(self._show_dialog)

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        _log.critical("uncaught exception\n%s", details.rstrip())
        if self._showing:
            print(details, file=sys.stderr, end="")
            return
        self.crash_reported.emit(summary_of(error), details)

    def install(self) -> CrashReporter:
        self._previous = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__

    @Slot(str, str)
    def _show_dialog(self, summary: str, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            print(details, file=sys.stderr, end="")
            return
        self._showing = True
        try:
            dialog = CrashDialog(summary, details, self._log_path, self._parent_getter())
            self.dialogs_shown += 1
            dialog.exec()
            dialog.deleteLater()
        except BaseException:  # the dialog itself failed: no second dialog, ever
            _log.exception("could not show the crash dialog")
            traceback.print_exc(file=sys.stderr)
        finally:
            self._showing = False


def install_excepthook(
    log_path: Path | None, parent_getter: Callable[[], QWidget | None]
) -> CrashReporter:
    """Log uncaught exceptions to ``log_path`` and show them in a dialog parented to
    ``parent_getter()`` (e.g. ``app.activeWindow``). Returns the reporter; its
    ``uninstall()`` puts the previous hook back."""
    if log_path is not None:
        configure_logging(log_path)
    return CrashReporter(log_path, parent_getter).install()

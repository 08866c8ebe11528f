"""Exporting the shown company's briefing as a PDF off the GUI thread, with progress and
Cancel in the status bar. The PDF writer (``briefing.pdf``) paints with Qt's GUI classes,
which may run in a worker thread; it writes atomically, so a failed or cancelled export
leaves no file behind."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefing.gui.progress_widget import TaskProgressWidget
from briefing.gui.tasks import TaskControl, TaskHandle, TaskRunner

if TYPE_CHECKING:  # the PDF writer is loaded when the first export starts
    from briefing.analysis.briefing import Briefing
    from briefing.pdf import ExportResult

_log = logging.getLogger(__name__)


def _export_work(
    briefing: Briefing, target: Path, paper: str
) -> Callable[[TaskControl], ExportResult]:
    def work(control: TaskControl) -> ExportResult:
        from briefing.pdf import ExportOptions, export_briefing

        return export_briefing(
            briefing,
            target,
            ExportOptions(paper="letter" if paper == "letter" else "a4"),
            overwrite=True,  # the save dialog asked before replacing a file
            progress=control.report,
            is_cancelled=lambda: control.cancelled,
        )

    return work


class ExportController(QObject):
    """Runs one PDF export at a time; see the module docstring."""

    export_started = Signal()
    briefing_exported = Signal(object)  # ExportResult
    export_cancelled = Signal(object)  # Path that was not written
    export_failed = Signal(str)  # names the file and the reason

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._handle: TaskHandle[ExportResult] | None = None
        self._target: Path | None = None
        self._widget = TaskProgressWidget(
            self.tr("Export progress"), self.tr("Export step"), self.tr("Cancel export")
        )
        self._widget.cancel_button.clicked.connect(self.cancel)
        self._widget.hide()

    def progress_widget(self) -> TaskProgressWidget:
        """The widget for the status bar (``addPermanentWidget``); hidden when idle."""
        return self._widget

    @property
    def running(self) -> bool:
        return self._handle is not None and self._handle.running

    def export(self, briefing: Briefing, target: Path, paper: str) -> bool:
        """Start exporting ``briefing`` to ``target``; False if an export is running."""
        if self.running:
            return False
        self._target = target
        self._widget.reset()
        self._widget.show()
        self._handle = self._runner.start(
            _export_work(briefing, target, paper),
            on_done=self._finished,
            on_failed=self._failed,
            on_progress=self._widget.show_progress,
        )
        self.export_started.emit()
        return True

    def cancel(self) -> None:
        if self._handle is not None and self._handle.running:
            self._handle.cancel()
            self._widget.cancelling()

    def _finished(self, result: ExportResult) -> None:
        self._handle = None
        self._widget.hide()
        self.briefing_exported.emit(result)

    def _failed(self, error: BaseException, details: str) -> None:
        from briefing.pdf import ExportCancelled, ExportError

        self._handle = None
        self._widget.hide()
        if isinstance(error, ExportCancelled):
            self.export_cancelled.emit(self._target)
            return
        if isinstance(error, ExportError):  # its message names the file and the reason
            message = str(error)
        else:
            _log.error("the PDF export failed:\n%s", details)
            message = self.tr("{path}: the briefing could not be exported: {reason}").format(
                path=self._target, reason=error
            )
        self.export_failed.emit(message)

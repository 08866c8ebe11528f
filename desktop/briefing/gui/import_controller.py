"""Importing article files off the GUI thread, with a progress widget for the status bar.

``ImportController.import_paths(paths)`` reads, extracts and stores the files in a worker
(``TaskRunner``) that opens its own library connection. While an import runs, a second
request is queued and starts when the first ends (the user dropped more files: nothing is
lost, and the library is written by one import at a time).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from briefing.gui.progress_widget import TaskProgressWidget
from briefing.gui.tasks import TaskControl, TaskHandle, TaskRunner
from briefing.store import Library, LibraryError

if TYPE_CHECKING:
    from briefing.analysis.importer import ImportProgress, ImportSummary

_log = logging.getLogger(__name__)


def _import_work(
    library_path: Path, paths: list[Path], recursive: bool
) -> Callable[[TaskControl], ImportSummary]:
    """The worker's function: opens the library in the worker thread and imports."""

    def work(control: TaskControl) -> ImportSummary:
        # Imported in the worker: the extraction engine is not needed to show the window.
        from briefing.analysis.importer import import_paths

        def progressed(progress: ImportProgress) -> None:
            control.report(progress.done, progress.total, progress.current.name)

        library_path.parent.mkdir(parents=True, exist_ok=True)
        with Library.open(library_path) as library:
            return import_paths(
                paths,
                library,
                recursive=recursive,
                on_progress=progressed,
                should_stop=lambda: control.cancelled,
            )

    return work


class ImportController(QObject):
    """Runs imports into ``library_path`` one at a time; see the module docstring."""

    import_started = Signal()
    import_finished = Signal(object)  # ImportSummary
    files_failed = Signal(list)  # list[FileFailure]
    import_failed = Signal(str)  # the whole import failed: names the library and the reason

    def __init__(
        self,
        library_path: Path,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        recursive: bool = True,
    ) -> None:
        super().__init__(parent)
        self._library_path = library_path
        self._runner = runner
        self._recursive = recursive
        self._queue: deque[list[Path]] = deque()
        self._handle: TaskHandle[ImportSummary] | None = None
        self._widget = TaskProgressWidget(
            self.tr("Import progress"), self.tr("File being imported"), self.tr("Cancel import")
        )
        self._widget.cancel_button.clicked.connect(self.cancel)
        self._widget.hide()

    @property
    def library_path(self) -> Path:
        return self._library_path

    def progress_widget(self) -> TaskProgressWidget:
        """The widget for the status bar (``addPermanentWidget``); hidden when idle."""
        return self._widget

    @property
    def running(self) -> bool:
        return self._handle is not None and self._handle.running

    @property
    def queued(self) -> int:
        """Import requests waiting for the running one to end."""
        return len(self._queue)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders; queued behind a running import."""
        if not paths:
            return
        self._queue.append(list(paths))
        if not self.running:
            self._start_next()

    def cancel(self) -> None:
        """Stop the running import (its finished batches stay) and drop queued requests."""
        self._queue.clear()
        if self._handle is not None and self._handle.running:
            self._handle.cancel()
            self._widget.cancelling()

    def _start_next(self) -> None:
        if not self._queue:
            self._handle = None
            self._widget.hide()
            return
        paths = self._queue.popleft()
        self._widget.reset()
        self._widget.show()
        self._handle = self._runner.start(
            _import_work(self._library_path, paths, self._recursive),
            on_done=self._finished,
            on_failed=self._failed,
            on_progress=self._widget.show_progress,
        )
        self.import_started.emit()

    def _finished(self, summary: ImportSummary) -> None:
        if summary.failed:
            self.files_failed.emit(list(summary.failed))
        self.import_finished.emit(summary)
        self._start_next()

    def _failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, LibraryError):  # its message names the file and the reason
            message = str(error)
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
            message = self.tr("{path}: cannot use the library: {reason}").format(
                path=self._library_path, reason=reason
            )
        else:  # a bug: logged with its traceback; the user gets the gist
            _log.error("import into %s failed:\n%s", self._library_path, details)
            message = self.tr("{path}: import failed: {kind}: {error}").format(
                path=self._library_path, kind=type(error).__name__, error=error
            )
        self._queue.clear()  # the library is unusable: the queued requests would fail too
        self._handle = None
        self._widget.hide()
        self.import_failed.emit(message)

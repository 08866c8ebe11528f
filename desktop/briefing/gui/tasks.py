"""The one background-task helper: run a function in a worker thread, get its progress,
result or exception back on the GUI thread.

    runner = TaskRunner(parent)
    handle = runner.start(work, on_done=show, on_failed=report, on_progress=advance)
    handle.cancel()

``work(control)`` runs in a ``QThreadPool`` thread and must not touch widgets (nor a
sqlite3 connection opened elsewhere). It calls ``control.report(done, total, label)`` as
often as it likes: reports are throttled to one per ``progress_interval_s`` (plus the last
one), so a thousand files never flood the event queue. It polls ``control.cancelled``.

The signals live on a ``_TaskSignals`` object created on the GUI thread and are connected,
queued, to slots of the ``TaskHandle`` (also a GUI-thread object): the callbacks therefore
always run on the GUI thread, after the worker's emission, in the order emitted.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

_log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_PROGRESS_INTERVAL_S = 0.05
_RELEASE_RETRY_MS = 5


class TaskControl:
    """Handed to the work function in its worker thread: progress out, cancellation in."""

    def __init__(self, signals: _TaskSignals, interval_s: float) -> None:
        self._signals = signals
        self._interval_s = interval_s
        self._cancel = threading.Event()
        self._last_emit = float("-inf")
        self._unsent: tuple[int, int, str] | None = None

    @property
    def cancelled(self) -> bool:
        """Whether the owner asked the task to stop; the work decides how to stop cleanly."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, label: str = "") -> None:
        """Progress: sent now if the last report is old enough or this is the last step."""
        now = time.monotonic()
        if done >= total or now - self._last_emit >= self._interval_s:
            self._emit(done, total, label, now)
        else:
            self._unsent = (done, total, label)

    def flush(self) -> None:
        """Send the last report held back by the throttle (called when the work ends)."""
        if self._unsent is not None:
            self._emit(*self._unsent, time.monotonic())

    def _emit(self, done: int, total: int, label: str, now: float) -> None:
        self._unsent = None
        self._last_emit = now
        self._signals.progressed.emit(done, total, label)


class _TaskSignals(QObject):
    """Emitted from the worker thread; created on (and owned by) the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)


class _TaskRunnable(QRunnable):
    """Not auto-deleted: the runner drops it, and the signals, on the GUI thread once
    ``ended`` is set. A QObject deleted by a worker thread (the usual PySide recipe, where the
    pool deletes the runnable holding the signals) crashed here about one run in ten."""

    def __init__(
        self, work: Callable[[TaskControl], Any], control: TaskControl, signals: _TaskSignals
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._control = control
        self._signals = signals
        self.ended = threading.Event()

    def run(self) -> None:
        try:
            result = self._work(self._control)
        except BaseException as error:  # every failure, bugs included, goes back to the GUI
            details = "".join(traceback.format_exception(error))
            self._control.flush()
            self._signals.failed.emit(error, details)
        else:
            self._control.flush()
            self._signals.succeeded.emit(result)
        finally:
            self._work = _finished_work  # the work's closure is released with the runnable
            self.ended.set()


def _finished_work(control: TaskControl) -> None:
    raise RuntimeError("task already ran")


class TaskHandle(QObject, Generic[T]):
    """A started task: ``cancel()`` asks it to stop; ``running`` until its callback ran."""

    def __init__(
        self,
        control: TaskControl,
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException, str], None],
        on_progress: Callable[[int, int, str], None] | None,
        finished: Callable[[TaskHandle[Any]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._control = control
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self._finished = finished
        self._running = True
        self._silenced = False

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancelled(self) -> bool:
        return self._control.cancelled

    def cancel(self) -> None:
        """Ask the work to stop; its result (or failure) still arrives."""
        self._control.cancel()

    @property
    def silenced(self) -> bool:
        return self._silenced

    def silence(self) -> None:
        """Cancel and drop every later callback: the owner is going away."""
        self._silenced = True
        self._control.cancel()

    def connect_signals(self, signals: _TaskSignals) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        signals.progressed.connect(self._progressed, queued)
        signals.succeeded.connect(self._succeeded, queued)
        signals.failed.connect(self._failed, queued)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if self._running and not self._silenced and self._on_progress is not None:
            self._on_progress(done, total, label)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._end()
        if not self._silenced:
            self._on_done(result)  # type: ignore[arg-type]

    @Slot(object, str)
    def _failed(self, error: object, details: str) -> None:
        self._end()
        if self._silenced:
            _log.warning("a task failed after its owner closed:\n%s", details)
            return
        assert isinstance(error, BaseException)
        self._on_failed(error, details)

    def _end(self) -> None:
        self._running = False
        self._finished(self)


class TaskRunner(QObject):
    """Owns a thread pool and the running tasks' handles; ``shutdown`` before closing."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_threads: int = 2,
        progress_interval_s: float = DEFAULT_PROGRESS_INTERVAL_S,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._progress_interval_s = progress_interval_s
        self._handles: set[TaskHandle[Any]] = set()
        self._parts: dict[TaskHandle[Any], tuple[_TaskRunnable, _TaskSignals]] = {}
        app = QCoreApplication.instance()
        if app is not None:  # a task still running at exit must not outlive the interpreter
            app.aboutToQuit.connect(self.shutdown)

    def start(
        self,
        work: Callable[[TaskControl], T],
        *,
        on_done: Callable[[T], None],
        on_failed: Callable[[BaseException, str], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> TaskHandle[T]:
        """Run ``work(control)`` in a worker thread; the callbacks run on the GUI thread."""
        signals = _TaskSignals()
        control = TaskControl(signals, self._progress_interval_s)
        handle: TaskHandle[T] = TaskHandle(
            control, on_done, on_failed, on_progress, self._forget, parent=self
        )
        handle.connect_signals(signals)
        runnable = _TaskRunnable(work, control, signals)
        self._handles.add(handle)
        self._parts[handle] = (runnable, signals)  # released on this thread, see _release
        self._pool.start(runnable)
        return handle

    @property
    def active(self) -> int:
        """How many started tasks have not delivered their result yet."""
        return len(self._handles)

    def wait(self, timeout_s: float) -> bool:
        """Wait for the worker threads (not the callbacks); True when they all finished."""
        return self._pool.waitForDone(int(timeout_s * 1000))

    @Slot()
    def shutdown(self, wait_s: float = 5.0) -> bool:
        """Cancel every task, drop their callbacks, and wait up to ``wait_s`` for the workers.

        Returns True when every worker stopped in time.
        """
        for handle in list(self._handles):
            handle.silence()
        stopped = self.wait(wait_s)
        if stopped:  # no queued callback will come for a silenced task: release them now
            for handle in [h for h in self._parts if h.silenced]:
                self._handles.discard(handle)
                self._release(handle)
        else:
            _log.warning("background tasks still running after %.1f s at shutdown", wait_s)
        return stopped

    def _forget(self, handle: TaskHandle[Any]) -> None:
        self._handles.discard(handle)
        self._release(handle)

    def _release(self, handle: TaskHandle[Any]) -> None:
        """Drop a finished task's objects on the GUI thread, once its worker left ``run``."""
        parts = self._parts.get(handle)
        if parts is not None and not parts[0].ended.is_set():
            QTimer.singleShot(_RELEASE_RETRY_MS, self, lambda: self._release(handle))
            return
        self._parts.pop(handle, None)
        handle.deleteLater()

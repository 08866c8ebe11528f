"""TaskRunner: results, failures and progress come back on the GUI thread; throttling; cancel."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QThread

from briefing.gui.tasks import TaskControl, TaskRunner


class Recorder:
    """Collects callbacks with the thread each ran on."""

    def __init__(self) -> None:
        self.done: list[Any] = []
        self.failed: list[tuple[BaseException, str]] = []
        self.progress: list[tuple[int, int, str]] = []
        self.threads: set[QThread] = set()

    def on_done(self, result: Any) -> None:
        self.threads.add(QThread.currentThread())
        self.done.append(result)

    def on_failed(self, error: BaseException, details: str) -> None:
        self.threads.add(QThread.currentThread())
        self.failed.append((error, details))

    def on_progress(self, done: int, total: int, label: str) -> None:
        self.threads.add(QThread.currentThread())
        self.progress.append((done, total, label))


@pytest.fixture
def runner(qapp: Any) -> Any:
    runner = TaskRunner(max_threads=2)
    yield runner
    assert runner.shutdown(5.0)
    runner.deleteLater()


def start(runner: TaskRunner, work: Any, recorder: Recorder) -> Any:
    return runner.start(
        work,
        on_done=recorder.on_done,
        on_failed=recorder.on_failed,
        on_progress=recorder.on_progress,
    )


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: Any, runner: TaskRunner) -> None:
    worker_threads: list[QThread] = []

    def work(control: TaskControl) -> str:
        worker_threads.append(QThread.currentThread())
        for done in range(1, 4):
            control.report(done, 3, f"file {done}")
        return "finished"

    recorder = Recorder()
    handle = start(runner, work, recorder)
    assert handle.running
    qtbot.waitUntil(lambda: bool(recorder.done), timeout=5000)
    gui = QThread.currentThread()
    assert recorder.done == ["finished"] and recorder.failed == []
    assert recorder.threads == {gui} and worker_threads[0] is not gui
    # The first and the last report always get through; the last arrives before the result.
    assert recorder.progress[0] == (1, 3, "file 1") and recorder.progress[-1] == (3, 3, "file 3")
    assert not handle.running and runner.active == 0


def test_an_exception_arrives_with_its_traceback(qtbot: Any, runner: TaskRunner) -> None:
    def work(control: TaskControl) -> None:
        raise ValueError("library is unhappy")

    recorder = Recorder()
    start(runner, work, recorder)
    qtbot.waitUntil(lambda: bool(recorder.failed), timeout=5000)
    error, details = recorder.failed[0]
    assert isinstance(error, ValueError) and "library is unhappy" in details
    assert "Traceback" in details and recorder.done == []
    assert recorder.threads == {QThread.currentThread()}


def test_a_thousand_reports_are_throttled(qtbot: Any, runner: TaskRunner) -> None:
    def work(control: TaskControl) -> int:
        for done in range(1, 1001):
            control.report(done, 1000, "x")
            time.sleep(0.0002)  # about 0.2 s of "work" in all
        return 1000

    recorder = Recorder()
    start(runner, work, recorder)
    qtbot.waitUntil(lambda: bool(recorder.done), timeout=10000)
    # ~50 ms apart: a handful of reports, never one per file; the last one always comes.
    assert 1 <= len(recorder.progress) <= 40
    assert recorder.progress[-1] == (1000, 1000, "x")


def test_the_last_held_back_report_is_flushed(qtbot: Any, runner: TaskRunner) -> None:
    def work(control: TaskControl) -> None:
        control.report(1, 10, "a")
        control.report(2, 10, "b")  # within 50 ms of the first: held back, then flushed

    recorder = Recorder()
    start(runner, work, recorder)
    qtbot.waitUntil(lambda: bool(recorder.done), timeout=5000)
    assert recorder.progress == [(1, 10, "a"), (2, 10, "b")]


def test_cancel_reaches_the_work_and_its_result_still_arrives(
    qtbot: Any, runner: TaskRunner
) -> None:
    started = threading.Event()

    def work(control: TaskControl) -> str:
        started.set()
        deadline = time.monotonic() + 5
        while not control.cancelled and time.monotonic() < deadline:
            time.sleep(0.005)
        return "stopped" if control.cancelled else "ran out"

    recorder = Recorder()
    handle = start(runner, work, recorder)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(recorder.done), timeout=5000)
    assert recorder.done == ["stopped"] and handle.cancelled


def test_shutdown_cancels_waits_and_drops_callbacks(qtbot: Any, qapp: Any) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def work(control: TaskControl) -> str:
        started.set()
        while not control.cancelled:
            time.sleep(0.005)
        return "late"

    recorder = Recorder()
    start(runner, work, recorder)
    assert started.wait(5)
    assert runner.shutdown(5.0)
    qapp.processEvents()
    assert recorder.done == [] and recorder.failed == []
    runner.deleteLater()

"""The window's Qt-free modules, imported before PySide6 (``briefing.cli.main`` imports this
first when it opens the window), and the library's first read, started before Qt loads.

Once PySide6 is loaded, its import hook runs for every later import; pandas and the
analysis layer imported after it took about 0.1 s longer, a tenth of the start-up goal.
Nothing here may import Qt or matplotlib (the charts are built after the first paint).
"""

from __future__ import annotations

import gc
import threading
from concurrent.futures import Future
from pathlib import Path

import pandas  # noqa: F401

import briefing.analysis.article_items
import briefing.gui.company_content  # noqa: F401
from briefing.analysis.workspace import Workspace, load_workspace

# The objects made by these imports live as long as the process: kept out of the cyclic
# garbage collector's full passes, which took 50-65 ms of every thread each time.
gc.freeze()


def start_reading(library_path: Path) -> Future[Workspace] | None:
    """``load_workspace(library_path)`` in a thread of its own, started now, so that the
    library is read while PySide6 loads and the window is built.

    None when there is no library file yet: a first start has nothing to read, and reading
    would create the file before the window decides whether to offer the samples.
    """
    if not library_path.is_file():
        return None
    future: Future[Workspace] = Future()

    def read() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(load_workspace(library_path))
        except BaseException as error:  # the window reports it as any failed load
            future.set_exception(error)

    threading.Thread(target=read, name="library-first-read", daemon=True).start()
    return future

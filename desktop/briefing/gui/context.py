"""What the main window and its parts are given instead of reaching for globals."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from briefing.analysis.workspace import Workspace
from briefing.gui.settings import Settings
from briefing.gui.tasks import TaskRunner


@dataclass(frozen=True)
class AppContext:
    """The application's shared services and locations, built once by ``run_app``."""

    settings: Settings
    library_path: Path
    resources_dir: Path
    readme_path: Path
    log_path: Path
    data_dir: Path
    tasks: TaskRunner
    # The library read started before Qt was loaded (``preload.start_reading``); the
    # window's first load waits for it instead of reading again.
    first_reading: Future[Workspace] | None = None

"""What the main window and its parts are given instead of reaching for globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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

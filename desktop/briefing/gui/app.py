"""Starting the desktop app: the QApplication, logging and the crash hook, settings, theme,
the :class:`AppContext`, and the main window (with the files to add, or the bundled samples
for an empty library when asked)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFileOpenEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from briefing import __version__, paths
from briefing.analysis.workspace import Workspace
from briefing.gui.context import AppContext
from briefing.gui.crash import install_excepthook
from briefing.gui.settings import THEME, Settings
from briefing.gui.tasks import TaskRunner
from briefing.gui.theme import apply_theme

APP_NAME = "Investor Briefing"
DESKTOP_FILE_NAME = "org.investorbriefing.briefing"
GUI_SWITCH_INTERVAL_S = 0.0001
# Looked for in resources/ in this order; the app runs without one.
ICON_FILES = ("icons/investor-briefing.svg", "icons/investor-briefing.png")

_log = logging.getLogger(__name__)


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (or the one that already exists, as under pytest-qt), named and styled."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Must be set before the application exists; fractional scales stay fractional.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv) or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Wayland's app_id (and X11's _GTK_APPLICATION_ID): how a desktop matches the window
    # to its menu entry (resources/linux/).
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setStyle("Fusion")
    # Painting a table calls back into Python (the model's data()) hundreds of times, and
    # each call waits for the interpreter while a worker thread computes: at the default
    # 5 ms switch interval a repaint during a background task stalled for 0.3-0.4 s.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    icon = window_icon(paths.resources_dir())
    if icon is not None:
        app.setWindowIcon(icon)
    return app


class FileOpenForwarder(QObject):
    """macOS hands files opened from the Finder ("Open With") to the application as
    QFileOpenEvents, not as arguments: they are added to the library like dropped files."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            add_files = getattr(self.window, "add_files", None)
            if add_files is not None:
                add_files([Path(event.file())])
                return True
        return False


def window_icon(resources: Path) -> QIcon | None:
    for name in ICON_FILES:
        if (resources / name).is_file():
            return QIcon(str(resources / name))
    return None


def build_context(
    app: QApplication,
    library: Path | None = None,
    first_reading: Future[Workspace] | None = None,
) -> AppContext:
    """Settings, locations and the task runner for one run; ``library`` overrides the
    library path (``--library``), otherwise ``paths.library_path()`` decides;
    ``first_reading`` is that library's read if already started."""
    return AppContext(
        settings=Settings.open(paths.settings_path()),
        library_path=paths.library_path(library),
        resources_dir=paths.resources_dir(),
        readme_path=paths.readme_path(),
        log_path=paths.log_path(),
        data_dir=paths.user_data_dir(),
        tasks=TaskRunner(app),
        first_reading=first_reading,
    )


def create_main_window(context: AppContext) -> QMainWindow:
    """The main window on ``context``'s library."""
    from briefing.gui.main_window import MainWindow

    return MainWindow(context)


def run_app(
    argv: Sequence[str],
    *,
    library: Path | None = None,
    files: Sequence[Path] = (),
    with_samples: bool = False,
    first_reading: Future[Workspace] | None = None,
) -> int:
    """Run the desktop app until its window closes; returns the exit status.
    ``files`` are added to the library; ``with_samples`` loads the bundled samples if the
    library turns out empty (``make run``); ``first_reading``: the library's read, started
    before Qt was loaded."""
    app = create_application(argv)
    log_file = paths.log_path()
    reporter = install_excepthook(log_file, app.activeWindow)
    try:
        context = build_context(app, library, first_reading)
        apply_theme(app, context.settings.get(THEME))
        window = create_main_window(context)
        app.installEventFilter(FileOpenForwarder(window))
        window.show()
        if with_samples and hasattr(window, "load_samples_when_empty"):
            window.load_samples_when_empty()
        if files and hasattr(window, "add_files"):
            window.add_files(list(files))
        _log.info("started %s %s on %s", APP_NAME, __version__, context.library_path)
        status = app.exec()
        context.tasks.shutdown()
        return status
    finally:
        reporter.uninstall()

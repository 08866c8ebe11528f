"""Starting the desktop app: the QApplication, logging and the crash hook, settings, theme,
the :class:`AppContext`, and the main window (with the files to add, or the bundled samples
on the very first start)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from briefing import __version__, paths
from briefing.gui.context import AppContext
from briefing.gui.crash import install_excepthook
from briefing.gui.settings import THEME, Settings
from briefing.gui.tasks import TaskRunner
from briefing.gui.theme import apply_theme

APP_NAME = "Investor Briefing"
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
    app.setStyle("Fusion")
    icon = window_icon(paths.resources_dir())
    if icon is not None:
        app.setWindowIcon(icon)
    return app


def window_icon(resources: Path) -> QIcon | None:
    for name in ICON_FILES:
        if (resources / name).is_file():
            return QIcon(str(resources / name))
    return None


def build_context(app: QApplication, library: Path | None = None) -> AppContext:
    """Settings, locations and the task runner for one run; ``library`` overrides the
    library path (``--library``), otherwise ``paths.library_path()`` decides."""
    return AppContext(
        settings=Settings.open(paths.settings_path()),
        library_path=paths.library_path(library),
        resources_dir=paths.resources_dir(),
        readme_path=paths.readme_path(),
        log_path=paths.log_path(),
        data_dir=paths.user_data_dir(),
        tasks=TaskRunner(app),
    )


def create_main_window(context: AppContext) -> QMainWindow:
    """The main window; a placeholder until ``gui/main_window.py`` exists."""
    try:
        from briefing.gui.main_window import MainWindow  # type: ignore[import-not-found,unused-ignore]
    except ModuleNotFoundError as error:
        if error.name != "briefing.gui.main_window":
            raise
        return _placeholder_window(context)
    window: QMainWindow = MainWindow(context)
    return window


def files_to_open(context: AppContext, files: Sequence[Path]) -> list[Path]:
    """The files given on the command line, else the samples on the first start."""
    if files:
        return list(files)
    return paths.first_run_files(context.library_path, context.resources_dir)


def run_app(argv: Sequence[str], *, library: Path | None = None, files: Sequence[Path] = ()) -> int:
    """Run the desktop app until its window closes; returns the exit status."""
    app = create_application(argv)
    log_file = paths.log_path()
    reporter = install_excepthook(log_file, app.activeWindow)
    try:
        context = build_context(app, library)
        apply_theme(app, context.settings.get(THEME))
        # Before the window exists: it opens (and so creates) the library at once.
        to_open = files_to_open(context, files)
        window = create_main_window(context)
        window.show()
        if to_open and hasattr(window, "add_files"):
            window.add_files(to_open)
        _log.info("started %s %s on %s", APP_NAME, __version__, context.library_path)
        status = app.exec()
        context.tasks.shutdown()
        return status
    finally:
        reporter.uninstall()


def _placeholder_window(context: AppContext) -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    label = QLabel(
        QCoreApplication.translate("run_app", "Library: {path}").format(path=context.library_path)
    )
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    central: QWidget = label
    window.setCentralWidget(central)
    window.resize(1280, 800)
    return window

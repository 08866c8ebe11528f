"""What the window does to the library on the user's behalf: add files and folders (with
the recent-files menu), remove articles (after confirmation), re-extract stale ones, and
say what went wrong when the library cannot be opened."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing import ENGINE_VERSION
from briefing.gui.settings import RECENT_FILES
from briefing.store import Library
from briefing.store.errors import CorruptLibraryError, LibraryError

if TYPE_CHECKING:
    from briefing.analysis.importer import FileFailure, ImportSummary
    from briefing.gui.main_window import MainWindow

_log = logging.getLogger(__name__)
ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf *.eml);;All files (*)"


class LibraryActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Add articles"), "", self.tr(ARTICLE_FILTER)
        )
        if names:
            self.window.add_files([Path(name) for name in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Add a folder of articles"))
        if folder:
            self.window.add_files([Path(folder)])

    def fill_recent_menu(self) -> None:
        menu = self.window.actions_.recent_menu
        menu.clear()
        recent = self.window.settings.get(RECENT_FILES)
        if not recent:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
            return
        for name in recent:
            action = menu.addAction(name)
            action.triggered.connect(lambda _=False, path=name: self.window.add_files([Path(path)]))

    def remove(self, article_ids: list[str]) -> None:
        """Remove articles from the library once the user confirms; the files stay on disk."""
        if not article_ids:
            self.window.show_error(self.tr("Select the articles to remove in the library list"))
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Remove articles"),
            self.tr(
                "Remove %d article(s) and their extracted figures from the library?\n"
                "The files on disk are not touched; you can add them again later."
            )
            % len(article_ids),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        path = self.window.context.library_path

        def work(control: object) -> int:
            with Library.open(path) as library:
                return library.remove(article_ids)

        self.window.context.tasks.start(
            work,
            on_done=self._removed,
            on_failed=lambda error, details: self.window.show_error(
                self.tr("Nothing was removed: %s") % error
            ),
        )

    def _removed(self, count: int) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(self.tr("%d article(s) removed") % count, 8000)

    def reextract(self) -> None:
        """Extract again the articles stored by an older engine version."""
        path = self.window.context.library_path

        def work(control: object) -> int:
            from briefing.analysis.importer import reextract_stale  # the engine, when needed

            with Library.open(path) as library:
                return reextract_stale(library, ENGINE_VERSION)

        self.window.statusBar().showMessage(self.tr("Re-extracting stale articles…"))
        self.window.context.tasks.start(
            work,
            on_done=self._reextracted,
            on_failed=lambda error, details: self.window.show_error(
                self.tr("Re-extraction stopped: %s") % error
            ),
        )

    def _reextracted(self, count: int) -> None:
        self.window.reload()
        self.window.statusBar().showMessage(
            self.tr("%d article(s) re-extracted with engine %s") % (count, ENGINE_VERSION), 8000
        )

    def library_failed(self, error: BaseException, details: str) -> None:
        """The library could not be read: say which file and why; offer a fresh start only
        for a corrupt file, which is then moved aside, never deleted."""
        path = self.window.context.library_path
        if not isinstance(error, LibraryError):
            _log.error("reading the library failed:\n%s", details)
        if isinstance(error, CorruptLibraryError):
            answer = QMessageBox.question(
                self.window,
                self.tr("Library damaged"),
                self.tr(
                    "The library %s is damaged: %s\n\nMove it aside (it is kept, renamed with "
                    "the date) and start a new, empty library?"
                )
                % (path, error),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._start_fresh(path)
            return
        QMessageBox.warning(
            self.window,
            self.tr("Library not available"),
            self.tr("The library %s cannot be opened: %s\nIt has not been changed.")
            % (path, error),
        )

    def _start_fresh(self, path: Path) -> None:
        try:
            with Library.open(path, recover_corrupt=True) as library:
                aside = library.moved_aside
        except LibraryError as error:
            self.window.show_error(self.tr("Still cannot open the library: %s") % error)
            return
        self.window.statusBar().showMessage(
            self.tr("The damaged library was kept as %s") % aside, 15000
        )
        self.window.reload()

    def imported(self, summary: ImportSummary) -> None:
        """An import ended: reload the window and say what happened."""
        parts = [self.tr("%d added") % len(summary.added)]
        if summary.duplicates:
            parts.append(self.tr("%d already in the library") % len(summary.duplicates))
        if summary.failed:
            parts.append(self.tr("%d could not be read") % len(summary.failed))
        if summary.cancelled:
            parts.append(self.tr("import cancelled"))
        self.window.reload()
        self.window.statusBar().showMessage(", ".join(parts), 15000)

    def failed(self, failures: list[FileFailure]) -> None:
        """Files an import could not read: listed in the error panel, which is shown."""
        self.window.error_panel.add_failures(failures)
        self.window.error_panel.show()

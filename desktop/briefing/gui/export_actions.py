"""File → Export briefing as PDF…: the shown company's briefing, to a file the user picks,
written in the background (``ExportController``) while the window stays usable.

Qt's save dialog asks before replacing an existing file; when the ".pdf" suffix is added
to a name the dialog did not see, this asks itself. The paper size is a setting (A4 by
default, Letter where the locale uses it) chosen in the File menu.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing.gui.export_controller import ExportController
from briefing.gui.settings import EXPORT_FOLDER, PDF_PAPER

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow
    from briefing.pdf import ExportResult

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_LETTER_COUNTRIES = (QLocale.Country.UnitedStates, QLocale.Country.Canada)


def default_file_name(company: str, today: date) -> str:
    """A file name for a company's briefing, safe on every platform.

    >>> default_file_name("Alibaba Group", date(2026, 1, 4))
    'Alibaba Group briefing 2026-01-04.pdf'
    >>> default_file_name('A/B: "C"', date(2026, 1, 4))
    'A B C briefing 2026-01-04.pdf'
    """
    stem = " ".join(_UNSAFE_IN_FILE_NAMES.sub(" ", company).split()) or "Company"
    return f"{stem} briefing {today.isoformat()}.pdf"


def locale_paper(locale: QLocale) -> str:
    """Letter in the United States and Canada, A4 elsewhere."""
    return "letter" if locale.territory() in _LETTER_COUNTRIES else "a4"


class BriefingExport(QObject):
    """The window's PDF export: the dialog, the background task, what the user is told."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = ExportController(window.context.tasks, self)
        self.controller.briefing_exported.connect(self._exported)
        self.controller.export_failed.connect(self._failed)
        self.controller.export_cancelled.connect(self._cancelled)
        self.last_result: ExportResult | None = None

    def paper(self) -> str:
        settings = self.window.settings
        if not settings.qsettings().contains(PDF_PAPER.key):
            return locale_paper(QLocale.system())
        return settings.get(PDF_PAPER)

    def set_paper(self, paper: str) -> None:
        self.window.settings.set(PDF_PAPER, paper)

    def choose_file_and_export(self) -> None:
        content = self.window.content
        if content is None or content.briefing is None:
            self.window.show_error(self.tr("Choose a company to export its briefing"))
            return
        if self.controller.running:
            self.window.show_error(self.tr("A briefing is being exported; wait or cancel it"))
            return
        briefing = content.briefing
        name = briefing.names[0] if briefing.names else briefing.company_id
        folder = self.window.settings.get(EXPORT_FOLDER) or str(Path.home())
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export briefing as PDF"),
            str(Path(folder) / default_file_name(name, date.today())),
            self.tr("PDF document (*.pdf)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
            if target.exists() and not self._confirm_replace(target):
                return
        self.window.settings.set(EXPORT_FOLDER, str(target.parent))
        self.controller.export(briefing, target, self.paper())
        self.window.statusBar().showMessage(self.tr("Exporting the briefing…"))

    def _confirm_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Replace file?"),
            self.tr("{name} already exists. Replace it?").format(name=target.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def open_last(self) -> None:
        """Open the last exported PDF in the system's viewer (a local file, no network)."""
        if self.last_result is not None and self.last_result.path.exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_result.path)))

    def _exported(self, result: ExportResult) -> None:
        self.last_result = result
        self.window.actions_.open_export.setEnabled(True)
        self.window.statusBar().showMessage(
            self.tr("Briefing saved to {path} ({pages} pages)").format(
                path=result.path, pages=result.pages
            ),
            15000,
        )

    def _failed(self, message: str) -> None:
        self.window.show_error(message)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Briefing not exported"))
        box.setText(message)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        box.open()

    def _cancelled(self, target: Path) -> None:
        self.window.statusBar().showMessage(
            self.tr("Export cancelled: {name} was not written").format(name=target.name), 8000
        )

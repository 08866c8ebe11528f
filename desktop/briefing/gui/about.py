"""The About dialog (versions of the app and of what it runs on, where its data lives) and the
F1 help, which opens the local README and never a web page."""

from __future__ import annotations

import html
import logging
import platform
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing import ENGINE_VERSION, __version__

_log = logging.getLogger(__name__)

_PATH_ROWS = ("Data folder", "Library")
_PATH_WIDTH_LIMIT = 720  # px; longer paths scroll inside their field

# Distribution names as installed (importlib.metadata), shown under their usual names.
_DEPENDENCIES = (
    ("pandas", "pandas"),
    ("matplotlib", "matplotlib"),
    ("NumPy", "numpy"),
    ("pypdf", "pypdf"),
    ("trafilatura", "trafilatura"),
)


def installed_version(distribution: str) -> str:
    """The installed version of ``distribution``, or "not installed".

    >>> installed_version("surely-not-a-real-distribution-name")
    'not installed'
    """
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def version_rows(data_dir: Path, library: Path) -> list[tuple[str, str]]:
    """(label, value) pairs the dialog shows and "Copy" copies; labels are untranslated."""
    rows = [
        ("Investor Briefing", __version__),
        ("Extraction engine", ENGINE_VERSION),
        ("Python", platform.python_version()),
        ("PySide6 / Qt", f"{pyside_version} / {qVersion()}"),
    ]
    rows += [(label, installed_version(name)) for label, name in _DEPENDENCIES]
    rows += [("Data folder", str(data_dir)), ("Library", str(library))]
    return rows


def rows_as_text(rows: list[tuple[str, str]]) -> str:
    """Plain text for the clipboard (pasted into bug reports).

    >>> print(rows_as_text([("Python", "3.11.7"), ("Library", "/tmp/l.sqlite3")]))
    Python: 3.11.7
    Library: /tmp/l.sqlite3
    """
    return "\n".join(f"{label}: {value}" for label, value in rows)


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Investor Briefing"))
        self.setAccessibleName(self.tr("About Investor Briefing"))
        self.rows = version_rows(data_dir, library)

        title = QLabel(self.tr("Investor Briefing {version}").format(version=__version__))
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(
            self.tr(
                "Deals, segment metrics and analyst views from saved news articles, each "
                "linked to its sentence. Works offline: nothing leaves this computer."
            )
        )
        blurb.setWordWrap(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        translated = self._row_labels()
        self.value_widgets: dict[str, QWidget] = {}
        for label, value in self.rows[1:]:
            shown = _path_field(value) if label in _PATH_ROWS else _plain_label(value)
            self.value_widgets[label] = shown
            form.addRow(translated.get(label, label) + ":", shown)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(self.tr("Copy these versions and folders, for a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # The wrapped blurb makes the layout height-for-width, and then a dialog does not
        # grow to its minimum size on its own: the path rows would be cut off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(520)

    def _row_labels(self) -> dict[str, str]:
        # Literal tr() calls, so that lupdate finds the row labels.
        return {
            "Extraction engine": self.tr("Extraction engine"),
            "Python": self.tr("Python"),
            "PySide6 / Qt": self.tr("PySide6 / Qt"),
            "Data folder": self.tr("Data folder"),
            "Library": self.tr("Library"),
        }

    def details_text(self) -> str:
        return rows_as_text(self.rows)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _path_field(path: str) -> QLineEdit:
    """A path of any length: a frameless read-only line that scrolls rather than being cut
    off or widening the dialog past the screen; its text is the exact path (for copying)."""
    field = QLineEdit(path)
    field.setReadOnly(True)
    field.setFrame(False)
    field.setTextMargins(-2, 0, 0, 0)  # line up with the labels above (Fusion adds 2 px)
    field.setCursorPosition(0)
    field.setToolTip(html.escape(path))
    field.setStyleSheet("QLineEdit { background: transparent; }")
    wanted = field.fontMetrics().horizontalAdvance(path) + 16
    field.setMinimumWidth(min(wanted, _PATH_WIDTH_LIMIT))
    return field


class ReadmeDialog(QDialog):
    """The README as plain text, for when no program can open it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Investor Briefing help"))
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(text)
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_view.setAccessibleName(self.tr("Help text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_view)
        layout.addWidget(buttons)
        self.resize(760, 560)


def open_help(parent: QWidget | None, readme_path: Path) -> bool:
    """Open the local README in the desktop's viewer; if that fails, show it as plain text in
    a dialog; if it is missing, say so. Returns True when the README was shown somehow."""
    if readme_path.is_file() and QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(readme_path.resolve()))
    ):
        return True
    try:
        text = readme_path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        _log.warning("cannot read the help file %s: %s", readme_path, error)
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("open_help", "Help not found"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            QCoreApplication.translate(
                "open_help", "The help file {path} cannot be read: {reason}"
            ).format(path=readme_path, reason=error.strerror or error)
        )
        box.exec()
        return False
    dialog = ReadmeDialog(text, parent)
    dialog.exec()
    return True

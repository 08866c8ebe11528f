"""The first start: an empty library shows a welcome page in place of the tabs, which offers
the bundled sample articles and says how to add one's own; once the samples are loaded, a
bar above the tabs repeats how, until it is dismissed or the user adds articles.

Every text here is ours, but the labels are still plain text: nothing in the window is
rendered as rich text by accident.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

FORMATS_TEXT = (
    "Saved web pages (.html, .htm), text and Markdown (.txt, .md, .markdown), PDFs with a "
    "text layer (.pdf) and e-mails (.eml)."
)


def _label(text: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def _key(sequence: QKeySequence.StandardKey | str) -> str:
    """A shortcut as this platform writes it (Ctrl+O here, ⌘O on a Mac)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def add_articles_hint() -> list[str]:
    """The ways to add articles, one line each (the welcome page and the samples bar)."""
    return [
        "File → Add files… ({files}) or Add folder… ({folder}).".format(
            files=_key(QKeySequence.StandardKey.Open), folder=_key("Ctrl+Shift+O")
        ),
        "Or drop files and folders on this window, or start it as: briefing FILE…",
        FORMATS_TEXT,
        "Everything stays on this computer: the app never connects to the internet.",
    ]


class WelcomePage(QWidget):
    """Shown instead of the tabs while the library holds no article."""

    samples_requested = Signal()
    add_files_requested = Signal()
    add_folder_requested = Signal()

    def __init__(self, sample_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        self.setAccessibleName(self.tr("Welcome"))
        title = _label(self.tr("Welcome to Investor Briefing"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = _label(
            self.tr(
                "Your library is empty. Investor Briefing reads news articles you have saved "
                "and finds the deals, the segment figures and the analysts' views in them, "
                "each linked to the sentence it came from."
            ),
            self,
        )
        self.samples_button = QPushButton(self.tr("Load the sample articles"), self)
        self.samples_button.setDefault(True)
        self.samples_button.clicked.connect(self.samples_requested)
        self.samples_note = _label("", self)
        self.samples_note.setObjectName("samples_note")
        self.set_sample_count(sample_count)

        heading = _label(self.tr("To add your own articles"), self)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.hint_labels = [_label("•  " + line, self) for line in add_articles_hint()]
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.clicked.connect(self.add_files_requested)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        add_folder.clicked.connect(self.add_folder_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(add_files)
        buttons.addWidget(add_folder)
        buttons.addStretch(1)
        samples_row = QHBoxLayout()
        samples_row.addWidget(self.samples_button)
        samples_row.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addLayout(samples_row)
        column.addWidget(self.samples_note)
        column.addSpacing(18)
        column.addWidget(heading)
        for label in self.hint_labels:
            column.addWidget(label)
        column.addSpacing(6)
        column.addLayout(buttons)
        content = QWidget(self)
        content.setLayout(column)
        content.setMaximumWidth(640)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(content, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_sample_count(self, count: int) -> None:
        self.samples_button.setEnabled(count > 0)
        if count:
            self.samples_note.setText(
                self.tr(
                    "%d short articles written by the Investor Briefing team, with deals, "
                    "segment results and analyst views for a few companies. You can remove "
                    "them later like any other article."
                )
                % count
            )
        else:
            self.samples_note.setText(self.tr("The sample articles are not installed."))

    def set_loading(self, loading: bool) -> None:
        self.samples_button.setEnabled(not loading)
        self.samples_button.setText(
            self.tr("Loading the sample articles…")
            if loading
            else self.tr("Load the sample articles")
        )


class SamplesBar(QFrame):
    """A bar above the tabs while the sample articles are what the user is looking at."""

    add_files_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samples_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("About the sample articles"))
        hint = add_articles_hint()
        self.message = _label(
            self.tr(
                "You are looking at the sample articles. Add your own: {how} To remove the "
                "samples, select them in the library list and press Delete."
            ).format(how=hint[0]),
            self,
        )
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.clicked.connect(self.add_files_requested)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(add_files)
        layout.addWidget(close)


class FirstRun(QObject):
    """Which of the welcome page and the tabs the window shows, and the sample articles.

    ``content`` (the tabs) and the welcome page share a stack; the window puts ``stack``
    where the tabs would go and tells this object how many articles each read found.
    """

    samples_requested = Signal(list)  # the sample files to import
    add_files_requested = Signal()
    add_folder_requested = Signal()

    def __init__(self, tabs: QWidget, samples: list[Path], parent: QWidget) -> None:
        super().__init__(parent)
        self.samples = list(samples)
        self._load_when_empty = False
        self._samples_loading = False
        self.stack = QStackedWidget(parent)
        self.samples_bar = SamplesBar(parent)
        self.samples_bar.hide()
        self.samples_bar.add_files_requested.connect(self.add_files_requested)
        content = QWidget(parent)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.samples_bar)
        layout.addWidget(tabs, 1)
        self.content = content
        self.welcome = WelcomePage(len(self.samples), parent)
        self.welcome.samples_requested.connect(self.load_samples)
        self.welcome.add_files_requested.connect(self.add_files_requested)
        self.welcome.add_folder_requested.connect(self.add_folder_requested)
        self.stack.addWidget(content)
        self.stack.addWidget(self.welcome)

    @property
    def welcome_shown(self) -> bool:
        return self.stack.currentWidget() is self.welcome

    def load_samples_when_empty(self) -> None:
        """Load the samples if the next read finds the library empty (``--with-samples``)."""
        self._load_when_empty = True

    def load_samples(self) -> None:
        if not self.samples or self._samples_loading:
            return
        self._samples_loading = True
        self.welcome.set_loading(True)
        self.samples_requested.emit(list(self.samples))

    def samples_not_loaded(self) -> None:
        """The import failed as a whole (the library could not be written)."""
        self._samples_loading = False
        self.welcome.set_loading(False)

    def library_read(self, article_count: int) -> None:
        """A read of the library finished with ``article_count`` articles."""
        load, self._load_when_empty = self._load_when_empty, False
        if self._samples_loading:
            self._samples_loading = False
            self.welcome.set_loading(False)
            if article_count:
                self.samples_bar.show()
        if article_count:
            self.stack.setCurrentWidget(self.content)
            return
        self.samples_bar.hide()
        self.stack.setCurrentWidget(self.welcome)
        if load:
            self.load_samples()

    def files_added(self, files: list[Path]) -> None:
        """The user added articles of their own: the samples bar has said its piece."""
        if not self._samples_loading and any(path not in self.samples for path in files):
            self.samples_bar.hide()

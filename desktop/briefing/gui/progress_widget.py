"""The status-bar widget of a long background task (an import, a PDF export): a bar with
"n of N", what is being worked on, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class TaskProgressWidget(QWidget):
    """Progress of one task; the names are for screen readers ("Import progress"...)."""

    def __init__(
        self, bar_name: str, label_name: str, cancel_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setFormat(self.tr("%v of %m"))
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(160)
        self.bar.setAccessibleName(bar_name)
        self.file_label = QLabel(self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup
        self.file_label.setMinimumWidth(180)
        self.file_label.setMaximumWidth(320)
        self.file_label.setAccessibleName(label_name)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(cancel_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.file_label, 1)
        layout.addWidget(self.cancel_button)
        self.setAccessibleName(bar_name)

    def show_progress(self, done: int, total: int, label: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(min(done, total))
        metrics = self.file_label.fontMetrics()
        width = max(self.file_label.width(), self.file_label.minimumWidth())
        self.file_label.setText(metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, width))
        self.file_label.setToolTip("")  # never rich text; the name is shown elided as plain text

    def reset(self) -> None:
        self.bar.setMaximum(1)
        self.bar.setValue(0)
        self.file_label.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.file_label.setText(self.tr("Cancelling…"))

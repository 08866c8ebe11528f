"""Labels for text that may come from an article: never read as rich text.

QLabel guesses the format of its text and would render "<img src=...>" in a title as an
image, loading a local file (STACK.md P8/P9); every label showing article data is made here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, object_name: str = "") -> QLabel:
    """A wrapped, selectable label that shows ``text`` literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label

"""From a figure to its sources: the Article tab opened at the quoted sentence, and the
side-by-side view of two sources that disagree. Every row, chart point, card and citation
of the window ends here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from PySide6.QtCore import QObject, Qt

from briefing.analysis.article_items import article_items
from briefing.analysis.formatting import format_date
from briefing.analysis.workspace import article_document
from briefing.gui.conflict_view import ConflictView

if TYPE_CHECKING:
    from briefing.gui.main_window import MainWindow


class EvidenceActions(QObject):
    """Opens evidence in ``window``: its Article tab and conflict views."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def open(self, article_id: str, start: int, end: int, quote: str) -> None:
        """Show the article on the Article tab, scrolled to the quoted sentence (a negative
        ``start`` and no quote: the article's top)."""
        window = self.window
        workspace = window.workspace
        if workspace is None:
            return
        try:
            document = article_document(workspace, article_id)
        except Exception as error:
            window.show_error(self.tr("The article cannot be opened: %s") % error)
            return
        published = document.published
        meta = " · ".join(
            part
            for part in (
                document.source or "",
                (format_date(pd.Timestamp(published)) or "") if published else "",
                str(document.path),
            )
            if part
        )
        window.article_view.set_article(
            article_id,
            document.title,
            meta,
            document.body,
            article_items(workspace.frames, article_id),
        )
        window.tabs.setCurrentWidget(window.article_view)
        if quote or start >= 0:
            window.article_view.show_evidence(start, end, quote)
        window.evidence_shown.emit(article_id)

    def open_conflict_row(self, row: int) -> None:
        """The Overview's conflict list: its ``row``-th conflict, side by side."""
        content = self.window.content
        if content is None or content.briefing is None:
            return
        conflicts = content.briefing.conflicts
        if 0 <= row < len(conflicts):
            self._show_conflict(conflicts.iloc[row])

    def open_conflict_of(self, article_id: str, quote: str) -> None:
        """A table row marked as disputed: the conflict its statement belongs to."""
        content = self.window.content
        if content is None or content.briefing is None:
            return
        conflicts = content.briefing.conflicts
        for side in ("a", "b"):
            found = conflicts[
                (conflicts[f"article_{side}"] == article_id) & (conflicts[f"quote_{side}"] == quote)
            ]
            if not found.empty:
                self._show_conflict(found.iloc[0])
                return

    def _show_conflict(self, row: pd.Series) -> None:
        workspace = self.window.workspace
        if workspace is None:
            return
        frames = workspace.frames
        evidence = pd.concat([frames.metrics, frames.views], ignore_index=True)
        view = ConflictView(row, frames.articles, self.window, evidence=evidence)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.evidence_requested.connect(self.window.open_evidence)
        view.show()

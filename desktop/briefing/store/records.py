"""What the library hands out: frozen records, never database rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

AddStatus = Literal["added", "already present"]


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """The result of adding one article: stored now, or the same content was already there."""

    article_id: str
    path: str
    status: AddStatus
    # For "already present": the path the article was first added from.
    stored_path: str

    @property
    def added(self) -> bool:
        return self.status == "added"

    @property
    def message(self) -> str:
        """One line for the user.

        >>> AddOutcome("ab12" * 16, "b.txt", "already present", "a.txt").message
        'b.txt: already in the library (ab12ab12ab12, added from a.txt)'
        """
        if self.added:
            return f"{self.path}: added ({self.article_id[:12]})"
        return (
            f"{self.path}: already in the library ({self.article_id[:12]}, "
            f"added from {self.stored_path})"
        )


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article's metadata and extraction summary, without its body."""

    id: str
    path: str
    format: str
    title: str | None
    published: str | None
    source: str | None
    isins: tuple[str, ...]
    tickers: tuple[str, ...]
    primary_company: str | None
    companies: tuple[str, ...]
    added_at: str
    engine_version: str
    deals: int
    metrics: int
    analyst_views: int

    def mentions(self, company: str) -> bool:
        """Whether ``company`` is the primary company or one of the companies (any case)."""
        wanted = company.casefold()
        names = (self.primary_company or "", *self.companies)
        return any(name.casefold() == wanted for name in names)

"""What the desktop window reads from the library, Qt-free: frames, aliases, rates, the
company list, one company's briefing and one article's body.

Each function that reads the library opens its own connection: a sqlite3 connection
belongs to the thread that opened it, and these run in background tasks.
The report command shares ``library_briefing`` and ``story_map_of`` with the window, so
both build a company's briefing the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Final

import pandas as pd

from briefing.analysis.briefing import Briefing, articles_about, build_briefing, companies_in
from briefing.analysis.duplicates import duplicate_groups, story_map
from briefing.analysis.frames import Frames
from briefing.analysis.frames_stored import library_frames
from briefing.analysis.fx import RatesFileError, RateTable, load_reference_rates
from briefing.domain.model import Document
from briefing.extract.vocab.companies import MARKET_INDICES
from briefing.extract.vocab.view_terms import PEER_GROUP_TAILS
from briefing.paths import resources_dir, user_rates_path
from briefing.store import Library, UnknownArticleError

COMPANY_COLUMNS: Final = ("company_id", "name", "articles")
# (frame, column as written, resolved id column): where articles write a company's name.
_WRITTEN_NAMES: Final = (
    ("articles", "primary_company", "company_id"),
    ("deals", "buyer", "buyer_id"),
    ("deals", "counterparty", "counterparty_id"),
    ("metrics", "company", "company_id"),
    ("views", "company", "company_id"),
)


def story_map_of(documents: Sequence[Document], articles: pd.DataFrame) -> dict[str, str]:
    """Republished copies among ``documents`` -> their story's representative article."""
    groups = duplicate_groups((document.id, document.body) for document in documents)
    return story_map(groups, articles)


def library_briefing(
    library_path: Path,
    frames: Frames,
    company_id: str,
    currency: str,
    rates: RateTable | None,
) -> Briefing:
    """The briefing on ``company_id`` from the library's ``frames``.

    Duplicates matter only among the company's articles, so only their bodies are read.
    Raises ``LibraryError`` and ``fx.UnknownCurrencyError``.
    """
    with Library.open(library_path) as library:
        documents = library.documents(articles_about(frames, company_id))
    story_of = story_map_of(documents, frames.articles)
    return build_briefing(frames, company_id, story_of, currency, rates)


def display_names(frames: Frames) -> dict[str, str]:
    """Company id -> the name the articles write most often (ties: shortest, then first)."""
    pairs = [
        getattr(frames, kind)[[written, resolved]].set_axis(["name", "company_id"], axis=1)
        for kind, written, resolved in _WRITTEN_NAMES
    ]
    names = pd.concat(pairs, ignore_index=True).dropna()
    if names.empty:
        return {}
    counts = names.value_counts().reset_index()
    counts = counts.assign(length=counts["name"].astype(str).str.len()).sort_values(
        ["company_id", "count", "length", "name"], ascending=[True, False, True, True]
    )
    first = counts.drop_duplicates("company_id")
    return dict(zip(first["company_id"].astype(str), first["name"].astype(str), strict=True))


# Every way of writing a market index, folded ("Stoxx 600" is the STOXX Europe 600).
_INDEX_NAMES: Final = frozenset(
    name.casefold()
    for canonical, aliases in MARKET_INDICES.items()
    for name in (canonical, *aliases)
)


# Lowercase words that make a valuation peer a group rather than a company ("its closest
# peer group", "Brazilian utilities", "the sector average"). Matched as written: company
# names are capitalised, so "Weser Bank" or "Baltic Cold Chain" never match.
_PEER_GROUP_WORDS: Final = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(noun) for noun in PEER_GROUP_TAILS) + r")$"
)


def is_peer_group(name: str) -> bool:
    """Whether a name the articles compare multiples with is a group of peers, not a company.

    >>> [is_peer_group(n) for n in ("closest peer group", "Brazilian utilities", "sector average")]
    [True, True, True]
    >>> [is_peer_group(n) for n in ("Weser Bank", "Baltic Cold Chain", "Meitu", "eBay")]
    [False, False, False, False]
    """
    return _PEER_GROUP_WORDS.search(name.strip()) is not None


@dataclass(frozen=True)
class Workspace:
    """An opened library as the window shows it; immutable, rebuilt after every change."""

    library_path: Path
    frames: Frames
    aliases: Mapping[str, str] = field(default_factory=dict)
    rates: RateTable | None = None
    rates_error: str | None = None  # why amounts are not converted, for the status bar

    @cached_property
    def companies(self) -> pd.DataFrame:
        """One row per company: ``company_id``, ``name``, ``articles`` (count), most covered
        first, then by name. Computed once, by ``load_workspace`` in its worker thread (it
        took 80 ms of the GUI thread at start-up with 1,000 articles)."""
        counts = companies_in(self.frames)
        # An index named as a valuation peer ("the S&P 500 trades at 23x") is not a company.
        folded = pd.Series(counts.index.astype(str), index=counts.index).str.casefold()
        counts = counts[~folded.isin(_INDEX_NAMES).to_numpy()]
        names = display_names(self.frames)
        # Nor is a peer group ("its closest peer group", whose id lost "group" as if it were
        # a corporate suffix): it stays a peer in the multiples.
        counts = counts[
            [not is_peer_group(names.get(str(name), str(name))) for name in counts.index]
        ]
        ids = [str(company) for company in counts.index]
        frame = pd.DataFrame(
            {
                "company_id": pd.Series(ids, dtype="str"),
                "name": pd.Series([names.get(i, i) for i in ids], dtype="str"),
                "articles": pd.Series([int(n) for n in counts.to_numpy()], dtype="int64"),
            },
            columns=list(COMPANY_COLUMNS),
        )
        return frame.sort_values(
            ["articles", "name"], ascending=[False, True], kind="stable"
        ).reset_index(drop=True)


def load_workspace(library_path: Path) -> Workspace:
    """Open the library at ``library_path`` (created if new) and read what the window shows.

    Raises ``LibraryError`` for a library that cannot be used; a bad rates file is not an
    error of the workspace: amounts are then shown unconverted, and ``rates_error`` says why.
    """
    with Library.open(library_path) as library:
        frames = library_frames(library)
        aliases = library.aliases()
    rates: RateTable | None
    try:
        rates = load_reference_rates(resources_dir(), user_rates_path())
        rates_error = None
    except RatesFileError as error:
        rates, rates_error = None, str(error)
    workspace = Workspace(library_path, frames, aliases, rates, rates_error)
    _ = workspace.companies
    return workspace


def company_briefing(workspace: Workspace, company_id: str, currency: str) -> Briefing:
    """The briefing on one company of the workspace, amounts also in ``currency``."""
    return library_briefing(
        workspace.library_path, workspace.frames, company_id, currency, workspace.rates
    )


def article_document(workspace: Workspace, article_id: str) -> Document:
    """The stored article (body, metadata) for the Article tab; ``UnknownArticleError`` if
    it is no longer in the library."""
    with Library.open(workspace.library_path) as library:
        found = library.documents([article_id])
    if not found:
        raise UnknownArticleError(workspace.library_path, f"no article with id {article_id!r}")
    return found[0]

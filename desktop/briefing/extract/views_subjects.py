"""Whose view it is: the company or index a figure is about, and the firm that states it.

A figure belongs to the last company or index named before it in its sentence; an index
keeps the name the article gives it ("Stoxx 600", "the benchmark Kospi"), as readers and
the gold annotations write it.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.views_text import Scope, brokers_in, last_match
from briefing.extract.vocab.view_terms import INDEX_MODIFIERS, INDEX_NAMES

# A share index: capitalised words ending in "index" ("Morningstar US Market Index", "the
# Nifty Auto index"), tried first so the whole name wins over a known part, or a known
# name; an index's move or multiple is the index's, not the article company's.
INDEX_NAME_RE: Final = re.compile(
    r"(?-i:(?<![\w&/])(?:[A-Z][\w&/.-]*\s+){1,4}[Ii]ndex\b)|(?<![\w&/])(?:"
    + "|".join(re.escape(n) for n in sorted(INDEX_NAMES, key=len, reverse=True))
    + r")(?![\w&]|/\w)(?:\s+[Ii]ndex\b)?"
    # "the all share index added 0.5%": an index the article describes in lower case.
    r"|(?-i:(?<=\bthe\s)(?:[a-z][\w&/-]*\s+){1,3}index\b)",
    re.IGNORECASE,
)
INDEX_AFTER_THE: Final = re.compile(
    r"\bthe\s+(?:(?:" + "|".join(re.escape(m) for m in INDEX_MODIFIERS) + r")\s+)?", re.I
)
_LEADING_ARTICLE: Final = re.compile(r"^(?:the|a)\s+", re.I)
# "The shares, which are listed on the DAX, rose 1.4%": an index named as the stock's
# market or membership does not move.
_INDEX_AS_VENUE: Final = re.compile(
    r"(?i)\b(?:listed|traded|quoted|included)\s+(?:on|in)\s+(?:the\s+)?$"
    r"|\b(?:member|constituent|component)\s+of\s+(?:the\s+)?$"
)
# "the shares trade at 6.1 times", "the stock has risen 18%": the article's stock, even
# when another company (a broker not known as one) was named before.
_DEFINITE_STOCK: Final = re.compile(r"(?i)\b(?:the|its|their)\s+(?:shares|stock)\b")
# Lower-case words of index names: a cheap test before looking for one.
_INDEX_WORDS: Final = frozenset(
    w for n in INDEX_NAMES for w in re.findall("[a-z]{3,}", n.lower())
) - {"all", "share", "market", "bank", "tech", "composite", "component", "world", "main"}


# "Rexmoor Freight (RXMF), another stock in the same industry, closed 2.3% lower": a
# peer named with its ticker at the head of the sentence, which the company finder may
# not know; only read when it names no company itself.
_TICKERED_NAME: Final = re.compile(
    r"^(?:The\s+)?((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+"
    r"\((?:[A-Z][A-Za-z]{1,7}:\s*)?[A-Z]{1,6}(?:\.[A-Z]{1,2})?\)"
)


def _tickered_peer(scope: Scope, position: int, floor: int) -> str | None:
    if floor > 0 or "(" not in scope.text[:position]:
        return None
    found = _TICKERED_NAME.match(scope.text)
    if found is None or found.end() > position:
        return None
    return found.group(1)


def company_before(scope: Scope, position: int, floor: int = 0) -> str | None:
    """The company a figure at ``position`` is about: the last company named in
    ``text[floor:position]`` that is not a rating firm, else the primary company."""
    chosen = None
    for mention in scope.sentence.companies:
        at = mention.start - scope.sentence.start
        if (
            floor <= at < position
            and (not mention.is_broker or mention.name == scope.primary)
            and not (mention.is_index and _is_venue(scope.text, at))
        ):
            chosen = mention.name
    return chosen or _tickered_peer(scope, position, floor) or scope.primary


def _is_venue(text: str, position: int) -> bool:
    return _INDEX_AS_VENUE.search(text, max(0, position - 20), position) is not None


def index_name(surface: str) -> str:
    """An index as the article names it, without a leading article.

    >>> index_name("The Morningstar  US Market Index")
    'Morningstar US Market Index'
    """
    return _LEADING_ARTICLE.sub("", " ".join(surface.split()))


def index_at(text: str, position: int) -> str | None:
    """The index named at ``position`` ("the benchmark Kospi" from the "the").

    >>> index_at("a 1.2% rise in the benchmark Kospi.", 15)
    'Kospi'
    """
    lead = INDEX_AFTER_THE.match(text, position)
    found = INDEX_NAME_RE.match(text, lead.end() if lead is not None else position)
    return index_name(found.group(0)) if found is not None else None


def subject_before(scope: Scope, position: int, floor: int = 0) -> str | None:
    """What a share figure at ``position`` is about: the last company or index named in
    ``text[floor:position]`` (an index as written), the article's stock when "the
    shares" come after that name, else the primary company."""
    text = scope.text
    chosen_at, chosen = -1, None
    for mention in scope.sentence.companies:
        at = mention.start - scope.sentence.start
        if floor <= at < position and (not mention.is_broker or mention.name == scope.primary):
            if mention.is_index and _is_venue(text, at):
                continue
            chosen_at = at
            chosen = index_name(mention.text) if mention.is_index else mention.name
    if "ndex" in text or not scope.words.isdisjoint(_INDEX_WORDS):
        for index in INDEX_NAME_RE.finditer(text, floor, position):
            # A company read inside an index's name ("Auto" of "Nifty Auto index") is not one.
            if _is_venue(text, index.start()):
                continue
            if index.end() > chosen_at:
                chosen_at, chosen = index.start(), index_name(index.group(0))
    if chosen is not None:
        definite = last_match(_DEFINITE_STOCK, text, chosen_at, position)
        if definite is not None and chosen != scope.primary:
            return scope.primary
    return chosen or _tickered_peer(scope, position, floor) or scope.primary


def company_after(scope: Scope, start: int, end: int) -> str | None:
    """The first non-broker company named in ``text[start:end]``, else the primary."""
    for mention in scope.sentence.companies:
        at = mention.start - scope.sentence.start
        if start <= at < end and (not mention.is_broker or mention.name == scope.primary):
            return mention.name
    return scope.primary


def firm_near(scope: Scope, position: int) -> str | None:
    """The rating firm a statement at ``position`` belongs to: the nearest firm named
    in the sentence (before it, else after), else the one named in earlier sentences."""
    firms = brokers_in(scope)
    before = [name for at, name in firms if at <= position]
    if before:
        return before[-1]
    if firms:
        return firms[0][1]
    return scope.earlier_firm

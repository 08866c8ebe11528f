"""The company an article is mainly about.

Three signs, added up per company: named first in the title, named next to an ISIN
(or owning it in the vocabulary), and how often the body names it; a name shaped like
an investment or research house ("... Capital Partners") counts half. References ("the
company") count for nobody, and a broker counts only where it is the subject of the
news ("Morgan Stanley stock fell"), not where it issues a rating on someone else
(``company_issuers``: "Kingsgate upgrades Brightwell", known broker or not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from briefing.extract.companies import CompanyMention, find_companies
from briefing.extract.company_issuers import is_issuer, is_issuer_name
from briefing.extract.company_names import ISIN_INDEX

_ISIN: Final = re.compile(r"\b[A-Z]{2}[A-Z0-9]{9}\d\b")
TITLE_WEIGHT: Final = 3.0
ISIN_WEIGHT: Final = 3.0
FIRST_MENTION_WEIGHT: Final = 0.5
# News is about operating companies: a name shaped like an investment or research house
# ("Harbourline Capital Partners" taking a company private) counts half as a subject.
HOUSE_FACTOR: Final = 0.5


def _counted(body: str, mentions: Sequence[CompanyMention]) -> list[CompanyMention]:
    """Mentions that name a subject: no references, no rating issuers."""
    return [
        m
        for m in mentions
        if not (m.is_reference or m.is_index) and m.name and not is_issuer(body, m)
    ]


def _isin_companies(
    body: str, mentions: Sequence[CompanyMention], isins: Sequence[str]
) -> set[str]:
    """Companies an ISIN points at: through the vocabulary, else the name right next to
    it in the article's header."""
    names = {ISIN_INDEX[isin] for isin in isins if isin in ISIN_INDEX}
    for match in _ISIN.finditer(body, 0, min(len(body), 600)):
        if match.group() in ISIN_INDEX:
            names.add(ISIN_INDEX[match.group()])
            continue
        for mention in mentions:
            near = 0 <= match.start() - mention.end <= 3 or 0 <= mention.start - match.end() <= 3
            if near and not mention.is_reference and mention.name:
                names.add(mention.name)
    return names


def primary_company(
    title: str | None,
    body: str,
    mentions: Sequence[CompanyMention],
    isins: Sequence[str],
) -> str | None:
    """The canonical name of the company the article is mainly about, or None.

    ``mentions`` are ``find_companies(body)``; ``isins`` those read from the header.

    >>> body = ("Morgan Stanley downgraded Acme Widgets Ltd on Friday. Acme shares fell "
    ...         "while Morgan Stanley said Zorbal Corp. was cheaper.")
    >>> primary_company("Acme cut to Equal Weight", body, find_companies(body), [])
    'Acme Widgets'
    """
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    counted = _counted(body, mentions)
    for mention in counted:
        scores[mention.name] = scores.get(mention.name, 0.0) + 1.0
        first_seen.setdefault(mention.name, mention.start)
    if counted:
        scores[counted[0].name] += FIRST_MENTION_WEIGHT
    if title:
        name = _first_in_title(title, counted)
        # A headline company the article never names again is page furniture (a
        # related-article link), not its subject.
        title_at = body.find(title, 0, 400)
        title_end = title_at + len(title) if title_at >= 0 else -1
        if name is not None and any(m.name == name and m.start >= title_end for m in counted):
            scores[name] = scores.get(name, 0.0) + TITLE_WEIGHT
            first_seen.setdefault(name, -1)
    for name in _isin_companies(body, mentions, isins):
        name = _same_company(name, scores)
        scores[name] = scores.get(name, 0.0) + ISIN_WEIGHT
        first_seen.setdefault(name, -1)
    if not scores:
        # the body only says "the company": the title names it, if anything does
        return _first_in_title(title, counted) if title else None
    for name in scores:
        if is_issuer_name(name):
            scores[name] *= HOUSE_FACTOR
    return max(scores, key=lambda name: (scores[name], -first_seen.get(name, len(body))))


def _first_in_title(title: str, counted: Sequence[CompanyMention]) -> str | None:
    """The company named first in the title: a name the body uses, found as written
    (title case hides where names end), else what the title shows by itself."""
    best: tuple[int, str] | None = None
    for mention in counted:
        at = title.find(mention.text)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, mention.name)
    if best is not None:
        return best[1]
    in_title = _counted(title, find_companies(title))
    return in_title[0].name if in_title else None


def _same_company(name: str, scores: dict[str, float]) -> str:
    """A title's short form ("Reliance") as the body's fuller name for that company."""
    if name in scores:
        return name
    lowered = name.lower()
    for known in scores:
        if known.lower().startswith(lowered) or lowered.startswith(known.lower()):
            return known
    return name

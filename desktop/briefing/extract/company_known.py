"""Known names among a run of capitalised words, and the entry a found name stands for:
the lookups in the bundled alias table that company recognition makes per phrase."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from briefing.extract.company_names import (
    ALIAS_FIRST_WORDS,
    ALIAS_INDEX,
    BARE_TICKERS,
    KnownName,
    canonical_and_display_name,
    ticker_company,
)
from briefing.extract.company_runs import Word
from briefing.extract.vocab.companies import SUBSIDIARY_PARENTS

# Endings a broker or company may carry beyond its known name ("Berenberg Bank").
GENERIC_ENDINGS: Final = frozenset(
    {"Bank", "Securities", "Capital", "Markets", "Research", "Group", "Holdings",
     "Financial", "Equities", "Partners", "International", "Global", "Investment"}
)  # fmt: skip
LONGEST_NAME: Final = 8  # words; longer than any alias, as long as names found in text get
CONNECTOR_WORDS: Final = frozenset({"and", "&", "of", "de", "du", "des", "la", "le", "von", "van"})


def match_known(
    words: list[Word],
    found: dict[str, KnownName],
    firsts: set[str],
    across_connectors: bool = False,
) -> Iterator[tuple[int, int, KnownName]]:
    """Longest known names among ``words``, left to right: (first, end, entry). With
    ``across_connectors`` only names with a connector inside ("Bank of America")."""
    lowered = [w.lower() for w, _, _ in words]
    i, count = 0, len(lowered)
    while i < count:
        head = lowered[i]
        if head not in ALIAS_FIRST_WORDS and head not in firsts:
            if words[i][0] in BARE_TICKERS and not across_connectors:
                yield i, i + 1, KnownName(ticker_company(words[i][0]) or words[i][0], False)
            i += 1
            continue
        for j in range(min(count, i + LONGEST_NAME), i, -1):
            if across_connectors and (j - i < 3 or not has_connector(words, i, j)):
                continue
            key = " ".join(lowered[i:j])
            entry = found.get(key) or ALIAS_INDEX.get(key)
            if entry is None and j == i + 1 and words[i][0] in BARE_TICKERS:
                entry = KnownName(ticker_company(words[i][0]) or words[i][0], False)
            if entry is not None:
                yield i, j, entry
                i = j - 1
                break
        i += 1


def has_connector(words: list[Word], first: int, end: int) -> bool:
    return any(w.lower() in CONNECTOR_WORDS for w, _, _ in words[first + 1 : end - 1])


def entry_for(surface: str) -> tuple[KnownName, str | None]:
    """The canonical name and broker flag of a company found by its shape or slot; a
    known name with a generic ending added ("Berenberg Bank") is that known name. Also
    ``display_name(surface)`` when it was worked out on the way (else None), which the
    short forms of the name start from."""
    name, shown = canonical_and_display_name(surface)
    name = SUBSIDIARY_PARENTS.get(name, name)
    known = ALIAS_INDEX.get(name.lower())
    words = name.split()
    while known is None and len(words) > 1 and words[-1] in GENERIC_ENDINGS:
        words = words[:-1]
        known = ALIAS_INDEX.get(" ".join(words).lower())
    if known is not None:
        return known, shown
    return KnownName(name, False), shown

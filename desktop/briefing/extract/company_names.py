"""Company names: the vocabulary index and the canonical short form of a name.

A canonical name is what a reader calls the company: legal forms dropped ("Reliance
Industries Ltd" -> "Reliance Industries"), names in capitals written normally
("GIANT BIOGENE" -> "Giant Biogene"), and known aliases mapped to one name
("Alibaba Group Holding Ltd" -> "Alibaba", "Citibank" -> "Citigroup").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, NamedTuple

from briefing.extract.vocab.brokers import BROKER_ALIASES
from briefing.extract.vocab.companies import AMBIGUOUS_TICKERS, COMPANIES, MARKET_INDICES
from briefing.extract.vocab.corporate import LEGAL_SUFFIXES, LEGAL_SUFFIXES_UPPER


class KnownName(NamedTuple):
    """What a vocabulary key stands for."""

    name: str
    is_broker: bool
    is_index: bool = False


_CONNECTORS: Final = frozenset({"and", "&", "of", "de", "du", "des", "la", "le", "von", "van"})
_SPACES = re.compile(r"[\s\u00a0]+")
_ADR_NOTE = re.compile(r"\s*\((?:ADR|ADS|H|A|B|publ)\)\s*$")
_EDGE_PUNCTUATION = " \t\r\n\u00a0,;:!?\"'“”‘’"


def _is_legal_suffix(word: str) -> bool:
    return word in LEGAL_SUFFIXES or word in LEGAL_SUFFIXES_UPPER


def strip_legal_suffixes(words: list[str]) -> list[str]:
    """Words of a name without trailing legal forms and dangling connectors.

    >>> strip_legal_suffixes("Shapoorji Pallonji and Co. Pvt. Ltd".split())
    ['Shapoorji', 'Pallonji']
    >>> strip_legal_suffixes(["Group"])
    ['Group']
    """
    end = len(words)
    while end > 1 and (
        _is_legal_suffix(words[end - 1].rstrip(","))
        or words[end - 1] in _CONNECTORS
        or words[end - 1] == "(ADR)"
    ):
        end -= 1
    while end > 1 and words[end - 1] in _CONNECTORS:
        end -= 1
    start = 1 if end > 1 and words[0] in ("The", "THE") else 0
    return [w.rstrip(",") for w in words[start:end]]


def _normal_case(word: str) -> str:
    """A word written in capitals, as a name is normally written ("GIANT" -> "Giant")."""
    if len(word) > 3 and word.isupper() and word.isalpha():
        return word.capitalize()
    return word


def display_name(surface: str) -> str:
    """The canonical form of a name found in text, before any alias mapping.

    >>> display_name("TOYOTA MOTOR CORPORATION")
    'Toyota Motor'
    >>> display_name("Sterling and Wilson Solar Ltd")
    'Sterling and Wilson Solar'
    >>> display_name("Toyota Motor Corp (ADR)")
    'Toyota Motor'
    """
    text = _ADR_NOTE.sub("", surface.strip(_EDGE_PUNCTUATION)).strip(_EDGE_PUNCTUATION)
    words = [w for w in _SPACES.split(text) if w.strip(_EDGE_PUNCTUATION)]
    words = [w for w in strip_legal_suffixes(words) if w] if words else []
    if len(words) > 1 and all(not w.isalpha() or w.isupper() for w in words):
        words = [_normal_case(w) for w in words]
    # a dropped trailing connector may leave punctuation at the new end ("0’ &")
    return " ".join(words).strip(_EDGE_PUNCTUATION)


def _keys(alias: str) -> Iterable[str]:
    """The lookup keys of one alias: as written and without its legal form."""
    yield alias.lower()
    stripped = strip_legal_suffixes(alias.split())
    if stripped and len(" ".join(stripped)) > 2:
        yield " ".join(stripped).lower()


def _build_alias_index() -> Mapping[str, KnownName]:
    index: dict[str, KnownName] = {}
    for canonical, aliases, _tickers, _isins in COMPANIES:
        for alias in (canonical, *aliases):
            for key in _keys(alias):
                index.setdefault(key, KnownName(canonical, False))
    # Brokers win over a company of the same name: a bank named in a note is a broker.
    for canonical, aliases in BROKER_ALIASES.items():
        for alias in (canonical, *aliases):
            for key in _keys(alias):
                index[key] = KnownName(canonical, True)
    for canonical, aliases in MARKET_INDICES.items():
        for alias in (canonical, *aliases):
            index[alias.lower()] = KnownName(canonical, False, True)
    return MappingProxyType(index)


def _build_ticker_index() -> Mapping[str, str]:
    index: dict[str, str] = {}
    for canonical, _aliases, tickers, _isins in COMPANIES:
        for ticker in tickers:
            index.setdefault(ticker.upper().lstrip("0") or ticker, canonical)
    return MappingProxyType(index)


ALIAS_INDEX: Final = _build_alias_index()
# First words of index names that take a number after them ("FTSE 100", "S&P 500").
INDEX_HEADS: Final = frozenset(
    name.split()[0]
    for name, aliases in MARKET_INDICES.items()
    for name in (name, *aliases)
    if name.split()[-1].isdigit()
)
ALIAS_FIRST_WORDS: Final = frozenset(key.split(" ", 1)[0] for key in ALIAS_INDEX)
TICKER_INDEX: Final = _build_ticker_index()
ISIN_INDEX: Final[Mapping[str, str]] = MappingProxyType(
    {isin: canonical for canonical, _a, _t, isins in COMPANIES for isin in isins}
)
# Tickers recognised on their own in text, without an exchange or "$" in front.
BARE_TICKERS: Final = frozenset(
    t for t in TICKER_INDEX if len(t) >= 4 and t.isalpha() and t not in AMBIGUOUS_TICKERS
)


def ticker_company(ticker: str) -> str | None:
    """The company a ticker belongs to, when it is a known one.

    >>> ticker_company("02367") is None, ticker_company("9988.HK"), ticker_company("NYSE:TM")
    (True, 'Alibaba', 'Toyota')
    """
    code = ticker.rsplit(":", 1)[-1].strip().upper()
    if "." in code:
        code = code.split(".", 1)[0]
    return TICKER_INDEX.get(code.lstrip("0") or code)


def known_name(surface: str) -> KnownName | None:
    """The vocabulary entry a surface form names, if any (case-insensitive)."""
    key = " ".join(surface.split()).lower()
    found = ALIAS_INDEX.get(key)
    if found is None:
        stripped = strip_legal_suffixes(surface.split())
        found = ALIAS_INDEX.get(" ".join(stripped).lower())
    return found


def canonical_company_name(name: str) -> str:
    """The short common name of a company, through the vocabulary when it is known.

    >>> canonical_company_name("Alibaba Group Holding Ltd")
    'Alibaba'
    >>> canonical_company_name("Reliance Industries Ltd")
    'Reliance Industries'
    >>> canonical_company_name("GIANT BIOGENE")
    'Giant Biogene'
    >>> canonical_company_name("Citibank")
    'Citigroup'
    >>> canonical_company_name("Sterling and Wilson Solar Ltd")
    'Sterling and Wilson Solar'
    """
    return canonical_and_display_name(name)[0]


def canonical_and_display_name(name: str) -> tuple[str, str | None]:
    """``canonical_company_name(name)`` and, when it was worked out on the way,
    ``display_name(name)`` (None for a name the vocabulary knows as written)."""
    found = known_name(name)
    if found is not None:
        return found.name, None
    shown = display_name(name)
    if shown.split() == name.split():
        return shown, shown  # the same words the vocabulary was just asked about
    found = known_name(shown)
    return (found.name if found is not None else shown), shown


def is_broker_name(name: str) -> bool:
    """Whether a name is a broker or research house of the vocabulary.

    >>> is_broker_name("Morgan Stanley"), is_broker_name("Toyota Motor Corp")
    (True, False)
    """
    found = known_name(name)
    return found is not None and found.is_broker


def initials(words: Iterable[str]) -> str:
    """Initial letters of the capitalised words of a name, the usual way an abbreviation
    of it is formed.

    >>> initials("China Pacific Insurance Co".split())
    'CPIC'
    """
    return "".join(w[0] for w in words if w[:1].isupper())

"""One company under many names, one segment under many names.

A ``CompanyResolver`` maps any way of writing a company (name with or without legal form,
ticker with or without exchange, ISIN) to one **company id**: the short canonical name of
the bundled table ``resources/companies/companies.csv`` (built into the engine as
``extract/vocab/company_table.py``; "Alibaba" for "Alibaba Group Holding
Ltd", "BABA", "9988.HK", "HKG:9988" and "US01609W1027"), the same name the extraction
already prints. A company the table does not know keeps the shortest way the articles
write it, legal form dropped ("Kestrel Semiconductor Inc." -> "Kestrel Semiconductor").

Three sources, strongest first: the user's aliases (alias -> company, they always win),
the bundled table, then what the articles state (an ISIN or "X (NYSE: Y)" beside a name).

Segments: ``segment_id(company_id, segment)`` is the segment's normalised key within its
company ("Cloud Intelligence Group", "cloud computing division", "Alibaba Cloud" ->
"cloud"); rows of one segment share the pair (company_id, segment_id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import pandas as pd

from briefing.domain.exchange_codes import COUNTRY_CODES, EXCHANGE_PREFIXES, TICKER_SUFFIXES
from briefing.domain.model import ArticleResult
from briefing.extract.vocab.companies import COMPANIES
from briefing.extract.vocab.corporate import LEGAL_SUFFIXES
from briefing.store.rows import StoredExtraction

# --- data: segment synonyms and the words that never tell segments apart -------------
# Normalised segment name -> the key it shares with its synonyms.
SEGMENT_SYNONYMS: Final[Mapping[str, str]] = {
    "cloud intelligence": "cloud",
    "cloud computing": "cloud",
    "cloud services": "cloud",
    "cloud service": "cloud",
    "web services": "cloud",
    "aws": "cloud",
    "amazon web services": "cloud",
    "core commerce": "commerce",
    "e commerce": "commerce",
    "ecommerce": "commerce",
    "online commerce": "commerce",
    "taobao and tmall": "commerce",
    "data centre": "data center",
    "datacenter": "data center",
    "datacentre": "data center",
    "automotive": "auto",
    "autos": "auto",
}
# Nouns that only say "this is a segment" and the possessive left by "Alibaba's cloud".
SEGMENT_FILLER_WORDS: Final = frozenset(
    {"group", "division", "segment", "unit", "business", "businesses", "arm", "the", "its", "s"}
)
# ---------------------------------------------------------------------------------------

_LEGAL_WORDS: Final = frozenset(
    _word for suffix in LEGAL_SUFFIXES for _word in [re.sub(r"[.']", "", suffix).casefold()]
) | {"the"}
_JOINED = re.compile(r"[.'’]")
_SEPARATORS = re.compile(r"[^\w&]+")
_ISIN = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$")
_PREFIXED = re.compile(r"^\s*(?P<exchange>[A-Za-z]+)\s*:\s*(?P<symbol>[A-Za-z0-9.\- ]+?)\s*$")
_BLOOMBERG = re.compile(r"^\s*(?P<symbol>[A-Za-z0-9]+)\s*:\s*(?P<country>[A-Z]{2})\s*$")
_SUFFIXED = re.compile(r"^\s*(?P<symbol>[A-Za-z0-9]+)\.(?P<suffix>[A-Z]{1,2})\s*$")
_BARE_TICKER = re.compile(r"^[A-Z0-9][A-Z0-9.]{0,9}$")
_NAME_BEFORE = re.compile(r"([A-Z][\w&.'’\-]*(?:\s+[\w&.'’\-]+){0,7})\s*$")


def name_key(name: str) -> str:
    """A company name reduced to what tells companies apart: case, punctuation, the
    legal form and a leading "The" dropped.

    >>> name_key("Alibaba Group Holding Ltd.")
    'alibaba'
    >>> name_key("The Coca-Cola Company")
    'coca cola'
    >>> name_key("Sea Ltd")
    'sea'
    """
    words = _SEPARATORS.sub(" ", _JOINED.sub("", name.casefold())).split()
    while words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in _LEGAL_WORDS:
        words.pop()
    return " ".join(words)


def display_name(name: str) -> str:
    """A name as shown for a company the table does not know: legal form dropped.

    >>> display_name("Kestrel Semiconductor Inc.")
    'Kestrel Semiconductor'
    """
    words = name.split()
    while len(words) > 1 and _JOINED.sub("", words[-1]).rstrip(",").casefold() in _LEGAL_WORDS:
        words.pop()
    return " ".join(words).rstrip(",")


def ticker_symbol(ticker: str) -> str | None:
    """The bare symbol of a ticker written with an exchange, or None when ``ticker`` is
    not written that way. Numeric Asian codes lose their leading zeros.

    >>> [ticker_symbol(t) for t in ("HKG:9988", "9988.HK", "NYSE: BABA", "4202:JP", "Alibaba")]
    ['9988', '9988', 'BABA', '4202', None]
    >>> ticker_symbol("HKG:09988")
    '9988'
    """
    prefixed = _PREFIXED.match(ticker)
    if prefixed and prefixed["exchange"].upper() in EXCHANGE_PREFIXES:
        return _bare(prefixed["symbol"])
    coded = _BLOOMBERG.match(ticker)
    if coded and coded["country"] in COUNTRY_CODES:
        return _bare(coded["symbol"])
    suffixed = _SUFFIXED.match(ticker)
    if suffixed and suffixed["suffix"] in TICKER_SUFFIXES:
        return _bare(suffixed["symbol"])
    return None


def _bare(symbol: str) -> str:
    symbol = symbol.strip().upper()
    return symbol.lstrip("0") or symbol if symbol.isdigit() else symbol


class CompanyResolver:
    """Company names, tickers and ISINs -> company id (see the module's docstring)."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self._names: dict[str, str] = {}
        self._tickers: dict[str, str] = {}
        self._isins: dict[str, str] = {}
        for canonical, names, tickers, isins in COMPANIES:
            for name in (canonical, *names):
                self._names.setdefault(name_key(name), canonical)
            for ticker in tickers:
                self._tickers.setdefault(_bare(ticker), canonical)
            for isin in isins:
                self._isins.setdefault(isin, canonical)
        # The user's aliases are looked up before anything else; their targets are
        # resolved through the table so "Ali" -> "Alibaba Group Holding" gives "Alibaba".
        self._user: dict[str, str] = {}
        for alias, company in (aliases or {}).items():
            self._user[self._alias_key(alias)] = self._resolve_known(company) or display_name(
                company
            )

    @classmethod
    def from_results(
        cls, results: Sequence[ArticleResult], aliases: Mapping[str, str] | None = None
    ) -> CompanyResolver:
        """A resolver that also knows the companies the articles name and the tickers and
        ISINs they state beside them."""
        resolver = cls(aliases)
        # A set first: a library repeats the same few companies in every article.
        resolver.learn_names(
            {
                name
                for result in results
                for name in (result.extraction.primary_company, *result.extraction.companies)
                if name
            }
        )
        for result in results:
            resolver.learn_identifiers(result)
        return resolver

    def learn_names(self, names: Iterable[str]) -> None:
        """Companies the table does not know get the shortest way they are written."""
        spellings: dict[str, list[str]] = {}
        for name in names:
            key = name_key(name)
            if key and key not in self._names:
                spellings.setdefault(key, []).append(display_name(name))
        # The shortest spelling, then the first in sort order: the same id whatever the
        # order of the articles.
        for key, written in spellings.items():
            self._names[key] = min(written, key=lambda n: (len(n), n))

    @classmethod
    def from_stored(
        cls, stored: Sequence[StoredExtraction], aliases: Mapping[str, str] | None = None
    ) -> CompanyResolver:
        """``from_results`` for articles read from the library as ``StoredExtraction``s
        (decoded contract JSON): the same resolver without rebuilding dataclasses."""
        resolver = cls(aliases)
        resolver.learn_names(
            {
                name
                for item in stored
                for name in (
                    item.contract.get("primary_company"),
                    *(item.contract.get("companies") or ()),
                )
                if name
            }
        )
        for item in stored:
            resolver.learn_stated_identifiers(
                item.tickers,
                tuple(item.contract.get("isins") or ()),
                item.contract.get("primary_company"),
                item.body,
            )
        return resolver

    def learn_identifiers(self, result: ArticleResult) -> None:
        """Tickers written "Name (EXCHANGE: SYMBOL)" go to that name; an ISIN, or the only
        ticker of an article, goes to its primary company. The table is never overridden."""
        document = result.document
        self.learn_stated_identifiers(
            document.tickers, document.isins, result.extraction.primary_company, document.body
        )

    def learn_stated_identifiers(
        self, tickers: Sequence[str], isins: Sequence[str], primary: str | None, body: str
    ) -> None:
        """``learn_identifiers`` from an article's parts (see there)."""
        unplaced: list[str] = []
        for ticker in tickers:
            symbol = ticker_symbol(ticker)
            if symbol is None or symbol in self._tickers:
                continue
            owner = self._name_before(body, symbol)
            if owner:
                self._tickers[symbol] = owner
            else:
                unplaced.append(symbol)
        if primary and len(tickers) == 1 and unplaced:
            self._tickers[unplaced[0]] = self.resolve(primary)
        if primary and len(isins) == 1 and isins[0] not in self._isins:
            self._isins[isins[0]] = self.resolve(primary)

    def _name_before(self, body: str, symbol: str) -> str | None:
        for match in re.finditer(rf"\b{re.escape(symbol)}\b", body):
            opening = body.rfind("(", max(0, match.start() - 30), match.start())
            if opening < 0:
                continue
            before = _NAME_BEFORE.search(body[max(0, opening - 120) : opening])
            if not before:
                continue
            words = before.group(1).split()
            for first in range(len(words)):  # the longest run of words that is a known name
                owner = self._names.get(name_key(" ".join(words[first:])))
                if owner:
                    return owner
        return None

    def _alias_key(self, alias: str) -> str:
        symbol = ticker_symbol(alias)
        return f"ticker:{symbol}" if symbol else name_key(alias)

    def _resolve_known(self, name: str) -> str | None:
        text = name.strip()
        if _ISIN.match(text) and text in self._isins:
            return self._isins[text]
        symbol = ticker_symbol(text)
        if symbol is not None:
            return self._tickers.get(symbol)
        known = self._names.get(name_key(text))
        if known is None and _BARE_TICKER.match(text):
            known = self._tickers.get(_bare(text))
        return known

    def resolve(self, name: str) -> str:
        """The company id of ``name`` (a name, a ticker or an ISIN)."""
        user = self._user.get(self._alias_key(name))
        if user is None and ticker_symbol(name) is None and _BARE_TICKER.match(name.strip()):
            user = self._user.get(f"ticker:{_bare(name)}")
        return user or self._resolve_known(name) or display_name(name.strip())

    def resolve_optional(self, name: str | None) -> str | None:
        return self.resolve(name) if name else None

    def segment_id(self, company_id: str | None, segment: str | None) -> str | None:
        """The key shared by the names of one segment of a company.

        The company's own name and words like "group", "division", "segment" are dropped,
        then the synonym table merges what remains ("cloud computing" -> "cloud").
        """
        if not segment:
            return None
        own = set(name_key(company_id).split()) if company_id else set()
        words = _SEPARATORS.sub(" ", _JOINED.sub(" ", segment.casefold())).split()
        kept = [w for w in words if w not in SEGMENT_FILLER_WORDS and w not in own]
        key = " ".join(kept) or " ".join(words)
        return SEGMENT_SYNONYMS.get(key, key)


def deals_by_role(deals: pd.DataFrame, company_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The deals where the company is the buyer, and those where it is the counterparty."""
    as_buyer = deals[deals["buyer_id"] == company_id].reset_index(drop=True)
    as_counterparty = deals[deals["counterparty_id"] == company_id].reset_index(drop=True)
    return as_buyer, as_counterparty

"""Security identifiers stated in the text: ISINs (check-digit validated) and exchange tickers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from briefing.domain.exchange_codes import COUNTRY_CODES, EXCHANGE_PREFIXES, TICKER_SUFFIXES

# Patterns open with a character class or a literal so the regex engine can skip ahead
# quickly (a lookbehind in front would make it try every position); the boundaries are
# checked after a candidate is found.
_ISIN: Final = re.compile(r"[A-Z][A-Z][A-Z0-9]{9}[0-9]")
# Tickers are found from their punctuation, which is rare: the colon of "NYSE: BABA",
# "(4202:JP)" and the dot of "9988.HK"; the part before it is then read backwards.
_AFTER_COLON: Final = re.compile(
    r":[ \t]?(?P<symbol>[A-Z0-9]{1,6}(?:[.\-][A-Z0-9]{1,2})?)(?![\w\-])"
)
_EXCHANGE_BEFORE: Final = re.compile(r"(?<![\w.])(?P<exchange>[A-Za-z]{2,12})[ \t]?\Z")
_CODE_BEFORE: Final = re.compile(r"\((?P<symbol>[A-Z0-9]{1,6})\Z")
_AFTER_DOT: Final = re.compile(r"\.(?P<suffix>[A-Z]{1,2})(?!\w)(?!\.[A-Za-z])")
_SYMBOL_BEFORE: Final = re.compile(r"(?<![\w.$])(?P<symbol>[0-9]{1,6}|[A-Z][A-Z0-9]{0,5}[a-z]?)\Z")
_LOOK_BACK: Final = 14


def isin_check_digit_ok(code: str) -> bool:
    """ISIN check: Luhn over the digits obtained by writing each letter as 10..35.

    >>> isin_check_digit_ok("US01609W1027"), isin_check_digit_ok("US01609W1028")
    (True, False)
    """
    digits = "".join(str(int(ch, 36)) for ch in code)
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def find_isins(text: str) -> tuple[str, ...]:
    """Valid ISINs in order of first mention, without repeats.

    >>> find_isins("Alibaba US01609W1027 ... @ site | US01609W1027 and DE0007236101, XX1234567890")
    ('US01609W1027', 'DE0007236101')
    """
    found: dict[str, None] = {}
    for match in _ISIN.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue
        code = match.group()
        if code not in found and isin_check_digit_ok(code):
            found[code] = None
    return tuple(found)


def _tickers_with_positions(text: str) -> Iterable[tuple[int, str]]:
    for match in _AFTER_COLON.finditer(text):
        colon, symbol = match.start(), match["symbol"]
        window = max(0, colon - _LOOK_BACK)
        named = _EXCHANGE_BEFORE.search(text, window, colon)
        exchange = EXCHANGE_PREFIXES.get(named["exchange"].upper()) if named else None
        if named and exchange:
            # A one-letter symbol is only trusted in brackets: "on NYSE: A decision" is prose.
            if len(symbol) > 1 or text[match.end() : match.end() + 1] in (")", "]"):
                yield named.start(), f"{exchange}:{symbol}"
            continue
        coded = _CODE_BEFORE.search(text, window, colon)
        # "(4202:JP)": a Bloomberg code and a country; "(NYSE:TM)" was handled above.
        if coded and symbol in COUNTRY_CODES and text[match.end() : match.end() + 1] == ")":
            yield coded.start(), f"{COUNTRY_CODES[symbol]}:{coded['symbol']}"
    for match in _AFTER_DOT.finditer(text):
        dot, suffix = match.start(), match["suffix"]
        exchange = TICKER_SUFFIXES.get(suffix)
        listed = _SYMBOL_BEFORE.search(text, max(0, dot - _LOOK_BACK), dot) if exchange else None
        # One-letter suffixes (".T", ".L") need a real symbol before them, not "U.S".
        if listed and (len(suffix) > 1 or len(listed["symbol"]) > 1):
            yield listed.start(), f"{exchange}:{listed['symbol']}"


def find_tickers(text: str) -> tuple[str, ...]:
    """Tickers stated in the text as ``EXCHANGE:SYMBOL``, in order of first mention.

    >>> find_tickers("Alibaba (NYSE: BABA, HKG:9988) and Toyota (NYSE:TM)")
    ('NYSE:BABA', 'HKG:9988', 'NYSE:TM')
    >>> find_tickers("Daicel (4202:JP) (OTC:DACHF); Siemens (SIEGn.DE); Alibaba 9988.HK.")
    ('TYO:4202', 'OTC:DACHF', 'ETR:SIEGn', 'HKG:9988')
    >>> find_tickers("Synaptics (Nasdaq: SYNA) and Discoverie (LON: DSCV ) in the U.S. market")
    ('NASDAQ:SYNA', 'LON:DSCV')
    """
    found: dict[str, None] = {}
    for _, ticker in sorted(_tickers_with_positions(text)):
        found.setdefault(ticker, None)
    return tuple(found)

"""Stock exchanges as written in tickers, and the currency their quotes are in."""

from __future__ import annotations

from typing import Final

EXCHANGE_CURRENCIES: Final[dict[str, str]] = {
    "NYSE": "USD",
    "NASDAQ": "USD",
    "AMEX": "USD",
    "OTC": "USD",
    "HKG": "HKD",
    "HKEX": "HKD",
    "HK": "HKD",
    "LON": "GBP",
    "LSE": "GBP",
    "TYO": "JPY",
    "JP": "JPY",
    "NSE": "INR",
    "BSE": "INR",
    "ETR": "EUR",
    "XETRA": "EUR",
    "EPA": "EUR",
    "AMS": "EUR",
    "CPH": "DKK",
    "STO": "SEK",
    "TSX": "CAD",
    "ASX": "AUD",
    "SHA": "CNY",
    "SHE": "CNY",
    "KRX": "KRW",
    "TPE": "TWD",
    "SIX": "CHF",
}

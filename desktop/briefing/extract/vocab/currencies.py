"""Currency surface forms and the ISO-4217 code each one stands for (data only).

Bare ``$`` and "dollar(s)" are USD and bare ``£`` / "pound(s)" GBP: the financial-news
convention the devset gold follows. ``¥`` is read as JPY, the usual reading in English news.
"""

from __future__ import annotations

from typing import Final

# ISO codes written in front of or behind an amount ("USD 53 billion", "CNY43.745 billion",
# "115USD"). Matched in upper case, and in lower case unless listed in CODES_UPPER_CASE_ONLY.
ISO_CODES: Final = (
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "RMB",
    "CNH",
    "HKD",
    "INR",
    "CAD",
    "AUD",
    "NZD",
    "CHF",
    "SGD",
    "KRW",
    "TWD",
    "SEK",
    "NOK",
    "DKK",
    "BRL",
    "ZAR",
    "RUB",
    "MXN",
    "TRY",
)

# Codes that are also ordinary lower-case English words.
CODES_UPPER_CASE_ONLY: Final = frozenset({"TRY", "RUB"})

# A code that is not the ISO code of its currency.
CODE_ALIASES: Final = {"RMB": "CNY", "CNH": "CNY"}

# Letters written glued to "$" ("HK$6", "US$1.2bn"); the key is lower case without dots.
DOLLAR_PREFIXES: Final = {
    "": "USD",
    "us": "USD",
    "usd": "USD",
    "hk": "HKD",
    "hkd": "HKD",
    "c": "CAD",
    "ca": "CAD",
    "can": "CAD",
    "cdn": "CAD",
    "cad": "CAD",
    "a": "AUD",
    "au": "AUD",
    "aud": "AUD",
    "nz": "NZD",
    "nzd": "NZD",
    "s": "SGD",
    "sgd": "SGD",
    "nt": "TWD",
    "r": "BRL",
    "mex": "MXN",
    "mxn": "MXN",
}

# "$"-prefixes that may stand one space away from the "$" ("HK $ 10.05 billion"); a bare
# "A $5 million deal" must stay USD, so one-letter prefixes other than C never take a space.
DOLLAR_PREFIXES_SPACED: Final = frozenset({"us", "u.s.", "hk", "c", "au", "nz", "nt"})

# Symbols other than "$", before or after the amount.
SYMBOLS: Final = {
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
}

# Abbreviations written in front of an amount only.
PREFIX_ABBREVIATIONS: Final = {"Rs": "INR", "Rs.": "INR", "RS": "INR", "rs": "INR"}

# Currency names written after an amount (matched case-insensitively): name -> code.
CURRENCY_NAMES: Final = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "hong kong dollar": "HKD",
    "hong kong dollars": "HKD",
    "hk dollars": "HKD",
    "canadian dollar": "CAD",
    "canadian dollars": "CAD",
    "australian dollar": "AUD",
    "australian dollars": "AUD",
    "new zealand dollar": "NZD",
    "new zealand dollars": "NZD",
    "singapore dollar": "SGD",
    "singapore dollars": "SGD",
    "new taiwan dollar": "TWD",
    "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD",
    "nt dollars": "TWD",
    "euro": "EUR",
    "euros": "EUR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "british pounds": "GBP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "indian rupees": "INR",
    "won": "KRW",
    "korean won": "KRW",
    "south korean won": "KRW",
    "swiss franc": "CHF",
    "swiss francs": "CHF",
    "danish kroner": "DKK",
    "danish crowns": "DKK",
    "swedish kronor": "SEK",
    "swedish crowns": "SEK",
    "norwegian kroner": "NOK",
    "norwegian crowns": "NOK",
    "turkish lira": "TRY",
    "mexican pesos": "MXN",
    "mexican peso": "MXN",
    "brazilian reais": "BRL",
    "reais": "BRL",
    "rand": "ZAR",
    "south african rand": "ZAR",
    "roubles": "RUB",
    "rubles": "RUB",
}

# "pound" in the singular is also a weight ("a twenty pound bag"): only "one pound" is money.
SINGULAR_POUND: Final = "pound"

# Minor units: name -> (code, factor to the major unit). "p" is only read glued ("600p").
MINOR_UNITS: Final = {
    "cent": ("USD", 0.01),
    "cents": ("USD", 0.01),
    "us cents": ("USD", 0.01),
    "euro cents": ("EUR", 0.01),
    "euro cent": ("EUR", 0.01),
    "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01),
    "paise": ("INR", 0.01),
    "¢": ("USD", 0.01),
}
GLUED_PENCE: Final = "p"

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
    "SAR",
    "AED",
    "QAR",
    "KWD",
    "EGP",
    "NGN",
    "KES",
    "IDR",
    "MYR",
    "PHP",
    "THB",
    "VND",
    "PLN",
    "CZK",
    "HUF",
    "ILS",
    "CLP",
    "COP",
    "ARS",
)

# Codes matched in upper case only: some are ordinary lower-case English words ("try",
# "cop"), and the rarer ones are not written in lower case in the news.
CODES_UPPER_CASE_ONLY: Final = frozenset(
    {
        "TRY", "RUB", "SAR", "AED", "QAR", "KWD", "EGP", "NGN", "KES", "IDR", "MYR", "PHP",
        "THB", "VND", "PLN", "CZK", "HUF", "ILS", "CLP", "COP", "ARS",
    }
)  # fmt: skip

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
    "₪": "ILS",
    "₦": "NGN",
    "฿": "THB",
    "₱": "PHP",
}

# Abbreviations written in front of an amount only, glued or after a blank ("SKr7bn").
PREFIX_ABBREVIATIONS: Final = {
    "Rs": "INR",
    "Rs.": "INR",
    "RS": "INR",
    "rs": "INR",
    "SFr": "CHF",
    "SFr.": "CHF",
    "Sfr": "CHF",
    "Sfr.": "CHF",
    "SwFr": "CHF",
    "SKr": "SEK",
    "Skr": "SEK",
    "NKr": "NOK",
    "Nkr": "NOK",
    "DKr": "DKK",
    "Dkr": "DKK",
    "SR": "SAR",
    "QR": "QAR",
    "Dh": "AED",
    "Dhs": "AED",
    "KSh": "KES",
    "Ksh": "KES",
    "Rp": "IDR",
    "Rp.": "IDR",
    "RM": "MYR",
}

# Prefixes (abbreviations and codes) that are also other things: a road ("SR 520"), a
# conference ("COP 28"), a language version ("PHP 8.1"). In front of these an amount counts
# as money only in a money form: with a scale, a thousands group or exactly two decimals.
PREFIXES_NEEDING_MONEY_FORM: Final = frozenset({"SR", "QR", "RM", "COP", "PHP"})

# The South African rand written as a bare "R" glued to the digits ("R12.46", "R98.2bn").
# "R" is also a letter of product names ("R2"), so it is money only in a money form (see
# above) or when one of the MONEY_CONTEXT_WORDS stands near it.
RAND_LETTER: Final = "R"
RAND_CODE: Final = "ZAR"

# Words near an amount that make a doubtful written form money: the rand's "R12", glued
# cents ("385c a share", but not "the iPhone 5c").
MONEY_CONTEXT_WORDS: Final = (
    "price",
    "priced",
    "prices",
    "buyback",
    "worth",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "earnings",
    "dividend",
    "target",
    "valued",
    "valuation",
    "offer",
    "bid",
    "deal",
    "cost",
    "costs",
    "loss",
    "debt",
    "cash",
    "share",
    "shares",
    "payout",
    "rand",
    "cents",
    "Johannesburg",
    "JSE",
)

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
    "danish krone": "DKK",
    "swedish krona": "SEK",
    "norwegian krone": "NOK",
    "riyal": "SAR",
    "riyals": "SAR",
    "saudi riyal": "SAR",
    "saudi riyals": "SAR",
    "qatari riyal": "QAR",
    "qatari riyals": "QAR",
    "dirham": "AED",
    "dirhams": "AED",
    "uae dirham": "AED",
    "uae dirhams": "AED",
    "emirati dirhams": "AED",
    "moroccan dirham": "MAD",
    "moroccan dirhams": "MAD",
    "kuwaiti dinar": "KWD",
    "kuwaiti dinars": "KWD",
    "egyptian pound": "EGP",
    "egyptian pounds": "EGP",
    "naira": "NGN",
    "kenyan shilling": "KES",
    "kenyan shillings": "KES",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "philippine peso": "PHP",
    "philippine pesos": "PHP",
    "chilean pesos": "CLP",
    "colombian pesos": "COP",
    "argentine pesos": "ARS",
    "baht": "THB",
    "zloty": "PLN",
    "zlotys": "PLN",
    "zlotych": "PLN",
    "koruna": "CZK",
    "korunas": "CZK",
    "czech crowns": "CZK",
    "czech korunas": "CZK",
    "forint": "HUF",
    "forints": "HUF",
    "lira": "TRY",
    "liras": "TRY",
    "shekel": "ILS",
    "shekels": "ILS",
    "new shekels": "ILS",
    "israeli shekels": "ILS",
}

# Names shared by several currencies ("crowns" may be Swedish, Danish, Norwegian or Czech):
# the amount is money, in a currency the article has to supply.
NAMES_OF_UNKNOWN_CURRENCY: Final = frozenset({"crowns", "kronor", "kroner"})

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
# "385c a share": cents, read only glued to the digits, like the minor unit "cents".
GLUED_CENTS: Final = "c"

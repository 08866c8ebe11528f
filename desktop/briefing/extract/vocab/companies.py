"""Well-known listed companies: canonical short name, aliases, tickers, ISINs (data only).

The companies themselves (``COMPANIES``) live in ``resources/companies/companies.csv``, the
one place to edit them; ``packaging/generate_company_table.py`` writes them into
``company_table.py`` (the engine reads no files and is compiled, so it reads a module) and
they are re-exported here. This module keeps the hand-written tables around them.

Each entry is ``(canonical, aliases, tickers, isins)``. The canonical name is the
short name people use ("Alibaba", "Toyota"); aliases are other names and spellings as
they appear in text; tickers are written without exchange ("BABA", "9988", "7203");
numeric Asian codes without leading zeros. Brokers live in ``brokers.py``; a bank that
is both lives there only.
"""

from __future__ import annotations

from typing import Final

from briefing.extract.vocab.company_table import COMPANIES

__all__ = [
    "AMBIGUOUS_TICKERS",
    "COMPANIES",
    "MARKET_INDICES",
    "SUBSIDIARY_PARENTS",
    "CompanyEntry",
]

CompanyEntry = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]

# Well-known subsidiaries and brands whose names stand for their parent in a company
# slot; they are kept as segments when followed by a metric.
SUBSIDIARY_PARENTS: Final[dict[str, str]] = {
    "Waymo": "Alphabet",
    "Instagram": "Meta",
    "WhatsApp": "Meta",
    "Ant Group": "Alibaba",
    "Taobao": "Alibaba",
    "Tmall": "Alibaba",
    "Douyin": "ByteDance",
    "TikTok": "ByteDance",
}

# Tickers that are also ordinary words in capitals: recognised only after an exchange
# code or "$", never on their own.
AMBIGUOUS_TICKERS: Final = frozenset(
    {
        "COST",
        "SHOP",
        "GRAB",
        "SPOT",
        "NOKIA",
        "WIPRO",
        "SONY",
        "META",
        "RELIANCE",
        "DABUR",
        "ERIC",
        "GLEN",
        "DELL",
        "ENEL",
        "HEIA",
        "NESN",
    }
)

# Stock market indices: named like companies in performance and valuation comparisons
# ("outperforming the Topix", "the S&P 500's P/E of 23"), marked apart from companies.
MARKET_INDICES: Final[dict[str, tuple[str, ...]]] = {
    "S&P 500": ("S&P500", "Standard & Poor's 500"),
    "Dow Jones Industrial Average": ("Dow Jones", "Dow Jones Industrials"),
    "Nasdaq Composite": ("Nasdaq Composite Index",),
    "Nasdaq 100": ("Nasdaq-100",),
    "Russell 2000": (),
    "FTSE 100": ("FTSE 100 Index",),
    "FTSE 250": ("FTSE 250 Index",),
    "FTSE All-Share": (),
    "DAX": ("DAX 40", "DAX Index"),
    "CAC 40": (),
    "STOXX Europe 600": ("Stoxx Europe 600", "STOXX 600", "Stoxx 600", "Euro Stoxx 600"),
    "Euro Stoxx 50": ("EURO STOXX 50", "Euro STOXX 50"),
    "AEX": ("AEX Index",),
    "IBEX 35": ("Ibex 35",),
    "FTSE MIB": (),
    "SMI": ("Swiss Market Index",),
    "OMX Stockholm 30": ("OMXS30",),
    "OMX Copenhagen 25": ("OMXC25", "C25"),
    "Nikkei 225": ("Nikkei", "Nikkei Stock Average"),
    "Topix": ("TOPIX", "Tokyo Stock Price Index"),
    "Hang Seng": ("Hang Seng Index", "HSI"),
    "Hang Seng Tech": ("Hang Seng Tech Index", "Hang Seng TECH Index"),
    "Shanghai Composite": ("SSE Composite", "Shanghai Composite Index", "SSE Composite Index"),
    "Shenzhen Component": ("Shenzhen Component Index",),
    "CSI 300": ("CSI300", "CSI 300 Index"),
    "KOSPI": ("Kospi",),
    "Taiex": ("TAIEX",),
    "Sensex": ("BSE Sensex", "S&P BSE Sensex", "SENSEX"),
    "Nifty 50": ("Nifty", "NSE Nifty", "Nifty50", "NIFTY 50"),
    "Nifty IT": ("NIFTY IT",),
    "Nifty Bank": ("Bank Nifty", "NIFTY Bank"),
    "S&P/ASX 200": ("ASX 200",),
    "S&P/TSX Composite": ("TSX Composite", "S&P/TSX"),
    "MSCI World": ("MSCI World Index",),
    "MSCI Emerging Markets": ("MSCI EM", "MSCI Emerging Markets Index"),
    "Straits Times Index": ("STI",),
    "Ibovespa": ("Bovespa", "Ibovespa index"),
    "S&P/BMV IPC": ("Mexican IPC",),
    "FTSE/JSE All Share": ("JSE All Share", "JSE All-Share"),
    "Jakarta Composite": ("Jakarta Composite Index",),
    "FTSE Bursa Malaysia KLCI": ("KLCI",),
    "NZX 50": (),
    "Tadawul All Share": ("TASI",),
    "Russell 1000": (),
    "PHLX Semiconductor": (
        "Philadelphia SE Semiconductor",
        "Philadelphia Semiconductor",
        "PHLX Semiconductor Index",
    ),
}

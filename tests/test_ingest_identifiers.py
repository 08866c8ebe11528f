"""ISINs (check-digit validated) and exchange tickers as they are written in news text."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.identifiers import find_isins, find_tickers, isin_check_digit_ok

ISINS = [
    ("seed-000", "Alibaba US01609W1027", ("US01609W1027",)),
    ("seed-000-footer", "@ boerse-global.de | US01609W1027 ALIBABA’S", ("US01609W1027",)),
    ("ours", "Vantor DE000VTR5416 and Kairo US92838R1059", ("DE000VTR5416", "US92838R1059")),
    ("ours-repeat", "DE000VTR5416 ... DE000VTR5416", ("DE000VTR5416",)),
    ("ours-bad-check-digit", "US01609W1028", ()),
    ("ours-inside-a-word", "XUS01609W1027", ()),
    ("ours-lowercase", "us01609w1027", ()),
]


@pytest.mark.parametrize(("text", "isins"), [c[1:] for c in ISINS], ids=[c[0] for c in ISINS])
def test_isins(text: str, isins: tuple[str, ...]) -> None:
    assert find_isins(text) == isins


_BODY = st.text(string.ascii_uppercase + string.digits, min_size=9, max_size=9)


@settings(deadline=None)
@given(st.sampled_from(["US", "DE", "GB", "JP", "HK", "KY"]), _BODY)
def test_exactly_one_check_digit_is_valid(country: str, body: str) -> None:
    valid = [d for d in string.digits if isin_check_digit_ok(country + body + d)]
    assert len(valid) == 1
    assert find_isins(f"ISIN {country}{body}{valid[0]}.") == (country + body + valid[0],)


TICKERS = [
    ("seed-style", "Alibaba (HKG:1768) and (NYSE: BABA)", ("HKG:1768", "NYSE:BABA")),
    ("devset-toyota", "Toyota Motor Corp (ADR) (NYSE:TM) was downgraded", ("NYSE:TM",)),
    ("devset-synaptics", "Synaptics Inc (Nasdaq: SYNA) are up", ("NASDAQ:SYNA",)),
    ("devset-discoverie", "Discoverie Group PLC (LON: DSCV ) climbed", ("LON:DSCV",)),
    ("devset-daicel", "Daicel Corporation (4202:JP) (OTC:DACHF)", ("TYO:4202", "OTC:DACHF")),
    ("devset-siemens", "Siemens (SIEGn.DE) reported", ("ETR:SIEGn",)),
    (
        "ours",
        "Alibaba (9988.HK) rose; Toyota 7203.T fell; Shell SHEL.L flat.",
        (
            "HKG:9988",
            "TYO:7203",
            "LON:SHEL",
        ),
    ),
    ("ours", "Berkshire (NYSE:BRK.B) and Vantor (XETRA: VTR)", ("NYSE:BRK.B", "ETR:VTR")),
    ("ours", "Roblox (RBLX.US) and (BABA:US)", ("US:RBLX", "US:BABA")),
    ("ours-prose", "listed on the NYSE: A decision is due", ()),
    ("ours-prose", "the U.S. and the U.K. economies, e.g. JD.com and Amazon.com", ()),
    ("ours-prose", "a 2.5L engine and version 3.5.T", ()),
    ("ours-lowercase-symbol", "NYSE: shares fell", ()),
]


@pytest.mark.parametrize(("text", "tickers"), [c[1:] for c in TICKERS], ids=[c[0] for c in TICKERS])
def test_tickers(text: str, tickers: tuple[str, ...]) -> None:
    assert find_tickers(text) == tickers


@settings(deadline=None)
@given(st.text(max_size=200))
def test_tickers_are_normalised(text: str) -> None:
    for ticker in find_tickers(text):
        exchange, _, symbol = ticker.partition(":")
        assert exchange.isupper() and symbol and " " not in ticker

"""Entities: companies, brokers, references, the primary company and segments.

The sentences are ours, written in the shapes investor news uses; the devset cases
read ``../shared/devset`` and skip when it is absent.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.entities import (
    CompanyMention,
    canonical_company_name,
    find_companies,
    find_segments,
    is_broker_name,
    primary_company,
)


def _names(text: str) -> list[str]:
    return [m.name for m in find_companies(text) if not m.is_reference]


# --- companies: (text, names expected in order, names that must not appear) ---------

COMPANY_CASES = [
    pytest.param(
        "Shares of Alibaba Group Holding Ltd rose after the results.",
        ["Alibaba"],
        [],
        id="ours-vocab-legal-form",
    ),
    pytest.param(
        "Toyota Motor Corp (ADR) (NYSE:TM) slipped while TM options traded heavily.",
        ["Toyota", "Toyota"],
        ["TM"],
        id="ours-vocab-adr-ticker",
    ),
    pytest.param(
        "Quorvant Robotics (NASDAQ: QRVT) rose 8% after QRVT beat estimates.",
        ["Quorvant Robotics", "Quorvant Robotics"],
        [],
        id="ours-ticker-exchange",
    ),
    pytest.param(
        "Hanlin Textile (601877) plans a rights issue, Hanlin said on Monday.",
        ["Hanlin Textile", "Hanlin Textile"],
        ["Monday"],
        id="ours-ticker-number",
    ),
    pytest.param(
        "Oberfeld Maschinen (OBFG.DE) cut its outlook.",
        ["Oberfeld Maschinen"],
        [],
        id="ours-ticker-dotted",
    ),
    pytest.param(
        "Citi reiterated its buy rating on ZENITH OPTICS (06789), lifting the target.",
        ["Citigroup", "Zenith Optics"],
        [],
        id="ours-all-caps-ticker",
    ),
    pytest.param(
        "Larch and Pine Timber Ltd agreed to sell a stake. Larch and Pine said the sale "
        "closes in May.",
        ["Larch and Pine Timber", "Larch and Pine Timber"],
        ["Larch", "Pine"],
        id="ours-connector-in-name",
    ),
    pytest.param(
        "Northern Copper Mining Co. raised output; NCMC expects prices to hold.",
        ["Northern Copper Mining", "Northern Copper Mining"],
        [],
        id="ours-initials",
    ),
    pytest.param(
        "Fenwick Holdings PLC reported a loss. Fenwick shares fell 4%.",
        ["Fenwick", "Fenwick"],
        [],
        id="ours-short-form",
    ),
    pytest.param(
        "The deal gives Velarion a stake in Brightwell Energy and access to chipmaker Quorvex.",
        ["Brightwell Energy", "Quorvex"],
        [],
        id="ours-cue-nouns",
    ),
    pytest.param(
        "Online grocer Pantrio faces rivals like Vantor, Kelso and Myrand.",
        ["Pantrio", "Vantor", "Kelso", "Myrand"],
        [],
        id="ours-list-after-like",
    ),
    pytest.param(
        "AI startup Lumora raised $40 million from investors.",
        ["Lumora"],
        ["AI"],
        id="ours-startup-cue",
    ),
    pytest.param(
        "Peloris and Standish announced a merger on Tuesday.",
        ["Peloris", "Standish"],
        ["Tuesday"],
        id="ours-x-and-y-announced",
    ),
    pytest.param(
        "Corvane's revenue climbed 12% while Corvane's shares rallied.",
        ["Corvane", "Corvane"],
        [],
        id="ours-possessive",
    ),
    pytest.param(
        "CEO Jane Porter said the Kestrel Mining Corp. plant in Ontario would reopen.",
        ["Kestrel Mining"],
        ["Jane Porter", "Porter", "Ontario"],
        id="ours-person-and-place",
    ),
    pytest.param(
        "Jefferies analyst Tom Reyes said Gravel Point Inc was cheap.",
        ["Jefferies", "Gravel Point"],
        ["Tom Reyes"],
        id="ours-analyst-person",
    ),
    pytest.param(
        "The stock trades on the Tokyo Stock Exchange ahead of its Capital Markets Day.",
        [],
        ["Tokyo Stock", "Capital Markets"],
        id="ours-venue-event",
    ),
    pytest.param(
        "Growth in Hong Kong and China slowed in March, the Ministry of Finance said.",
        [],
        ["Hong Kong", "China", "March", "Ministry of Finance"],
        id="ours-places-months",
    ),
    pytest.param(
        "Analysts at J.P. Morgan and Mitsubishi UFJ Morgan Stanley raised their targets.",
        ["JP Morgan", "Mitsubishi UFJ Morgan Stanley"],
        ["Morgan Stanley"],
        id="ours-brokers-longest-name",
    ),
    pytest.param(
        "Meanwhile, Holbrook Logistics will buy Tarn Freight Ltd for $90 million.",
        ["Holbrook Logistics", "Tarn Freight"],
        ["Meanwhile"],
        id="ours-acquirer-target",
    ),
    pytest.param(
        "Automaker Stellantis (NYSE:STLA) and battery maker Orvane unveiled a venture.",
        ["Stellantis", "Orvane"],
        ["Automaker"],
        id="ours-capitalised-cue",
    ),
    pytest.param(
        "The company's Digital Industries division and Smart Infrastructure grew.",
        [],
        ["Digital Industries", "Smart Infrastructure"],
        id="ours-units-not-companies",
    ),
    pytest.param(
        "Quarterly revenue at Hollis Retail Group rose; Hollis Retail said margins held.",
        ["Hollis Retail", "Hollis Retail"],
        [],
        id="ours-group-suffix",
    ),
    pytest.param(
        "Shares in Kotak Life Insurance and SBI Life Insurance were allotted.",
        ["Kotak Life Insurance", "SBI Life Insurance"],
        ["State Bank of India"],
        id="ours-descriptive-suffix-over-alias",
    ),
    pytest.param(
        "Marquee investors included Norrland Pension Fund Global, Fidelity Investment Trust "
        "and Aberdeen.",
        ["Norrland Pension Fund Global", "Fidelity Investment Trust", "Aberdeen"],
        [],
        id="devset-vijaya-shape-investor-list",
    ),
    pytest.param(
        "Discoverie Group PLC (LON: DSCV ) rose as analysts said discoverIE would grow.",
        ["Discoverie", "Discoverie"],
        [],
        id="devset-discoverie-camel-case",
    ),
    pytest.param(
        "Institutional Investors Weigh In On Marlow Utilities\nMarlow Utilities Inc. rose.",
        ["Marlow Utilities", "Marlow Utilities"],
        [],
        id="ours-title-case-headline",
    ),
    pytest.param(
        "Ningbo Hengli Materials Co., Ltd. will buy a Suzhou battery maker. Hengli said "
        "the price was fair.",
        ["Ningbo Hengli Materials", "Ningbo Hengli Materials"],
        ["Suzhou", "Ltd."],
        id="ours-chinese-company-form",
    ),
    pytest.param(
        "Ostby Electric said profit rose. Ostby Electric Industries Co. also cut costs.",
        ["Ostby Electric Industries", "Ostby Electric Industries"],
        ["Ostby Electric"],
        id="ours-variants-merged",
    ),
    pytest.param(
        "Berenberg Bank reissued a buy rating, and Tarrow Capital reaffirmed its view.",
        ["Berenberg", "Tarrow Capital"],
        [],
        id="ours-broker-with-ending",
    ),
    pytest.param(
        "The order book reached 5.6 GW, Solvey Power said.",
        ["Solvey Power"],
        ["GW"],
        id="ours-unit-before-comma",
    ),
    pytest.param(
        "Brenton Pictures signed a deal with Korean studio Hanseul Pictures.",
        ["Brenton Pictures", "Hanseul Pictures"],
        [],
        id="ours-studio-cue",
    ),
    pytest.param(
        "Demand fell 3% as buyers waited. Freight demand recovered later.",
        [],
        ["Demand"],
        id="ours-ordinary-word-opening",
    ),
    pytest.param(
        "Ostravia, the Czech lender, raised its dividend.",
        ["Ostravia"],
        [],
        id="ours-appositive",
    ),
]


@pytest.mark.parametrize(("text", "expected", "forbidden"), COMPANY_CASES)
def test_find_companies(text: str, expected: list[str], forbidden: list[str]) -> None:
    names = _names(text)
    assert names == expected
    for name in forbidden:
        assert name not in names


@pytest.mark.parametrize(
    ("text", "index"),
    [
        pytest.param("Shares beat the S&P 500.", "S&P 500", id="ours-sp500"),
        pytest.param("The Hang Seng Index fell 1%.", "Hang Seng", id="ours-hang-seng"),
        pytest.param("It outperformed the Topix by 5%.", "Topix", id="devset-mitsubishi-shape"),
        pytest.param("The STOXX Europe 600 rose.", "STOXX Europe 600", id="ours-stoxx"),
    ],
)  # fmt: skip
def test_market_indices_are_marked(text: str, index: str) -> None:
    mentions = find_companies(text)
    assert [(m.name, m.is_index) for m in mentions if not m.is_reference] == [(index, True)]


def test_indices_are_never_primary() -> None:
    body = "Harbin Rail Ltd rose 3%, beating the Nikkei 225. The Nikkei 225 and the Topix fell."
    assert primary_company(None, body, find_companies(body), []) == "Harbin Rail"


def test_mentions_are_exact_spans() -> None:
    text = "Veridian Foods Ltd (NYSE:VRF) said the company and Citibank agreed."
    for mention in find_companies(text):
        assert text[mention.start : mention.end] == mention.text


# --- brokers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "broker"),
    [
        pytest.param("Susquehanna upgraded the stock to positive.", "Susquehanna", id="ours"),
        pytest.param("Citibank cut its target to HK$50.", "Citigroup", id="ours-alias"),
        pytest.param("JPMorgan raised its target.", "JP Morgan", id="ours-jpm"),
        pytest.param("Analysts at Goldman Sachs turned bullish.", "Goldman Sachs", id="ours-gs"),
        pytest.param("RBC's updated price target of 600p.", "RBC", id="devset-discoverie"),
        pytest.param("Motilal Oswal Financial Services gave a buy rating.", "Motilal Oswal",
                     id="devset-infosys"),
    ],
)  # fmt: skip
def test_brokers_are_marked(text: str, broker: str) -> None:
    mentions = [m for m in find_companies(text) if not m.is_reference]
    assert [(m.name, m.is_broker) for m in mentions] == [(broker, True)]


def test_broker_name_lookup() -> None:
    assert is_broker_name("Morgan Stanley")
    assert is_broker_name("Rosenblatt Securities")
    assert not is_broker_name("Alibaba Group")


# --- references ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "references"),
    [
        pytest.param("The company said demand held up.", ["The company"], id="ours-plain"),
        pytest.param("Profit at the Swiss group rose.", ["the Swiss group"], id="ours-nationality"),
        pytest.param("The Pune-based IT firm hired staff.", ["The Pune-based IT firm"],
                     id="ours-based"),
        pytest.param("The FTSE 100 firm paid out more.", ["The FTSE 100 firm"], id="ours-index"),
        pytest.param("It hired the chipmaker's founder.", ["the chipmaker"], id="ours-possessive"),
        pytest.param("He joined the firm Larkspur Ltd in 2020.", [], id="ours-appositive"),
        pytest.param("The companies said the merger would close.", [], id="ours-plural"),
        pytest.param("The group of investors sold.", [], id="ours-group-of"),
        pytest.param("The investment bank cut its target.", [], id="ours-broker-not-subject"),
    ],
)  # fmt: skip
def test_references(text: str, references: list[str]) -> None:
    found = [m for m in find_companies(text) if m.is_reference]
    assert [m.text for m in found] == references
    assert all(m.name == "" for m in found)


# --- canonical names -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        pytest.param("Alibaba Group Holding Ltd", "Alibaba", id="seed-000"),
        pytest.param("Reliance Industries Ltd", "Reliance Industries", id="devset-reliance"),
        pytest.param("Sterling and Wilson Solar Ltd", "Sterling and Wilson Solar",
                     id="devset-reliance-target"),
        pytest.param("GIANT BIOGENE", "Giant Biogene", id="devset-giantbiogene"),
        pytest.param("TOYOTA MOTOR CORPORATION", "Toyota", id="devset-toyota"),
        pytest.param("Mitsubishi Corp.", "Mitsubishi", id="devset-mitsubishi"),
        pytest.param("Taiwan Semiconductor Manufacturing Co.", "TSMC", id="devset-tsmc"),
        pytest.param("Citibank", "Citigroup", id="devset-giantbiogene-broker"),
        pytest.param("Kestrel Mining Corporation", "Kestrel Mining", id="ours"),
        pytest.param("The Larkspur Company", "Larkspur", id="ours-the-company"),
        pytest.param("Harbour & Vane N.V.", "Harbour & Vane", id="ours-nv"),
    ],
)  # fmt: skip
def test_canonical_company_name(name: str, canonical: str) -> None:
    assert canonical_company_name(name) == canonical


# --- properties ----------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("AaBbCcMmSsTt .,'’()&-:\n0123")), max_size=120
) | st.lists(
    st.sampled_from(
        ["Acme", "Ltd", "Group", "the", "company", "and", "(NYSE:ACM)", "said", "firm",
         "Morgan", "Stanley", "CEO", "division", "revenue", "at", "IT", "segment", "'s", ","]
    ),
    max_size=30,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_mentions_are_spans_of_the_text(text: str) -> None:
    mentions: list[CompanyMention] = find_companies(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.is_reference or mention.name
    for segment in find_segments(text):
        assert text[segment.start : segment.end] == segment.text


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_canonical_name_is_stable(text: str) -> None:
    once = canonical_company_name(text)
    assert canonical_company_name(once) == once

"""Investments stated with a money verb and "into" ("put $250 million into X"), and the
instrument named after "through"/"via"/"in the form of" as the deal's type.

Ids: "fixture-meitu-stake" for the wording of our analysis fixture
(``tests/fixtures/analysis/conflict_alibaba_meitu_stake_2026_01_05.txt``, re-worded with other
companies), "ours" for further wordings of the same family. All sentences are our own.
"""

from __future__ import annotations

import pytest

from test_deals import Want, _deals

TITLE = "Kestrel Holdings news"

CASES = [
    pytest.param(
        "Kestrel Holdings has agreed to put $250 million into Lumio Inc, the Lisbon-based maker "
        "of drawing apps, through a convertible bond. The bond converts at HK$6 per share.",
        [
            Want(
                "convertible_bond",
                "Kestrel",
                "Lumio",
                250e6,
                "USD",
                terms={"conversion_price": 6.0},
            )
        ],
        id="fixture-meitu-stake-put-into-through-convertible",
    ),
    pytest.param(
        "Kestrel Holdings will pour EUR 40 million into Varda Robotics AB.",
        [Want("investment", "Kestrel", "Varda Robotics", 40e6, "EUR")],
        id="ours-pour-into",
    ),
    pytest.param(
        "Kestrel Holdings injected $1.2 billion into its struggling unit Orbel Telecom Ltd "
        "last year.",
        [Want("investment", "Kestrel", "Orbel Telecom", 1.2e9, "USD")],
        id="ours-inject-into-described-unit",
    ),
    pytest.param(
        "Kestrel Holdings is ploughing £75m into Brackley Foods Ltd via convertible notes.",
        [Want("convertible_bond", "Kestrel", "Brackley Foods", 75e6, "GBP")],
        id="ours-plough-into-via-notes",
    ),
    pytest.param(
        "Kestrel Holdings sank $90 million into Norvale Energy Inc in the form of convertible "
        "notes.",
        [Want("convertible_bond", "Kestrel", "Norvale Energy", 90e6, "USD")],
        id="ours-sank-into-in-the-form-of",
    ),
    pytest.param(
        "Kestrel Holdings said it would put Rs 500 crore into Sarvam Mills Ltd.",
        [Want("investment", "Kestrel", "Sarvam Mills", 5e9, "INR")],
        id="ours-put-crore-into",
    ),
    pytest.param(
        "Kestrel Holdings puts another $60m of fresh capital into Ostara Games Ltd.",
        [Want("investment", "Kestrel", "Ostara Games", 60e6, "USD")],
        id="ours-put-another-amount-of-capital-into",
    ),
    pytest.param(
        "Kestrel Holdings plans to invest $300 million into Tallis Biotech Inc.",
        [Want("investment", "Kestrel", "Tallis Biotech", 300e6, "USD")],
        id="ours-invest-into",
    ),
    pytest.param(
        "Kestrel Holdings invested $300 million in Tallis Biotech Inc through convertible bonds.",
        [Want("convertible_bond", "Kestrel", "Tallis Biotech", 300e6, "USD")],
        id="ours-invest-in-through-convertible",
    ),
]


@pytest.mark.parametrize(("text", "wanted"), CASES)
def test_into_deals(text: str, wanted: list[Want]) -> None:
    found = _deals(text, TITLE)
    for want in wanted:
        assert any(want.matches(deal) for deal in found), (want, found)
    assert len(found) == len(wanted), found


NO_DEAL = [
    pytest.param(
        "The slowdown put pressure into Kestrel Holdings' margins, it said, after $40 million "
        "of extra costs.",
        id="ours-put-pressure-into",
    ),
    pytest.param(
        "Analysts at Kestrel put the figure of $40 million into context against Varda Robotics "
        "AB's sales.",
        id="ours-put-the-figure-into-context",
    ),
    pytest.param(
        "Kestrel Holdings put the figure into context: Varda Robotics AB raised $40 million.",
        id="ours-put-into-context-no-amount",
    ),
    pytest.param(
        "Investors poured $2 billion into Varda Robotics AB shares last week.",
        id="ours-market-flows-into-shares",
    ),
    pytest.param(
        "Kestrel Holdings shares sank 5% into the close after a $40 million charge.",
        id="ours-shares-sank-into",
    ),
]


@pytest.mark.parametrize("text", NO_DEAL)
def test_into_no_deal(text: str) -> None:
    assert _deals(text, TITLE) == []


def test_instrument_of_an_issue_is_no_investment_type() -> None:
    # ours: an investment, then an issue of the subject's own: "through" names how it raises.
    found = _deals(
        "Kestrel Holdings invested $30 million in Tallis Biotech Inc last year; this week it "
        "raised $500 million through convertible bonds.",
        TITLE,
    )
    assert any(
        Want("investment", "Kestrel", "Tallis Biotech", 30e6, "USD").matches(d) for d in found
    )

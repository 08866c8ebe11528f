"""Round 4 of the deals extractor: phrasing families from other publishers and markets.

Each case is our own sentence of a family the fourth round of generalisation articles
(``tests/fixtures/generalisation/*/gd4_*``) showed broken: broker ratings that say "buy",
hyphenated share-repurchase authorisations, capex programmes a board approves, in-licensing
paid by an upfront payment, and a completed earlier buyback as large as the new one.
"""

from __future__ import annotations

import pytest

from test_deals import Want, _deals

# First run on these articles, before any round-4 rule: deals F1 0.623 (P 0.760, R 0.528).
CASES = [
    pytest.param(
        "Ferrant Tools results",
        "Ferrant Tools said its board approved a $3 billion share-repurchase authorization.",
        [Want("buyback", "Ferrant", None, 3e9, "USD")],
        id="ours-gd4-hyphenated-share-repurchase-authorization",
    ),
    pytest.param(
        "Ferrant Tools results",
        "Ferrant Tools plans to buy back another $2 billion of stock this year, on top of the "
        "$2 billion it repurchased in the third quarter.",
        [
            Want("buyback", "Ferrant", None, 2e9, "USD"),
            Want("buyback", "Ferrant", None, 2e9, "USD"),
        ],
        id="ours-gd4-completed-programme-of-the-same-size",
    ),
    pytest.param(
        "Vasundhara Steel",
        "Vasundhara Steel said its board approved a capex of ₹3,100 crore over the next "
        "four years.",
        [Want("capex_plan", "Vasundhara", None, 31e9, "INR")],
        id="ours-gd4-board-approved-capex-of",
    ),
    pytest.param(
        "Quorra Pharma licence",
        "Quorra Pharma Inc. has licensed exclusive rights to Belmont Bio's lead antibody, "
        "paying the biotech an upfront payment of $60 million and up to $900 million in "
        "milestones.",
        [Want("licensing", "Quorra", "Belmont", 60e6, "USD")],
        id="ours-gd4-in-licensing-with-upfront-payment",
    ),
]


@pytest.mark.parametrize(("title", "text", "wanted"), CASES)
def test_round4_deals(title: str, text: str, wanted: list[Want]) -> None:
    found = _deals(text, title)
    for want in wanted:
        assert any(want.matches(deal) for deal in found), (want, found)
    assert len(found) == len(wanted), found


NO_DEAL = [
    pytest.param(
        "Harcombe shares were upgraded to buy from hold at Panmure with a 280p target.",
        id="ours-gd4-upgrade-to-buy-is-a-rating",
    ),
    pytest.param(
        "Of the 14 analysts covering Harcombe, nine rate it a buy.",
        id="ours-gd4-rate-it-a-buy",
    ),
]


@pytest.mark.parametrize("text", NO_DEAL)
def test_round4_no_deal(text: str) -> None:
    assert _deals(text, "Market report") == []

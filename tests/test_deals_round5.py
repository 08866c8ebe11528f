"""Round 5 of the deals extractor: phrasing families from wire, deal-news, 8-K and
regional business stories.

Each case is our own sentence of a family the fifth round of generalisation articles
(``tests/fixtures/generalisation/*/gd5_*``) showed broken: contracts whose customer is named
after "from"/"with", out-licensing, research collaborations, a price paid before the verb,
per-share prices followed by the total, tender offers, majority stakes, the sale of a
company's own unit, funding rounds led by the subject, and spending or investing words that
name no deal.
"""

from __future__ import annotations

import pytest

from test_deals import Want, _deals

# First run on the gd5 articles, before any round-5 rule: deals F1 0.578 (P 0.650, R 0.520).
CASES = [
    pytest.param(
        "Brenmoor Rail orders",
        "Brenmoor Rail Inc said it had won a framework order from Norrbanen AB worth up to "
        "EUR 900 million for 60 commuter trains.",
        [Want("commercial_agreement", "Norrbanen", "Brenmoor", 900e6, "EUR")],
        id="ours-gd5-framework-order-from-customer",
    ),
    pytest.param(
        "Brenmoor Rail orders",
        "Brenmoor Rail Inc also signed a EUR 420m maintenance services agreement with "
        "Portuguese operator Linhas Norte SA.",
        [Want("commercial_agreement", "Linhas Norte", "Brenmoor", 420e6, "EUR")],
        id="ours-gd5-service-agreement-with-customer",
    ),
    pytest.param(
        "Calvento Bio licence",
        "Calvento Bio Inc has licensed rights to its liver drug CB-11 to Daiwa Pharma Co in a "
        "deal worth up to $800 million.",
        [Want("licensing", "Daiwa", "Calvento", 800e6, "USD")],
        id="ours-gd5-out-licensing-to-grantee",
    ),
    pytest.param(
        "Calvento Bio",
        "Calvento Bio Inc unveiled a research collaboration with Merrow Labs Inc on fibrosis.",
        [Want("partnership", "Calvento", "Merrow", None, None)],
        id="ours-gd5-research-collaboration",
    ),
    pytest.param(
        "Tessaro Ports deal",
        "Tessaro Ports Ltd paid $900 million to acquire Kaldera Terminals Inc last year.",
        [Want("acquisition", "Tessaro", "Kaldera", 900e6, "USD")],
        id="ours-gd5-paid-amount-to-acquire",
    ),
    pytest.param(
        "Ridgefield takeover",
        "Ridgefield Corp agreed to acquire Hollins Inc for $48 a share in cash, or about "
        "$3.2 billion including debt.",
        [Want("acquisition", "Ridgefield", "Hollins", 3.2e9, "USD")],
        id="ours-gd5-per-share-then-total",
    ),
    pytest.param(
        "Ridgefield tender offer",
        "Ridgefield Corp launched a tender offer for Hollins Inc at $48 a share in cash, or "
        "about $3.2 billion.",
        [Want("acquisition", "Ridgefield", "Hollins", 3.2e9, "USD")],
        id="ours-gd5-tender-offer",
    ),
    pytest.param(
        "Marigold Foods deal",
        "Marigold Foods Ltd will acquire a 60 per cent stake in Saffron Kitchen Ltd for "
        "Rs 450 crore.",
        [Want("acquisition", "Marigold", "Saffron", 4.5e9, "INR")],
        id="ours-gd5-majority-stake-is-acquisition",
    ),
    pytest.param(
        "Halden Systems filing",
        "Halden Systems Inc completed the sale of its billing business to Corvex Corp for "
        "$180 million.",
        [Want("divestment", "Corvex", "Halden", 180e6, "USD")],
        id="ours-gd5-sale-of-own-unit-to-buyer",
    ),
    pytest.param(
        "Lanark funding",
        "Vireo Capital Ltd has led a $75 million Series B funding round in Lanark Freight Inc.",
        [Want("investment", "Vireo", "Lanark", 75e6, "USD")],
        id="ours-gd5-subject-led-funding-round",
    ),
]


@pytest.mark.parametrize(("title", "text", "wanted"), CASES)
def test_round5_deals(title: str, text: str, wanted: list[Want]) -> None:
    found = _deals(text, title)
    for want in wanted:
        assert any(want.matches(deal) for deal in found), (want, found)
    assert len(found) == len(wanted), found


NO_DEAL = [
    pytest.param(
        "If you invested $1,000 in Tessaro Ports ten years ago, it would be worth $2,300.",
        id="ours-gd5-if-you-invested",
    ),
    pytest.param(
        "Capex was £96m, and the group expects to spend between £100m and £120m next year.",
        id="ours-gd5-one-year-spending-outlook",
    ),
    pytest.param(
        "The average target among analysts tracked by Investing.com stands at NOK 180.",
        id="ours-gd5-investing-dot-com",
    ),
]


@pytest.mark.parametrize("text", NO_DEAL)
def test_round5_no_deal(text: str) -> None:
    assert _deals(text, "Market report") == []

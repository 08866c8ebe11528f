"""Round 3 of the deals extractor: phrasing families from other publishers and markets.

Each case is our own sentence of a family the third round of generalisation articles
(``tests/fixtures/generalisation/*/gd3_*``) showed broken: goods bought under a contract,
totals of per-share dividends, settlements with only a payer, customers named after "from",
who delivers under a supply deal, venture rounds and their lead investors, mergers sized by
the combined company, committed acquisition debt and its banks, tranches of a stated total,
refinanced debt, buybacks sized in shares and then costed.
"""

from __future__ import annotations

import pytest

from test_deals import Want, _deals

# First run on these articles, before any round-3 rule: deals F1 0.655 (P 0.704, R 0.613).
CASES = [
    pytest.param(
        "Pictura partnership",
        "Pictura Imaging Ltd has committed to buy computing capacity from Nimbus Cloud under "
        "a five-year agreement worth at least $80 million.",
        [Want("commercial_agreement", "Pictura", "Nimbus", 80e6, "USD")],
        id="ours-000-goods-bought-under-contract",
    ),
    pytest.param(
        "Halvard Air order",
        "Halvard Air agreed to buy 12 aircraft from Skyward Aero for $1.1 billion.",
        [Want("commercial_agreement", "Halvard", "Skyward", 1.1e9, "USD")],
        id="ours-gd3-goods-bought-without-contract-word",
    ),
    pytest.param(
        "Ferrant Tools results",
        "Ferrant Tools said its board authorized a new $4 billion share repurchase program. "
        "As part of that plan, Ferrant Tools entered into a $1 billion accelerated share "
        "repurchase agreement with a bank.",
        [
            Want("buyback", "Ferrant", None, 4e9, "USD"),
            Want("buyback", "Ferrant", None, 1e9, "USD"),
        ],
        id="ours-gd3-accelerated-share-repurchase-is-no-per-share-price",
    ),
    pytest.param(
        "Ferrant Tools declares special dividend",
        "Ferrant Tools Inc. will pay a special dividend of $3 per share. The maker of hand tools "
        "declared a special dividend of $3 per share, or about $250 million in total.",
        [Want("dividend", "Ferrant", None, 250e6, "USD", terms={"per_share": 3})],
        id="ours-gd3-dividend-total-after-or-about-and-restatement",
    ),
    pytest.param(
        "Ardley Engineering settles dispute",
        "Ardley Engineering Ltd also agreed to pay £40m to settle a dispute with former employees.",
        [Want("settlement", "Ardley", None, 40e6, "GBP")],
        id="ours-gd3-settlement-payer-only",
    ),
    pytest.param(
        "Quorra Pharma",
        "Quorra Pharma Inc. settled the patent lawsuit for $65 million.",
        [Want("settlement", "Quorra", None, 65e6, "USD")],
        id="ours-gd3-settled-the-lawsuit-for",
    ),
    pytest.param(
        "Ardley wins contract",
        "Ardley Engineering plc has won a five-year contract worth £600m from the Department "
        "for Transport to maintain signalling.",
        [Want("commercial_agreement", "Department for Transport", "Ardley", 600e6, "GBP")],
        id="ours-gd3-contract-from-public-customer",
    ),
    pytest.param(
        "Solvik Cells supply deal",
        "Solvik Cells signed a multi-year supply agreement worth up to $300 million with "
        "Brenner Trucks, under which Solvik Cells will deliver battery packs from 2027.",
        [Want("commercial_agreement", "Brenner", "Solvik", 300e6, "USD")],
        id="ours-gd3-under-which-subject-delivers",
    ),
    pytest.param(
        "Lumenfold raises Series B",
        "Lumenfold Inc. said it has closed an $85 million Series B funding round led by "
        "Arcadia Ventures, with participation from Tidewater Capital.",
        [Want("investment", "Arcadia Ventures", "Lumenfold", 85e6, "USD")],
        id="ours-gd3-series-round-led-by",
    ),
    pytest.param(
        "Kelso Oil and Marren Gas to combine",
        "Kelso Oil Inc. and Marren Gas Corp. agreed to combine in an all-stock merger of "
        "equals, creating a producer with a combined enterprise value of about $14 billion.",
        [Want("merger", "Kelso", "Marren", 14e9, "USD")],
        id="ours-gd3-merger-sized-by-combined-value",
    ),
    pytest.param(
        "Ostrava Partners buyout",
        "Ostrava Partners will finance the buyout with $1.8 billion of committed debt from a "
        "group of banks led by Deutsche Bank AG and BNP Paribas SA.",
        [Want("financing", "Deutsche Bank", "Ostrava", 1.8e9, "USD")],
        id="ours-gd3-committed-debt-from-banks",
    ),
    pytest.param(
        "Keller Chemie bond",
        "Keller Chemie SE has priced a EUR 1bn dual-tranche bond. The deal comprises a EUR "
        "500m five-year tranche and a EUR 500m twelve-year tranche. Proceeds will be used to "
        "refinance a EUR 800m bond maturing in June.",
        [Want("financing", None, "Keller", 1e9, "EUR")],
        id="ours-gd3-tranches-of-a-stated-total-and-refinanced-bond",
    ),
    pytest.param(
        "Sakuragi Denki buyback",
        "Sakuragi Denki Co. will buy back up to 20 million shares, or 2.5% of its outstanding "
        "stock excluding treasury shares, for as much as ¥30 billion.",
        [Want("buyback", "Sakuragi", None, 30e9, "JPY")],
        id="ours-gd3-buyback-sized-in-shares-then-costed",
    ),
]


@pytest.mark.parametrize(("title", "text", "wanted"), CASES)
def test_round3_deal_phrasings(title: str, text: str, wanted: list[Want]) -> None:
    deals = _deals(text, title, published="2026-03-01")
    for want in wanted:
        assert any(want.matches(d) for d in deals), (want, deals)
    assert len(deals) == len(wanted), deals


NO_DEAL = [
    pytest.param(
        "Proceeds will be used to refinance a $700 million term loan due in 2027.",
        id="ours-gd3-refinanced-loan",
    ),
    pytest.param(
        "At the end of the quarter, total loans were $41.2 billion and deposits $52 billion.",
        id="ours-gd3-bank-balance-sheet-loans",
    ),
    pytest.param(
        "Last spring Brennan Foods rejected a $30-a-share takeover approach from Caldor Inc.",
        id="ours-gd3-rejected-approach",
    ),
]


@pytest.mark.parametrize("text", NO_DEAL)
def test_round3_no_deal(text: str) -> None:
    assert _deals(text, "Market report") == []

"""Entity fixes from the generalisation rounds: rating issuers outside the broker
vocabulary, names joined by "and", verbs glued to names in title-case headlines, market
indices inside references, descriptors in front of names, brokers of the vocabulary.

Every sentence here is ours; the ids say which article family it stands for.
"""

from __future__ import annotations

import pytest

from briefing.extract.company_issuers import is_issuer
from briefing.extract.entities import find_companies, is_broker_name, primary_company


def _names(text: str) -> list[str]:
    return [m.name for m in find_companies(text) if not m.is_reference]


# --- rating issuers are not the primary company -----------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "primary"),
    [
        pytest.param(
            "Stocks to buy: Lanford Securities retains ADD on Pembrey Cement, sees 12% upside",
            "Stocks to buy: Lanford Securities retains ADD on Pembrey Cement, sees 12% upside\n"
            "Brokerage firm Lanford Securities has retained its ADD rating on Pembrey Cement "
            "with a target price of Rs 1,210. Pembrey Cement shares ended 1% lower.",
            "Pembrey Cement", id="ours-gav2-india-brokerage-issuer-in-vocab-shape",
        ),
        pytest.param(
            "Ashgrove upgrades Tenby Motors, sees 18% upside",
            "Ashgrove upgrades Tenby Motors, sees 18% upside\n\nTenby Motors was upgraded to "
            "buy from hold by Ashgrove Capital. Ashgrove expects margins to recover. Tenby "
            "shares rose 3%.",
            "Tenby Motors", id="ours-issuer-outside-vocab-short-form",
        ),
        pytest.param(
            'Redcliff downgrades Corland Financial to "hold"',
            'Redcliff downgrades Corland Financial to "hold"\n\nCorland Financial shares fell '
            'after Redcliff Research downgraded the lender to "hold" from "buy". Redcliff '
            "Research also cut its price target to $40. Corland trades at 9 times earnings.",
            "Corland Financial", id="ours-issuer-research-ending",
        ),
        pytest.param(
            "Fenwick Agrees to Take Marlbury Foods Private in $2.1 Billion Deal",
            "Fenwick Agrees to Take Marlbury Foods Private in $2.1 Billion Deal\n\nFenwick "
            "Capital Partners agreed to take Marlbury Foods Inc. private. Fenwick will pay "
            "$31 a share. Marlbury shares jumped 20%. Marlbury makes frozen meals. Fenwick "
            "will fund the deal with bank debt. Marlbury can seek rival offers.",
            "Marlbury Foods", id="ours-gd3-take-private-sponsor-counts-half",
        ),
        pytest.param(
            "Tenby Motors lifts outlook",
            "Tenby Motors raised its full-year guidance and maintained its dividend. Tenby "
            "Motors reiterated its outlook for 2026, while Ashgrove Research raised its "
            "target to 420p.",
            "Tenby Motors", id="ours-company-raising-guidance-is-no-issuer",
        ),
    ],
)  # fmt: skip
def test_rating_issuers_are_not_primary(title: str, body: str, primary: str) -> None:
    assert primary_company(title, body, find_companies(body), []) == primary


@pytest.mark.parametrize(
    ("text", "name", "issuer"),
    [
        pytest.param("Ashgrove upgrades Tenby Motors to buy.", "Ashgrove", True,
                     id="ours-upgrades-name"),
        pytest.param("Lanford Securities retains ADD on Pembrey.", "Lanford Securities", True,
                     id="ours-retains-label"),
        pytest.param("Corland keeps its 'sell' call on Tenby.", "Corland", True,
                     id="ours-keeps-call"),
        pytest.param("Ashgrove cut its price target on Tenby to 400p.", "Ashgrove", True,
                     id="ours-cuts-target"),
        pytest.param("Ashgrove sees 14% upside in the stock.", "Ashgrove", True,
                     id="ours-sees-upside"),
        pytest.param("Tenby was downgraded to hold by Corland Bank on Monday.", "Corland Bank",
                     True, id="ours-by-in-rating-clause"),
        pytest.param("Tenby shares rose after analysts at Corland turned bullish.", "Corland", True,
                     id="ours-analysts-at"),
        pytest.param("Tenby raised its guidance and maintained its dividend.", "Tenby", False,
                     id="ours-company-guidance"),
        pytest.param("Tenby was bought by Corland Group for $2bn.", "Corland Group", False,
                     id="ours-by-buyer"),
        pytest.param("Corland Capital said it would bid for Tenby.", "Corland Capital", True,
                     id="ours-house-ending-says"),
    ],
)  # fmt: skip
def test_is_issuer(text: str, name: str, issuer: bool) -> None:
    mention = next(m for m in find_companies(text) if m.text == name)
    assert is_issuer(text, mention) is issuer


# --- names joined by "and" / "&" ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "The round drew existing investors Kestrel Partners and Mitsuda Corporation. "
            "Mitsuda will make a further payment.",
            ["Kestrel Partners", "Mitsuda", "Mitsuda"], id="ours-gd3-velarion-investors",
        ),
        pytest.param(
            "The debt comes from banks led by JPMorgan Chase & Co. and Barclays Plc.",
            ["JP Morgan", "Barclays"], id="ours-gd3-corvina-banks",
        ),
        pytest.param(
            "Reliance bought a stake in Sterling and Wilson Solar Ltd on Monday.",
            ["Reliance Industries", "Sterling and Wilson Solar"], id="devset-sterling-shape",
        ),
        pytest.param(
            "Shares in Procter & Gamble rose.", ["Procter & Gamble"], id="ours-ampersand-name",
        ),
        pytest.param(
            "Orwell Mining and Metals Corp said output rose.",
            ["Orwell Mining and Metals"], id="ours-generic-right-part-joins",
        ),
        pytest.param(
            "Harrowgate Energy and Pellam Holdings Ltd agreed to merge.",
            ["Harrowgate Energy", "Pellam"], id="ours-descriptive-left-part",
        ),
    ],
)  # fmt: skip
def test_joined_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


# --- title-case headlines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "Fenwick Agrees to Take Marlbury Foods Private in $2.1 Billion Deal\n\n"
            "Fenwick Capital Partners agreed to buy Marlbury Foods Inc.",
            ["Fenwick Capital Partners", "Marlbury Foods", "Fenwick Capital Partners",
             "Marlbury Foods"], id="ours-gd3-take-private-headline",
        ),
        pytest.param(
            "Tallon Energy Analyst Ratings: Brimley Securities Lowers PT, Mizuho Downgrades\n"
            "Brimley Securities cut its target on Tallon Energy.",
            ["Tallon Energy", "Brimley Securities", "Mizuho", "Brimley Securities",
             "Tallon Energy"], id="ours-gav2-benzinga-headline",
        ),
        pytest.param(
            "Quarrow Reports Fourth Quarter and Fiscal Year 2025 Financial Results\n"
            "Quarrow Software Inc. today reported revenue of $88 million.",
            ["Quarrow Software", "Quarrow Software"], id="ours-gm3-press-release-headline",
        ),
        pytest.param(
            "Brandt Private Limited Wins Rail Contract\nBrandt Private Limited said it won.",
            ["Brandt", "Brandt"], id="ours-private-limited-kept",
        ),
    ],
)  # fmt: skip
def test_headline_verbs_are_not_names(text: str, names: list[str]) -> None:
    assert _names(text) == names


# --- sentence openers, indices, descriptors ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("Costs rose. Ardley Engineering plc also agreed to pay £40m.",
                     ["Ardley Engineering"], id="ours-gd3-plc-sentence-start"),
        pytest.param("Ardley Engineering plc also agreed to pay £40m.", ["Ardley Engineering"],
                     id="ours-plc-text-start"),
        pytest.param("Shares of Iowa-based Prairie Junction Railway rose 4%.",
                     ["Prairie Junction Railway"], id="ours-gdm2-based-descriptor"),
        pytest.param("Shares of Brazilian power utility Serrana Energia (SRNA3) climbed 5%.",
                     ["Serrana Energia"], id="ours-gav2-nationality-descriptor"),
        pytest.param("Also read: Cement stocks rally as demand recovers.", [],
                     id="ours-gav2-industry-word"),
        pytest.param("Ebitda grew 5.1% to R39.7bn, the JSE-listed group said.", [],
                     id="ours-gdm2-amount-is-no-name"),
        pytest.param("It trades at 28 times, against 24 for the Halberd Semiconductor "
                     "index.", [], id="ours-gav3-lower-case-index"),
        pytest.param("B. Riley downgraded the shares to neutral.", ["B. Riley"],
                     id="ours-gav3-initialled-broker"),
    ],
)  # fmt: skip
def test_descriptors_and_openers(text: str, names: list[str]) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "primary"),
    [
        pytest.param(
            "Ardley Engineering plc won a contract. The FTSE 250 company also agreed to pay "
            "£40m. Ardley shares rose.", "Ardley Engineering", id="ours-gd3-ftse-250-company",
        ),
        pytest.param(
            "Shares in the FTSE 100 firm rose after Brackley Foods plc lifted its dividend.",
            "Brackley Foods", id="ours-gm3-ftse-100-firm",
        ),
    ],
)  # fmt: skip
def test_index_inside_a_reference_is_the_company(text: str, primary: str) -> None:
    mentions = find_companies(text)
    assert not any(m.is_index for m in mentions)
    assert [m.is_reference for m in mentions].count(True) == 1
    assert primary_company(None, text, mentions, []) == primary


@pytest.mark.parametrize(
    "text",
    [
        "The FTSE 100 fell 0.4%.",
        "The FTSE 250 rose.",
        "The DAX slipped.",
        "The CAC 40 rose.",
        "The Nifty 50 ended higher.",
        "The Sensex fell.",
        "The Kospi rose.",
        "The Topix fell.",
        "The Nikkei 225 rose.",
        "The Hang Seng slipped.",
        "The S&P/ASX 200 rose.",
        "The S&P/TSX Composite fell.",
        "The Stoxx 600 rose.",
        "The S&P 500 rose.",
        "The Nasdaq Composite fell.",
        "The Dow Jones rose.",
        "The Ibovespa rose.",
        "The Philadelphia SE Semiconductor index rose.",
    ],
    ids=lambda text: "ours-index-" + text.split(" ", 1)[1].rsplit(" ", 1)[0],
)
def test_indices_are_marked(text: str) -> None:
    mentions = [m for m in find_companies(text) if not m.is_reference]
    assert mentions and all(m.is_index for m in mentions)


# --- brokers of the vocabulary -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Kiwoom Securities", "Yuanta Securities", "BTG Pactual", "Itau BBA", "Peel Hunt",
        "Shore Capital", "DZ Bank", "Nomura", "CLSA", "Daiwa", "SMBC Nikko", "Macquarie",
        "Morgan Stanley MUFG", "Bernstein", "Evercore ISI", "Wolfe Research", "KeyBanc",
        "Piper Sandler", "Needham", "Wedbush", "Raymond James", "Stifel", "TD Cowen", "Truist",
        "BMO Capital Markets", "RBC Capital Markets", "Scotiabank", "Deutsche Bank",
        "Berenberg", "Jefferies", "Kepler Cheuvreux", "Exane BNP Paribas", "Oddo BHF",
        "Liberum", "Numis", "Panmure Gordon", "Investec", "Motilal Oswal",
        "Kotak Institutional Equities", "ICICI Securities", "HDFC Securities", "Emkay",
        "Nuvama", "Cantor Fitzgerald", "H.C. Wainwright", "Leerink Partners", "B. Riley",
    ],
)  # fmt: skip
def test_brokers_in_vocabulary(name: str) -> None:
    assert is_broker_name(name)

"""Business segments named in a sentence, and references to the last one named."""

from __future__ import annotations

import pytest

from briefing.extract.entities import find_segments

# --- segments ------------------------------------------------------------------------

SEGMENT_CASES = [
    pytest.param("Revenue from the IT segment rose 4%.", ["IT"], id="ours-x-segment"),
    pytest.param("The BPO segment's revenue grew.", ["BPO"], id="ours-segment-possessive"),
    pytest.param("Orders in Ravelin’s Power Systems division fell 9%.", ["Power Systems"],
                 id="ours-division-after-owner"),
    pytest.param("Its flagship factory automation division slowed.", ["factory automation"],
                 id="ours-describing-word-dropped"),
    pytest.param("Sales in the core retail division were flat.", ["core retail"],
                 id="ours-lower-case-name"),
    pytest.param("Revenue at Ostra Japan of ¥12 billion rose 3%.", ["Ostra Japan"],
                 id="ours-revenue-at"),
    pytest.param("Velto International sales fell 2%.", ["Velto International"],
                 id="ours-name-before-metric"),
    pytest.param("Google Cloud revenue jumped 28%.", ["Google Cloud"], id="ours-known-segment"),
    pytest.param("The Consumer Devices Group (CDG) grew 12%; CDG margins improved.",
                 ["Consumer Devices Group", "Consumer Devices Group"],
                 id="ours-group-with-abbreviation"),
    pytest.param("Pexa's Cloud Platforms Group reported higher revenue.",
                 ["Cloud Platforms Group"], id="ours-owned-group"),
    pytest.param("Tarvik's revenue rose 5%.", [], id="ours-company-possessive-is-not"),
    pytest.param("Reliance Industries revenue rose.", [], id="ours-company-before-metric"),
    pytest.param("Overall sales fell 1% in China.", [], id="ours-no-segment"),
    pytest.param("The company does business in Europe.", [], id="ours-business-verb"),
    pytest.param("All three business units grew.", [], id="ours-business-units"),
    pytest.param("It acquired the unit Larch Timber Ltd.", [], id="ours-unit-named-after"),
    pytest.param("Tovar Power arm wins a 300 MW order.", [], id="ours-subsidiary-headline"),
    pytest.param("Its transmission and distribution segment grew 9%.",
                 ["transmission and distribution"], id="ours-and-inside-name"),
    pytest.param("Service revenue edged up 1%.", ["Service"], id="ours-generic-word-metric"),
    pytest.param("On a standalone basis, net profit rose.", ["standalone"],
                 id="devset-techmahindra-shape-basis"),
    pytest.param("The Mobile Devices Group (MDG) brought in $3 billion.",
                 ["Mobile Devices Group"], id="devset-lenovo-shape-no-metric-word"),
    pytest.param("Its battery unit added 6 points.", ["battery"], id="ours-lower-case-unit"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SEGMENT_CASES)
def test_find_segments(text: str, expected: list[str]) -> None:
    found = [m for m in find_segments(text) if not m.is_reference]
    assert [m.name for m in found] == expected
    for mention in found:
        assert text[mention.start : mention.end] == mention.text


def test_segment_reference_resolves_to_last_named() -> None:
    text = "The core commerce division slowed. Revenue in this segment grew 5%."
    mentions = find_segments(text)
    assert [(m.name, m.is_reference) for m in mentions] == [
        ("core commerce", False),
        ("core commerce", True),
    ]
    lonely = find_segments("Revenue in this segment grew 5%.")
    assert [(m.text, m.name, m.is_reference) for m in lonely] == [("this segment", "", True)]


# --- a long lower-case name: its opener may lie at the edge of the look-back window ------

# Ours: a four-word division name whose first word grows from 9 to 15 letters, so the edge
# of the 64-character look-back before "division" falls 7 to 1 characters before the name,
# inside each opener below (it used to read a cut "the group's" as a name word "s").
LONG_FIRST_WORDS = [
    "wholesale", "industrial", "residential", "agricultural", "semiconductor",
    "transportation", "pharmaceuticals",
]  # fmt: skip
OPENERS = ["the", "its", "our", "the group's", "Harlow's", "Kestrel’s", "Tesco's"]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("first", LONG_FIRST_WORDS)
def test_long_lower_case_name_whatever_the_window_edge(opener: str, first: str) -> None:
    name = f"{first} telecommunications infrastructure outsourcing"
    text = f"In the quarter, revenue at {opener} {name} division rose 4%."
    found = [m for m in find_segments(text) if not m.is_reference and m.name.islower()]
    assert [(m.name, text[m.start : m.end]) for m in found] == [(name, name)]

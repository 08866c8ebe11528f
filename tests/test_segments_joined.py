"""Segments named by business words joined with "&" or "and" before a metric ("Industrial &
Consumer revenue"), and names joined the same way that are companies ("Marlow & Finch");
then which segment a metric gets when its wording comes before the division's name, and
when a company-wide figure follows a segment's in the same sentence."""

from __future__ import annotations

import pytest

from briefing.domain.model import Metric
from briefing.extract.engine import extract_document
from briefing.extract.entities import find_segments
from briefing.ingest import document_from_text

# "sample-" cases are sentences of the bundled samples (resources/samples); "ours-" cases
# were written for this test, with invented company names.
JOINED_CASES = [
    pytest.param("Industrial & Consumer revenue was flat at $692 million.",
                 ["Industrial & Consumer"], id="sample-kestrel-ampersand"),
    pytest.param("Health and Wellness sales rose 4% to $310 million.",
                 ["Health and Wellness"], id="ours-and"),
    pytest.param("Media & Entertainment operating income fell 3%.",
                 ["Media & Entertainment"], id="ours-before-operating-income"),
    pytest.param("Oil & Gas revenue fell 12% as prices eased.", ["Oil & Gas"], id="ours-oil-gas"),
    pytest.param("Home & Personal Care sales rose 3%.", ["Home & Personal Care"],
                 id="ours-two-word-part"),
    pytest.param("Consumer and Commercial Banking revenue rose 6%.",
                 ["Consumer and Commercial Banking"], id="ours-banking"),
    pytest.param("Parks & Experiences revenue climbed 9%.", ["Parks & Experiences"],
                 id="ours-joined-vocab"),
    pytest.param("Beauty & Wellbeing sales edged up 1%.", ["Beauty & Wellbeing"],
                 id="ours-wellbeing"),
    pytest.param("Meanwhile Food and Beverage revenue grew 7%.", ["Food and Beverage"],
                 id="ours-sentence-opener-dropped"),
    pytest.param("Telecom & Media revenue's share rose.", ["Telecom & Media"],
                 id="ours-possessive-metric"),
    # A name followed by closing emphasis or a quote: a Markdown body stored before ingest
    # removed markup, or a plain-text e-mail's *bold*.
    pytest.param("**Industrial & Consumer** revenue was flat.", ["Industrial & Consumer"],
                 id="ours-stored-markdown-strong"),
    pytest.param("*Health and Wellness* sales rose.", ["Health and Wellness"],
                 id="ours-email-bold"),
    pytest.param('Its "Oil & Gas" revenue fell.', ["Oil & Gas"], id="ours-quoted-name"),
    # Joined names that are firms, not segments.
    pytest.param("Marlow & Finch revenue rose 5%.", [], id="sample-broker-founders"),
    pytest.param("**Marlow & Finch** revenue rose 5%.", [], id="ours-broker-in-bold"),
    pytest.param("Johnson & Johnson sales rose 5%.", [], id="ours-known-company"),
    pytest.param("Procter & Gamble revenue rose 2%.", [], id="ours-known-company-2"),
    pytest.param("Harwick & Sons revenue fell 4%.", [], id="ours-family-firm"),
    pytest.param("Apple and Microsoft revenue rose 8%.", [], id="ours-two-companies"),
    pytest.param("Velmora and Tessaro revenue rose 8%.", [], id="ours-two-invented-names"),
    pytest.param("Sales and Marketing expenses rose 3%.", [], id="ours-expense-line"),
    pytest.param("Research and Development spending rose.", [], id="ours-no-metric-after"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), JOINED_CASES)
def test_joined_segment_names(text: str, expected: list[str]) -> None:
    found = [m for m in find_segments(text) if not m.is_reference]
    assert [m.name for m in found] == expected
    for mention in found:
        assert text[mention.start : mention.end] == mention.text == mention.name


def _metric_segments(sentence: str) -> dict[float, str | None]:
    text = (
        "Orlen Holdings reports a steady quarter\n\n"
        "Orlen Holdings Inc. reported quarterly results on Tuesday. "
        f"Total revenue rose 6% to $2.4 billion. {sentence}\n"
    )
    extraction = extract_document(document_from_text(text))
    return {m.value.value: m.segment for m in extraction.metrics if m.value and m.value.value}


@pytest.mark.parametrize(
    ("sentence", "amount", "segment"),
    [
        pytest.param("Health and Wellness sales rose 4% to $310 million.", 310e6,
                     "Health and Wellness", id="ours-segment-metric"),
        pytest.param("Media & Entertainment operating income fell 3% to $120 million.", 120e6,
                     "Media & Entertainment", id="ours-segment-operating-income"),
        pytest.param("Marlow & Finch revenue rose 5% to $90 million.", 90e6, None,
                     id="ours-firm-is-no-segment"),
    ],
)  # fmt: skip
def test_joined_segment_reaches_the_metric(sentence: str, amount: float, segment: str) -> None:
    segments = _metric_segments(sentence)
    assert segments[amount] == segment
    assert segments[2.4e9] is None  # the company's own total stays the company's


# --- the metric wording before the division ("Revenue in the Data Center segment") ----------

_LEAD = "Orlen Holdings Inc. reported results on Tuesday. "


def _metrics(sentence: str) -> list[Metric]:
    return list(extract_document(document_from_text(_LEAD + sentence + "\n")).metrics)


# (sentence, segment, raw_name, quote start): the wording names the figure and the quote
# starts with it; a division that moves with no wording still reports its revenue ("unit").
WORDING_BEFORE_DIVISION = [
    pytest.param("In the latest quarter (Q2 FY2026), revenue at Alibaba's cloud computing "
                 "division grew 34 percent from a year earlier.",
                 "cloud computing", "revenue", "In the latest quarter", id="sample-alibaba-owner"),
    pytest.param("Revenue in the Data Center segment jumped 42% to $1.18 billion.",
                 "Data Center", "Revenue", "Revenue in the", id="sample-kestrel-in-the"),
    pytest.param("Sales at the group's industrial gases unit fell 3% to €1.9 billion.",
                 "industrial gases", "Sales", "Sales at", id="ours-two-word-owner"),
    pytest.param("Revenue from Orlen's frozen foods business rose 6% to $410 million.",
                 "frozen foods", "Revenue", "Revenue from", id="ours-company-owner"),
    pytest.param("Revenue at Hallens' frozen foods business rose 6% to $410 million.",
                 "frozen foods", "Revenue", "Revenue at", id="ours-plural-owner"),
    pytest.param("Sales of its packaged bread business rose 4% to 301 billion yen.",
                 "packaged bread", "Sales", "Sales of", id="ours-of-its"),
    pytest.param("Orlen's cloud computing division grew 34 percent.",
                 "cloud computing", "division", "Orlen's", id="ours-no-wording-owner"),
    pytest.param("The express delivery business grew 8% to 21.4 billion yuan.",
                 "express delivery", "business", "The express", id="ours-no-wording"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "segment", "raw", "quote_start"), WORDING_BEFORE_DIVISION)
def test_wording_before_the_division_names_the_figure(
    sentence: str, segment: str, raw: str, quote_start: str
) -> None:
    (metric,) = _metrics(sentence)
    assert (metric.name, metric.segment, metric.raw_name) == ("revenue", segment, raw)
    assert metric.evidence.quote.startswith(quote_start)
    assert metric.confidence == (0.6 if raw in ("division", "business") else 0.85)


# --- a company-wide figure after a segment's ------------------------------------------------

# Ours. (sentence, segment of the second figure): "group", "total", "overall",
# "consolidated", "company-wide", "the group's" mark the whole company; a figure with no
# such word after a segment's stays the segment's ("its operating profit").
WHOLE_COMPANY_AFTER_SEGMENT = [
    pytest.param("group revenue rose 6% to $2.4 billion", None, id="ours-group"),
    pytest.param("total revenue increased 6% to $2.4 billion", None, id="ours-total"),
    pytest.param("overall sales rose 6% to $2.4 billion", None, id="ours-overall"),
    pytest.param("consolidated revenue rose 6% to $2.4 billion", None, id="ours-consolidated"),
    pytest.param("company-wide revenue rose 6% to $2.4 billion", None, id="ours-company-wide"),
    pytest.param("the group's revenue rose 6% to $2.4 billion", None, id="ours-group-possessive"),
    pytest.param("the company’s sales rose 6% to $2.4 billion", None,
                 id="ours-company-possessive-curly"),
    pytest.param("operating profit rose 6% to $2.4 billion", "Cloud Services",
                 id="ours-segment-profit-stays"),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "segment"), WHOLE_COMPANY_AFTER_SEGMENT)
def test_company_wide_figure_after_a_segment(clause: str, segment: str | None) -> None:
    metrics = _metrics(f"Cloud Services sales rose 4% to $310 million, while {clause}.")
    by_amount = {m.value.value: m.segment for m in metrics if m.value is not None}
    assert by_amount == {310e6: "Cloud Services", 2.4e9: segment}

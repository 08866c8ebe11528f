"""Properties of the whole engine on generated text: it never raises, and every item it
reports is well-formed with evidence that lies inside the body and equals its quote."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.domain.model import Document, Extraction, Quantity
from briefing.domain.vocabulary import DEAL_TYPES, METRIC_NAMES, VIEW_TYPES
from briefing.extract.engine import extract_document

# Fragments in the style of investor news, so generated text exercises real rules.
FRAGMENTS = [
    "Acme Corp", "Alibaba Group", "Morgan Stanley", "the company", "its cloud division",
    " revenue rose ", " fell ", " 34% ", " to $5.59 billion", " from 35.2 billion yuan",
    " HK$6 per share", " between USD 190 and USD 205", " 16 of 17 analysts", " Buy ",
    " price target ", " upgraded ", " to Outperform from Neutral", " P/E of 20",
    " convertible bond", " acquire ", " for $305 million", " on January 3, 2026",
    " Q2 FY2026", " over 72%", " nearly 50%", " Rs 566.12 crore", " 600p", " (", ")",
    ".", ". ", "\n", "\n\n", ",", " and ", "-", "–", "€", "¥", "%", "  ",
]  # fmt: skip

article_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60
).map("".join)


def _check_quantity(quantity: Quantity | None) -> None:
    if quantity is None:
        return
    assert quantity.value is not None or quantity.low is not None or quantity.high is not None
    assert quantity.bound in (None, "min", "max")


def _check(body: str, extraction: Extraction) -> None:
    items = [*extraction.deals, *extraction.metrics, *extraction.analyst_views]
    for item in items:
        evidence = item.evidence
        assert 0 <= evidence.start <= evidence.end <= len(body)
        assert body[evidence.start : evidence.end] == evidence.quote
        assert 0.0 <= item.confidence <= 1.0
    for deal in extraction.deals:
        assert deal.type in DEAL_TYPES
        _check_quantity(deal.amount)
    for metric in extraction.metrics:
        assert metric.name in METRIC_NAMES
        _check_quantity(metric.value)
    for view in extraction.analyst_views:
        assert view.type in VIEW_TYPES
        _check_quantity(view.value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text, st.sampled_from([None, "2026-01-04", "2021-10-10T08:00:00"]))
def test_engine_never_raises_and_evidence_matches(body: str, published: str | None) -> None:
    document = Document(id="x", path="x.txt", format="text", body=body, published=published)
    _check(body, extract_document(document))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_engine_survives_arbitrary_unicode(body: str) -> None:
    document = Document(id="x", path="x.txt", format="text", body=body)
    _check(body, extract_document(document))

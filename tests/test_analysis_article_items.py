"""``article_items``: one article's deals, metrics and views as highlightable rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.article_items import (
    ITEM_COLUMNS,
    article_items,
    deal_summary,
    evidence_spans,
    metric_summary,
    view_summary,
)
from briefing.analysis.frames import Frames, build_frames
from briefing.domain.model import ArticleResult, Document
from briefing.extract.engine import extract_document
from briefing.ingest import read_document

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


@pytest.fixture(scope="module")
def seeds() -> tuple[Frames, dict[str, Document]]:
    """The two bundled Alibaba samples (the seed articles rewritten by us)."""
    documents = [read_document(path) for path in sorted(SAMPLES.glob("alibaba_*.txt"))]
    results = [ArticleResult(document, extract_document(document)) for document in documents]
    return build_frames(results), {document.path: document for document in documents}


def _document(seeds: tuple[Frames, dict[str, Document]], name: str) -> Document:
    return next(doc for path, doc in seeds[1].items() if path.endswith(name))


@pytest.mark.parametrize(
    "sample", ["alibaba_meitu_convertible_2026_01.txt", "alibaba_minimax_anchor_2026_01.txt"]
)
def test_every_item_quote_is_in_the_body_at_its_span(
    seeds: tuple[Frames, dict[str, Document]], sample: str
) -> None:
    frames, _ = seeds
    document = _document(seeds, sample)
    items = article_items(frames, document.id)
    assert list(items.columns) == list(ITEM_COLUMNS)
    assert set(items["kind"]) == {"deal", "metric", "view"}
    assert items["start"].is_monotonic_increasing
    assert items["item_key"].is_unique
    for start, end, quote in zip(items["start"], items["end"], items["quote"], strict=True):
        assert document.body[start:end] == quote


# (sample, kind, summary): read off the sample texts by hand.
SUMMARIES = [
    (
        "alibaba_meitu_convertible_2026_01.txt",
        "deal",
        "Convertible bond: Alibaba -> Meitu, USD 250 million, 3 Jan 2026",
    ),
    (
        "alibaba_meitu_convertible_2026_01.txt",
        "metric",
        "Cloud Intelligence Group revenue: USD 5.59 billion, +34%",
    ),
    ("alibaba_meitu_convertible_2026_01.txt", "view", "Price target (average): USD 205"),
    ("alibaba_meitu_convertible_2026_01.txt", "view", "Rating count: Buy, 16 of 17"),
    ("alibaba_meitu_convertible_2026_01.txt", "view", "P/E, Amazon: 32x"),
    (
        "alibaba_minimax_anchor_2026_01.txt",
        "deal",
        "IPO stake: Alibaba -> MiniMax, valued at HKD 3.83–4.19 billion, 9 Jan 2026",
    ),
    ("alibaba_minimax_anchor_2026_01.txt", "view", "Share performance over 2025: 77%"),
    # The segment as every article names it (the Segments tab's name), not as this
    # sentence writes it ("Alibaba's cloud computing business").
    (
        "alibaba_minimax_anchor_2026_01.txt",
        "metric",
        "Cloud Intelligence Group revenue Q2 FY2026: +34%",
    ),
]


@pytest.mark.parametrize(("sample", "kind", "summary"), SUMMARIES)
def test_summaries_read_as_expected(
    seeds: tuple[Frames, dict[str, Document]], sample: str, kind: str, summary: str
) -> None:
    frames, _ = seeds
    items = article_items(frames, _document(seeds, sample).id)
    assert summary in list(items.loc[items["kind"] == kind, "summary"])


def test_an_unknown_article_has_no_items(seeds: tuple[Frames, dict[str, Document]]) -> None:
    items = article_items(seeds[0], "no-such-article")
    assert items.empty
    assert list(items.columns) == list(ITEM_COLUMNS)


# Rows written here: what each summary says when cells are missing.
SUMMARY_CASES = [
    (deal_summary, {"type": "buyback", "buyer": "Foo"}, "Buyback: Foo"),
    (deal_summary, {"type": "other"}, "Deal"),
    (metric_summary, {"company": "Foo", "metric": "revenue"}, "Foo revenue: no figure"),
    (
        metric_summary,
        {
            "company": "Foo",
            "metric": "ebitda_margin",
            "period": "FY2025",
            "value_value": 12.5,
            "value_unit": "%",
        },
        "Foo EBITDA margin FY2025: 12.5%",
    ),
    (
        metric_summary,
        {"segment": "cloud", "metric": "revenue", "change_pct": -3.0},
        "Cloud revenue: −3%",
    ),
    (
        view_summary,
        {
            "view_type": "rating",
            "firm": "Acme <b>Bank</b>",
            "label": "Hold",
            "previous_label": "Buy",
        },
        "Rating (Acme <b>Bank</b>): Hold, was Buy",
    ),
]


@pytest.mark.parametrize(("summarise", "row", "expected"), SUMMARY_CASES)
def test_summary_wording(summarise: object, row: dict[str, object], expected: str) -> None:
    assert summarise(row) == expected  # type: ignore[operator]


# (body, start, end, quote, expected): offsets that hold the quote, stale ones, a quote
# absent from the body, an emoji before the span (Python offsets are code points).
SPANS = [
    ("Sales rose 5%.", 0, 14, "Sales rose 5%.", (0, 14)),
    ("Intro. Sales rose 5%.", 0, 14, "Sales rose 5%.", (7, 21)),
    ("Intro. Sales rose 5%.", -1, -1, "Sales rose 5%.", (7, 21)),
    ("abc", 1, 99, "zzz", (1, 3)),
    ("😀 Sales rose 5%.", 2, 16, "Sales rose 5%.", (2, 16)),
]


@pytest.mark.parametrize(("body", "start", "end", "quote", "expected"), SPANS)
def test_evidence_spans(
    body: str, start: int, end: int, quote: str, expected: tuple[int, int]
) -> None:
    assert evidence_spans(body, start, end, quote) == expected


def test_items_frame_types(seeds: tuple[Frames, dict[str, Document]]) -> None:
    document = _document(seeds, "alibaba_meitu_convertible_2026_01.txt")
    items = article_items(seeds[0], document.id)
    assert items["start"].dtype == "int64"
    assert pd.api.types.is_string_dtype(items["summary"])

"""Publisher furniture lies outside the content spans; article sentences, above all those
with figures, stay inside. The body itself is never cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest import document_from_text, read_document
from briefing.ingest.boilerplate import content_spans, find_furniture, is_furniture_line

FURNITURE_LINES = [
    ("seed-000", "Ad"),
    (
        "seed-000",
        "Vantor Stock: Buy or Sell?! New Vantor Analysis from March 12 delivers the answer:",
    ),
    (
        "seed-000",
        "The latest Vantor figures speak for themselves: Urgent action needed for Vantor "
        "investors. Is it worth buying or should you sell?",
    ),
    ("seed-000", "Vantor: Buy or sell? Read more here..."),
    ("seed-000", "@ boerse-global.de | DE000VTR5416 VANTOR’S"),
    ("seed-000", "Should investors sell immediately? Or is it worth buying Vantor?"),
    ("devset-infosys", "- Advertisement -"),
    ("ours", "ADVERTISEMENT"),
    ("ours", "Sponsored content"),
    ("devset-vijaya", "Also read - Kairo Foods IPO opens tomorrow: 10 key things to know"),
    ("devset-techmahindra", "Also Read: Peer Q4 profit jumps 40% to $2 billion"),
    ("ours", "READ MORE: Harbor sells tanker unit for $780 million"),
    ("ours", "See also: Kairo’s record quarter"),
    ("devset-toyota", "Share on StockTwits"),
    ("ours", "Share this article"),
    ("ours", "Share on Facebook | Twitter | LinkedIn"),
    ("devset-asml", "© Thomson Reuters 2026"),
    ("ours", "Copyright 2026 Northwind Markets. All rights reserved."),
    (
        "devset-daicel",
        "This article was generated with the support of AI and reviewed by an editor. "
        "For more information see our T&C.",
    ),
    ("ours", "This story was produced automatically from exchange filings by AI."),
    ("devset-asml", "Affiliate links may be automatically generated – see our ethics statement."),
    ("devset-asml", "Check out our Latest News and Follow us at Facebook"),
    ("devset-asml", "Original Source"),
    ("devset-asml", "Leave a Reply"),
    ("devset-asml", "Your email address will not be published. Required fields are marked *"),
    (
        "devset-toyota",
        "Get Analysts' Upgrades and Downgrades via Email - Stay on top of analysts' coverage",
    ),
    ("ours", "Receive News & Ratings for Harbor Freightlines Daily - Enter your email below"),
    ("ours", "Sign up for our free newsletter"),
    ("ours", "(Reporting by Jane Roe; Editing by John Doe)"),
    ("devset-veolia", "Source: Reuters"),
    ("ours", "Photo: Harbor Freightlines"),
    ("ours", "---------- Forwarded message ---------"),
    ("ours", "Unsubscribe from investor news"),
    ("ours", "Disclaimer: the author holds no position in the stocks mentioned."),
    ("ours", "Story continues below advertisement"),
    ("ours", "## Related articles"),
]


@pytest.mark.parametrize(
    "line", [c[1] for c in FURNITURE_LINES], ids=[c[0] for c in FURNITURE_LINES]
)
def test_furniture_line(line: str) -> None:
    text = f"Harbor sold its unit for $780 million to a rival shipping group.\n{line}\n"
    document = document_from_text(text)
    spans_text = [document.body[s:e] for s, e in document.content_spans]
    assert spans_text == ["Harbor sold its unit for $780 million to a rival shipping group."]


CONTENT_LINES = [
    ("seed-000", "Of 17 covering analysts, 16 maintain a “Buy” rating on the stock."),
    ("ours", "Should investors worry? Revenue fell 12% to $1.4 billion in the quarter."),
    ("ours", "Advertising revenue rose 13% to $61.6 billion."),
    ("ours", "Source of growth: cloud revenue rose 28% to $9.6 billion in Q1."),
    ("ours", "Related party sales were €12 million."),
    ("ours", "Share buybacks will total $3.5 billion this year."),
    ("ours", "Subscribers rose 8% to 12.4 million."),
    ("ours", "The company said it will read more deeply into demand data."),
    ("ours", "Comments from the CEO: margins will improve to 15%."),
    ("ours", "Stock: Buy recommendations rose to 16 of 17."),
    ("ours", "Ad revenue jumped 20% to $8.1 billion."),
    ("ours", "Latest figures show revenue up 5% to ¥238.8 billion."),
]


@pytest.mark.parametrize("line", [c[1] for c in CONTENT_LINES], ids=[c[0] for c in CONTENT_LINES])
def test_content_line_is_kept(line: str) -> None:
    assert not is_furniture_line(line)
    document = document_from_text(f"Harbor Freightlines\n\n{line}\n")
    assert any(document.body[s:e].endswith(line) for s, e in document.content_spans)


def test_section_runs_to_the_end_once_content_was_seen() -> None:
    article = "Kairo Foods raised its dividend by 10% to $1.10 a share. " * 5
    text = f"{article}\nRelated Articles\nBrandt Foods shares fall 8%\n\nRECOMMEND\nMore $ here"
    [(start, end)] = find_furniture(text)
    assert text[start:end].startswith("Related Articles") and end == len(text)


def test_section_heading_at_the_top_only_drops_its_own_line() -> None:
    text = "Related news\nKairo Foods raised its dividend by 10% to $1.10 a share."
    assert [text[s:e] for s, e in find_furniture(text)] == ["Related news"]


def test_promo_tail_keeps_a_line_with_a_figure() -> None:
    text = (
        "Harbor sold its unit for $780 million.\nAd\nHarbor: hold or fold? Our report says.\n"
        "Harbor also paid a dividend of $0.40 a share.\n"
    )
    excluded = [text[s:e] for s, e in find_furniture(text)]
    assert excluded == ["Ad"]


def test_inline_read_more_is_excluded_but_sentence_kept() -> None:
    document = document_from_text("Harbor sold 15.46% of the unit for $146 million. read more\n")
    [(start, end)] = document.content_spans
    assert document.body[start:end] == "Harbor sold 15.46% of the unit for $146 million."


def test_nothing_but_furniture_falls_back_to_the_whole_text() -> None:
    document = document_from_text("Share on StockTwits\nLeave a Reply")
    assert document.content_spans == ((0, len(document.body)),)
    assert document.warnings


def test_devset_gold_quotes_stay_in_content(shared_dir: Path) -> None:
    devset = shared_dir / "devset"
    checked = 0
    for gold_path in sorted((devset / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read_document(devset / "articles" / gold["article"])
        for kind in ("deals", "metrics", "analyst_views"):
            for item in gold[kind]:
                start = document.body.find(item["quote"])
                end = start + len(item["quote"])
                assert start >= 0, item["quote"]
                assert any(s <= start and end <= e for s, e in document.content_spans), (
                    gold["article"],
                    item["quote"],
                )
                checked += 1
    assert checked > 150


@pytest.mark.parametrize(
    ("article", "furniture"),
    [
        pytest.param("gmt_giantbiogene_citi.txt", "Related Articles", id="devset-giantbiogene"),
        pytest.param("np_asml_buyback_2022_11.txt", "Leave a Reply", id="devset-asml"),
        pytest.param("a13_infosys_2022_q2.txt", "- Advertisement -", id="devset-infosys"),
        pytest.param(
            "inv_daicel_ms_downgrade.txt", "generated with the support of AI", id="devset-daicel"
        ),
        pytest.param(
            "abn_toyota_ms_downgrade_2014_04.txt", "Share on StockTwits", id="devset-toyota"
        ),
    ],
)
def test_devset_furniture_is_excluded(shared_dir: Path, article: str, furniture: str) -> None:
    document = read_document(shared_dir / "devset" / "articles" / article)
    start = document.body.index(furniture)
    assert not any(s <= start < e for s, e in document.content_spans)


_LINES = st.sampled_from(
    [line for _, line in FURNITURE_LINES]
    + [line for _, line in CONTENT_LINES]
    + ["", "   ", "Related Articles", "Ad", "read more"]
)


@settings(deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=25))
def test_content_spans_are_ordered_trimmed_and_inside_the_body(lines: list[str]) -> None:
    body = "\n".join(lines)
    spans = content_spans(body, find_furniture(body))
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(body)
        piece = body[start:end]
        assert piece == piece.strip() and piece
        previous_end = end

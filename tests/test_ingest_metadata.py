"""Metadata read from the text: title, publication date, source, header lines, identifiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest import document_from_text, read_document

TEXTS = [
    (
        "seed-000",
        "Vantor’s, Bold\n\nVantor’s Bold Bet on Robots\n\n12.03.2026 - 09:41:17\n\n"
        "Vantor DE000VTR5416\n\nVantor is buying a 30% stake in Fleetwise.",
        "Vantor’s Bold Bet on Robots",
        "2026-03-12T09:41:17",
        None,
    ),
    (
        "seed-001",
        "Vantor’s Next Move\n05.02.2026 - 17:02:55Vantor DE000VTR5416\nVantor will spend more.",
        "Vantor’s Next Move",
        "2026-02-05T17:02:55",
        None,
    ),
    (
        "devset-byd",
        "Kairo 1H25 net profit up 38%\n\nJane Roe, Taipei; DIGITIMES [Tuesday 30 September 2025]"
        "\n\nKairo generated revenue of CNY4.2 billion.",
        "Kairo 1H25 net profit up 38%",
        "2025-09-30",
        None,
    ),
    (
        "ours-dateline",
        "Kairo buys Brandt\nNEW YORK, Jan. 9, 2026 /PRNewswire/ -- Kairo Foods said it agreed to"
        " buy Brandt Foods for $2.1 billion in cash, its largest acquisition to date, and expects"
        " the deal to close in the second half of the year.",
        "Kairo buys Brandt",
        "2026-01-09",
        None,
    ),
    (
        "ours-deal-date-is-not-publication",
        "Kairo buys Brandt\nOn January 3, 2026, Kairo Foods said it agreed to buy Brandt Foods for"
        " $2.1 billion in cash, its largest acquisition to date, and expects the deal to close"
        " in the second half of the year, subject to approval.",
        "Kairo buys Brandt",
        None,
        None,
    ),
    (
        "ours-date-too-far-down",
        "Kairo buys Brandt\n" + "Line of text.\n" * 9 + "January 9, 2026",
        "Kairo buys Brandt",
        None,
        None,
    ),
    (
        "ours-period-in-subtitle",
        "Kairo record quarter\nResults for the quarter ended December 31, 2025\nRevenue rose 9%.",
        "Kairo record quarter",
        None,
        None,
    ),
    (
        "ours-event-in-subtitle",
        "Kairo buys Brandt\nThe deal is due to close on May 4, 2026\nKairo pays $2.1 billion.",
        "Kairo buys Brandt",
        None,
        None,
    ),
    (
        "ours-published-on",
        "Kairo record quarter\nPublished on January 9, 2026 · 3 min read\nRevenue rose 9%.",
        "Kairo record quarter",
        "2026-01-09",
        None,
    ),
    (
        "devset-bloomberg",
        "(Bloomberg) -- Kairo Foods shares surged to a record on Wednesday.",
        None,
        None,
        "Bloomberg",
    ),
    (
        "devset-investing",
        "Kairo upgraded\nInvesting.com -- Shares of Kairo Foods climbed 5.8% on Tuesday.",
        "Kairo upgraded",
        None,
        "Investing.com",
    ),
    (
        "devset-veolia",
        "Kairo and Brandt agree merger\nThe deal is worth $2 billion.\nSource: Reuters",
        "Kairo and Brandt agree merger",
        None,
        "Reuters",
    ),
    (
        "devset-asml",
        "Kairo buyback\nKairo will buy back EUR 1 billion of shares.\n© Thomson Reuters 2026",
        "Kairo buyback",
        None,
        "Thomson Reuters",
    ),
    (
        "seed-000-footer",
        "Kairo buyback\nKairo will buy back shares.\n@ boerse-global.de | US92838R1059 KAIRO",
        "Kairo buyback",
        None,
        "boerse-global.de",
    ),
    (
        "ours-long-first-line",
        "Kairo Foods " + "reported a strong quarter with revenue up 9% " * 6 + "to $3.2 billion.",
        None,
        None,
        None,
    ),
    (
        "ours-wire-lede",
        "LONDON (Reuters) - Harbor agreed to sell its tanker unit for $780 million.",
        None,
        None,
        "Reuters",
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "published", "source"), [c[1:] for c in TEXTS], ids=[c[0] for c in TEXTS]
)
def test_text_metadata(
    text: str, title: str | None, published: str | None, source: str | None
) -> None:
    document = document_from_text(text)
    assert (document.title, document.published, document.source) == (title, published, source)


def test_header_lines_are_metadata_not_content() -> None:
    text = (
        "Vantor’s, Bold\n\nVantor’s Bold Bet\n\n12.03.2026 - 09:41:17\n\n"
        "Vantor DE000VTR5416\n\nBody."
    )
    document = document_from_text(text)
    assert [document.body[s:e] for s, e in document.content_spans] == ["Vantor’s Bold Bet", "Body."]
    assert document.isins == ("DE000VTR5416",)


def test_markdown_heading_and_front_matter() -> None:
    document = document_from_text(
        "---\ntitle: Kairo posts record quarter\ndate: 2026-02-18\n---\n\n# Kairo posts record"
        " quarter\n\nRevenue rose 9%.",
        format="markdown",
    )
    assert (document.title, document.published, document.format) == (
        "Kairo posts record quarter",
        "2026-02-18",
        "markdown",
    )
    # The front matter is left out of the content; the heading is read without its "#".
    assert document.body[document.content_spans[0][0] :].startswith("Kairo posts record")


def test_markdown_heading_markup_is_not_in_the_title() -> None:
    document = document_from_text(
        "## **Kairo posts record quarter** ##\n\nText.", format="markdown"
    )
    assert document.title == "Kairo posts record quarter"


SEEDS = [
    (
        "000_17bc7c86aa70c97c.txt",
        "Alibaba’s Strategic AI Investment and Market Position",
        "2026-01-04T12:24:06",
        "boerse-global.de",
    ),
    (
        "001_e7901a10e163862b.txt",
        "Alibaba’s Strategic Pivot: Betting Big on AI Infrastructure",
        "2026-01-01T06:13:04",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "published", "source"), SEEDS, ids=["seed-000", "seed-001"]
)
def test_seed_metadata(
    shared_dir: Path, name: str, title: str, published: str, source: str | None
) -> None:
    document = read_document(shared_dir / "seeds" / name)
    assert (document.title, document.published, document.source) == (title, published, source)
    assert document.isins == ("US01609W1027",)
    content = " ".join(document.body[s:e] for s, e in document.content_spans)
    assert "Read more here" not in content and "Ad\n" not in content
    assert "Should investors sell immediately" not in content
    assert "Alibaba US01609W1027" not in content


def test_devset_stamp_in_byline(shared_dir: Path) -> None:
    document = read_document(shared_dir / "devset" / "articles" / "dt_byd_2016_h1.txt")
    assert document.published == "2016-08-30"

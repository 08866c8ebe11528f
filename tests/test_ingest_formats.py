"""Each supported format read into a Document: body, metadata, content spans, warnings."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.domain.model import Document
from briefing.ingest import IngestError, document_from_text, read_document
from briefing.ingest.document import document_id
from test_ingest_support import FIXTURES, text_and_blank_pdf, text_pdf


def _content(document: Document) -> str:
    return "\n".join(document.body[s:e] for s, e in document.content_spans)


# fixture, format, title, published, source, tickers, isins, in content, not in content
FIXTURE_CASES = [
    (
        "seedlike_vantor.txt",
        "text",
        "Vantor’s Bold Bet on Warehouse Robots",
        "2026-03-12T09:41:17",
        "boerse-global.de",
        (),
        ("DE000VTR5416",),
        ("€120 million", "from €210 million to €265 million", '9 rate it "Buy"'),
        ("Vantor’s, Bold", "Read more here", "speak for themselves", "Should investors sell"),
    ),
    (
        "glued_header_vantor.txt",
        "text",
        "Vantor’s Next Move: Robots for Every Warehouse",
        "2026-02-05T17:02:55",
        None,
        (),
        ("DE000VTR5416",),
        ("EUR 1.5 billion over the next four years", "EUR 640 million"),
        ("hold or fold", "17:02:55", "Continue here"),
    ),
    (
        "wire_story_harbor.txt",
        "text",
        None,
        None,
        "Reuters",
        ("LON:HFL", "NYSE:OCC"),
        (),
        ("$780 million", "$200 million share buyback.", "price target of 540p"),
        ("Also Read", "read more", "StockTwits", "$300 million order", "support of AI"),
    ),
    (
        "results_kairo.md",
        "markdown",
        "Kairo Foods posts record quarter",
        "2026-02-18T07:00:00",
        "Example Wire",
        ("NYSE:KRO",),
        ("US92838R1059",),
        # Markdown is read as the text a reader sees: no "**", "#" or bullet markers.
        ("reported fourth-quarter revenue of $3.2 billion, up 9%", "\nSnacks revenue: $1.9"),
        ("Rival Brandt", "falls 8%", "title:", "**", "# ", "- "),
    ),
    (
        "page_lumio.html",
        "html",
        "Lumio Energy raises $450 million in green bond",
        "2026-03-02T14:15:00",
        "Northwind Markets",
        ("NASDAQ:LUMO",),
        (),
        ("coupon of 5.25%", "topped $1.6 billion", "price target of $38"),
        ("Home", "cookies", "99% of assets", "Win $10,000", "Solvane", "Privacy", "4 of 5"),
    ),
    (
        "update_plain.eml",
        "email",
        "Tessaro Pharma: full-year results and EUR 300 million buyback",
        "2026-02-19T07:30:00",
        "tessaro-pharma.invalid",
        (),
        (),
        ("adjusted EBITDA of EUR 1.3 billion", "dividend of EUR 1.20 per share"),
        ("Unsubscribe", "<p>"),
    ),
    (
        "update_html_only.eml",
        "email",
        "Quarry Metals lifts copper output guidance",
        "2026-03-09T18:05:00",
        "quarry-metals.invalid",
        (),
        (),
        ("410,000 tonnes from 380,000 tonnes", "company’s net cash reached $650 million"),
        ("View in browser", "Unsubscribe", "newsletter"),
    ),
]


@pytest.mark.parametrize("case", FIXTURE_CASES, ids=[f"ours-{c[0]}" for c in FIXTURE_CASES])
def test_fixture(case: tuple) -> None:  # type: ignore[type-arg]
    name, fmt, title, published, source, tickers, isins, kept, dropped = case
    document = read_document(FIXTURES / name)
    assert document.path == str(FIXTURES / name)
    assert (document.format, document.title, document.published, document.source) == (
        fmt,
        title,
        published,
        source,
    )
    assert (document.tickers, document.isins) == (tickers, isins)
    content = _content(document)
    for phrase in kept:
        assert phrase in content
    for phrase in dropped:
        assert phrase not in content
    assert document.id == document_id(document.body)


def test_email_attachments_are_named_in_a_warning() -> None:
    document = read_document(FIXTURES / "update_plain.eml")
    assert document.warnings == ("attachments not read: results.pdf",)
    # Quoted-printable soft line breaks are joined: "a=\ndjusted" reads "adjusted".
    assert "adjusted EBITDA" in document.body


def test_pdf_text_layer_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "orvia.pdf"
    path.write_bytes(text_pdf())
    document = read_document(path)
    assert document.format == "pdf"
    assert document.title == "Orvia Telecom agrees $1.1 billion tower sale"
    # The layout's line wrap inside the sentence is joined; the "ﬁ" ligature is undone (NFKC).
    assert "Castell Infrastructure for $1.1 billion, the company said on Friday." in document.body
    assert "The final price is 14 times" in document.body
    assert "\t" not in document.body and "ﬁ" not in document.body
    assert document.warnings == ()


def test_pdf_page_without_text_is_named_in_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "two_pages.pdf"
    path.write_bytes(text_and_blank_pdf())
    document = read_document(path)
    assert "Orvia Telecom" in document.body
    assert document.warnings == ("PDF pages without text: 2",)


def test_crlf_and_cr_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Kairo record\r\n\r\nRevenue rose 9%.\rMargins widened.\r\n")
    document = read_document(path)
    assert document.body == "Kairo record\n\nRevenue rose 9%.\nMargins widened.\n"


def test_same_text_same_id_whatever_the_line_endings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Kairo record\r\nRevenue rose 9%.")
    (tmp_path / "b.txt").write_bytes(b"Kairo record\nRevenue rose 9%.")
    assert read_document(tmp_path / "a.txt").id == read_document(tmp_path / "b.txt").id


def test_text_keeps_quotes_and_spacing_as_written() -> None:
    text = "Kairo’s  “record”\u00a0quarter – revenue +9%\n"
    assert document_from_text(text).body == text


def test_uppercase_extension(tmp_path: Path) -> None:
    path = tmp_path / "PAGE.HTM"
    path.write_bytes((FIXTURES / "page_lumio.html").read_bytes())
    assert read_document(path).format == "html"


def test_html_declared_legacy_charset_needs_no_warning(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Zürich Re results</title></head>'
        "<body><article><p>Zürich Re’s net income rose 12% to €1.4 billion, the insurer said"
        " on Thursday.</p></article></body></html>"
    )
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    document = read_document(path)
    assert "Zürich Re’s net income rose 12% to €1.4 billion" in document.body
    assert document.warnings == ()


@pytest.mark.parametrize(
    ("fmt", "text", "phrase"),
    [
        pytest.param(
            "html",
            "<html><head><title>Kairo record</title></head><body><nav>Menu</nav><p>Kairo Foods"
            " said revenue rose 9% to $3.2 billion.</p></body></html>",
            "revenue rose 9% to $3.2 billion",
            id="ours-html",
        ),
        pytest.param(
            "email",
            "From: ir@kairo.invalid\nSubject: Kairo record\n\nRevenue rose 9% to $3.2 billion.\n",
            "Revenue rose 9% to $3.2 billion.",
            id="ours-email",
        ),
        pytest.param(
            "pdf",
            "Kairo record\nRevenue rose 9% to $3.2\nbillion in the quarter.",
            "rose 9% to $3.2 billion in the quarter.",
            id="ours-pdf-text",
        ),
        pytest.param(
            "markdown", "# Kairo\n\nRevenue rose 9%.", "Kairo\n\nRevenue", id="ours-markdown"
        ),
    ],
)
def test_document_from_text_per_format(fmt: str, text: str, phrase: str) -> None:
    document = document_from_text(text, path="pasted", format=fmt)  # type: ignore[arg-type]
    assert document.format == fmt and document.path == "pasted"
    assert phrase in document.body
    assert document.title in ("Kairo record", "Kairo")


_LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "Ad",
            "Related Articles",
            "04.01.2026 - 12:24:06",
            "Kairo US92838R1059",
            "Revenue rose 9% to $3.2 billion (NYSE: KRO).",
            "© Example 2026",
            "@ example.invalid | KAIRO",
            "# Heading",
        ]
    ),
)


@settings(deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=20), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_text_gives_a_consistent_document(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    try:
        document = document_from_text(text)
    except IngestError as error:
        assert not text.strip() and "empty" in error.reason
        return
    assert "\r" not in document.body and document.id == document_id(document.body)
    assert document.content_spans
    for start, end in document.content_spans:
        assert 0 <= start < end <= len(document.body)
    if document.title is not None:
        assert document.title in document.body
    if document.published is not None:
        datetime.fromisoformat(document.published)

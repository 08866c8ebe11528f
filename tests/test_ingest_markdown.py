"""Markdown articles are read as the text a reader sees: no "**", "#" or "[...](...)" in
the body, the evidence quotes or the Article tab; lines and paragraphs stay as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import collect_article_paths, document_from_text, read_document
from briefing.ingest.document import document_id
from briefing.ingest.markdown_text import markdown_to_text
from briefing.paths import resources_dir
from briefing.store import Library

# All cases are ours: sentences written for these tests in the style of saved articles.
MARKUP_CASES = [
    # emphasis
    pytest.param("**Data Center** revenue rose", "Data Center revenue rose",
                 id="ours-strong-stars"),
    pytest.param("__Data Center__ revenue rose", "Data Center revenue rose",
                 id="ours-strong-underscores"),
    pytest.param("a *record* quarter", "a record quarter", id="ours-emphasis-star"),
    pytest.param("a _record_ quarter", "a record quarter", id="ours-emphasis-underscore"),
    pytest.param("***Outlook raised***", "Outlook raised", id="ours-strong-and-emphasis"),
    pytest.param("un*frigging*believable", "unfriggingbelievable", id="ours-star-inside-word"),
    pytest.param("~~$2.1 billion~~ $2.3 billion", "$2.1 billion $2.3 billion",
                 id="ours-strikethrough"),
    pytest.param("**fourth-quarter\nrevenue** rose", "fourth-quarter\nrevenue rose",
                 id="ours-emphasis-across-a-wrapped-line"),
    # look like markup, are not
    pytest.param("the total_revenue_usd field", "the total_revenue_usd field",
                 id="ours-snake-case"),
    pytest.param("pre_tax _and_ post_tax", "pre_tax and post_tax", id="ours-underscores-in-words"),
    pytest.param("2 * 3 * 4 = 24", "2 * 3 * 4 = 24", id="ours-multiplication"),
    pytest.param("Revenue* rose 5%.\n*Adjusted", "Revenue* rose 5%.\n*Adjusted",
                 id="ours-footnote-star"),
    pytest.param("~5% and ~6%", "~5% and ~6%", id="ours-tilde-approx"),
    pytest.param("#1 supplier", "#1 supplier", id="ours-hash-without-space"),
    pytest.param("Acme | Reuters", "Acme | Reuters", id="ours-pipe-without-table"),
    pytest.param("P/E < 10 and > 5", "P/E < 10 and > 5", id="ours-angle-brackets"),
    pytest.param("\\*not emphasis\\* and Q3\\_2025", "*not emphasis* and Q3_2025",
                 id="ours-escapes"),
    # inline code, links, images
    pytest.param("the `rev_q3*` column", "the rev_q3* column", id="ours-code-span-verbatim"),
    pytest.param("see ``a ` b``", "see a ` b", id="ours-double-backtick-code"),
    pytest.param("[Kestrel results](https://example.invalid/a_b_c)", "Kestrel results",
                 id="ours-link"),
    pytest.param('[filing](https://example.invalid/f "SEC filing") was', "filing was",
                 id="ours-link-with-title"),
    pytest.param("![Revenue by segment](img/rev_q3.png)", "Revenue by segment", id="ours-image"),
    pytest.param("[![Logo](l.png)](https://example.invalid)", "Logo", id="ours-image-in-link"),
    pytest.param("at <https://example.invalid/ir>", "at https://example.invalid/ir",
                 id="ours-autolink"),
    pytest.param("[the filing][sec] and [sec]\n\n[sec]: https://example.invalid/f",
                 "the filing and sec\n\n", id="ours-reference-link-and-definition"),
    pytest.param("[Acme] stays", "[Acme] stays", id="ours-brackets-without-definition"),
    pytest.param("[Update]: Shares rose", "[Update]: Shares rose", id="ours-bracket-label-is-text"),
    pytest.param("margin rose[^1]\n\n[^1]: Adjusted figures.", "margin rose\n\nAdjusted figures.",
                 id="ours-footnote"),
    # blocks
    pytest.param("## Segments ##\nText", "Segments\nText", id="ours-atx-heading"),
    pytest.param("Results\n=======\nText", "Results\n\nText", id="ours-setext-heading"),
    pytest.param("> Also read: x\n> > nested", "Also read: x\nnested", id="ours-blockquote"),
    pytest.param("* one\n- two\n+ three", "one\ntwo\nthree", id="ours-bullets"),
    pytest.param("- [x] done", "done", id="ours-task-list"),
    pytest.param("1. First\n2) Second", "1. First\n2) Second", id="ours-ordered-list-kept"),
    pytest.param("  indented line", "indented line", id="ours-indentation"),
    pytest.param("a\n\n***\n\nb\n---\n* * *", "a\n\n\n\nb\n\n", id="ours-rules"),
    pytest.param("Text <!-- hidden -->here\n<!--\nmany\n-->\nEnd", "Text here\n\nEnd",
                 id="ours-html-comments"),
    pytest.param("```\n**kept** as_is\n```", "\n**kept** as_is\n", id="ours-fenced-code"),
    pytest.param("| Segment | Revenue |\n| :--- | ---: |\n| **Gaming** | $1.1 bn |\n\nNext",
                 "Segment\tRevenue\nGaming\t$1.1 bn\n\nNext", id="ours-table"),
    pytest.param("Segment | Revenue\n--- | ---\nGaming | $1.1 bn",
                 "Segment\tRevenue\nGaming\t$1.1 bn", id="ours-table-without-outer-pipes"),
    pytest.param("---\ntitle: A *b*\n---\n# A *b*", "---\ntitle: A *b*\n---\nA b",
                 id="ours-front-matter-kept"),
]  # fmt: skip


@pytest.mark.parametrize(("markdown", "text"), MARKUP_CASES)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


_PLAIN_LINE = st.text(alphabet=st.sampled_from("AbcXyz019 .,%$€()'-:;"), max_size=40).filter(
    lambda line: not line.lstrip().startswith(("-", "1.", "2."))
)


@settings(deadline=None, max_examples=200)
@given(st.lists(_PLAIN_LINE, min_size=1, max_size=12))
def test_text_without_markup_keeps_every_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert markdown_to_text(text) == "\n".join(line.lstrip() for line in lines)


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from("ab *_`#>-+[]()!~\\\n=:"), max_size=80))
def test_any_markdown_keeps_the_line_count_and_never_grows(markdown: str) -> None:
    text = markdown_to_text(markdown)
    assert text.count("\n") == markdown.count("\n")  # no table, comment or front matter here
    assert len(text) <= len(markdown)


def test_a_long_paragraph_of_unclosed_markers_stays_fast() -> None:
    import time

    markdown = "Revenue *rose _fast " * 20_000  # ~400 KB, openers without closers
    began = time.perf_counter()
    assert markdown_to_text(markdown) == markdown
    assert time.perf_counter() - began < 2.0


KESTREL = "kestrel_q3_fy2025_results.md"


def test_bundled_markdown_sample_reads_without_markup() -> None:
    document = read_document(resources_dir() / "samples" / KESTREL)
    assert document.format == "markdown"
    assert document.title == "Kestrel Semiconductor lifts margins as data-centre chips take off"
    assert document.published == "2025-11-06"
    for mark in ("**", "# ", "\n- ", "---"):
        assert mark not in document.body
    assert "Industrial & Consumer revenue was flat at $692 million." in document.body
    assert document.id == document_id(document.body)


def test_bundled_markdown_sample_quotes_and_segments() -> None:
    document = read_document(resources_dir() / "samples" / KESTREL)
    extraction = extract_document(document)
    for item in (*extraction.deals, *extraction.metrics, *extraction.analyst_views):
        assert "*" not in item.evidence.quote
        assert document.body[item.evidence.start : item.evidence.end] == item.evidence.quote
    by_amount = {m.value.value: m for m in extraction.metrics if m.value is not None}
    assert by_amount[692_000_000].segment == "Industrial & Consumer"
    assert by_amount[2_410_000_000].segment is None  # the company's own revenue
    company_revenue = [m for m in extraction.metrics if m.name == "revenue" and m.segment is None]
    assert [m.value.value for m in company_revenue if m.value is not None] == [2_410_000_000]


ARTICLE = (
    "# Orlen Foods lifts outlook\n\n*Published 2026-03-04*\n\n"
    "Orlen Foods Inc. said on Wednesday that **Health and Wellness** sales rose 4% to "
    "$310 million, while [group revenue](https://example.invalid/r) rose 6% to $2.4 billion.\n"
)


def test_file_and_pasted_text_give_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "orlen.md"
    path.write_text(ARTICLE, encoding="utf-8")
    from_file = read_document(path)
    pasted = document_from_text(ARTICLE, path=str(path), format="markdown")
    assert from_file == pasted
    assert "**" not in from_file.body and "](" not in from_file.body


def test_same_article_as_markdown_or_plain_text_is_one_library_entry(tmp_path: Path) -> None:
    """The id is the hash of the text read, so an .md file and the .txt of its text are the
    same article, and adding the .md file again says it is already there."""
    markdown = tmp_path / "orlen.md"
    markdown.write_text(ARTICLE, encoding="utf-8")
    plain = tmp_path / "orlen.txt"
    plain.write_text(markdown_to_text(ARTICLE), encoding="utf-8")
    with Library.open(tmp_path / "library.sqlite3") as library:
        outcomes = []
        for path in (markdown, markdown, plain):
            document = read_document(path)
            result = ArticleResult(document, extract_document(document))
            outcomes.append(library.add(result, "test"))
        assert [o.status for o in outcomes] == ["added", "already present", "already present"]
        assert len(library) == 1


# The window's file dialog offers "*.markdown" (gui/library_actions.ARTICLE_FILTER), so the
# reader must take what the dialog lets a user pick.
@pytest.mark.parametrize("name", ["orlen.md", "orlen.markdown", "ORLEN.MARKDOWN", "orlen.Markdown"])
def test_every_markdown_suffix_reads_as_markdown(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    document = read_document(path)
    assert document.format == "markdown"
    assert document == document_from_text(ARTICLE, path=str(path), format="markdown")
    found, errors = collect_article_paths([tmp_path], recursive=False)
    assert (found, errors) == ([path], [])

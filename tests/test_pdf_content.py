"""The PDF briefing of the two Alibaba samples: what it says (through text extraction),
how it is built (fonts, links, outline, metadata), determinism and the golden text."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from briefing import __version__
from briefing.analysis.briefing import Briefing
from briefing.pdf import ExportOptions, ExportResult, export_briefing
from pdf_support import ALIBABA, PINNED, briefing_of, one_line, pdf_text, qt_application

GOLDEN = Path(__file__).parent / "golden" / "alibaba_briefing.txt"
GOLDEN_PAGES = Path(__file__).parent / "golden" / "alibaba_briefing.pages"


@pytest.fixture(scope="module")
def alibaba() -> Briefing:
    qt_application()
    return briefing_of(ALIBABA, "Alibaba")


@pytest.fixture(scope="module")
def exported(alibaba: Briefing, tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    target = tmp_path_factory.mktemp("pdf") / "alibaba.pdf"
    return export_briefing(alibaba, target, ExportOptions(generated=PINNED))


@pytest.fixture(scope="module")
def text(exported: ExportResult) -> str:
    return pdf_text(exported.path)


# (what the acceptance asks for, as the app writes it)
ACCEPTANCE = [
    ("deal 1: the Meitu convertible", "3 Jan 2026"),
    ("deal 1 amount", "USD 250 million"),
    ("deal 2: MiniMax IPO stake", "MiniMax"),
    ("deal 2 date", "9 Jan 2026"),
    ("deal 2 valuation", "HKD 3.83–4.19 billion"),
    ("deal 3: Meitu cloud contract", "at least CNY 560 million"),
    ("segment: Cloud Intelligence revenue", "USD 5.59 billion"),
    ("segment: Cloud Intelligence name", "Cloud Intelligence Group"),
    ("segment: core commerce revenue", "CNY 248 billion"),
    ("ratings: 16 of 17 Buy", "Buy; 16 of 17"),
    ("average target", "USD 205"),
    ("target range", "USD 190–205"),
    ("conflict: 72%", "more than 72%"),
    ("conflict: 77%", "77 percent"),
    ("conflict heading", "share performance (over 2025)"),
    ("source 1 title", "Alibaba’s Next Step: Anchoring MiniMax’s Hong Kong Debut"),
    ("source 2 title", "Alibaba’s AI Push"),
    ("source 2 quote: the ratings", "Among 17 analysts covering Alibaba, 16 rate the shares"),
    ("source 2 quote: the conflict", "The shares gained more than 72% in 2025"),
    ("source 1 quote: the conflict", "The stock rose 77 percent over 2025"),
    ("source 1 quote: the targets", "price targets span USD 190 to USD 205"),
    ("cover: ISIN", "US01609W1027"),
    ("cover: generation date", "Generated 10 Jan 2026"),
    ("footer", "page 1 of"),
    ("chart labels are text", "Deal timeline (USD, log scale)"),
]


@pytest.mark.parametrize(("where", "phrase"), ACCEPTANCE, ids=[w for w, _ in ACCEPTANCE])
def test_alibaba_text_holds_the_acceptance_facts(text: str, where: str, phrase: str) -> None:
    assert phrase in one_line(text), where


def test_fonts_are_embedded(exported: ExportResult) -> None:
    reader = PdfReader(exported.path)
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for name, font in resources.get("/Font", {}).items():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                fonts[(name, str(font.get("/BaseFont")))] = descriptor.get_object()
    assert fonts
    for key, descriptor in fonts.items():
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, key


def _links(reader: PdfReader) -> list[tuple[int, str]]:
    found = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                found.append((number, str(annotation["/Dest"])))
    return found


def test_every_citation_links_to_an_existing_source_entry(
    exported: ExportResult, alibaba: Briefing
) -> None:
    reader = PdfReader(exported.path)
    destinations = reader.named_destinations
    links = _links(reader)
    assert links
    assert {dest for _, dest in links} <= set(destinations)
    assert {f"src-{source.number}" for source in alibaba.sources} <= set(destinations)
    assert {dest for _, dest in links} == {f"src-{s.number}" for s in alibaba.sources}
    # Summary marks on the first page link too.
    assert any(page == 0 for page, _ in links)


def test_outline_lists_the_sections(exported: ExportResult) -> None:
    reader = PdfReader(exported.path)
    titles = [item.title for item in reader.outline if isinstance(item, DictionaryObject)]
    assert titles == [
        "Cover",
        "Executive summary",
        "Deals",
        "Segment metrics",
        "Analyst views",
        "Conflicts",
        "Sources",
    ]
    assert not isinstance(reader.outline, ArrayObject) or reader.outline


def test_metadata(exported: ExportResult) -> None:
    info = PdfReader(exported.path).metadata
    assert info is not None
    assert info.title == "Alibaba: briefing"
    assert info.subject == "Deals, segment metrics and analyst views on Alibaba from 2 sources"
    assert info.creator == f"Investor Briefing {__version__}"
    assert info["/CreationDate"] == "D:20260110080000+00'00'"


def test_pages_and_paper(exported: ExportResult) -> None:
    reader = PdfReader(exported.path)
    assert exported.pages == len(reader.pages)
    assert 3 <= exported.pages <= 8  # "a few pages"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_same_input_same_text(
    alibaba: Briefing, exported: ExportResult, text: str, tmp_path: Path
) -> None:
    again = export_briefing(alibaba, tmp_path / "again.pdf", ExportOptions(generated=PINNED))
    assert again.pages == exported.pages
    assert pdf_text(again.path) == text


def test_golden_text(text: str, exported: ExportResult, request: pytest.FixtureRequest) -> None:
    """The extracted text and page count against tests/golden (``--update-golden``
    rewrites them after a change meant to alter the PDF)."""
    if request.config.getoption("--update-golden"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text + "\n", encoding="utf-8")
        GOLDEN_PAGES.write_text(f"{exported.pages}\n", encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8").rstrip("\n")
    if text != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.splitlines(), text.splitlines(), "golden", "now", lineterm=""
            )
        )
        pytest.fail(f"the PDF text differs from {GOLDEN.name} (--update-golden):\n{diff}")
    assert exported.pages == int(GOLDEN_PAGES.read_text(encoding="utf-8"))

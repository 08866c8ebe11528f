"""Untrusted article text in the PDF: markup and entities come out as literal text,
nothing is loaded, Chinese names extract correctly; the writer imports no widgets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.pdf import ExportOptions, export_briefing
from briefing.pdf import layout as pdf_layout
from pdf_support import PINNED, briefing_of, one_line, pdf_text, qt_application

# Written for this test: markup, a link, an entity and a Chinese company name.
HOSTILE = """阿里巴巴 and Vestmark <img src="/etc/passwd"> Q&amp;A <a href="http://x">more</a>

Vestmark Foods to buy Orla Dairy

12.02.2026 - 09:30:00

Vestmark Foods agreed on February 10, 2026 to acquire Orla Dairy for $420 million \
<img src="/etc/passwd"> <a href="http://x">read</a> Fish &amp; Chips.

Vestmark Foods said revenue at its Chilled Foods division rose 12% to $3.1 billion \
in 2025, ahead of 阿里巴巴.
"""


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    qt_application()
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    briefing = briefing_of([article], "Vestmark Foods")
    requested: list[str] = []
    original = pdf_layout.GuardedDocument.loadResource

    def recording(self: pdf_layout.GuardedDocument, kind: int, name: object) -> object:
        requested.append(str(name))
        return original(self, kind, name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_layout.GuardedDocument, "loadResource", recording)
        result = export_briefing(briefing, folder / "hostile.pdf", ExportOptions(generated=PINNED))
    return result.path, requested


@pytest.mark.parametrize(
    "literal",
    [
        '<img src="/etc/passwd">',  # from the title
        '<a href="http://x">',  # from the title
        "Q&amp;A",  # from the title: the entity stays as written
        "阿里巴巴",  # the company: CJK extracts as the same characters
    ],
)
def test_markup_is_literal_text(hostile_pdf: tuple[Path, list[str]], literal: str) -> None:
    assert literal in one_line(pdf_text(hostile_pdf[0]))


def test_nothing_is_loaded(hostile_pdf: tuple[Path, list[str]]) -> None:
    path, requested = hostile_pdf
    assert requested == []
    for page in PdfReader(path).pages:
        objects = page["/Resources"].get_object().get("/XObject", {})
        assert all(o.get_object().get("/Subtype") != "/Image" for o in objects.values())


def test_writer_imports_no_widgets() -> None:
    code = (
        "import sys, briefing.pdf.export, briefing.cli.export_command; "
        "print('PySide6.QtWidgets' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"

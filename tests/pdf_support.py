"""Shared by the PDF tests: the Alibaba briefing, a Qt application, text extraction."""

from __future__ import annotations

import argparse
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from briefing.analysis.briefing import Briefing
from briefing.cli.briefing_input import BriefingInput, briefing_from_args

PROJECT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT / "resources" / "samples"
ALIBABA = sorted(SAMPLES.glob("alibaba_*.txt"))
PINNED = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
_SPACES = re.compile(r"[ \t\u00a0]+")


def briefing_of(paths: list[Path], company: str) -> Briefing:
    """The briefing the CLI builds from article files."""
    args = argparse.Namespace(
        paths=paths, library=None, company=company, currency="USD", recursive=False
    )
    built = briefing_from_args(args, "test")
    assert isinstance(built, BriefingInput), built
    return built.briefing


def qt_application() -> object:
    """The test session's Qt application: a QApplication (tests/conftest.py makes it first),
    never a bare QGuiApplication, which would make every later widget test abort."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["briefing-tests"])


def normalised(text: str) -> str:
    """Extracted text for comparison: NFKC (ligatures), tabs and runs of spaces collapsed
    (Qt maps the space glyph to a tab: STACK P3/P7), trailing spaces dropped."""
    text = unicodedata.normalize("NFKC", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return normalised("\n".join(page.extract_text() or "" for page in reader.pages))


def one_line(text: str) -> str:
    """Text with line breaks as spaces, for phrases a table cell may wrap."""
    return " ".join(text.split())

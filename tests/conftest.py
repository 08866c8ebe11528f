"""Test-wide set-up: Qt runs offscreen and matplotlib headless, before any Qt import."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
# Never the user's real library or data folder, whatever a test forgets to pass.
os.environ["BRIEFING_DATA_DIR"] = tempfile.mkdtemp(prefix="briefing-test-data-")
os.environ.pop("BRIEFING_LIBRARY", None)

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp: object) -> object:
    """One QApplication for the whole session, made before any test: the PDF export and
    `briefing export` make a QGuiApplication when none exists, and a widget test after
    that would abort the process (QWidget needs a QApplication)."""
    return qapp


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the project; tests that need it skip, saying so, when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not present: shared test material skipped")
    return SHARED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files (tests/golden) from the current output",
    )

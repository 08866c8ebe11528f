"""``briefing export`` as a user runs it: from files and from the library (same text),
--force, --paper letter, and the errors with their exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.analysis.importer import import_paths
from briefing.cli.main import main
from briefing.store import Library
from pdf_support import ALIBABA, pdf_text, qt_application

PIN = ["--pin-date", "2026-01-10T08:00:00+00:00"]
FILES = [str(path) for path in ALIBABA]


def _export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["export", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module", autouse=True)
def application() -> object:
    return qt_application()


@pytest.fixture(scope="module")
def from_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("cli") / "files.pdf"
    assert main(["export", *FILES, "--company", "Alibaba", "-o", str(target), *PIN]) == 0
    return target


def test_from_files_writes_the_briefing(from_files: Path) -> None:
    assert "USD 250 million" in pdf_text(from_files)
    assert PdfReader(from_files).pages[0].mediabox.height == 842  # A4 by default


def test_library_gives_the_same_text(
    from_files: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "library.sqlite"
    with Library.open(database) as library:
        summary = import_paths(ALIBABA, library)
    assert len(summary.added) == 2
    target = tmp_path / "library.pdf"
    status, out, _ = _export(
        capsys, "--library", str(database), "--company", "Alibaba", "-o", str(target), *PIN
    )
    assert status == 0
    assert f"{target}:" in out
    library_text = pdf_text(target)
    # The source entries name the file as each route knows it; the rest is the same.
    assert _without_paths(library_text) == _without_paths(pdf_text(from_files))


def _without_paths(text: str) -> list[str]:
    return [line for line in text.splitlines() if ".txt" not in line and "resources/" not in line]


def test_existing_file_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "b.pdf"
    target.write_bytes(b"mine")
    status, _, err = _export(capsys, *FILES, "--company", "Alibaba", "-o", str(target))
    assert status == 1
    assert f"briefing: {target}: " in err and "--force" in err
    assert target.read_bytes() == b"mine"
    status, _, err = _export(
        capsys, *FILES, "--company", "Alibaba", "-o", str(target), "--force", "--paper", "letter"
    )
    assert status == 0, err
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter


# (case, arguments, exit code, words of the message)
USAGE = [
    ("no input", ["--company", "Alibaba", "-o", "x.pdf"], 2, "give article files"),
    ("files and library", [*FILES, "--library", "-o", "x.pdf"], 2, "not both"),
    ("no output", [*FILES, "--company", "Alibaba"], 2, "-o/--output"),
    ("bad paper", [*FILES, "-o", "x.pdf", "--paper", "a3"], 2, "invalid choice"),
    ("bad pin date", [*FILES, "-o", "x.pdf", "--pin-date", "soon"], 2, "not an ISO date"),
    ("unknown company", [*FILES, "--company", "Nobody Corp", "-o", "x.pdf"], 1, "Nobody Corp"),
]


@pytest.mark.parametrize(("case", "argv", "code", "words"), USAGE, ids=[u[0] for u in USAGE])
def test_errors(
    case: str,
    argv: list[str],
    code: int,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    try:
        status, _, err = _export(capsys, *argv)
    except SystemExit as exit_:
        status, err = int(exit_.code or 0), capsys.readouterr().err
    assert status == code, case
    assert words in err
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_target_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "b.pdf"
    status, _, err = _export(capsys, *FILES, "--company", "Alibaba", "-o", str(target))
    assert status == 1
    assert err.startswith(f"briefing: {target.parent}: ")

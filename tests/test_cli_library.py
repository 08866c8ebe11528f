"""``briefing library`` as a user runs it: add, list, remove, reextract, export, bad files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from briefing.cli.main import main
from briefing.store import Library
from test_store_articles import FJORD_FERRIES, HARBOR_DEAL, HARBOR_RESULTS


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    (folder / "deal.txt").write_text(HARBOR_DEAL, encoding="utf-8")
    (folder / "results.md").write_text(HARBOR_RESULTS, encoding="utf-8")
    (folder / "more" / "ferries.txt").write_text(FJORD_FERRIES, encoding="utf-8")
    return folder


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def _run(capsys: pytest.CaptureFixture[str], library: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["library", "--library", str(library), *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_add_counts_added_and_already_present(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path
) -> None:
    status, out, err = _run(capsys, library, "add", str(articles))
    assert (status, out.strip()) == (0, "added 2, already present 0, failed 0"), err
    status, out, err = _run(capsys, library, "add", str(articles), "--recursive")
    assert (status, out.strip()) == (0, "added 1, already present 2, failed 0")
    assert "deal.txt: already in the library" in err


def test_add_reports_each_failed_file_and_exits_1(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path
) -> None:
    (articles / "empty.txt").write_text("   \n", encoding="utf-8")
    status, out, err = _run(
        capsys,
        library,
        "add",
        str(articles / "deal.txt"),
        str(articles / "empty.txt"),
        str(articles / "missing.txt"),
    )
    assert status == 1
    assert out.strip() == "added 1, already present 0, failed 2"
    assert "empty.txt" in err and "missing.txt" in err


def test_list_table_json_and_company_filter(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path
) -> None:
    _run(capsys, library, "add", str(articles), "--recursive")
    status, out, _ = _run(capsys, library, "list")
    assert status == 0 and out.splitlines()[0].startswith("ID")
    assert len(out.splitlines()) == 4
    _, out, _ = _run(capsys, library, "list", "--company", "lumen robotics", "--format", "json")
    rows = json.loads(out)
    assert [Path(row["path"]).name for row in rows] == ["deal.txt"]
    _, out, _ = _run(capsys, library, "list", "--company", "Nobody Inc")
    assert "no articles naming Nobody Inc" in out


def test_remove_by_prefix_needs_yes_off_a_terminal(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path
) -> None:
    _run(capsys, library, "add", str(articles / "deal.txt"))
    with Library.open(library) as opened:
        (article,) = opened.articles()
    status, _, err = _run(capsys, library, "remove", article.id[:10])
    assert status == 2 and "--yes" in err
    status, out, _ = _run(capsys, library, "remove", article.id[:10], "--yes")
    assert (status, out.strip()) == (0, "removed 1 article(s)")
    status, _, err = _run(capsys, library, "remove", "0123abc", "--yes")
    assert status == 1 and "no article with id '0123abc'" in err


def test_reextract_redoes_only_stale_extractions(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path
) -> None:
    _run(capsys, library, "add", str(articles))
    _, out, _ = _run(capsys, library, "reextract")
    assert out.strip().startswith("all 2 article(s) are up to date")
    connection = sqlite3.connect(library)
    with connection:
        connection.execute("UPDATE extractions SET engine_version = '0.0.1'")
    connection.close()
    status, out, _ = _run(capsys, library, "reextract")
    assert (status, out.strip()) == (0, "re-extracted 2 of 2 stale article(s)")
    with Library.open(library) as opened:
        assert opened.stale("0.0.1") == [
            a.id for a in sorted(opened.articles(), key=lambda a: a.id)
        ]


@pytest.mark.parametrize(
    ("label", "content", "reason"),
    [
        ("notes saved under the library's name", b"my notes\n", "not an SQLite database"),
    ],
)
def test_a_bad_library_file_is_named_and_untouched(
    capsys: pytest.CaptureFixture[str], library: Path, label: str, content: bytes, reason: str
) -> None:
    library.write_bytes(content)
    status, _, err = _run(capsys, library, "list")
    assert status == 1 and str(library) in err and reason in err, label
    assert library.read_bytes() == content


def test_a_corrupt_library_is_moved_aside_only_with_the_flag(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path
) -> None:
    _run(capsys, library, "add", str(articles / "deal.txt"))
    data = bytearray(library.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    library.write_bytes(bytes(data))
    status, _, err = _run(capsys, library, "list")
    assert status == 1 and "--recover-corrupt" in err
    status = main(["library", "--library", str(library), "--recover-corrupt", "list"])
    err = capsys.readouterr().err
    assert status == 0 and "moved aside" in err
    assert len(list(library.parent.glob("library.sqlite3.corrupt-*"))) == 1


def test_export_writes_the_frames(
    capsys: pytest.CaptureFixture[str], library: Path, articles: Path, tmp_path: Path
) -> None:
    pytest.importorskip("briefing.analysis.export")
    _run(capsys, library, "add", str(articles))
    status, out, err = _run(
        capsys, library, "export", "--format", "json", "-o", str(tmp_path / "b.json")
    )
    assert status == 0, err
    assert Path(out.strip()) == tmp_path / "b.json"
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))

"""The import pipeline: read, extract, store in batches; failures recorded; cancel; reextract."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing import ENGINE_VERSION
from briefing.analysis.importer import (
    ImportProgress,
    failure_of,
    import_paths,
    read_and_extract,
    reextract_stale,
)
from briefing.store import Library

# Our own tiny articles: each a different company, so each has its own content hash.
TEMPLATE = (
    "Harbour Tools {n} agrees deal\n\n"
    "Harbour Tools {n} Ltd said on Monday it agreed to buy Fjord Parts {n} for "
    "$1{n} million in cash. Revenue of its tools segment rose 12% to $4{n} million.\n"
)


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"article_{n:04d}.txt"
        path.write_text(TEMPLATE.format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


def stored_count(path: Path) -> int:
    with Library.open(path) as library:
        return len(library)


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def test_good_files_are_stored_and_bad_ones_reported(tmp_path: Path, library_file: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 5)
    (folder / "junk.pdf").write_bytes(b"\x00\x01binary junk, not a PDF\xff" * 10)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    seen: list[ImportProgress] = []
    with Library.open(library_file) as library:
        summary = import_paths([folder], library, on_progress=seen.append, batch_size=2)
    assert (len(summary.added), len(summary.failed), summary.total) == (5, 2, 7)
    assert {failure.path.name for failure in summary.failed} == {"junk.pdf", "empty.txt"}
    assert all(failure.reason for failure in summary.failed)
    assert not summary.cancelled and summary.duplicates == ()
    assert [p.done for p in seen] == list(range(1, 8)) and {p.total for p in seen} == {7}
    assert stored_count(library_file) == 5


def test_the_same_content_twice_is_reported_as_duplicate(
    tmp_path: Path, library_file: Path
) -> None:
    first = write_articles(tmp_path / "a", 3)
    copy = tmp_path / "b" / "copy.txt"
    copy.parent.mkdir()
    copy.write_text(first[0].read_text(encoding="utf-8"), encoding="utf-8")
    with Library.open(library_file) as library:
        import_paths([tmp_path / "a"], library)
        again = import_paths([first[1], copy], library)
    assert again.added == () and set(again.duplicates) == {first[1], copy}
    assert stored_count(library_file) == 3


@pytest.mark.parametrize(
    ("stop_after", "batch_size", "expected_stored"),
    [
        (7, 3, 7),  # brief: cancel stores the finished part of the current batch
        (6, 3, 6),  # on a batch boundary
        (0, 3, 0),  # cancelled before the first file
    ],
)
def test_cancel_after_k_files_keeps_exactly_the_files_done(
    tmp_path: Path, library_file: Path, stop_after: int, batch_size: int, expected_stored: int
) -> None:
    write_articles(tmp_path / "in", 12)
    asked = 0

    def should_stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > stop_after

    with Library.open(library_file) as library:
        summary = import_paths(
            [tmp_path / "in"], library, should_stop=should_stop, batch_size=batch_size
        )
    assert summary.cancelled and summary.total == 12
    assert len(summary.added) == expected_stored
    # A fresh connection sees whole articles only: every article has its extraction.
    assert stored_count(library_file) == expected_stored
    with sqlite3.connect(library_file) as raw:
        orphans = raw.execute(
            "SELECT count(*) FROM articles a LEFT JOIN extractions e ON e.article_id = a.id "
            "WHERE e.article_id IS NULL"
        ).fetchone()[0]
    assert orphans == 0


def test_a_missing_path_is_a_failure_not_an_error(tmp_path: Path, library_file: Path) -> None:
    with Library.open(library_file) as library:
        summary = import_paths([tmp_path / "nowhere.txt"], library)
    assert summary.total == 0 and summary.failed[0].reason == "not found"


def test_an_engine_bug_is_recorded_and_the_rest_goes_on(
    tmp_path: Path, library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_articles(tmp_path / "in", 3)
    from briefing.extract.engine import extract_document as real

    def flaky(document):  # type: ignore[no-untyped-def]
        if document.path.endswith("article_0001.txt"):
            raise ZeroDivisionError("boom")
        return real(document)

    monkeypatch.setattr("briefing.analysis.importer.extract_document", flaky)
    with Library.open(library_file) as library:
        summary = import_paths(paths, library)
    assert len(summary.added) == 2
    assert summary.failed == (failure_of(paths[1], ZeroDivisionError("boom")),)
    assert summary.failed[0].reason == "extraction failed: ZeroDivisionError: boom"


def test_reextract_redoes_stale_extractions_only(tmp_path: Path, library_file: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    with Library.open(library_file) as library:
        library.add_many([read_and_extract(p) for p in paths[:2]], "0.0.old")
        library.add(read_and_extract(paths[2]), ENGINE_VERSION)
        seen: list[ImportProgress] = []
        assert reextract_stale(library, ENGINE_VERSION, seen.append) == 2
        assert library.stale(ENGINE_VERSION) == []
        assert [p.done for p in seen] == [1, 2]
        assert reextract_stale(library, ENGINE_VERSION) == 0

"""The library's fast path: frames straight from the stored rows (and from the stored JSON)
equal ``build_frames`` of the rebuilt results."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.frames import Frames, build_frames
from briefing.analysis.frames_stored import frames_from_stored, library_frames
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document
from briefing.store import Library

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
SAMPLES = TESTS.parent / "resources" / "samples"


def _results(paths: list[Path]) -> list[ArticleResult]:
    documents = [read_document(path) for path in paths]
    return [ArticleResult(doc, extract_document(doc)) for doc in documents]


def _assert_same(fast: Frames, slow: Frames) -> None:
    for kind, frame in slow.by_kind().items():
        pd.testing.assert_frame_equal(getattr(fast, kind), frame, obj=kind)


# (articles stored in one library, where they come from)
@pytest.mark.parametrize(
    "paths",
    [
        pytest.param([], id="an empty library"),
        pytest.param(sorted(SAMPLES.iterdir()), id="the bundled samples, five formats"),
        pytest.param(sorted((FIXTURES / "analysis").glob("*.txt")), id="our analysis fixtures"),
        pytest.param(sorted((FIXTURES / "articles").glob("*.txt")), id="our gold articles"),
    ],
)
def test_frames_from_stored_json_equal_frames_from_rebuilt_results(
    tmp_path: Path, paths: list[Path]
) -> None:
    aliases = {"Solbrekke": "Solbrekke Kraft ASA", "BABA": "Alibaba Group Holding"}
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.add_many(_results(paths), "test-engine")
        for alias, company in aliases.items():
            library.add_alias(alias, company)
        slow = build_frames(library.results(), library.aliases())
        from_json = frames_from_stored(library.stored_extractions(), library.aliases())
        from_rows = library_frames(library)
    _assert_same(from_json, slow)
    _assert_same(from_rows, slow)
    assert len(from_rows.articles) == len(paths)


def _frame_rows_ids(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    ids = [row[0] for row in connection.execute("SELECT article_id FROM frame_rows ORDER BY 1")]
    connection.close()
    return ids


def test_the_rows_follow_a_replaced_extraction_and_go_with_a_removed_article(
    tmp_path: Path,
) -> None:
    # Our analysis fixtures: the three-currency article and a stake deal.
    names = ("frames_three_currencies.txt", "conflict_alibaba_meitu_stake_2026_01_05.txt")
    first, second = _results([FIXTURES / "analysis" / name for name in names])
    assert first.extraction.deals or first.extraction.metrics
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.add_many([first, second], "test-engine")
        # The first article's extraction replaced by one without its deals and metrics.
        fewer = dataclasses.replace(first.extraction, deals=(), metrics=())
        library.replace_extraction(first.document.id, fewer, "test-engine-2")
        frames = library_frames(library)
        _assert_same(frames, build_frames(library.results()))
        counts = frames.articles.set_index("article_id")
        assert counts.loc[first.document.id, ["n_deals", "n_metrics"]].tolist() == [0, 0]
        library.remove([second.document.id])
        _assert_same(library_frames(library), build_frames(library.results()))
    assert _frame_rows_ids(path) == [first.document.id]


def test_stored_extractions_keep_tickers_and_the_body_they_are_found_in(tmp_path: Path) -> None:
    # frames_three_currencies: our article stating "(NASDAQ: QLRB)" beside the name.
    path = FIXTURES / "analysis" / "frames_three_currencies.txt"
    (result,) = _results([path])
    assert result.document.tickers == ("NASDAQ:QLRB",)
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.add(result, "test-engine")
        (stored,) = library.stored_extractions()
    assert stored.contract["id"] == result.document.id
    assert stored.tickers == result.document.tickers
    assert stored.body == result.document.body


def test_stored_extractions_skip_the_body_of_an_article_without_tickers(tmp_path: Path) -> None:
    # frames_baba_ticker_only: our article writing "BABA" bare, which is not a stated ticker.
    (result,) = _results([FIXTURES / "analysis" / "frames_baba_ticker_only.txt"])
    assert result.document.tickers == ()
    with Library.open(tmp_path / "library.sqlite3") as library:
        library.add(result, "test-engine")
        (stored,) = library.stored_extractions()
    assert (stored.tickers, stored.body) == ((), "")

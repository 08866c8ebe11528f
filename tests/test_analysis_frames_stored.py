"""The library's fast path: frames straight from the stored JSON equal ``build_frames``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.frames import Frames, build_frames
from briefing.analysis.frames_stored import frames_from_stored
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
        fast = frames_from_stored(library.stored_extractions(), library.aliases())
    _assert_same(fast, slow)
    assert len(fast.articles) == len(paths)


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

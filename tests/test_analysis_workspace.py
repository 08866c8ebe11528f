"""The window's view of a library: companies, a company's briefing, an article's body."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.briefing import build_briefing
from briefing.analysis.frames import build_frames
from briefing.analysis.importer import import_paths, read_and_extract
from briefing.analysis.workspace import (
    COMPANY_COLUMNS,
    article_document,
    company_briefing,
    load_workspace,
    story_map_of,
)
from briefing.paths import resources_dir
from briefing.store import Library, UnknownArticleError

SAMPLES = resources_dir() / "samples"


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workspace") / "library.sqlite3"
    with Library.open(path) as library:
        summary = import_paths([SAMPLES], library)
    assert summary.failed == () and len(summary.added) == len(list(SAMPLES.iterdir()))
    return path


def test_companies_lists_the_sample_companies_most_covered_first(sample_library: Path) -> None:
    workspace = load_workspace(sample_library)
    companies = workspace.companies
    assert tuple(companies.columns) == COMPANY_COLUMNS
    top = companies.head(3)
    # resources/samples: three Kestrel articles, two each about Alibaba and Nordhafen.
    assert list(top["company_id"]) == ["Kestrel Semiconductor", "Alibaba", "Nordhafen Logistics"]
    assert list(top["articles"]) == [3, 2, 2]
    counts = list(companies["articles"])
    assert counts == sorted(counts, reverse=True)
    assert workspace.rates is not None and workspace.rates_error is None


def test_an_index_named_as_a_peer_is_not_a_company(sample_library: Path) -> None:
    # resources/samples: the first Alibaba article compares its P/E with the S&P 500's.
    workspace = load_workspace(sample_library)
    assert "S&P 500" in set(workspace.frames.views["company_id"].dropna())
    assert "S&P 500" not in set(workspace.companies["company_id"])


def test_a_peer_group_is_not_a_company(sample_library: Path) -> None:
    # resources/samples: the Kestrel analysts page sets its P/E against "its closest peer
    # group"; the multiple stays (a peer in the chart) but the group is no company to pick.
    workspace = load_workspace(sample_library)
    views = workspace.frames.views
    assert "closest peer group" in set(views["company"].dropna())
    assert "closest peer group" not in set(workspace.companies["name"])
    assert set(views.loc[views["company"] == "closest peer group", "company_id"]).isdisjoint(
        workspace.companies["company_id"]
    )
    assert {"Meitu", "MiniMax", "Lumen Optics"} <= set(workspace.companies["company_id"])


def test_company_briefing_equals_the_report_pipeline(sample_library: Path) -> None:
    workspace = load_workspace(sample_library)
    briefing = company_briefing(workspace, "Alibaba", "USD")
    # The report from files: read, extract, frames, story map of all documents.
    results = [read_and_extract(path) for path in sorted(SAMPLES.iterdir())]
    frames = build_frames(results, {})
    story_of = story_map_of([r.document for r in results], frames.articles)
    expected = build_briefing(frames, "Alibaba", story_of, "USD", workspace.rates)
    assert briefing.sources == expected.sources
    assert briefing.summary == expected.summary
    for part in ("deals", "metrics", "conflicts"):
        mine = getattr(briefing, part).reset_index(drop=True)
        theirs = getattr(expected, part).reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)
    assert {"Meitu", "MiniMax"} <= set(briefing.deals["other_party_id"].dropna())


def test_article_document_gives_the_stored_body(sample_library: Path) -> None:
    workspace = load_workspace(sample_library)
    first = workspace.frames.articles.iloc[0]
    document = article_document(workspace, str(first["article_id"]))
    assert document.id == first["article_id"] and document.body
    with pytest.raises(UnknownArticleError):
        article_document(workspace, "0" * 64)


def test_a_bad_rates_file_is_reported_not_raised(
    sample_library: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path))
    (tmp_path / "reference_rates.csv").write_text("date,currency,rate\nnot a date,EUR,x\n")
    workspace = load_workspace(sample_library)
    assert workspace.rates is None
    assert workspace.rates_error is not None and "reference_rates.csv" in workspace.rates_error


def test_an_empty_library_has_no_companies(tmp_path: Path) -> None:
    workspace = load_workspace(tmp_path / "new.sqlite3")
    assert workspace.companies.empty
    assert tuple(workspace.companies.columns) == COMPANY_COLUMNS

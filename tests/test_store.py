"""The library's API: add (and add again), list by company, results round trip, remove,
stale extractions, user aliases."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing.domain.model import Extraction
from briefing.store import Library, UnknownArticleError
from test_store_articles import FJORD_FERRIES, HARBOR_DEAL, HARBOR_RESULTS, result


@pytest.fixture()
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "library.sqlite3")
    yield opened  # type: ignore[misc]
    opened.close()


def test_added_article_comes_back_as_it_was_stored(library: Library) -> None:
    harbor = result(HARBOR_DEAL, "harbor.txt")
    outcome = library.add(harbor, "1.0")
    assert outcome.added and outcome.article_id == harbor.document.id
    (back,) = library.results()
    assert back == harbor  # body, tickers, content spans and every extracted item


def test_same_content_twice_is_a_no_op_that_says_so(library: Library) -> None:
    first = library.add(result(HARBOR_DEAL, "inbox/harbor.txt"), "1.0")
    again = library.add(result(HARBOR_DEAL, "downloads/harbor-copy.txt"), "1.0")
    assert first.status == "added"
    assert again.status == "already present"
    assert again.stored_path == "inbox/harbor.txt"
    assert "already in the library" in again.message
    assert len(library) == 1


def test_add_many_reports_each_article_in_order(library: Library) -> None:
    deal, ferries = result(HARBOR_DEAL, "a.txt"), result(FJORD_FERRIES, "b.txt")
    outcomes = library.add_many([deal, ferries, deal], "1.0")
    assert [o.status for o in outcomes] == ["added", "added", "already present"]


@pytest.mark.parametrize(
    ("company", "expected_paths"),
    [
        ("Harbor Tech", {"deal.txt", "results.txt"}),  # primary company
        ("harbor tech", {"deal.txt", "results.txt"}),  # any case
        ("LUMEN ROBOTICS", {"deal.txt"}),  # named as counterparty only
        ("Nobody Inc", set()),
    ],
)
def test_articles_by_company(library: Library, company: str, expected_paths: set[str]) -> None:
    library.add_many(
        [
            result(HARBOR_DEAL, "deal.txt"),
            result(HARBOR_RESULTS, "results.txt"),
            result(FJORD_FERRIES, "ferries.txt"),
        ],
        "1.0",
    )
    assert {a.path for a in library.articles(company)} == expected_paths


def test_listing_orders_by_publication_and_counts_items(library: Library) -> None:
    library.add_many([result(HARBOR_RESULTS, "r.txt"), result(HARBOR_DEAL, "d.txt")], "1.0")
    listed = library.articles()
    assert [a.path for a in listed] == ["d.txt", "r.txt"]
    assert listed[0].published == "2026-01-04T09:30:00"
    assert listed[0].deals >= 1 and listed[0].engine_version == "1.0"


def test_results_by_ids_keep_the_order_asked(library: Library) -> None:
    deal, ferries = result(HARBOR_DEAL, "a.txt"), result(FJORD_FERRIES, "b.txt")
    library.add_many([deal, ferries], "1.0")
    ids = [ferries.document.id, "0" * 64, deal.document.id]
    assert [r.document.path for r in library.results(ids)] == ["b.txt", "a.txt"]


def test_remove_by_id_and_resolve_prefixes(library: Library) -> None:
    deal = result(HARBOR_DEAL, "a.txt")
    library.add_many([deal, result(FJORD_FERRIES, "b.txt")], "1.0")
    assert library.resolve(deal.document.id[:8]) == deal.document.id
    with pytest.raises(UnknownArticleError, match="no article"):
        library.resolve("zz")
    assert library.remove([deal.document.id, deal.document.id]) == 1
    assert [a.path for a in library.articles()] == ["b.txt"]
    assert library.remove([deal.document.id]) == 0


def test_ambiguous_prefix_and_empty_id_are_refused(library: Library) -> None:
    deal, ferries = result(HARBOR_DEAL, "a.txt"), result(FJORD_FERRIES, "b.txt")
    # Two ids that share their first five characters.
    for article, last in ((deal, "1"), (ferries, "2")):
        document = dataclasses.replace(article.document, id="abcde" + last * 59)
        library.add(dataclasses.replace(article, document=document), "1.0")
    with pytest.raises(UnknownArticleError, match="several"):
        library.resolve("abcde")
    with pytest.raises(UnknownArticleError, match="empty"):
        library.resolve(" ")
    assert library.resolve("ABCDE2") == "abcde" + "2" * 59


def test_stale_extractions_are_listed_and_replaced(library: Library) -> None:
    deal = result(HARBOR_DEAL, "a.txt")
    library.add(deal, "0.9")
    library.add(result(FJORD_FERRIES, "b.txt"), "1.0")
    assert library.stale("1.0") == [deal.document.id]
    newer = dataclasses.replace(deal.extraction, primary_company="Lumen Robotics")
    library.replace_extraction(deal.document.id, newer, "1.0")
    assert library.stale("1.0") == []
    (back,) = library.results([deal.document.id])
    assert back.extraction.primary_company == "Lumen Robotics"
    assert back.document.body == deal.document.body
    assert [a.path for a in library.articles("lumen robotics")] == ["a.txt"]


def test_replacing_the_extraction_of_an_unknown_article_fails(library: Library) -> None:
    with pytest.raises(UnknownArticleError):
        library.replace_extraction("f" * 64, Extraction(None, ()), "1.0")


def test_user_aliases(library: Library) -> None:
    library.add_alias("HT", "Harbor Tech")
    library.add_alias("Lumen", "Lumen Robotics")
    library.add_alias("ht", "Harbor Technologies")  # same alias in another case: replaced
    assert library.aliases() == {"HT": "Harbor Technologies", "Lumen": "Lumen Robotics"}
    assert library.remove_alias("LUMEN") is True
    assert library.remove_alias("Lumen") is False
    assert library.aliases() == {"HT": "Harbor Technologies"}


def test_library_persists_between_openings(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.add(result(HARBOR_DEAL), "1.0")
        library.add_alias("HT", "Harbor Tech")
    with Library.open(path) as library:
        assert len(library) == 1
        assert library.aliases() == {"HT": "Harbor Tech"}

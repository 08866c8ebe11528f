"""Company and segment resolution across articles (analysis.entities)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.analysis.entities import CompanyResolver, deals_by_role
from briefing.analysis.frames import build_frames
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"


def _results(*names: str) -> list[ArticleResult]:
    documents = [read_document(FIXTURES / f"frames_{name}.txt") for name in names]
    return [ArticleResult(doc, extract_document(doc)) for doc in documents]


# (written as, where the spelling comes from)
ALIBABA_SPELLINGS = [
    ("Alibaba", "the extraction's canonical name"),
    ("Alibaba Group", "issue 3: a name with 'Group'"),
    ("Alibaba Group Holding Ltd", "issue 3: the full legal name"),
    ("ALIBABA GROUP HOLDING LTD.", "a filing in capitals"),
    ("BABA", "issue 3: the NYSE ticker alone"),
    ("NYSE: BABA", "the ticker with its exchange, as articles write it"),
    ("9988.HK", "issue 3: the Reuters/Yahoo Hong Kong code"),
    ("HKG:9988", "issue 3: the Google Finance Hong Kong code"),
    ("HKG:09988", "a Hong Kong code with its leading zero"),
    ("US01609W1027", "issue 3: the ISIN"),
]


@pytest.mark.parametrize(("written", "origin"), ALIBABA_SPELLINGS)
def test_every_spelling_of_alibaba_is_one_company(written: str, origin: str) -> None:
    assert CompanyResolver().resolve(written) == "Alibaba", origin


# (written as, company id, where the case comes from)
OTHER_COMPANIES = [
    ("Toyota Motor Corporation", "Toyota", "the table: an alias with its legal form"),
    ("7203.T", "Toyota", "the table: a Tokyo code with its suffix"),
    ("The Coca-Cola Company", "Coca-Cola", "the table: a leading 'The'"),
    ("Zephyr Compute Inc.", "Zephyr Compute", "unknown company: legal form dropped"),
    ("Meitu", "Meitu", "the table: a name that is only a prefix of Meituan"),
]


@pytest.mark.parametrize(("written", "company", "origin"), OTHER_COMPANIES)
def test_other_companies(written: str, company: str, origin: str) -> None:
    assert CompanyResolver().resolve(written) == company, origin


def test_a_ticker_stated_beside_a_name_in_an_article_resolves_to_it() -> None:
    # frames_three_currencies: "Quillon Robotics Inc (NASDAQ: QLRB)"; QLRB is in no table.
    resolver = CompanyResolver.from_results(_results("three_currencies"))
    assert resolver.resolve("QLRB") == "Quillon Robotics"
    assert resolver.resolve("NASDAQ:QLRB") == "Quillon Robotics"
    assert resolver.resolve("Quillon Robotics Inc") == "Quillon Robotics"
    assert CompanyResolver().resolve("QLRB") == "QLRB"  # unknown without the article


def test_user_aliases_win_over_the_table_and_the_articles() -> None:
    aliases = {"Ali": "Alibaba Group Holding", "Quillon": "Quillon Robotics", "Meitu": "Meituan"}
    resolver = CompanyResolver.from_results(_results("three_currencies"), aliases)
    assert resolver.resolve("Ali") == "Alibaba"  # target resolved through the table
    assert resolver.resolve("quillon") == "Quillon Robotics"
    assert resolver.resolve("Meitu") == "Meituan"  # the user overrides the table


def test_the_full_name_and_the_ticker_only_articles_are_one_company() -> None:
    # frames_alibaba_full_name names "Alibaba Group Holding Ltd (NYSE: BABA)";
    # frames_baba_ticker_only only says "BABA".
    frames = build_frames(_results("alibaba_full_name", "baba_ticker_only"))
    assert set(frames.articles["company_id"]) == {"Alibaba"}
    assert set(frames.metrics["company_id"]) == {"Alibaba"}
    assert set(frames.views["company_id"]) == {"Alibaba"}


# (segment as written, where it comes from); all are Alibaba's cloud segment.
CLOUD_SEGMENT = [
    ("Cloud Intelligence Group", "issue 3 / frames_alibaba_full_name"),
    ("cloud computing division", "issue 3"),
    ("cloud computing", "frames_baba_ticker_only, as extracted"),
    ("Alibaba Cloud", "issue 3: the company's own name in front"),
    ("cloud", "a bare word"),
    ("Cloud segment", "a segment noun after the name"),
    ("s cloud computing", 'the possessive left over from "Alibaba\'s cloud computing"'),
]


@pytest.mark.parametrize(("segment", "origin"), CLOUD_SEGMENT)
def test_names_of_one_segment_share_one_id(segment: str, origin: str) -> None:
    assert CompanyResolver().segment_id("Alibaba", segment) == "cloud", origin


def test_different_segments_keep_different_ids() -> None:
    resolver = CompanyResolver()
    ids = {resolver.segment_id("Alibaba", s) for s in ("core commerce", "cloud", "Cainiao")}
    assert ids == {"commerce", "cloud", "cainiao"}
    assert resolver.segment_id("Alibaba", None) is None


def test_segments_merge_across_the_two_alibaba_articles() -> None:
    frames = build_frames(_results("alibaba_full_name", "baba_ticker_only"))
    revenue = frames.metrics[frames.metrics["metric"] == "revenue"]
    assert list(revenue["segment_id"]) == ["cloud", "cloud"]
    assert set(revenue["segment"]) == {"Cloud Intelligence Group", "cloud computing"}


def test_deals_by_role_splits_buyer_and_counterparty() -> None:
    frames = build_frames(_results("three_currencies", "alibaba_full_name"))
    as_buyer, as_counterparty = deals_by_role(frames.deals, "Quillon Robotics")
    assert len(as_buyer) == 3 and len(as_counterparty) == 0
    as_buyer, as_counterparty = deals_by_role(frames.deals, "Zephyr Compute")
    assert len(as_buyer) == 0
    assert list(as_counterparty["buyer_id"]) == ["Alibaba"]

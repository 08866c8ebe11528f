"""Near-duplicate articles: the same story republished is one story with several sources."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.duplicates import (
    duplicate_groups,
    jaccard,
    representatives_only,
    shingles,
    story_map,
    story_sources,
)
from briefing.ingest import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"

STORY = (
    "Kestrel Foods will buy the Baltic bakery chain Nordhafen for 410 million euros in cash, "
    "the company said on Tuesday. The deal adds ninety shops in Latvia and Estonia and is "
    "expected to close in the spring once regulators in both countries have approved it. "
    "Kestrel's chief executive said the bakeries would keep their own brand and recipes."
)
OTHER = (
    "Lumen Grid raised its full-year revenue guidance after a strong third quarter, helped by "
    "orders for transformer stations in Germany and a recovery in its service business."
)


@pytest.mark.parametrize(
    ("label", "articles", "groups"),
    [
        (
            "republished word for word under another header",
            [("a", "Harbour Wire. " + STORY), ("b", STORY + " Republished with permission.")],
            [{"a", "b"}],
        ),
        (
            "same topic, different story",
            [("a", STORY), ("b", OTHER)],
            [],
        ),
        (
            "rewritten story: most sentences changed",
            [
                ("a", STORY),
                (
                    "b",
                    "Nordhafen, the Baltic bakery chain, is being bought by Kestrel Foods. "
                    "The price is 410 million euros and regulators still have to approve.",
                ),
            ],
            [],
        ),
        (
            "three copies chain into one group",
            [("c", STORY), ("a", STORY + " Updated."), ("b", "Copy. " + STORY), ("d", OTHER)],
            [{"a", "b", "c"}],
        ),
        (
            "empty and repeated ids are ignored",
            [("a", ""), ("b", STORY), ("b", STORY)],
            [],
        ),
    ],
    ids=lambda case: case if isinstance(case, str) else "",
)
def test_duplicate_groups(
    label: str, articles: list[tuple[str, str]], groups: list[set[str]]
) -> None:
    assert [set(group) for group in duplicate_groups(articles)] == groups


def test_shingles_ignore_case_and_punctuation() -> None:
    assert jaccard(shingles(STORY), shingles(STORY.upper().replace(",", ""))) == 1.0


def test_republished_fixture_is_grouped_with_its_original() -> None:
    paths = sorted([*FIXTURES.glob("conflict_*.txt"), *FIXTURES.glob("dup_*.txt")])
    documents = {path.name: read_document(path) for path in paths}
    groups = duplicate_groups((d.id, d.body) for d in documents.values())
    original = documents["conflict_alibaba_meitu_stake_2026_01_05.txt"]
    copy = documents["dup_alibaba_meitu_stake_republished.txt"]
    assert groups == [frozenset({original.id, copy.id})]


ARTICLES = pd.DataFrame(
    {
        "article_id": ["copy", "first", "undated", "alone"],
        "published": pd.to_datetime(["2026-01-06", "2026-01-05", None, "2026-01-01"]),
        "source": ["quayside.example", "harbour.example", "lantern.example", "orbis.example"],
    }
)
GROUPS = [frozenset({"copy", "first", "undated"})]


def test_earliest_copy_represents_the_story() -> None:
    assert story_map(GROUPS, ARTICLES) == {"copy": "first", "first": "first", "undated": "first"}


def test_facts_of_copies_are_counted_once() -> None:
    metrics = pd.DataFrame({"article_id": ["copy", "first", "undated", "alone"], "x": [1, 1, 1, 2]})
    kept = representatives_only(metrics, story_map(GROUPS, ARTICLES))
    assert list(kept["article_id"]) == ["first", "alone"]


def test_story_lists_every_source_earliest_first() -> None:
    assert story_sources(GROUPS, ARTICLES) == {
        "first": ("harbour.example", "quayside.example", "lantern.example")
    }


def test_shared_boilerplate_does_not_make_a_story() -> None:
    # Shaped like the corpus: a shared promo block, varied sentences, 20 republished stories.
    # (Timing on 5,000 generated articles is measured by hand, not here: see the report.)
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(3000)]
    promo = "Buy or sell? Our free report tells you what to do. Read on here. " * 3
    bodies = [" ".join(rng.choices(vocabulary, k=600)) + promo for _ in range(1000)]
    articles = [(f"id{i:05d}", body) for i, body in enumerate(bodies)]
    articles += [(f"copy{i:02d}", bodies[i * 47] + " Republished.") for i in range(20)]
    started = time.perf_counter()
    groups = duplicate_groups(articles)
    elapsed = time.perf_counter() - started
    assert sorted(groups, key=min) == [
        frozenset({f"id{i * 47:05d}", f"copy{i:02d}"}) for i in range(20)
    ]
    assert elapsed < 15.0, elapsed

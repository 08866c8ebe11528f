"""The analysis frames: declared schemas, one row per fact, every row with its article."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis.frames import Frames, build_frames
from briefing.analysis.schema import COMMON_COLUMNS, FRAME_SCHEMAS
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


def _results(*paths: Path) -> list[ArticleResult]:
    documents = [read_document(path) for path in paths]
    return [ArticleResult(doc, extract_document(doc)) for doc in documents]


@pytest.fixture(scope="module")
def ours() -> Frames:
    return build_frames(_results(*sorted(FIXTURES.glob("frames_*.txt"))))


def _assert_schema(frames: Frames) -> None:
    for kind, frame in frames.by_kind().items():
        schema = FRAME_SCHEMAS[kind]
        assert list(frame.columns) == list(schema), kind
        assert {c: str(t) for c, t in frame.dtypes.items()} == dict(schema), kind


# (results, where they come from)
@pytest.mark.parametrize(
    "source",
    ["no articles", "our three frames_ articles", "the bundled samples"],
)
def test_every_frame_has_exactly_its_declared_columns_and_dtypes(source: str) -> None:
    paths = {
        "no articles": [],
        "our three frames_ articles": sorted(FIXTURES.glob("frames_*.txt")),
        "the bundled samples": sorted(SAMPLES.iterdir()),
    }[source]
    _assert_schema(build_frames(_results(*paths)))


def test_an_article_without_facts_gives_empty_item_frames_with_the_schema() -> None:
    frames = build_frames(_results(FIXTURES / "frames_alibaba_full_name.txt"))
    assert frames.views.empty
    _assert_schema(frames)


def test_one_row_per_article_and_fact(ours: Frames) -> None:
    assert len(ours.articles) == 3
    assert ours.articles["n_deals"].sum() == len(ours.deals)
    assert ours.articles["n_metrics"].sum() == len(ours.metrics)
    assert ours.articles["n_views"].sum() == len(ours.views)


def test_every_row_keeps_its_article_date_source_and_quote(ours: Frames) -> None:
    by_id = ours.articles.set_index("article_id")
    for kind in ("deals", "metrics", "views"):
        frame = getattr(ours, kind)
        assert not frame.empty, kind
        assert frame["article_id"].isin(by_id.index).all(), kind
        assert frame["published"].notna().all() and frame["source"].notna().all(), kind
        assert (frame["published"] == by_id.loc[frame["article_id"], "published"].values).all()
        for path, quote, start, end in frame[["path", "quote", "start", "end"]].itertuples(
            index=False
        ):
            body = read_document(Path(path)).body
            assert body[start:end] == quote


# (buyer, counterparty, amount, currency); frames_three_currencies, one deal per currency.
THREE_CURRENCIES = [
    ("Quillon Robotics", "Fjordhand", 450e6, "EUR"),
    ("Quillon Robotics", "Hikari Sensing", 62e9, "JPY"),
    ("Quillon Robotics", None, 300e6, "USD"),
]


def test_amounts_keep_their_currency(ours: Frames) -> None:
    deals = ours.deals[ours.deals["buyer_id"] == "Quillon Robotics"]
    rows = [
        (b, None if pd.isna(c) else c, v, u)
        for b, c, v, u in deals[
            ["buyer_id", "counterparty_id", "amount_value", "amount_unit"]
        ].itertuples(index=False)
    ]
    assert rows == THREE_CURRENCIES


def test_dates_are_timestamps_and_terms_are_json() -> None:
    frames = build_frames(_results(SAMPLES / "alibaba_meitu_convertible_2026_01.txt"))
    bond = frames.deals[frames.deals["type"] == "convertible_bond"].iloc[0]
    assert bond["date"] == pd.Timestamp("2026-01-03")
    assert bond["published"] == pd.Timestamp("2026-01-04T12:24:06")
    assert bond["counterparty_id"] == "Meitu"
    assert isinstance(json.loads(bond["terms"]), dict)


def test_a_missing_quantity_leaves_its_columns_empty(ours: Frames) -> None:
    views = ours.views
    performance = views[views["view_type"] == "price_performance"].iloc[0]
    rating = views[views["view_type"] == "rating"].iloc[0]
    assert performance["value_unit"] == "%"
    assert pd.isna(rating["value_value"]) and not rating["value_approx"]
    assert rating["firm"] == "Marlow & Finch"


def test_common_columns_come_first_in_every_item_frame() -> None:
    for kind in ("deals", "metrics", "views"):
        assert list(FRAME_SCHEMAS[kind])[: len(COMMON_COLUMNS)] == list(COMMON_COLUMNS)

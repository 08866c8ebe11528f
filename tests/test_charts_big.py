"""The chart builders on briefing-sized inputs: capped, saying so, every shown point keeping
its sentence.

Cases are made up here, in the shape of the analysis layer's frames: each row is a copy of a
row of the Alibaba sample briefing (resources/samples) with its own figure, name and quote,
as a briefing over hundreds of articles would hold them (300 deals across 12 types, 40
segments, 60 peers, 40 firms' targets, 14 periods).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest
from matplotlib.legend import Legend

from briefing.analysis.analysts import AnalystPicture
from briefing.charts import (
    Chart,
    deal_timeline_chart,
    multiples_chart,
    performance_chart,
    price_targets_chart,
    segment_growth_chart,
    segment_values_chart,
)
from briefing.charts.analyst_market import MAX_MULTIPLES, MAX_PEERS, MAX_PERIODS
from briefing.charts.analysts import LATEST_TARGETS
from briefing.charts.deals import COLOURED_TYPES, LABELS_PER_SIDE
from briefing.charts.segments import MAX_BARS
from test_charts import _texts_drawn, drawn_texts, point_count
from test_charts_samples import sample_briefing


def _copies(template: pd.Series, changes: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per ``changes`` entry: the template row with those cells replaced and a
    quote and offsets of its own."""
    rows = []
    for index, change in enumerate(changes):
        quote = change.pop("quote", f"made-up sentence {index}")
        rows.append({**template.to_dict(), "quote": quote, "start": index, "end": index + 9})
        rows[-1].update(change)
    return pd.DataFrame(rows)


def _quotes(chart: Chart) -> set[str]:
    return {ref.quote for refs in chart.points.values() for ref in refs}


# -- deals: 300 across 12 types, half dated ------------------------------------------------


def _deals() -> pd.DataFrame:
    template = sample_briefing("Alibaba").deals.iloc[0]  # Meitu, USD 250 million, dated
    changes = []
    for i in range(300):
        amount = float(1e6 * (1 + (i * 37) % 300))  # all different: 1 to 300 million
        dated = i % 2 == 0
        date = pd.Timestamp("2024-01-01") + pd.Timedelta(days=3 * i)
        changes.append(
            {
                "type": f"type_{i % 12:02d}",
                "other_party": f"Party {i}",
                "amount_value": amount,
                "amount_reported_value": amount,
                "amount_text": f"${amount / 1e6:g} million",
                "dated": dated,
                "date": date if dated else pd.NaT,
                "timeline_date": date if dated else pd.NaT,
                "quote": f"deal sentence {i}",
            }
        )
    return _copies(template, changes)


def test_a_timeline_of_300_deals_labels_some_of_the_largest_apart_and_keeps_every_point() -> None:
    deals = _deals()
    chart = deal_timeline_chart(deals, "USD")
    chart.figure.draw_without_rendering()
    labels = [
        text
        for axes in chart.figure.axes
        for text in axes.texts
        if text.get_visible() and text.get_text().startswith("Party ")
    ]
    names = {label.get_text().split("\n")[0] for label in labels}
    for dated in (True, False):
        side = deals[deals["dated"] == dated]
        candidates = set(side.nlargest(4 * LABELS_PER_SIDE, "amount_value")["other_party"])
        mine = names & set(side["other_party"])
        assert 2 <= len(mine) <= LABELS_PER_SIDE
        assert mine <= candidates
        assert side.nlargest(1, "amount_value")["other_party"].iloc[0] in mine
    boxes = [label.get_window_extent() for label in labels]
    for index, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[index + 1 :])
    texts = drawn_texts(chart)
    notes = [text for text in texts if text.endswith("of the largest of 150 deals labelled")]
    assert len(notes) == 2
    # Unlabelled points are still there, each leading to its sentence.
    assert point_count(chart) == 300
    assert _quotes(chart) == set(deals["quote"])


def test_twelve_deal_types_keep_the_legend_to_two_rows() -> None:
    chart = deal_timeline_chart(_deals(), "USD")
    chart.figure.draw_without_rendering()
    (legend,) = chart.figure.legends
    entries = [text.get_text() for text in legend.get_texts()]
    assert len(entries) == COLOURED_TYPES
    assert entries[-1] == "other (6 types)"
    rows = {round(text.get_window_extent().y0) for text in legend.get_texts()}
    assert len(rows) == 2


# -- segments: 40 revenue figures, 40 stated changes ------------------------------------------


def _segments() -> pd.DataFrame:
    template = sample_briefing("Alibaba").metrics.dropna(subset=["segment_id"]).iloc[0]
    changes = []
    for i in range(40):
        value = float(1e9 * (1 + (i * 7) % 40))  # 1 to 40 billion, all different
        changes.append(
            {
                "segment": f"Segment {i}",
                "segment_id": f"segment {i}",
                "metric": "revenue",
                "period": "Q2 FY2026",
                "value_value": value,
                "value_unit": "USD",
                "value_text": f"${value / 1e9:g} billion",
                "value_reported_value": value,
                "change_pct": float((i * 13) % 81 - 40),  # -40% to +40%
                "quote": f"segment sentence {i}",
            }
        )
    return _copies(template, changes)


def test_forty_segments_show_the_largest_values_and_say_how_many() -> None:
    metrics = _segments()
    chart = segment_values_chart(metrics)
    assert point_count(chart) == MAX_BARS
    largest = metrics.nlargest(MAX_BARS, "value_value")
    assert _quotes(chart) == set(largest["quote"])
    assert "largest 8 of 40 segment figures shown" in drawn_texts(chart)


def test_forty_segments_show_the_largest_moves_either_way() -> None:
    metrics = _segments()
    chart = segment_growth_chart(metrics)
    assert point_count(chart) == MAX_BARS
    moves = metrics.loc[metrics["change_pct"].abs().nlargest(MAX_BARS, keep="first").index]
    assert _quotes(chart) == set(moves["quote"])
    texts = drawn_texts(chart)
    assert "largest 8 of 40 stated changes shown" in texts
    # Rises and falls both labelled, each bar with its own stated change.
    for change in moves["change_pct"]:
        label = f"{'+' if change > 0 else '−'}{abs(change):.0f}%"
        assert label in texts, label


# -- analysts: 60 peers, 40 firms' targets, 14 periods --------------------------------------


def _picture(**frames: pd.DataFrame) -> AnalystPicture:
    return dataclasses.replace(sample_briefing("Alibaba").analysts, **frames)


def _multiples() -> pd.DataFrame:
    template = sample_briefing("Alibaba").analysts.multiples.iloc[0]  # Alibaba forward P/E
    kinds = ["forward_pe", "pe", "ev_ebitda", "price_sales", "price_book", "peg"]
    changes = []
    for metric in kinds:
        changes.append({"company": "Alibaba", "company_id": "Alibaba", "is_subject": True})
        changes[-1] |= {"metric": metric, "value_value": 20.0, "value_text": "about 20"}
    for peer in range(60):
        # Peers 50..59 are named again and again (older statements count too).
        for repeat in range(1 + (4 if peer >= 50 else 0)):
            value = float(5 + peer % 30)
            changes.append(
                {
                    "company": f"Peer {peer}",
                    "company_id": f"peer {peer}",
                    "is_subject": False,
                    "metric": kinds[repeat % 2],
                    "value_value": value,
                    "value_text": f"{value:g}",
                    "value_approx": False,
                    "quote": f"peer {peer} sentence {repeat}",
                }
            )
    return _copies(template, changes)


def test_sixty_peers_show_the_company_and_the_peers_stated_most_often() -> None:
    chart = multiples_chart(_picture(multiples=_multiples()))
    chart.figure.draw_without_rendering()
    (legend,) = [
        child for child in chart.figure.axes[0].get_children() if isinstance(child, Legend)
    ]
    entries = [text.get_text() for text in legend.get_texts()]
    assert entries[0] == "Alibaba (this company)"
    assert sorted(entries[1:]) == [f"Peer {peer}" for peer in range(50, 50 + MAX_PEERS)]
    assert len(chart.figure.axes[0].get_xticklabels()) == MAX_MULTIPLES
    texts = drawn_texts(chart)
    note = "this company and the 5 peers stated most often, of 60; 4 of 6 multiples shown"
    assert note in texts
    # Every bar leads to its own sentence: a peer's newest statement of each multiple.
    quotes = _quotes(chart)
    assert "peer 50 sentence 0" in quotes and "peer 50 sentence 1" in quotes
    assert not any(quote.startswith("peer 1 ") for quote in quotes)


def _targets() -> pd.DataFrame:
    template = sample_briefing("Alibaba").analysts.targets.iloc[0]  # the $205 average
    newest = pd.Timestamp("2026-01-04")
    changes = [{"quote": "stated average sentence"}]
    for i in range(40):
        value = float(150 + (i * 11) % 81)  # 150 to 230
        changes.append(
            {
                "firm": f"Firm {i}",
                "stat": float("nan"),
                "value_value": value,
                "value_text": f"${value:g}",
                "published": newest - pd.Timedelta(days=i + 1),
                "implied_upside_low": float("nan"),
                "implied_upside_high": float("nan"),
                "quote": f"firm {i} target sentence",
            }
        )
    return _copies(template, changes)


def test_forty_firms_targets_show_their_range_and_average_beside_the_newest() -> None:
    targets = _targets()
    chart = price_targets_chart(_picture(targets=targets))
    texts = drawn_texts(chart)
    axes = chart.figure.axes[0]
    ticks = [label.get_text() for label in axes.get_yticklabels()]
    assert ticks[0] == "All 40 firms'\ntargets"
    assert len(ticks) == 1 + 1 + LATEST_TARGETS  # summary, stated average, newest firms
    average = round(targets.iloc[1:]["value_value"].mean())
    assert f"USD 150–230, average USD {average}" in texts
    assert "newest 4 of 40 firms' targets shown" in axes.get_xlabel()
    quotes = _quotes(chart)
    firms = targets.iloc[1:]
    lowest = firms.loc[firms["value_value"].idxmin(), "quote"]
    highest = firms.loc[firms["value_value"].idxmax(), "quote"]
    newest = {f"firm {i} target sentence" for i in range(LATEST_TARGETS)}
    assert quotes >= {lowest, highest, "stated average sentence"} | newest
    assert len(quotes) == 1 + LATEST_TARGETS + 2  # the stated average, newest, both ends


def _performance() -> pd.DataFrame:
    template = sample_briefing("Alibaba").analysts.performance.iloc[0]
    changes = [
        {
            "period": f"period {i}",
            "value_value": float(i * 5 - 30),
            "value_bound": float("nan"),
            "quote": f"move sentence {i}",
        }
        for i in range(14)
    ]
    return _copies(template, changes)


def test_fourteen_periods_show_the_newest_and_say_how_many() -> None:
    chart = performance_chart(_picture(performance=_performance()))
    assert point_count(chart) == MAX_PERIODS
    assert _quotes(chart) == {f"move sentence {i}" for i in range(MAX_PERIODS)}
    assert "newest 6 of 14 stated moves shown" in drawn_texts(chart)


BIG: dict[str, Callable[[], Chart]] = {
    "deals": lambda: deal_timeline_chart(_deals(), "USD"),
    "segment values": lambda: segment_values_chart(_segments()),
    "segment growth": lambda: segment_growth_chart(_segments()),
    "price targets": lambda: price_targets_chart(_picture(targets=_targets())),
    "multiples": lambda: multiples_chart(_picture(multiples=_multiples())),
    "performance": lambda: performance_chart(_picture(performance=_performance())),
}


@pytest.mark.parametrize("builder", sorted(BIG))
def test_no_text_of_a_big_chart_is_cut_at_the_figure_edge(builder: str) -> None:
    chart = BIG[builder]()
    figure = chart.figure
    figure.draw_without_rendering()
    width, height = figure.bbox.width, figure.bbox.height
    for text in _texts_drawn(chart):
        box = text.get_window_extent()
        inside = box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 and box.y1 <= height + 1
        assert inside, f"{text.get_text()!r} sticks out of the figure: {box}"

"""Every chart of a company's briefing, in one list shared by the window's tabs and the
PDF: which builder draws which chart, from which part of the ``Briefing``, in what order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from briefing.analysis.briefing import Briefing
from briefing.charts.analyst_market import multiples_chart, performance_chart
from briefing.charts.analysts import price_targets_chart, ratings_chart
from briefing.charts.base import Chart
from briefing.charts.deals import deal_timeline_chart
from briefing.charts.segments import segment_growth_chart, segment_values_chart
from briefing.charts.theme import ChartTheme

# The tab (and PDF section) of each chart, in the order they are shown.
CHART_SECTIONS: Final = {
    "deals": "deals",
    "segment_values": "segments",
    "segment_growth": "segments",
    "price_targets": "analysts",
    "ratings": "analysts",
    "multiples": "analysts",
    "performance": "analysts",
}

ChartBuilder = Callable[[], Chart | None]


def briefing_charts(
    briefing: Briefing, currency: str, theme: ChartTheme
) -> list[tuple[str, ChartBuilder]]:
    """(key, builder) of every chart of ``briefing``, keys as in ``CHART_SECTIONS``; each
    builder draws its chart when called (a caller may check for cancel in between)."""
    picture = briefing.analysts
    builders: dict[str, ChartBuilder] = {
        "deals": lambda: deal_timeline_chart(briefing.deals, currency, theme=theme),
        "segment_values": lambda: segment_values_chart(briefing.metrics, theme=theme),
        "segment_growth": lambda: segment_growth_chart(briefing.metrics, theme=theme),
        "price_targets": lambda: price_targets_chart(picture, theme=theme),
        "ratings": lambda: ratings_chart(picture, theme=theme),
        "multiples": lambda: multiples_chart(picture, theme=theme),
        "performance": lambda: performance_chart(picture, theme=theme),
    }
    return [(key, builders[key]) for key in CHART_SECTIONS]

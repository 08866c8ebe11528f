"""The briefing's charts as SVG for the PDF (Qt-free): the shared chart builders in the
light theme, resized to the page's text width, saved with text kept as text.

``svg.fonttype="none"`` keeps labels as text so the PDF can be searched and Qt picks the
fonts (with the CJK fallback); a fixed ``svg.hashsalt`` and no date make the SVG the same
on every run. Qt's SVG renderer ignores clip paths (STACK P5), so only charts whose marks
stay inside their axes are drawn this way: the builders autoscale their axes to the data.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Final

import matplotlib

from briefing.analysis.briefing import Briefing
from briefing.charts import LIGHT, Chart
from briefing.charts.briefing_charts import ChartBuilder, briefing_charts

# Inches: about the text width of A4 and Letter with our margins, so 8-point tick labels
# stay close to 8 points on paper.
CHART_SIZE: Final = (6.8, 3.3)
_SVG_SETTINGS: Final[dict[Any, Any]] = {"svg.fonttype": "none", "svg.hashsalt": "investor-briefing"}


@dataclass(frozen=True)
class ChartSvg:
    """One chart ready for the page."""

    key: str
    title: str
    svg: bytes
    width_in: float
    height_in: float


def chart_builders(briefing: Briefing) -> list[tuple[str, ChartBuilder]]:
    """(key, builder) of every chart of the briefing, in the order the PDF shows them (the
    window's order), in the light theme, amounts in the briefing's reporting currency."""
    return briefing_charts(briefing, briefing.reporting_currency, LIGHT)


def chart_svg(key: str, chart: Chart | None) -> ChartSvg | None:
    """The chart as SVG at the PDF's size; None when there is nothing to draw."""
    if chart is None or chart.empty:
        return None
    figure = chart.figure
    figure.set_size_inches(*CHART_SIZE)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_SVG_SETTINGS):
        figure.savefig(
            buffer,
            format="svg",
            facecolor=figure.get_facecolor(),
            metadata={"Date": None},
        )
    width, height = figure.get_size_inches()
    return ChartSvg(key, chart.title, buffer.getvalue(), float(width), float(height))

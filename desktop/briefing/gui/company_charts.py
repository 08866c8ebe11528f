"""The charts of one company's tabs, built in a worker thread after its tables are shown.
Qt-free (matplotlib Figures may be built off the GUI thread; canvases may not).

Imported only inside that worker: it loads matplotlib, which the window does not need
before its first paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.analysis.briefing import Briefing
from briefing.charts.base import Chart
from briefing.charts.briefing_charts import CHART_SECTIONS, briefing_charts
from briefing.charts.theme import DARK, LIGHT


@dataclass(frozen=True)
class CompanyCharts:
    """Each tab's charts, in the order of its chart grid (None: nothing to chart)."""

    deals: tuple[Chart | None, ...]
    segments: tuple[Chart | None, ...]
    analysts: tuple[Chart | None, ...]


def company_charts(briefing: Briefing, currency: str, theme_name: str) -> CompanyCharts:
    """The charts for ``briefing`` in the ``"light"`` or ``"dark"`` chart theme."""
    theme = DARK if theme_name == "dark" else LIGHT
    drawn = [(key, build()) for key, build in briefing_charts(briefing, currency, theme)]

    def of(section: str) -> tuple[Chart | None, ...]:
        return tuple(chart for key, chart in drawn if CHART_SECTIONS[key] == section)

    return CompanyCharts(deals=of("deals"), segments=of("segments"), analysts=of("analysts"))


def warm_chart_canvas() -> None:
    """Import matplotlib's Qt canvas here, in the worker, so that the GUI thread does not
    stall on the import when it shows the first chart."""
    import matplotlib.backends.backend_qtagg  # noqa: F401

"""Chart builders: matplotlib Figures (never pyplot), Qt-free, shared by the GUI and the PDF.

Every builder takes the analysis layer's frames (or ``AnalystPicture``) and a ``theme``
keyword, and returns a ``Chart``: the figure, a plain-text title and the evidence behind
each pickable point.
"""

from briefing.charts.analyst_market import multiples_chart, performance_chart
from briefing.charts.analysts import price_targets_chart, ratings_chart
from briefing.charts.base import Chart, EvidenceRef, save_chart, shorten
from briefing.charts.deals import deal_timeline_chart
from briefing.charts.segments import segment_growth_chart, segment_values_chart
from briefing.charts.theme import DARK, LIGHT, ChartTheme

__all__ = [
    "DARK",
    "LIGHT",
    "Chart",
    "ChartTheme",
    "EvidenceRef",
    "deal_timeline_chart",
    "multiples_chart",
    "performance_chart",
    "price_targets_chart",
    "ratings_chart",
    "save_chart",
    "segment_growth_chart",
    "segment_values_chart",
    "shorten",
]

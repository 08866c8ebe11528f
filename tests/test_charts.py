"""The chart builders draw what the bundled sample briefings say, and every point leads to
the sentence that states it.

Cases come from the bundled samples (resources/samples): the Alibaba articles (Meitu
convertible, MiniMax IPO anchor, Cloud Intelligence revenue, 16 of 17 Buy, $205 average and
$190–205 targets against about $152, P/E against Amazon and the S&P 500), Nordhafen (a
dated euro acquisition beside undated deals) and Kestrel (segments falling and rising).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from matplotlib.text import Text

from briefing.analysis.analysts import AnalystPicture
from briefing.analysis.briefing import Briefing, build_briefing
from briefing.charts import (
    DARK,
    LIGHT,
    Chart,
    deal_timeline_chart,
    multiples_chart,
    performance_chart,
    price_targets_chart,
    ratings_chart,
    segment_growth_chart,
    segment_values_chart,
)
from briefing.charts.theme import ChartTheme
from test_charts_samples import article_body, sample_briefing, sample_frames

Builder = Callable[[Briefing, ChartTheme], Chart]

BUILDERS: dict[str, Builder] = {
    "deals": lambda b, t: deal_timeline_chart(b.deals, b.reporting_currency, theme=t),
    "segment values": lambda b, t: segment_values_chart(b.metrics, theme=t),
    "segment growth": lambda b, t: segment_growth_chart(b.metrics, theme=t),
    "price targets": lambda b, t: price_targets_chart(b.analysts, theme=t),
    "ratings": lambda b, t: ratings_chart(b.analysts, theme=t),
    "multiples": lambda b, t: multiples_chart(b.analysts, theme=t),
    "performance": lambda b, t: performance_chart(b.analysts, theme=t),
}


def drawn_texts(chart: Chart) -> list[str]:
    """Every visible text of the drawn figure (tick labels exist only after a draw)."""
    chart.figure.draw_without_rendering()
    return [
        text.get_text()
        for text in chart.figure.findobj(Text)
        if isinstance(text, Text) and text.get_visible() and text.get_text()
    ]


def point_count(chart: Chart) -> int:
    return sum(len(refs) for refs in chart.points.values())


# (builder, company, texts that must be drawn, number of points)
DRAWN = [
    ("deals", "Alibaba", ["Meitu\nUSD 250 million", "MiniMax", "undated", "no amount"], 5),
    ("deals", "Nordhafen Logistics", ["Baltic Cold Chain\nEUR 1.2 billion", "undated"], 5),
    ("segment values", "Alibaba", ["Cloud Intelligence Group", "USD 5.59 billion  (+34%)"], 2),
    # Drawn converted on the USD axis: the label gives both, so the length is readable.
    ("segment values", "Alibaba", ["CNY 248 billion  (+5%)\n≈ USD 35 billion"], 2),
    ("segment growth", "Alibaba", ["+100%", "+34%", "+5%", "AI-related products\nQ2 FY2026"], 3),
    ("segment growth", "Kestrel Semiconductor", ["−6%", "+42%"], 2),
    ("price targets", "Alibaba", ["USD 205  +34.9%", "USD 190–205  +25% to +34.9%"], 3),
    ("price targets", "Alibaba", ["current price USD 152"], 3),
    ("ratings", "Alibaba", ["16 of 17", "Buy", "Consensus: Moderate Buy, Strong Buy"], 3),
    ("ratings", "Kestrel Semiconductor", ["15 of 21", "5 of 21", "1 of 21"], 4),
    ("multiples", "Alibaba", ["about 20x", "16–20x", "32x", "23x", "Alibaba (this company)"], 4),
    ("performance", "Alibaba", ["more than +72%", "about −20%", "since October peak"], 2),
]


@pytest.mark.parametrize(("builder", "company", "texts", "points"), DRAWN)
def test_each_chart_draws_the_sample_facts(
    builder: str, company: str, texts: list[str], points: int
) -> None:
    chart = BUILDERS[builder](sample_briefing(company), LIGHT)
    assert not chart.empty
    drawn = drawn_texts(chart)
    for text in texts:
        assert text in drawn, f"{text!r} not drawn; drawn: {drawn}"
    assert point_count(chart) == points


@pytest.mark.parametrize("company", ["Alibaba", "Nordhafen Logistics", "Kestrel Semiconductor"])
@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_every_point_leads_to_a_sentence_of_its_article(builder: str, company: str) -> None:
    chart = BUILDERS[builder](sample_briefing(company), LIGHT)
    for refs in chart.points.values():
        for ref in refs:
            body = article_body(ref.article_id)
            assert ref.quote and ref.quote in body
            assert 0 <= ref.start < ref.end <= len(body)


@pytest.mark.parametrize("company", ["Alibaba", "Nordhafen Logistics", "Kestrel Semiconductor"])
@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_no_text_is_cut_at_the_figure_edge(builder: str, company: str) -> None:
    chart = BUILDERS[builder](sample_briefing(company), LIGHT)
    figure = chart.figure
    figure.draw_without_rendering()
    width, height = figure.bbox.width, figure.bbox.height
    for text in _texts_drawn(chart):
        box = text.get_window_extent()
        inside = box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 and box.y1 <= height + 1
        assert inside, f"{text.get_text()!r} sticks out of the figure: {box}"


def _texts_drawn(chart: Chart) -> list[Text]:
    """Visible texts, tick labels only for the ticks inside the view (matplotlib keeps a
    label or two beyond the limits that it does not draw)."""
    skipped: set[int] = set()
    kept: list[Text] = []
    for axes in chart.figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                labels = (tick.label1, tick.label2)
                skipped.update(id(label) for label in labels)
                if low - 1e-9 <= tick.get_loc() <= high + 1e-9 and tick.label1.get_visible():
                    kept.append(tick.label1)
    for text in chart.figure.findobj(Text):
        if isinstance(text, Text) and id(text) not in skipped and text.get_visible():
            kept.append(text)
    return [text for text in kept if text.get_text()]


def test_the_deal_timeline_is_on_a_log_scale_with_undated_deals_apart() -> None:
    chart = deal_timeline_chart(sample_briefing("Alibaba").deals, "USD")
    time_axes, strip_axes = chart.figure.axes
    assert time_axes.get_yscale() == "log"
    assert strip_axes.get_xlabel() == "undated"
    assert time_axes.get_ylabel() == "Amount (USD)"


def test_a_company_with_only_undated_deals_gets_one_strip() -> None:
    chart = deal_timeline_chart(sample_briefing("Kestrel Semiconductor").deals, "USD")
    (axes,) = chart.figure.axes
    assert axes.get_xlabel() == "undated"


def _nobody() -> Briefing:
    return build_briefing(sample_frames(), "no such company")


EMPTY_PICTURE = AnalystPicture(*(pd.DataFrame() for _ in range(6)))


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_a_company_without_facts_gets_a_no_data_chart(builder: str) -> None:
    chart = BUILDERS[builder](_nobody(), LIGHT)
    assert chart.empty and not chart.points
    assert "No data" in drawn_texts(chart)


@pytest.mark.parametrize(
    "chart",
    [
        deal_timeline_chart(pd.DataFrame(), "USD"),
        segment_values_chart(pd.DataFrame()),
        segment_growth_chart(pd.DataFrame()),
        price_targets_chart(EMPTY_PICTURE),
        ratings_chart(EMPTY_PICTURE),
        multiples_chart(EMPTY_PICTURE),
        performance_chart(EMPTY_PICTURE),
    ],
    ids=lambda chart: chart.title,
)
def test_frames_without_columns_are_empty_charts_too(chart: Chart) -> None:
    assert chart.empty
    assert "No data" in drawn_texts(chart)


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_the_dark_theme_colours_figure_axes_and_text(builder: str) -> None:
    chart = BUILDERS[builder](sample_briefing("Alibaba"), DARK)
    figure = chart.figure
    figure.draw_without_rendering()
    assert figure.get_facecolor()[:3] == pytest.approx(_rgb(DARK.background))
    for axes in figure.axes:
        assert axes.get_facecolor()[:3] == pytest.approx(_rgb(DARK.background))
        for label in axes.get_xticklabels() + axes.get_yticklabels():
            assert label.get_color() == DARK.foreground
    title = figure.get_suptitle()
    assert title and figure._suptitle is not None
    assert figure._suptitle.get_color() == DARK.foreground


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def test_growth_bars_are_green_up_and_red_down() -> None:
    chart = segment_growth_chart(sample_briefing("Kestrel Semiconductor").metrics)
    colours = {
        round(patch.get_width()): patch.get_facecolor()[:3]  # type: ignore[attr-defined]
        for patch in chart.points
    }
    assert colours[42] == pytest.approx(_rgb(LIGHT.up))
    assert colours[-6] == pytest.approx(_rgb(LIGHT.down))

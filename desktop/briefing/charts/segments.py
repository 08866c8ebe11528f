"""Segment charts: the latest value of each segment, and each segment's stated growth.

Both read ``Briefing.metrics`` (the newest statement per segment, metric and period) and
draw one bar per (segment, period). Only rows of a named segment count; company-wide
figures are not segments. Values are never summed, and values in different currencies are
never put on one axis: a row converted to the reporting currency (``value_reported_*``)
is drawn in it, other rows on an axis of their own unit.

A big briefing states dozens of segment figures: each chart then draws the ``MAX_BARS``
largest (by value, or by the size of the change), largest first, and says so above the
bars ("largest 8 of 40 segment figures shown").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from briefing.analysis.analysts import row_quantity
from briefing.analysis.display_text import converted_text
from briefing.analysis.formatting import (
    format_change,
    format_number,
    format_quantity,
    metric_words,
)
from briefing.charts.base import (
    Chart,
    EvidenceRef,
    add_note,
    centre_rows,
    empty_chart,
    evidence_of,
    number,
    percent_tick,
    point_value,
    shorten,
    shown_of,
    text_or,
)
from briefing.charts.theme import LIGHT, ChartTheme, new_figure, set_title, style_axes, text_style

PREFERRED_METRIC: Final = "revenue"
MAX_BARS: Final = 8  # bars with two-line labels that fit a tab's or half a page's height
_LABEL_WIDTH: Final = 30


def _segment_rows(metrics: pd.DataFrame) -> pd.DataFrame:
    if metrics.empty or "segment_id" not in metrics.columns:
        return metrics.iloc[0:0]
    return metrics[metrics["segment_id"].notna()]


def _chosen_metric(rows: pd.DataFrame) -> str | None:
    """Revenue when a segment states it, else the metric most segments state."""
    if rows.empty:
        return None
    segments_per_metric = rows.groupby("metric")["segment_id"].nunique()
    if PREFERRED_METRIC in segments_per_metric.index:
        return PREFERRED_METRIC
    best = int(segments_per_metric.max())
    return str(sorted(str(m) for m in segments_per_metric[segments_per_metric == best].index)[0])


def _bar_label(row: pd.Series) -> str:
    segment = shorten(text_or(row.get("segment"), "segment"), _LABEL_WIDTH)
    period = text_or(row.get("period"))
    return f"{segment}\n{period}" if period else segment


def _without_undated_twins(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Drop a row without a period when the same segment states the same figure for a
    period: two articles telling one fact, one of them vaguer."""
    dated = rows[rows["period"].notna()]
    twins = set(zip(dated["segment_id"], dated[column], strict=True))
    keep = [
        not (pd.isna(period) and (segment, value) in twins)
        for segment, period, value in zip(
            rows["segment_id"], rows["period"], rows[column], strict=True
        )
    ]
    return rows[pd.Series(keep, index=rows.index, dtype=bool)]


def _bars(
    axes: Axes, labels: Sequence[str], values: Sequence[float], colours: Sequence[str]
) -> list[Rectangle]:
    positions = list(range(len(labels)))
    container = axes.barh(positions, values, color=list(colours), height=0.6, zorder=2)
    axes.set_yticks(positions, list(labels))
    centre_rows(axes, len(labels), 4)
    for patch in container.patches:
        patch.set_picker(True)
    return list(container.patches)


def _value_unit(row: pd.Series) -> tuple[float | None, str]:
    """The bar length and its unit: the converted value when there is one."""
    converted = number(row.get("value_reported_value"))
    if converted is not None or (
        number(row.get("value_reported_low")) is not None
        and number(row.get("value_reported_high")) is not None
    ):
        return point_value(row, "value_reported"), text_or(row.get("reporting_currency"))
    return point_value(row, "value"), text_or(row.get("value_unit"))


# Bars longer than this share of the longest carry their label inside.
LABEL_INSIDE_FROM: Final = 0.8


def _annotation(row: pd.Series, axis_unit: str | None = None) -> str:
    """The stated value (and change); with the bar drawn converted, the converted value too,
    so a "CNY 248 billion" bar on a USD axis reads as what its length shows. The converted
    value goes on a second line: on one line the label ran past a narrow chart's edge."""
    quantity = row_quantity(row, "value")
    stated = "" if quantity is None else format_quantity(quantity)
    change = number(row.get("change_pct"))
    if change is not None:
        stated = f"{stated}  ({format_change(change)})"
    if axis_unit is not None and text_or(row.get("value_unit")) != axis_unit:
        stated = "\n".join(part for part in (stated, converted_text(row, "value")) if part)
    return stated


def _largest(
    drawn: list[tuple[pd.Series, float, str]],
) -> list[tuple[pd.Series, float, str]]:
    """At most ``MAX_BARS`` bars: all of a few in the briefing's order, else the largest
    values of each unit (units share the bars by their number of figures, at least two
    each), largest first."""
    if len(drawn) <= MAX_BARS:
        return drawn
    units = list(dict.fromkeys(unit for _, _, unit in drawn))
    kept: list[tuple[pd.Series, float, str]] = []
    for unit in units:
        mine = sorted((d for d in drawn if d[2] == unit), key=lambda d: -d[1])
        share = max(2, round(MAX_BARS * len(mine) / len(drawn)))
        kept += mine[:share]
    return kept[:MAX_BARS]


def segment_values_chart(metrics: pd.DataFrame, *, theme: ChartTheme = LIGHT) -> Chart:
    """The latest value of one metric per segment as horizontal bars, the stated value and
    change written beside each bar; one axes per unit, never summed across currencies."""
    rows = _segment_rows(metrics)
    metric = _chosen_metric(
        rows[rows["value_value"].notna() | rows["value_low"].notna()] if len(rows) else rows
    )
    title = f"Latest {metric_words(metric)} by segment" if metric else "Latest value by segment"
    if metric is None:
        return empty_chart(title, theme)
    chosen = rows[rows["metric"] == metric]
    drawn: list[tuple[pd.Series, float, str]] = []
    for _, row in chosen.iterrows():
        value, unit = _value_unit(row)
        if value is not None:
            drawn.append((row, value, unit))
    if not drawn:
        return empty_chart(title, theme)
    stated = len(drawn)
    drawn = _largest(drawn)
    note = shown_of(len(drawn), stated, "segment figures", "largest")
    units = list(dict.fromkeys(unit for _, _, unit in drawn))
    figure = new_figure(theme)
    set_title(figure, title, theme)
    heights = [sum(1 for _, _, u in drawn if u == unit) + 0.8 for unit in units]
    grid = figure.subplots(len(units), 1, squeeze=False, gridspec_kw={"height_ratios": heights})
    points: dict[Artist, Sequence[EvidenceRef]] = {}
    add_note(grid[0, 0], note, theme)
    for axes, unit in zip(grid[:, 0], units, strict=True):
        style_axes(axes, theme, grid_axis="x")
        mine = [(row, value) for row, value, u in drawn if u == unit]
        colours = [theme.accent(0) if value >= 0 else theme.down for _, value in mine]
        patches = _bars(axes, [_bar_label(r) for r, _ in mine], [v for _, v in mine], colours)
        largest = max(abs(v) for _, v in mine)
        for patch, (row, value) in zip(patches, mine, strict=True):
            points[patch] = [evidence_of(row)]
            # A long bar carries its label inside, a short one beside it: beside the longest
            # bar a label ran past a narrow chart's edge (the layout does not make room).
            inside = value > largest * LABEL_INSIDE_FROM
            axes.annotate(
                _annotation(row, unit),
                (max(value, 0.0), patch.get_y() + patch.get_height() / 2),
                xytext=(-4 if inside else 4, 0),
                textcoords="offset points",
                va="center",
                ha="right" if inside else "left",
                **text_style(theme, 8, **({"color": "white"} if inside else {})),
            )
        axes.set_xlim(min(0.0, min(v for _, v in mine)) * 1.1, largest * 1.55)
        axes.xaxis.set_major_locator(MaxNLocator(nbins=3))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x)))
        converted = any(text_or(r.get("value_unit")) != unit for r, _ in mine)
        note = " (converted, approximate)" if converted else ""
        axes.set_xlabel(f"{metric_words(metric).capitalize()}, {unit or 'stated unit'}{note}")
    return Chart(figure=figure, title=title, points=points, empty=False)


def segment_growth_chart(metrics: pd.DataFrame, *, theme: ChartTheme = LIGHT) -> Chart:
    """Each segment's stated change (of revenue when stated, else the metric most segments
    state a change for) as diverging bars: green up, red down, around a zero line."""
    rows = _segment_rows(metrics)
    with_change = rows[rows["change_pct"].notna()] if len(rows) else rows
    metric = _chosen_metric(with_change)
    title = f"{metric_words(metric).capitalize()} growth by segment" if metric else "Growth"
    if metric is None:
        return empty_chart(title, theme)
    chosen = _without_undated_twins(with_change[with_change["metric"] == metric], "change_pct")
    stated = len(chosen)
    if stated > MAX_BARS:  # the largest moves either way
        chosen = chosen.loc[chosen["change_pct"].abs().nlargest(MAX_BARS, keep="first").index]
    chosen = chosen.sort_values("change_pct", ascending=False, kind="stable")
    changes = [float(value) for value in chosen["change_pct"]]
    figure = new_figure(theme)
    set_title(figure, title, theme)
    axes = figure.add_subplot()
    style_axes(axes, theme, grid_axis="x")
    add_note(axes, shown_of(len(chosen), stated, "stated changes", "largest"), theme)
    labels = [_bar_label(row) for _, row in chosen.iterrows()]
    colours = [theme.up if change >= 0 else theme.down for change in changes]
    patches = _bars(axes, labels, changes, colours)
    axes.axvline(0.0, color=theme.foreground, linewidth=0.8, zorder=3)
    points: dict[Artist, Sequence[EvidenceRef]] = {}
    for patch, (_, row), change in zip(patches, chosen.iterrows(), changes, strict=True):
        points[patch] = [evidence_of(row)]
        axes.annotate(
            format_change(change),
            (change, patch.get_y() + patch.get_height() / 2),
            xytext=(4 if change >= 0 else -4, 0),
            textcoords="offset points",
            va="center",
            ha="left" if change >= 0 else "right",
            **text_style(theme, 8, fontweight="bold"),
        )
    largest = max(abs(change) for change in changes) or 1.0
    low = min(0.0, min(changes)) - (largest * 0.2 if min(changes) < 0 else 0.0)
    axes.set_xlim(low, max(0.0, max(changes)) + largest * 0.2)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=4))  # "+100%+120%" ran together
    axes.xaxis.set_major_formatter(FuncFormatter(percent_tick))
    axes.set_xlabel("Stated change (%)")
    return Chart(figure=figure, title=title, points=points, empty=False)

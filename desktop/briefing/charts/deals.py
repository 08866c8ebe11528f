"""The deal timeline: when each deal happened and how large it is, in one currency.

Dated deals sit on a time axis; undated ones (a plan, a programme, an agreement whose
article gives no date) sit apart in a strip on the right labelled "undated", in the order
of the briefing (by article date). Amounts are on a log scale in the reporting currency,
because a USD 0.3 dividend and a USD 53 billion capex plan belong to one timeline. A deal
without an amount (or one that cannot be put in the reporting currency) is drawn hollow at
the bottom edge, marked "no amount".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from briefing.analysis.analysts import row_quantity
from briefing.analysis.formatting import format_number, format_quantity, month_abbreviation
from briefing.charts.base import (
    Chart,
    EvidenceRef,
    empty_chart,
    evidence_of,
    number,
    point_value,
    shorten,
    text_or,
)
from briefing.charts.theme import (
    FONT_FAMILY,
    LIGHT,
    ChartTheme,
    new_figure,
    set_title,
    style_axes,
    text_style,
)

TITLE: Final = "Deal timeline"
NO_AMOUNT_Y: Final = 0.05  # axes fraction where deals without an amount sit
_LABEL_WIDTH: Final = 22
_EPOCH: Final = pd.Timestamp("1970-01-01")


@dataclass(frozen=True)
class _DealPoint:
    deal_type: str
    label: str
    amount: float | None  # in the reporting currency, positive; None: "no amount"
    low: float | None
    high: float | None
    date: pd.Timestamp | None  # None: undated
    ref: EvidenceRef


def _reported(row: pd.Series, currency: str) -> tuple[float | None, float | None, float | None]:
    """(amount, low, high) in ``currency``: the converted columns when the frame has them
    for that currency, else the stated amount when it is in that currency."""
    if "amount_reported_value" in row.index and text_or(row.get("reporting_currency")) in (
        currency,
        "",
    ):
        prefix = "amount_reported"
    elif text_or(row.get("amount_unit")) == currency:
        prefix = "amount"
    else:
        return None, None, None
    amount = point_value(row, prefix)
    if amount is None or amount <= 0:
        return None, None, None
    return amount, number(row.get(f"{prefix}_low")), number(row.get(f"{prefix}_high"))


def _label(row: pd.Series) -> str:
    party = text_or(row.get("other_party")) or text_or(row.get("type"), "deal").replace("_", " ")
    quantity = row_quantity(row, "amount")
    party = shorten(party, _LABEL_WIDTH)
    return party if quantity is None else f"{party}\n{format_quantity(quantity)}"


def _points(deals: pd.DataFrame, currency: str) -> list[_DealPoint]:
    points = []
    for _, row in deals.iterrows():
        amount, low, high = _reported(row, currency)
        date = row.get("date")
        dated = bool(row["dated"]) if "dated" in row.index else not pd.isna(date)
        points.append(
            _DealPoint(
                deal_type=text_or(row.get("type"), "other"),
                label=_label(row),
                amount=amount,
                low=low,
                high=high,
                date=pd.Timestamp(date) if dated and not pd.isna(date) else None,
                ref=evidence_of(row),
            )
        )
    return points


def _amount_ticks(value: float, _position: object) -> str:
    return format_number(value)


def _draw(
    axes: Axes,
    points: Sequence[_DealPoint],
    xs: Sequence[float],
    colours: dict[str, str],
    theme: ChartTheme,
) -> dict[Artist, list[EvidenceRef]]:
    """Scatter one axes' points (one artist per deal type and amount/no amount), with
    range whiskers and a label per point; returns the pickable artists."""
    picked: dict[Artist, list[EvidenceRef]] = {}
    groups: dict[tuple[str, bool], list[int]] = {}
    for index, point in enumerate(points):
        groups.setdefault((point.deal_type, point.amount is not None), []).append(index)
    for (deal_type, has_amount), indices in groups.items():
        colour = colours[deal_type]
        x = [xs[i] for i in indices]
        if has_amount:
            y = [points[i].amount or 0.0 for i in indices]
            artist = axes.scatter(x, y, s=46, color=colour, zorder=3, edgecolors=theme.background)
        else:
            artist = axes.scatter(
                x,
                [NO_AMOUNT_Y] * len(x),
                s=46,
                facecolors="none",
                edgecolors=colour,
                linewidths=1.5,
                zorder=3,
                transform=axes.get_xaxis_transform(),
            )
        artist.set_picker(True)
        artist.set_pickradius(6)
        picked[artist] = [points[i].ref for i in indices]
    for index, point in enumerate(points):
        if point.low is not None and point.high is not None and point.amount is not None:
            axes.vlines(xs[index], point.low, point.high, color=colours[point.deal_type], lw=1.5)
        above = index % 2 == 0
        offset = (0, 7) if above else (0, -8)
        if point.amount is None:
            axes.annotate(
                point.label,
                (xs[index], NO_AMOUNT_Y),
                xycoords=axes.get_xaxis_transform(),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                va="bottom",
                **text_style(theme, 7, color=theme.muted),
            )
            continue
        axes.annotate(
            point.label,
            (xs[index], point.amount),
            xytext=offset,
            textcoords="offset points",
            ha="center",
            va="bottom" if above else "top",
            linespacing=1.1,
            **text_style(theme, 7),
        )
    return picked


def _y_limits(points: Sequence[_DealPoint]) -> tuple[float, float]:
    """Log limits leaving a decade of room for labels and the "no amount" strip."""
    amounts = [p.amount for p in points if p.amount is not None]
    amounts += [p.low for p in points if p.low is not None and p.amount is not None]
    amounts += [p.high for p in points if p.high is not None and p.amount is not None]
    if not amounts:
        return 1.0, 10.0
    low, high = min(amounts), max(amounts)
    return low / (10**1.3 if any(p.amount is None for p in points) else 10**0.8), high * 10**0.8


def _date_axis(axes: Axes, xs: Sequence[float]) -> None:
    """Limits around the dates with room for labels; a tick at each deal's date when there
    are few, else matplotlib's own date ticks."""
    span = max(xs) - min(xs)
    pad = max(span * 0.2, 4.0)
    axes.set_xlim(min(xs) - pad, max(xs) + pad)
    distinct = sorted(set(xs))
    if len(distinct) <= 5:
        axes.set_xticks(distinct)
    else:
        axes.xaxis.set_major_locator(MaxNLocator(nbins=5))
    axes.xaxis.set_major_formatter(FuncFormatter(_date_tick))


def _day_number(stamp: pd.Timestamp) -> float:
    """Days since 1970-01-01, matplotlib's date unit (without its untyped helpers).

    >>> _day_number(pd.Timestamp("1970-01-03 12:00"))
    2.5
    """
    return float((stamp - _EPOCH) / pd.Timedelta(days=1))


def _date_tick(value: float, _position: object) -> str:
    """A date tick: "3 Jan" over the year.

    >>> _date_tick(_day_number(pd.Timestamp("2026-01-03")), None).split()
    ['3', 'Jan', '2026']
    """
    stamp = _EPOCH + pd.Timedelta(days=value)
    return f"{stamp.day} {month_abbreviation(stamp.month)}\n{stamp.year}"


def deal_timeline_chart(deals: pd.DataFrame, currency: str, *, theme: ChartTheme = LIGHT) -> Chart:
    """Deals on a time axis (undated ones apart), amounts in ``currency`` on a log scale,
    coloured by deal type and labelled with the other party and the stated amount."""
    title = f"{TITLE} ({currency}, log scale)"
    if deals.empty:
        return empty_chart(title, theme)
    points = _points(deals, currency)
    dated = [p for p in points if p.date is not None]
    undated = [p for p in points if p.date is None]
    types = sorted({p.deal_type for p in points})
    colours = {deal_type: theme.accent(i) for i, deal_type in enumerate(types)}

    figure = new_figure(theme)
    set_title(figure, title, theme)
    ratios = [max(len(dated), 2) * 1.0, max(len(undated), 1) * 1.1]
    if dated and undated:
        time_axes, strip_axes = figure.subplots(
            1, 2, sharey=True, gridspec_kw={"width_ratios": ratios}
        )
        panels: list[tuple[Axes, list[_DealPoint], bool]] = [
            (time_axes, dated, True),
            (strip_axes, undated, False),
        ]
    else:
        panels = [(figure.add_subplot(), dated or undated, bool(dated))]

    picked: dict[Artist, Sequence[EvidenceRef]] = {}
    limits = _y_limits(points)
    for position, (axes, panel_points, on_time) in enumerate(panels):
        style_axes(axes, theme, grid_axis="y")
        if position == 0:
            axes.set_yscale("log")
            axes.set_ylim(*limits)
        if on_time:
            xs = [_day_number(p.date) for p in panel_points if p.date is not None]
            _date_axis(axes, xs)
        else:
            xs = [float(i) for i in range(len(panel_points))]
            axes.set_xlim(-0.7, len(panel_points) - 0.3)
            axes.set_xticks([])
            axes.set_xlabel("undated", fontfamily=FONT_FAMILY, color=theme.muted)
        picked.update(_draw(axes, panel_points, xs, colours, theme))
        if any(p.amount is None for p in panel_points):
            axes.text(
                0.01,
                0.01,
                "no amount",
                transform=axes.transAxes,
                **text_style(theme, 7, color=theme.muted, style="italic"),
            )
        if position > 0:
            axes.tick_params(axis="y", which="both", left=False)
            axes.spines["left"].set_linestyle((0, (3, 3)))
    # After every set_yscale: setting the scale resets the shared axis' ticker.
    first = panels[0][0]
    first.set_ylabel(f"Amount ({currency})")
    first.yaxis.set_major_locator(LogLocator(base=10, numticks=7))
    first.yaxis.set_major_formatter(FuncFormatter(_amount_ticks))
    first.yaxis.set_minor_formatter(NullFormatter())
    handles = [
        Line2D([], [], ls="", marker="o", color=colours[t], label=t.replace("_", " "))
        for t in types
    ]
    legend_options: dict[str, Any] = {"loc": "outside lower center", "ncols": min(len(types), 5)}
    legend = figure.legend(
        handles=handles,
        frameon=False,
        labelcolor=theme.foreground,
        prop={"family": FONT_FAMILY, "size": 8},
        **legend_options,
    )
    legend.set_zorder(5)
    return Chart(figure=figure, title=title, points=picked, empty=False)

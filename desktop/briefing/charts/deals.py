"""The deal timeline: when each deal happened and how large it is, in one currency.

Dated deals sit on a time axis; undated ones (a plan, a programme, an agreement whose
article gives no date) sit apart in a strip on the right labelled "undated", in the order
of the briefing (by article date). Amounts are on a log scale in the reporting currency,
because a USD 0.3 dividend and a USD 53 billion capex plan belong to one timeline. A deal
without an amount (or one that cannot be put in the reporting currency) is drawn hollow at
the bottom edge, marked "no amount".

Big briefings stay legible: each side labels only its ``LABELS_PER_SIDE`` largest deals
(the others are unlabelled points that still lead to their sentence, and a note says how
many are labelled), and beyond ``COLOURED_TYPES`` deal types the rarest share one muted
"other" colour so the legend keeps to two rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import (
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    NullFormatter,
    NullLocator,
)

from briefing.analysis.analysts import row_quantity
from briefing.analysis.formatting import format_number, format_quantity, month_abbreviation
from briefing.charts.base import (
    Chart,
    EvidenceRef,
    add_note,
    empty_chart,
    evidence_of,
    number,
    point_value,
    shorten,
    text_or,
)
from briefing.charts.theme import (
    FIGURE_SIZE,
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
LABELS_PER_SIDE: Final = 6  # labels one side (dated, undated) carries at most
COLOURED_TYPES: Final = 7  # deal types with a colour of their own (the palette's size)
OTHER_TYPES: Final = "other"  # the legend entry of the rarer types beyond those
_LABEL_WIDTH: Final = 22
_MIN_TIME_SHARE: Final = 0.35  # the dated side's least share of the width
_CANDIDATES: Final = 4
_MINOR_TICK_DECADES: Final = 6.5  # wider amount axes get no minor ticks
# A 7-point label's room, about: a character's width, a line's height, the gap to its point.
_CHAR_INCHES, _LINE_INCHES, _GAP_INCHES = 0.058, 0.135, 0.1
_PLOT_INCHES: Final = (FIGURE_SIZE[0] - 1.1, FIGURE_SIZE[1] - 1.5)  # axes, about
_EPOCH: Final = pd.Timestamp("1970-01-01")


@dataclass(frozen=True)
class _DealPoint:
    deal_type: str
    row: pd.Series  # the label is made from it, for the few points that get one
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
                row=row,
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
    labelled: set[int],
) -> dict[Artist, list[EvidenceRef]]:
    """Scatter one axes' points (one artist per deal type and amount/no amount), with
    range whiskers and a label on the ``labelled`` ones; returns the pickable artists."""
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
        if index not in labelled:
            continue
        above = index % 2 == 0
        offset = (0, 7) if above else (0, -8)
        if point.amount is None:
            axes.annotate(
                _label(point.row),
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
            _label(point.row),
            (xs[index], point.amount),
            xytext=offset,
            textcoords="offset points",
            ha="center",
            va="bottom" if above else "top",
            linespacing=1.1,
            **text_style(theme, 7),
        )
    return picked


def _labelled(
    points: Sequence[_DealPoint],
    xs: Sequence[float],
    x_limits: tuple[float, float],
    inch_x: float,
    inch_decade: float,
) -> set[int]:
    """The indices of the points that get a label: all of a few, else up to
    ``LABELS_PER_SIDE`` of the largest amounts (among ``_CANDIDATES`` times as many),
    skipping one whose label would sit on a larger one's (``inch_x``: inches per x unit,
    ``inch_decade``: per decade of amount; labels alternate above and below) or run out of
    the side's ``x_limits``."""
    if len(points) <= LABELS_PER_SIDE:
        return set(range(len(points)))
    with_amount = [i for i, p in enumerate(points) if p.amount is not None]
    with_amount.sort(key=lambda i: -(points[i].amount or 0.0))
    chosen: list[int] = []
    boxes: list[tuple[float, float, float, float]] = []
    for index in with_amount[: LABELS_PER_SIDE * _CANDIDATES]:
        box = _label_box(points[index], xs[index] * inch_x, index % 2 == 0, inch_decade)
        inside = x_limits[0] * inch_x <= box[0] and box[2] <= x_limits[1] * inch_x
        if inside and not any(_overlap(box, other) for other in boxes):
            chosen.append(index)
            boxes.append(box)
            if len(chosen) == LABELS_PER_SIDE:
                break
    return set(chosen)


def _label_box(
    point: _DealPoint, x: float, above: bool, inch_decade: float
) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in inches of a point's label as ``_draw`` places it."""
    lines = _label(point.row).split("\n")
    width = max(len(line) for line in lines) * _CHAR_INCHES
    height = len(lines) * _LINE_INCHES
    y = math.log10(point.amount or 1.0) * inch_decade
    bottom = y + _GAP_INCHES if above else y - _GAP_INCHES - height
    return x - width / 2, bottom, x + width / 2, bottom + height


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two (left, bottom, right, top) boxes overlap.

    >>> _overlap((0, 0, 1, 1), (0.5, 0.5, 2, 2)), _overlap((0, 0, 1, 1), (1.1, 0, 2, 1))
    (True, False)
    """
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_note(points: Sequence[_DealPoint], labelled: set[int]) -> str:
    """What a side says when it labels only some of its deals.

    >>> _label_note([], set())
    ''
    """
    if len(labelled) == len(points):
        return ""
    return f"{len(labelled)} of the largest of {len(points)} deals labelled"


def _type_colours(
    points: Sequence[_DealPoint], theme: ChartTheme
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """A colour per deal type and the legend's (label, colour) entries: with many types
    the most frequent keep their colours and the rest share the muted "other" one."""
    types = sorted({p.deal_type for p in points})
    if len(types) <= COLOURED_TYPES:
        colours = {deal_type: theme.accent(i) for i, deal_type in enumerate(types)}
        return colours, [(t.replace("_", " "), colours[t]) for t in types]
    counts = {t: sum(1 for p in points if p.deal_type == t) for t in types}
    frequent = sorted(types, key=lambda t: (-counts[t], t))[: COLOURED_TYPES - 1]
    kept = [t for t in types if t in frequent]
    colours = {t: theme.accent(i) for i, t in enumerate(kept)}
    rest = [t for t in types if t not in colours]
    colours |= {t: theme.muted for t in rest}
    entries = [(t.replace("_", " "), colours[t]) for t in kept]
    return colours, [*entries, (f"{OTHER_TYPES} ({len(rest)} types)", theme.muted)]


def _y_limits(points: Sequence[_DealPoint]) -> tuple[float, float]:
    """Log limits leaving a decade of room for labels and the "no amount" strip."""
    amounts = [p.amount for p in points if p.amount is not None]
    amounts += [p.low for p in points if p.low is not None and p.amount is not None]
    amounts += [p.high for p in points if p.high is not None and p.amount is not None]
    if not amounts:
        return 1.0, 10.0
    low, high = min(amounts), max(amounts)
    return low / (10**1.3 if any(p.amount is None for p in points) else 10**0.8), high * 10**0.8


def _date_axis(axes: Axes, xs: Sequence[float], bins: int = 5) -> None:
    """Limits around the dates with room for labels; a tick at each deal's date when there
    are few, else at most ``bins`` of matplotlib's own date ticks."""
    span = max(xs) - min(xs)
    pad = max(span * 0.2, 4.0)
    axes.set_xlim(min(xs) - pad, max(xs) + pad)
    distinct = sorted(set(xs))
    if len(distinct) <= min(bins, 5):
        axes.set_xticks(distinct)
    else:
        axes.xaxis.set_major_locator(MaxNLocator(nbins=bins))
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
    colours, entries = _type_colours(points, theme)

    figure = new_figure(theme)
    set_title(figure, title, theme)
    ratios = [max(len(dated), 2) * 1.0, max(len(undated), 1) * 1.1]
    ratios[0] = max(ratios[0], ratios[1] * _MIN_TIME_SHARE / (1 - _MIN_TIME_SHARE))
    # A narrow dated side gets fewer date ticks: "3 Jan 2026" labels need about an inch.
    time_share = ratios[0] / sum(ratios) if dated and undated else 1.0
    date_bins = max(2, min(5, round(time_share * 7)))
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
            _date_axis(axes, xs, date_bins)
        else:
            xs = [float(i) for i in range(len(panel_points))]
            axes.set_xlim(-0.7, len(panel_points) - 0.3)
            axes.set_xticks([])
            axes.set_xlabel("undated", fontfamily=FONT_FAMILY, color=theme.muted)
        share = 1.0 if len(panels) == 1 else time_share if on_time else 1.0 - time_share
        low, high = axes.get_xlim()
        inch_x = _PLOT_INCHES[0] * share / max(high - low, 1e-9)
        inch_decade = _PLOT_INCHES[1] / math.log10(limits[1] / limits[0])
        labelled = _labelled(panel_points, xs, (low, high), inch_x, inch_decade)
        picked.update(_draw(axes, panel_points, xs, colours, theme, labelled))
        add_note(axes, _label_note(panel_points, labelled), theme)
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
    if math.log10(limits[1] / limits[0]) > _MINOR_TICK_DECADES:
        # Eight minor ticks a decade over many decades are noise, and slow to lay out.
        first.yaxis.set_minor_locator(NullLocator())
    handles = [
        Line2D([], [], ls="", marker="o", color=colour, label=label) for label, colour in entries
    ]
    # One row for up to five types, else two rows of at most four.
    columns = len(entries) if len(entries) <= 5 else (len(entries) + 1) // 2
    legend_options: dict[str, Any] = {"loc": "outside lower center", "ncols": columns}
    legend = figure.legend(
        handles=handles,
        frameon=False,
        labelcolor=theme.foreground,
        prop={"family": FONT_FAMILY, "size": 8},
        **legend_options,
    )
    legend.set_zorder(5)
    return Chart(figure=figure, title=title, points=picked, empty=False)

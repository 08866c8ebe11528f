"""The analyst charts: price targets against the current price and the distribution of
ratings here; valuation multiples and share performance (``analyst_market``) re-exported, so
the Analysts tab imports its four builders from one module.

Targets are drawn in the currency most of them are stated in; a target in another currency
is left out (with a note) rather than converted, since a price target is a statement about
one listing. The implied upside is the analysis layer's (``analysts.implied_upside``).

With more than ``MAX_FIRM_TARGETS`` firms' targets, the chart draws them all as one row
(their range, with the lowest and highest leading to their sentences, and their average)
above the ``LATEST_TARGETS`` newest ones and the stated averages; the axis label says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from briefing.analysis.analysts import AnalystPicture, current_prices, row_quantity
from briefing.analysis.formatting import (
    format_change,
    format_date,
    format_number,
    format_quantity,
    format_value,
)
from briefing.charts.analyst_market import multiples_chart, performance_chart
from briefing.charts.base import (
    Chart,
    EvidenceRef,
    centre_rows,
    empty_chart,
    evidence_of,
    number,
    point_value,
    shorten,
    text_or,
)
from briefing.charts.theme import LIGHT, ChartTheme, new_figure, set_title, style_axes, text_style

__all__ = [
    "multiples_chart",
    "performance_chart",
    "price_targets_chart",
    "ratings_chart",
]

TARGETS_TITLE: Final = "Price targets against the current price"
RATINGS_TITLE: Final = "Analyst ratings"
MAX_FIRM_TARGETS: Final = 6  # firms' targets drawn one by one; more are summarised
LATEST_TARGETS: Final = 4  # newest firms' targets drawn beside the summary
STATED_SUMMARIES: Final = 2  # stated averages/medians ("$205 average") kept beside it
_BUY = ("buy", "strong buy", "outperform", "overweight", "accumulate", "add")
_SELL = ("sell", "strong sell", "underperform", "underweight", "reduce")


def _upside_text(low: float | None, high: float | None) -> str:
    """The implied upside of a target, one decimal.

    >>> _upside_text(34.868, 34.868), _upside_text(25.0, 34.868), _upside_text(None, None)
    ('+34.9%', '+25% to +34.9%', '')
    """
    if low is None or high is None:
        return ""
    low_text, high_text = format_change(round(low, 1)), format_change(round(high, 1))
    return low_text if low_text == high_text else f"{low_text} to {high_text}"


def _target_label(row: pd.Series) -> str:
    who = text_or(row.get("firm"))
    stat = text_or(row.get("stat"))
    name = shorten(who, 22) if who else f"{stat} target" if stat else "target"
    when = format_date(row.get("published"))
    return f"{name[:1].upper()}{name[1:]}\n{when}" if when else name[:1].upper() + name[1:]


def _draw_summary(
    axes: Axes,
    targets: pd.DataFrame,
    unit: str,
    theme: ChartTheme,
    points: dict[Artist, Sequence[EvidenceRef]],
) -> list[float]:
    """Row 0: the range of ``targets`` as a muted bar, its ends as points leading to the
    lowest and the highest target's sentence, the average as a tick; returns the ends."""
    lows, highs, middles = [], [], []
    for _, row in targets.iterrows():
        middle = point_value(row, "value")
        if middle is None:
            continue
        middles.append(middle)
        lows.append((number(row.get("value_low")) or middle, row))
        highs.append((number(row.get("value_high")) or middle, row))
    low, low_row = min(lows, key=lambda pair: pair[0])
    high, high_row = max(highs, key=lambda pair: pair[0])
    average = sum(middles) / len(middles)
    axes.barh([0], [high - low], left=[low], height=0.35, color=theme.muted, alpha=0.35)
    ends = axes.scatter([low, high], [0, 0], s=40, marker="|", color=theme.foreground, zorder=3)
    ends.set_picker(True)
    points[ends] = [evidence_of(low_row), evidence_of(high_row)]
    axes.scatter([average], [0], s=70, marker="D", color=theme.muted, zorder=3)
    rounded = round(average, 1 if average < 100 else 0)
    axes.annotate(
        f"{format_value(low, unit)}–{format_number(high)}, average {format_value(rounded, unit)}",
        (high, 0),
        xytext=(8, 0),
        textcoords="offset points",
        va="center",
        **text_style(theme, 8),
    )
    return [low, high]


def _price_row(picture: AnalystPicture, targets: pd.DataFrame, unit: str) -> pd.Series | None:
    """The share price the upside was computed against (else the newest current one)."""
    prices = current_prices(picture.share_prices)
    prices = prices[prices["value_unit"] == unit]
    if prices.empty:
        return None
    first = targets.iloc[0]
    same = prices[
        (prices["article_id"] == first.get("price_article_id"))
        & (prices["value_value"] == first.get("price_value"))
    ]
    row: pd.Series = (same if not same.empty else prices).iloc[0]
    return row


def price_targets_chart(analysts: AnalystPicture, *, theme: ChartTheme = LIGHT) -> Chart:
    """Each price target as a point (single figure) or a bar (a low–high range) with its
    implied upside, against a line at the current share price."""
    targets = analysts.targets
    if not targets.empty:
        targets = targets[targets["value_value"].notna() | targets["value_low"].notna()]
    if targets.empty:
        return empty_chart(TARGETS_TITLE, theme)
    unit = str(targets["value_unit"].fillna("").mode().iloc[0])
    shown = targets[targets["value_unit"].fillna("") == unit]
    left_out = len(targets) - len(shown)
    firms = shown["stat"].isna() | (shown["stat"].astype("string").str.strip() == "")
    summarised = shown[firms.to_numpy()] if int(firms.sum()) > MAX_FIRM_TARGETS else None
    listed = shown
    if summarised is not None:  # newest first, as the analysis layer sorts them
        summaries = shown[~firms.to_numpy()].iloc[:STATED_SUMMARIES]
        listed = pd.concat([summaries, summarised.iloc[:LATEST_TARGETS]]).sort_index()
    figure = new_figure(theme)
    set_title(figure, TARGETS_TITLE, theme)
    axes = figure.add_subplot()
    style_axes(axes, theme, grid_axis="x")
    points: dict[Artist, Sequence[EvidenceRef]] = {}
    labels: list[str] = []
    ends: list[float] = []
    if summarised is not None:
        labels.append(f"All {len(summarised)} firms'\ntargets")
        ends += _draw_summary(axes, summarised, unit, theme, points)
    for position, (_, row) in enumerate(listed.iterrows(), start=len(labels)):
        labels.append(_target_label(row))
        low, high = number(row.get("value_low")), number(row.get("value_high"))
        value = number(row.get("value_value"))
        colour = theme.accent(1) if text_or(row.get("stat")) else theme.accent(0)
        artist: Artist
        if value is None and low is not None and high is not None:
            bars = axes.barh([position], [high - low], left=[low], height=0.35, color=colour)
            artist = bars.patches[0]
            ends += [low, high]
            tip = high
        else:
            middle = point_value(row, "value") or 0.0
            artist = axes.scatter([middle], [position], s=70, marker="D", color=colour, zorder=3)
            ends.append(middle)
            tip = middle
        artist.set_picker(True)
        points[artist] = [evidence_of(row)]
        upside = _upside_text(
            number(row.get("implied_upside_low")), number(row.get("implied_upside_high"))
        )
        quantity = row_quantity(row, "value")
        stated = "" if quantity is None else format_quantity(quantity)
        axes.annotate(
            f"{stated}  {upside}".strip(),
            (tip, position),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            **text_style(theme, 8),
        )
    price = _price_row(analysts, shown, unit)
    if price is not None:
        price_value = float(price["value_value"])
        ends.append(price_value)
        line = axes.axvline(price_value, color=theme.muted, linestyle="--", linewidth=1.2)
        line.set_picker(5)
        points[line] = [evidence_of(price)]
        axes.annotate(
            f"current price {format_value(price_value, unit)}",
            (price_value, 1.0),
            xycoords=axes.get_xaxis_transform(),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            **text_style(theme, 8, color=theme.muted),
        )
    low_end, high_end = min(ends), max(ends)
    spread = max(high_end - low_end, high_end * 0.05)
    axes.set_xlim(low_end - spread * 0.3, high_end + spread * 0.7)
    axes.set_yticks(range(len(labels)), labels)
    centre_rows(axes, len(labels), 3)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_number(x)))
    axes.set_xlabel(f"Price target ({unit})" if unit else "Price target")
    if summarised is not None:
        shown_firms = min(LATEST_TARGETS, len(summarised))
        axes.set_xlabel(
            f"{axes.get_xlabel()} · newest {shown_firms} of {len(summarised)} firms' targets"
            " shown, all in the top row"
        )
    if left_out:
        axes.text(
            1.0,
            -0.16,
            f"{left_out} target(s) in another currency not shown",
            transform=axes.transAxes,
            ha="right",
            **text_style(theme, 7, color=theme.muted),
        )
    return Chart(figure=figure, title=TARGETS_TITLE, points=points, empty=False)


def _rating_colour(label: str, theme: ChartTheme) -> str:
    word = label.strip().lower()
    if word in _BUY:
        return theme.up
    if word in _SELL:
        return theme.down
    return theme.muted


def _rating_order(label: str) -> tuple[int, str]:
    word = label.strip().lower()
    return (0 if word in _BUY else 2 if word in _SELL else 1, word)


def _distribution(ratings: pd.DataFrame) -> list[tuple[str, int, list[EvidenceRef]]]:
    """(label, count, evidence) per bar: the counts of the newest article stating rating
    counts; without any, the firms' individual ratings counted by label."""
    counts = ratings[ratings["view_type"] == "rating_count"]
    counts = counts[counts["count"].notna()]
    bars: list[tuple[str, int, list[EvidenceRef]]] = []
    if not counts.empty:
        newest = counts[counts["article_id"] == counts.iloc[0]["article_id"]]
        for _, row in newest.iterrows():
            bars.append((text_or(row.get("label"), "?"), int(row["count"]), [evidence_of(row)]))
        stated_totals = [int(total) for total in newest["of"].dropna()]
        rest = (max(stated_totals) if stated_totals else 0) - sum(count for _, count, _ in bars)
        if rest > 0:
            bars.append(("other (not stated)", rest, [evidence_of(newest.iloc[0])]))
        return bars
    firms = ratings[ratings["view_type"].isin(("rating", "rating_change"))]
    for label, group in firms.groupby(firms["label"].fillna("?"), sort=False):
        bars.append((str(label), len(group), [evidence_of(row) for _, row in group.iterrows()]))
    return sorted(bars, key=lambda bar: _rating_order(bar[0]))


def ratings_chart(analysts: AnalystPicture, *, theme: ChartTheme = LIGHT) -> Chart:
    """How many analysts rate the share buy, hold or sell (as the newest article counting
    them states), with the consensus labels stated written below the title."""
    ratings = analysts.ratings
    bars = [] if ratings.empty else _distribution(ratings)
    if not bars:
        return empty_chart(RATINGS_TITLE, theme)
    figure = new_figure(theme)
    set_title(figure, RATINGS_TITLE, theme)
    axes = figure.add_subplot()
    style_axes(axes, theme, grid_axis="y")
    labels = [shorten(label, 18) for label, _, _ in bars]
    container = axes.bar(
        range(len(bars)),
        [count for _, count, _ in bars],
        color=[_rating_colour(label, theme) for label, _, _ in bars],
        width=0.55 if len(bars) > 2 else 0.4,
        zorder=2,
    )
    points: dict[Artist, Sequence[EvidenceRef]] = {}
    total = sum(count for _, count, _ in bars)
    for patch, (_, count, refs) in zip(container.patches, bars, strict=True):
        patch.set_picker(True)
        points[patch] = refs
        axes.annotate(
            f"{count} of {total}",
            (patch.get_x() + patch.get_width() / 2, count),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            **text_style(theme, 9, fontweight="bold"),
        )
    axes.set_xticks(range(len(bars)), labels)
    axes.set_xlim(-0.7, max(len(bars), 3) - 0.3)
    axes.set_ylim(0, max(count for _, count, _ in bars) * 1.2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("Analysts")
    consensus = ratings[ratings["view_type"] == "consensus_rating"]
    if not consensus.empty:
        words = ", ".join(dict.fromkeys(text_or(label, "?") for label in consensus["label"]))
        note = axes.text(
            0.99,
            0.97,
            f"Consensus: {shorten(words, 60)}",
            transform=axes.transAxes,
            ha="right",
            va="top",
            **text_style(theme, 9, color=theme.muted),
        )
        note.set_picker(True)
        points[note] = [evidence_of(consensus.iloc[0])]
    return Chart(figure=figure, title=RATINGS_TITLE, points=points, empty=False)

"""Analyst charts about the market's view: valuation multiples against named peers, and
the share's performance over the periods articles state.

Big briefings name many peers, multiples and periods: the multiples chart draws the company
and the ``MAX_PEERS`` peers stated most often, on at most ``MAX_MULTIPLES`` kinds of
multiple; the performance chart the ``MAX_PERIODS`` periods stated most recently. Either
says above its axes how many it shows of how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from briefing.analysis.analysts import AnalystPicture, row_quantity
from briefing.analysis.formatting import format_change, format_quantity, metric_words
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
from briefing.charts.theme import (
    FONT_FAMILY,
    LIGHT,
    ChartTheme,
    new_figure,
    set_title,
    style_axes,
    text_style,
)

MULTIPLES_TITLE: Final = "Valuation multiples against peers"
PERFORMANCE_TITLE: Final = "Share performance by period"
MAX_PEERS: Final = 5  # with the company: six colours, six bars a group
MAX_MULTIPLES: Final = 4  # groups of bars
MAX_PERIODS: Final = 6
_LEGEND_INSIDE: Final = 4  # legend entries that fit above the bars, else below the axes
_GROUP_WIDTH: Final = 0.8


def _multiple_rows(multiples: pd.DataFrame) -> pd.DataFrame:
    """The newest statement per (company, multiple) that has a number."""
    if multiples.empty:
        return multiples
    usable = multiples[
        multiples["metric"].notna()
        & (multiples["value_value"].notna() | multiples["value_low"].notna())
    ]
    return usable.drop_duplicates(["company_id", "metric"], keep="first")


def multiples_chart(analysts: AnalystPicture, *, theme: ChartTheme = LIGHT) -> Chart:
    """The company's valuation multiples beside the peers' as grouped bars, one group per
    kind of multiple, the company in the accent colour and first in each group."""
    rows = _multiple_rows(analysts.multiples)
    if rows.empty:
        return empty_chart(MULTIPLES_TITLE, theme)
    is_subject = rows["is_subject"].fillna(False).astype(bool)
    companies = list(
        dict.fromkeys(list(rows.loc[is_subject, "company_id"]) + list(rows["company_id"]))
    )
    subject_ids = set(rows.loc[is_subject, "company_id"])
    peer_count = len(companies) - len(subject_ids)
    companies = _most_stated(analysts.multiples, companies, subject_ids)
    rows = rows[rows["company_id"].isin(companies)]
    peers_note = (
        ""
        if len(companies) - len(subject_ids) >= peer_count
        else (
            f"this company and the {len(companies) - len(subject_ids)} peers stated most often,"
            f" of {peer_count}"
        )
    )
    colours = {
        company: theme.accent(0) if company in subject_ids else theme.accent(index + 1)
        for index, company in enumerate(c for c in companies if c not in subject_ids)
    } | {company: theme.accent(0) for company in subject_ids}
    names = {
        str(company): text_or(group["company"].iloc[0], str(company))
        for company, group in rows.groupby("company_id", sort=False)
    }
    metrics = list(dict.fromkeys(rows.sort_values("is_subject", ascending=False)["metric"]))
    metric_count = len(metrics)
    if metric_count > MAX_MULTIPLES:  # the company's first, then those most companies state
        stated = rows.groupby("metric")["company_id"].nunique()
        subject_metrics = set(rows.loc[rows["is_subject"].fillna(False).astype(bool), "metric"])
        ranked = sorted(metrics, key=lambda m: (m not in subject_metrics, -int(stated[m])))
        chosen = set(ranked[:MAX_MULTIPLES])
        metrics = [m for m in metrics if m in chosen]
        rows = rows[rows["metric"].isin(chosen)]
    notes = [peers_note, shown_of(len(metrics), metric_count, "multiples")]
    figure = new_figure(theme)
    set_title(figure, MULTIPLES_TITLE, theme)
    axes = figure.add_subplot()
    style_axes(axes, theme, grid_axis="y")
    add_note(axes, "; ".join(note for note in notes if note), theme)
    points: dict[Artist, Sequence[EvidenceRef]] = {}
    tops: list[float] = []
    for group, metric in enumerate(metrics):
        in_group = rows[rows["metric"] == metric]
        order = sorted(
            range(len(in_group)),
            key=lambda i: companies.index(in_group.iloc[i]["company_id"]),
        )
        width = _GROUP_WIDTH / max(len(order), 2)
        for slot, index in enumerate(order):
            row = in_group.iloc[index]
            x = group + (slot - (len(order) - 1) / 2) * width
            height = point_value(row, "value") or 0.0
            company = row["company_id"]
            bar = axes.bar([x], [height], width=width * 0.9, color=colours[company], zorder=2)
            patch = bar.patches[0]
            if company in subject_ids:
                patch.set_edgecolor(theme.foreground)
                patch.set_linewidth(1.2)
            low, high = number(row.get("value_low")), number(row.get("value_high"))
            top = height
            if number(row.get("value_value")) is None and low is not None and high is not None:
                axes.vlines(x, low, high, color=theme.foreground, linewidth=1.5, zorder=3)
                top = high
            tops.append(top)
            patch.set_picker(True)
            points[patch] = [evidence_of(row)]
            quantity = row_quantity(row, "value")
            axes.annotate(
                "" if quantity is None else format_quantity(quantity),
                (x, top),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                **text_style(theme, 8),
            )
    axes.set_xticks(range(len(metrics)), [metric_words(str(m)) for m in metrics])
    axes.set_xlim(-0.6, max(len(metrics), 2) - 0.4)
    axes.set_ylim(0, max(tops) * 1.2)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: f"{y:g}x"))
    axes.set_ylabel("Multiple")
    handles = [
        Line2D(
            [],
            [],
            ls="",
            marker="s",
            markersize=9,
            color=colours[company],
            label=shorten(names.get(str(company), str(company)), 24)
            + (" (this company)" if company in subject_ids else ""),
        )
        for company in companies
        if company in set(rows["company_id"])
    ]
    # A few entries fit above the bars; more go below the axes, three to a row.
    placement: dict[str, Any] = (
        {"loc": "upper left"}
        if len(handles) <= _LEGEND_INSIDE
        else {"loc": "upper center", "bbox_to_anchor": (0.5, -0.1), "ncols": 3}
    )
    axes.legend(
        handles=handles,
        frameon=False,
        labelcolor=theme.foreground,
        prop={"family": FONT_FAMILY, "size": 8},
        **placement,
    )
    return Chart(figure=figure, title=MULTIPLES_TITLE, points=points, empty=False)


def _most_stated(
    multiples: pd.DataFrame, companies: list[object], subject_ids: set[object]
) -> list[object]:
    """``companies`` (subject first) cut to the subject and the ``MAX_PEERS`` peers with the
    most multiples statements (ties: the first named), in their original order."""
    peers = [c for c in companies if c not in subject_ids]
    if len(peers) <= MAX_PEERS:
        return companies
    counts = multiples["company_id"].value_counts()
    ranked = sorted(peers, key=lambda c: -int(counts.get(c, 0)))  # stable: ties keep order
    kept = set(ranked[:MAX_PEERS]) | subject_ids
    return [c for c in companies if c in kept]


def _move_text(row: pd.Series, change: float) -> str:
    """A stated move in our words, signed, keeping its hedge ("about −20%").

    >>> _move_text(pd.Series({"value_approx": True, "value_bound": None}), -20.0)
    'about −20%'
    >>> _move_text(pd.Series({"value_approx": False, "value_bound": "min"}), 72.0)
    'more than +72%'
    """
    text = format_change(change)
    if text_or(row.get("value_bound")) == "min":
        return f"more than {text}"
    if text_or(row.get("value_bound")) == "max":
        return f"up to {text}"
    return f"about {text}" if bool(row.get("value_approx")) is True else text


def performance_chart(analysts: AnalystPicture, *, theme: ChartTheme = LIGHT) -> Chart:
    """The share's stated moves, one horizontal bar per period (newest statement first),
    green for a rise and red for a fall around a zero line."""
    moves = analysts.performance
    if not moves.empty:
        moves = moves[moves["value_value"].notna() | moves["value_low"].notna()]
    if moves.empty:
        return empty_chart(PERFORMANCE_TITLE, theme)
    stated = len(moves)
    if stated > MAX_PERIODS:  # the newest statement of each period, newest periods first
        period_key = moves["period"].fillna("").astype(str).str.casefold()
        moves = moves[~period_key.duplicated(keep="first")].iloc[:MAX_PERIODS]
    changes = [point_value(row, "value") or 0.0 for _, row in moves.iterrows()]
    labels = [
        shorten(text_or(period, "period not stated"), 34)
        for period in moves["period"].where(moves["period"].notna(), None)
    ]
    figure = new_figure(theme)
    set_title(figure, PERFORMANCE_TITLE, theme)
    axes = figure.add_subplot()
    style_axes(axes, theme, grid_axis="x")
    add_note(axes, shown_of(len(moves), stated, "stated moves", "newest"), theme)
    container = axes.barh(
        range(len(changes)),
        changes,
        height=0.55,
        color=[theme.up if change >= 0 else theme.down for change in changes],
        zorder=2,
    )
    axes.axvline(0.0, color=theme.foreground, linewidth=0.8, zorder=3)
    points: dict[Artist, Sequence[EvidenceRef]] = {}
    for patch, (_, row), change in zip(container.patches, moves.iterrows(), changes, strict=True):
        patch.set_picker(True)
        points[patch] = [evidence_of(row)]
        # A fall is labelled right of the zero line: left of its bar the label would run
        # into the period names.
        axes.annotate(
            _move_text(row, change),
            (max(change, 0.0), patch.get_y() + patch.get_height() / 2),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            **text_style(theme, 8, fontweight="bold"),
        )
    largest = max(abs(change) for change in changes) or 1.0
    axes.set_xlim(min(0.0, min(changes)) - largest * 0.45, max(0.0, max(changes)) + largest * 0.45)
    axes.set_yticks(range(len(labels)), labels)
    centre_rows(axes, len(labels), 4)
    axes.xaxis.set_major_formatter(FuncFormatter(percent_tick))
    axes.set_xlabel("Share price change (%)")
    return Chart(figure=figure, title=PERFORMANCE_TITLE, points=points, empty=False)

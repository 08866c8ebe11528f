"""What every chart builder returns, and the helpers they share.

A ``Chart`` is a matplotlib ``Figure`` plus, for every pickable artist, the evidence each of
its data points stands for: the GUI turns a double-click on a point into "show me the
sentence", the PDF ignores it. Builders never raise on empty input: they return a chart
with ``empty=True`` showing a short "No data" message.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from briefing.analysis.formatting import format_change
from briefing.atomic import write_bytes_atomically
from briefing.charts.theme import ChartTheme, new_figure, set_title, text_style

ELLIPSIS: Final = "…"
SAVE_FORMATS: Final = {".png": "png", ".svg": "svg"}
SAVE_DPI: Final = 200  # a saved PNG is read on screens and slides: twice the tab's dpi


@dataclass(frozen=True)
class EvidenceRef:
    """What a chart point stands for: the sentence of an article that states it."""

    article_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Chart:
    """A built chart: the figure, its caption and the evidence behind its points."""

    figure: Figure
    title: str  # plain text, for the tab or the PDF caption
    points: Mapping[Artist, Sequence[EvidenceRef]]  # artist -> ref per data index (pick "ind")
    empty: bool  # nothing to draw: the figure shows a short "No data" message

    def evidence_at(self, artist: Artist, index: int = 0) -> EvidenceRef | None:
        """The evidence of data point ``index`` of ``artist`` (None when not a data point)."""
        refs = self.points.get(artist)
        if refs is None or not 0 <= index < len(refs):
            return None
        return refs[index]


def shorten(text: str, width: int = 28) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (the full text stays in the
    evidence), on a word boundary when one is close.

    >>> shorten("Cloud Intelligence Group", 30)
    'Cloud Intelligence Group'
    >>> shorten("Cloud Intelligence Group", 16)
    'Cloud…'
    >>> shorten("Superlongcompanynamewithoutspaces", 10)
    'Superlong…'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:·-") + ELLIPSIS


def empty_chart(title: str, theme: ChartTheme, message: str = "No data") -> Chart:
    """A chart with nothing to draw: the title and a centred message."""
    figure = new_figure(theme)
    set_title(figure, title, theme)
    figure.text(0.5, 0.5, message, ha="center", va="center", **text_style(theme, 12))
    return Chart(figure=figure, title=title, points={}, empty=True)


def centre_rows(axes: Axes, rows: int, slots: int) -> None:
    """Row 0 on top and, with fewer than ``slots`` rows, the rows centred vertically so a
    couple of bars do not become slabs."""
    extra = max(slots - rows, 0) / 2.0
    axes.set_ylim(rows - 0.5 + extra, -0.5 - extra)


def shown_of(shown: int, total: int, what: str, how: str = "") -> str:
    """The note a capped chart carries: how many of how many it draws.

    >>> shown_of(8, 40, "segment figures", "largest")
    'largest 8 of 40 segment figures shown'
    >>> shown_of(3, 3, "peers")
    ''
    """
    if shown >= total:
        return ""
    return f"{how + ' ' if how else ''}{shown} of {total} {what} shown"


def add_note(axes: Axes, note: str, theme: ChartTheme) -> None:
    """A short muted note above ``axes`` on the left (the layout keeps room for it); no-op
    for an empty note, so uncapped charts look as before."""
    if note:
        axes.set_title(note, loc="left", pad=4, **text_style(theme, 7.5, color=theme.muted))


def evidence_of(row: Mapping[str, Any] | pd.Series) -> EvidenceRef:
    """The evidence of a frame row (its article, offsets and quote)."""
    quote = row["quote"]
    return EvidenceRef(
        article_id=str(row["article_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        quote=quote if isinstance(quote, str) else "",
    )


def number(value: object) -> float | None:
    """A finite float, or None for a missing cell.

    >>> number(3), number(float("nan")), number(None), number(pd.NA)
    (3.0, None, None, None)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) else None


def text_or(value: object, default: str = "") -> str:
    """A text cell, or ``default`` when missing.

    >>> text_or("Meitu"), text_or(float("nan"), "?")
    ('Meitu', '?')
    """
    return value if isinstance(value, str) and value.strip() else default


def point_value(row: Mapping[str, Any] | pd.Series, prefix: str) -> float | None:
    """The single number a quantity is drawn at: its value, else the middle of its range,
    else its one known end.

    >>> point_value({"v_value": None, "v_low": 190.0, "v_high": 210.0}, "v")
    200.0
    >>> point_value({"v_value": 5.0, "v_low": None, "v_high": None}, "v")
    5.0
    """
    value = number(row.get(f"{prefix}_value"))
    if value is not None:
        return value
    low, high = number(row.get(f"{prefix}_low")), number(row.get(f"{prefix}_high"))
    if low is not None and high is not None:
        return (low + high) / 2.0
    return low if low is not None else high


def percent_tick(value: float, _position: object = None) -> str:
    """A signed percentage tick label, free of float noise around zero.

    >>> percent_tick(-1.5), percent_tick(4e-16), percent_tick(25.0)
    ('−1.5%', '0%', '+25%')
    """
    return format_change(round(value, 6))


def save_chart(chart: Chart, path: Path) -> None:
    """Write the chart to ``path`` as PNG or SVG (chosen by the suffix), atomically.

    The image is rendered in memory first, so a failure leaves no partial file and no
    temporary file behind. Raises ``ValueError`` for another suffix and ``OSError`` when
    the file cannot be written.
    """
    path = Path(path)
    file_format = SAVE_FORMATS.get(path.suffix.lower())
    if file_format is None:
        known = ", ".join(sorted(SAVE_FORMATS))
        raise ValueError(f"{path.name}: charts are saved as {known}, not {path.suffix!r}")
    buffer = io.BytesIO()
    options: dict[str, Any] = {"format": file_format, "facecolor": chart.figure.get_facecolor()}
    if file_format == "png":
        options["dpi"] = SAVE_DPI
    else:
        options["metadata"] = {"Date": None}  # reproducible files
    chart.figure.savefig(buffer, **options)
    write_bytes_atomically(path, buffer.getvalue())

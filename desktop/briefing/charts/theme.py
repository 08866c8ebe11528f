"""Colours and fonts of the charts, light and dark.

The builders apply a theme explicitly to every artist they make (figure, axes, ticks,
texts, legends) instead of mutating ``matplotlib.rcParams``: a chart built for the dark
window and one built for the PDF can coexist in one process, and tick labels created
lazily at draw time still get the theme through ``Axes.tick_params``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Per-glyph fallback: company names in Chinese render instead of showing tofu (STACK P6).
FONT_FAMILY: Final = ["DejaVu Sans", "WenQuanYi Micro Hei"]
FIGURE_SIZE: Final = (7.0, 4.0)  # inches: what a tab gives a chart, about
FIGURE_DPI: Final = 100


@dataclass(frozen=True)
class ChartTheme:
    """The colours one chart is drawn in."""

    name: str
    background: str
    foreground: str  # text, spines and ticks
    grid: str
    accents: tuple[str, ...]  # categorical colours, the first one the subject's
    up: str  # a rise, a positive growth
    down: str  # a fall
    muted: str  # peers, secondary marks, notes

    def accent(self, index: int) -> str:
        """The ``index``-th categorical colour, cycling.

        >>> LIGHT.accent(0) == LIGHT.accent(len(LIGHT.accents))
        True
        """
        return self.accents[index % len(self.accents)]


LIGHT: Final = ChartTheme(
    name="light",
    background="#ffffff",
    foreground="#1f2328",
    grid="#d8dee4",
    accents=("#1f6feb", "#d4761c", "#8250df", "#1a7f37", "#bf3989", "#0a8a8a", "#9a6700"),
    up="#1a7f37",
    down="#cf222e",
    muted="#6e7781",
)

DARK: Final = ChartTheme(
    name="dark",
    background="#1e1f22",
    foreground="#e6edf3",
    grid="#3d444d",
    accents=("#58a6ff", "#f0883e", "#bc8cff", "#3fb950", "#f778ba", "#39c5cf", "#d29922"),
    up="#3fb950",
    down="#f85149",
    muted="#9198a1",
)


def text_style(theme: ChartTheme, size: float = 9.0, **extra: Any) -> dict[str, Any]:
    """Keyword arguments for ``Axes.text`` / ``annotate`` / ``set_title`` in the theme."""
    style: dict[str, Any] = {"color": theme.foreground, "fontfamily": FONT_FAMILY, "fontsize": size}
    style.update(extra)
    if style.get("fontweight") == "bold":
        # Bold texts are our own words and figures; the CJK fallback has no bold face
        # and would log a findfont warning on every draw.
        style["fontfamily"] = FONT_FAMILY[:1]
    return style


def new_figure(theme: ChartTheme) -> Figure:
    """An empty figure of a tab's size in the theme, laid out so labels are never cut."""
    figure = Figure(figsize=FIGURE_SIZE, dpi=FIGURE_DPI, layout="constrained")
    figure.set_facecolor(theme.background)
    figure.set_edgecolor(theme.background)
    return figure


def style_axes(axes: Axes, theme: ChartTheme, grid_axis: Literal["x", "y"] | None = None) -> None:
    """Theme colours on an axes' face, spines, ticks and labels; a light grid along
    ``grid_axis`` ("x", "y" or None) drawn under the data."""
    axes.set_facecolor(theme.background)
    for name, spine in axes.spines.items():
        spine.set_color(theme.grid if name in ("left", "bottom") else theme.background)
        spine.set_visible(name in ("left", "bottom"))
    axes.tick_params(
        which="both",
        colors=theme.muted,
        labelcolor=theme.foreground,
        labelfontfamily=FONT_FAMILY,
        labelsize=8,
    )
    axes.xaxis.label.set_color(theme.foreground)
    axes.yaxis.label.set_color(theme.foreground)
    axes.xaxis.label.set_fontfamily(FONT_FAMILY)
    axes.yaxis.label.set_fontfamily(FONT_FAMILY)
    axes.xaxis.label.set_fontsize(9)
    axes.yaxis.label.set_fontsize(9)
    axes.set_axisbelow(True)
    if grid_axis is not None:
        axes.grid(True, axis=grid_axis, color=theme.grid, linewidth=0.6)


def style_legend(axes: Axes, theme: ChartTheme, **options: Any) -> None:
    """A legend in the theme (nothing when no artist has a label)."""
    handles, labels = axes.get_legend_handles_labels()
    if not handles:
        return
    legend = axes.legend(
        handles,
        labels,
        facecolor=theme.background,
        edgecolor=theme.grid,
        labelcolor=theme.foreground,
        prop={"family": FONT_FAMILY, "size": 8},
        framealpha=0.9,
        **options,
    )
    legend.set_zorder(5)


def set_title(figure: Figure, title: str, theme: ChartTheme) -> None:
    """The figure's title, in the theme."""
    figure.suptitle(title, **text_style(theme, 11, fontweight="bold"))

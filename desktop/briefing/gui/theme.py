"""Light and dark palettes for the Fusion style, and the "system" choice that follows the
desktop's colour scheme.

The chosen name lives on a small :class:`ThemeController` owned by the application (a child
object, not a global), which re-applies the palette when the desktop switches scheme and tells
listeners through ``theme_changed`` so charts can redraw. The offscreen platform always reports
``ColorScheme.Unknown`` (STACK.md P19), which "system" treats as light; dark mode is tested by
choosing it explicitly.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEME_NAMES = ("system", "light", "dark")
_CONTROLLER_NAME = "briefing-theme-controller"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def light_palette() -> QPalette:
    """Fusion's own light palette."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def dark_palette() -> QPalette:
    """A dark Fusion palette with readable disabled text and a blue highlight."""
    palette = QPalette()
    window, base, alternate = QColor(45, 45, 48), QColor(30, 30, 32), QColor(56, 56, 60)
    text, disabled = QColor(230, 230, 230), QColor(128, 128, 128)
    accent = QColor(64, 140, 220)
    colours = {
        Role.Window: window,
        Role.WindowText: text,
        Role.Base: base,
        Role.AlternateBase: alternate,
        Role.ToolTipBase: QColor(60, 60, 64),
        Role.ToolTipText: text,
        Role.PlaceholderText: QColor(150, 150, 150),
        Role.Text: text,
        Role.Button: window,
        Role.ButtonText: text,
        Role.BrightText: QColor(255, 90, 90),
        Role.Light: QColor(75, 75, 80),
        Role.Midlight: QColor(62, 62, 66),
        Role.Mid: QColor(40, 40, 42),
        Role.Dark: QColor(20, 20, 22),
        Role.Shadow: QColor(0, 0, 0),
        Role.Highlight: accent,
        Role.HighlightedText: QColor(255, 255, 255),
        Role.Link: QColor(110, 170, 240),
        Role.LinkVisited: QColor(170, 140, 230),
    }
    for role, colour in colours.items():
        palette.setColor(role, colour)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, disabled)
    palette.setColor(Group.Disabled, Role.Highlight, QColor(80, 80, 80))
    palette.setColor(Group.Disabled, Role.HighlightedText, disabled)
    return palette


def resolved_theme(name: str, scheme: Qt.ColorScheme) -> str:
    """``"light"`` or ``"dark"`` for a setting name and the desktop's colour scheme; unknown
    names and schemes fall back to light.

    >>> resolved_theme("system", Qt.ColorScheme.Dark)
    'dark'
    >>> resolved_theme("system", Qt.ColorScheme.Unknown)
    'light'
    >>> resolved_theme("dark", Qt.ColorScheme.Light)
    'dark'
    >>> resolved_theme("purple", Qt.ColorScheme.Dark)
    'light'
    """
    if name == "system":
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"
    return "dark" if name == "dark" else "light"


class ThemeController(QObject):
    """Holds the chosen theme for one application and keeps its palette in line with it."""

    theme_changed = Signal(str)  # the resolved name, "light" or "dark"

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_CONTROLLER_NAME)
        self._app = app
        self._name = "system"
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    @property
    def name(self) -> str:
        return self._name

    def apply(self, name: str) -> str:
        """Use theme ``name`` ("system", "light" or "dark"); returns the resolved one."""
        self._name = name if name in THEME_NAMES else "system"
        resolved = resolved_theme(self._name, self._app.styleHints().colorScheme())
        self._app.setPalette(dark_palette() if resolved == "dark" else light_palette())
        self.theme_changed.emit(resolved)
        return resolved

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._name == "system":
            self.apply("system")


def theme_controller(app: QApplication) -> ThemeController:
    """The application's controller, created on first use."""
    found = app.findChild(ThemeController, _CONTROLLER_NAME)
    return found if isinstance(found, ThemeController) else ThemeController(app)


def apply_theme(app: QApplication, name: str) -> str:
    """Switch ``app`` to the Fusion style and theme ``name``; returns "light" or "dark"."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    return theme_controller(app).apply(name)


def current_chart_theme_name(app: QGuiApplication) -> str:
    """ "light" or "dark" for the charts, read from the palette actually in use (so it is
    right whichever way the palette was set)."""
    return "dark" if app.palette().color(Role.Window).lightness() < 128 else "light"

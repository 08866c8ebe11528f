"""The window's settings, declared once as data and stored in an INI file.

Each setting is a :class:`Setting` declaration (key, type, default, a title for a future
preferences dialog); :class:`Settings` reads and writes them through a ``QSettings`` in INI
format at a path the caller chooses (``paths.settings_path()``), never the platform's native
store, so tests and ``BRIEFING_DATA_DIR`` keep the user's profile untouched. INI files give
back strings for booleans and numbers and a bare string for a one-item list, so every read is
converted to the declared type and falls back to the default when the stored text is not one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings

T = TypeVar("T")

_log = logging.getLogger(__name__)

RECENT_FILES_LIMIT = 10
THEMES = ("system", "light", "dark")
PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One stored setting. ``title`` is the untranslated source text: show it with
    ``QCoreApplication.translate("Settings", setting.title)``. A non-empty ``choices`` limits
    the values; anything else read back gives the default."""

    key: str
    type: type[T]
    default: T
    title: str
    choices: tuple[T, ...] = ()


REPORTING_CURRENCY: Setting[str] = Setting(
    "briefing/reporting_currency",
    str,
    "USD",
    str(QT_TRANSLATE_NOOP("Settings", "Reporting currency")),
)
THEME: Setting[str] = Setting(
    "appearance/theme", str, "system", str(QT_TRANSLATE_NOOP("Settings", "Colour theme")), THEMES
)
LAST_COMPANY: Setting[str] = Setting(
    "briefing/last_company", str, "", str(QT_TRANSLATE_NOOP("Settings", "Last selected company"))
)
RECENT_FILES: Setting[list[str]] = Setting(
    "files/recent", list, [], str(QT_TRANSLATE_NOOP("Settings", "Recent files"))
)
WINDOW_GEOMETRY: Setting[bytes] = Setting(
    "window/geometry", bytes, b"", str(QT_TRANSLATE_NOOP("Settings", "Window geometry"))
)
WINDOW_STATE: Setting[bytes] = Setting(
    "window/state", bytes, b"", str(QT_TRANSLATE_NOOP("Settings", "Window toolbars and docks"))
)
PDF_PAPER: Setting[str] = Setting(
    "export/paper", str, "a4", str(QT_TRANSLATE_NOOP("Settings", "PDF paper size")), PAPER_SIZES
)
EXPORT_FOLDER: Setting[str] = Setting(
    "export/folder", str, "", str(QT_TRANSLATE_NOOP("Settings", "Folder of the last export"))
)
SPLITTER_STATE: Setting[bytes] = Setting(
    "window/splitter", bytes, b"", str(QT_TRANSLATE_NOOP("Settings", "Library panel width"))
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    REPORTING_CURRENCY,
    THEME,
    LAST_COMPANY,
    RECENT_FILES,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SPLITTER_STATE,
    PDF_PAPER,
    EXPORT_FOLDER,
)


class Settings:
    """Typed access to one INI settings file. Create with :meth:`open`; pass it to what needs
    it (there is no global instance)."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @classmethod
    def open(cls, path: Path) -> Settings:
        """Settings stored in ``path`` (created, with its folder, on the first write)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def path(self) -> Path:
        return Path(self._store.fileName())

    def qsettings(self) -> QSettings:
        """The underlying store, for widgets that keep their own state (column widths):
        use a group or key prefix of your own."""
        return self._store

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key)
        if raw is None:
            return _copy(setting.default)
        try:
            value = _convert(raw, setting.type)
        except (TypeError, ValueError):
            _log.warning("setting %s: unreadable value %r, using the default", setting.key, raw)
            return _copy(setting.default)
        if setting.choices and value not in setting.choices:
            return _copy(setting.default)
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` and write the file (QSettings writes INI files atomically)."""
        if setting.choices and value not in setting.choices:
            raise ValueError(f"{setting.key}: {value!r} is not one of {setting.choices}")
        stored: object = value
        if setting.type is bytes:
            stored = QByteArray(bytes(cast(bytes, value)))
        elif setting.type is list:
            stored = [str(item) for item in cast(list[object], value)]
        self._store.setValue(setting.key, stored)
        self.sync()

    def reset(self, setting: Setting[Any]) -> None:
        self._store.remove(setting.key)
        self.sync()

    def sync(self) -> None:
        self._store.sync()
        if self._store.status() != QSettings.Status.NoError:
            # Settings are a convenience: failing to save them must not stop the app.
            _log.warning("could not write settings to %s: %s", self.path, self._store.status())

    def add_recent_file(self, path: Path | str) -> list[str]:
        """Put ``path`` first in the recent files (no duplicates, at most
        ``RECENT_FILES_LIMIT``) and return the new list."""
        entry = str(Path(path).resolve())
        recent = [entry, *(item for item in self.get(RECENT_FILES) if item != entry)]
        recent = recent[:RECENT_FILES_LIMIT]
        self.set(RECENT_FILES, recent)
        return recent


def _convert(raw: object, wanted: type[T]) -> T:
    """``raw`` as QSettings gives it back from an INI file, as the declared type."""
    if wanted is bool:
        return cast(T, _to_bool(raw))
    if wanted is int:
        return cast(T, int(str(raw)))
    if wanted is float:
        return cast(T, float(str(raw)))
    if wanted is bytes:
        if isinstance(raw, QByteArray):
            return cast(T, raw.data())
        if isinstance(raw, bytes | bytearray):
            return cast(T, bytes(raw))
        raise TypeError(f"expected bytes, got {type(raw).__name__}")
    if wanted is list:
        items: Sequence[object] = [raw] if isinstance(raw, str) else cast(Sequence[object], raw)
        if not isinstance(items, list | tuple):
            raise TypeError(f"expected a list, got {type(raw).__name__}")
        return cast(T, [str(item) for item in items])
    if wanted is str:
        if not isinstance(raw, str):
            raise TypeError(f"expected text, got {type(raw).__name__}")
        return cast(T, raw)
    raise TypeError(f"unsupported setting type {wanted.__name__}")


def _to_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in {"true", "1", "yes", "on"}:
        return True
    if text in {"false", "0", "no", "off"}:
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def _copy(value: T) -> T:
    # A mutable default (the empty recent-files list) must not be shared between callers.
    return cast(T, list(value)) if isinstance(value, list) else value

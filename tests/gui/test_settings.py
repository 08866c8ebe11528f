"""Settings read back with their declared types from a fresh INI file under tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from briefing.gui.settings import (
    ALL_SETTINGS,
    LAST_COMPANY,
    RECENT_FILES,
    RECENT_FILES_LIMIT,
    REPORTING_CURRENCY,
    THEME,
    WINDOW_GEOMETRY,
    Setting,
    Settings,
)

FLAG: Setting[bool] = Setting("test/flag", bool, False, "A flag")
COUNT: Setting[int] = Setting("test/count", int, 7, "A count")


def reopened(path: Path) -> Settings:
    """The settings as a new run reads them: QSettings caches a file's typed values per
    process, so read a copy it has never seen, which comes back as INI text."""
    copy = path.with_name(f"copy{len(list(path.parent.iterdir()))}.ini")
    shutil.copyfile(path, copy)
    return Settings.open(copy)


@pytest.mark.parametrize(
    ("case", "setting", "value"),
    [
        ("bool true, stored as the text 'true'", FLAG, True),
        ("bool false", FLAG, False),
        ("int, stored as text", COUNT, 42),
        ("str", REPORTING_CURRENCY, "EUR"),
        ("one-item list comes back from INI as a bare string", RECENT_FILES, ["/a/b.txt"]),
        ("list with a comma inside an item", RECENT_FILES, ["/a,b.txt", "/c.txt"]),
        ("bytes with NUL and high bytes (window geometry)", WINDOW_GEOMETRY, b"\x00\xff\x01abc"),
        ("choice", THEME, "dark"),
    ],
)
def test_round_trip(case: str, setting: Setting[object], value: object, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    Settings.open(path).set(setting, value)
    assert path.is_file(), case
    assert reopened(path).get(setting) == value, case
    assert type(reopened(path).get(setting)) is setting.type, case


def test_raw_ini_text_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[test]\nflag=true\ncount=12\n", encoding="utf-8")
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.get(FLAG) is True
    assert settings.get(COUNT) == 12


@pytest.mark.parametrize(
    ("case", "text", "setting", "expected"),
    [
        ("not a number", "[test]\ncount=lots\n", COUNT, 7),
        ("not a boolean", "[test]\nflag=maybe\n", FLAG, False),
        ("theme outside the choices", "[appearance]\ntheme=purple\n", THEME, "system"),
    ],
)
def test_unreadable_values_give_the_default(
    case: str, text: str, setting: Setting[object], expected: object, tmp_path: Path
) -> None:
    path = tmp_path / f"{case.replace(' ', '_')}.ini"
    path.write_text(text, encoding="utf-8")
    assert Settings.open(path).get(setting) == expected, case


def test_defaults_when_nothing_is_stored(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path / "sub" / "settings.ini")
    assert settings.get(REPORTING_CURRENCY) == "USD"
    assert settings.get(THEME) == "system"
    assert settings.get(LAST_COMPANY) == ""
    assert settings.get(RECENT_FILES) == []
    assert settings.get(WINDOW_GEOMETRY) == b""
    # The default list is never shared: changing one result does not change the next.
    settings.get(RECENT_FILES).append("x")
    assert settings.get(RECENT_FILES) == []
    assert len({setting.key for setting in ALL_SETTINGS}) == len(ALL_SETTINGS)


def test_setting_a_value_outside_the_choices_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="purple"):
        Settings.open(tmp_path / "settings.ini").set(THEME, "purple")


def test_recent_files_newest_first_unique_and_capped(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path / "settings.ini")
    for number in range(RECENT_FILES_LIMIT + 3):
        settings.add_recent_file(tmp_path / f"article{number}.txt")
    settings.add_recent_file(tmp_path / "article5.txt")
    recent = reopened(tmp_path / "settings.ini").get(RECENT_FILES)
    assert len(recent) == RECENT_FILES_LIMIT
    assert recent[0] == str(tmp_path / "article5.txt")
    assert recent[1] == str(tmp_path / f"article{RECENT_FILES_LIMIT + 2}.txt")
    assert len(set(recent)) == len(recent)


def test_widgets_can_keep_their_own_state(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path / "settings.ini")
    settings.qsettings().setValue("tables/deals/widths", [120, 80])
    settings.sync()
    assert "tables" in (tmp_path / "settings.ini").read_text(encoding="utf-8")

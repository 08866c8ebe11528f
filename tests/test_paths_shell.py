"""The settings file, the log file and the first-run sample articles."""

from __future__ import annotations

from pathlib import Path

from briefing.paths import first_run_files, log_path, resources_dir, settings_path


def test_settings_and_log_live_in_the_data_folder(tmp_path: Path) -> None:
    environ = {"BRIEFING_DATA_DIR": str(tmp_path)}
    assert settings_path(environ) == tmp_path / "settings.ini"
    assert log_path(environ) == tmp_path / "briefing.log"


def test_first_run_loads_the_bundled_samples(tmp_path: Path) -> None:
    files = first_run_files(tmp_path / "library.sqlite3", resources_dir({}))
    names = [path.name for path in files]
    assert "alibaba_meitu_convertible_2026_01.txt" in names
    assert "alibaba_minimax_anchor_2026_01.txt" in names
    assert names == sorted(names)


def test_an_existing_library_gets_no_samples(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library.write_bytes(b"")
    assert first_run_files(library, resources_dir({})) == []


def test_missing_samples_folder_gives_nothing(tmp_path: Path) -> None:
    assert first_run_files(tmp_path / "library.sqlite3", tmp_path / "no-resources") == []

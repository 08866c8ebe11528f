"""The settings file, the log file and the bundled sample articles."""

from __future__ import annotations

from pathlib import Path

from briefing.paths import log_path, resources_dir, sample_files, settings_path


def test_settings_and_log_live_in_the_data_folder(tmp_path: Path) -> None:
    environ = {"BRIEFING_DATA_DIR": str(tmp_path)}
    assert settings_path(environ) == tmp_path / "settings.ini"
    assert log_path(environ) == tmp_path / "briefing.log"


def test_the_bundled_samples_are_listed_in_order() -> None:
    # Source: resources/samples, what the welcome page offers.
    names = [path.name for path in sample_files(resources_dir({}))]
    assert "alibaba_meitu_convertible_2026_01.txt" in names
    assert "alibaba_minimax_anchor_2026_01.txt" in names
    assert names == sorted(names)


def test_hidden_files_are_not_samples(tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / ".DS_Store").write_bytes(b"x")
    (tmp_path / "samples" / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "samples" / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "samples" / "folder").mkdir()
    assert [path.name for path in sample_files(tmp_path)] == ["a.md", "b.txt"]


def test_missing_samples_folder_gives_nothing(tmp_path: Path) -> None:
    assert sample_files(tmp_path / "no-resources") == []

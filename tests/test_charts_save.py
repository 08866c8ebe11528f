"""``save_chart`` writes a valid PNG or SVG atomically: no partial file, no temporary file
left behind when the write fails, the old file kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.charts import Chart, ratings_chart, save_chart
from test_charts_samples import sample_briefing


@pytest.fixture(scope="module")
def chart() -> Chart:
    return ratings_chart(sample_briefing("Alibaba").analysts)


# (file name, how a valid file of that format starts)
FORMATS = [
    ("ratings.png", b"\x89PNG\r\n\x1a\n"),
    ("ratings.PNG", b"\x89PNG\r\n\x1a\n"),
    ("ratings.svg", b"<?xml"),
]


@pytest.mark.parametrize(("name", "magic"), FORMATS)
def test_the_suffix_chooses_the_format(
    chart: Chart, tmp_path: Path, name: str, magic: bytes
) -> None:
    target = tmp_path / name
    save_chart(chart, target)
    content = target.read_bytes()
    assert content.startswith(magic)
    if name.endswith(".svg"):
        assert b"<svg" in content
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_another_suffix_is_refused_and_nothing_is_written(chart: Chart, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png, \.svg"):
        save_chart(chart, tmp_path / "ratings.jpg")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(
    chart: Chart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ratings.png"
    target.write_bytes(b"old")

    def refuse(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        save_chart(chart, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ratings.png"]


def test_a_missing_folder_is_an_os_error(chart: Chart, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        save_chart(chart, tmp_path / "missing" / "ratings.svg")

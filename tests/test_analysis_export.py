"""Exporting the frames as CSV, JSON and XLSX, atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from briefing.analysis import export as export_module
from briefing.analysis.export import ExportError, export_frames
from briefing.analysis.frames import Frames, build_frames
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
TABLES = ["articles", "deals", "metrics", "analyst_views"]


@pytest.fixture(scope="module")
def frames() -> Frames:
    documents = [read_document(p) for p in sorted(FIXTURES.glob("frames_*.txt"))]
    return build_frames([ArticleResult(d, extract_document(d)) for d in documents])


def _row_counts(frames: Frames) -> list[int]:
    return [len(frame) for frame in frames.by_kind().values()]


def test_csv_writes_one_file_per_table_beside_the_path(frames: Frames, tmp_path: Path) -> None:
    written = export_frames(frames, tmp_path / "briefing.csv", "csv")
    assert [p.name for p in written] == [f"briefing-{t}.csv" for t in TABLES]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    deals = pd.read_csv(tmp_path / "briefing-deals.csv")
    assert len(deals) == len(frames.deals)
    assert {"article_id", "published", "source", "quote"} <= set(deals.columns)
    assert deals["published"].iloc[0] == "2026-02-10T00:00:00"


def test_json_is_one_object_with_iso_dates(frames: Frames, tmp_path: Path) -> None:
    [written] = export_frames(frames, tmp_path / "briefing.json", "json")
    document = json.loads(written.read_text(encoding="utf-8"))
    assert list(document) == TABLES
    assert [len(document[t]) for t in TABLES] == _row_counts(frames)
    deal = document["deals"][0]
    assert deal["published"] == "2026-02-10T00:00:00"
    assert deal["date"] is None and deal["quote"] and deal["source"] == "Harbourline Markets"


def test_xlsx_has_one_sheet_per_table(frames: Frames, tmp_path: Path) -> None:
    [written] = export_frames(frames, tmp_path / "briefing.xlsx", "xlsx")
    sheets = pd.read_excel(written, sheet_name=None)
    assert list(sheets) == ["articles", "deals", "metrics", "analyst views"]
    assert [len(sheet) for sheet in sheets.values()] == _row_counts(frames)
    assert sheets["metrics"]["quote"].notna().all()


def test_empty_frames_export_headers_only(tmp_path: Path) -> None:
    [written] = export_frames(build_frames([]), tmp_path / "empty.xlsx", "xlsx")
    assert "quote" in pd.read_excel(written, sheet_name="deals").columns


def test_an_unknown_format_is_refused_without_writing(frames: Frames, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="'pdf'"):
        export_frames(frames, tmp_path / "briefing.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_write_leaves_no_file(
    frames: Frames, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_writer = export_module.atomic_writer
    calls = []

    def failing_third_file(path: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_writer(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(export_module, "atomic_writer", failing_third_file)
    with pytest.raises(OSError, match="disk full"):
        export_frames(frames, tmp_path / "briefing.csv", "csv")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_fails_and_leaves_nothing(frames: Frames, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_frames(frames, tmp_path / "missing" / "briefing.json", "json")
    assert list(tmp_path.iterdir()) == []

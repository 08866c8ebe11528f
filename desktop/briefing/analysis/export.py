"""Export the frames as tables: CSV files, one JSON document or one XLSX workbook.

Every row keeps its article id, published date, source and evidence quote (the frames'
common columns). Files are written atomically through ``briefing.atomic.atomic_writer``:
everything is rendered in memory first, so a failure leaves no file behind.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final, Literal

import pandas as pd

from briefing.analysis.frames import Frames
from briefing.atomic import atomic_writer, write_bytes_atomically

ExportFormat = Literal["csv", "json", "xlsx"]
EXPORT_FORMATS: Final[tuple[str, ...]] = ("csv", "json", "xlsx")

# Frame attribute -> the table's name in exports (the CSV file suffix and the JSON key;
# XLSX sheets use it with a space: "analyst views").
EXPORT_NAMES: Final[dict[str, str]] = {
    "articles": "articles",
    "deals": "deals",
    "metrics": "metrics",
    "views": "analyst_views",
}


class ExportError(ValueError):
    """The export cannot be made as asked (e.g. an unknown format)."""


def _tables(frames: Frames) -> Iterator[tuple[str, pd.DataFrame]]:
    for kind, frame in frames.by_kind().items():
        yield EXPORT_NAMES[kind], frame


def csv_paths(path: Path) -> dict[str, Path]:
    """Where the CSV export of ``path`` goes: ``<stem>-<table>.csv`` beside it.

    >>> {k: v.name for k, v in csv_paths(Path("out/briefing.csv")).items()}["analyst_views"]
    'briefing-analyst_views.csv'
    """
    return {name: path.with_name(f"{path.stem}-{name}.csv") for name in EXPORT_NAMES.values()}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    # pandas writes NaN/NaT as null and dates as ISO 8601 to the second.
    text = frame.to_json(orient="records", date_format="iso", date_unit="s", force_ascii=False)
    records: list[dict[str, Any]] = json.loads(text)
    return records


def render_json(frames: Frames) -> str:
    """One JSON object: {"articles": [...], "deals": [...], "metrics": [...],
    "analyst_views": [...]}, one object per row, dates in ISO 8601, missing as null."""
    tables = {name: _records(frame) for name, frame in _tables(frames)}
    return json.dumps(tables, ensure_ascii=False, indent=1) + "\n"


def render_xlsx(frames: Frames) -> bytes:
    """A workbook with one sheet per table (articles, deals, metrics, analyst views)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in _tables(frames):
            frame.to_excel(writer, sheet_name=name.replace("_", " "), index=False)
    return buffer.getvalue()


def export_frames(frames: Frames, path: Path, fmt: str) -> list[Path]:
    """Write ``frames`` to ``path`` as ``fmt`` and return the files written.

    - ``xlsx``: one workbook at ``path``, one sheet per table;
    - ``json``: one document at ``path`` (see ``render_json``);
    - ``csv``: one file per table named ``<stem>-<table>.csv`` beside ``path``
      (``out/b.csv`` -> ``out/b-articles.csv``, ``out/b-deals.csv``, ``out/b-metrics.csv``,
      ``out/b-analyst_views.csv``); ``path`` itself is not written.

    Raises ``ExportError`` for an unknown format and ``OSError`` when a file cannot be
    written; then no file of this export is left behind.
    """
    path = Path(path)
    if fmt == "xlsx":
        content = render_xlsx(frames)
        write_bytes_atomically(path, content)
        return [path]
    if fmt == "json":
        document = render_json(frames)
        with atomic_writer(path) as handle:
            handle.write(document)
        return [path]
    if fmt == "csv":
        targets = csv_paths(path)
        contents = {
            targets[name]: frame.to_csv(index=False, date_format="%Y-%m-%dT%H:%M:%S")
            for name, frame in _tables(frames)
        }
        return _write_all(contents)
    raise ExportError(f"unknown export format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")


def _write_all(contents: dict[Path, str]) -> list[Path]:
    """Write each file atomically; if one fails, remove those this call already wrote."""
    written: list[Path] = []
    try:
        for target, text in contents.items():
            with atomic_writer(target) as handle:
                handle.write(text)
            written.append(target)
    except BaseException:
        for done in written:
            with contextlib.suppress(OSError):
                done.unlink()
        raise
    return written

"""Which files are articles: supported extensions and expanding folders into files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from briefing.domain.model import ArticleFormat
from briefing.ingest.errors import IngestError

FORMAT_BY_EXTENSION: Final[dict[str, ArticleFormat]] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".eml": "email",
}
SUPPORTED_LIST: Final = ", ".join(FORMAT_BY_EXTENSION)


def format_for_path(path: Path) -> ArticleFormat:
    """The article format a file's extension stands for (case does not matter).

    >>> format_for_path(Path("notes/Alibaba.HTM"))
    'html'
    >>> try:
    ...     format_for_path(Path("report.docx"))
    ... except IngestError as error:
    ...     print(error)  # doctest: +NORMALIZE_WHITESPACE
    report.docx: unsupported file type '.docx'
    (supported: .txt, .md, .markdown, .html, .htm, .pdf, .eml)
    """
    extension = path.suffix.lower()
    found = FORMAT_BY_EXTENSION.get(extension)
    if found is None:
        kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
        raise IngestError(path, f"unsupported file type {kind} (supported: {SUPPORTED_LIST})")
    return found


def is_article_file(name: str) -> bool:
    """Supported extension, and not a hidden file or an editor's lock/backup file."""
    if name.startswith((".", "~$")) or name.endswith("~"):
        return False
    return os.path.splitext(name)[1].lower() in FORMAT_BY_EXTENSION


def _sort_key(path: Path) -> tuple[str, str]:
    return (path.as_posix().casefold(), path.as_posix())


def _files_in_folder(folder: Path, *, recursive: bool) -> list[Path]:
    found: list[Path] = []
    if recursive:
        # os.walk does not follow symlinked folders, so a link loop cannot hang the scan.
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(root, name) for name in files if is_article_file(name))
    else:
        with os.scandir(folder) as entries:
            found.extend(
                Path(entry.path)
                for entry in entries
                if is_article_file(entry.name) and entry.is_file()
            )
    return sorted(found, key=_sort_key)


def collect_article_paths(
    paths: Sequence[Path], *, recursive: bool
) -> tuple[list[Path], list[IngestError]]:
    """Expand the given files and folders into article files, plus errors for what cannot be.

    Folders give their supported files, sorted (top level only unless ``recursive``);
    a missing path, an unreadable folder, a folder without articles or a file of an
    unsupported type each give an ``IngestError``. A file reached twice is listed once.
    """
    articles: list[Path] = []
    errors: list[IngestError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            articles.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                files = _files_in_folder(path, recursive=recursive)
            except OSError as exc:
                errors.append(IngestError(path, f"cannot read folder: {exc.strerror or exc}"))
                continue
            if not files:
                where = "folder or its subfolders" if recursive else "folder"
                errors.append(
                    IngestError(path, f"no articles in {where} (supported: {SUPPORTED_LIST})")
                )
            for file in files:
                add(file)
        elif path.exists():
            try:
                format_for_path(path)
            except IngestError as exc:
                errors.append(exc)
                continue
            add(path)
        else:
            errors.append(IngestError(path, "not found"))
    return articles, errors

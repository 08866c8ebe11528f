"""``export_briefing``: a company's briefing as a PDF file, written atomically.

Needs a QGuiApplication (the caller's) and runs in any thread: the window calls it from a
QRunnable, the command line from its main thread. Steps: build the charts, lay out and
paint the pages into a temporary file beside the target, add the outline and metadata
into a second temporary file, rename it over the target. Any failure or a cancel (checked
between charts and between pages) removes both temporary files and raises ``ExportError``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from briefing import __version__
from briefing.analysis.briefing import Briefing
from briefing.pdf.chart_svgs import ChartSvg, chart_builders, chart_svg
from briefing.pdf.document import DocumentInfo, briefing_html
from briefing.pdf.finish import finish_pdf
from briefing.pdf.html_parts import SECTIONS
from briefing.pdf.writer import PageText, write_pdf

Progress = Callable[[int, int, str], None]
APP_NAME = "Investor Briefing"


@dataclass(frozen=True)
class ExportOptions:
    """How to export: paper size, and the generation time when it must be pinned (tests,
    golden files); None means now."""

    paper: Literal["a4", "letter"] = "a4"
    generated: datetime | None = None


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int


class ExportError(Exception):
    """The PDF could not be written; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ExportCancelled(ExportError):
    """The user cancelled; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "export cancelled")


@contextlib.contextmanager
def _temporary(folder: Path, name: str) -> Iterator[Path]:
    """A temporary file in ``folder`` (same file system as the target: the rename is
    atomic), removed when the block ends unless it was renamed away."""
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ExportError(
            folder, f"cannot write in this folder: {error.strerror or error}"
        ) from error
    os.close(descriptor)
    try:
        yield Path(temporary)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _subject(briefing: Briefing) -> str:
    count = len(briefing.sources)
    return (
        f"Deals, segment metrics and analyst views on {briefing.company_id} "
        f"from {count} source{'s' if count != 1 else ''}"
    )


def export_briefing(
    briefing: Briefing,
    target: Path,
    options: ExportOptions = ExportOptions(),
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write ``briefing`` to ``target`` as a PDF and return its path and page count.

    ``progress(step, steps, what)`` is called before each step; ``steps`` grows once the
    page count is known. ``is_cancelled()`` is checked between steps. Raises
    ``ExportCancelled`` on cancel and ``ExportError`` (an existing target without
    ``overwrite``, an unwritable folder, a full disk...), leaving no file behind.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise ExportError(target, "the file exists; choose to replace it (--force)")
    if target.is_dir():
        raise ExportError(target, "is a folder")
    if target.exists() and not target.is_file():
        # A device or a pipe (/dev/null): a rename would replace it, as root even /dev/null.
        raise ExportError(target, "is not a regular file")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(folder, "no such folder")
    builders = chart_builders(briefing)
    steps = len(builders) + 3

    def step(number: int, what: str) -> None:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled(target)
        if progress is not None:
            progress(number, steps, what)

    generated = options.generated or datetime.now(UTC)
    charts: dict[str, ChartSvg] = {}
    with _temporary(folder, target.name) as painted, _temporary(folder, target.name) as done:
        for number, (key, build) in enumerate(builders, start=1):
            step(number, f"chart {number} of {len(builders)}")
            drawn = chart_svg(key, build())
            if drawn is not None:
                charts[key] = drawn
        step(len(builders) + 1, "laying out the pages")
        creator = f"{APP_NAME} {__version__}"
        html = briefing_html(briefing, DocumentInfo(generated, creator), charts)

        def on_page(page: int, pages: int) -> None:
            nonlocal steps
            steps = len(builders) + 2 + pages
            step(len(builders) + 1 + page, f"page {page} of {pages}")

        try:
            pages = write_pdf(
                painted,
                html,
                charts,
                paper=options.paper,
                title=f"{briefing.company_id}: briefing",
                creator=creator,
                page_text=PageText(briefing.company_id, creator),
                on_page=on_page,
            )
            step(steps, "adding the outline")
            with done.open("wb") as handle:
                finish_pdf(painted, handle, SECTIONS, _subject(briefing), options.generated)
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists() and not overwrite:
                raise ExportError(target, "the file exists; choose to replace it (--force)")
            # mkstemp made it private (0600): an ordinary file, or the mode of the one replaced.
            os.chmod(done, target.stat().st_mode & 0o777 if target.exists() else 0o644)
            os.replace(done, target)
        except OSError as error:
            raise ExportError(target, error.strerror or str(error)) from error
    return ExportResult(target, pages)

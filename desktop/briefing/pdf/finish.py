"""The finishing step (pypdf): an outline entry per section from the named destinations Qt
wrote, the subject, and, when the generation time is pinned, fixed dates so the same
briefing gives the same file."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Fit


def pdf_date(moment: datetime) -> str:
    """A PDF date string in UTC.

    >>> pdf_date(datetime(2026, 1, 5, 9, 30, tzinfo=UTC))
    "D:20260105093000+00'00'"
    """
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return utc.strftime("D:%Y%m%d%H%M%S+00'00'")


def finish_pdf(
    source: Path,
    target: BinaryIO,
    sections: Sequence[tuple[str, str]],
    subject: str,
    pinned: datetime | None,
) -> list[str]:
    """Copy ``source`` to ``target`` with the outline of ``sections`` ((anchor, title), in
    reading order; anchors the PDF lacks are skipped) and the metadata. Returns the outline
    titles written."""
    reader = PdfReader(source)
    destinations = reader.named_destinations
    writer = PdfWriter(clone_from=reader)
    written = []
    for anchor, title in sections:
        destination = destinations.get(anchor)
        if destination is None:
            continue
        page = reader.get_destination_page_number(destination)
        top = destination.top if destination.top is not None else None
        fit = Fit.xyz(top=top) if top is not None else Fit.fit()
        writer.add_outline_item(title=title, page_number=page, fit=fit)
        written.append(title)
    writer.page_mode = "/UseOutlines"
    metadata: dict[str, object] = {"/Subject": subject}
    if pinned is not None:
        metadata["/CreationDate"] = metadata["/ModDate"] = pdf_date(pinned)
    writer.add_metadata(metadata)
    writer.write(target)
    return written

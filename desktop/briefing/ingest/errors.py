"""The one error type of the ingest layer: a file that could not be read as an article."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file could not be read as an article.

    The message names the file and the reason, so it can be shown to the user as is:

    >>> str(IngestError("report.docx", "unsupported file type '.docx'"))
    "report.docx: unsupported file type '.docx'"
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:
        # Errors cross process and thread boundaries (batch readers): keep them picklable.
        return (type(self), (self.path, self.reason))

"""PDF briefings: a company's briefing as a few pages with tables, vector charts, citations
linked to their sources and an outline (QPdfWriter + QTextDocument; no widgets)."""

from briefing.pdf.export import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    ExportResult,
    export_briefing,
)

__all__ = ["ExportCancelled", "ExportError", "ExportOptions", "ExportResult", "export_briefing"]

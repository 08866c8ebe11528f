"""The checking end of the PDF briefing: conflicts between sources (both values, both
sources, both quotes) and the numbered sources with the sentences the briefing uses.

A source entry is a named destination (``src-n``) every citation mark links to. A big
briefing lists the sources its pages cite, not every article of the library.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import PurePath
from typing import Final

from briefing.analysis.briefing import Briefing, Source
from briefing.analysis.display import conflict_table
from briefing.analysis.display_text import cell, quotes_by_source
from briefing.analysis.formatting import format_date
from briefing.pdf.html_parts import (
    Citations,
    capped_note,
    heading,
    note,
    source_anchor,
    table,
    text,
)

CONFLICT_ROWS: Final = 25
# Up to this many sources every one is listed; above, only those the pages cite.
LIST_ALL_SOURCES: Final = 60
QUOTES_PER_SOURCE: Final = 24


def conflicts_section(briefing: Briefing, citations: Citations) -> str:
    """Each conflicting fact: the verdict and difference, then both values side by side
    with their sources and quotes."""
    parts = [heading("sec-conflicts")]
    conflicts = briefing.conflicts
    if conflicts.empty:
        return parts[0] + note("No two sources disagree.")
    shown = conflicts.tail(CONFLICT_ROWS) if len(conflicts) > CONFLICT_ROWS else conflicts
    display = conflict_table(shown)
    for (_, row), (_, raw) in zip(display.iterrows(), shown.iterrows(), strict=True):
        parts.append(f"<h3>{text(row['fact'])}</h3>")
        parts.append(
            f"<p>{text(row['verdict']).capitalize()}; difference {text(row['difference'])}.</p>"
        )
        rows = []
        for side in ("a", "b"):
            where = [
                text(cell(raw, f"source_{side}"), "unknown source"),
                text(format_date(cell(raw, f"published_{side}")), "undated"),
            ]
            rows.append(
                [
                    text(row[f"value_{side}"]),
                    f"{citations.mark(cell(raw, f'source_number_{side}'))} {', '.join(where)}",
                    f"“{text(cell(raw, f'quote_{side}'))}”",
                ]
            )
        parts.append(table(["Value", "Source", "Quote"], rows))
    parts.append(capped_note(len(shown), len(conflicts), "conflicts"))
    return "".join(parts)


def _source_entry(source: Source, quotes: list[str]) -> str:
    fields = [
        f"<b>{text(source.title, 'untitled')}</b>",
        text(source.source, "unknown source"),
        text(format_date(source.published), "undated"),
    ]
    if source.path:  # the file's name: where the library keeps it is no reader's business
        fields.append(f"<i>{text(PurePath(source.path).name)}</i>")
    line = " — ".join(fields)
    if source.copies:
        copies = ", ".join(source.copy_sources) or f"{len(source.copies)} copies"
        line += f" (also republished by {text(copies)})"
    entry = [f'<p><a name="{source_anchor(source.number)}"><b>[{source.number}]</b></a> {line}</p>']
    entry += [
        f'<p class="quote" style="margin-left: 14pt">“{text(quote)}”</p>'
        for quote in quotes[:QUOTES_PER_SOURCE]
    ]
    if len(quotes) > QUOTES_PER_SOURCE:
        entry.append(
            f'<p class="quote">and {len(quotes) - QUOTES_PER_SOURCE} more sentences '
            "(in the app)</p>"
        )
    return "".join(entry)


def sources_section(briefing: Briefing, cited: Collection[int]) -> str:
    """The numbered sources with their quotes; only the ``cited`` ones when there are too
    many to list."""
    parts = [heading("sec-sources")]
    quotes = quotes_by_source(briefing)
    listed = [
        source
        for source in briefing.sources
        if len(briefing.sources) <= LIST_ALL_SOURCES or source.number in cited
    ]
    parts += [_source_entry(source, quotes.get(source.number, [])) for source in listed]
    left = len(briefing.sources) - len(listed)
    if left:
        parts.append(
            note(f"{left} more sources are not cited on these pages; the app lists them all.")
        )
    return "".join(parts)

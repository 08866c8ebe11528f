"""A company's briefing as the HTML of the PDF (Qt-free): cover, summary, deals, segment
metrics, analyst views, conflicts and sources, each section under a named anchor.

The tables read the same display helpers as the window and the Markdown report
(``analysis.display`` / ``display_text``), so a figure reads the same everywhere. Big
briefings stay a few pages: each table keeps its newest rows and says how many more the
app shows. Charts are slots (``html_parts.chart_slot``) the writer fills with vector
drawings.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import pandas as pd

from briefing.analysis.briefing import Briefing
from briefing.analysis.display import deal_table, metric_table, view_table
from briefing.analysis.display_text import cell, date_span_text
from briefing.analysis.formatting import format_date
from briefing.pdf.document_sources import conflicts_section, sources_section
from briefing.pdf.html_parts import (
    Citations,
    capped_note,
    chart_slot,
    heading,
    note,
    table,
    text,
    with_marks,
)

# The charts of each section, in the order they are drawn (keys of the writer's charts).
DEAL_CHARTS: Final = ("deals",)
SEGMENT_CHARTS: Final = ("segment_values", "segment_growth")
ANALYST_CHARTS: Final = ("price_targets", "ratings", "multiples", "performance")
# How many rows a table keeps (its newest) before it says "and K more in the app".
DEAL_ROWS: Final = 40
METRIC_ROWS: Final = 50
VIEW_ROWS: Final = 20


@dataclass(frozen=True)
class DocumentInfo:
    """What the cover states besides the briefing: when and by what it was made."""

    generated: datetime
    creator: str  # "Investor Briefing 0.1.0"


def newest_rows(frame: pd.DataFrame, limit: int, columns: Sequence[str]) -> pd.DataFrame:
    """The ``limit`` newest rows of ``frame`` by the first of ``columns`` it has (missing
    dates count as oldest), kept in the frame's own order.

    >>> frame = pd.DataFrame({"published": pd.to_datetime(["2026-01-03", None, "2026-01-05"])})
    >>> newest_rows(frame, 2, ["date", "published"]).index.tolist()
    [0, 2]
    """
    if len(frame) <= limit:
        return frame
    column = next((name for name in columns if name in frame.columns), None)
    if column is None:
        return frame.head(limit)
    order = pd.to_datetime(frame[column], errors="coerce").reset_index(drop=True)
    newest = order.sort_values(ascending=False, na_position="last", kind="stable").index[:limit]
    return frame.iloc[sorted(newest)]


def _cover(briefing: Briefing, info: DocumentInfo) -> str:
    facts = [f"{len(briefing.sources)} source{'s' if len(briefing.sources) != 1 else ''}"]
    span = date_span_text(source.published for source in briefing.sources)
    if span:
        facts.append(f"published {span}")
    parts = [f'<h1><a name="sec-cover">{text(briefing.company_id)}: briefing</a></h1>']
    other = [name for name in briefing.names if name != briefing.company_id][:6]
    if other:
        parts.append(f'<p class="meta">Also written: {", ".join(text(n) for n in other)}</p>')
    if briefing.isins:
        parts.append(f'<p class="meta">ISIN {", ".join(text(i) for i in briefing.isins)}</p>')
    parts.append(f'<p class="meta">{" · ".join(facts)}</p>')
    parts.append(
        f'<p class="meta">Converted amounts in {text(briefing.reporting_currency)} '
        "(approximate, at reference rates)</p>"
    )
    generated = format_date(pd.Timestamp(info.generated)) or ""
    parts.append(f'<p class="note">Generated {generated} by {text(info.creator)}.</p>')
    return "".join(parts)


def _summary(briefing: Briefing, citations: Citations) -> str:
    parts = [heading("sec-summary")]
    if not briefing.summary:
        return parts[0] + note("Nothing to summarise.")
    items = []
    for sentence in briefing.summary:
        numbers = [citation.number for citation in sentence.citations]
        citations.marks(numbers)
        items.append(f"<li>{with_marks(sentence.text, numbers)}</li>")
    return parts[0] + "<ul>" + "".join(items) + "</ul>"


def _charts(keys: Sequence[str], available: Collection[str]) -> str:
    return "".join(chart_slot(key) for key in keys if key in available)


def _deals(briefing: Briefing, citations: Citations, charts: Collection[str]) -> str:
    parts = [heading("sec-deals")]
    if briefing.deals.empty:
        return parts[0] + note("No deals stated.")
    shown = newest_rows(briefing.deals, DEAL_ROWS, ["timeline_date", "date", "published"])
    display = deal_table(shown, briefing.conflicts)
    rows = []
    for (_, row), (_, shown_row) in zip(display.iterrows(), shown.iterrows(), strict=True):
        date = str(row["date"])
        if date == "undated":
            date = f"undated (article {format_date(cell(shown_row, 'published')) or 'undated'})"
        other = row["counterparty"] if row["role"] == "buyer" else row["buyer"]
        role = "" if row["role"] in ("buyer", "") else f" ({text(row['role'])})"
        also = cell(shown_row, "also_in")
        source = citations.mark(cell(shown_row, "source_number"))
        if also:
            source += ", also " + ", ".join(citations.mark(int(n)) for n in str(also).split(", "))
        rows.append(
            [
                text(date),
                text(row["type"]) + role,
                text(other),
                text(row["amount"]),
                text(row["converted"]),
                text(row["terms"]),
                source,
            ]
        )
    headers = ["Date", "Type", "Counterparty", "Amount", briefing.reporting_currency, "Key terms"]
    parts += [
        table([*headers, "Source"], rows),
        capped_note(len(shown), len(briefing.deals), "deals"),
        _charts(DEAL_CHARTS, charts),
    ]
    return "".join(parts)


def _segments(briefing: Briefing, citations: Citations, charts: Collection[str]) -> str:
    parts = [heading("sec-segments")]
    if briefing.metrics.empty:
        return parts[0] + note("No metrics stated.")
    shown = newest_rows(briefing.metrics, METRIC_ROWS, ["published"])
    display = metric_table(shown, briefing.conflicts)
    rows = [
        [
            text(row["segment"]),
            text(row["metric"]),
            text(row["period"]),
            text(row["value"]),
            text(row["change"]),
            text(row["previous"]),
            citations.mark(cell(shown_row, "source_number")),
        ]
        for (_, row), (_, shown_row) in zip(display.iterrows(), shown.iterrows(), strict=True)
    ]
    headers = ["Segment", "Metric", "Period", "Value", "Change", "Previous", "Source"]
    parts += [
        table(headers, rows),
        capped_note(len(shown), len(briefing.metrics), "metrics"),
        _charts(SEGMENT_CHARTS, charts),
    ]
    return "".join(parts)


def _view_rows(
    frame: pd.DataFrame, citations: Citations, columns: Sequence[str]
) -> tuple[list[list[str]], str]:
    """Rows of a view table (the columns of ``display.view_table`` asked for, then the
    source mark) and the note saying what was left out."""
    shown = newest_rows(frame, VIEW_ROWS, ["published"])
    display = view_table(shown)
    rows = [
        [text(row[column]) for column in columns]
        + [citations.mark(cell(shown_row, "source_number"))]
        for (_, row), (_, shown_row) in zip(display.iterrows(), shown.iterrows(), strict=True)
    ]
    return rows, capped_note(len(shown), len(frame), "statements")


def _analysts(briefing: Briefing, citations: Citations, charts: Collection[str]) -> str:
    picture = briefing.analysts
    parts = [heading("sec-analysts")]
    blocks = (
        ("Consensus and ratings", picture.ratings, ["kind", "firm", "detail"]),
        (
            "Price targets against the share price",
            picture.targets,
            ["kind", "firm", "value", "detail"],
        ),
        (
            "Valuation multiples against peers",
            picture.multiples,
            ["company", "metric", "value", "detail"],
        ),
        ("Share performance", picture.performance, ["kind", "period", "value"]),
        ("Forecasts", picture.forecasts, ["kind", "metric", "period", "value"]),
    )
    headers = {
        "kind": "Kind",
        "firm": "Firm",
        "detail": "Details",
        "value": "Value",
        "company": "Company",
        "metric": "Metric",
        "period": "Period",
    }
    if all(frame.empty for _, frame, _ in blocks):
        return parts[0] + note("No analyst views stated.")
    for title, frame, columns in blocks:
        if frame.empty:
            continue
        rows, capped = _view_rows(frame, citations, columns)
        names = [headers[column] for column in columns]
        parts += [f"<h3>{title}</h3>", table([*names, "Source"], rows), capped]
    parts.append(_charts(ANALYST_CHARTS, charts))
    return "".join(parts)


def briefing_html(briefing: Briefing, info: DocumentInfo, charts: Collection[str] = ()) -> str:
    """The whole briefing as HTML for a QTextDocument; ``charts`` are the chart keys that
    have something to draw (each gets a slot in its section)."""
    citations = Citations()
    body = [
        _cover(briefing, info),
        _summary(briefing, citations),
        _deals(briefing, citations, charts),
        _segments(briefing, citations, charts),
        _analysts(briefing, citations, charts),
        conflicts_section(briefing, citations),
    ]
    body.append(sources_section(briefing, citations.numbers))
    return "<html><body>" + "".join(body) + "</body></html>"

"""A company briefing as Markdown for reading: summary with citations, deal timeline,
latest metrics, analyst picture, conflicts side by side and the sources with their quotes.
``report_json`` gives the same content for scripts; ``report_markup`` escapes article text.
"""

from __future__ import annotations

import pandas as pd

from briefing.analysis.briefing import Briefing, Source
from briefing.analysis.display_text import (
    cell,
    check_words,
    converted_text,
    date_span_text,
    difference_text,
    fact_title,
    implied_upside_text,
    quantity_text,
    quotes_by_source,
    terms_text,
)
from briefing.analysis.formatting import (
    format_change,
    format_date,
    metric_words,
)
from briefing.analysis.summary import DEAL_WORDS, FACT_WORDS
from briefing.cli.report_markup import (
    md_escape,
    source_mark,
    table,
    with_marks,
)

# -- Markdown -------------------------------------------------------------------------------


def _header(briefing: Briefing) -> list[str]:
    facts = [f"{len(briefing.sources)} source{'s' if len(briefing.sources) != 1 else ''}"]
    span = date_span_text(source.published for source in briefing.sources)
    if span:
        facts.append(span)
    if briefing.isins:
        facts.append("ISIN " + ", ".join(briefing.isins))
    facts.append(f"converted amounts in {briefing.reporting_currency} (approximate)")
    lines = [f"# {md_escape(briefing.company_id)}: briefing", ""]
    other_names = [name for name in briefing.names if name != briefing.company_id]
    if other_names:
        lines += [f"Also written: {', '.join(md_escape(name) for name in other_names[:6])}", ""]
    return [*lines, " · ".join(facts), ""]


def _summary(briefing: Briefing) -> list[str]:
    lines = ["## Summary", ""]
    lines += [
        f"- {with_marks(sentence.text, (c.number for c in sentence.citations))}"
        for sentence in briefing.summary
    ]
    return [*lines, ""]


def _deals(briefing: Briefing) -> list[str]:
    lines = ["## Deals", ""]
    if briefing.deals.empty:
        return [*lines, "No deals stated.", ""]
    rows = []
    for _, row in briefing.deals.iterrows():
        date = (
            format_date(row["date"])
            or f"undated (article {format_date(row['published']) or 'undated'})"
        )
        amount = quantity_text(row, "amount") or (
            f"valued at {quantity_text(row, 'valuation')}"
            if quantity_text(row, "valuation")
            else ""
        )
        rows.append(
            [
                date,
                DEAL_WORDS.get(str(row["type"]), str(row["type"])),
                str(row["role"]),
                md_escape(cell(row, "other_party")),
                md_escape(amount),
                converted_text(row, "amount"),
                md_escape(terms_text(row)),
                source_mark(row) + (f", also {row['also_in']}" if row["also_in"] else ""),
            ]
        )
    headers = [
        "Date",
        "Type",
        "Role",
        "Other party",
        "Amount",
        briefing.reporting_currency,
        "Terms",
        "Source",
    ]
    return lines + table(headers, rows) + [""]


def _metrics(briefing: Briefing) -> list[str]:
    lines = ["## Latest metrics", ""]
    if briefing.metrics.empty:
        return [*lines, "No metrics stated.", ""]
    rows = []
    for _, row in briefing.metrics.iterrows():
        change = cell(row, "change_pct")
        history = int(row["n_older"]) if "n_older" in row and not pd.isna(row["n_older"]) else 0
        rows.append(
            [
                md_escape(cell(row, "segment") or "whole company"),
                metric_words(str(row["metric"])),
                md_escape(cell(row, "period") or ""),
                md_escape(quantity_text(row)),
                "" if change is None else format_change(float(change)),
                md_escape(quantity_text(row, "previous")),
                source_mark(row) + (f" ({history} older)" if history else ""),
            ]
        )
    headers = ["Segment", "Metric", "Period", "Value", "Change", "Previous", "Source"]
    return lines + table(headers, rows) + [""]


def _analysts(briefing: Briefing) -> list[str]:
    picture = briefing.analysts
    lines = ["## Analysts", ""]
    if all(
        frame.empty
        for frame in (
            picture.ratings,
            picture.targets,
            picture.multiples,
            picture.performance,
            picture.forecasts,
        )
    ):
        return [*lines, "No analyst views stated.", ""]
    if not picture.ratings.empty:
        rows = [
            [
                FACT_WORDS.get(str(row["view_type"]), str(row["view_type"])),
                md_escape(cell(row, "firm") or ""),
                md_escape(cell(row, "label") or ""),
                ""
                if cell(row, "count") is None
                else f"{int(row['count'])}"
                + ("" if cell(row, "of") is None else f" of {int(row['of'])}"),
                source_mark(row),
            ]
            for _, row in picture.ratings.iterrows()
        ]
        lines += [
            "### Ratings",
            "",
            *table(["Kind", "Firm", "Rating", "Count", "Source"], rows),
            "",
        ]
    if not picture.targets.empty:
        rows = []
        for _, row in picture.targets.iterrows():
            implied = implied_upside_text(row)
            rows.append(
                [
                    md_escape(cell(row, "stat") or ""),
                    md_escape(cell(row, "firm") or ""),
                    md_escape(quantity_text(row)),
                    md_escape(cell(row, "price_text") or ""),
                    implied,
                    md_escape(cell(row, "stated_upside_text") or ""),
                    check_words(cell(row, "upside_check")),
                    source_mark(row),
                ]
            )
        headers = [
            "Stat",
            "Firm",
            "Target",
            "Share price",
            "Implied upside",
            "Stated upside",
            "Check",
            "Source",
        ]
        lines += ["### Price targets", "", *table(headers, rows), ""]
    if not picture.multiples.empty:
        rows = [
            [
                md_escape(row["company_id"]) + (" (subject)" if row["is_subject"] else ""),
                metric_words(str(cell(row, "metric") or "")),
                md_escape(quantity_text(row)),
                source_mark(row),
            ]
            for _, row in picture.multiples.iterrows()
        ]
        lines += [
            "### Valuation against peers",
            "",
            *table(["Company", "Multiple", "Value", "Source"], rows),
            "",
        ]
    for title, frame in (
        ("Share performance", picture.performance),
        ("Forecasts", picture.forecasts),
    ):
        if frame.empty:
            continue
        rows = [
            [
                FACT_WORDS.get(str(row["view_type"]), str(row["view_type"])),
                md_escape(cell(row, "period") or ""),
                md_escape(quantity_text(row)),
                source_mark(row),
            ]
            for _, row in frame.iterrows()
        ]
        lines += [f"### {title}", "", *table(["Kind", "Period", "Value", "Source"], rows), ""]
    return lines


def _comparisons(briefing: Briefing) -> list[str]:
    lines = ["## Conflicts between sources", ""]
    if briefing.conflicts.empty:
        lines += ["No two sources disagree.", ""]
    for _, row in briefing.conflicts.iterrows():
        kind = (
            "Soft conflict (compatible bounds, different figures)"
            if row["verdict"] == "soft"
            else "Conflict"
        )
        lines += [
            f"### {md_escape(fact_title(row))}",
            "",
            f"{kind}; difference {difference_text(row)}.",
            "",
        ]
        for side in ("a", "b"):
            when = format_date(row[f"published_{side}"]) or "undated"
            lines.append(
                f"- {md_escape(row[f'value_{side}'])} [{_int(row[f'source_number_{side}'])}], "
                f"{md_escape(cell(row, f'source_{side}') or 'unknown source')}, {when}: "
                f"“{md_escape(row[f'quote_{side}'])}”"
            )
        lines.append("")
    agreeing = briefing.comparisons[~briefing.comparisons["verdict"].isin(("soft", "conflict"))]
    if not agreeing.empty:
        lines += ["## Statements that agree", ""]
        for _, row in agreeing.iterrows():
            lines.append(
                f"- {md_escape(fact_title(row))}: {md_escape(row['value_a'])} "
                f"[{_int(row['source_number_a'])}] and {md_escape(row['value_b'])} "
                f"[{_int(row['source_number_b'])}] ({row['verdict']})"
            )
        lines.append("")
    return lines


def _int(value: object) -> str:
    return "?" if value is None or value is pd.NA or pd.isna(value) else str(int(value))  # type: ignore[call-overload]


def _sources(briefing: Briefing) -> list[str]:
    lines = ["## Sources", ""]
    quotes = quotes_by_source(briefing)
    for source in briefing.sources:
        lines.append(f"{source.number}. {_source_line(source)}")
        for quote in quotes.get(source.number, []):
            lines.append(f"    > {md_escape(quote)}")
    return [*lines, ""]


def _source_line(source: Source) -> str:
    parts = [md_escape(source.title or "untitled")]
    parts.append(md_escape(source.source or "unknown source"))
    parts.append(format_date(source.published) or "undated")
    if source.path:
        parts.append(md_escape(source.path))
    line = " — ".join(parts)
    if source.copies:
        copies = ", ".join(source.copy_sources) or f"{len(source.copies)} copies"
        line += f" (also republished by {md_escape(copies)})"
    return line


def render_markdown(briefing: Briefing) -> str:
    sections = [_header, _summary, _deals, _metrics, _analysts, _comparisons, _sources]
    lines: list[str] = []
    for section in sections:
        lines.extend(section(briefing))
    return "\n".join(lines).rstrip() + "\n"

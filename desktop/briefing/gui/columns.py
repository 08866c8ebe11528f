"""The columns each table of the window shows, over the display tables of
``analysis.display``: header words here, texts and sort numbers there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from briefing.gui.frame_model import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("columns", text)


def deal_columns(with_role: bool) -> list[Column]:
    columns = [
        Column("date", _tr("Date"), sort_key="date_sort"),
        Column("type", _tr("Type")),
    ]
    if with_role:
        columns.append(Column("role", _tr("Role")))
    columns += [
        Column("buyer", _tr("Buyer")),
        Column("counterparty", _tr("Counterparty")),
        Column("amount", _tr("Amount"), numeric=True, sort_key="amount_sort"),
        Column("converted", _tr("Converted"), numeric=True, sort_key="amount_sort"),
        Column("terms", _tr("Terms")),
        Column("source", _tr("Source")),
    ]
    return columns


def metric_columns() -> list[Column]:
    return [
        Column("company", _tr("Company")),
        Column("segment", _tr("Segment")),
        Column("metric", _tr("Metric")),
        Column("period", _tr("Period")),
        Column("value", _tr("Value"), numeric=True, sort_key="value_sort"),
        Column("converted", _tr("Converted"), numeric=True, sort_key="value_sort"),
        Column("change", _tr("Change"), numeric=True, sort_key="change_sort"),
        Column("previous", _tr("Previous"), numeric=True),
        Column("source", _tr("Source")),
    ]


def view_columns() -> list[Column]:
    return [
        Column("kind", _tr("Kind")),
        Column("company", _tr("Company")),
        Column("firm", _tr("Firm")),
        Column("metric", _tr("Metric")),
        Column("value", _tr("Value"), numeric=True, sort_key="value_sort"),
        Column("period", _tr("Period")),
        Column("detail", _tr("Details")),
        Column("source", _tr("Source")),
    ]


def conflict_columns() -> list[Column]:
    return [
        Column("fact", _tr("Fact")),
        Column("verdict", _tr("Verdict")),
        Column("value_a", _tr("One source says")),
        Column("source_a", _tr("Source")),
        Column("value_b", _tr("Another says")),
        Column("source_b", _tr("Source")),
        Column("difference", _tr("Difference")),
    ]


def company_columns() -> list[Column]:
    return [
        Column("name", _tr("Company")),
        Column("articles", _tr("Articles"), numeric=True),
        Column("deals", _tr("Deals"), numeric=True),
        Column("metrics", _tr("Metrics"), numeric=True),
        Column("views", _tr("Analyst views"), numeric=True),
    ]

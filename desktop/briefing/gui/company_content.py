"""What the tabs show for one company (or for the whole library), built in a worker thread:
the briefing, its display tables and its headline figures. Qt-free on purpose. The charts
come second (``company_charts``), so the tables are shown before matplotlib is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from briefing.analysis.briefing import Briefing
from briefing.analysis.display import (
    analyst_views,
    conflict_table,
    deal_table,
    metric_table,
    view_table,
)
from briefing.analysis.headlines import Headline, headline_figures
from briefing.analysis.workspace import Workspace, company_briefing


@dataclass(frozen=True)
class CompanyContent:
    company_id: str  # "" for all companies
    heading: str
    briefing: Briefing | None
    deals: pd.DataFrame
    metrics: pd.DataFrame
    views: pd.DataFrame
    conflicts: pd.DataFrame
    headlines: tuple[Headline, ...] = ()
    companies: pd.DataFrame = field(default_factory=pd.DataFrame)


def _heading(briefing: Briefing) -> str:
    name = briefing.names[0] if briefing.names else briefing.company_id
    count = len(briefing.sources)
    also = [other for other in briefing.names[1:4] if other != name]
    extra = f" (also {', '.join(also)})" if also else ""
    isins = f" · ISIN {', '.join(briefing.isins)}" if briefing.isins else ""
    return f"{name}{extra} · {count} source{'s' if count != 1 else ''}{isins}"


def company_content(workspace: Workspace, company_id: str, currency: str) -> CompanyContent:
    """Everything the tabs show for ``company_id``."""
    briefing = company_briefing(workspace, company_id, currency)
    picture = briefing.analysts
    views = analyst_views(
        [
            picture.ratings,
            picture.targets,
            picture.share_prices,
            picture.multiples,
            picture.performance,
            picture.forecasts,
        ]
    )
    return CompanyContent(
        company_id=company_id,
        heading=_heading(briefing),
        briefing=briefing,
        deals=deal_table(briefing.deals, briefing.conflicts),
        metrics=metric_table(
            pd.concat([briefing.metrics, briefing.metrics_history], ignore_index=True)
            if not briefing.metrics_history.empty
            else briefing.metrics,
            briefing.conflicts,
        ),
        views=view_table(views, briefing.conflicts),
        conflicts=conflict_table(briefing.conflicts),
        headlines=tuple(headline_figures(briefing)),
    )


def company_to_show(workspace: Workspace, wanted: str | None) -> str:
    """``wanted`` if the workspace knows it ("" is all companies), else the most covered
    company, else all companies (an empty library)."""
    companies = workspace.companies
    if wanted == "" or (wanted is not None and wanted in set(companies["company_id"])):
        return wanted
    return str(companies["company_id"].iloc[0]) if len(companies) else ""


def library_content(workspace: Workspace) -> CompanyContent:
    """The whole library: every row of every kind, and the companies with their counts."""
    frames = workspace.frames
    companies = workspace.companies

    def count(frame: pd.DataFrame) -> pd.Series:
        if frame.empty or "company_id" not in frame.columns:
            return pd.Series(0, index=companies["company_id"])
        counts = frame["company_id"].value_counts()
        return counts.reindex(companies["company_id"], fill_value=0)

    deal_parties = pd.concat([frames.deals["buyer_id"], frames.deals["counterparty_id"]])
    deal_counts = deal_parties.value_counts().reindex(companies["company_id"], fill_value=0)
    companies = companies.assign(
        deals=deal_counts.to_numpy(),
        metrics=count(frames.metrics).to_numpy(),
        views=count(frames.views).to_numpy(),
    )
    return CompanyContent(
        company_id="",
        heading=f"All companies · {len(frames.articles)} articles",
        briefing=None,
        deals=deal_table(frames.deals),
        metrics=metric_table(frames.metrics),
        views=view_table(frames.views),
        conflicts=pd.DataFrame(),
        companies=companies,
    )

"""Headline figures of a briefing: the few numbers a reader looks at first (latest revenue
and its growth per segment, the consensus, the average price target and its upside), each
with the statement it comes from. The window shows them as cards; the PDF may too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from briefing.analysis.display_text import cell, implied_upside_text, quantity_text
from briefing.analysis.formatting import format_change

if TYPE_CHECKING:
    from briefing.analysis.briefing import Briefing

MAX_SEGMENT_CARDS: Final = 4


@dataclass(frozen=True)
class Headline:
    title: str  # "Cloud Intelligence revenue"
    value: str  # "RMB 39.8 billion"
    caption: str  # "+34% · Q3 2025 · [2]"
    article_id: str
    start: int
    end: int
    quote: str


def _headline(title: str, value: str, caption: list[str], row: Any) -> Headline:
    number = cell(row, "source_number")
    if number is not None:
        caption.append(f"[{int(number)}]")
    return Headline(
        title=title,
        value=value,
        caption=" · ".join(part for part in caption if part),
        article_id=str(row["article_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        quote=str(row["quote"]),
    )


def _segment_revenue(metrics: pd.DataFrame) -> list[Headline]:
    if metrics.empty:
        return []
    revenue = metrics[metrics["metric"] == "revenue"]
    if revenue.empty:
        return []
    # One card per segment: its newest statement (the briefing keeps one per period).
    segment_key = revenue["segment_id"].fillna("") if "segment_id" in revenue else ""
    newest = (
        revenue.assign(_segment=segment_key)
        .sort_values("published", ascending=False, kind="stable", na_position="last")
        .drop_duplicates("_segment")
    )
    growth = pd.to_numeric(newest["change_pct"], errors="coerce").abs().fillna(-1.0)
    ranked = newest.assign(_growth=growth).sort_values("_growth", ascending=False, kind="stable")
    headlines = []
    for _, row in ranked.head(MAX_SEGMENT_CARDS).iterrows():
        segment = cell(row, "segment")
        change = cell(row, "change_pct")
        change_text = format_change(float(change)) if change is not None else ""
        value = quantity_text(row)
        title = f"{segment} revenue" if segment else "Revenue"
        if not value:  # only the change was stated ("AI revenue more than doubled")
            title, value, change_text = f"{title} growth", change_text, ""
        caption = [change_text, str(cell(row, "period") or "")]
        headlines.append(_headline(title, value, caption, row))
    return headlines


def _consensus(ratings: pd.DataFrame) -> list[Headline]:
    if ratings.empty:
        return []
    consensus = ratings[ratings["view_type"] == "consensus_rating"]
    if not consensus.empty:
        row = consensus.iloc[0]
        return [_headline("Consensus", str(cell(row, "label") or ""), [], row)]
    counts = ratings[(ratings["view_type"] == "rating_count") & ratings["count"].notna()]
    if counts.empty:
        return []
    row = counts.sort_values("count", ascending=False, kind="stable").iloc[0]
    of = cell(row, "of")
    value = f"{int(row['count'])}" + (f" of {int(of)}" if of is not None else "")
    return [_headline(f"Analysts rating {cell(row, 'label') or ''}".strip(), value, [], row)]


def _target(targets: pd.DataFrame) -> list[Headline]:
    if targets.empty:
        return []
    averages = targets[targets["stat"].isin(["average", "mean", "consensus"])]
    row = (averages if not averages.empty else targets).iloc[0]
    stat = cell(row, "stat")
    title = f"{str(stat).capitalize()} price target" if stat else "Price target"
    implied = implied_upside_text(row)
    caption = [f"upside {implied} vs {cell(row, 'price_text')}" if implied else ""]
    return [_headline(title, quantity_text(row), caption, row)]


def headline_figures(briefing: Briefing) -> list[Headline]:
    """Segment revenue cards (fastest movers first), the consensus, the target."""
    own = briefing.metrics
    if not own.empty and "company_id" in own.columns:
        own = own[own["company_id"] == briefing.company_id]
    return [
        *_segment_revenue(own),
        *_consensus(briefing.analysts.ratings),
        *_target(briefing.analysts.targets),
    ]

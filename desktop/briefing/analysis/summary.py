"""The executive summary: a few deterministic sentences, each citing the facts it uses.

Templates, no model: the same briefing always gives the same sentences. Each sentence
marks its citations inline as ``[n]``, n being the number of the source in
``Briefing.sources``; ``SummarySentence.citations`` holds, for each mark, the article and
the quoted sentence the figure comes from.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from briefing.analysis.analysts import row_quantity as _quantity
from briefing.analysis.formatting import (
    format_change,
    format_date,
    format_quantity,
    metric_words,
)

if TYPE_CHECKING:
    from briefing.analysis.briefing import Briefing

MAX_ITEMS: Final = 3
DEAL_WORDS: Final = {
    "investment": "investment",
    "convertible_bond": "convertible bond",
    "ipo": "IPO stake",
    "acquisition": "acquisition",
    "merger": "merger",
    "divestment": "divestment",
    "partnership": "partnership",
    "commercial_agreement": "commercial agreement",
    "capex_plan": "capex plan",
    "buyback": "buyback",
    "dividend": "dividend",
    "financing": "financing",
    "joint_venture": "joint venture",
    "licensing": "licensing deal",
    "settlement": "settlement",
    "other": "deal",
}
# Deals a counterparty undergoes: "an investment by Tencent", "an acquisition by Foo".
_TAKEN_BY: Final = frozenset(
    {"investment", "convertible_bond", "ipo", "acquisition", "merger", "financing"}
)
# Metrics whose stated change says a segment grew (margins and shares move in points).
GROWTH_METRICS: Final = frozenset(
    {
        "revenue",
        "gross_profit",
        "ebitda",
        "ebit",
        "operating_income",
        "net_income",
        "users",
        "orders",
        "subscribers",
        "backlog",
    }
)
FACT_WORDS: Final = {
    "price_performance": "share performance",
    "price_target": "price target",
    "upside": "upside",
    "share_price": "share price",
    "valuation_multiple": "valuation multiple",
    "rating_count": "rating count",
    "consensus_rating": "consensus",
    "eps_forecast": "EPS forecast",
    "revenue_forecast": "revenue forecast",
}


@dataclass(frozen=True)
class Citation:
    """One figure's origin: the source's number, its article and the quoted sentence."""

    number: int
    article_id: str
    quote: str
    start: int | None  # offsets in the article body; None when only the quote is known
    end: int | None


@dataclass(frozen=True)
class SummarySentence:
    topic: str  # coverage, deals, segments, analysts, conflicts
    text: str  # with inline [n] marks
    citations: tuple[Citation, ...]


class _Writer:
    """Collects the citations of one sentence while its text is written."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def cite(self, row: Any) -> str:
        number = row.get("source_number")
        if number is None or pd.isna(number):
            return ""
        start, end = row.get("start"), row.get("end")
        self.citations.append(
            Citation(
                int(number),
                str(row["article_id"]),
                str(row["quote"]),
                None if start is None or pd.isna(start) else int(start),
                None if end is None or pd.isna(end) else int(end),
            )
        )
        return f" [{int(number)}]"


def _join(parts: Iterable[str], more: int = 0) -> str:
    items = list(parts)
    text = "; ".join(items)
    return f"{text}; and {more} more" if more > 0 else text


def _coverage(briefing: Briefing) -> SummarySentence | None:
    if not briefing.sources:
        return None
    dates = [source.published for source in briefing.sources if source.published is not None]
    outlets = {source.source for source in briefing.sources if source.source}
    copies = sum(len(source.copies) for source in briefing.sources)
    count = len(briefing.sources)
    text = f"{count} article{'s' if count != 1 else ''}"
    if outlets:
        text += f" from {len(outlets)} source{'s' if len(outlets) != 1 else ''}"
    if dates:
        first, last = format_date(min(dates)), format_date(max(dates))
        text += f", {first}" if first == last else f", {first} to {last}"
    text += f", {'cover' if count != 1 else 'covers'} {briefing.names[0]}"
    if copies:
        text += f" ({copies} republished cop{'ies' if copies != 1 else 'y'} counted once)"
    return SummarySentence("coverage", text + ".", ())


def _deal_phrase(row: Any, writer: _Writer, with_date: bool) -> str:
    words = DEAL_WORDS.get(str(row["type"]), str(row["type"]).replace("_", " "))
    other = row["other_party"] if isinstance(row["other_party"], str) else None
    if other and row["role"] == "buyer":
        words += f" with {other}"
    elif other and row["type"] in _TAKEN_BY:
        words += f" by {other}"
    elif other:
        words += f" with {other} as buyer"
    amount = _quantity(row, "amount") or _quantity(row, "valuation")
    if amount is not None:
        label = "" if _quantity(row, "amount") is not None else "valued at "
        words += f", {label}{format_quantity(amount)}"
    if with_date and row["dated"]:
        words += f" ({format_date(row['date'])})"
    return words + writer.cite(row)


def _deals(briefing: Briefing) -> list[SummarySentence]:
    deals = briefing.deals
    sentences = []
    dated = deals[deals["dated"]]
    if not dated.empty:
        writer = _Writer()
        shown = dated.tail(MAX_ITEMS)
        text = _join(
            (_deal_phrase(row, writer, True) for _, row in shown.iterrows()),
            len(dated) - len(shown),
        )
        sentences.append(
            SummarySentence("deals", f"Deals by date: {text}.", tuple(writer.citations))
        )
    undated = deals[~deals["dated"]]
    if not undated.empty:
        writer = _Writer()
        ranked = undated.assign(_size=_size(undated)).sort_values(
            "_size", ascending=False, kind="stable"
        )
        shown = ranked.head(MAX_ITEMS)
        text = _join(
            (_deal_phrase(row, writer, False) for _, row in shown.iterrows()),
            len(undated) - len(shown),
        )
        lead = "Undated deals" if not dated.empty else "Deals (no date stated)"
        sentences.append(SummarySentence("deals", f"{lead}: {text}.", tuple(writer.citations)))
    return sentences


def _size(deals: pd.DataFrame) -> pd.Series:
    """Amount in the reporting currency when converted, else in its own (same currency only)."""
    if "amount_reported_value" in deals.columns:
        converted = deals["amount_reported_value"].fillna(deals["amount_reported_high"])
        return converted.fillna(-math.inf)
    return deals["amount_value"].fillna(deals["amount_high"]).fillna(-math.inf)


def _segments(briefing: Briefing) -> SummarySentence | None:
    metrics = briefing.metrics
    growing = metrics[
        metrics["segment_id"].notna()
        & metrics["change_pct"].notna()
        & metrics["metric"].isin(GROWTH_METRICS)
    ]
    if growing.empty:
        return None
    # A segment is ranked by its revenue growth when stated, else by its fastest metric.
    ranked = growing.assign(_revenue=growing["metric"] == "revenue").sort_values(
        ["_revenue", "change_pct", "source_number"], ascending=[False, False, True], kind="stable"
    )
    ranked = ranked.drop_duplicates(subset=["segment_id"])
    ranked = ranked.sort_values("change_pct", ascending=False, kind="stable")
    grew = bool((ranked["change_pct"] > 0).any())
    if grew:
        ranked = ranked[ranked["change_pct"] > 0]
    ranked = ranked.head(MAX_ITEMS)
    writer = _Writer()
    parts = []
    for _, row in ranked.iterrows():
        metric = metric_words(str(row["metric"]))
        part = f"{row['segment']} {metric} {format_change(float(row['change_pct']))}"
        value = _quantity(row)
        if value is not None:
            part += f" to {format_quantity(value)}"
        if isinstance(row["period"], str):
            part += f" ({row['period']})"
        parts.append(part + writer.cite(row))
    if not grew:
        lead = "No segment grew"
    else:
        lead = "Fastest-growing segment" if len(parts) == 1 else "Fastest-growing segments"
    return SummarySentence("segments", f"{lead}: {_join(parts)}.", tuple(writer.citations))


def _analysts(briefing: Briefing) -> SummarySentence | None:
    picture = briefing.analysts
    writer = _Writer()
    parts = []
    counts = picture.ratings[picture.ratings["view_type"] == "rating_count"]
    for _, row in counts.head(2).iterrows():
        if pd.isna(row["count"]):
            continue
        of = f" of {int(row['of'])}" if not pd.isna(row["of"]) else ""
        parts.append(f"{int(row['count'])}{of} analysts rate it {row['label']}" + writer.cite(row))
    consensus = picture.ratings[picture.ratings["view_type"] == "consensus_rating"]
    labels = [str(label) for label in consensus["label"].dropna()]
    if labels:
        newest = consensus[consensus["article_id"] == consensus["article_id"].iloc[0]]
        label_text = " to ".join(dict.fromkeys(str(x) for x in newest["label"].dropna()))
        parts.append(f"consensus {label_text}" + writer.cite(newest.iloc[0]))
    for _, row in picture.targets.head(2).iterrows():
        target = _quantity(row)
        if target is None:
            continue
        stat = row["stat"] if isinstance(row["stat"], str) else ""
        lead = f"{stat} " if stat and stat != "single" else ""
        part = f"{lead}price target {format_quantity(target)}"
        if not pd.isna(row["implied_upside_low"]):
            low, high = float(row["implied_upside_low"]), float(row["implied_upside_high"])
            implied = f"{low:.0f}%" if round(low) == round(high) else f"{low:.0f}–{high:.0f}%"
            part += f", {implied} above a share price of {row['price_text']}"
            if isinstance(row["stated_upside_text"], str):
                verdict = (
                    "agrees" if row["upside_check"] in ("same", "consistent", "soft") else "differs"
                )
                part += f" (stated: {row['stated_upside_text']}, {verdict})"
        parts.append(part + writer.cite(row))
    if not parts:
        return None
    text = "; ".join(parts)
    return SummarySentence("analysts", f"Analysts: {text}.", tuple(writer.citations))


def _conflicts(briefing: Briefing) -> SummarySentence | None:
    conflicts = briefing.conflicts
    if conflicts.empty:
        return None
    ranked = conflicts.assign(_hard=conflicts["verdict"] == "conflict").sort_values(
        ["_hard"], ascending=False, kind="stable"
    )
    writer = _Writer()
    parts = []
    for _, row in ranked.head(MAX_ITEMS).iterrows():
        fact = FACT_WORDS.get(str(row["fact"]), str(row["fact"]).replace("_", " "))
        if isinstance(row["segment"], str):
            fact = f"{row['segment']} {fact}"
        if isinstance(row["period"], str) and row["period"]:
            fact += f" ({row['period']})"
        side_a = {
            "source_number": row["source_number_a"],
            "article_id": row["article_a"],
            "quote": row["quote_a"],
        }
        side_b = {
            "source_number": row["source_number_b"],
            "article_id": row["article_b"],
            "quote": row["quote_b"],
        }
        kind = "soft conflict" if row["verdict"] == "soft" else "conflict"
        first = f"{row['value_a']}{writer.cite(side_a)}"
        second = f"{row['value_b']}{writer.cite(side_b)}"
        parts.append(f"{fact}: {first} vs {second} ({kind})")
    lead = "Worth checking"
    return SummarySentence(
        "conflicts",
        f"{lead}: {_join(parts, len(conflicts) - len(parts))}.",
        tuple(writer.citations),
    )


def summary_sentences(briefing: Briefing) -> tuple[SummarySentence, ...]:
    """The executive summary of a briefing, in reading order."""
    sentences: list[SummarySentence | None] = [_coverage(briefing)]
    sentences.extend(_deals(briefing))
    sentences.extend([_segments(briefing), _analysts(briefing), _conflicts(briefing)])
    return tuple(sentence for sentence in sentences if sentence is not None)

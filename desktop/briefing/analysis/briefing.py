"""One company's briefing across articles: sources, deal timeline, latest metrics, analysts,
conflicts and the executive summary.

``build_briefing`` reads the analysis frames (any set of articles, from files or from the
library) and keeps, for one company id, what the GUI tabs, the Markdown/JSON report and the
PDF show. Every row keeps its article and gets the number of its entry in ``sources`` (the
company's articles, oldest first), so every figure can be cited. Republished copies of a
story (``duplicates.story_map``) count once: their facts are read from the earliest copy and
the copies are listed under that source.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import pandas as pd

from briefing.analysis.analysts import AnalystPicture, analyst_picture
from briefing.analysis.conflicts import (
    CONFLICT_VERDICTS,
    METRIC_FACT_KEY,
    compare_facts,
    latest_values,
)
from briefing.analysis.duplicates import representatives_only
from briefing.analysis.entities import CompanyResolver, name_key
from briefing.analysis.frames import Frames
from briefing.analysis.fx import RateTable
from briefing.analysis.fx_frames import with_reporting_currency
from briefing.analysis.summary import SummarySentence, summary_sentences

DEFAULT_CURRENCY: Final = "USD"
# What an extracted segment may keep of "Alibaba's cloud computing division".
_POSSESSIVE_LEAD: Final = re.compile(r"^(?:['’]?s\s+|the\s+)", re.IGNORECASE)
# The same deal told by two articles: these columns agree.
_DEAL_IDENTITY: Final = (
    "type",
    "buyer_id",
    "counterparty_id",
    "date",
    "amount_value",
    "amount_low",
    "amount_high",
    "amount_unit",
)
_NAME_COLUMNS: Final = (
    ("articles", "primary_company", "company_id"),
    ("deals", "buyer", "buyer_id"),
    ("deals", "counterparty", "counterparty_id"),
    ("metrics", "company", "company_id"),
    ("views", "company", "company_id"),
)


class CompanyNotFoundError(LookupError):
    """No article of the set is about the company asked for."""

    def __init__(self, name: str, suggestions: Sequence[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no article mentions a company called {name!r}{hint}")
        self.name = name
        self.suggestions = tuple(suggestions)


@dataclass(frozen=True)
class Source:
    """One article the briefing cites, with the copies of its story published elsewhere."""

    number: int
    article_id: str
    title: str | None
    source: str | None
    published: pd.Timestamp | None
    path: str | None
    copies: tuple[str, ...] = ()  # article ids of republished copies
    copy_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """Everything known about one company across a set of articles."""

    company_id: str
    names: tuple[str, ...]  # the ways the articles write it, most frequent first
    isins: tuple[str, ...]
    reporting_currency: str
    sources: tuple[Source, ...]
    deals: pd.DataFrame  # the timeline: dated deals by date, then undated by article date
    metrics: pd.DataFrame  # the newest statement of each (segment, metric, period)
    metrics_history: pd.DataFrame  # older statements, with ``superseded_by``
    analysts: AnalystPicture
    comparisons: pd.DataFrame  # every pair of statements of one fact, with its verdict
    conflicts: pd.DataFrame  # the pairs worth checking (soft conflicts and conflicts)
    summary: tuple[SummarySentence, ...] = field(default=())  # set by the builder

    def source_of(self, article_id: str) -> Source | None:
        """The numbered source of an article (a republished copy gives its story's)."""
        for source in self.sources:
            if source.article_id == article_id or article_id in source.copies:
                return source
        return None


def _mentions(frames: Frames) -> pd.DataFrame:
    """(article_id, company_id) pairs: the companies each article is about."""
    pairs = [frames.articles[["article_id", "company_id"]]]
    for kind, _name, id_column in _NAME_COLUMNS[1:]:
        frame = getattr(frames, kind)
        pairs.append(frame[["article_id", id_column]].rename(columns={id_column: "company_id"}))
    mentions = pd.concat(pairs, ignore_index=True).dropna()
    return mentions.drop_duplicates().reset_index(drop=True)


def articles_about(frames: Frames, company_id: str) -> list[str]:
    """Ids of the articles about a company (primary company, party to a deal, owner of a
    metric or view), in the articles frame's order."""
    mentions = _mentions(frames)
    about = set(mentions.loc[mentions["company_id"] == company_id, "article_id"])
    return [str(i) for i in frames.articles["article_id"] if i in about]


def companies_in(frames: Frames) -> pd.Series:
    """Company id -> how many articles are about it, most covered first, then by name."""
    counts = _mentions(frames)["company_id"].value_counts()
    order = sorted(counts.index, key=lambda company: (-int(counts[company]), str(company)))
    return counts.reindex(order)


def primary_company(frames: Frames) -> str | None:
    """The company most of the articles are primarily about (ties: the most mentioned)."""
    primaries = frames.articles["company_id"].dropna().value_counts()
    if primaries.empty:
        covered = companies_in(frames)
        return None if covered.empty else str(covered.index[0])
    best = int(primaries.max())
    tied = sorted(str(company) for company in primaries[primaries == best].index)
    coverage = companies_in(frames)
    return max(tied, key=lambda company: (int(coverage.get(company, 0)), -tied.index(company)))


def find_company(frames: Frames, name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The company id ``name`` stands for among the articles' companies.

    Accepts the id itself, any name the articles write, a name or ticker the bundled table
    or the user's aliases know. Raises ``CompanyNotFoundError`` with close matches.
    """
    known = [str(company) for company in companies_in(frames).index]
    by_key = {name_key(company): company for company in known}
    for kind, name_column, id_column in _NAME_COLUMNS:
        frame = getattr(frames, kind)
        # Each distinct (name, company) once: a library repeats the same few names.
        pairs = frame[[name_column, id_column]].dropna().drop_duplicates()
        for written, company in zip(pairs[name_column], pairs[id_column], strict=True):
            by_key.setdefault(name_key(str(written)), str(company))
    wanted = name.strip()
    if wanted in known:
        return wanted
    resolved = CompanyResolver(aliases).resolve(wanted)
    for candidate in (resolved, wanted):
        if candidate in known:
            return candidate
        company = by_key.get(name_key(candidate))
        if company is not None:
            return company
    # "Kestrel" for "Kestrel Semiconductor": the leading words of exactly one company.
    lead = name_key(wanted)
    starting = sorted(
        {company for key, company in by_key.items() if (key + " ").startswith(lead + " ")}
    )
    if lead and len(starting) == 1:
        return starting[0]
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
    raise CompanyNotFoundError(name, close)


def _names(frames: Frames, company_id: str) -> tuple[str, ...]:
    written: list[str] = []
    for kind, name_column, id_column in _NAME_COLUMNS:
        frame = getattr(frames, kind)
        written.extend(frame.loc[frame[id_column] == company_id, name_column].dropna())
    counts = pd.Series(written, dtype=object).value_counts()
    ordered = sorted(counts.index, key=lambda text: (-int(counts[text]), len(str(text)), text))
    return tuple(str(text) for text in ordered) or (company_id,)


def _sources(articles: pd.DataFrame, story_of: Mapping[str, str]) -> tuple[Source, ...]:
    ordered = articles.sort_values(["published", "article_id"], na_position="last")
    records: list[dict[str, Any]] = [
        {str(name): value for name, value in record.items()}
        for record in ordered.to_dict("records")
    ]
    representatives = [
        record
        for record in records
        if story_of.get(str(record["article_id"]), str(record["article_id"]))
        == record["article_id"]
    ]
    sources = []
    for number, record in enumerate(representatives, start=1):
        article_id = str(record["article_id"])
        copies = [
            other
            for other in records
            if other["article_id"] != article_id
            and story_of.get(str(other["article_id"])) == article_id
        ]
        published = record["published"]
        sources.append(
            Source(
                number=number,
                article_id=article_id,
                title=_text(record["title"]),
                source=_text(record["source"]),
                published=None if pd.isna(published) else pd.Timestamp(published),
                path=_text(record["path"]),
                copies=tuple(str(other["article_id"]) for other in copies),
                copy_sources=tuple(
                    str(other["source"]) for other in copies if isinstance(other["source"], str)
                ),
            )
        )
    return tuple(sources)


def segment_display_name(written: Sequence[str]) -> str:
    """The name to show for a segment among the ways articles write it: a proper name
    ("Cloud Intelligence Group") over a descriptive one ("'s cloud computing"), then the
    most frequent, then the longest.

    >>> segment_display_name(["'s cloud computing", "Cloud Intelligence Group", "cloud"])
    'Cloud Intelligence Group'
    >>> segment_display_name(["s cloud computing"])
    'cloud computing'
    """
    cleaned = [_POSSESSIVE_LEAD.sub("", name).strip() for name in written]
    cleaned = [name for name in cleaned if name] or list(written)
    counts = Counter(cleaned)
    return max(counts, key=lambda name: (name[:1].isupper(), counts[name], len(name), name))


def segment_names(metrics: pd.DataFrame) -> dict[str, str]:
    """Segment id -> the name shown for it, from every way ``metrics`` write it."""
    named = metrics.dropna(subset=["segment_id", "segment"])
    return {
        str(segment_id): segment_display_name([str(name) for name in group["segment"]])
        for segment_id, group in named.groupby("segment_id", sort=True)
    }


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _numbered(frame: pd.DataFrame, numbers: Mapping[str, int]) -> pd.DataFrame:
    return frame.assign(source_number=frame["article_id"].map(numbers).astype("Int64"))


def deal_timeline(deals: pd.DataFrame, company_id: str) -> pd.DataFrame:
    """The company's deals with its role, dated ones by date then undated by article date.

    A deal told by several articles (same type, parties, date and amount) is one row, kept
    from the earliest article; ``also_in`` lists the source numbers of the others.
    """
    own = deals[(deals["buyer_id"] == company_id) | (deals["counterparty_id"] == company_id)]
    is_buyer = own["buyer_id"] == company_id
    timeline = own.assign(
        role=is_buyer.map({True: "buyer", False: "counterparty"}).astype("str"),
        other_party=own["counterparty"].where(is_buyer, own["buyer"]),
        other_party_id=own["counterparty_id"].where(is_buyer, own["buyer_id"]),
        dated=own["date"].notna(),
        timeline_date=own["date"].fillna(own["published"]),
    ).sort_values(["published", "article_id", "start"], na_position="last", kind="stable")
    identity = (
        timeline[list(_DEAL_IDENTITY)]
        .astype(object)
        .where(timeline[list(_DEAL_IDENTITY)].notna(), None)
    )
    keys = [tuple(row) for row in identity.itertuples(index=False)]
    first_of: dict[tuple[object, ...], int] = {}
    also: dict[int, list[int]] = {}
    keep: list[bool] = []
    for position, (key, number) in enumerate(zip(keys, timeline["source_number"], strict=True)):
        first = first_of.setdefault(key, position)
        keep.append(first == position)
        if first != position and not pd.isna(number):
            also.setdefault(first, []).append(int(number))
    also_in = [", ".join(str(n) for n in sorted(set(also.get(i, [])))) for i in range(len(keys))]
    merged = timeline.assign(also_in=pd.Series(also_in, index=timeline.index, dtype="str")).loc[
        pd.Series(keep, index=timeline.index, dtype=bool)
    ]
    return merged.sort_values(
        ["dated", "timeline_date", "source_number", "start"],
        ascending=[False, True, True, True],
        na_position="last",
        kind="stable",
    ).reset_index(drop=True)


def build_briefing(
    frames: Frames,
    company_id: str,
    story_of: Mapping[str, str] | None = None,
    reporting_currency: str = DEFAULT_CURRENCY,
    rates: RateTable | None = None,
) -> Briefing:
    """The briefing on ``company_id`` (see ``find_company``) from the analysis frames.

    With ``rates``, deal amounts and metric values in a currency get approximate
    ``*_reported_*`` columns in ``reporting_currency`` (``fx_frames``); the stated figures
    stay as they are. Raises ``fx.UnknownCurrencyError`` for a currency without rates.
    """
    stories = dict(story_of or {})
    about = set(articles_about(frames, company_id))
    articles = frames.articles[frames.articles["article_id"].isin(about)]
    sources = _sources(articles, stories)
    numbers = {source.article_id: source.number for source in sources}

    def facts(frame: pd.DataFrame) -> pd.DataFrame:
        kept = representatives_only(frame[frame["article_id"].isin(about)], stories)
        return _numbered(kept, numbers)

    metrics = facts(frames.metrics)
    views = facts(frames.views)
    own_metrics = metrics[metrics["company_id"] == company_id]
    own_views = views[views["company_id"] == company_id]

    names_by_segment = segment_names(own_metrics)
    own_metrics = own_metrics.assign(
        segment=own_metrics["segment_id"].map(names_by_segment).fillna(own_metrics["segment"])
    )
    latest, history = latest_values(own_metrics, METRIC_FACT_KEY)
    comparisons = compare_facts(own_metrics, own_views, stories)
    comparisons = comparisons.assign(
        source_number_a=comparisons["article_a"].map(numbers).astype("Int64"),
        source_number_b=comparisons["article_b"].map(numbers).astype("Int64"),
        segment=comparisons["segment_id"].map(names_by_segment).fillna(comparisons["segment"]),
    )
    resolver = CompanyResolver()
    isins = sorted(
        {
            isin
            for owner_of_article, text in zip(
                articles["company_id"], articles["isins"].fillna(""), strict=True
            )
            for isin in str(text).split("; ")
            if isin and _isin_belongs(resolver, isin, owner_of_article, company_id)
        }
    )
    briefing = Briefing(
        company_id=company_id,
        names=_names(frames, company_id),
        isins=tuple(isins),
        reporting_currency=reporting_currency,
        sources=sources,
        deals=_converted(
            deal_timeline(facts(frames.deals), company_id), "amount", rates, reporting_currency
        ),
        metrics=_converted(latest, "value", rates, reporting_currency)
        .sort_values(["segment_id", "metric", "period"], na_position="first", kind="stable")
        .reset_index(drop=True),
        metrics_history=history,
        analysts=analyst_picture(own_views, company_id, views),
        comparisons=comparisons,
        conflicts=comparisons[comparisons["verdict"].isin(CONFLICT_VERDICTS)].reset_index(
            drop=True
        ),
    )
    return dataclasses.replace(briefing, summary=summary_sentences(briefing))


def _converted(
    frame: pd.DataFrame, prefix: str, rates: RateTable | None, currency: str
) -> pd.DataFrame:
    if rates is None:
        return frame
    return with_reporting_currency(frame, prefix, rates, currency)


def _isin_belongs(
    resolver: CompanyResolver, isin: str, article_company: object, company_id: str
) -> bool:
    """Whether an ISIN an article states is the company's: the bundled table's owner when it
    knows the ISIN, else the article's primary company."""
    owner = resolver.resolve(isin)
    if owner != isin:
        return owner == company_id
    return article_company == company_id

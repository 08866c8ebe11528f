"""What every category extractor reads: the article cut into sentences, each with the
quantities, companies, segments, dates and periods found in it.

All offsets in a ``Sentence`` (its own and its matches') index the document body, so
an extractor builds evidence with ``Evidence.of(ctx.body, start, end)`` directly.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from briefing.domain.model import Document
from briefing.extract.dates import DateMatch, find_dates
from briefing.extract.entities import (
    CompanyMention,
    SegmentMention,
    find_companies,
    find_segments,
    primary_company,
)
from briefing.extract.periods import PeriodMatch, find_periods
from briefing.extract.quantities import QuantityMatch, find_quantities
from briefing.extract.sentences import split_sentences
from briefing.extract.vocab.exchanges import EXCHANGE_CURRENCIES

_Match = TypeVar("_Match", QuantityMatch, DateMatch, PeriodMatch, SegmentMention)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    quantities: tuple[QuantityMatch, ...]
    companies: tuple[CompanyMention, ...]  # references ("the company") carry the primary name
    segments: tuple[SegmentMention, ...]
    dates: tuple[DateMatch, ...]
    periods: tuple[PeriodMatch, ...]

    def relative(self, offset: int) -> int:
        """A body offset as an index into ``self.text``."""
        return offset - self.start


@dataclass(frozen=True, slots=True)
class ArticleContext:
    document: Document
    body: str
    sentences: tuple[Sentence, ...]
    primary_company: str | None
    companies: tuple[str, ...]
    published: dt.date | None
    currency: str | None  # the article's reporting currency, for amounts stated without one

    @property
    def title(self) -> str | None:
        return self.document.title


def _shift(matches: Sequence[_Match], offset: int) -> tuple[_Match, ...]:
    if offset == 0:
        return tuple(matches)
    return tuple(
        dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in matches
    )


def _published_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _reporting_currency(
    sentences: Sequence[Sentence], tickers: Sequence[str], fallback_text: str
) -> str | None:
    """The currency most amounts are stated in; else the listing's currency."""
    counts: Counter[str] = Counter(
        match.quantity.unit
        for sentence in sentences
        for match in sentence.quantities
        if match.kind == "money" and match.quantity.unit
    )
    if counts:
        return counts.most_common(1)[0][0]
    for ticker in tickers:
        exchange = ticker.split(":", 1)[0].upper()
        if exchange in EXCHANGE_CURRENCIES:
            return EXCHANGE_CURRENCIES[exchange]
    for exchange, currency in EXCHANGE_CURRENCIES.items():
        if f"({exchange}:" in fallback_text or f"{exchange}: " in fallback_text:
            return currency
    return None


def _resolve_references(
    mentions: Sequence[CompanyMention], primary: str | None
) -> tuple[CompanyMention, ...]:
    resolved = []
    for mention in mentions:
        if mention.is_reference:
            if primary is None:
                continue
            mention = dataclasses.replace(mention, name=primary)
        resolved.append(mention)
    return tuple(resolved)


def build_context(document: Document) -> ArticleContext:
    body = document.body
    published = _published_date(document.published)
    spans = document.content_spans or ((0, len(body)),)
    sentence_spans = split_sentences(body, spans)

    all_mentions = find_companies(body)
    primary = primary_company(document.title, body, all_mentions, document.isins)
    mentions = _resolve_references(all_mentions, primary)
    mention_starts = [m.start for m in mentions]

    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(sentence_spans):
        text = body[start:end]
        dates = find_dates(text, published)
        first = bisect.bisect_left(mention_starts, start)
        last = bisect.bisect_left(mention_starts, end)
        sentences.append(
            Sentence(
                index=index,
                start=start,
                end=end,
                text=text,
                quantities=_shift(find_quantities(text), start),
                companies=tuple(m for m in mentions[first:last] if m.end <= end),
                segments=_shift(find_segments(text), start),
                dates=_shift(dates, start),
                periods=_shift(find_periods(text, published, dates=dates), start),
            )
        )

    content_names: dict[str, None] = {}
    if primary:
        content_names[primary] = None
    for sentence in sentences:
        for mention in sentence.companies:
            if not (mention.is_broker or mention.is_index):
                content_names.setdefault(mention.name, None)
    currency = _reporting_currency(sentences, document.tickers, body[:2000])
    return ArticleContext(
        document=document,
        body=body,
        sentences=tuple(sentences),
        primary_company=primary,
        companies=tuple(content_names),
        published=published,
        currency=currency,
    )

"""What every category extractor reads: the article cut into sentences, each with the
quantities, companies, segments, dates and periods found in it.

All offsets in a ``Sentence`` (its own and its matches') index the document body, so
an extractor builds evidence with ``Evidence.of(ctx.body, start, end)`` directly.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


class Sentence:
    """One sentence of the body and what is stated in it.

    The features are found on first access and kept: most sentences are read by some
    extractors only, and finding quantities or periods costs more than all the rest.
    """

    __slots__ = (
        "_dates",
        "_local_dates",
        "_periods",
        "_published",
        "_quantities",
        "_segments",
        "companies",
        "end",
        "index",
        "start",
        "text",
    )

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        text: str,
        companies: tuple[CompanyMention, ...],  # references carry the primary name
        published: dt.date | None,
    ) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.companies = companies
        self._published = published
        self._quantities: tuple[QuantityMatch, ...] | None = None
        self._segments: tuple[SegmentMention, ...] | None = None
        self._local_dates: list[DateMatch] | None = None  # offsets into ``text``
        self._dates: tuple[DateMatch, ...] | None = None
        self._periods: tuple[PeriodMatch, ...] | None = None

    def __repr__(self) -> str:
        return (
            f"Sentence(index={self.index}, start={self.start}, end={self.end}, text={self.text!r})"
        )

    def relative(self, offset: int) -> int:
        """A body offset as an index into ``self.text``."""
        return offset - self.start

    @property
    def quantities(self) -> tuple[QuantityMatch, ...]:
        found = self._quantities
        if found is None:
            shift = self.start
            found = self._quantities = tuple(
                QuantityMatch(m.start + shift, m.end + shift, m.quantity, m.kind)
                for m in find_quantities(self.text)
            )
        return found

    @property
    def segments(self) -> tuple[SegmentMention, ...]:
        found = self._segments
        if found is None:
            shift = self.start
            found = self._segments = tuple(
                SegmentMention(m.start + shift, m.end + shift, m.text, m.name, m.is_reference)
                for m in find_segments(self.text)
            )
        return found

    def _dates_in_text(self) -> list[DateMatch]:
        local = self._local_dates
        if local is None:
            local = self._local_dates = find_dates(self.text, self._published)
        return local

    @property
    def dates(self) -> tuple[DateMatch, ...]:
        found = self._dates
        if found is None:
            shift = self.start
            found = self._dates = tuple(
                DateMatch(m.start + shift, m.end + shift, m.iso) for m in self._dates_in_text()
            )
        return found

    @property
    def periods(self) -> tuple[PeriodMatch, ...]:
        found = self._periods
        if found is None:
            shift = self.start
            local = find_periods(self.text, self._published, dates=self._dates_in_text)
            found = self._periods = tuple(
                PeriodMatch(m.start + shift, m.end + shift, m.label) for m in local
            )
        return found


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
) -> list[CompanyMention]:
    resolved = []
    for mention in mentions:
        if mention.is_reference:
            if primary is None:
                continue
            # Built directly: ``dataclasses.replace`` costs several times a constructor call.
            mention = CompanyMention(
                mention.start,
                mention.end,
                mention.text,
                primary,
                mention.is_broker,
                mention.is_reference,
                mention.is_index,
            )
        resolved.append(mention)
    return resolved


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
    content_names: dict[str, None] = {}
    if primary:
        content_names[primary] = None
    for index, (start, end) in enumerate(sentence_spans):
        first = bisect.bisect_left(mention_starts, start)
        last = bisect.bisect_left(mention_starts, end, first)
        companies = tuple(m for m in mentions[first:last] if m.end <= end)
        for mention in companies:
            if not (mention.is_broker or mention.is_index):
                content_names.setdefault(mention.name, None)
        sentences.append(Sentence(index, start, end, body[start:end], companies, published))

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

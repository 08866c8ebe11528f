"""Value objects of the extraction contract (``briefing.extraction/1``).

Everything here is immutable and free of I/O; ``briefing.domain.contract`` turns
these objects into the public JSON and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Bound = Literal["min", "max"]
ArticleFormat = Literal["text", "markdown", "html", "pdf", "email"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated amount, in base units.

    A single value has ``value`` set and ``low``/``high`` None; a range has ``value`` None
    and both ``low`` and ``high`` set (an open end is a ``bound``). The JSON Schema in
    ``resources/schema/`` holds the engine to this.
    ``unit`` is an ISO-4217 code, ``"%"``, ``"x"``, ``"count"``, ``"shares"`` or None.
    """

    value: float | None
    unit: str | None
    text: str
    low: float | None = None
    high: float | None = None
    approx: bool = False
    bound: Bound | None = None

    @property
    def is_range(self) -> bool:
        return self.value is None and (self.low is not None or self.high is not None)

    def numbers(self) -> tuple[float, ...]:
        """The numbers the quantity states: its value, or both ends of a range."""
        if self.value is not None:
            return (self.value,)
        return tuple(n for n in (self.low, self.high) if n is not None)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article body; ``quote == body[start:end]``."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Evidence:
        return cls(start, end, body[start:end])


@dataclass(frozen=True, slots=True)
class Deal:
    type: str
    buyer: str | None
    counterparty: str | None
    amount: Quantity | None
    evidence: Evidence
    confidence: float
    valuation: Quantity | None = None
    date: str | None = None
    terms: dict[str, Quantity | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Metric:
    company: str | None
    segment: str | None
    name: str
    raw_name: str
    period: str | None
    value: Quantity | None
    evidence: Evidence
    confidence: float
    previous: Quantity | None = None
    change_pct: float | None = None


@dataclass(frozen=True, slots=True)
class AnalystView:
    type: str
    company: str | None
    evidence: Evidence
    confidence: float
    firm: str | None = None
    value: Quantity | None = None
    label: str | None = None
    previous_label: str | None = None
    stat: str | None = None
    metric: str | None = None
    period: str | None = None
    count: int | None = None
    of: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read from disk: normalized body text plus metadata.

    ``content_spans`` are the (start, end) spans of ``body`` that are article content;
    publisher boilerplate lies outside them. Offsets always index ``body``.
    """

    id: str
    path: str
    format: ArticleFormat
    body: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    isins: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    content_spans: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the engine found in one document."""

    primary_company: str | None
    companies: tuple[str, ...]
    deals: tuple[Deal, ...] = ()
    metrics: tuple[Metric, ...] = ()
    analyst_views: tuple[AnalystView, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """A document together with its extraction: one ``Article`` of the contract."""

    document: Document
    extraction: Extraction

"""Every fact the two seed articles must yield, checked one by one.

The facts are those of the extraction issue; they are checked on the real seeds in
``../shared/seeds`` (skipped when absent) and on our own rewrites of them in
``resources/samples``, which state the same facts in other words. A fact holds when at
least one extracted item has its type, parties, numbers (within 1 %), units and bounds;
fields a fact leaves open are not checked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from briefing.domain.model import AnalystView, Deal, Document, Extraction, Metric, Quantity
from briefing.evaluation.comparison import numbers_agree as close
from briefing.evaluation.names import names_match as devset_names_match

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"

SEED_000 = "000_17bc7c86aa70c97c.txt"
SEED_001 = "001_e7901a10e163862b.txt"
REWRITE_000 = "alibaba_meitu_convertible_2026_01.txt"
REWRITE_001 = "alibaba_minimax_anchor_2026_01.txt"

_THREE_YEARS = re.compile(r"\b(?:three|3)[- ]years?\b", re.IGNORECASE)


# --- matchers: the devset's rules for names and numbers, plus units, bounds and roles ---


def names_match(expected: str, actual: str | None) -> bool:
    """The devset's rule (one name contains the other) for a name that may be missing.

    >>> names_match("Alibaba", "Alibaba Group Holding Ltd"), names_match("Meitu", "Alibaba")
    (True, False)
    """
    return actual is not None and devset_names_match(expected, actual)


@dataclass(frozen=True)
class Amount:
    """An expected quantity: a value or a low-high range, a unit, and optionally a bound."""

    value: float | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    bound: str | None = None

    def matches(self, quantity: Quantity | None) -> bool:
        if quantity is None or quantity.unit != self.unit:
            return False
        if self.bound is not None and quantity.bound != self.bound:
            return False
        if self.value is not None:
            return close(self.value, quantity.value)
        return close(self.low or 0.0, quantity.low) and close(self.high or 0.0, quantity.high)


@dataclass(frozen=True)
class Matches:
    """A text test: the pattern occurs, ignoring case (``Matches("cloud")``)."""

    pattern: str

    def __call__(self, text: str | None) -> bool:
        return text is not None and re.search(self.pattern, text, re.IGNORECASE) is not None


def _has_three_year_term(deal: Deal) -> bool:
    for name, term in deal.terms.items():
        text = term if isinstance(term, str) else term.text
        if _THREE_YEARS.search(text) or _THREE_YEARS.search(name.replace("_", " ")):
            return True
        is_years = any(word in name for word in ("year", "tenor", "term", "duration"))
        if isinstance(term, Quantity) and is_years and close(3, term.value):
            return True
    return False


class _ItemFact:
    """A fact about one item: it holds when some extracted candidate fits it."""

    category = ""  # the Extraction attribute holding items of this kind

    def holds(self, document: Document, extraction: Extraction) -> bool:
        return any(self._fits(item) for item in self.candidates(extraction))

    def candidates(self, extraction: Extraction) -> Sequence[Any]:
        raise NotImplementedError

    def _fits(self, item: Any) -> bool:
        raise NotImplementedError


@dataclass(frozen=True)
class DealFact(_ItemFact):
    category = "deals"
    type: str
    buyer: str | None = None
    counterparty: str | None = None
    amount: Amount | None = None
    no_amount: bool = False
    valuation: Amount | None = None
    date: str | None = None
    terms: dict[str, Amount] = field(default_factory=dict)
    three_year_term: bool = False

    def candidates(self, extraction: Extraction) -> list[Deal]:
        return [d for d in extraction.deals if d.type == self.type]

    def _fits(self, deal: Deal) -> bool:
        checks = (
            self.buyer is None or names_match(self.buyer, deal.buyer),
            self.counterparty is None or names_match(self.counterparty, deal.counterparty),
            self.amount is None or self.amount.matches(deal.amount),
            not self.no_amount or deal.amount is None,
            self.valuation is None or self.valuation.matches(deal.valuation),
            self.date is None or deal.date == self.date,
            all(
                isinstance(term := deal.terms.get(name), Quantity) and want.matches(term)
                for name, want in self.terms.items()
            ),
            not self.three_year_term or _has_three_year_term(deal),
        )
        return all(checks)


@dataclass(frozen=True)
class MetricFact(_ItemFact):
    category = "metrics"
    names: tuple[str, ...]
    company: str | None = "Alibaba"
    segment: Matches | None = None
    value: Amount | None = None
    previous: Amount | None = None
    change_pct: float | None = None
    period: Matches | None = None

    def candidates(self, extraction: Extraction) -> list[Metric]:
        return [m for m in extraction.metrics if m.name in self.names]

    def _fits(self, metric: Metric) -> bool:
        checks = (
            self.company is None or names_match(self.company, metric.company),
            self.segment is None or self.segment(metric.segment),
            self.value is None or self.value.matches(metric.value),
            self.previous is None or self.previous.matches(metric.previous),
            self.change_pct is None or close(self.change_pct, metric.change_pct),
            self.period is None or self.period(metric.period),
        )
        return all(checks)


@dataclass(frozen=True)
class ViewFact(_ItemFact):
    category = "analyst_views"
    type: str
    company: str | None = "Alibaba"
    value: Amount | None = None
    count: int | None = None
    of: int | None = None
    label: Matches | None = None
    stat: str | None = None
    metric: str | None = None
    period: Matches | None = None
    evidence: Matches | None = None

    def candidates(self, extraction: Extraction) -> list[AnalystView]:
        return [v for v in extraction.analyst_views if v.type == self.type]

    def _fits(self, view: AnalystView) -> bool:
        # A count may be recorded in ``count`` or as a value in unit "count".
        counted: float | None = view.count
        if counted is None and view.value is not None:
            counted = view.value.value
        checks = (
            self.company is None or names_match(self.company, view.company),
            self.value is None or self.value.matches(view.value),
            self.count is None or (counted is not None and close(self.count, counted)),
            self.of is None or view.of == self.of,
            self.label is None or self.label(view.label),
            self.stat is None or view.stat == self.stat,
            self.metric is None or view.metric == self.metric,
            self.period is None or self.period(view.period),
            self.evidence is None or self.evidence(view.evidence.quote),
        )
        return all(checks)


@dataclass(frozen=True)
class DocumentFact:
    """A fact about the article itself: a ``Document`` or ``Extraction`` attribute passes a test."""

    attribute: str
    test: Callable[[Any], bool]

    def value(self, document: Document, extraction: Extraction) -> object:
        owner = document if hasattr(document, self.attribute) else extraction
        return getattr(owner, self.attribute)

    def holds(self, document: Document, extraction: Extraction) -> bool:
        return self.test(self.value(document, extraction))


@dataclass(frozen=True)
class AnyOf:
    """Alternative ways of recording one fact; any one of them is enough."""

    options: tuple[DealFact | MetricFact | ViewFact, ...]

    def holds(self, document: Document, extraction: Extraction) -> bool:
        return any(option.holds(document, extraction) for option in self.options)

    def candidates(self, extraction: Extraction) -> list[Deal | Metric | AnalystView]:
        seen: list[Deal | Metric | AnalystView] = []
        for option in self.options:
            seen.extend(c for c in option.candidates(extraction) if c not in seen)
        return seen


Fact = DealFact | MetricFact | ViewFact | DocumentFact | AnyOf


# --- the facts ----------------------------------------------------------------------------

# "Q2 FY2026", "Q2 FY26", "Q2FY2026"
Q2_FY2026 = Matches(r"\bQ2\s*FY\s*(?:20)?26\b")

FACTS_000: dict[str, Fact] = {
    "published": DocumentFact("published", "2026-01-04T12:24:06".__eq__),
    "source": DocumentFact("source", lambda source: (source or "").lower() == "boerse-global.de"),
    "isin": DocumentFact("isins", lambda isins: "US01609W1027" in isins),
    "primary_company": DocumentFact("primary_company", lambda name: names_match("Alibaba", name)),
    "convertible_bond": DealFact(
        "convertible_bond",
        buyer="Alibaba",
        counterparty="Meitu",
        amount=Amount(250e6, "USD"),
        date="2026-01-03",
        terms={"conversion_price": Amount(6, "HKD")},
    ),
    "cloud_services_contract": DealFact(
        "commercial_agreement",
        buyer="Meitu",
        counterparty="Alibaba",
        amount=Amount(560e6, "CNY", bound="min"),
        three_year_term=True,
    ),
    "partnership": DealFact("partnership", buyer="Alibaba", counterparty="Meitu", no_amount=True),
    "cloud_revenue": MetricFact(
        ("revenue",), segment=Matches("cloud"), value=Amount(5.59e9, "USD"), change_pct=34
    ),
    "cloud_ebitda": MetricFact(
        ("ebitda",), segment=Matches("cloud"), value=Amount(506e6, "USD"), change_pct=35
    ),
    "commerce_revenue": MetricFact(
        ("revenue",),
        segment=Matches("commerce"),
        value=Amount(247.8e9, "CNY"),
        change_pct=5,
        period=Q2_FY2026,
    ),
    "adjusted_earnings": MetricFact(("adjusted_earnings",), change_pct=-71),
    "operating_income": MetricFact(
        ("operating_income",), value=Amount(5.4e9, "CNY"), previous=Amount(35.2e9, "CNY")
    ),
    "free_cash_flow": MetricFact(("free_cash_flow",), value=Amount(-21.8e9, "CNY")),
    "capex": MetricFact(("capex",), change_pct=80),
    "rating_count": ViewFact("rating_count", count=16, of=17, label=Matches("buy")),
    "average_target": ViewFact("price_target", value=Amount(205, "USD"), stat="average"),
    "upside": ViewFact("upside", value=Amount(40, "%")),
    "share_price": ViewFact("share_price", value=Amount(152, "USD")),
    "performance_2025": ViewFact(
        "price_performance", value=Amount(72, "%", bound="min"), period=Matches("2025")
    ),
    "from_october_high": ViewFact("price_performance", value=Amount(-20, "%")),
    "october_high": ViewFact("share_price", value=Amount(192, "USD"), label=Matches("october")),
    "forward_pe": ViewFact("valuation_multiple", value=Amount(20, "x"), metric="forward_pe"),
    "amazon_pe": ViewFact(
        "valuation_multiple", company="Amazon", value=Amount(32, "x"), metric="pe"
    ),
    "sp500_pe": ViewFact(
        "valuation_multiple", company="S&P 500", value=Amount(23, "x"), metric="pe"
    ),
    "eps_forecast": ViewFact("eps_forecast", value=Amount(8.57, "USD"), period=Matches("2027")),
    "eps_growth": AnyOf(
        (
            ViewFact("eps_forecast", value=Amount(50, "%")),
            ViewFact("eps_forecast", value=Amount(8.57, "USD"), evidence=Matches(r"\b50\s*%")),
        )
    ),
}

FACTS_001: dict[str, Fact] = {
    "published": DocumentFact("published", "2026-01-01T06:13:04".__eq__),
    "isin": FACTS_000["isin"],
    "primary_company": FACTS_000["primary_company"],
    "ipo_anchor": DealFact(
        "ipo",
        buyer="Alibaba",
        counterparty="MiniMax",
        no_amount=True,
        valuation=Amount(low=3.83e9, high=4.19e9, unit="HKD"),
        date="2026-01-09",
    ),
    "capex_plan": DealFact("capex_plan", buyer="Alibaba", amount=Amount(53e9, "USD")),
    "minimax_revenue": MetricFact(
        ("revenue",), company="MiniMax", value=Amount(30.5e6, "USD"), period=Matches("2024")
    ),
    "cloud_revenue_growth": MetricFact(
        ("revenue",), segment=Matches("cloud"), change_pct=34, period=Q2_FY2026
    ),
    "ai_products_growth": AnyOf(
        (
            MetricFact(("revenue", "other"), segment=Matches(r"\bAI\b"), change_pct=100),
            MetricFact(
                ("revenue", "other"),
                segment=Matches(r"\bAI\b"),
                value=Amount(100, "%", bound="min"),
            ),
        )
    ),
    "commerce_ebitda_margin": MetricFact(
        ("ebitda_margin",), segment=Matches("commerce"), value=Amount(44, "%")
    ),
    "ai_cloud_market_share": MetricFact(("market_share",), value=Amount(36, "%")),
    "net_cash": MetricFact(("net_cash",), value=Amount(50e9, "USD", bound="min")),
    "performance_2025": ViewFact(
        "price_performance", value=Amount(77, "%"), period=Matches("2025")
    ),
    "pe_range": ViewFact(
        "valuation_multiple", value=Amount(low=16, high=20, unit="x"), metric="pe"
    ),
    # One view whose label names both ends, or one view per label: either passes both.
    "consensus": ViewFact("consensus_rating", label=Matches("moderate buy")),
    "consensus_upper": ViewFact("consensus_rating", label=Matches("strong buy")),
    "target_range": ViewFact("price_target", value=Amount(low=190, high=205, unit="USD")),
    "upside_range": ViewFact("upside", value=Amount(low=30, high=40, unit="%")),
}


# --- running the engine -------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _extract(path: Path) -> tuple[Document, Extraction]:
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    document = read_document(path)
    return document, extract_document(document)


def _explain(fact: Fact, document: Document, extraction: Extraction) -> str:
    """What was expected and what the engine found of that kind (or of that category)."""
    if isinstance(fact, DocumentFact):
        return f"{fact.attribute}: got {fact.value(document, extraction)!r}"
    candidates: Sequence[object] = fact.candidates(extraction)
    lines = [f"expected {fact}", f"{len(candidates)} extracted item(s) of that kind:"]
    if not candidates:
        first = fact.options[0] if isinstance(fact, AnyOf) else fact
        candidates = getattr(extraction, first.category)
        lines[-1] = f"no extracted item of that kind; the {len(candidates)} of its category:"
    lines += [f"  {c}" for c in candidates]
    return "\n".join(lines)


def _check(path: Path, fact: Fact) -> None:
    document, extraction = _extract(path)
    if not fact.holds(document, extraction):
        pytest.fail(_explain(fact, document, extraction), pytrace=False)


def _cases(prefix: str, facts: dict[str, Fact], file_name: str) -> list[object]:
    return [pytest.param(file_name, fact, id=f"{prefix}-{name}") for name, fact in facts.items()]


@pytest.mark.parametrize(
    ("file_name", "fact"),
    _cases("seed-000", FACTS_000, SEED_000) + _cases("seed-001", FACTS_001, SEED_001),
)
def test_seed_fact(shared_dir: Path, file_name: str, fact: Fact) -> None:
    _check(shared_dir / "seeds" / file_name, fact)


# The rewrites keep the seeds' metadata lines and state every fact, so all of them apply.
@pytest.mark.parametrize(
    ("file_name", "fact"),
    _cases("ours-000", FACTS_000, REWRITE_000) + _cases("ours-001", FACTS_001, REWRITE_001),
)
def test_seed_fact_on_our_rewrite(file_name: str, fact: Fact) -> None:
    _check(SAMPLES / file_name, fact)

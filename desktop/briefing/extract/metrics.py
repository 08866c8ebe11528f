"""Segment metrics: revenue, profit measures, margins, cash flow, market share... per company,
segment and period, with the stated change and the comparison base.

Per sentence: find the metric wordings (``metrics_text``), cut the sentence into clauses,
give each wording the figures of its clause region and sort them by role
(``metrics_roles``), then name the company, segment and period (``metrics_items``).
Analysts' forecasts and share-price moves are views, not metrics: left to the views
extractor.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.domain.model import Metric
from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.metrics_companions import (
    is_counterfactual,
    margin_term,
    per_share_companions,
)
from briefing.extract.metrics_items import (
    ArticleState,
    Key,
    is_analyst_sentence,
    is_headline_furniture,
    items_of_term,
    owned_figures,
)
from briefing.extract.metrics_roles import (
    Figure,
    figures_of,
    join_ranges,
    read_region,
    respectively_changes,
)
from briefing.extract.metrics_text import Term, change_sign, clause_spans, find_terms, fold
from briefing.extract.vocab.metric_terms import (
    DEAL_CONTEXT,
    GUIDANCE_CUES,
    RESTATEMENT_CUES,
    SHARE_MOVES,
)

_I = re.IGNORECASE
_GUIDANCE: Final = re.compile(GUIDANCE_CUES)
_DEAL_CONTEXT: Final = re.compile(DEAL_CONTEXT)
_PRICE_TARGET: Final = re.compile(r"price target|target price")
_RESTATEMENT: Final = re.compile(
    RESTATEMENT_CUES + r"|compared (?:to|with) [^,;]{0,40}? in the \w+ quarter|\bnon-gaap\b"
)
_YEAR_ON_YEAR: Final = re.compile(
    r"same (?:quarter|period) (?:last|a|of the previous|of the prior) year"
    r"|year-ago (?:quarter|period)"
)
_OTHER_BASIS: Final = re.compile(
    r"constant[- ]currency|dollar terms|local[- ]currency|sequential|quarter-on-quarter|q-o-q"
    r"|like[- ]for[- ]like|organic|comparable basis"
)
# "revenue growth of 3% to 5%", "revenue to grow between 8% and 10%": a guided rate.
_GROWTH_AFTER: Final = re.compile(
    r"^\s*(?:growth\b|(?:is |are )?(?:expected |likely )?to (?:grow|rise|increase|climb|expand)\b)",
    _I,
)
# A bare "growth" owns only the rate it names: "growth of 25%", "25% year-on-year growth".
_RATE_BEFORE_GROWTH: Final = re.compile(
    r"^\s*(?:percentage\s+)?(?:(?:year-on-year|year-over-year|annual|sales|revenue)\s+)?$", _I
)
_RATE_AFTER_GROWTH: Final = re.compile(r"^\s*(?:of|at|was|came in at|reached)\s+$", _I)
_ANALYST_ESTIMATE: Final = re.compile(
    r"\b(?:revenue|sales|profit|earnings|eps) (?:forecasts?|estimates?)\b"
    # "the FactSet consensus for fiscal 2026 EPS stands at $4.24"
    r"|\bconsensus (?:for|of) (?:[\w-]+ ){0,3}(?:eps|revenue|sales|earnings|profit)\b"
)
# An earnings preview: "X is expected to post quarterly earnings of $0.74 per share in its
# upcoming report" states the consensus, not the company's guidance; so does a passive
# expectation right after one ("Revenues are expected to be $412.5 million").
_CONSENSUS_PREVIEW: Final = re.compile(
    r"\b(?:is|are) expected to (?:post|report|deliver|announce)\b"
    r"|\b(?:its|the) upcoming (?:earnings )?(?:report|release|results)\b"
)
_PASSIVE_EXPECTATION: Final = re.compile(r"\b(?:is|are) expected to\b")
_OWN: Final = re.compile(r"\b(?:its|their|the company's|the company’s|own)\b")
_SHARE_MOVE: Final = re.compile(SHARE_MOVES)
_TOLERANCE: Final = 0.01
# A later figure on another accounting basis ("Excluding items, it earned $1.74 a share",
# "Basic EPS was 19.8p") restates a figure already stated for the period.
_OTHER_ACCOUNTING_BASIS: Final = re.compile(
    r"\b(?:excluding (?:items|one-?(?:time|offs?)|special items|exceptional items|certain items)"
    r"|non-gaap|gaap|ifrs|basic|statutory|as reported|reported basis|underlying|adjusted)\b"
)
# Sentences without an amount, rate or count state no metric: skipped before any matching.
_FIGURE_KINDS: Final = frozenset({"money", "percent", "points", "count", "number"})


def _is_analyst_estimate(low: str) -> bool:
    """ "raised its revenue forecast by 4%" (an analyst's) unless the company's own ("its")."""
    for match in _ANALYST_ESTIMATE.finditer(low):
        if not _OWN.search(low, max(0, match.start() - 25), match.start()):
            return True
    return False


def _is_consensus_preview(low: str, state: ArticleState) -> bool:
    """The street's expectation for results still to come (see ``_CONSENSUS_PREVIEW``)."""
    before, state.consensus_before = state.consensus_before, False
    if "expected" not in low and "upcoming" not in low:
        return False
    state.consensus_before = _CONSENSUS_PREVIEW.search(low) is not None
    return state.consensus_before or (before and _PASSIVE_EXPECTATION.search(low) is not None)


def _is_guidance(text: str, term: Term, figures: list[Figure], clause_start: int) -> bool:
    """The company states the figure as an expectation ("expects revenue of", "target")."""
    after = [f.start for f in figures if f.start >= term.end and f.kind != "year"]
    stop = after[0] if after else min(len(text), term.end + 40)
    # The guiding verb may lead a list ("forecast deliveries of 135,000 and revenue of").
    window = fold(text[max(clause_start, term.start - 90) : stop])
    return _GUIDANCE.search(window) is not None and not _PRICE_TARGET.search(window)


def _rate_of_growth(text: str, term: Term, figures: list[Figure]) -> list[Figure]:
    return [
        f
        for f in figures
        if (f.end <= term.start and _RATE_BEFORE_GROWTH.match(text[f.end : term.start]))
        or (f.start >= term.end and _RATE_AFTER_GROWTH.match(text[term.end : f.start]))
    ]


def _carried_term(sentence: Sentence, state: ArticleState, start: int, end: int) -> Term | None:
    """A clause naming a segment with an amount and a change, right after segment revenues
    ("The SSG was responsible for a 13.8 percent rise to $2.3 billion"), reports revenue."""
    if not state.segment_revenue_before:
        return None
    kinds = {q.kind for q in sentence.quantities if start <= q.start - sentence.start < end}
    if not {"money", "percent"} <= kinds:
        return None
    for mention in sentence.segments:
        rel = mention.start - sentence.start
        if start <= rel < end and not mention.is_reference:
            return Term(rel, mention.end - sentence.start, "revenue", "revenue", "carry", 0.6)
    return None


def _states_nothing(low: str, state: ArticleState) -> bool:
    """A sentence without metric wordings states nothing unless it carries the segment
    revenue of the sentence before; when it cannot change the consensus flag either, the
    furniture and analyst tests (which would only reject it) are skipped."""
    return not (
        state.segment_revenue_before
        or state.consensus_before
        or "expected" in low
        or "upcoming" in low
    )


def metrics_of_sentence(sentence: Sentence, state: ArticleState) -> list[Metric]:
    """The metrics one sentence states (none for page furniture and analysts' forecasts)."""
    text = sentence.text
    if not any(q.kind in _FIGURE_KINDS for q in sentence.quantities):
        state.remember(sentence)
        return []
    low = fold(text)
    terms = find_terms(text, low)
    if (not terms and _states_nothing(low, state)) or (
        is_headline_furniture(text)
        or is_analyst_sentence(sentence, low)
        or _is_analyst_estimate(low)
        or _is_consensus_preview(low, state)
    ):
        state.remember(sentence)
        return []
    if any(_is_valuing(t) for t in terms) and _DEAL_CONTEXT.search(low):
        terms = [t for t in terms if not _is_valuing(t)]
    figures = join_ranges(text, figures_of(sentence.quantities, sentence.start))
    if "shar" in low or "stock" in low:
        figures = _without_share_moves(low, terms, figures)
    currency = state.context.currency
    guidance = False
    items: list[Metric] = []
    for start, end in clause_spans(text, low):
        if is_counterfactual(low, start, end):
            continue
        clause_terms = [t for t in terms if start <= t.start < end]
        if not clause_terms:
            carried = _carried_term(sentence, state, start, end) or margin_term(
                low, start, end, items
            )
            if carried is None:
                continue
            clause_terms = [carried]
        owned = owned_figures(clause_terms, figures, text, start, end)
        listed = respectively_changes(text[:end], owned[-1], len(clause_terms))
        if listed:
            owned[-1] = [f for f in owned[-1] if f not in listed]
        for index, term in enumerate(clause_terms):
            if term.kind == "growth":
                owned[index] = _rate_of_growth(text, term, owned[index])
            floor = clause_terms[index - 1].end if index else start
            guidance = guidance or _is_guidance(text, term, owned[index], start)
            growth_rate = guidance and _GROWTH_AFTER.match(text[term.end :]) is not None
            reading = read_region(
                text, owned[index], term.name, floor, currency, growth_rate, term.end
            )
            if listed:
                figure = listed[index]
                floor_at = listed[index - 1].end if index else figure.start
                sign = change_sign(text, figure.start, figure.end, floor_at)
                number = figure.quantity.value
                change = None if figure.kind == "points" or number is None else sign * abs(number)
                reading.changes = [(figure, change)]
            lead = start
            if index:
                lead = max([clause_terms[index - 1].end, *(f.end for f in owned[index - 1])])
            found = items_of_term(sentence, state, (start, end), term, reading, guidance, lead)
            items.extend(found)
            items.extend(
                per_share_companions(
                    state.context.body, sentence.start, text, figures, reading, found
                )
            )
    state.remember(sentence)
    state.segment_revenue_before = any(m.name == "revenue" and m.segment for m in items)
    if items:
        state.last_item_segment = items[-1].segment
    keys: list[Key] = [_key(m) for m in items]
    if _RESTATEMENT.search(low):
        # Another basis (sequential, constant currency, other currency) of a figure stated
        # before is not a new figure.
        # A change stated only now ("revenue for the quarter was up 6.8% compared to the same
        # quarter last year") completes the figure stated before: kept for the merge.
        items = [
            m
            for m, k in zip(items, keys, strict=True)
            if k not in state.seen
            or (m.value is None and m.change_pct is not None and _is_year_on_year(low))
        ]
    state.seen.update(keys)
    return items


def _without_share_moves(low: str, terms: list[Term], figures: list[Figure]) -> list[Figure]:
    """Drop the figures of a share-price move ("sending its shares up 14% to HK$63.20"), up
    to the next metric wording."""
    for move in _SHARE_MOVE.finditer(low):
        until = min((t.start for t in terms if t.start >= move.end()), default=len(low))
        figures = [f for f in figures if not move.end() <= f.start < until]
    return figures


def _is_valuing(term: Term) -> bool:
    """ "valuing the company at": a market value, unless a deal's valuation."""
    return term.name == "market_cap" and term.raw[:4].lower() == "valu"


def _is_year_on_year(low: str) -> bool:
    """The restatement compares with the same period a year before (not sequential, not
    another currency basis), so its change is the figure's own reported change."""
    return _YEAR_ON_YEAR.search(low) is not None and _OTHER_BASIS.search(low) is None


def _key(metric: Metric) -> Key:
    return (metric.company, metric.segment, metric.name)


def _agree(a: float | None, b: float | None) -> bool | None:
    if a is None or b is None:
        return None
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b), 1e-9)


def _richness(metric: Metric) -> int:
    return sum(x is not None for x in (metric.value, metric.change_pct, metric.previous))


def _same_fact(a: Metric, b: Metric) -> bool:
    """A headline and a body sentence stating one figure ("up over 384%" and "384.23%")."""
    if _key(a) != _key(b):
        return False
    value = _agree(a.value.value if a.value else None, b.value.value if b.value else None)
    change = _agree(a.change_pct, b.change_pct)
    if value is False or change is False:
        return False
    return bool(value or change)


def _completes(earlier: Metric, later: Metric) -> bool:
    """A later change-only statement of a figure whose value came without its change."""
    return (
        _key(earlier) == _key(later)
        and earlier.value is not None
        and earlier.change_pct is None
        and later.value is None
        and later.change_pct is not None
        and (earlier.period is None or later.period is None or earlier.period == later.period)
    )


def _restates_basis(earlier: Metric, later: Metric) -> bool:
    """The later item states the earlier one's figure for the same period on another
    accounting basis (its wording says which)."""
    return (
        _key(earlier) == _key(later)
        and earlier.period == later.period
        and earlier.value is not None
        and later.value is not None
        and _OTHER_ACCOUNTING_BASIS.search(fold(later.evidence.quote)) is not None
    )


def merge_restatements(metrics: list[Metric]) -> list[Metric]:
    """One item per stated fact: the fullest statement of a restated figure is kept, and a
    change stated apart from its value joins that value's item."""
    kept: list[Metric] = []
    kept_keys: list[Key] = []  # the key of each kept item: only items of one key can merge
    for metric in metrics:
        key = _key(metric)
        same_key = [k for k, k_key in zip(kept, kept_keys, strict=True) if k_key == key]
        if not same_key:
            kept.append(metric)
            kept_keys.append(key)
            continue
        if any(_restates_basis(k, metric) for k in same_key):
            continue
        completed = next((k for k in same_key if _completes(k, metric)), None)
        if completed is not None:
            kept[kept.index(completed)] = dataclasses.replace(
                completed, change_pct=metric.change_pct
            )
            continue
        twin = next((k for k in same_key if _same_fact(k, metric)), None)
        if twin is None:
            kept.append(metric)
            kept_keys.append(key)
        elif _richness(metric) > _richness(twin):
            kept[kept.index(twin)] = dataclasses.replace(
                metric, confidence=max(metric.confidence, twin.confidence)
            )
    return kept


def extract_metrics(context: ArticleContext) -> list[Metric]:
    """Every metric the article states, each with the clause that states it as evidence.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = "Acme Corp reported results. Acme's revenue rose 12% to $4.2 billion."
    >>> doc = Document(id="t", path="t", format="text", body=text)
    >>> [(m.name, m.value.value, m.change_pct) for m in extract_metrics(build_context(doc))]
    [('revenue', 4200000000.0, 12.0)]
    """
    state = ArticleState(context)
    metrics: list[Metric] = []
    for sentence in context.sentences:
        metrics.extend(metrics_of_sentence(sentence, state))
    return merge_restatements(metrics)

"""Metric items of one sentence: wordings get the figures of their clause, then a company,
segment and period; and the article-level clean-up of restated figures.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Final

from briefing.domain.model import Evidence, Metric, Quantity
from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.metrics_roles import (
    Figure,
    Reading,
)
from briefing.extract.metrics_text import (
    Term,
    fold,
    in_parentheses,
    reporting_basis,
)
from briefing.extract.vocab.metric_terms import (
    AMOUNT_OF_DEAL,
    ANALYST_SUBJECTS,
    FORECAST_VERBS,
    FURNITURE_PREFIXES,
    GUIDANCE_NAMES,
    WHOLE_COMPANY_BEFORE,
)

_I = re.IGNORECASE
_FURNITURE: Final = re.compile(FURNITURE_PREFIXES)
_AMOUNT_OF_DEAL: Final = re.compile(AMOUNT_OF_DEAL, _I)
_ANALYST: Final = re.compile(
    # "analysts' estimates compiled by LSEG" names a reference, not what analysts expect.
    ANALYST_SUBJECTS
    + r"(?!['’])[^.;]{0,40}?"
    + FORECAST_VERBS
    + r"(?! (?:of|compiled|polled|from)\b)|\bit is (?:also )?estimated\b"
    r"|\bestimated that\b",
)
_MODAL_FORECAST: Final = re.compile(FORECAST_VERBS + r"(?! of\b)|\blikely to\b|\bwould\b")
_WORD: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ADJACENT_BEFORE: Final = re.compile(
    r"^\s*(?:(?:in|of)\s+)?$|^\s*(?:[\w-]+\s+){0,2}?(?:rise|increase|jump|drop|decline|fall|"
    r"growth|gain|surge|dip|decrease)\s+in\s+(?:[\w()'’-]+\s+){0,4}$",
    _I,
)
_BREAKDOWN_NAME: Final = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})\s*\($")
_LEADING_JOINER: Final = re.compile(r"[\s,;:–—-]*(?:(?:and|but|while|as|with)\b[\s,]*)?", _I)
_ITS: Final = re.compile(r"(?:^|[.;]\s*)its\s+$", _I)
# "growth in AI-related product sales": the words naming what was sold.
_MODIFIER: Final = re.compile(
    r"\b(?:in|of|from)\s+((?:[A-Za-z][A-Za-z-]*\s+){0,2}[A-Za-z][A-Za-z-]*)\s+$"
)
# "Sales of AI-related products grew ...": what was sold, named after the wording.
_OBJECT: Final = re.compile(
    r"\s+of\s+((?:[A-Za-z][A-Za-z-]*\s+){0,2}[A-Za-z][A-Za-z-]*)(?=\s+(?:have|has|had|grew|rose|"
    r"fell|were|was|increased|decreased|jumped|climbed|dropped|declined|expanded)\b)"
)
_WHOLE_COMPANY: Final = re.compile(WHOLE_COMPANY_BEFORE, _I)
# "segment revenue", "the division's sales": the segment named last.
_SEGMENT_WORD: Final = re.compile(r"\b(?:segment|division|unit|business)(?:'s|’s)?\s+$", _I)
_GENERIC_MODIFIERS: Final = frozenset(
    {
        "the",
        "its",
        "their",
        "total",
        "overall",
        "consolidated",
        "group",
        "net",
        "quarterly",
        "annual",
        "company",
        "the company's",
        "its total",
        "the group's",
    }
)
_NOT_A_SEGMENT: Final = frozenset({"the", "both", "and"})
_BASES: Final = frozenset({None, "standalone", "consolidated"})
# Figures whose wording is too common to trust without a stated change ("Orders totalled").
_NEED_CHANGE: Final = frozenset({"orders"})
_POSITIVE_BASE: Final = re.compile(r"\b(?:profits?|income|earnings|surplus)\b", _I)
# "swung to a profit of X, reversing a loss of Y": the base of a profit was a loss.
_LOSS_BASE: Final = re.compile(r"\bloss(?:es)? of\s*$", _I)
# A figure before the first wording belongs to it only within one phrase ("$5bn in sales").
# "climbing 12% after the carrier posted a profit", "$3.1bn in liquidity and total debt":
# a new clause or a new noun phrase.
_PHRASE_BREAK: Final = re.compile(
    r",\s|;|\s[–—]\s|\s(?:after|as|following|when|because|since|and)\s"
)
Key = tuple[str | None, str | None, str]


class ArticleState:
    """What earlier sentences said: the last named segment and period, figures seen.

    Finding a sentence's segments and periods costs more than reading most sentences, and
    few sentences need the last ones named before them: sentences are only noted as they
    pass, and the last segment or period is looked up backwards when asked for.
    """

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self.seen: set[Key] = set()
        self.segment_revenue_before = False
        self.last_item_segment: str | None = None
        self.consensus_before = False  # the sentence before reported what the street expects
        self._passed: list[Sentence] = []
        self._segment: str | None = None  # the last segment named up to ``_segment_upto``
        self._segment_upto = 0
        self._period: str | None = None  # the last period named up to ``_period_upto``
        self._period_upto = 0

    def remember(self, sentence: Sentence) -> None:
        """Note a sentence read: its segments and periods are looked at when asked for."""
        self._passed.append(sentence)

    @property
    def last_segment(self) -> str | None:
        """The last segment named (not referred to) in the sentences passed."""
        passed = self._passed
        for index in range(len(passed) - 1, self._segment_upto - 1, -1):
            names = [m.name for m in passed[index].segments if not m.is_reference]
            if names:
                self._segment = names[-1]
                break
        self._segment_upto = len(passed)
        return self._segment

    @property
    def last_period(self) -> str | None:
        """The label of the last period named in the sentences passed."""
        passed = self._passed
        for index in range(len(passed) - 1, self._period_upto - 1, -1):
            periods = passed[index].periods
            if periods:
                self._period = periods[-1].label
                break
        self._period_upto = len(passed)
        return self._period


def is_headline_furniture(text: str) -> bool:
    """Title-case lines (related-article headlines) and "Also read:" links."""
    if _FURNITURE.search(fold(text[:40])):
        return True
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    if len(words) < 5:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


def is_analyst_sentence(sentence: Sentence, low: str | None = None) -> bool:
    """Analysts' forecasts; ``low`` is the folded text when the caller has it."""
    if low is None:
        low = fold(sentence.text)
    if _ANALYST.search(low):
        return True
    has_broker = any(m.is_broker for m in sentence.companies)
    return has_broker and _MODAL_FORECAST.search(low) is not None


def owned_figures(
    terms: list[Term], figures: list[Figure], text: str, start: int, end: int
) -> list[list[Figure]]:
    """Which figures each wording of a clause owns (figures between wordings go left)."""
    owned: list[list[Figure]] = [[] for _ in terms]
    for figure in figures:
        if not (start <= figure.start and figure.end <= end):
            continue
        index = next((i for i, t in enumerate(terms) if t.start > figure.start), len(terms))
        if index < len(terms) and (
            index == 0 or _ADJACENT_BEFORE.match(text[figure.end : terms[index].start])
        ):
            owned[index].append(figure)
        elif index > 0:
            owned[index - 1].append(figure)
    first_before = [
        f
        for f in owned[0]
        if terms
        and f.end <= terms[0].start
        and (f.start < start or not _PHRASE_BREAK.search(text, f.end, terms[0].start))
        and not _AMOUNT_OF_DEAL.match(text[f.end : terms[0].start])
    ]
    owned[0] = [f for f in owned[0] if f in first_before or f.start >= terms[0].start]
    if first_before:
        # Only the nearest amount and change before the first wording are its own.
        keep: list[Figure] = []
        groups: set[str] = set()
        for figure in reversed(first_before):
            group = "change" if figure.kind in ("percent", "points") else "amount"
            if group in groups:
                break
            groups.add(group)
            keep.append(figure)
        owned[0] = [f for f in owned[0] if f not in first_before or f in keep]
    return owned


def _company(sentence: Sentence, state: ArticleState, clause_start: int, term: Term) -> str | None:
    """The subject company: the first company named in the clause before the wording, else
    the primary one."""
    base = sentence.start
    segment_spans = [(s.start, s.end) for s in sentence.segments]
    name = state.context.primary_company
    for mention in sentence.companies:
        rel_start = mention.start - base
        if not (clause_start <= rel_start < term.start) or mention.is_broker:
            continue
        if any(
            s <= mention.start < e or mention.start <= s < mention.end for s, e in segment_spans
        ):
            continue
        return mention.name  # the clause's subject comes first ("X, a unit of Y, reported")
    return name


def _segment(
    sentence: Sentence, state: ArticleState, clause: tuple[int, int], term: Term
) -> str | None:
    """The division the figure is for: named in its clause, else earlier in the sentence,
    else the wording's own modifier ("AI-related product sales"); "its" after a segment's
    figures refers to that segment; None for the whole company."""
    if term.segment:
        return term.segment
    base = sentence.start
    chosen: str | None = None
    earlier: str | None = None
    for mention in sentence.segments:
        rel = mention.start - base
        name = state.last_segment if mention.is_reference else mention.name
        if rel < clause[0]:
            earlier = name
            continue
        if rel >= clause[1]:
            continue
        if rel < term.start or chosen is None:
            chosen = name
    before = sentence.text[max(0, term.start - 40) : term.start]
    if chosen:
        return chosen
    if earlier and not _WHOLE_COMPANY.search(before):
        return earlier
    if _ITS.search(before) and state.last_item_segment:
        return state.last_item_segment
    if _SEGMENT_WORD.search(before) and state.last_segment:
        return state.last_segment
    modifier = _MODIFIER.search(before) or _OBJECT.match(sentence.text, term.end)
    if modifier and term.kind == "term" and modifier.group(1).lower() not in _GENERIC_MODIFIERS:
        return modifier.group(1)
    return reporting_basis(sentence.text)


def _period(sentence: Sentence, state: ArticleState, clause: tuple[int, int]) -> str | None:
    base = sentence.start
    inside = [p.label for p in sentence.periods if clause[0] <= p.start - base < clause[1]]
    if inside:
        return inside[0]
    if sentence.periods:
        return sentence.periods[0].label
    return state.last_period


def _evidence(
    body: str, sentence: Sentence, lead: int, spans: Iterable[tuple[int, int]]
) -> Evidence:
    """The clause stating the figure: from the clause start (when near) to its last figure."""
    text = sentence.text
    pairs = list(spans)
    start = min(s for s, _ in pairs)
    end = max(e for _, e in pairs)
    if 0 <= start - lead <= 80:
        start = lead
    if in_parentheses(text, end):
        close = text.find(")", end)
        end = close + 1 if close != -1 else end
    start += len(_LEADING_JOINER.match(text, start, end).group())  # type: ignore[union-attr]
    end = min(max(end, start + 1), len(text))
    return Evidence.of(body, sentence.start + start, sentence.start + end)


def _negate(quantity: Quantity) -> Quantity:
    if quantity.value is None or quantity.value < 0:
        return quantity
    return dataclasses.replace(quantity, value=-quantity.value)


def _named(term: Term, segment: str | None, guidance: bool) -> tuple[str, str]:
    name, raw = term.name, term.raw
    if term.kind == "loss" or (term.kind == "profit" and segment not in _BASES):
        # A division's bare profit or loss is its segment (operating) profit.
        name = "operating_income" if segment else "net_income"
    if guidance and name != "other":
        if name in GUIDANCE_NAMES:
            return GUIDANCE_NAMES[name], raw
        return "other", f"{raw} (guidance)"
    return name, raw


def items_of_term(
    sentence: Sentence,
    state: ArticleState,
    clause: tuple[int, int],
    term: Term,
    reading: Reading,
    guidance: bool,
    lead: int,
) -> list[Metric]:
    segment = _segment(sentence, state, clause, term)
    name, raw = _named(term, segment, guidance)
    if name == "revenue" and not reading.values and reading.units and term.kind == "term":
        name, raw = "other", f"{raw} (units)"
    company = _company(sentence, state, clause[0], term)
    if guidance and company != state.context.primary_company:
        return []  # another firm's expectation for the company is an analyst's forecast
    period = _period(sentence, state, clause)
    negative = term.kind == "loss" or "loss" in term.raw.lower()
    confidence = term.confidence - (0.1 if reading.vague else 0.0)
    items: list[Metric] = []
    changes = list(reading.changes)
    values: list[Figure | None] = [*reading.values] or [None]
    for position, value in enumerate(values):
        change_figure, change = _change_for(value, changes, position == 0)
        if value is None and change is None:
            continue
        if name in _NEED_CHANGE and change is None:
            continue
        quantity = value.quantity if value else None
        if quantity is not None and negative:
            quantity = _negate(quantity)
        previous = reading.previous.quantity if reading.previous and position == 0 else None
        if previous is not None and negative and reading.previous is not None:
            around = sentence.text[max(0, reading.previous.start - 30) : reading.previous.end + 15]
            # "narrowed to $42 million from $118 million": the base is a loss too, unless it
            # says otherwise ("compared with a profit of $45 million").
            if _POSITIVE_BASE.search(around) is None or "loss" in around.lower():
                previous = _negate(previous)
        elif previous is not None and reading.previous is not None:
            lead_in = sentence.text[max(0, reading.previous.start - 20) : reading.previous.start]
            if _LOSS_BASE.search(lead_in):
                previous = _negate(previous)
        spans = [(term.start, term.end)]
        spans += [(f.start, f.end) for f in (value, change_figure, reading.previous) if f]
        items.append(
            Metric(
                company=company,
                segment=segment,
                name=name,
                raw_name=raw,
                period=period,
                value=quantity,
                previous=previous,
                change_pct=change,
                evidence=_evidence(state.context.body, sentence, lead, spans),
                confidence=confidence if position == 0 else confidence - 0.15,
            )
        )
    for figure, change in reading.breakdown:
        match = _BREAKDOWN_NAME.search(sentence.text[: figure.start])
        part = match.group(1) if match and match.group(1).lower() not in _NOT_A_SEGMENT else None
        items.append(
            Metric(
                company=company,
                segment=part or segment,
                name=name,
                raw_name=raw,
                period=period,
                value=None,
                change_pct=change,
                evidence=_evidence(
                    state.context.body, sentence, lead, [(figure.start, figure.end)]
                ),
                confidence=0.6,
            )
        )
    return items


def _change_for(
    value: Figure | None, changes: list[tuple[Figure, float | None]], first: bool
) -> tuple[Figure | None, float | None]:
    """The change stated for a value: the nearest unused one (the first when no value)."""
    if not changes:
        return None, None
    if value is None:
        if not first:
            return None, None
        figure, change = changes.pop(0)
        return figure, change
    nearest = min(changes, key=lambda c: abs(c[0].start - value.start))
    changes.remove(nearest)
    return nearest

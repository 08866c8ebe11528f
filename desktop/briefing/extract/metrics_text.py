"""Text helpers of the metrics extractor: metric terms, clauses and the role of each figure.

Everything here works on one sentence's text with offsets relative to it; the caller
shifts them into the body. Pure functions over precompiled patterns.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Final

from briefing.extract.regex_tools import ANY, leading_letters, literal_trie, prefix_fits
from briefing.extract.vocab.hedges import HEDGE_PHRASES
from briefing.extract.vocab.metric_terms import (
    BARE_GROWTH,
    BARE_PROFIT,
    CLAUSE_BREAKS,
    FALL_WORDS,
    LOSS_VERBS,
    METRIC_TERMS,
    NON_METRIC_FOLLOWERS,
    PREVIOUS_AFTER,
    PREVIOUS_BEFORE,
    REFERENCE_BEFORE,
    REVENUE_VERBS,
    RISE_WORDS,
    TERM_PREFIXES,
    UNIT_MOVES,
)

_I = re.IGNORECASE
_TERM_GROUPS: Final = tuple(f"(?P<t{i}>{p})" for i, (p, _) in enumerate(METRIC_TERMS))
_TERM_LEADS: Final = tuple(leading_letters(p, 3) for p, _ in METRIC_TERMS)
# Per first three letters of a word, the alternation of only the wordings that can start
# with them, in their order: the first wording that matches is the same, at a tenth of the
# tests.
_TERM_BY_PREFIX: Final = {
    prefix: re.compile(
        r"\b(?:"
        + "|".join(
            g
            for g, lead in zip(_TERM_GROUPS, _TERM_LEADS, strict=True)
            if prefix_fits(prefix, lead)
        )
        + r")\b",
        _I,
    )
    for prefix in TERM_PREFIXES
    if any(prefix_fits(prefix, lead) for lead in _TERM_LEADS)
}
# Up to six first letters of each wording: "the" starts a wording only as "their ", so
# the other words starting with "the" are passed over inside ``re``.
_TERM_LEADS_LONG: Final = tuple(leading_letters(p, 6) for p, _ in METRIC_TERMS)


def _follow_up(prefix: str) -> str:
    """A lookahead for what may follow ``prefix`` in a wording ("" when anything may)."""
    rests: set[str] = set()
    for leads in _TERM_LEADS_LONG:
        for lead in leads:
            if prefix_fits(prefix, frozenset({lead})):
                rests.add(lead[3:].split(ANY, 1)[0])
    if "" in rests:
        return ""
    # Unicode case rules after the prefix, as in the wordings' own patterns.
    return "(?=(?u:" + literal_trie(sorted(rests)) + "))"


def _prefix_tree(tails: dict[str, str]) -> str:
    """The alternation of each prefix (none a prefix of another) followed by its tail
    pattern, factored by shared letters so ``re`` tests one branch per letter."""
    groups: dict[str, dict[str, str]] = {}
    for prefix, tail in tails.items():
        groups.setdefault(prefix[0], {})[prefix[1:]] = tail
    branches = [
        re.escape(char) + (rest[""] if "" in rest else _prefix_tree(rest))
        for char, rest in sorted(groups.items())
    ]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# Words that may start a wording: three ASCII letters (any case) after no letter, then what
# may follow them; the lookahead lets ``re`` skip other positions fast. A match spans the
# three letters only, which name the wordings to try.
_TERM_START: Final = re.compile(
    r"\b(?=[A-Za-z])" + _prefix_tree({p: _follow_up(p) for p in _TERM_BY_PREFIX}),
    _I | re.ASCII,
)
_JOINERS: Final = "'’-"
_LETTERS: Final = frozenset(string.ascii_letters)
# Weaker wordings, in one pattern; the lookahead skips positions no wording can start at.
_WEAK: Final = re.compile(
    rf"(?=[bfrtlp])\b(?:(?P<verb>{REVENUE_VERBS})\b|"
    rf"(?P<loss>{LOSS_VERBS})\b(?=\s+(?:an?\s+)?[^\s\d]{{1,4}}\d)|(?P<profit>{BARE_PROFIT})\b)"
)
_WEAK_KINDS: Final = {
    "verb": ("revenue", 0.75),
    "loss": ("", 0.7),
    "profit": ("net_income", 0.7),
}
_GROWTH: Final = re.compile(rf"(?=g)\b{BARE_GROWTH}\b")
_UNIT_NOUN: Final = re.compile(r"\b(?:business|division|unit|segment|arm)\b")
_UNIT_MOVES: Final = re.compile(UNIT_MOVES)
# Between a metric wording and the division it is for: "revenue in the", "sales at
# Alibaba's", "revenue of the group's" (the article and owner left of the division's name).
_TERM_OF_UNIT: Final = re.compile(
    r"[ \u00a0]+(?:in|at|from|for|of)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:[\w.&-]+['’]s?[ \u00a0]+)?"
)
_NOT_A_NAME: Final = frozenset(
    {
        "in",
        "the",
        "of",
        "for",
        "to",
        "at",
        "from",
        "with",
        "by",
        "on",
        "and",
        "its",
        "whole",
    }
    | {"received", "said", "company", "group", "overall", "core", "entire"}
)
_BREAKS: Final = re.compile(CLAUSE_BREAKS)
_MAY_BREAK: Final = re.compile(r";|while|whereas|but|with|margin")
_RISE_AFTER: Final = re.compile(rf"^\W{{0,3}}(?:{RISE_WORDS})\b")
_FALL_AFTER: Final = re.compile(rf"^\W{{0,3}}(?:{FALL_WORDS})\b")
_DIRECTION: Final = re.compile(rf"\b(?:(?P<fall>{FALL_WORDS})|(?P<rise>{RISE_WORDS}))\b")
_PREVIOUS_BEFORE: Final = re.compile(PREVIOUS_BEFORE)
_PREVIOUS_AFTER: Final = re.compile(PREVIOUS_AFTER)
_REFERENCE_BEFORE: Final = re.compile(REFERENCE_BEFORE)
_NON_METRIC_AFTER: Final = re.compile(NON_METRIC_FOLLOWERS)
_COMPARISON_LEAD: Final = re.compile(
    # "more than doubled its revenue": a hedge of the verb, not a comparison.
    r"\b(?:from|(?<!more )(?<!less )than|versus|vs\.?|compared (?:to|with))\s+(?:the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}$",
    _I,
)
# Hedge words the quantity parser folds into a figure's text ("over Rs 29,602 crore").
_HEDGE_LEAD: Final = re.compile(
    r"^(?:"
    + "|".join(re.escape(h) for h in sorted(HEDGE_PHRASES, key=len, reverse=True))
    + r")\s+",
    _I,
)
_VALUE_LEAD: Final = re.compile(r"(?<!compared )(?<!as against )\bto\s*$")
_PER_SHARE_FOLLOWER: Final = re.compile(
    r"^\s*(?:per (?:diluted |basic )?share|a (?:diluted )?share)$"
)
# "Comparable sales, which include digital sales, rose 3%": a wording inside a definition
# names what the figure covers, not a figure of its own.
_DEFINITION_LEAD: Final = re.compile(
    r"\b(?:include[sd]?|including|exclude[sd]?|excluding)\s+(?:[\w-]+\s+){0,2}$"
)
_STANDALONE: Final = re.compile(r"\bon (?:a|the) (standalone|consolidated) basis\b")


def fold(text: str) -> str:
    """Lower-cased text with the same offsets: patterns then run without IGNORECASE, which
    is several times faster in ``re``.

    >>> fold("Net Profit"), len(fold("İx")) == 2
    ('net profit', True)
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True, slots=True)
class Term:
    """A wording of a figure in a sentence: ``name`` is the metric name ("" for a loss verb)."""

    start: int
    end: int
    name: str
    raw: str
    kind: str  # "term" | "verb" | "loss" | "profit" | "growth" | "unit"
    confidence: float
    segment: str | None = None  # the division the wording itself names ("unit" kind)


def _depth_at(text: str, position: int) -> int:
    return max(0, text.count("(", 0, position) - text.count(")", 0, position))


def in_parentheses(text: str, start: int) -> bool:
    return _depth_at(text, start) > 0


def find_terms(text: str, low: str | None = None) -> list[Term]:
    """Metric wordings in ``text``, left to right, outside parentheses.

    >>> [(t.name, t.raw) for t in find_terms("EBITDA margins rose while net profit fell.")]
    [('ebitda_margin', 'EBITDA margins'), ('net_income', 'net profit')]
    >>> [(t.name, t.kind) for t in find_terms("The unit brought in $3 billion.")]
    [('revenue', 'verb')]
    """
    terms: list[Term] = []
    for start in _TERM_START.finditer(text):
        position = start.start()
        if (terms and position < terms[-1].end) or not _starts_word(text, position):
            continue
        match = _TERM_BY_PREFIX[start.group().lower()].match(text, position)
        if match is None:
            continue
        group = match.lastgroup or "t0"
        name = METRIC_TERMS[int(group[1:])][1]
        terms.append(Term(match.start(), match.end(), name, match.group(), "term", 0.85))
    taken = [(t.start, t.end) for t in terms]
    if low is None:
        low = fold(text)
    for match in _WEAK.finditer(low):
        if any(s <= match.start() < e for s, e in taken):
            continue
        kind = match.lastgroup or "verb"
        name, confidence = _WEAK_KINDS[kind]
        raw = text[match.start() : match.end()]
        terms.append(Term(match.start(), match.end(), name, raw, kind, confidence))
    if _UNIT_NOUN.search(low):
        terms.extend(_unit_moves(text, low, terms))
    if not terms:
        terms = [
            Term(m.start(), m.end(), "revenue", text[m.start() : m.end()], "growth", 0.55)
            for m in _GROWTH.finditer(low)
        ]
    kept = [
        t
        for t in terms
        if not in_parentheses(text, t.start)
        and not _is_comparison(text, t)
        and not (t.start and _DEFINITION_LEAD.search(low, max(0, t.start - 40), t.start))
    ]
    return sorted(kept, key=lambda t: t.start)


def _starts_word(text: str, position: int) -> bool:
    """Whether a word starts at ``position``: a letter run may go on over apostrophes and
    hyphens ("non-GAAP", "company's"), so "GAAP" starts no word there, but "-GAAP" does."""
    before = position - 1
    while before >= 0 and text[before] in _JOINERS:
        before -= 1
    return before < 0 or before == position - 1 or text[before] not in _LETTERS


def _unit_moves(text: str, low: str, terms: list[Term]) -> list[Term]:
    """ "The express delivery business grew 8% to 21.4 billion yuan": a division that moves
    with no figure named reports its revenue."""
    found: list[Term] = []
    for match in _UNIT_MOVES.finditer(low):
        start, end = match.span("unit")
        if any(t.start < match.end() and start < t.end for t in terms):
            continue
        if any(_TERM_OF_UNIT.fullmatch(low, t.end, match.start()) for t in terms):
            continue  # "Revenue in the Data Center segment jumped": the wording names the figure
        segment = text[match.start("segment") : match.end("segment")].strip()
        if _NOT_A_NAME.intersection(segment.lower().split()):
            continue  # "orders received in the segment rose": the words are no division name
        found.append(Term(start, end, "revenue", text[start:end], "unit", 0.6, segment))
    return found


def _is_comparison(text: str, term: Term) -> bool:
    """A figure named only as the base of a comparison ("from Q4 revenue of $9 billion")."""
    window = fold(text[max(0, term.start - 40) : term.start])
    return _COMPARISON_LEAD.search(window) is not None


def clause_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence, split at "while", "but", "; " and "with" clauses.

    >>> s = "Sales rose 5% to $2 billion, while operating profit fell 3%."
    >>> [s[a:b] for a, b in clause_spans(s)]
    ['Sales rose 5% to $2 billion', 'operating profit fell 3%.']
    """
    if low is None:
        low = fold(text)
    if not _MAY_BREAK.search(low):
        return [(0, len(text))] if text else []
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _BREAKS.finditer(low):
        if in_parentheses(text, match.start()):
            continue
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if b > a]


def lead_text(text: str, start: int, quantity_text: str) -> str:
    """The words before a figure, with its own hedge ("over", "nearly") appended."""
    hedge = _HEDGE_LEAD.match(quantity_text)
    before = text[:start]
    return before + " " + hedge.group().strip() if hedge else before


def is_previous(before: str, after: str, has_value: bool = True) -> bool:
    """Whether a figure is the comparison base ("from X", "compared to X", "X a year ago").

    A time cue after the figure alone ("$14.2 billion last year") marks a base only once the
    wording has its value; otherwise the figure is the value of that period.

    >>> is_previous("up from", ""), is_previous("rose to", ""), is_previous("was", " a year ago")
    (True, False, True)
    >>> is_previous("generated revenue of", " last year", has_value=False)
    False
    """
    tail = fold(before[-60:])
    if _VALUE_LEAD.search(tail):
        return False  # "doubled from a year earlier to ¥182 billion": the figure moved to
    if _PREVIOUS_BEFORE.search(tail):
        return True
    return has_value and _PREVIOUS_AFTER.match(fold(after)) is not None


def is_reference_amount(before: str, after: str, per_share_metric: bool = False) -> bool:
    """An amount that is not the figure: analysts' numbers, absolute changes, deals.

    >>> is_reference_amount("beating the consensus estimate of", "")
    True
    >>> is_reference_amount("announced a", " share buyback")
    True
    >>> is_reference_amount("earned", " per share", per_share_metric=True)
    False
    """
    if _REFERENCE_BEFORE.search(fold(before[-50:])):
        return True
    follower = _NON_METRIC_AFTER.match(fold(after))
    if follower is None:
        return False
    return not (per_share_metric and _PER_SHARE_FOLLOWER.match(follower.group()))


def change_sign(text: str, start: int, end: int, floor: int) -> int:
    """+1 or -1: the direction stated right after a change ("a 5% drop") or before it.

    >>> s = "Revenues were down 0.2 percent to 5 billion"
    >>> change_sign(s, 19, 30, 0)
    -1
    >>> s2 = "a 59 percent rise"
    >>> change_sign(s2, 2, 12, 0)
    1
    """
    after = fold(text[end : end + 20])
    if _FALL_AFTER.match(after):
        return -1
    if _RISE_AFTER.match(after):
        return 1
    direction = 1
    for match in _DIRECTION.finditer(fold(text[floor:start])):
        direction = -1 if match.group("fall") else 1
    return direction


def is_change_noun_after(text: str, end: int) -> bool:
    after = fold(text[end : end + 20])
    return bool(_FALL_AFTER.match(after) or _RISE_AFTER.match(after))


def reporting_basis(text: str) -> str | None:
    """ "standalone" or "consolidated" when the sentence states its reporting basis."""
    match = _STANDALONE.search(fold(text))
    return match.group(1) if match else None

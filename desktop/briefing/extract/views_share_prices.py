"""Share-price levels: closes, opens, 52-week highs, moving averages, prices after a move.

A per-share amount is a share price only when a level word, a trading verb or a move
names it; an amount in a deal's clause (offer, placement) or an index level is not one.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import AnalystView
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_subjects import company_before
from briefing.extract.views_text import (
    Scope,
    as_money,
    clause_bounds,
    search_from_word,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    CHART_LEVEL_NOUNS,
    DEAL_PRICE_WORDS,
    METRIC_NOUNS,
    MOVE_DOWN_WORDS,
    MOVE_UP_WORDS,
    PRICE_LEVEL_LABELS,
    STOCK_NOUNS,
    TRADE_VERBS,
)

_METRIC_RE: Final = words_regex(METRIC_NOUNS)
_STOCK_RE: Final = words_regex(STOCK_NOUNS)
_DEAL_RE: Final = words_regex(DEAL_PRICE_WORDS)
# A per-share price never carries a scale word ("$5.59 billion" is not a share price).
_SCALED: Final = re.compile(
    r"(?i)(?:million|billion|trillion|thousand|crore|lakh|\bbn\b|\bmn\b|\d\s*(?:bn|mn|m|b|k|tn)\b)"
)
_PER_SHARE_AFTER: Final = re.compile(r"\s*(?:per|a|each)\s+(?:\w+\s+)?share\b", re.I)
_LEVEL_BEFORE: Final = re.compile(
    r"(" + "|".join(re.escape(w) for w in PRICE_LEVEL_LABELS) + r"|(?:\d{1,3}|twenty|fifty"
    r"|(?:one|two)[- ]hundred|hundred)[- ]day\s+(?:simple\s+"
    r"|exponential\s+)?moving\s+average|(?:52|fifty-two)[- ]week\s+(?:high|low)"
    r"|(?:1|one)[- ]year\s+(?:high|low)|(?:12|twelve)[- ]month\s+(?:high|low))s?\s+(?:price\s+)?"
    r"(?:of|is|was|at|stands\s+at|stood\s+at|near|around|sits\s+at)?\s*$",
    re.I,
)
_LEVEL_WORDS: Final = frozenset({"high", "highs", "low", "lows", "average", "averages"})
_DAYS_LABEL: Final = re.compile(r"^(\d{1,3}) (day|week|month)")
_YEAR_LABEL: Final = re.compile(r"^(?:1|one)[- ]year ")
_HIGH_BEFORE: Final = re.compile(
    r"\b((?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|recent|session|intraday|multi-year|record|all-time|one-month|yearly)\s+)"
    r"(high|low|peak|top)s?\s+(?:of|around|near|at)?\s*$",
    re.I,
)
_HIGH_WORDS: Final = frozenset({"high", "highs", "low", "lows", "peak", "peaks", "top", "tops"})
_TRADE_BEFORE: Final = re.compile(
    r"\b(" + "|".join(TRADE_VERBS) + r")\s+(?:[\w.%+-]+\s+){0,4}?(?:at|near|around|for)\s*$", re.I
)
_TRADE_WORDS: Final = frozenset(verb.split()[0] for verb in TRADE_VERBS)
_MOVE_FIRST_WORDS: Final = frozenset(w.split()[0] for w in (*MOVE_UP_WORDS, *MOVE_DOWN_WORDS))
_MOVE_TO_BEFORE: Final = re.compile(
    r"\b(?:" + "|".join(MOVE_UP_WORDS + MOVE_DOWN_WORDS) + r")\s+(?:[\w.,%+-]+\s+){0,7}?"
    # "surged 7.9% to a record 212,500 won", "fell to a fresh 52-week low of"
    r"(?:to|at)\s+(?:an?\s+)?(?:(?:fresh|new|record|all-time|multi-year|\d+-\w+)\s+){0,2}"
    r"(?:(?:high|low|peak)\s+(?:of\s+)?)?$|\b(?:to|at)\s*$",
    re.I,
)
# "At $112.40, the shares trade ...": the price the sentence opens with.
_AT_OPENING: Final = re.compile(r"(?i)(?:^|[.;:]\s+)at\s+$")
_STOCK_SUBJECT_AFTER: Final = re.compile(r"(?i),?\s+(?:the\s+|its\s+)?(?:shares|stock)\b")
# "closed 0.6 per cent higher at 8412.3 points": an index level, not a share price.
_POINTS_AFTER: Final = re.compile(r"(?i)\s*(?:index\s+)?(?:points|pts)\b")
_CURRENT_BEFORE: Final = re.compile(
    r"\b((?:current|last|latest|recent|today's|prevailing|(?:monday|tuesday|wednesday|thursday"
    r"|friday|yesterday)['’]s)\s+(?:trading\s+|share\s+|market\s+"
    r"|closing\s+)?(?:level|levels|price|close|quote))\s+(?:of|at|near|around|is|was)?\s*$",
    re.I,
)
_CURRENT_WORDS: Final = frozenset({"level", "levels", "price", "close", "quote"})
_CHART_AFTER: Final = re.compile(r"\s+(" + "|".join(CHART_LEVEL_NOUNS) + r")\b", re.I)
_THE_BEFORE: Final = re.compile(r"(?i)\bthe\s+$")
_VENUE: Final = re.compile(
    r"\bon\s+the\s+((?:[A-Z][\w]*\s+)*Stock\s+Exchange|[A-Z]{2,6})\b"
    r"|\bin\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)


def is_per_share_price(scope: Scope, match: QuantityMatch) -> bool:
    if match.kind not in ("money", "number") or _SCALED.search(match.quantity.text):
        return False
    return _PER_SHARE_AFTER.match(scope.text, scope.local(match)[1]) is None


def _venue(text: str, start: int, end: int) -> str | None:
    venue = _VENUE.search(text, start, end)
    if venue is None:
        return None
    return venue.group(1) or venue.group(2)


def _level_label(surface: str) -> str:
    """ "50 day moving average" and "50-day moving average" are one label.

    >>> _level_label("200 day  Moving Average"), _level_label("1 year low")
    ('200-day moving average', '52-week low')
    """
    label = " ".join(surface.lower().split())
    return _YEAR_LABEL.sub("52-week ", _DAYS_LABEL.sub(r"\1-\2", label))


def _subject_named(scope: Scope, position: int) -> bool:
    """ "Ashdown fell 3.4% to 1,204 pence": a company named in the clause is the stock."""
    clause_start, _ = clause_bounds(scope.text, position)
    return any(
        clause_start <= mention.start - scope.sentence.start < position and not mention.is_broker
        for mention in scope.sentence.companies
    )


def _share_price_label(scope: Scope, match: QuantityMatch) -> tuple[str, float] | None:
    """The reference a per-share amount is (label, confidence), or None if it is not one."""
    text = scope.text
    start, end = scope.local(match)
    before = text[max(0, start - 70) : start]
    strong = match.kind == "money"
    words = scope.words
    # Each level pattern ends in one of a few words: without one in the sentence, the
    # text before the figure is not scanned.
    if not words.isdisjoint(_LEVEL_WORDS):
        level = _LEVEL_BEFORE.search(before)
        if level is not None:
            return _level_label(level.group(1)), 0.8
    if not words.isdisjoint(_CURRENT_WORDS):
        current = _CURRENT_BEFORE.search(before)
        if current is not None:
            return current.group(1).lower(), 0.75
    if not words.isdisjoint(_HIGH_WORDS):
        high = _HIGH_BEFORE.search(before)
        if high is not None and _STOCK_RE.search(text) is not None:
            return f"{high.group(1).strip().title()} {high.group(2).lower()}", 0.7
    trade = _TRADE_BEFORE.search(before) if not words.isdisjoint(_TRADE_WORDS) else None
    if (
        trade is not None
        and (strong or trade.group(1).lower() in ("opened", "closed"))
        # "EBITDA per tonne stood at ₹741": a business figure, not the stock, stood there.
        and _METRIC_RE.search(text, clause_bounds(text, start)[0], start) is None
    ):
        return TRADE_VERBS[trade.group(1).lower()], 0.75
    if not strong:
        return None
    if _AT_OPENING.search(before) and _STOCK_SUBJECT_AFTER.match(text, end):
        return "current", 0.7
    moved = search_from_word(_MOVE_TO_BEFORE, before, _MOVE_FIRST_WORDS)
    # "Harlow Group rose 7p, or 2.6 per cent, to 276p": the company moved, named before.
    mover_named = moved is not None and _subject_named(scope, start - len(before) + moved.start())
    has_stock = _STOCK_RE.search(text) is not None
    if not (has_stock or mover_named or _subject_named(scope, start)):
        return None
    clause_start, _ = clause_bounds(text, start)
    if moved is not None and not _METRIC_RE.search(text, clause_start, start):
        return "after move", 0.7
    chart = _CHART_AFTER.match(text, end)
    if chart is not None and _THE_BEFORE.search(before):
        return chart.group(1).lower(), 0.65
    return None


def _is_index_level(scope: Scope, clause_start: int, start: int) -> bool:
    """ "The Nifty 50 index closed 0.6 per cent up at 22,519": an index's level, not a
    share price; an index is the last thing named before the figure."""
    subject = company_before(scope, start, clause_start)
    return any(
        mention.is_index and mention.name == subject
        for mention in scope.sentence.companies
        if clause_start <= mention.start - scope.sentence.start < start
    )


def share_prices(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    for match in scope.quantities():
        if match.start in used or not is_per_share_price(scope, match):
            continue
        start, end = scope.local(match)
        clause_start, clause_end = clause_bounds(text, start)
        if _DEAL_RE.search(text, clause_start, clause_end) or _POINTS_AFTER.match(text, end):
            continue
        if _is_index_level(scope, clause_start, start):
            continue
        found = _share_price_label(scope, match)
        if found is None:
            continue
        label, confidence = found
        venue = _venue(text, clause_start, clause_end)
        if venue:
            label = f"{label} ({venue})"
        used.add(match.start)
        views.append(
            scope.view(
                "share_price",
                start,
                end,
                confidence,
                company=company_before(scope, start),
                value=as_money(match.quantity, scope.context.currency),
                label=label,
            )
        )
    return views

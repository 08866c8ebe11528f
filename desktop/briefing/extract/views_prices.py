"""Price views: price targets, implied upside and share-price levels.

A figure used by one rule is marked in ``used`` (by its body offset) so no later rule
reads it again: the "$205" of a target never becomes a share price.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import AnalystView
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_subjects import company_before, firm_near
from briefing.extract.views_text import (
    Scope,
    as_money,
    brokers_in,
    clause_bounds,
    negated,
    search_from_word,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    CHART_LEVEL_NOUNS,
    DEAL_PRICE_WORDS,
    METRIC_NOUNS,
    MOVE_DOWN_WORDS,
    MOVE_UP_WORDS,
    PRICE_LEVEL_LABELS,
    PRICE_TARGET_NOUNS,
    PRIOR_VALUE_CUES,
    STOCK_NOUNS,
    TARGET_CONSENSUS_WORDS,
    TARGET_STATS,
    TRADE_VERBS,
    UPSIDE_REFERENCES,
    UPSIDE_RELATIONS,
    UPSIDE_WORDS,
)

TARGET_RE: Final = words_regex(PRICE_TARGET_NOUNS)
_TARGET_WORDS: Final = frozenset({"target", "targets", "objective", "objectives", "goal", "fair"})
_BARE_TARGET: Final = re.compile(r"(?i)\btargets?\b")
_STAT_RE: Final = words_regex(TARGET_STATS)
_CONSENSUS_RE: Final = words_regex(TARGET_CONSENSUS_WORDS)
_METRIC_RE: Final = words_regex(METRIC_NOUNS)
_STOCK_RE: Final = words_regex(STOCK_NOUNS)
_DEAL_RE: Final = words_regex(DEAL_PRICE_WORDS)
# A per-share price never carries a scale word ("$5.59 billion" is not a share price).
_SCALED: Final = re.compile(
    r"(?i)(?:million|billion|trillion|thousand|crore|lakh|\bbn\b|\bmn\b|\d\s*(?:bn|mn|m|b|k|tn)\b)"
)
_EXTREME_BEFORE: Final = re.compile(
    r"(?i)\b(?:(high|highest|street-high|top)|low|lowest|street-low|bottom)\b"
    r"(?:\s+(?:estimate|target|end|price\s+target))?\s+(?:of|at|is)\s*$"
)
# "sales target of EUR 44 billion" is a company goal, not a price target.
_COMPANY_GOAL_BEFORE: Final = re.compile(r"(?i)\b(?:sales|revenue|margin|profit|earnings)\s+$")
# "the shares could rise 35% to its new target": the upside a target implies.
_MODAL_MOVE_BEFORE: Final = re.compile(
    r"(?i)\b(?:could|would|may|might|can|should)\s+(?:\w+\s+)?(?:rise|gain|climb|jump|rally"
    r"|increase|advance|fall|drop|decline|lose|slide)\s+(?:by\s+)?(?:about\s+|around\s+)?$"
)
_FALL_WORD: Final = re.compile(r"(?i)\b(?:fall|drop|decline|lose|slide)\b")
_PER_SHARE_AFTER: Final = re.compile(r"\s*(?:per|a|each)\s+(?:\w+\s+)?share\b", re.I)
_UPSIDE_AFTER: Final = re.compile(
    r"\s*(?:potential\s+|implied\s+)?(" + "|".join(UPSIDE_WORDS) + r")\b", re.I
)
_UPSIDE_BEFORE: Final = re.compile(
    r"\b(" + "|".join(UPSIDE_WORDS) + r")(?:\s+potential)?\s+(?:of\s+)?(?:about\s+|around\s+)?$",
    re.I,
)
_RELATION_AFTER: Final = re.compile(
    r"\s*(" + "|".join(UPSIDE_RELATIONS) + r")\s+(?:to|over|from|than)?\s*(?:the\s+)?"
    r"((?:[\w'’-]+\s+){0,3}?)(" + "|".join(UPSIDE_REFERENCES) + r")\b",
    re.I,
)
_LEVEL_BEFORE: Final = re.compile(
    r"(" + "|".join(re.escape(w) for w in PRICE_LEVEL_LABELS) + r"|\d{1,3}[- ]day\s+(?:simple\s+"
    r"|exponential\s+)?moving\s+average|(?:52|fifty-two)[- ]week\s+(?:high|low)"
    r"|(?:1|one)[- ]year\s+(?:high|low)|(?:12|twelve)[- ]month\s+(?:high|low))s?\s+(?:price\s+)?"
    r"(?:of|is|was|at|stands\s+at|stood\s+at|near|around|sits\s+at)?\s*$",
    re.I,
)
_DAYS_LABEL: Final = re.compile(r"^(\d{1,3}) (day|week|month)")
_YEAR_LABEL: Final = re.compile(r"^(?:1|one)[- ]year ")
_HIGH_BEFORE: Final = re.compile(
    r"\b((?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|recent|session|intraday|multi-year|record|all-time|one-month|yearly)\s+)"
    r"(high|low|peak|top)s?\s+(?:of|around|near|at)?\s*$",
    re.I,
)
_TRADE_BEFORE: Final = re.compile(
    r"\b(" + "|".join(TRADE_VERBS) + r")\s+(?:[\w.%+-]+\s+){0,4}?(?:at|near|around|for)\s*$", re.I
)
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
    r"\b((?:current|last|latest|recent|today's|prevailing)\s+(?:trading\s+|share\s+|market\s+"
    r"|closing\s+)?(?:level|levels|price|close|quote))\s+(?:of|at|near|around|is|was)?\s*$",
    re.I,
)
_CHART_AFTER: Final = re.compile(r"\s+(" + "|".join(CHART_LEVEL_NOUNS) + r")\b", re.I)
_VENUE: Final = re.compile(
    r"\bon\s+the\s+((?:[A-Z][\w]*\s+)*Stock\s+Exchange|[A-Z]{2,6})\b"
    r"|\bin\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)


def _is_per_share_price(scope: Scope, match: QuantityMatch) -> bool:
    if _SCALED.search(match.quantity.text) or match.kind not in ("money", "number"):
        return False
    return _PER_SHARE_AFTER.match(scope.text, scope.local(match)[1]) is None


def _is_prior(text: str, start: int) -> bool:
    return word_before(text, start) in PRIOR_VALUE_CUES


def _target_stat(scope: Scope, cue: re.Match[str], firm: str | None) -> str | None:
    text = scope.text
    window = text[max(0, cue.start() - 30) : cue.start()]
    stat = None
    for stat_match in _STAT_RE.finditer(window):
        stat = TARGET_STATS[stat_match.group(0).lower()]
    if stat is not None:
        return stat
    if _CONSENSUS_RE.search(text, max(0, cue.start() - 30), cue.end()):
        return None
    if cue.group(0).lower().endswith("s") and firm is None:
        return None
    return "single" if firm is not None else None


def _target_cues(text: str) -> list[tuple[re.Match[str], bool]]:
    """Price-target phrases, and bare "target" words ("its HK$58 target"), which only
    a per-share amount right before them makes a price target (the bool)."""
    named = list(TARGET_RE.finditer(text))
    bare = [
        (cue, True)
        for cue in _BARE_TARGET.finditer(text)
        if not any(n.start() <= cue.start() < n.end() for n in named)
    ]
    return sorted([*((cue, False) for cue in named), *bare], key=lambda pair: pair[0].start())


def price_targets(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    if not scope.mentions_any(_TARGET_WORDS):
        return views
    for cue, bare in _target_cues(text):
        if _COMPANY_GOAL_BEFORE.search(text, max(0, cue.start() - 20), cue.start()):
            continue
        window_end = min(len(text), cue.end() + 90)
        following = TARGET_RE.search(text, cue.end())
        if following is not None:
            window_end = min(window_end, following.start())
        picks: list[QuantityMatch] = []
        for match in scope.quantities():
            start, end = scope.local(match)
            if match.start in used or not _is_per_share_price(scope, match):
                continue
            directly_before = 0 <= cue.start() - end <= 3
            if bare and not (directly_before and match.kind == "money"):
                continue
            after = cue.end() <= start < window_end
            if not (directly_before or after) or _is_prior(text, start):
                continue
            if match.kind == "number" and not (directly_before or start - cue.end() <= 20):
                continue
            picks.append(match)
        if not picks:
            continue
        respectively = "respectively" in text[cue.end() :].lower()
        extremes: dict[int, str] = {}
        if not respectively:
            # "..., with a high estimate of $140 and a low of $85": the range's ends.
            for match in picks[1:]:
                extreme = _EXTREME_BEFORE.search(
                    text, max(0, scope.local(match)[0] - 40), scope.local(match)[0]
                )
                if extreme is not None:
                    extremes[match.start] = "high" if extreme.group(1) else "low"
            picks = [picks[0], *(m for m in picks[1:] if m.start in extremes)]
        firms = [name for at, name in brokers_in(scope, 0, cue.start())]
        for index, match in enumerate(picks):
            used.add(match.start)
            start, end = scope.local(match)
            if respectively and len(firms) >= len(picks):
                firm: str | None = firms[len(firms) - len(picks) + index]
            else:
                firm = firm_near(scope, cue.start())
            quantity = as_money(match.quantity, scope.context.currency)
            stat = "single" if respectively and firm else _target_stat(scope, cue, firm)
            stat = extremes.get(match.start, stat)
            if quantity.value is None:
                stat = None
            views.append(
                scope.view(
                    "price_target",
                    min(start, cue.start()),
                    max(end, cue.end()),
                    0.85 if match.kind == "money" else 0.6,
                    firm=firm if stat == "single" else None,
                    value=quantity,
                    stat=stat,
                )
            )
    return views


def upside_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    has_target = scope.mentions_any(_TARGET_WORDS) and TARGET_RE.search(text) is not None
    views: list[AnalystView] = []
    for match in scope.quantities():
        if match.kind != "percent" or match.start in used:
            continue
        start, end = scope.local(match)
        quantity = match.quantity
        word = _UPSIDE_AFTER.match(text, end) or _UPSIDE_BEFORE.search(
            text, max(0, start - 40), start
        )
        modal = _MODAL_MOVE_BEFORE.search(text, max(0, start - 50), start) if has_target else None
        if word is None and modal is not None:
            word = modal
            if _FALL_WORD.search(modal.group(0)):
                quantity = negated(quantity)
        confidence = 0.8
        if word is not None:
            if word.re.groups and word.group(1).lower() == "downside":
                quantity = negated(quantity)
        else:
            relation = _RELATION_AFTER.match(text, end)
            if relation is None or not has_target:
                continue
            if relation.group(1).lower() in ("below", "discount", "lower than"):
                quantity = negated(quantity)
            confidence = 0.75
            word = relation
        used.add(match.start)
        firm = firm_near(scope, start) if brokers_in(scope) else None
        views.append(
            scope.view(
                "upside",
                min(start, word.start()),
                max(end, word.end()),
                confidence,
                firm=firm,
                value=quantity,
            )
        )
    return views


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
    level = _LEVEL_BEFORE.search(before)
    if level is not None:
        return _level_label(level.group(1)), 0.8
    current = _CURRENT_BEFORE.search(before)
    if current is not None:
        return current.group(1).lower(), 0.75
    has_stock = _STOCK_RE.search(text) is not None
    high = _HIGH_BEFORE.search(before)
    if high is not None and has_stock:
        return f"{high.group(1).strip().title()} {high.group(2).lower()}", 0.7
    trade = _TRADE_BEFORE.search(before)
    if trade is not None and (strong or trade.group(1).lower() in ("opened", "closed")):
        return TRADE_VERBS[trade.group(1).lower()], 0.75
    if not strong:
        return None
    if _AT_OPENING.search(before) and _STOCK_SUBJECT_AFTER.match(text, end):
        return "current", 0.7
    moved = search_from_word(_MOVE_TO_BEFORE, before, _MOVE_FIRST_WORDS)
    # "Harlow Group rose 7p, or 2.6 per cent, to 276p": the company moved, named before.
    mover_named = moved is not None and _subject_named(scope, start - len(before) + moved.start())
    if not (has_stock or mover_named or _subject_named(scope, start)):
        return None
    clause_start, _ = clause_bounds(text, start)
    if moved is not None and not _METRIC_RE.search(text, clause_start, start):
        return "after move", 0.7
    chart = _CHART_AFTER.match(text, end)
    if chart is not None and re.search(r"(?i)\bthe\s+$", before):
        return chart.group(1).lower(), 0.65
    return None


def share_prices(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    for match in scope.quantities():
        if match.start in used or not _is_per_share_price(scope, match):
            continue
        start, end = scope.local(match)
        clause_start, clause_end = clause_bounds(text, start)
        if _DEAL_RE.search(text, clause_start, clause_end) or _POINTS_AFTER.match(text, end):
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


def price_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    """Targets first, then upside, then the share-price levels left over.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = "The average price target stands at $205, about 40% above the current level of $152."
    >>> context = build_context(Document(id="t", path="t", format="text", body=text))
    >>> views = price_views(Scope(context, context.sentences[0], None), set())
    >>> [(v.type, v.value.value if v.value else None, v.stat) for v in views]
    [('price_target', 205.0, 'average'), ('upside', 40.0, None), ('share_price', 152.0, None)]
    """
    return [
        *price_targets(scope, used),
        *upside_views(scope, used),
        *share_prices(scope, used),
    ]

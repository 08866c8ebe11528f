"""Price views: price targets, implied upside and share-price levels.

A figure used by one rule is marked in ``used`` (by its body offset) so no later rule
reads it again: the "$205" of a target never becomes a share price.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.domain.model import AnalystView
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_share_prices import is_per_share_price, share_prices
from briefing.extract.views_subjects import firm_near
from briefing.extract.views_text import (
    Scope,
    as_money,
    brokers_in,
    negated,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    PRICE_TARGET_NOUNS,
    PRIOR_VALUE_CUES,
    TARGET_CONSENSUS_WORDS,
    TARGET_STATS,
    UPSIDE_REFERENCES,
    UPSIDE_RELATIONS,
    UPSIDE_WORDS,
)

TARGET_RE: Final = words_regex(PRICE_TARGET_NOUNS)
_TARGET_WORDS: Final = frozenset(
    {"target", "targets", "objective", "objectives", "goal", "fair", "pt", "pts"}
)
# Wire and one-liner shorthand, "cuts PT to $44", "their median PT is $52": upper case and
# followed by a link word or a currency, so Indonesia's company prefix "PT Astra" is not one.
_PT_ABBREVIATION: Final = re.compile(
    r"\bPTs?\b(?=\s+(?:to|of|is|at|from|was|stands|stood|implies|raised|cut|lowered)\b"
    r"|\s*(?:[$€£¥₹]|[A-Z]{1,3}\$|Rs\b))"
)
_BARE_TARGET: Final = re.compile(r"(?i)\btargets?\b")
_STAT_RE: Final = words_regex(TARGET_STATS)
_CONSENSUS_RE: Final = words_regex(TARGET_CONSENSUS_WORDS)
_EXTREME_BEFORE: Final = re.compile(
    r"(?i)\b(?:(high|highest|street-high|top)|low|lowest|street-low|bottom)\b"
    r"(?:\s+(?:estimate|target|end|price\s+target))?\s+(?:of|at|is)\s*$"
)
# "..., with an average of $14.60": a later figure the window names a statistic of.
_AVERAGE_BEFORE: Final = re.compile(r"(?i)\b(average|mean|median)\s+(?:of|at|is)\s*$")
# "its target to $225", "their average target is $104": a bare "target" owned by a broker
# (or a statistic), then the figure it is set to.
_BARE_TARGET_OWNER: Final = re.compile(
    r"(?i)\b(?:its|their|his|her|our|the|a|new|average|mean|median|consensus)\s+$"
)
_BARE_TARGET_LINK: Final = re.compile(
    r"(?i)\s*(?:(?:is|was|stands\s+at|stood\s+at|to|of|at)\s+)(?:about\s+|around\s+)?"
)
# "Price targets range from $5 to $25": the spread of the brokers' targets.
_RANGE_LINK: Final = re.compile(
    r"(?i)\s*(?:\w+\s+){0,2}?(?:range[sd]?|ranging|vary|varies|varying|span|spans|spanning)"
    r"\s+(?:from|between)\s+"
)
_RANGE_JOIN: Final = re.compile(r"\s*(?:to|and|-|–)\s*")
# "sales target of EUR 44 billion" is a company goal, not a price target.
_COMPANY_GOAL_BEFORE: Final = re.compile(r"(?i)\b(?:sales|revenue|margin|profit|earnings)\s+$")
# "the shares could rise 35% to its new target": the upside a target implies.
_MODAL_MOVE_BEFORE: Final = re.compile(
    r"(?i)\b(?:could|would|may|might|can|should)\s+(?:\w+\s+)?(?:rise|gain|climb|jump|rally"
    r"|increase|advance|fall|drop|decline|lose|slide)\s+(?:by\s+)?(?:about\s+|around\s+)?$"
)
_FALL_WORD: Final = re.compile(r"(?i)\b(?:fall|drop|decline|lose|slide)\b")
_UPSIDE_AFTER: Final = re.compile(
    r"\s*(?:potential\s+|implied\s+)?(" + "|".join(UPSIDE_WORDS) + r")\b", re.I
)
_UPSIDE_GATE_WORDS: Final = frozenset(w.split()[0] for w in UPSIDE_WORDS)
_UPSIDE_BEFORE: Final = re.compile(
    r"\b(" + "|".join(UPSIDE_WORDS) + r")(?:\s+potential)?\s+(?:of\s+)?(?:about\s+|around\s+)?$",
    re.I,
)
_RELATION_AFTER: Final = re.compile(
    r"\s*(" + "|".join(UPSIDE_RELATIONS) + r")\s+(?:to|over|from|than)?\s*(?:the\s+)?"
    r"((?:[\w'’-]+\s+){0,3}?)(" + "|".join(UPSIDE_REFERENCES) + r")\b",
    re.I,
)


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
    """Price-target phrases, and bare "target" words ("its HK$58 target", "its target to
    $225"), which only a per-share amount right before them, or one right after an owned
    "target", makes a price target (the bool)."""
    named = sorted(
        [*TARGET_RE.finditer(text), *_PT_ABBREVIATION.finditer(text)], key=lambda m: m.start()
    )
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
        spread = _target_range(scope, cue, used)
        if spread is not None:
            views.append(spread)
        picks: list[QuantityMatch] = []
        for match in scope.quantities():
            start, end = scope.local(match)
            if match.start in used or not is_per_share_price(scope, match):
                continue
            directly_before = 0 <= cue.start() - end <= 3
            if bare and not (
                match.kind == "money"
                and (
                    directly_before
                    or _owned_target_set_to(text, cue, start)
                    or (spread is not None and _named_statistic(scope, match))
                )
            ):
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
            # "..., with a high estimate of $140 and a low of $85": the range's ends;
            # "range from $5 to $25, with an average of $14.60": the average.
            for match in picks[1:] if spread is None else picks:
                extremes.update(_named_statistic(scope, match))
            if spread is None:
                picks = [picks[0], *(m for m in picks[1:] if m.start in extremes)]
            else:
                picks = [m for m in picks if m.start in extremes]
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


def _owned_target_set_to(text: str, cue: re.Match[str], start: int) -> bool:
    """ "Mizuho lifted its target to $225": an owned bare "target" right before its figure."""
    if _BARE_TARGET_OWNER.search(text, max(0, cue.start() - 12), cue.start()) is None:
        return False
    return _BARE_TARGET_LINK.fullmatch(text, cue.end(), start) is not None


def _named_statistic(scope: Scope, match: QuantityMatch) -> dict[int, str]:
    """The statistic named right before a later figure of a target window, if any."""
    start = scope.local(match)[0]
    extreme = _EXTREME_BEFORE.search(scope.text, max(0, start - 40), start)
    if extreme is not None:
        return {match.start: "high" if extreme.group(1) else "low"}
    average = _AVERAGE_BEFORE.search(scope.text, max(0, start - 20), start)
    if average is not None:
        return {match.start: TARGET_STATS[average.group(1).lower()]}
    return {}


def _target_range(scope: Scope, cue: re.Match[str], used: set[int]) -> AnalystView | None:
    """ "Price targets range from $5 to $25": one view holding both ends."""
    text = scope.text
    link = _RANGE_LINK.match(text, cue.end())
    if link is None:
        return None
    matches = scope.quantities()
    for match in matches:
        # "between $8 and $31" may reach us already read as one range.
        start, end = scope.local(match)
        if cue.end() <= start <= link.end() and match.kind == "money" and match.quantity.is_range:
            if match.start in used:
                return None
            used.add(match.start)
            quantity = as_money(match.quantity, scope.context.currency)
            return scope.view("price_target", cue.start(), end, 0.8, value=quantity, stat=None)
    for index, low in enumerate(matches[:-1]):
        start, end = scope.local(low)
        high = matches[index + 1]
        high_start, high_end = scope.local(high)
        if start != link.end() or low.kind != "money" or high.kind != "money":
            continue
        if low.start in used or not _RANGE_JOIN.fullmatch(text, end, high_start):
            return None
        if low.quantity.value is None or high.quantity.value is None:
            return None
        used.update((low.start, high.start))
        quantity = dataclasses.replace(
            as_money(high.quantity, scope.context.currency),
            value=None,
            low=low.quantity.value,
            high=high.quantity.value,
            text=text[start:high_end],
        )
        return scope.view("price_target", cue.start(), high_end, 0.8, value=quantity, stat=None)
    return None


def upside_views(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    has_target = scope.mentions_any(_TARGET_WORDS) and TARGET_RE.search(text) is not None
    # Each upside phrase holds one of these words: without one, neither is tried.
    names_upside = scope.mentions_any(_UPSIDE_GATE_WORDS)
    views: list[AnalystView] = []
    for match in scope.quantities():
        if match.kind != "percent" or match.start in used:
            continue
        start, end = scope.local(match)
        quantity = match.quantity
        word = (
            _UPSIDE_AFTER.match(text, end) or _UPSIDE_BEFORE.search(text, max(0, start - 40), start)
            if names_upside
            else None
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

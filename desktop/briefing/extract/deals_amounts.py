"""How a deal word's amount is found when it is not simply next to it: an issuer's amount
stated well before the instrument, a buyback sized in shares, a dividend's total stated
after its per-share amount.

Offsets are relative to the sentence text.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import Quantity
from briefing.extract.context import Sentence
from briefing.extract.deals_text import MAX_GAP, MAX_GAP_BEFORE_WORD, AmountRole, linked
from briefing.extract.deals_triggers import Trigger
from briefing.extract.quantities import QuantityMatch

_PER_SHARE_AFTER = re.compile(
    r"\s*(?:(?:per|a|an|each)\b|/)\s*(?:[\w-]+\s+)?(?:share|h-share|ads|adr|unit)s?\b"
    r"|\s*(?:apiece|each)\b",
    re.IGNORECASE,
)
# "a dividend of HK$0.22 per share, amounting to about HK$880 million": the payout's total.
_DIVIDEND_TOTAL = re.compile(
    # "or about $410 million": the hedge may belong to the amount itself.
    r"^\W{0,3}(?:amounting to|totall?ing|returning|worth|costing|or(?: (?:a total of|some|about))?"
    r"|for a total(?: payout)? of|a total(?: payout)? of|in total)\s+"
    r"(?:(?:about|around|roughly|approximately|nearly|some)\s+)?$",
    re.IGNORECASE,
)
# "raise NT$6 billion through the sale of convertible bonds", "an offering of $600 million
# aggregate principal amount of notes": an issuer's amount may stand well before the
# instrument.
_ISSUE_LEAD = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|issu(?:e|es|ed|ing)|sell(?:s|ing)?|offering of|priced)\s+"
    r"(?:(?:about|around|up to|some|nearly)\s+)?$",
    re.IGNORECASE,
)
_ISSUED_TYPES: Final = frozenset({"financing", "convertible_bond"})
_COMBINED_VALUE = re.compile(
    r"\b(?:combined|pro[- ]forma|merged|enlarged)\b(?:[^.;]{0,30}?\b(?:value|valuation"
    r"|capitali[sz]ation|worth)\b[^.;]{0,15}|[^.;]{0,30}?\bvalued at\s*[^.;]{0,10})$",
    re.IGNORECASE,
)
_COST_LEAD = re.compile(
    r"\b(?:for|worth|costing|totall?ing|at a (?:total )?cost of)\s+(?:up to |as much as "
    r"|a maximum of |a total of |about |around )?$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[;:]|\.\s")
_BUYBACK_COST_REACH: Final = 160
# "buy back up to 18 million shares": a buyback sized in shares when no amount is stated.
_SHARE_COUNT_REACH: Final = 40
# "a dividend of R$0.41 per share, a form of ..., totaling R$330 million": the total after
# an aside.
_ASIDE_THEN_TOTAL_REACH: Final = 80


def gap_before(text: str, trigger: Trigger, match: QuantityMatch) -> int:
    """How far an amount may stand before its deal word.

    >>> from briefing.extract.quantities import find_quantities
    >>> s = "plans to raise NT$6 billion through the sale of convertible bonds"
    >>> bond = Trigger("convertible_bond", s.index("convertible"), len(s), 0.85, 0)
    >>> gap_before(s, bond, find_quantities(s)[0]) > MAX_GAP_BEFORE_WORD
    True
    """
    if trigger.type in _ISSUED_TYPES and _ISSUE_LEAD.search(
        text, max(0, match.start - 30), match.start
    ):
        return MAX_GAP
    return MAX_GAP_BEFORE_WORD


def share_count(sentence: Sentence, trigger: Trigger) -> Quantity | None:
    """The number of shares a buyback is sized in, right after its deal word."""
    for match in sentence.quantities:
        start = sentence.relative(match.start)
        if match.kind != "shares" or start < trigger.end:
            continue
        if start - trigger.end <= _SHARE_COUNT_REACH and linked(sentence.text, trigger.end, start):
            return match.quantity
        return None
    return None


def dividend_total(
    text: str,
    per_share: QuantityMatch,
    money: list[tuple[QuantityMatch, AmountRole]],
    claimed: set[int],
) -> QuantityMatch | None:
    """The total payout stated right after a per-share dividend, if any."""
    if not _PER_SHARE_AFTER.match(text, per_share.end):
        return None
    for match, _role in money:
        if match.start <= per_share.end or match.start in claimed:
            continue
        gap = text[per_share.end : match.start]
        tail = _PER_SHARE_AFTER.sub("", gap, count=1)
        if len(tail) <= 40 and _DIVIDEND_TOTAL.match(tail):
            return match
        last = tail.rsplit(", ", 1)[-1] if ", " in tail else None
        if last is not None and len(tail) <= _ASIDE_THEN_TOTAL_REACH:
            return match if _DIVIDEND_TOTAL.match(", " + last) else None
        return None
    return None


def combined_value(
    text: str,
    trigger: Trigger,
    money: list[tuple[QuantityMatch, AmountRole]],
    claimed: set[int],
) -> QuantityMatch | None:
    """ "an all-stock merger of equals, creating a group with a combined enterprise value of
    about $26 billion": a merger without a price is sized by the combined company's value."""
    for match, _role in money:
        if match.start < trigger.end or match.start in claimed:
            continue
        if _COMBINED_VALUE.search(text, max(trigger.end, match.start - 60), match.start):
            return match
    return None


def buyback_cost(
    text: str,
    trigger: Trigger,
    money: list[tuple[QuantityMatch, AmountRole]],
    claimed: set[int],
) -> QuantityMatch | None:
    """ "buy back up to 60 million shares, or 2.9% of its outstanding stock excluding
    treasury shares, for as much as ¥150 billion": a buyback sized in shares, then costed."""
    for match, role in money:
        if match.start < trigger.end or match.start in claimed or role != "headline":
            continue
        if match.start - trigger.end > _BUYBACK_COST_REACH or _SENTENCE_BREAK.search(
            text, trigger.end, match.start
        ):
            return None
        if _COST_LEAD.search(text, max(trigger.end, match.start - 30), match.start):
            return match
    return None

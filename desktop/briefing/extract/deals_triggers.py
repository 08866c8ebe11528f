"""Deal words in a sentence: which deal type each names, and whether it is negated.

>>> [(t.type, text[t.start:t.end]) for text in ["It agreed a $5bn share buyback."]
...  for t in find_triggers(text)]
[('buyback', 'share buyback')]
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Final

from briefing.extract.regex_tools import literal_trie
from briefing.extract.vocab.deal_terms import (
    DEAL_REFERENCE_NOUNS,
    DEAL_REFERENCE_STEMS,
    INSTRUMENT_LEADS,
    INTO_MONEY_VERBS,
    ISSUE_VERBS,
    NEGATIONS,
    REFERENCE_TYPES,
    SPENDING_VERBS,
)
from briefing.extract.vocab.deal_trigger_words import TRIGGER_STEMS, TRIGGERS_BY_TYPE


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    start: int  # offsets into the sentence text
    end: int
    confidence: float
    priority: int
    object_after: bool = False  # a verb whose amount follows it ("spend $5bn")
    into_verb: bool = False  # "put $250m into X": a deal only with its amount and "into"
    instrument: str | None = None  # "... through a convertible bond": the deal's own type


def _type_pattern(fragments: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The pattern of one deal type, and, when its fragments are all lower case (no
    case-sensitive part), the same pattern for the lowered sentence: ``re`` skips the
    branches of a case-sensitive alternation on their first letter, not those of a
    case-insensitive one."""
    source = r"\b(?:" + "|".join(fragments) + r")\b"
    caseless = source == source.lower() and "(?-i:" not in source
    lowered = re.compile(source) if caseless else None
    return re.compile(source, re.IGNORECASE), lowered


_TRIGGER_PATTERNS: Final = tuple(
    (deal_type, *_type_pattern(fragments), conf) for deal_type, fragments, conf in TRIGGERS_BY_TYPE
)
_STEM_TYPES: Final = {
    stem: tuple(t for t, stems in TRIGGER_STEMS.items() if stem in stems)
    for stems in TRIGGER_STEMS.values()
    for stem in stems
}

_STEM: Final = re.compile(literal_trie(_STEM_TYPES))
_SPENDING: Final = re.compile(rf"\b(?:{SPENDING_VERBS})\b", re.IGNORECASE)
# Verb forms of deal words: their amount is their object and follows them.
_VERB_FORM: Final = re.compile(
    rf"(?:{SPENDING_VERBS})|acquir(?:e|es|ed|ing)|repurchas(?:e|es|ed|ing)"
    r"|set(?:s|ting)? aside|earmark\w*|allocat\w*",
    re.IGNORECASE,
)
# "put $250 million into Meitu": a money verb with "into" shortly after it (the amount and
# the company are checked once the sentence's amounts and names are read).
_INTO_VERB: Final = re.compile(
    rf"\b(?:{INTO_MONEY_VERBS})\b(?=(?:[^.;,]|[.,](?=\d)){{1,45}}?\binto\b)", re.IGNORECASE
)
# "... into Meitu through a convertible bond": the instrument of an investment named before.
_INSTRUMENT_LEAD: Final = re.compile(
    rf"\b(?:{INSTRUMENT_LEADS})\s+(?:(?:an?|the|its|their|new|newly issued)\s+)*$", re.IGNORECASE
)
_INSTRUMENT_TYPES: Final = frozenset({"convertible_bond"})
_INVESTMENT_PRIORITY: Final = next(
    i for i, pattern in enumerate(_TRIGGER_PATTERNS) if pattern[0] == "investment"
)
# "invested in X last year; it now raises money through convertible bonds": an issue of its
# own, not the instrument of the investment.
_INSTRUMENT_BREAK: Final = re.compile(rf";|\b(?:{ISSUE_VERBS})\b", re.IGNORECASE)
_INSTRUMENT_REACH: Final = 160
_TAKE_PRIVATE: Final = re.compile(r"\btak(?:e|es|ing|en) [^.;]{1,60}? private\b", re.I)
_NEGATION: Final = re.compile(r"\b(?:" + "|".join(NEGATIONS) + r")\b", re.IGNORECASE)
# Uses of deal words that name no deal. Written in lower case: it is also matched, case
# sensitively, on the lowered sentence, where ``re`` can skip each branch on its first letter.
_NOT_A_DEAL_SOURCE: Final = (
    r"investment bank|investment banking|investment (?:grade|case|thesis|advice|research)"
    # "Norwegian investment firm Skarvik": a description of a company, not a deal; cash and
    # investments on a balance sheet are holdings.
    r"|investment (?:firms?|compan(?:y|ies)|groups?|managers?|houses?|arms?|vehicles?|funds?)"
    r"|(?:equivalents|securities|cash) and (?:short-term |long-term )?investments"
    r"|bond (?:market|yields?|prices?)|dividend (?:yield|policy|payout ratio)"
    r"|stake(?:s)? (?:is|are) high|listing (?:rules|requirements)|ipo (?:market|boom|pipeline)"
    # A bank's balance sheet ("total loans were $98.7 billion") is no financing deal.
    r"|\b(?:total|gross|net|average|customer) loans\b|\bloans? (?:book|growth|portfolio|losses"
    r"|balances?|and (?:advances|deposits))\b"
    # A dividend restated per year ("a $1.36 dividend on an annualized basis") is no new deal;
    # advice to the reader ("Should you invest $1,000 in X?") is page furniture.
    r"|dividend on an annuali[sz]ed basis|annuali[sz]ed dividend"
    # A site name ("tracked by Investing.com") and a one-year spending outlook ("expects to
    # spend between £150m and £170m next year") are no deals.
    r"|\binvest\w*\.(?:com|net|org)\b"
    r"|\b(?:expects?|expected|anticipates?|forecasts?) to spend\b"
    r"(?=[^.;]{0,50}\b(?:next|this|the current|the coming) (?:financial |fiscal )?year\b)"
    r"|\b(?:should|would|could|can|if|before|when|had) you (?:invest|buy)\w*"
    r"|\byou (?:invest|buy)\w*"
    # "will finance the buyout with $2.6bn of debt": the deal is named to say how it is paid
    # for; the amount belongs to the financing.
    r"|\b(?:financ\w*|fund(?:s|ed|ing)?|pay(?:s|ing)? for|paid for) (?:the|its|this|that|their)"
    r" (?:planned |proposed |pending |cash )?(?:acquisition|takeover|buyout|purchase|merger"
    r"|deal|transaction)\b"
    # "refinance a EUR 1.2bn bond maturing in September": debt already issued.
    r"|\b(?:refinanc|repay|redeem|retir|pay(?:ing)? down|pay(?:ing)? off)\w*"
    r" (?:an? |the |its |their |existing |outstanding )*(?:[^\s;,]+ ){0,4}?"
    r"(?:bonds?|notes?|loans?|debt|credit facilit(?:y|ies)|debentures?)\b"
    # A broker's rating ("was upgraded to buy from hold at Peel Hunt", "rate it a buy"):
    # "buy" is a recommendation there, not a purchase.
    r"|\b(?:upgrad|downgrad)\w*(?: [\w-]+){0,3}? to (?:a )?(?:strong )?buy\b"
    r"|\b(?:to|a|at) (?:strong )?buy (?:from|rating|recommendation)\b"
    r"|\brat(?:e|es|ed|ing) (?:it |the (?:stock|shares) )?(?:a |as a )?(?:strong )?buy\b"
)
_NOT_A_DEAL: Final = re.compile(_NOT_A_DEAL_SOURCE, re.IGNORECASE)
_NOT_A_DEAL_LOWERED: Final = re.compile(_NOT_A_DEAL_SOURCE)
_NOT_A_DEAL_STEM: Final = re.compile(
    r"invest|bond|dividend|stake|listing|ipo|you |financ|fund|pay|repay|redeem|retir|loan"
    r"|spend|grad|buy from|buy rat|buy rec|rat\w* (?:it |the |as )?(?:a )?buy"
)
# Every reference names one of these nouns: a cheap test before the reference pattern.
_REFERENCE_STEM: Final = re.compile(literal_trie(DEAL_REFERENCE_STEMS))
_REFERENCE: Final = re.compile(
    r"\b(?:the|this|that|these) (?:proposed |planned |upcoming |new |whole |latest )?"
    r"(?P<noun>" + "|".join(DEAL_REFERENCE_NOUNS) + r")\b",
    re.IGNORECASE,
)


def find_triggers(text: str) -> list[Trigger]:
    """Deal words of ``text`` in priority order; overlapping weaker words are dropped."""
    found: list[Trigger] = []
    lowered = text.lower()
    stems = set(_STEM.findall(lowered))
    if not stems and "private" not in lowered and " into " not in lowered:
        return found
    types = {deal_type for stem in stems for deal_type in _STEM_TYPES[stem]}
    on_lowered = lowering_keeps_matches(text, lowered)
    # The uses that name no deal are costly to find: only looked for once a deal word is.
    blocked: list[tuple[int, int]] | None = None
    for priority, (deal_type, pattern, lowered_pattern, confidence) in enumerate(_TRIGGER_PATTERNS):
        if deal_type not in types:
            continue
        if on_lowered and lowered_pattern is not None:
            matches = lowered_pattern.finditer(lowered)
        else:
            matches = pattern.finditer(text)
        for match in matches:
            start, end = match.span()
            if blocked is None:
                blocked = _non_deal_uses(text, lowered)
            if any(s <= start < e or start <= s < end for s, e in blocked):
                continue
            if any(t.start < end and start < t.end for t in found):
                continue
            verb = _VERB_FORM.fullmatch(text, start, end) is not None
            found.append(Trigger(deal_type, start, end, confidence, priority, verb))
    for match in _TAKE_PRIVATE.finditer(text) if "private" in lowered else ():
        start, end = match.span()
        found = [t for t in found if not (t.start < end and start < t.end)]
        found.append(Trigger("take_private", start, end, 0.8, -1))
    for match in _INTO_VERB.finditer(text) if " into " in lowered else ():
        start, end = match.span()
        if blocked is None:
            blocked = _non_deal_uses(text, lowered)
        if any(s <= start < e for s, e in blocked):
            continue
        if not any(t.start < end and start < t.end for t in found):
            found.append(
                Trigger("investment", start, end, 0.75, _INVESTMENT_PRIORITY, True, into_verb=True)
            )
    spending = _SPENDING.finditer(text) if "invest" in lowered or "sp" in lowered else ()
    for match in spending:
        start, end = match.span()
        if blocked is None:
            blocked = _non_deal_uses(text, lowered)
        if any(s <= start < e for s, e in blocked):
            continue
        if not any(t.start < end and start < t.end for t in found):
            found.append(Trigger("capex_plan", start, end, 0.7, len(_TRIGGER_PATTERNS), True))
    return sorted(_with_instruments(text, found), key=lambda t: (t.priority, t.start))


def _with_instruments(text: str, found: list[Trigger]) -> list[Trigger]:
    """ "invested $300m in X through convertible bonds": the instrument after "through" is
    the type of the investment named before it, not a second deal.

    >>> s = "It put $5m into Acme via convertible notes."
    >>> [(t.type, t.instrument) for t in find_triggers(s)]
    [('investment', 'convertible_bond')]
    """
    instruments = [
        t
        for t in found
        if t.type in _INSTRUMENT_TYPES
        and _INSTRUMENT_LEAD.search(text, max(0, t.start - 40), t.start) is not None
    ]
    for instrument in instruments:
        investments = [
            t
            for t in found
            if t.type == "investment"
            and t.end <= instrument.start
            and instrument.start - t.end <= _INSTRUMENT_REACH
            and _INSTRUMENT_BREAK.search(text, t.end, instrument.start) is None
        ]
        if not investments:
            continue
        investment = max(investments, key=lambda t: t.start)
        found = [t for t in found if t is not instrument and t is not investment]
        found.append(dataclasses.replace(investment, instrument=instrument.type))
    return found


def _non_deal_uses(text: str, lowered: str) -> list[tuple[int, int]]:
    if _NOT_A_DEAL_STEM.search(lowered) is None:
        return []
    if lowering_keeps_matches(text, lowered):
        return [m.span() for m in _NOT_A_DEAL_LOWERED.finditer(lowered)]
    return [m.span() for m in _NOT_A_DEAL.finditer(text)]


def lowering_keeps_matches(text: str, lowered: str) -> bool:
    """Whether a lower-case ASCII pattern finds, case sensitively in ``lowered``, the same
    spans it finds case-insensitively in ``text``: lowering must keep every offset, and
    ``re`` also folds the dotless "ı" and the long "ſ" onto "i" and "s", which lowering
    does not.

    >>> lowering_keeps_matches("Ørsted", "ørsted"), lowering_keeps_matches("İş", "i̇ş")
    (True, False)
    """
    return len(lowered) == len(text) and "ı" not in text and "ſ" not in text


def is_negated(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``[start, end)`` says the deal was refused or dropped."""
    window = text[max(0, start - 50) : min(len(text), end + 30)]
    return _NEGATION.search(window) is not None


def is_spending_verb(word: str) -> bool:
    return _SPENDING.fullmatch(word) is not None


def deal_references(text: str) -> list[tuple[int, int, frozenset[str] | None]]:
    """Definite references back to a deal ("the JV", "The agreement") with the deal types
    each may designate (None: any type).

    >>> deal_references("LG will buy a 51% stake in the JV.")
    [(27, 33, frozenset({'joint_venture'}))]
    """
    references: list[tuple[int, int, frozenset[str] | None]] = []
    lowered = text.lower()
    if lowering_keeps_matches(text, lowered) and _REFERENCE_STEM.search(lowered) is None:
        return references
    for match in _REFERENCE.finditer(text):
        noun = match.group("noun").lower()
        references.append((match.start(), match.end(), REFERENCE_TYPES.get(noun)))
    return references

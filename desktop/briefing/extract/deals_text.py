"""Text helpers of the deals extractor: how an amount relates to a deal word, clause
bounds for evidence, durations, and names the entity finder did not catch.

All functions are pure and work on a sentence's text with offsets relative to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Literal

from briefing.extract.vocab.deal_terms import (
    NAME_FILLERS,
    NATIONALITIES,
    NOT_NAMES,
    NUMBER_WORDS,
)

AmountRole = Literal[
    "headline",
    "per_share",
    "price",
    "order_book",
    "planned",
    "resized",
    "valuation",
    "metric",
    "restated",
]

_PER_SHARE = re.compile(
    # "a" and "an" only as words: "$1.5bn accelerated share repurchase" is no per-share price.
    r"\s*\)?\s*(?:(?:per|a|an|each)\b|/)\s*(?:[\w-]+\s+)?(?:share|h-share|ads|adr|unit)s?\b"
    r"|\s*(?:apiece|each)\b",
    re.IGNORECASE,
)
_LEADING_ASIDE = re.compile(r"^\s*\([^()]{0,40}\)")
_PRICE_LEADS = (
    r"of|at|is|was|to|set at|fixed at|has been fixed at|is set at|of up to|of about|is about"
)
# "priced $3 billion of notes" issues an amount; "priced at $6", "price of $6" state a price.
_PRICE_BEFORE = re.compile(
    rf"\b(?:price(?: band| range)?(?: (?:{_PRICE_LEADS}))?|price[sd] (?:{_PRICE_LEADS}))\s*$",
    re.IGNORECASE,
)
# "an order from X worth EUR 900m" states the order's value, not an order book.
_ORDER_BOOK_BEFORE = re.compile(
    r"\b(?:orders?|order ?book|bids|demand|subscriptions?)\b"
    r"(?![^.;]{0,25}\b(?:worth|valued at)\b)[^.;]{0,25}$",
    re.IGNORECASE,
)
_PLANNED_BEFORE = re.compile(
    r"\b(?:initially|originally|first|previously) (?:planned|targeted|sought|aimed|intended|"
    r"expected)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
_RESIZED_BEFORE = re.compile(
    r"\b(?:size|total|amount)\b(?:\s+[\w-]+){0,3}\s*$|\bupsized(?: to)?\s*$", re.IGNORECASE
)
_VALUATION_BEFORE = re.compile(
    r"\bvaluation\b[^.;]{0,30}$|\bvalu(?:es|ing) (?:[A-Z][\w-]*\s*){1,4}at\s*$"
    r"|\bmarket (?:value|capitali[sz]ation)\b[^.;]{0,15}$",
    re.IGNORECASE,
)
_METRIC_AFTER = re.compile(
    r"\s*(?:in|of)\s+(?:[\w-]+\s+){0,2}(?:sales|revenues?|profits?|earnings|income|ebitda"
    r"|turnover|cash flow)\b",
    re.IGNORECASE,
)
_RESTATED_BEFORE = re.compile(
    r"(?:\(\s*(?:about|nearly|approximately|around|roughly|some|or|~|i\.e\.)?\s*"
    r"|\b(?:equivalent to|or about|or roughly|or some|or nearly)\s+(?:approximately\s+)?)$",
    re.IGNORECASE,
)

# Between an amount and its deal word: clause breaks end the link.
_GAP_BREAK = re.compile(
    r"[;:!?]|,\s|(?<![A-Z])(?<!Inc)(?<!Corp)(?<!Co)(?<!Ltd)(?<!Bhd)(?<!Cos)\.\s|\s[–—]\s"
    r"|\b(?:and|but|while|whereas|although|though|which|that|who"
    r"|after|before|because|since|left|revenues?|sales|profits?|earnings|grew|rose|fell"
    r"|increased|decreased|jumped|declined|climbed)\b",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\([^()]*\)")
# "to acquire Veritome Inc., a privately held developer of software, for $275 million": an
# appositive describing the target between the deal word and its price.
_APPOSITIVE_BEFORE_PRICE = re.compile(
    r",\s+(?:an?|the|its)\s[^,;()]{1,100},\s+(?=for\b|valued at\b|worth\b)", re.IGNORECASE
)
# "for $61 a share in cash, or about $7.4 billion": the per-share price before the total.
_PER_SHARE_THEN_TOTAL = re.compile(
    r"\s(?:for|at)\s+\S{1,12} (?:a|per) (?:share|ADS|unit)\b[^,;()]{0,25},\s+or\s+"
    r"(?:about |around |roughly |approximately |nearly |some )?$",
    re.IGNORECASE,
)
MAX_GAP: Final = 60
# "to acquire X ... for an enterprise value of EUR 340m", "in a transaction valued at $6.8bn":
# a price lead ties the amount to the deal word across a longer description of the target.
_PRICE_LEAD = re.compile(
    r"(?:\bfor|\bvalued at|\bworth|\bvaluing (?:it|the (?:company|business|deal)) at)\s+"
    r"(?:(?:an?|the) (?:total |enterprise |equity |aggregate |cash )?"
    r"(?:value|consideration|sum|price|cost) of\s+)?"
    r"(?:(?:about|around|roughly|approximately|nearly|some|up to|as much as)\s+)?$",
    re.IGNORECASE,
)
MAX_PRICED_GAP: Final = 110

_CLAUSE_LEFT = re.compile(
    r"[;:(]|,\s|\s[–—-]\s|--|\b(?:and|but|while|whereas|after|because|since)\s", re.IGNORECASE
)
_CLAUSE_RIGHT = re.compile(
    r"[;:(]|,\s|\s[–—-]\s|--|\s(?:and|but|while|whereas)\b|\.\s|\.$", re.IGNORECASE
)

_NUMBER_WORD = "|".join(NUMBER_WORDS)
_DURATION = re.compile(
    rf"\b(?:(?P<over>over|for|during|across|within) (?:the )?(?:next |coming |following )?)?"
    rf"(?P<n>\d{{1,2}}|{_NUMBER_WORD})[- ](?P<unit>year|month)s?\b",
    re.IGNORECASE,
)
# Only a text naming years or months can state a tenor: cheaper to test than _DURATION.
_DURATION_UNIT = re.compile(r"year|month", re.IGNORECASE)
_JOINER = re.compile(r"\s*(?:after|as|since|when|with)\s+", re.IGNORECASE)
# Lower-case words inside a name ("Ministry of Defence", "Department for Transport").
_NAME_JOINERS: Final = ("and", "&", "of", "for")
_NEXT_TO_NUMBER = re.compile(r"[$€£¥]|\s?\d")
_TOKEN = re.compile(r"[A-Za-z](?:[\w&'’-]|\.(?=\w))*")
_DESCRIPTOR_THEN_NAME = re.compile(
    rf"(?:{NATIONALITIES})(?:'s|’s)? (?:[a-z][\w-]* ){{1,3}}(?=[A-Z])"
)
_COUNTRY_POSSESSIVE = re.compile(rf"(?:{NATIONALITIES})(?:'s|’s) ")


def amount_role(text: str, start: int, end: int, previous_money_end: int | None) -> AmountRole:
    """What the money amount at ``text[start:end]`` is, judged from its neighbours.

    >>> s = "raised €750m at first; orders of €2bn; price at $6 per share"
    >>> amount_role(s, s.index("$6"), s.index("$6") + 2, None)
    'per_share'
    >>> amount_role(s, s.index("€2bn"), s.index("€2bn") + 4, None)
    'order_book'
    >>> amount_role("a deal worth $5bn ($4bn)", 19, 22, 17)
    'restated'
    """
    before = text[max(0, start - 60) : start]
    after = _LEADING_ASIDE.sub("", text[end : end + 60], count=1)
    if previous_money_end is not None and _RESTATED_BEFORE.search(text[previous_money_end:start]):
        return "restated"
    if _PER_SHARE.match(after):
        return "per_share"
    if _PRICE_BEFORE.search(before):
        return "price"
    if _PLANNED_BEFORE.search(before):
        return "planned"
    if _RESIZED_BEFORE.search(before):
        return "resized"
    if _ORDER_BOOK_BEFORE.search(before):
        return "order_book"
    if _VALUATION_BEFORE.search(before):
        return "valuation"
    if _METRIC_AFTER.match(after):
        return "metric"
    return "headline"


MAX_GAP_BEFORE_WORD: Final = 20


def linked(text: str, left_end: int, right_start: int, max_gap: int = MAX_GAP) -> bool:
    """Whether two spans sit in one phrase: a short gap without a clause break.

    Parenthesised asides in the gap ("C$5B (US$4.1B) in a joint venture") are ignored.

    >>> s = "plans to spend C$5B (US$4.1B) in a joint venture"
    >>> linked(s, s.index(" (US"), s.index("joint"))
    True
    >>> s = "has $5bn left that could be used for buybacks"
    >>> linked(s, s.index(" left"), s.index("buybacks"))
    False
    """
    if right_start < left_end:
        return True
    gap = _PARENTHESES.sub(" ", text[left_end:right_start])
    if "(" in gap or ")" in gap:
        gap = gap.replace("(", " ").replace(")", " ")
    if ", " in gap:
        gap = _APPOSITIVE_BEFORE_PRICE.sub(" ", gap)
        gap = _PER_SHARE_THEN_TOTAL.sub(" for ", gap)
    if len(gap) > max_gap and not (
        max_gap == MAX_GAP and len(gap) <= MAX_PRICED_GAP and _PRICE_LEAD.search(gap)
    ):
        return False
    return _GAP_BREAK.search(gap) is None


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the enclosing clause of the sentence ``text``.

    >>> s = "Shares rose 5% after it announced a $9bn share buyback, a record."
    >>> b = clause_bounds(s, s.index("$9bn"), s.index("buyback") + 7)
    >>> s[b[0]:b[1]]
    'it announced a $9bn share buyback'
    """
    left = 0
    for match in _CLAUSE_LEFT.finditer(text, 0, start):
        left = match.end()
    left = _skip_joiners(text, left, start)
    right = len(text)
    boundary = _CLAUSE_RIGHT.search(text, end)
    if boundary is not None:
        right = boundary.start()
    while right > end and text[right - 1] in " .":
        right -= 1
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def _skip_joiners(text: str, left: int, limit: int) -> int:
    """Drop a leading "after"/"as" that joins the clause to the previous one."""
    match = _JOINER.match(text, left)
    if match is not None and match.end() <= limit:
        return match.end()
    return left


def duration_near(text: str, start: int, end: int) -> str | None:
    """A stated tenor or programme length ("3 years") nearest to ``[start, end)``.

    >>> duration_near("a three-year agreement valued at 5m", 2, 22)
    '3 years'
    >>> duration_near("invest $5bn over the next five years", 0, 11)
    '5 years'
    >>> duration_near("it grew 5% in two years", 0, 2) is None
    False
    """
    if _DURATION_UNIT.search(text) is None:
        return None
    best: tuple[int, str] | None = None
    for match in _DURATION.finditer(text):
        raw = match.group("n").lower()
        number = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        unit = match.group("unit").lower()
        label = f"{number} {unit}{'s' if number != 1 else ''}"
        distance = max(0, match.start() - end, start - match.end())
        if best is None or distance < best[0]:
            best = (distance, label)
    return best[1] if best is not None else None


def name_after(text: str, position: int, limit: int = 60) -> tuple[int, int] | None:
    """The span of a capitalised name shortly after ``position`` (descriptors skipped).

    A fallback for targets the entity finder did not know ("to RNESL for ...").

    >>> s = "to sell a stake to RNESL for 10 billion"
    >>> span = name_after(s, s.index("to RNESL") + 2)
    >>> s[span[0]:span[1]]
    'RNESL'
    >>> s = "a deal with Korean studio Hanbit Pictures"
    >>> span = name_after(s, s.index("with") + 4)
    >>> s[span[0]:span[1]]
    'Hanbit Pictures'
    """
    skipped = 0
    described = False
    name_start = name_end = -1
    for token in _TOKEN.finditer(text, position, min(len(text), position + limit)):
        if text[position : token.start()].strip(" ") and name_start < 0:
            between = text[position : token.start()]
            if any(ch in between for ch in ",;:.()"):
                return None
        word = token.group()
        if name_start < 0 and (
            _NEXT_TO_NUMBER.match(text, token.end())
            or (token.start() > 0 and text[token.start() - 1].isdigit())
            or word in NOT_NAMES
        ):
            return None  # a currency code, a unit or a date word, not a name
        if name_start >= 0:
            gap = text[name_end : token.start()]
            if gap == " " and (word[0].isupper() or word in _NAME_JOINERS):
                name_end = token.end()
                continue
            if _DESCRIPTOR_THEN_NAME.match(text, name_start):
                # "Korean studio Hanbit Pictures": a nationality describes the name after it.
                name_start = name_end = -1
                position = token.start()
                skipped = 0
                described = True
                if word[0].isupper():
                    name_start, name_end = token.start(), token.end()
                continue
            break
        if name_start < 0 and word.endswith("-based"):
            described = True  # "Ohio-based Lakeshore Terminal": a descriptor of the name
            position = token.end()
            continue
        if word[0].isupper() and not (word.isupper() and len(word) <= 2):
            name_start, name_end = token.start(), token.end()
            continue
        if word.lower() in NAME_FILLERS and described:
            return None  # "in accordance with X": X is not what the deal word points at
        if word.lower() in NAME_FILLERS or word.islower() or word.isupper():
            described = described or word.lower() not in NAME_FILLERS
            skipped += 1
            position = token.end()
            if skipped > 3:
                return None
            continue
        return None
    if name_start < 0:
        return None
    while text[name_start:name_end].split()[-1] in _NAME_JOINERS:
        name_end = name_start + text[name_start:name_end].rstrip().rfind(" ")
    owner = _COUNTRY_POSSESSIVE.match(text, name_start, name_end)
    if owner is not None and owner.end() < name_end:
        name_start = owner.end()  # "Germany's Kessling AG"
    return name_start, name_end


def initials(name: str) -> str:
    """Upper-case initials of a name's words ("Reliance New Energy Solar Ltd" -> "RNESL").

    >>> initials("Reliance New Energy Solar Ltd")
    'RNESL'
    """
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())


def expand_acronym(acronym: str, names: Iterable[str]) -> str | None:
    """The longer name an unknown all-caps acronym abbreviates, if one is in ``names``.

    >>> expand_acronym("RNESL", ["Reliance Industries", "Reliance New Energy Solar Ltd"])
    'Reliance New Energy Solar Ltd'
    >>> expand_acronym("ABC", ["Alpha Beta"]) is None
    True
    """
    if not (acronym.isupper() and len(acronym) >= 3):
        return None
    for name in names:
        letters = initials(name)
        if len(letters) >= 2 and (acronym in (letters, letters[:-1])):
            return name
    return None

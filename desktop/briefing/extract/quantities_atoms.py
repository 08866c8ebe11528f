"""Single amounts ("atoms") as written, before neighbouring amounts are joined into ranges.

One match of ``DIGIT_AMOUNT`` or ``WORD_AMOUNT`` becomes one ``Atom`` here; the scanner in
``quantities_scan`` finds the matches and adds the words around them.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from briefing.extract.quantities_currency import (
    BRACKET_TAIL,
    UNKNOWN_CURRENCY,
    in_money_form,
    is_rand,
    may_follow_currency,
    money_context_near,
    prefix_currency_form,
    suffix_currency,
)
from briefing.extract.quantities_patterns import (
    DIGIT_AMOUNT,
    REVERSED_CURRENCY,
    REVERSED_MONTH,
    WORD_AMOUNT,
)
from briefing.extract.vocab import counted_nouns, currencies, scales

_AND_A_HALF = " and a half"
_SCALE_GROUPS = ("scale_word", "scale_abbr", "scale_letter", "plus")
# The groups read for scale and unit, and their values for an amount with neither and for
# the commonest suffix, a glued "%", which need not be read from the match.
_UNIT_GROUPS = tuple(
    name for name in DIGIT_AMOUNT.groupindex if name not in ("date", "sep", "num_rest")
)
_BARE_GROUPS: dict[str, str | None] = dict.fromkeys(_UNIT_GROUPS)
_GLUED_PERCENT_GROUPS: dict[str, str | None] = {**_BARE_GROUPS, "percent": "%"}
_BLANK_CHARS = frozenset(" \u00a0\u202f")
_BRACKETED_PERCENT = ")%"


class Atom(NamedTuple):
    """One amount: where it is, its number before scaling, its scale and its unit.

    A named tuple rather than a dataclass: a text has dozens of amounts and a frozen
    dataclass costs several times as much to build.
    """

    start: int
    end: int
    number: float  # the written number, signed, before scale and minor-unit factor
    scale: float  # 1.0 when no scale word was written
    has_scale: bool
    factor: float  # minor unit to major unit (0.01 for cents and pence), else 1.0
    unit: str | None
    kind: str
    approx: bool = False
    bound: str | None = None
    between: bool = False  # "between" stands in front of it
    lead_end: int = 0  # where its text starts if "between" turns out not to open a range
    core_start: int = 0  # where the amount proper starts, after hedges
    needs_currency: bool = False  # "5m" is an amount only when money

    @property
    def value(self) -> float:
        return tidy(self.number * self.scale * self.factor)


def tidy(value: float) -> float:
    """The value without the binary noise of scaling (4.19 * 1e9 is 4190000000.0000005).

    >>> tidy(4.19 * 1e9), tidy(470 * 0.01)
    (4190000000.0, 4.7)
    """
    return float(f"{value:.15g}")


class TextReader:
    """One text, its reversed copy and lower-cased copy, shared by all its atoms."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reversed = text[::-1]
        lowered = text.lower()
        # lower() may change the length of a few non-Latin letters; offsets must hold.
        self.lowered = lowered if len(lowered) == len(text) else None

    def behind(self, pattern: re.Pattern[str], end: int, floor: int = 0) -> re.Match[str] | None:
        """``pattern`` matched leftwards from ``end`` (spelt backwards), not past ``floor``.

        The text is cut at ``floor`` only when the free match would cross it, so that
        look-arounds see the real neighbours wherever they can.
        """
        n = len(self.text)
        match = pattern.match(self.reversed, n - end)
        if match is not None and n - match.end() < floor:
            match = pattern.match(self.reversed, n - end, n - floor)
        return match

    def forward_span(self, match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
        """The span in the text of a group of a match made in the reversed text."""
        n = len(self.text)
        return n - match.end(group), n - match.start(group)


def number_of_words(words: str) -> float | None:
    """Value of a written number, or None when it is not one.

    >>> number_of_words("one hundred and sixty-one"), number_of_words("Two and a half")
    (161.0, 2.5)
    >>> number_of_words("a"), number_of_words("three quarters"), number_of_words("many")
    (1.0, 0.75, None)
    """
    lowered = " ".join(words.lower().replace("-", " ").replace("‐", " ").split())
    if lowered in scales.FRACTION_WORDS:
        return scales.FRACTION_WORDS[lowered]
    half = lowered.endswith(_AND_A_HALF)
    if half:
        lowered = lowered.removesuffix(_AND_A_HALF)
    total = 0.0
    for token in lowered.split(" "):
        if token == "and":
            continue
        if token in scales.INDEFINITE_ARTICLES:
            total += 1
        elif token == scales.HUNDRED_WORD:
            total = max(total, 1.0) * 100
        elif token in scales.UNIT_WORDS:
            total += scales.UNIT_WORDS[token]
        elif token in scales.TENS_WORDS:
            total += scales.TENS_WORDS[token]
        else:
            return None
    return total + 0.5 if half else total


def _scale_of(groups: dict[str, str | None]) -> tuple[float, bool, bool]:
    """(scale, has_scale, needs_currency) of the scale written after the number."""
    if word := groups["scale_word"]:
        return scales.SCALE_WORDS[" ".join(word.lower().split())], True, False
    if abbr := groups["scale_abbr"]:
        return scales.SCALE_ABBREVIATIONS[abbr], True, False
    if letter := groups["scale_letter"]:
        needs = letter in scales.SCALE_LETTERS_NEEDING_CURRENCY
        return scales.SCALE_LETTERS[letter], True, needs
    return 1.0, False, False


def _unit_start(match: re.Match[str]) -> int:
    """Where the unit suffix starts: the end of the number, its scale and a glued "+"."""
    number = "num_rest" if match.re is DIGIT_AMOUNT else "words"
    return max(match.end(g) for g in (number, *_SCALE_GROUPS))


def read_atom(
    reader: TextReader, match: re.Match[str], start: int, number: float, floor: int = 0
) -> Atom | None:
    """The amount whose number (or its sign) starts at ``start`` and whose number and unit
    ``match`` read, with a currency in front that does not reach back before ``floor``;
    None when it is not an amount after all."""
    text = reader.text
    in_digits = match.re is DIGIT_AMOUNT
    end = match.end()
    number_end = match.end("num_rest" if in_digits else "words")
    # Most amounts are bare digits ("$205", "2025", "16") or a glued "%": their groups need
    # not be read.
    bare = end == number_end
    glued_percent = in_digits and end == number_end + 1 and text[number_end] == "%"
    if bare:
        groups, scale, has_scale, needs_currency = _BARE_GROUPS, 1.0, False, False
    elif glued_percent:
        groups, scale, has_scale, needs_currency = _GLUED_PERCENT_GROUPS, 1.0, False, False
    else:
        groups = match.groupdict()
        scale, has_scale, needs_currency = _scale_of(groups)
    unit: str | None = None
    kind, factor = "number", 1.0
    # "$(21.3) million": an accounting negative with the currency outside the brackets
    bracketed = bare and in_digits and text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    lead = start - 1 if bracketed else start
    currency = None
    if in_digits and lead and may_follow_currency(text, lead):
        currency = reader.behind(REVERSED_CURRENCY, lead)
        if currency is not None and reader.forward_span(currency)[0] < floor:
            currency = None  # "10 rmb 20 usd": "rmb" belongs to the amount before
    tail = BRACKET_TAIL.match(text, end) if bracketed and currency is not None else None
    if currency is not None and (tail is not None or not bracketed):
        unit, prefix_scale, needs_form = prefix_currency_form(currency.group("cur_pre")[::-1])
        if unit is not None and needs_form:
            digits = text[match.start() : number_end]
            if not in_money_form(digits, has_scale):
                unit = None  # "SR 520", "COP 28": a road, a conference
        if unit is not None:
            kind = "money"
            if tail is not None:
                number, end = -number, tail.end()
                scale, has_scale, _ = _scale_of(tail.groupdict())
            if prefix_scale != 1.0:
                scale, has_scale = prefix_scale * scale, True
            if currency.group("psign"):
                number = -number
            start = reader.forward_span(currency)[0]
    elif bracketed and text.startswith(_BRACKETED_PERCENT, end) and floor < start:
        # "or (7)% of revenue": the same accounting negative, on a percentage
        unit, kind, number, start, end = "%", "percent", -number, start - 1, end + 2
    elif (
        in_digits
        and floor < start
        and text[start - 1] == currencies.RAND_LETTER
        and is_rand(text, start, end, text[start:number_end], has_scale)
    ):
        unit, kind, start = currencies.RAND_CODE, "money", start - 1
    if unit is None and start > 0 and (text[start - 1].isalpha() or text[start - 1] in "_"):
        return None  # glued to a word: "Q2", "FY2026", "H1", "A320"
    if glued_percent and unit is None:
        unit, kind = "%", "percent"  # what ``_with_unit`` makes of it, read at once
    elif not bare:
        unit, kind, factor, scale, has_scale, end = _with_unit(
            match, groups, number, unit, kind, scale, has_scale
        )
    if groups["cents_glued"] and not money_context_near(text, start, end):
        return None  # "the iPhone 5c": a letter glued on, like "5G"
    if match.re is WORD_AMOUNT and end == _unit_start(match) and _hyphen_word_follows(text, end):
        return None  # "one-off", "twenty-first", "three-year"
    if not math.isfinite(number * scale * factor):
        return None
    if kind == "number" and not has_scale:
        if _is_year(text, start, end):
            kind = "year"
        elif _is_day_of_month(reader, text, start, end):
            return None
    bound = None if bare or not (groups["plus"] or groups["plus_after"]) else "min"
    needs_currency = needs_currency and kind != "money"
    return Atom(
        start, end, number, scale, has_scale, factor, unit, kind, False, bound, False, start,
        start, needs_currency,
    )  # fmt: skip


def _with_unit(
    match: re.Match[str],
    groups: dict[str, str | None],
    number: float,
    unit: str | None,
    kind: str,
    scale: float,
    has_scale: bool,
) -> tuple[str | None, str, float, float, bool, int]:
    """(unit, kind, factor, scale, has_scale, end) once the unit behind the number is read."""
    factor, end = 1.0, match.end()
    code, suffix_scale, suffix_factor = suffix_currency(groups, number)
    if code and unit is None and kind == "number":
        unit = None if code == UNKNOWN_CURRENCY else code
        kind, factor = "money", suffix_factor
        if suffix_scale != 1.0:
            scale, has_scale = scale * suffix_scale, True
    elif code or unit is not None or _singular_noun_of_many(groups, number):
        # a second unit after a currency ("£94.50 GBP", "Rs 8,100 crore share buyback"), or a
        # singular noun after a number other than one ("a twenty pound bag"): stop before it
        end = _unit_start(match)
    elif groups["percent"] or groups["percent_glued"]:
        unit, kind = "%", "percent"
    elif points := groups["points"]:
        kind = "points"
        if points[:1] in "bB":
            factor = 0.01
    elif groups["multiple"] or groups["times"]:
        unit, kind = "x", "multiple"
    elif groups["shares"]:
        unit, kind = "shares", "shares"
    elif groups["count"]:
        unit, kind = "count", "count"
    return unit, kind, factor, scale, has_scale, end


def _singular_noun_of_many(groups: dict[str, str | None], number: float) -> bool:
    if number == 1:
        return False
    if groups["pound_one"]:
        return True
    noun = groups["count"] or groups["shares"]
    return noun is not None and noun in counted_nouns.SINGULAR_NOUNS


def word_before(text: str, start: int) -> str:
    """The word right in front of ``start`` and one blank, lower-cased ("" when none).

    >>> word_before("rose more than 5%", 15)
    'than'
    """
    if start < 2 or text[start - 1] not in _BLANK_CHARS:
        return ""
    return text[max(0, start - 16) : start - 1].rpartition(" ")[2].lower()


def _hyphen_word_follows(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] in "-‐" and text[end + 1].isalpha()


def _is_year(text: str, start: int, end: int) -> bool:
    digits = text[start:end]
    if len(digits) != 4 or not digits.isdigit():
        return False
    low, high = scales.YEAR_RANGE
    return low <= int(digits) <= high


def _is_day_of_month(reader: TextReader, text: str, start: int, end: int) -> bool:
    """A day number after a month name ("January 5, 2025", "Sept. 30")."""
    return (
        end - start <= 2
        and text[start:end].isdigit()
        and (reader.behind(REVERSED_MONTH, start) is not None)
    )

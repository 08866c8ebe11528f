"""Compiled regular expressions of the quantity parser, built once from the vocab tables.

Every pattern that scans a whole text starts with a character class, which lets the regex
engine skip quickly to the places worth trying: ``DIGIT_AMOUNT`` starts on a digit,
``WORD_TRIGGER`` on the blank before a number word. What stands in front of an amount
(currency, hedge, "between", "minus", a month name) is read leftwards from the amount with
patterns written backwards and matched in the reversed text, so no pattern ever has to try
every position of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from briefing.extract.vocab import counted_nouns, currencies, hedges, scales

# One space-like character; never a newline, so that amounts do not run across lines.
SP: Final = "[ \u00a0\u202f]"


def _literal(phrase: str) -> str:
    return re.escape(phrase).replace("\\ ", SP + "+")


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, with flexible inner spaces.

    Phrases are grouped by their first character, so that the engine rejects a position
    with one test instead of one per phrase.

    >>> alternation(["bn", "b", "mn"])
    '(?:b(?:n|)|mn)'
    >>> alternation(["a b"])
    '(?:a[ \\xa0\\u202f]+b)'
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(word)
    parts = [
        _literal(group[0])
        if len(group) == 1
        else _literal(first) + "(?:" + "|".join(_literal(w[1:]) for w in group) + ")"
        for first, group in by_first.items()
    ]
    return "(?:" + "|".join(parts) + ")"


def _case_variants(word: str) -> set[str]:
    return {word, word.lower(), word.upper(), word.capitalize()}


def _iso_codes(*, upper_only: bool = False) -> list[str]:
    codes: list[str] = []
    for code in currencies.ISO_CODES:
        codes.append(code)
        if not upper_only and code not in currencies.CODES_UPPER_CASE_ONLY:
            codes.append(code.lower())
    return codes


_ISO = alternation(_iso_codes())
_ISO_UPPER = alternation(_iso_codes(upper_only=True))
_SYMBOL = alternation(currencies.SYMBOLS)


def reversed_alternation(words: Iterable[str]) -> str:
    """``alternation`` of the words spelt backwards, for matching leftwards in reversed text.

    >>> reversed_alternation(["HK", "more than"])
    '(?:naht[ \\xa0\\u202f]+erom|KH)'
    """
    return alternation(w[::-1] for w in words)


def _dollar_variants(*, spaced: bool) -> list[str]:
    variants: set[str] = set()
    for key in currencies.DOLLAR_PREFIXES:
        if not key or (key in currencies.DOLLAR_PREFIXES_SPACED) != spaced:
            continue
        variants |= _case_variants(key)
        if key == "us":
            variants |= {"U.S.", "u.s.", "U.S", "u.s"}
    return sorted(variants)


# A currency written in front of an amount, read leftwards from the amount in reversed text:
# "HK$6" reversed is "6$KH". Also the sign in front of it ("-$5"), and "USD:" / "$ " gaps.
REVERSED_CURRENCY: Final = re.compile(
    rf"{SP}?:?(?P<cur_pre>"
    rf"\${SP}?{reversed_alternation(_dollar_variants(spaced=True))}(?![A-Za-z])"
    rf"|\${reversed_alternation(_dollar_variants(spaced=False))}(?![A-Za-z])"
    r"|\$"
    rf"|{reversed_alternation(_iso_codes(upper_only=True))}M(?![A-Za-z])"
    rf"|{reversed_alternation(_iso_codes())}(?![A-Za-z])"
    rf"|{reversed_alternation(currencies.PREFIX_ABBREVIATIONS)}(?![A-Za-z])"
    rf"|{_SYMBOL}"
    r")(?:(?P<psign>[-−])(?![A-Za-z0-9_.,]))?"
)


_MONTHS = alternation(scales.MONTH_NAMES)
# After the first digit of a date or clock time: "04.01.2026", "2015-08-12", "12:24:06",
# "15 June 2016". Dates are read only to be skipped.
_DATE_REST = (
    r"[0-9]{0,3}(?P<sep>[./-])[0-9]{1,2}(?P=sep)[0-9]{1,4}(?![0-9]|\.[0-9])"
    r"|[0-9]?:[0-9]{2}(?::[0-9]{2})?(?![0-9])"
    rf"|[0-9]?(?:st|nd|rd|th)?{SP}+{_MONTHS}\b\.?(?:,?{SP}+[0-9]{{4}}(?![0-9]))?"
)

_UNIT_WORDS = alternation(scales.UNIT_WORDS)
_ONE_TO_NINE = alternation(w for w, v in scales.UNIT_WORDS.items() if 1 <= v <= 9)
_TENS = alternation(scales.TENS_WORDS)
_SMALL = rf"(?:{_TENS}(?:[-‐]|{SP})?{_ONE_TO_NINE}|{_TENS}|{_UNIT_WORDS})"
_BIG_SCALE = r"(?:hundred|thousand|million|billion|trillion|dozen)\b"
_ARTICLE = alternation(scales.INDEFINITE_ARTICLES)
_FRACTION = alternation(scales.FRACTION_WORDS)
_FRACTION_SCALE = rf"(?={SP}+(?:a{SP}+)?(?:thousand|million|billion|trillion)\b)"
WORD_NUMBER: Final = (
    "(?i:"
    rf"{_FRACTION}{_FRACTION_SCALE}"
    rf"|(?:{_SMALL}|{_ARTICLE}(?={SP}+{_BIG_SCALE}))"
    rf"(?:{SP}+{scales.HUNDRED_WORD}(?:{SP}+(?:and{SP}+)?{_SMALL})?)?"
    rf"(?:{SP}+and{SP}+a{SP}+half\b)?"
    ")"
)

# A scale glued on ("$4.1B") or after a blank or hyphen ("5.59 billion", "Rs 1,640-crore").
SCALE: Final = (
    rf"(?P<scale_letter>{alternation(scales.SCALE_LETTERS)[3:-1]})"
    rf"|(?:{SP}|-)?(?:(?P<scale_word>(?i:{alternation(scales.SCALE_WORDS)[3:-1]}))"
    rf"|(?P<scale_abbr>{alternation(scales.SCALE_ABBREVIATIONS)[3:-1]}))"
)

_MODIFIER = rf"(?:{alternation(counted_nouns.NOUN_MODIFIERS)}{SP}+)?"
_NAMES = alternation([*currencies.CURRENCY_NAMES, *currencies.NAMES_OF_UNKNOWN_CURRENCY])
_MINOR_WORDS = alternation(w for w in currencies.MINOR_UNITS if w.isalpha() or " " in w)
_SCALE_AFTER_CODE = r"(?i:thousand|million|billion|trillion)"
_UNIT_FIRST_CHARS = "A-Za-z%$" + "".join(currencies.SYMBOLS)

# The unit behind the number. A few forms are only read glued ("600p", "34pc", "20x"); the
# others glued, after blanks or after a hyphen ("a 5-percent stake", "a 12-cent dividend"),
# with the blank read once for all of them. Alternatives are ordered so that the longer
# reading wins ("percentage points" before "percentage").
UNIT_SUFFIX: Final = (
    r"(?P<percent_glued>pc)|(?P<multiple>[xX×])|(?P<minor_sym>¢)"
    rf"|(?<=[0-9])(?P<pence_glued>{currencies.GLUED_PENCE})"
    rf"|(?<=[0-9])(?P<cents_glued>{currencies.GLUED_CENTS})"
    rf"|(?:{SP}+|-)?(?=[{_UNIT_FIRST_CHARS}])(?:"
    rf"(?P<points>(?i:percentage{SP}+points?|percentage{SP}+pts?|basis{SP}+points?|bps|bp)"
    r"|pp|ppts?|pps)"
    rf"|(?P<percent>%|(?i:percent(?:age)?s?|per{SP}?cent)|pct)"
    r"|(?P<times>(?i:times))"
    rf"|(?P<mcode_suf>M{_ISO_UPPER})"
    rf"|(?P<code_suf>{_ISO})(?:{SP}(?P<scale_after>{_SCALE_AFTER_CODE}))?"
    rf"|(?P<symbol_suf>(?:C|US|A|HK|S)?\$|{_SYMBOL[3:-1]})"
    rf"|(?P<name_suf>(?i:{_NAMES[3:-1]}))"
    rf"|(?P<minor>(?i:{_MINOR_WORDS[3:-1]}))"
    rf"|(?P<pound_one>(?i:{currencies.SINGULAR_POUND}))"
    rf"|{_MODIFIER}(?P<shares>{alternation(counted_nouns.SHARE_NOUNS)[3:-1]})"
    rf"|{_MODIFIER}(?P<count>{alternation(counted_nouns.COUNT_NOUNS)[3:-1]})"
    ")"
)

# After the first digit: Western grouping, Indian grouping ("1,06,61,418") or plain digits,
# with decimals; or the digits after a leading decimal point (".75"). Groups split by blanks
# ("10 000 dollars") only right before a currency, where they cannot be two numbers.
_NUMBER_REST = (
    r"(?<=[0-9])(?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]?(?:,[0-9]{2})+,[0-9]{3}"
    rf"|[0-9]{{0,2}}(?:{SP}[0-9]{{3}})+(?={SP}?(?:{_NAMES}|{_ISO}|{_SYMBOL})(?![A-Za-z]))"
    r"|[0-9]*)(?:\.[0-9]+)?"
    r"|(?<=\.)[0-9]+"
)

# Scale, unit and the end of an amount: no letters, digits, times or decimals glued on
# ("1H16", "5G", "1,2345").
_TAIL = (
    rf"(?:{SCALE})?"
    r"(?P<plus>\+(?![0-9]))?"
    rf"(?:{UNIT_SUFFIX})?"
    r"(?P<plus_after>\+(?![0-9]))?"
    r"(?![A-Za-z0-9])"
)

# An amount written in digits, from its first digit; or a date, which is skipped. The first
# digit must not continue a number ("1,35", "5.5").
DIGIT_AMOUNT: Final = re.compile(
    r"[0-9.](?<![0-9.,%][0-9.])"
    rf"(?:(?<=[0-9])(?P<date>{_DATE_REST})|(?P<num_rest>{_NUMBER_REST})(?![.,:/]?[0-9]){_TAIL})"
)

# The blank in front of a number word, in the lower-cased text; "a", "half" only before a scale.
_TRIGGER_WORDS = alternation([*scales.UNIT_WORDS, *scales.TENS_WORDS])
_TRIGGER_SCALED = alternation([*scales.INDEFINITE_ARTICLES, *scales.FRACTION_WORDS])
WORD_TRIGGER: Final = re.compile(
    rf"[\s(\"'“‘/~](?:{_TRIGGER_WORDS}|{_TRIGGER_SCALED}{SP}+(?:a{SP}+)?{_BIG_SCALE})(?![a-z])"
)
WORD_AMOUNT: Final = re.compile(rf"(?P<words>{WORD_NUMBER}){_TAIL}")

# Words in front of an amount, read leftwards in the reversed text: a sign word next to the
# amount, then up to two hedges, then "between" ("between about 16 and 20").
REVERSED_PREFIX: Final = re.compile(
    rf"(?P<sign_word>{SP}+(?i:{reversed_alternation(hedges.SIGN_WORDS)[3:-1]})(?![A-Za-z])"
    rf"(?!{SP}*(?i:{reversed_alternation(hedges.TOLERANCE_LEADS)[3:-1]})(?![A-Za-z])))?"
    rf"(?P<hedge>(?:{SP}+(?i:{reversed_alternation(hedges.HEDGE_PHRASES)[3:-1]})(?![A-Za-z])"
    rf"|{SP}?~(?![0-9])){{1,2}})?"
    rf"(?P<between>{SP}+(?i:{hedges.RANGE_OPENER[::-1]})(?![A-Za-z]))?"
)
REVERSED_CHANGE_OPENER: Final = re.compile(
    rf"{SP}+(?i:(?P<from>{hedges.CHANGE_OPENER[::-1]})|(?P<by>{hedges.CHANGE_BY_OPENER[::-1]}))"
    r"(?![A-Za-z])"
)
REVERSED_MONTH: Final = re.compile(
    rf"{SP}+\.?{reversed_alternation(scales.MONTH_NAMES)}(?![A-Za-z])"
)

# "500 or more", but not "above 1000 and below 1500", where "below" opens the next amount.
BOUND_SUFFIX: Final = re.compile(
    rf"{SP}+(?P<phrase>(?i:{alternation(hedges.BOUND_SUFFIXES)[3:-1]}))(?![A-Za-z])"
    rf"(?!{SP}*(?:than{SP}+)?[-−+]?[$€£¥₹0-9])"
)

# The text between two amounts that makes them one range, or a count and its total.
DASH_GAP: Final = re.compile(rf"{SP}?[-‐‑–—~]{SP}?")
TO_GAP: Final = re.compile(rf"{SP}+(?:to|through|thru){SP}+")
AND_GAP: Final = re.compile(rf"{SP}+and{SP}+")
OF_GAP: Final = re.compile(rf"{SP}+(?:out{SP}+)?of{SP}+(?:(?:the|its|their|all){SP}+)?")

# "double-digit percentage growth"; only searched for when the text contains "digit". The
# pattern starts with a character class so that the engine can skip ahead quickly.
_SIZE_INITIALS = "".join(sorted({w[0] + w[0].upper() for w in scales.DIGIT_COUNT_WORDS}))
_SIZE_RESTS = "|".join(sorted(w[1:] for w in scales.DIGIT_COUNT_WORDS))
DIGIT_COUNT: Final = re.compile(
    rf"(?P<size>[{_SIZE_INITIALS}](?<![A-Za-z][{_SIZE_INITIALS}])(?:{_SIZE_RESTS}))"
    r"[-‐ ](?i:digits?)"
    rf"(?:{SP}+(?i:percent(?:age)?|per{SP}?cent))?(?![A-Za-z])"
)

"""Which currency an amount is in: the prefix in front of it, the unit behind it, and the
written forms that are money only in a money form ("R12.46", "SR 1.2 billion", "$(21.3)").
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.quantities_patterns import SCALE
from briefing.extract.vocab import currencies, scales

# What ``suffix_currency`` returns for "2.31 billion crowns": money, currency not stated.
UNKNOWN_CURRENCY: Final = "?"

_BLANKS = re.compile(r"[\s.:$-]+")
_BLANK_CHARS = frozenset(" \u00a0\u202f")
_CURRENCY_ENDINGS = frozenset(["$", *currencies.SYMBOLS])
_CURRENCY_WORDS = frozenset(
    [code.lower() for code in currencies.ISO_CODES]
    + ["m" + code.lower() for code in currencies.ISO_CODES]
    + [abbr.lower().rstrip(".") for abbr in currencies.PREFIX_ABBREVIATIONS]
)
# An amount written as money: a thousands group, exactly two decimals, or a scale.
_MONEY_DIGITS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*\.[0-9]{2}")
# What may stand in front of the rand's "R": a blank, a bracket, a dash or the text start.
_BEFORE_RAND = frozenset(" \u00a0\u202f(-–/")
_CONTEXT_REACH = 120
_MONEY_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?i:" + "|".join(currencies.MONEY_CONTEXT_WORDS) + r")(?![A-Za-z])"
)
# The closing bracket of "$(21.3) million" and the scale written after it.
BRACKET_TAIL: Final = re.compile(rf"\)(?:{SCALE})?(?![A-Za-z0-9])")


def prefix_currency(token: str) -> tuple[str | None, float]:
    """ISO code and scale of a currency written in front ("HK$", "USD", "MAUD").

    >>> prefix_currency("HK $"), prefix_currency("MAUD"), prefix_currency("rmb")
    (('HKD', 1.0), ('AUD', 1000000.0), ('CNY', 1.0))
    >>> prefix_currency("SKr"), prefix_currency("SFr."), prefix_currency("Rp")
    (('SEK', 1.0), ('CHF', 1.0), ('IDR', 1.0))
    """
    if token in currencies.SYMBOLS:
        return currencies.SYMBOLS[token], 1.0
    if token in currencies.PREFIX_ABBREVIATIONS:
        return currencies.PREFIX_ABBREVIATIONS[token], 1.0
    key = _BLANKS.sub("", token).lower()
    if token.endswith("$"):
        return currencies.DOLLAR_PREFIXES.get(key), 1.0
    code = key.upper()
    if len(code) == 4 and code.startswith("M"):
        return currencies.CODE_ALIASES.get(code[1:], code[1:]), 1e6
    return currencies.CODE_ALIASES.get(code, code), 1.0


# Read forms of the prefixes seen so far; a text repeats a few of them many times.
_PREFIX_FORMS: dict[str, tuple[str | None, float, bool]] = {}
_MAX_PREFIX_FORMS = 4096


def prefix_currency_form(token: str) -> tuple[str | None, float, bool]:
    """``prefix_currency(token)`` and ``needs_money_form(token)`` in one, remembered.

    >>> prefix_currency_form("SR"), prefix_currency_form("HK$")
    (('SAR', 1.0, True), ('HKD', 1.0, False))
    """
    form = _PREFIX_FORMS.get(token)
    if form is None:
        unit, scale = prefix_currency(token)
        form = (unit, scale, needs_money_form(token))
        if len(_PREFIX_FORMS) < _MAX_PREFIX_FORMS:
            _PREFIX_FORMS[token] = form
    return form


def suffix_currency(groups: dict[str, str | None], number: float) -> tuple[str, float, float]:
    """(code, scale, minor-unit factor) of a currency written behind the number; the code
    is "" when there is none and ``UNKNOWN_CURRENCY`` when the name leaves it open."""
    if code := groups["mcode_suf"]:
        return currencies.CODE_ALIASES.get(code[1:], code[1:]), 1e6, 1.0
    if code := groups["code_suf"]:
        after = groups["scale_after"]
        scale = scales.SCALE_WORDS[after.lower()] if after else 1.0
        return currencies.CODE_ALIASES.get(code.upper(), code.upper()), scale, 1.0
    if symbol := groups["symbol_suf"]:
        return prefix_currency(symbol)[0] or "", 1.0, 1.0
    if name := groups["name_suf"]:
        key = " ".join(name.lower().split())
        if key in currencies.CURRENCY_NAMES:
            return currencies.CURRENCY_NAMES[key], 1.0, 1.0
        if key in currencies.NAMES_OF_UNKNOWN_CURRENCY:
            return UNKNOWN_CURRENCY, 1.0, 1.0
        code, factor = currencies.MINOR_UNITS[key]
        return code, 1.0, factor
    if minor := groups["minor"] or groups["minor_sym"]:
        code, factor = currencies.MINOR_UNITS[" ".join(minor.lower().split())]
        return code, 1.0, factor
    if groups["pence_glued"]:
        return "GBP", 1.0, 0.01
    if groups["cents_glued"]:
        code, factor = currencies.MINOR_UNITS["cents"]
        return code, 1.0, factor
    if groups["pound_one"] and number == 1:
        return "GBP", 1.0, 1.0
    return "", 1.0, 1.0


def may_follow_currency(text: str, start: int) -> bool:
    """Cheap test whether a currency may stand in front; most numbers follow a plain word,
    and lower-case words are currencies only as ISO codes ("usd 20") or abbreviations."""
    i = start - 1
    if i >= 0 and text[i] in _BLANK_CHARS:
        i -= 1
    if i >= 0 and text[i] == ":":
        i -= 1
    if i < 0:
        return False
    last = text[i]
    if last in _CURRENCY_ENDINGS or last.isupper():
        return True
    if last == ".":  # "Rs. 87", "SFr. 24"
        i -= 1
    elif not last.islower():
        return False
    word = text[max(0, i - 4) : i + 1].rpartition(" ")[2].lstrip("(-−").lower()
    return word in _CURRENCY_WORDS


def in_money_form(digits: str, has_scale: bool) -> bool:
    """Whether a number is written the way amounts of money are: with a scale, a thousands
    group or exactly two decimals.

    >>> in_money_form("12.46", False), in_money_form("1,250", False), in_money_form("2", True)
    (True, True, True)
    >>> in_money_form("28", False), in_money_form("8.1", False)
    (False, False)
    """
    return has_scale or _MONEY_DIGITS.fullmatch(digits) is not None


def needs_money_form(token: str) -> bool:
    """Whether the prefix as written is also something other than a currency ("SR 520")."""
    return token.strip(" \u00a0\u202f:").upper() in currencies.PREFIXES_NEEDING_MONEY_FORM


def is_rand(text: str, start: int, end: int, digits: str, has_scale: bool) -> bool:
    """Whether the number at ``start`` is a rand amount glued to an "R" in front of it
    ("R12.46", "a R5bn buyback"), not a product name ("the R2 robot").

    >>> is_rand("shares at R12.46", 11, 16, "12.46", False)
    True
    >>> is_rand("the R2 robot", 5, 6, "2", False), is_rand("SR12.46", 2, 7, "12.46", False)
    (False, False)
    >>> is_rand("a price of R45", 12, 14, "45", False)
    True
    """
    if start < 1 or text[start - 1] != currencies.RAND_LETTER:
        return False
    if start > 1 and text[start - 2] not in _BEFORE_RAND:
        return False
    return in_money_form(digits, has_scale) or money_context_near(text, start, end)


def money_context_near(text: str, start: int, end: int) -> bool:
    """Whether a word about money ("price", "dividend", "a share") stands near the amount.

    >>> money_context_near("a dividend of 385c a share", 14, 18)
    True
    >>> money_context_near("the iPhone 5c sold well", 11, 13)
    False
    """
    window = text[max(0, start - _CONTEXT_REACH) : end + _CONTEXT_REACH]
    return _MONEY_CONTEXT.search(window) is not None

"""Deciding whether a run of capitalised words is a company, from its shape and the
words around it (the rules are listed in ``briefing.extract.companies``)."""

from __future__ import annotations

import enum
import re
from typing import Final

from briefing.extract.company_names import (
    ALIAS_INDEX,
    KnownName,
    display_name,
    initials,
    strip_legal_suffixes,
)
from briefing.extract.company_runs import (
    CONNECTORS,
    GROUP_WORDS,
    Run,
    is_legal,
    is_noise,
)
from briefing.extract.vocab.corporate import (
    COMPANY_CUE_FOLLOWERS,
    COMPANY_REFERENCE_NOUNS,
    DESCRIPTIVE_SUFFIXES,
    GENERIC_BUSINESS_WORDS,
    LEGAL_SUFFIXES,
    LEGAL_SUFFIXES_UPPER,
    NON_COMPANY_HEAD_NOUNS,
    PERSON_TITLES,
    POSSESSED_COMPANY_NOUNS,
    STRONG_CUE_WORDS,
    UNIT_LIKE_SUFFIXES,
)
from briefing.extract.vocab.non_company_words import (
    NON_COMPANY_LAST_WORDS,
    NON_COMPANY_WORDS,
    PLACE_NAMES,
)


class Slot(enum.Enum):
    COMPANY = "company"
    PERSON = "person"
    IGNORE = "ignore"  # a place, a unit, a sentence opener: never a company
    UNKNOWN = "unknown"  # no evidence either way: a company only if named elsewhere


_LIST_GAP: Final = re.compile(
    r"(?:['’]s?)?[ \u00a0]*(?:,[ \u00a0]*(?:and[ \u00a0]+|or[ \u00a0]+)?|(?:and|or|&)[ \u00a0]+)"
)
TICKER_PARENS: Final = re.compile(
    r"(?:['’]s?)?[ \u00a0]*(?:\((?:ADR|ADS|H|A|B|publ)\)[ \u00a0]*)?\([ \u00a0]*(?:"
    r"(?P<exchange>[A-Za-z]{2,10})[ \u00a0]*:[ \u00a0]*(?P<code>[A-Za-z0-9.\-]{1,12})"
    r"|(?P<number>\d{3,6})(?:[ \u00a0]*:[ \u00a0]*[A-Z]{2})?"
    r"|(?P<dotted>[A-Z0-9]{1,8}[a-z]?\.[A-Z]{1,3})"
    r"|(?P<moved>[A-Z]{1,6})[ \u00a0]+[-+−]?\d+(?:\.\d+)?%"  # "(VLRA 14.2%)", with the day's move
    r")[ \u00a0]*\)"
)
ABBREVIATION_PARENS: Final = re.compile(r"[ \u00a0]*\([ \u00a0]*([A-Z][A-Za-z&]{1,7})[ \u00a0]*\)")
_EXCHANGES: Final = frozenset(
    {
        "NYSE", "NASDAQ", "AMEX", "OTC", "OTCMKTS", "HKG", "HKEX", "SEHK", "HK", "LON",
        "LSE", "TYO", "TSE", "JP", "NSE", "BSE", "ETR", "XETRA", "FRA", "EPA", "AMS",
        "EBR", "CPH", "STO", "HEL", "OSL", "TSX", "TSXV", "ASX", "SHA", "SHE", "SSE",
        "SZSE", "KRX", "KOSDAQ", "TPE", "TWSE", "SIX", "SWX", "BIT", "BME", "SGX", "JSE",
        "BOM", "NSEI", "NYSEARCA", "BATS", "CBOE", "VIE", "WSE", "IST", "TADAWUL",
    }
)  # fmt: skip
_SHAPE_ENDINGS: Final = LEGAL_SUFFIXES | LEGAL_SUFFIXES_UPPER | DESCRIPTIVE_SUFFIXES
_NOT_A_NAME: Final = GENERIC_BUSINESS_WORDS | DESCRIPTIVE_SUFFIXES | LEGAL_SUFFIXES | CONNECTORS
_APPOSITIVE: Final = re.compile(
    r",[ \u00a0]+(?:the|a|an)[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,4}?"
    r"(?:company|firm|group|maker|lender|bank|insurer|retailer|chain|operator|supplier|"
    r"manufacturer|producer|developer|provider|conglomerate|giant|startup|chipmaker|"
    r"carmaker|automaker|miner|airline|carrier|utility|brewer|grocer|owner)\b"
)
# A currency letter and a figure ("R39.7bn", "Rs3,450"): an amount, not a name.
_AMOUNT_WORD: Final = re.compile(
    r"[A-Z][A-Za-z]{0,2}\$?\d+(?:(?:[.,]\d+)+(?:bn|mn|m|k|tn|cr)?|(?:bn|mn|m|k|tn|cr))$"
)
_ADVERBS: Final = frozenset(
    {"also", "has", "have", "had", "will", "would", "is", "was", "then", "still", "now",
     "further", "recently", "on", "last", "today"}
)  # fmt: skip


def declared_ticker(text: str, end: int) -> tuple[str, int] | None:
    """A ticker in brackets right after a name: (code, end of the brackets).

    >>> text = "Velora (VLRA 14.2%) and Acme Corp (NYSE:ACM) and Borealis (601877)"
    >>> declared_ticker(text, 6), declared_ticker(text, 33), declared_ticker(text, 57)
    (('VLRA', 19), ('ACM', 44), ('601877', 66))
    """
    match = TICKER_PARENS.match(text, end)
    if match is None:
        return None
    exchange = match.group("exchange")
    if exchange is not None and exchange.upper() not in _EXCHANGES:
        return None
    code = next((c for c in match.group("code", "number", "dotted", "moved") if c), "")
    return code.split(".", 1)[0], match.end()


def company_shape(names: list[str]) -> bool:
    """Whether a run's words end like a company name ("... Ltd", "... Insurance") with
    a name in front, not like a business unit ("Intelligent Devices Group").

    >>> company_shape(["China", "Pacific", "Insurance"]), company_shape(["Digital", "Industries"])
    (True, False)
    """
    if len(names) < 2:
        return False
    last = names[-1]
    legal = is_legal(last)
    if not legal and last not in DESCRIPTIVE_SUFFIXES:
        return False
    core = strip_legal_suffixes(names) if legal else names[:-1]
    core = [w for w in core if w not in CONNECTORS]
    if not core or all(w in NON_COMPANY_WORDS for w in core):
        return False
    if last in UNIT_LIKE_SUFFIXES or last in GROUP_WORDS:
        proper = [w for w in core if w not in GENERIC_BUSINESS_WORDS and not is_noise(w)]
        if not proper:
            return legal and last not in GROUP_WORDS
        # "Alibaba Cloud Intelligence Group": a known company's unit
        if len(proper) < len(core) and " ".join(proper).lower() in ALIAS_INDEX:
            return False
    return True


def _words_before(text: str, start: int) -> tuple[str, str]:
    """The two words before ``start`` when only a space separates the last one."""
    if start < 2 or text[start - 1] not in " \u00a0":
        return "", ""
    parts = text[max(0, start - 40) : start].split()
    if not parts:
        return "", ""
    return (parts[-2] if len(parts) > 1 else ""), parts[-1]


def follower_word(text: str, end: int) -> tuple[bool, str]:
    """(possessive?, the next word lower-cased, adverbs skipped)."""
    skip = 0
    if text[end : end + 1] in ("'", "’"):
        skip = 2 if text[end + 1 : end + 2] == "s" else 1
    parts = text[end + skip : end + skip + 40].split(None, 3)[:3]
    for part in parts:
        word = part.strip(',.;:!?()"“”').lower()
        if word not in _ADVERBS:
            return skip > 0, word
    return skip > 0, ""


def _describes_next(text: str, end: int) -> bool:
    """Whether the name is an attribute of a descriptor after it ("Suzhou battery
    maker", "Chinese tech firm"): a company noun within the next two words."""
    if text[end : end + 1] not in (" ", "\u00a0"):
        return False
    following = text[end : end + 32].split(None, 2)[:2]
    return any(w.strip(",.;:").lower() in COMPANY_REFERENCE_NOUNS for w in following)


def _used_in_lower_case(text: str, word: str) -> bool:
    """Whether the text also writes the word in lower case, as an ordinary word."""
    lowered = word.lower()
    if lowered == word:
        return False
    start = text.find(lowered)
    while start >= 0:
        end = start + len(lowered)
        if not text[start - 1 : start].isalpha() and not text[end : end + 1].isalpha():
            return True
        start = text.find(lowered, end)
    return False


def is_list_gap(text: str, previous_end: int, start: int) -> bool:
    """Whether only a list separator stands between two names ("A, B and C")."""
    if start - previous_end > 12:
        return False
    gap = _LIST_GAP.fullmatch(text, previous_end, start)
    return gap is not None


def classify_run(text: str, run: Run, in_list: bool) -> Slot:
    """What the run is, judged from its shape and the words around it."""
    names = run.names
    if text[run.end : run.end + 1] == "-" and text[run.end + 1 : run.end + 2].islower():
        return Slot.IGNORE  # "Iowa-based", "Nasdaq-listed": a description before a name
    if text[run.end : run.end + 7] in (" index", " index,", " index."):
        return Slot.IGNORE  # "the Philadelphia SE Semiconductor index"
    before, last = _words_before(text, run.start)
    if len(names) > 1 and names[-1] in _SHAPE_ENDINGS and company_shape(names):
        return Slot.COMPANY  # "partner Quantex Materials", "Kestrel Mining Corp. plant"
    if last in PERSON_TITLES or (run.lead and any(w in PERSON_TITLES for w in run.lead)):
        return Slot.PERSON
    single = len(names) == 1
    if single:
        if (
            len(names[0]) < 2
            or is_noise(names[0])
            or names[0] in _NOT_A_NAME
            or _AMOUNT_WORD.match(names[0]) is not None
        ):
            return Slot.IGNORE  # "Cement stocks rally": an industry, not a company
    elif " ".join(names) in PLACE_NAMES or all(
        w in GENERIC_BUSINESS_WORDS or is_noise(w) for w in names
    ):
        return Slot.IGNORE
    possessive, follower = follower_word(text, run.end)
    if not possessive and (follower in NON_COMPANY_HEAD_NOUNS or _describes_next(text, run.end)):
        return Slot.IGNORE
    if company_shape(names) or (
        "(" in text[run.end : run.end + 5] and declared_ticker(text, run.end) is not None
    ):
        return Slot.COMPANY
    if names[-1] in NON_COMPANY_LAST_WORDS or names[-1] in UNIT_LIKE_SUFFIXES:
        return Slot.IGNORE
    cue = run.lead[-1].lower() if run.lead else last.lower()
    if cue in STRONG_CUE_WORDS or (before and f"{before} {last}".lower() in STRONG_CUE_WORDS):
        return Slot.COMPANY
    if last.endswith(("'s", "’s")) or (not last and before.endswith(("'s", "’s"))):
        return Slot.UNKNOWN  # owned by another name: a unit, product or person
    if len(names) > 5 or (single and names[0].isupper()):
        return Slot.UNKNOWN  # an acronym needs a stronger sign than its verb
    if _APPOSITIVE.match(text, run.end) is not None:
        return Slot.COMPANY  # "Ostra, the Swedish lender, ..."
    if single and _used_in_lower_case(text, names[0]):
        return Slot.UNKNOWN  # "Demand fell": an ordinary word opening a sentence
    if in_list or (follower in COMPANY_CUE_FOLLOWERS and not possessive):
        return Slot.COMPANY
    if possessive and follower in POSSESSED_COMPANY_NOUNS:
        return Slot.COMPANY
    return Slot.UNKNOWN


def short_forms(entry: KnownName, names: list[str], shown_name: str | None = None) -> list[str]:
    """The forms, lower-cased, a later mention of a company may take: the name itself,
    its first word or words, the name without its last descriptive word, its initials.

    >>> sorted(short_forms(KnownName("Larch and Pine Timber", False),
    ...                    "Larch and Pine Timber Ltd".split()))  # doctest: +NORMALIZE_WHITESPACE
    ['larch', 'larch and pine', 'larch and pine timber', 'larch and pine timber ltd',
     'lpt', 'lptl']
    """
    # ``shown_name``: ``display_name`` of the words, when the caller already has it
    shown = (display_name(" ".join(names)) if shown_name is None else shown_name).split()
    forms = {" ".join(names), " ".join(shown), entry.name}
    if len(shown) > 1:
        if shown[1] not in ("and", "&", "of"):
            forms.add(" ".join(shown[:2]))
        if len(shown) > 2 and shown[-2] not in CONNECTORS:
            forms.add(" ".join(shown[:-1]))
        for head in shown[:2] if len(shown) > 2 else shown[:1]:
            # the first word, or the second after a place ("Ningbo Hengda Materials")
            if len(head) > 3 and not is_noise(head) and head not in _NOT_A_NAME:
                forms.add(head)
        for letters in (initials(names), initials(shown)):
            if len(letters) >= 3:
                forms.add(letters)
    keys = []
    for form in forms:
        key = form.lower()
        if key not in ALIAS_INDEX or ALIAS_INDEX[key].name == entry.name:
            keys.append(key)
    return keys

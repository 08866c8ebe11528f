"""Business segments named in text: "the IT segment", "Siemens' Digital Industries
division", "Revenue at Uniqlo Japan", "Google Cloud revenue", "Intelligent Devices
Group (IDG)", and references to the last one named ("revenue in this segment").

Precision over recall: a name is only taken where the words around it say it is a
segment. Abbreviations and references resolve within the text passed, so passing a
whole article (then keeping the mentions inside a sentence) resolves more of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from briefing.extract.companies import PHRASE
from briefing.extract.company_names import ALIAS_INDEX
from briefing.extract.vocab.corporate import (
    GENERIC_BUSINESS_WORDS,
)
from briefing.extract.vocab.non_company_words import (
    NON_COMPANY_WORDS,
    PLACE_NAMES,
)
from briefing.extract.vocab.segments import (
    KNOWN_SEGMENTS,
    SEGMENT_DESCRIBING_WORDS,
    SEGMENT_EMPTY_WORDS,
    SEGMENT_JOINED_WORDS,
    SEGMENT_LAST_WORDS,
    SEGMENT_NOUN_COMPOUNDS,
    SEGMENT_NOUNS,
    SEGMENT_OPENERS,
    SEGMENT_PHRASE_OPENERS,
    SEGMENT_REFERENCE_NOUNS,
)


@dataclass(frozen=True, slots=True)
class SegmentMention:
    """A segment named or referred to; offsets index the text searched."""

    start: int
    end: int
    text: str
    name: str  # for a reference, the segment last named before it ("" if none)
    is_reference: bool = False


_SP: Final = r"[ \u00a0]+"
# Every word that can anchor a segment: segment nouns and metric words. (The first
# letter comes before the look-behind so the scan can skip ahead quickly.) Keep
# ``_may_anchor`` in step with the word tails.
_ANCHOR: Final = re.compile(
    r"[RrSsPpIiLlOoEeTtMmBdubca](?<![\w\-].)(?:evenues?|ales|rofits?|ncome|oss(?:es)?|rders|"
    r"arnings|BITDA|BIT|urnover|argins?|ookings|ivision|egment|nit|usiness|ategory|rm)"
    r"(?![\w\-])(?:['’]s)?"
)
_AT_FROM: Final = re.compile(rf"{_SP}(?:at|from){_SP}(?:the{_SP})?(?=[A-Z])")
_CAPITAL_NEXT: Final = re.compile(rf"{_SP}[A-Z]")
_METRIC_AFTER: Final = re.compile(
    rf"(?:['’]s?)?{_SP}(?P<other>and{_SP}other{_SP})?(?:revenues?|sales|turnover|EBITDA|"
    rf"operating{_SP}(?:income|profit|loss|margin)|profits?|orders|loss|bookings)\b"
)
# The first words of well-known segments, to look for them where no metric is named.
_KNOWN_HINT: Final = re.compile(
    "|".join(sorted({re.escape(name.split()[0]) for name in KNOWN_SEGMENTS}, key=len, reverse=True))
)
_REFERENCE_OPENERS: Final = frozenset({"this", "the", "that", "This", "The", "That"})
_ABBREVIATION: Final = re.compile(rf"{_SP}?\(([A-Z][A-Za-z&]{{1,6}})\)")
_WORD: Final = re.compile(r"[A-Za-z][\w\-’']*|&")
_EMPTY_INSIDE: Final = SEGMENT_EMPTY_WORDS - {"core", "new", "other"}
_JOINERS: Final = frozenset({"and", "&"})
# Emphasis or a quote closing right after a name ("**Industrial & Consumer** revenue"): a
# Markdown body stored before ingest removed markup, or a plain-text e-mail's *bold*.
_CLOSING_MARK: Final = re.compile(r"[*_\"”]{1,3}(?=[ \u00a0])")
_JOINED_PART_WORDS: Final = GENERIC_BUSINESS_WORDS | SEGMENT_LAST_WORDS | SEGMENT_JOINED_WORDS


def _clean(name: str) -> str:
    """A phrase without sentence openers in front ("The IT" -> "IT")."""
    words = name.split()
    while len(words) > 1 and words[0] in SEGMENT_PHRASE_OPENERS:
        words = words[1:]
    return " ".join(words)


def _is_company(name: str) -> bool:
    return name.lower() in ALIAS_INDEX


def _is_group_unit(name: str, possessed: bool) -> bool:
    """A "... Group" that is a unit: made of business words, or owned by a company."""
    words = [w for w in name.split() if w not in ("and", "&")]
    if len(words) < 2 or words[-1] != "Group" or _is_company(name):
        return False
    return possessed or all(w in GENERIC_BUSINESS_WORDS for w in words[:-1])


def _joined_parts(words: list[str]) -> list[list[str]]:
    """The parts of a name joined by "and" or "&"; one part when nothing joins it.

    >>> _joined_parts("Home & Personal Care".split())
    [['Home'], ['Personal', 'Care']]
    """
    parts: list[list[str]] = [[]]
    for word in words:
        if word in _JOINERS:
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


def _named_before_metric(name: str) -> bool:
    """Whether a capitalised name in front of "revenue" is a segment, not a company."""
    if name in KNOWN_SEGMENTS:
        return True
    words = name.split()
    if len(words) == 1:  # "Service revenue", not "Consolidated revenue" nor "Acme revenue"
        return name in GENERIC_BUSINESS_WORDS and name not in NON_COMPANY_WORDS
    if _is_company(name) or all(w in NON_COMPANY_WORDS for w in words):
        return False
    parts = _joined_parts(words)
    if len(parts) > 1:
        # "Apple and Microsoft revenue" sums two companies; "Industrial & Consumer revenue"
        # is a segment when every part is made of business words, which "Marlow & Finch"
        # (a firm named after its founders) is not.
        if not all(parts) or any(_is_company(" ".join(part)) for part in parts):
            return False
        if all(w in _JOINED_PART_WORDS for part in parts for w in part):
            return True
    return words[-1] in SEGMENT_LAST_WORDS or words[-1] in PLACE_NAMES or _is_company(words[0])


def _lower_case_name(text: str, noun_start: int) -> tuple[int, str] | None:
    """The lower-case words naming a segment before its noun, opened by a determiner or
    possessive ("the core commerce division" -> "core commerce")."""
    left = _word_start(text, max(0, noun_start - 64))
    window = text[left:noun_start]
    words = list(_WORD.finditer(window))
    kept: list[re.Match[str]] = []
    for match in reversed(words):
        word = match.group()
        gap = window[match.end() : kept[-1].start() if kept else len(window)]
        if gap.strip():
            return None  # punctuation or digits between the words
        if word in SEGMENT_OPENERS or word.endswith(("'s", "’s", "s’", "s'")):
            break
        if not (word.islower() or word == "&") or len(kept) == 4:
            return None
        kept.append(match)
    else:
        return None
    names = [m.group() for m in reversed(kept)]
    while names and names[0] in SEGMENT_DESCRIBING_WORDS:
        names = names[1:]
    if not names or all(n in SEGMENT_EMPTY_WORDS for n in names):
        return None
    inner = names[1:-1]
    if names[0] in ("and", "&") or names[-1] in ("and", "&"):
        return None
    if any(n in _EMPTY_INSIDE and not (n in ("and", "&") and n in inner) for n in names):
        return None
    start = left + kept[len(names) - 1].start()
    return start, " ".join(names)


def _word_start(text: str, index: int) -> int:
    """``index``, moved left to the start of the word it falls in: a word cut by a window's
    edge ("s" of "Alibaba's", "he" of "the") must be read whole.

    >>> text = "at Alibaba's cloud unit"
    >>> _word_start(text, 10), _word_start(text, 3), _word_start(text, 12)
    (3, 3, 12)
    """
    if index >= len(text) or not _is_word_char(text[index]):
        return index
    while index > 0 and _is_word_char(text[index - 1]):
        index -= 1
    return index


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "-'’_"


def _named(text: str, anchors: list[re.Match[str]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of every segment named, in no particular order."""
    phrases = {m.end(): m for m in PHRASE.finditer(text)}
    starts = {m.start(): m for m in phrases.values()}
    for phrase in phrases.values():
        raw = phrase.group()
        follows = phrase.end()
        if text[follows : follows + 1] in ("*", "_", '"', "”"):
            closing = _CLOSING_MARK.match(text, follows)
            follows = closing.end() if closing is not None else follows
        after = None
        if raw not in KNOWN_SEGMENTS and not raw.endswith("Group"):
            if text[follows : follows + 1] not in (" ", "'", "’", "\u00a0"):
                continue
            after = _METRIC_AFTER.match(text, follows)
            if after is None:
                continue  # most phrases: neither a known segment, a unit nor before a metric
        else:
            after = _METRIC_AFTER.match(text, follows)
        name = raw if raw in KNOWN_SEGMENTS else _clean(raw)
        start = phrase.end() - len(name)
        other = " and other" if after is not None and after.group("other") else ""
        possessed = (
            text[max(0, phrase.start() - 3) : phrase.start()]
            .rstrip()
            .endswith(("'s", "’s", "’", "'"))
        )
        if name in KNOWN_SEGMENTS or _is_group_unit(name, possessed):
            yield start, phrase.end(), name + other
            abbreviation = _ABBREVIATION.match(text, phrase.end())
            if abbreviation is not None:
                yield from _all_of(text, abbreviation.group(1), name)
        elif after is not None and _named_before_metric(name):
            yield start, phrase.end(), name + other
    for anchor in anchors:
        word = anchor.group()
        if word.rstrip("'’s").lower() not in SEGMENT_NOUNS and word.lower() not in SEGMENT_NOUNS:
            at = _AT_FROM.match(text, anchor.end())
            named = starts.get(at.end()) if at is not None else None
            if (
                named is not None
                and _can_name_segment(named.group())
                and not _is_owner(text, named.end())
            ):
                yield named.start(), named.end(), named.group()
            continue
        if _CAPITAL_NEXT.match(text, anchor.end()) or (
            not word.endswith("s") and _compound_follows(text, anchor.end())
        ):
            continue
        yield from _before_noun(text, anchor.start(), phrases)


def _is_owner(text: str, end: int) -> bool:
    """Whether a possessive follows a name: in "Revenue from Orlen's frozen foods business"
    Orlen owns the segment named after it (a bare apostrophe only after an "s": "Siemens'",
    not the closing quote of 'Uniqlo Japan')."""
    if text.startswith(("'s", "’s"), end):
        return True
    return text[end - 1 : end] == "s" and text.startswith(("' ", "’ "), end)


def _can_name_segment(name: str) -> bool:
    return not (_is_company(name) or name in PLACE_NAMES or name in NON_COMPANY_WORDS)


def _before_noun(
    text: str, noun_start: int, phrases: dict[int, re.Match[str]]
) -> Iterator[tuple[int, int, str]]:
    """The name in front of a segment noun: capitalised ("the IT segment") or lower-case
    ("the core commerce division")."""
    stop = noun_start
    while stop > 0 and text[stop - 1] in " \u00a0":
        stop -= 1
    owner = phrases.get(stop)
    if owner is not None and noun_start - stop <= 2:
        name = _clean(owner.group())
        opened = name != owner.group() or _opened(text, owner.start())
        if opened and not _is_company(name) and name not in PLACE_NAMES:
            yield owner.end() - len(name), owner.end(), name
        return
    lower = _lower_case_name(text, noun_start)
    if lower is not None:
        yield lower[0], noun_start - 1, lower[1]


def _references(text: str, anchors: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Spans of "this segment", "the division" and the like."""
    for anchor in anchors:
        noun = anchor.group().rstrip("'’s") if anchor.group().endswith("s") else anchor.group()
        if noun not in SEGMENT_REFERENCE_NOUNS or _CAPITAL_NEXT.match(text, anchor.end()):
            continue
        before = text[max(0, anchor.start() - 6) : anchor.start()].split()
        if before and before[-1] in _REFERENCE_OPENERS and text[anchor.start() - 1].isspace():
            yield text.rfind(before[-1], 0, anchor.start()), anchor.start() + len(noun)


def _opened(text: str, start: int) -> bool:
    """Whether a determiner or an owner's possessive stands right before ``start``: "the
    IT segment", "Siemens' Digital Industries division", not "Tata Power arm wins"."""
    before = text[max(0, start - 12) : start].split()
    if not before or not text[start - 1 : start].isspace():
        return False
    word = before[-1]
    return word in SEGMENT_OPENERS or word.endswith(("'s", "’s", "s'", "s’"))


def _compound_follows(text: str, end: int) -> bool:
    following = text[end : end + 24].split()
    return bool(following) and following[0].strip(",.;:") in SEGMENT_NOUN_COMPOUNDS


def _all_of(text: str, abbreviation: str, name: str) -> Iterator[tuple[int, int, str]]:
    """Every standalone use of a segment's abbreviation ("IDG gained ...")."""
    size = len(abbreviation)
    start = text.find(abbreviation)
    while start >= 0:
        before, after = text[start - 1 : start], text[start + size : start + size + 1]
        if not (before.isalnum() or before == "(" or after.isalnum() or after == ")"):
            yield start, start + size, name
        start = text.find(abbreviation, start + size)


def _may_anchor(text: str) -> bool:
    """Whether ``text`` holds the tail of an ``_ANCHOR`` word: most sentences do not, and
    substring tests cost far less than the scan (written out: a loop costs more)."""
    return (
        "evenue" in text or "ales" in text or "rofit" in text or "ncome" in text
        or "oss" in text or "rders" in text or "arnings" in text or "BIT" in text
        or "urnover" in text or "argin" in text or "ookings" in text or "ivision" in text
        or "egment" in text or "nit" in text or "usiness" in text or "ategory" in text
        or "rm" in text
    )  # fmt: skip


def find_segments(text: str) -> list[SegmentMention]:
    """Segments named in ``text`` and references to one, in text order.

    >>> [(m.text, m.name) for m in find_segments(
    ...     "Revenue from the IT segment rose 5%, while the core commerce division and "
    ...     "Acme's Cloud Intelligence Group grew. Revenue in this segment rose.")]
    [('IT', 'IT'), ('core commerce', 'core commerce'), ('Cloud Intelligence Group', \
'Cloud Intelligence Group'), ('this segment', 'Cloud Intelligence Group')]
    """
    anchors = list(_ANCHOR.finditer(text)) if _may_anchor(text) else []
    if not anchors and "Group" not in text and _KNOWN_HINT.search(text) is None:
        return []
    named: dict[tuple[int, int], str] = {}
    basis = text.find("standalone")
    if basis >= 0 and not text[basis - 1 : basis].isalpha():
        named[(basis, basis + len("standalone"))] = "standalone"  # the reporting basis
    for start, end, name in _named(text, anchors):
        named.setdefault((start, end), name)
    mentions = [SegmentMention(s, e, text[s:e], name) for (s, e), name in named.items()]
    mentions = _without_overlaps(sorted(mentions, key=lambda m: (m.start, -m.end)))
    for start, end in _references(text, anchors):
        last = [m.name for m in mentions if m.end <= start and not m.is_reference]
        mentions.append(SegmentMention(start, end, text[start:end], last[-1] if last else "", True))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _without_overlaps(mentions: list[SegmentMention]) -> list[SegmentMention]:
    kept: list[SegmentMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept

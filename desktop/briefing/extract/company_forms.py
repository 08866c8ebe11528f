"""Forms of company mentions beyond a capitalised name: generic references ("the
company"), names written again in camel case ("discoverIE"), and two forms of one
name found in the same text merged into the fuller one."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from briefing.extract.company_names import ALIAS_INDEX, KnownName
from briefing.extract.vocab.corporate import (
    BROKER_NAME_ENDINGS,
    COMPANY_REFERENCE_NOUNS,
    DESCRIPTIVE_SUFFIXES,
    REFERENCE_DETERMINERS,
    REFERENCE_EXCLUDED_MODIFIERS,
)


@dataclass(frozen=True, slots=True)
class CompanyMention:
    """A company named (or referred to) in text; offsets index the text searched."""

    start: int
    end: int
    text: str
    name: str  # canonical short name; "" for a reference the caller resolves
    is_broker: bool = False
    is_reference: bool = False
    is_index: bool = False  # a market index ("FTSE 100"), named like a company


def mention_of(start: int, end: int, text: str, entry: KnownName) -> CompanyMention:
    return CompanyMention(start, end, text, entry.name, entry.is_broker, False, entry.is_index)


_FULLER_ENDINGS: Final = BROKER_NAME_ENDINGS | DESCRIPTIVE_SUFFIXES
# Reference nouns are rare, so each is looked for with str.find, faster than a scan.
_REFERENCE_NOUNS: Final = tuple(sorted(COMPANY_REFERENCE_NOUNS))
_REFERENCE_NOT_AFTER: Final = re.compile(r"[ \u00a0]+(?:[A-Z]|of\b)")
_MODIFIER: Final = re.compile(r"[A-Z][a-z]+-based|[a-z][a-z\-]+|[A-Z][a-z]+|[A-Z0-9]{2,6}")
_WINDOW_WORD: Final = re.compile(r"\S+")


def find_references(text: str) -> Iterator[CompanyMention]:
    """ "the company", "The German engineering group", "the FTSE 100 firm": a determiner,
    up to three describing words, a company noun, and no name right after it."""
    for noun in _REFERENCE_NOUNS:
        start = text.find(noun)
        while start >= 0:
            end = start + len(noun)
            reference = _reference_ending(text, start, end)
            if reference is not None:
                yield reference
            start = text.find(noun, end)


def _reference_ending(text: str, start: int, end: int) -> CompanyMention | None:
    """The reference whose noun is ``text[start:end]``, if it is one."""
    after = text[end : end + 1]
    if after.isalnum() or after in ("-", "_") or text[start - 1 : start] not in (" ", "\u00a0"):
        return None
    if _REFERENCE_NOT_AFTER.match(text, end):
        return None
    lo = max(0, start - 64)
    words = list(_WINDOW_WORD.finditer(text, lo, start))[-4:]
    if words and words[-1].group() in REFERENCE_EXCLUDED_MODIFIERS:
        return None  # "the peer group", "the law firm": someone else
    for back, word in enumerate(reversed(words)):
        if word.group() in REFERENCE_DETERMINERS:
            if word.start() > lo or lo == 0:
                return CompanyMention(word.start(), end, text[word.start() : end], "", False, True)
            return None
        if back == 3 or not _MODIFIER.fullmatch(word.group()):
            return None
    return None


def variant_of(short: str, full: str) -> bool:
    """Whether ``short`` is another form of ``full`` found in the same text: cut inside
    a word ("Zhenyuan Auto", "Zhenyuan Automobile") or without descriptive endings
    ("Hokuto Electric", "Hokuto Electric Industries"); a one-word name only without a
    firm's or descriptive endings ("Kingsgate Capital", "Lumora Media").

    >>> variant_of("Kingsgate", "Kingsgate Capital"), variant_of("Kingsgate", "Kingsgate Cloud")
    (True, False)
    """
    if len(full) <= len(short) or not full.lower().startswith(short.lower()):
        return False
    rest = full[len(short) :]
    if " " not in short:
        return rest[0] == " " and all(word in _FULLER_ENDINGS for word in rest.split())
    if rest[0].isalpha():
        return True
    return all(word in DESCRIPTIVE_SUFFIXES for word in rest.split())


def merge_variants(mentions: list[CompanyMention]) -> list[CompanyMention]:
    """One name per company found by shape: the fuller of two forms of it."""
    names = {m.name for m in mentions if m.name.lower() not in ALIAS_INDEX}
    if len(names) < 2:
        return mentions
    fuller: dict[str, str] = {}
    for short in names:
        candidates = [full for full in names if variant_of(short, full)]
        if len(candidates) == 1 or (candidates and " " in short):
            fuller[short] = min(candidates, key=lambda name: (len(name), name))
    if not fuller:
        return mentions
    return [
        dataclasses.replace(m, name=fuller[m.name]) if m.name in fuller else m for m in mentions
    ]


def camel_case_mentions(text: str, found: dict[str, KnownName]) -> Iterator[CompanyMention]:
    """Names found in the text written again with a lower-case first letter and inner
    capitals ("discoverIE" after "Discoverie Group PLC"); the phrase scan skips those."""
    lowered = ""
    for key, entry in found.items():
        if " " in key or len(key) < 4:
            continue
        lowered = lowered or text.lower()
        start = lowered.find(key)
        while start >= 0:
            end = start + len(key)
            surface = text[start:end]
            if (
                surface[0].islower()
                and not surface.islower()
                and not text[start - 1 : start].isalnum()
                and not text[end : end + 1].isalnum()
            ):
                yield mention_of(start, end, surface, entry)
            start = lowered.find(key, end)

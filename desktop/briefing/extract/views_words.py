"""A sentence's words and the rating firms it names, found once per sentence.

Positions are offsets into ``Sentence.text``.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.context import Sentence

# Every byte but a-z, as a space: a sentence's words are then what ``split`` returns
# (the same words as ``re.findall("[a-z]+", text.lower())``, built several times faster).
_NOT_LETTER_TO_SPACE: Final = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_FIRM_AT: Final = re.compile(
    r"\b(?:analysts?|strategists?|researchers?)\s+(?:at|from|with)\s+"
    r"((?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|&|of|and))*)"
)
_FIRM_BEFORE: Final = re.compile(
    r"((?:[A-Z][\w&.'-]*\s+){0,3}[A-Z][\w&.'-]*)(?:'s|’s)?\s+(?:analysts?|strategists?)\b"
)
_ANALYST_WORDS: Final = frozenset(
    {"analyst", "analysts", "strategist", "strategists", "researcher", "researchers"}
)
_NOT_FIRM_WORDS: Final = frozenset(
    {
        "the",
        "three",
        "two",
        "one",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "other",
        "many",
        "some",
        "most",
        "all",
        "equities",
        "equity",
        "research",
        "wall",
        "street",
        "market",
        "sell-side",
        "covering",
        "these",
        "those",
        "and",
        "but",
        "analysts",
        "analyst",
        "while",
        "meanwhile",
        "separately",
        "finally",
        "they",
        "its",
    }
)


def sentence_words(text: str) -> frozenset[str]:
    """The lower-case words (runs of a-z) of ``text``.

    >>> sorted(sentence_words("Buy-rated Acme’s P/E: 12x"))
    ['acme', 'buy', 'e', 'p', 'rated', 's', 'x']
    """
    # Any other character (non-ASCII ones become "?") only separates words.
    spaced = text.lower().encode("ascii", "replace").translate(_NOT_LETTER_TO_SPACE)
    return frozenset(spaced.decode("ascii").split())


def sentence_firms(
    sentence: Sentence, primary: str | None, words: frozenset[str]
) -> tuple[tuple[int, str], ...]:
    """Broker mentions that are not the article's subject (``primary``); failing those,
    capitalised names in "analysts at X" / "X analysts". ``words`` are the sentence's."""
    found: list[tuple[int, str]] = []
    for mention in sentence.companies:
        if not mention.is_broker or (primary and mention.name == primary):
            continue
        found.append((mention.start - sentence.start, mention.name))
    if not found and not words.isdisjoint(_ANALYST_WORDS):
        found = _firms_by_phrase(sentence.text, 0, len(sentence.text))
    return tuple(sorted(found))


def _firms_by_phrase(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for pattern in (_FIRM_AT, _FIRM_BEFORE):
        for match in pattern.finditer(text, start, stop):
            words = match.group(1).split()
            while words and words[0].lower() in _NOT_FIRM_WORDS:
                words.pop(0)
            while words and words[-1].lower() in _NOT_FIRM_WORDS:
                words.pop()
            if words and not (match.start(1) == 0 and len(words) == 1 and pattern is _FIRM_BEFORE):
                found.append((match.start(1), " ".join(words)))
    return found

"""Sentence segmentation with exact character offsets.

News text mixes prose with bullet lists, headings and lines glued together by
careless saving, so a line break always ends a sentence, and a full stop ends one
only when it is not part of an abbreviation or a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefing.extract.vocab.abbreviations import ABBREVIATIONS, CORPORATE_FORMS

Span = tuple[int, int]

# A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.*$")
_NEXT_WORD = re.compile(r"\s+([A-Z][A-Za-z]*)")
_LINE = re.compile(r"[^\n]+")
# Bullet and list markers that start a line but are not part of the sentence.
_BULLET = re.compile(r"[*\-•·–—]\s+|\d{1,2}[.)]\s+")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    match = _WORD_BEFORE.search(text, max(0, dot - 24), dot + 1)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in CORPORATE_FORMS:
        following = _NEXT_WORD.match(text, dot + 1)
        return following is None or following.group(1).lower() in CORPORATE_FORMS
    if word in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms ("U.S.", "J.", "N.V."), but not "JD.com."
    if "." not in word:
        return len(word) == 1
    return all(len(part) <= 2 for part in word.split("."))


def _starts_new_sentence(text: str, position: int) -> bool:
    """A sentence boundary needs the next sentence to start like one."""
    rest = text[position : position + 3].lstrip()
    if not rest:
        return True
    first = rest[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘(-•*$€£¥"


def _split_line(text: str, start: int, end: int) -> Iterable[Span]:
    cursor = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        dot = match.start()
        if text[dot] == "." and match.end() - dot == 1 and _is_abbreviation(text, dot):
            continue
        if not _starts_new_sentence(text, stop):
            continue
        yield cursor, stop
        cursor = stop
    yield cursor, end


def _trim(text: str, start: int, end: int) -> Span:
    # str.strip drops exactly the characters str.isspace accepts, in C rather than a loop.
    piece = text[start:end]
    kept = piece.lstrip()
    start += len(piece) - len(kept)
    return start, start + len(kept.rstrip())


def split_sentences(text: str, spans: Sequence[Span] | None = None) -> list[Span]:
    """Sentence spans of ``text``, restricted to ``spans`` (all of it when None).

    >>> body = "Revenue rose 34% to $5.59 billion. Alibaba Group Co. Ltd. gained.\\n* A bullet"
    >>> [body[s:e] for s, e in split_sentences(body)]
    ['Revenue rose 34% to $5.59 billion.', 'Alibaba Group Co. Ltd. gained.', 'A bullet']
    >>> other = "The U.S. firm rose. It fell."
    >>> [other[s:e] for s, e in split_sentences(other)]
    ['The U.S. firm rose.', 'It fell.']
    """
    if spans is None:
        spans = ((0, len(text)),)
    sentences: list[Span] = []
    for span_start, span_end in spans:
        for line in _LINE.finditer(text, span_start, span_end):
            line_start, line_end = line.start(), line.end()
            bullet = _BULLET.match(text, line_start, line_end)
            if bullet is not None:
                line_start = bullet.end()
            for start, end in _split_line(text, line_start, line_end):
                start, end = _trim(text, start, end)
                if end > start:
                    sentences.append((start, end))
    return sentences

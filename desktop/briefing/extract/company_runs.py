"""Runs of capitalised words: a phrase split where one name ends and the next begins,
at connectors ("Kestrel Partners and Mitsuda Corporation"), at a title-case headline's
function words and verbs, and without leading sentence openers and cue words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, NamedTuple

from briefing.extract.company_names import (
    ALIAS_FIRST_WORDS,
    ALIAS_INDEX,
    KnownName,
    strip_legal_suffixes,
)
from briefing.extract.vocab.corporate import (
    COMPANY_CUE_NOUNS,
    DESCRIPTIVE_SUFFIXES,
    GENERIC_BUSINESS_WORDS,
    LEGAL_SUFFIXES,
    LEGAL_SUFFIXES_UPPER,
    PERSON_TITLES,
)
from briefing.extract.vocab.headlines import HEADLINE_BREAKS, HEADLINE_VERBS
from briefing.extract.vocab.non_company_words import (
    NON_COMPANY_WORDS,
    PLACE_NAMES,
)

Word = tuple[str, int, int]  # (word, start, end) in the text searched


class Run(NamedTuple):
    """Capitalised words that may name one thing; ``lead`` are words stripped in front
    of it ("Automaker" in "Automaker Stellantis", "CEO" in "CEO Roland Busch")."""

    words: list[Word]
    names: list[str]
    start: int
    end: int
    lead: tuple[str, ...]


def run_of(words: list[Word], lead: tuple[str, ...] = ()) -> Run:
    return Run(words, [w for w, _, _ in words], words[0][1], words[-1][2], lead)


_JOINING: Final = frozenset({"&", "de", "du", "des", "la", "le", "von", "van", "der", "den"})
CONNECTORS: Final = _JOINING | {"and", "of"}
_PERIOD_WORD: Final = re.compile(r"(?:Q[1-4]|H[12]|FY|CY|[1-4]Q|[12]H)\w*$")
GROUP_WORDS: Final = frozenset({"Group", "Holdings", "Holding", "GROUP", "HOLDINGS"})
_HEADLINE_SPLITS: Final = HEADLINE_BREAKS | HEADLINE_VERBS


def is_legal(word: str) -> bool:
    return word in LEGAL_SUFFIXES or word in LEGAL_SUFFIXES_UPPER


def is_noise(word: str) -> bool:
    return (
        word in NON_COMPANY_WORDS
        or word in LEGAL_SUFFIXES
        or word in PLACE_NAMES
        or word.endswith("-based")
        or (word[0] in "QHFC1234" and _PERIOD_WORD.match(word) is not None)
    )


def split_runs(
    words: list[Word], known: Mapping[str, KnownName], headline: bool = False
) -> list[Run]:
    """Runs of a phrase split at connectors, except where the connector is inside a
    name ("Procter & Gamble", "Sterling and Wilson Solar Ltd", "Bank of Ireland");
    each run without its leading sentence openers and cue words. A name that stands
    alone before "and" ends its run ("Kestrel Partners and Mitsuda Corporation"). On a
    title-case ``headline`` line, verbs end names too ("Agrees to Take Corvina Foods").

    >>> def split(text, headline=False):
    ...     words, at = [], 0
    ...     for word in text.split():
    ...         words.append((word, at, at + len(word)))
    ...         at += len(word) + 1
    ...     return [" ".join(run.names) for run in split_runs(words, {}, headline)]
    >>> split("Kestrel Partners and Mitsuda Corporation"), split("Procter & Gamble")
    (['Kestrel Partners', 'Mitsuda Corporation'], ['Procter & Gamble'])
    >>> split("Sterling and Wilson Solar Ltd"), split("Take Corvina Foods Private", True)
    (['Sterling and Wilson Solar Ltd'], ['Corvina Foods'])
    """
    breaks = _HEADLINE_SPLITS if headline else HEADLINE_BREAKS
    first = 0 if headline else 1
    if any(w in breaks for w, _, _ in words[first:]) and any(
        _breaks_at(words, i, breaks) for i in range(first, len(words))
    ):
        # a title-case headline: capitalised function words (and verbs) end names
        runs: list[Run] = []
        chunk: list[Word] = []
        for i, word in enumerate(words):
            if i >= first and _breaks_at(words, i, breaks):
                runs.extend(split_runs(chunk, known) if chunk else ())
                chunk = []
            else:
                chunk.append(word)
        runs.extend(split_runs(chunk, known) if chunk else ())
        return runs
    if not any(w in CONNECTORS for w, _, _ in words):
        run = _strip_lead(words, known)
        return [run] if run is not None else []
    return _split_at_connectors(words, known)


def _breaks_at(words: list[Word], i: int, breaks: frozenset[str]) -> bool:
    """Whether a headline word ends a name; "Private" before "Limited" is a legal form."""
    word = words[i][0]
    if word not in breaks:
        return False
    if word in ("Private", "Public") and i + 1 < len(words):
        return not is_legal(words[i + 1][0])
    return True


def _split_at_connectors(words: list[Word], known: Mapping[str, KnownName]) -> list[Run]:
    segments: list[list[Word]] = [[]]
    for word in words:
        if word[0] in CONNECTORS:
            segments.append([word])
        else:
            segments[-1].append(word)
    ends_legal = is_legal(words[-1][0]) and words[-1][0] != "Group"
    runs: list[list[Word]] = [segments[0]]
    for segment in segments[1:]:
        connector, rest = segment[0][0], segment[1:]
        previous = runs[-1]
        join = (
            bool(rest)
            and bool(previous)
            and (
                connector in _JOINING
                or (connector == "of" and previous[-1][0] in DESCRIPTIVE_SUFFIXES)
                or (
                    connector == "and"
                    and ends_legal
                    and segment is segments[-1]
                    and not _is_known(previous, known)
                )
            )
            and not (connector in ("and", "&") and _stands_alone(previous, rest, known))
        )
        if join:
            previous.extend(segment)
        else:
            runs.append(rest)
    return [run for run in (_strip_lead(r, known) for r in runs if r) if run is not None]


def _stands_alone(left: list[Word], right: list[Word], known: Mapping[str, KnownName]) -> bool:
    """Whether the names either side of "and"/"&" are two companies: the left one ends
    in a legal form ("JPMorgan Chase & Co. and Barclays Plc"), or in a descriptive
    ending after a name while the right one has a name of its own ("Kestrel Partners and
    Mitsuda Corporation", not "Kestrel Mining and Metals Corp"), or either is known."""
    last = left[-1][0]
    if len(left) > 1 and is_legal(last) and last not in GROUP_WORDS:
        return True
    right_core = strip_legal_suffixes([w for w, _, _ in right])
    right_named = any(w not in GENERIC_BUSINESS_WORDS and not is_noise(w) for w in right_core)
    if len(left) > 1 and last in DESCRIPTIVE_SUFFIXES and right_named:
        core = [w for w, _, _ in left[:-1] if w not in CONNECTORS]
        return any(w not in GENERIC_BUSINESS_WORDS and not is_noise(w) for w in core)
    if not right_named or (len(left) > 1 and left[-2][0] in CONNECTORS):
        return False
    key = " ".join(right_core).lower()
    return _is_known(left, known) or (len(right_core) > 1 and key in ALIAS_INDEX)


def _is_known(words: list[Word], known: Mapping[str, KnownName]) -> bool:
    key = " ".join(w for w, _, _ in words).lower()
    return key in known or key in ALIAS_INDEX


def _is_lead_noise(word: str) -> bool:
    if word in NON_COMPANY_WORDS or word.endswith("-based"):
        return True
    return word.lower() in COMPANY_CUE_NOUNS and word[1:].islower()


def _starts_known(words: list[Word], known: Mapping[str, KnownName]) -> bool:
    """Whether a known name begins at the first word ("Hang Seng Index", "Nikkei")."""
    if words[0][0].lower() not in ALIAS_FIRST_WORDS:
        return False
    names = [w.lower() for w, _, _ in words[:6]]
    return any(" ".join(names[:n]) in ALIAS_INDEX for n in range(1, len(names) + 1))


def _strip_lead(words: list[Word], known: Mapping[str, KnownName]) -> Run | None:
    lead: list[str] = []
    while words and _is_lead_noise(words[0][0]):
        if len(words) > 1 and is_legal(words[1][0]) and words[0][0] not in PERSON_TITLES:
            break  # "Co. Ltd" kept whole; a name made only of noise is dropped later
        if _starts_known(words, known):
            break
        lead.append(words[0][0])
        words = words[1:]
    return run_of(words, tuple(lead)) if words else None

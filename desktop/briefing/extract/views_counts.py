"""Rating counts: "16 of 17 analysts say Buy", "14 Buys and 3 Holds", "five recommend buying".

A count needs analysts around it (an analyst noun, a plural label, or the covering total
the sentence before stated); its total comes from "of the N analysts", "N out of M", or
that earlier total.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import AnalystView
from briefing.extract.views_text import (
    COUNT_RE,
    LABEL_RE,
    NUMBER_WORDS,
    Scope,
    label_of,
    parse_count,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    ADVICE_LABELS,
    ADVICE_VERBS,
    ANALYST_NOUNS,
    PLURAL_LABELS,
    RATING_LABELS,
    RATING_NOUNS,
)

RATING_NOUN_AFTER: Final = re.compile(
    r"[\"'”’]?\s*(?:stock\s+)?(?:" + "|".join(RATING_NOUNS) + r")\b", re.IGNORECASE
)
_ANALYST_NOUN: Final = words_regex(ANALYST_NOUNS)
_NUMBER: Final = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_TOTAL_BEFORE: Final = re.compile(
    r"\b(?:of|among|amongst)\s+(?:the\s+|all\s+)?"
    + _NUMBER
    + r"\s+(?:[\w-]+\s+){0,3}?(?:analysts|brokers|brokerages"
    r"|firms|houses|strategists)\b",
    re.IGNORECASE,
)
_COVERAGE_TOTAL: Final = re.compile(
    r"\b(?:the|by|from|all)\s+" + _NUMBER + r"\s+(?:[\w-]+\s+){0,2}?(?:analysts|brokers|brokerages"
    r"|firms)\s+(?:that\s+are\s+|who\s+are\s+|that\s+|who\s+)?(?:currently\s+)?(?:covering"
    r"|cover|tracking|track|following|follow|in\s+coverage)\b",
    re.IGNORECASE,
)
_TOTAL_AFTER: Final = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|their\s+)?" + _NUMBER + r"\b", re.IGNORECASE
)
# Labels as rating counts write them: singular, plural ("14 Buys") or advice ("recommend
# buying"); the plural and advice forms are the group's label (1).
COUNT_LABEL_RE: Final = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted({re.escape(w) for w in (*RATING_LABELS, *PLURAL_LABELS)}, key=len)[::-1])
    + r"|(?:"
    + "|".join(ADVICE_VERBS)
    + r")\s+("
    + "|".join(ADVICE_LABELS)
    + r"))(?![\w-])",
    re.IGNORECASE,
)
_PLURAL_COUNT: Final = re.compile(
    _NUMBER + r"\s+(?:" + "|".join(sorted(PLURAL_LABELS, key=len, reverse=True)) + r")\b", re.I
)
PLURAL_WORDS: Final = frozenset(w for label in PLURAL_LABELS for w in label.split())
# "38 rate it buy or strong buy": a second label joined to the first is the same group's.
_JOINED_LABEL: Final = re.compile(r"\s*(?:or|/)\s*(?:an?\s+)?")
_RATING_VERB_AFTER: Final = re.compile(
    r"(?i)\s+(?:of\s+them\s+)?(?:rate|rates|say|says|recommend|recommends|have|call|see|advise)\b"
)


def coverage_total(text: str) -> int | None:
    """How many analysts cover the stock, when a sentence says so.

    >>> coverage_total("It has a Moderate Buy rating from the seven analysts that are covering it.")
    7
    """
    found = _COVERAGE_TOTAL.search(text)
    return parse_count(found.group(1)) if found is not None else None


def rating_counts(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    plural = None
    if not scope.words.isdisjoint(PLURAL_WORDS):
        plural = _PLURAL_COUNT.search(text)
    # After "the seven analysts covering it", "Four rate it buy" needs no analyst noun.
    follows_total = scope.earlier_total is not None
    if plural is None and not follows_total and not _ANALYST_NOUN.search(text):
        return []
    total: int | None = scope.earlier_total
    skip: set[int] = set()
    opening_start: int | None = None
    opening = _TOTAL_BEFORE.search(text)
    if opening is not None:
        total = parse_count(opening.group(1))
        skip.add(opening.start(1))
        opening_start = opening.start()
    counts = [m for m in COUNT_RE.finditer(text) if m.start() not in skip]
    views: list[AnalystView] = []
    about_analysts = opening is not None or plural is not None
    consumed: set[int] = set()
    for index, count in enumerate(counts):
        if count.start() in consumed:
            continue
        of = None
        total_match = _TOTAL_AFTER.match(text, count.end())
        if total_match is not None:
            of = parse_count(total_match.group(1))
            consumed.add(total_match.start(1))
        later = [m.start() for m in counts[index + 1 :] if m.start() not in consumed]
        stop = min(later[0] if later else len(text), count.end() + 90)
        if _ANALYST_NOUN.search(text, count.end(), min(stop, count.end() + 45)) or (
            follows_total and _RATING_VERB_AFTER.match(text, count.end())
        ):
            about_analysts = True
        if not about_analysts:
            continue
        label = next(
            (m for m in COUNT_LABEL_RE.finditer(text, count.end(), stop) if m.start() not in used),
            None,
        )
        if label is None:
            continue
        used.add(label.start())
        of = of if of is not None else total
        if of is not None and total is None:
            total = of  # later items of the list share the stated total
        start = opening_start if opening_start is not None and not views else count.start()
        end = _joined_labels_end(text, label.end(), used)
        noun = RATING_NOUN_AFTER.match(text, end)
        if noun is not None:
            end = noun.end()
        views.append(
            scope.view(
                "rating_count",
                start,
                end,
                0.8,
                label=_count_label(label),
                count=parse_count(count.group(1)),
                of=of,
            )
        )
    return views


def _joined_labels_end(text: str, end: int, used: set[int]) -> int:
    """The end of labels joined to the one ending at ``end`` ("buy or strong buy")."""
    joined = _JOINED_LABEL.match(text, end)
    while joined is not None:
        label = LABEL_RE.match(text, joined.end())
        if label is None:
            break
        used.add(label.start())
        end = label.end()
        joined = _JOINED_LABEL.match(text, end)
    return end


def _count_label(label: re.Match[str]) -> str:
    """The contract label of a count's label as written ("Buys", "recommend buying").

    >>> _count_label(COUNT_LABEL_RE.search("14 Buys")), _count_label(
    ...     COUNT_LABEL_RE.search("five recommend buying"))
    ('Buy', 'Buy')
    """
    if label.group(1):
        return ADVICE_LABELS[label.group(1).lower()]
    surface = " ".join(label.group(0).lower().split())
    return PLURAL_LABELS.get(surface) or label_of(surface)

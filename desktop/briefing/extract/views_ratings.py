"""Rating views: upgrades and downgrades, standing ratings, rating counts, consensus.

Rules run per sentence in that order; each marks the label words it used, so a later
rule never reads the same label a second time ("16 maintain a Buy rating" is a count,
not one broker's rating).
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
    brokers_in,
    clause_bounds,
    company_after,
    company_before,
    firm_near,
    is_quoted,
    label_is_plausible,
    label_of,
    last_match,
    parse_count,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    ANALYST_NOUNS,
    CONSENSUS_CUES,
    CONSENSUS_ONLY_LABELS,
    LABEL_FILLERS,
    RATING_CHANGE_STEMS,
    RATING_KEEP_STEMS,
    RATING_LABELS,
    RATING_MOVE_VERBS,
    RATING_NOUNS,
)

_CHANGE_TRIGGER: Final = re.compile(
    r"\b(?:" + "|".join(RATING_CHANGE_STEMS) + r")\w*"
    r"|\b(?:" + "|".join(RATING_MOVE_VERBS) + r")\s+(?:its|their|the|his|her|our)?\s*"
    r"(?:rating|recommendation|stance)\b",
    re.IGNORECASE,
)
_KEEP_VERB: Final = re.compile(r"\b(?:" + "|".join(RATING_KEEP_STEMS) + r")\w*", re.IGNORECASE)
_RATING_NOUN_AFTER: Final = re.compile(
    r"[\"'”’]?\s*(?:stock\s+)?(?:" + "|".join(RATING_NOUNS) + r")\b", re.IGNORECASE
)
_ANALYST_NOUN: Final = words_regex(ANALYST_NOUNS)
_CONSENSUS_CUE: Final = words_regex(CONSENSUS_CUES)
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
# Every label holds one of these words; words common in any text ("in", "market") are left
# out, as each label holding one also holds a rarer word ("in line", "market perform").
LABEL_WORDS: Final = frozenset(
    w for label in RATING_LABELS for w in re.findall("[a-z]+", label) if w not in LABEL_FILLERS
)
_CUE_TO_LABEL: Final = re.compile(
    r"\s*(?:rating|recommendation)?\s*(?:of|is|at|stands\s+at|was|:)?\s*(?:an?\s+)?[\"'“‘]?",
    re.I,
)
# "UBS raised Brask to buy": a move verb whose object is the company, then the label.
_MOVE_TO_LABEL: Final = re.compile(
    r"\b(?:" + "|".join(RATING_MOVE_VERBS) + r")\s+(?:[\w.&'’-]+\s+){1,4}?to\s+[\"'“‘]?",
    re.I,
)
# "cut the stock to hold from buy": both slots of a change make even everyday words labels.
_FROM_LABEL_AFTER: Final = re.compile(r"[\"'”’]?\s+from\s+(?:an?\s+)?[\"'“‘]?", re.I)
# "Ferrocast has a Zacks Rank #2 (Buy)": a research house's numbered rank with its label.
_RANK_LABEL: Final = re.compile(r"\b([A-Z][\w&.-]*)\s+Rank\s*(?:#|No\.?\s*)?\d\s*\(\s*")
_AVERAGE_BEFORE: Final = re.compile(r"(?:average|consensus|mean)\s+(?:\w+\s+){0,2}$", re.I)


def _rating_changes(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    triggers = sorted(
        [*_CHANGE_TRIGGER.finditer(text), *_moves_to_label(text)], key=lambda m: m.start()
    )
    for index, trigger in enumerate(triggers):
        stop = triggers[index + 1].start() if index + 1 < len(triggers) else len(text)
        stop = min(stop, trigger.end() + 180)
        new = previous = None
        for label in LABEL_RE.finditer(text, trigger.end(), stop):
            slot = word_before(text, label.start())
            if slot == "to" and new is None:
                new = label
            elif slot == "from" and previous is None:
                previous = label
        if new is None or new.start() in used:
            continue
        used.add(new.start())
        end = new.end()
        if previous is not None:
            used.add(previous.start())
            end = max(end, previous.end())
        views.append(
            scope.view(
                "rating_change",
                trigger.start(),
                end,
                0.85,
                company=company_after(scope, trigger.end(), new.start()),
                firm=firm_near(scope, trigger.start()),
                label=label_of(new.group(0)),
                previous_label=label_of(previous.group(0)) if previous else None,
            )
        )
    return views


def _moves_to_label(text: str) -> list[re.Match[str]]:
    """ "raised Brask to buy" triggers only when a plausible label follows the "to"."""
    found = []
    for move in _MOVE_TO_LABEL.finditer(text):
        label = LABEL_RE.match(text, move.end())
        if label is not None and (
            label_is_plausible(text, label)
            or is_quoted(text, label.start(), label.end())
            or _changes_from_label(text, label.end())
        ):
            found.append(move)
    return found


def _changes_from_label(text: str, position: int) -> bool:
    link = _FROM_LABEL_AFTER.match(text, position)
    return link is not None and LABEL_RE.match(text, link.end()) is not None


def _ranks(scope: Scope, used: set[int]) -> list[AnalystView]:
    """A research house's rank with its label in brackets is that house's rating."""
    text = scope.text
    views: list[AnalystView] = []
    if "rank" not in scope.words:
        return views
    for rank in _RANK_LABEL.finditer(text):
        label = LABEL_RE.match(text, rank.end())
        if label is None or label.start() in used:
            continue
        used.add(label.start())
        views.append(
            scope.view(
                "rating",
                rank.start(),
                label.end() + 1,
                0.75,
                company=company_before(scope, rank.start()),
                firm=rank.group(1),
                label=label_of(label.group(0)),
            )
        )
    return views


def coverage_total(text: str) -> int | None:
    """How many analysts cover the stock, when a sentence says so.

    >>> coverage_total("It has a Moderate Buy rating from the seven analysts that are covering it.")
    7
    """
    found = _COVERAGE_TOTAL.search(text)
    return parse_count(found.group(1)) if found is not None else None


def _rating_counts(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    if not _ANALYST_NOUN.search(text):
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
    about_analysts = opening is not None
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
        if _ANALYST_NOUN.search(text, count.end(), min(stop, count.end() + 45)):
            about_analysts = True
        if not about_analysts:
            continue
        label = next(
            (m for m in LABEL_RE.finditer(text, count.end(), stop) if m.start() not in used), None
        )
        if label is None:
            continue
        used.add(label.start())
        of = of if of is not None else total
        if of is not None and total is None:
            total = of  # later items of the list share the stated total
        start = opening_start if opening_start is not None and not views else count.start()
        end = label.end()
        noun = _RATING_NOUN_AFTER.match(text, end)
        if noun is not None:
            end = noun.end()
        views.append(
            scope.view(
                "rating_count",
                start,
                end,
                0.8,
                label=label_of(label.group(0)),
                count=parse_count(count.group(1)),
                of=of,
            )
        )
    return views


def _consensus(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    for cue in _CONSENSUS_CUE.finditer(text):
        _, clause_end = clause_bounds(text, cue.end())
        stop = min(max(clause_end, cue.end() + 40), cue.end() + 90)
        for label in LABEL_RE.finditer(text, cue.end(), stop):
            if label.start() in used:
                continue
            # "consensus rating of Hold": right after the cue even everyday words are labels.
            if not label_is_plausible(text, label) and not _CUE_TO_LABEL.fullmatch(
                text, cue.end(), label.start()
            ):
                continue
            used.add(label.start())
            views.append(
                scope.view(
                    "consensus_rating",
                    cue.start(),
                    label.end(),
                    0.8,
                    label=label_of(label.group(0)),
                )
            )
    for label in LABEL_RE.finditer(text):
        if label.start() in used or label.group(0).lower() not in CONSENSUS_ONLY_LABELS:
            continue
        used.add(label.start())
        views.append(
            scope.view(
                "consensus_rating", label.start(), label.end(), 0.65, label=label_of(label.group(0))
            )
        )
    return views


def _standing_ratings(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    for label in LABEL_RE.finditer(text):
        if label.start() in used or _AVERAGE_BEFORE.search(
            text, max(0, label.start() - 40), label.start()
        ):
            continue
        clause_start, _ = clause_bounds(text, label.start())
        window_start = max(clause_start, label.start() - 50)
        verb = last_match(_KEEP_VERB, text, window_start, label.start())
        noun = _RATING_NOUN_AFTER.match(text, label.end())
        quoted = is_quoted(text, label.start(), label.end())
        if noun is not None:
            named_firm = bool(brokers_in(scope, clause_start, label.start()))
            if verb is None and not quoted and not named_firm:
                continue
        elif verb is None or label.start() - verb.end() > 30:
            continue
        if not label_is_plausible(text, label) and noun is None:
            continue
        used.add(label.start())
        firm = firm_near(scope, label.start())
        start = verb.start() if verb is not None else label.start()
        end = noun.end() if noun is not None else label.end()
        views.append(
            scope.view(
                "rating",
                start,
                end,
                0.8 if firm else 0.55,
                firm=firm,
                label=label_of(label.group(0)),
            )
        )
    return views


def rating_views(scope: Scope) -> list[AnalystView]:
    """Upgrades/downgrades, rating counts, consensus labels and standing ratings.

    >>> from briefing.domain.model import Document
    >>> from briefing.extract.context import build_context
    >>> text = "Acme Corp was downgraded by analysts at UBS from Overweight to Underweight."
    >>> context = build_context(Document(id="t", path="t", format="text", body=text))
    >>> [(v.type, v.label, v.previous_label) for v in
    ...  rating_views(Scope(context, context.sentences[0], None))]
    [('rating_change', 'Underweight', 'Overweight')]
    """
    if not scope.mentions_any(LABEL_WORDS) or LABEL_RE.search(scope.text) is None:
        return []  # every rating view names a label
    used: set[int] = set()
    return [
        *_ranks(scope, used),
        *_rating_changes(scope, used),
        *_rating_counts(scope, used),
        *_consensus(scope, used),
        *_standing_ratings(scope, used),
    ]

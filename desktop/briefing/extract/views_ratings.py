"""Rating views: upgrades and downgrades, standing ratings, rating counts, consensus.

Rules run per sentence in that order; each marks the label words it used, so a later
rule never reads the same label a second time ("16 maintain a Buy rating" is a count,
not one broker's rating).
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import AnalystView
from briefing.extract.views_counts import (
    COUNT_LABEL_RE,
    PLURAL_WORDS,
    RATING_NOUN_AFTER,
    rating_counts,
)
from briefing.extract.views_subjects import company_after, company_before, firm_near
from briefing.extract.views_text import (
    LABEL_RE,
    Scope,
    brokers_in,
    clause_bounds,
    is_quoted,
    label_is_plausible,
    label_of,
    last_match,
    parse_count,
    word_before,
    words_regex,
)
from briefing.extract.vocab.view_terms import (
    ADVICE_LABELS,
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
_CONSENSUS_CUE: Final = words_regex(CONSENSUS_CUES)
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
_FIRM_AFTER_CHANGE: Final = re.compile(
    r"\s+(?:at|by)\s+([A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,3})\s*(?:$|[.;,(])"
)
_TO_LABEL: Final = re.compile(r"\bto\s+[\"'“‘]?", re.I)
# "cut the stock to hold from buy": both slots of a change make even everyday words labels.
_FROM_LABEL_AFTER: Final = re.compile(r"[\"'”’]?\s+from\s+(?:an?\s+)?[\"'“‘]?", re.I)
# "Ferrocast has a Zacks Rank #2 (Buy)": a research house's numbered rank with its label.
_RANK_LABEL: Final = re.compile(r"\b([A-Z][\w&.-]*)\s+Rank\s*(?:#|No\.?\s*)?\d\s*\(\s*")
# "maintains Neutral on X": a capitalised label right after a keep verb is a rating.
_RIGHT_AFTER_VERB: Final = re.compile(r"\s+(?:(?:an?|its|their|the|his|her)\s+)?$", re.I)
# "Morningstar Rating: 4 stars", "a 5-star rating", "★★★★".
_STARS: Final = re.compile(
    r"(?i)(?<![\w-])([1-5]|one|two|three|four|five)[- ]stars?\b|(?<!★)(★{1,5})(?!★)"
)
_STARS_CONTEXT: Final = frozenset({"rating", "rated", "territory", "morningstar", "cfra", "stars"})
_HELD_BEFORE: Final = re.compile(r"(?i)\b(?:has|have|had|holds|carries)\s+(?:an?\s+|its\s+)?$")
_STAR_WORDS: Final = frozenset({"star", "stars"})
_COUNT_GATE_WORDS: Final = LABEL_WORDS | PLURAL_WORDS | frozenset(ADVICE_LABELS)
# Cheap tests of whether a rule can apply at all: each of its patterns needs one of these
# words (or, for upgrades, a word starting with a change stem).
_MOVE_VERB_WORDS: Final = frozenset(RATING_MOVE_VERBS)
_CHANGE_STEMS: Final = tuple(RATING_CHANGE_STEMS)
_CONSENSUS_GATE_WORDS: Final = frozenset({"consensus", "average", "mean", "moderate"})
_KEEP_STEMS: Final = tuple(RATING_KEEP_STEMS)
_STANDING_NOUN_WORDS: Final = frozenset(RATING_NOUNS)
_CONSENSUS_AFTER: Final = re.compile(r"[\"'”’]?\s+consensus\b", re.I)
_AVERAGE_BEFORE: Final = re.compile(r"(?:average|consensus|mean)\s+(?:\w+\s+){0,2}$", re.I)
# "analysts rate it a Buy on average": the label of the average of many brokers.
_ON_AVERAGE_AFTER: Final = re.compile(r"(?i)[\"'”’]?\s+(?:rating\s+)?on\s+average\b")
# "Seeking Alpha's Quant Rating on the stock is Hold": a named house's rating, then its label.
_OWNED_RATING_BEFORE: Final = re.compile(
    r"\b((?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*)['’]s\s+(?:[A-Z][\w-]*\s+)?(?i:rating)"
    r"\s+(?:(?:on|for)\s+(?:the\s+)?[\w.&-]+\s+)?(?:is|was|stands\s+at|remains|:)\s+"
    r"(?:an?\s+)?[\"'“‘]?$"
)


def _may_change(scope: Scope) -> bool:
    """Whether a change can be stated: an "upgrad"/"downgrad" word, a move verb, or the
    " from " of "to Underweight from Overweight"."""
    return (
        not scope.words.isdisjoint(_MOVE_VERB_WORDS)
        or " from " in scope.text
        or any(word.startswith(_CHANGE_STEMS) for word in scope.words)
    )


def _rating_changes(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    if not _may_change(scope):
        return views
    triggers = [*_CHANGE_TRIGGER.finditer(text), *_moves_to_label(text)]
    triggers = sorted([*triggers, *_to_from_labels(text, triggers)], key=lambda m: m.start())
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
        # "X upgraded to Overweight from Neutral at Halvard Capital": the one-liner's firm.
        named = _FIRM_AFTER_CHANGE.match(text, end + 1 if text[end : end + 1] in "\"'”’" else end)
        views.append(
            scope.view(
                "rating_change",
                trigger.start(),
                end,
                0.85,
                company=company_after(scope, trigger.end(), new.start()),
                firm=named.group(1) if named else firm_near(scope, trigger.start()),
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


def _to_from_labels(text: str, triggers: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "Ord Minnett went further, moving to Underweight from Overweight", "its rating to
    'hold' from 'buy'": both slots of a change name labels, with no change verb before."""
    if " from " not in text:
        return []
    found = []
    for link in _TO_LABEL.finditer(text):
        label = LABEL_RE.match(text, link.end())
        if label is None or not _changes_from_label(text, label.end()):
            continue
        if not any(0 <= link.start() - t.start() <= 150 for t in triggers):
            found.append(link)
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


def _may_star(words: frozenset[str], text: str) -> bool:
    return (not words.isdisjoint(_STAR_WORDS) or "★" in text) and not words.isdisjoint(
        _STARS_CONTEXT
    )


def may_state_rating(words: frozenset[str], text: str) -> bool:
    """Whether ``rating_views`` can find anything in a sentence with these words: a
    cheap test that spares setting up the sentence's ``Scope``."""
    return _may_star(words, text) or not words.isdisjoint(_COUNT_GATE_WORDS)


def _star_ratings(scope: Scope) -> list[AnalystView]:
    """A research house's star rating ("Morningstar Rating: 4 stars", "4-star territory")."""
    if not _may_star(scope.words, scope.text):
        return []
    views: list[AnalystView] = []
    for stars in _STARS.finditer(scope.text):
        number = len(stars.group(2)) if stars.group(2) else parse_count(stars.group(1))
        views.append(
            scope.view(
                "rating",
                stars.start(),
                stars.end(),
                0.7,
                firm=firm_near(scope, stars.start()),
                label=f"{number} Star{'s' if number > 1 else ''}",
            )
        )
    return views


def _consensus(scope: Scope, used: set[int]) -> list[AnalystView]:
    text = scope.text
    views: list[AnalystView] = []
    if scope.words.isdisjoint(_CONSENSUS_GATE_WORDS):
        return views  # no cue, no "moderate buy", no "buy consensus" or "on average"
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
        if label.start() in used:
            continue
        # "has a Strong Buy consensus rating": the label named before the cue.
        if (
            label.group(0).lower() not in CONSENSUS_ONLY_LABELS
            and not _CONSENSUS_AFTER.match(text, label.end())
            and not _ON_AVERAGE_AFTER.match(text, label.end())
        ):
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
    # A standing rating needs a keep verb, a rating noun after the label, or a house's
    # "rating" before it.
    if scope.words.isdisjoint(_STANDING_NOUN_WORDS) and not any(
        word.startswith(_KEEP_STEMS) for word in scope.words
    ):
        return views
    for label in LABEL_RE.finditer(text):
        if label.start() in used or _AVERAGE_BEFORE.search(
            text, max(0, label.start() - 40), label.start()
        ):
            continue
        clause_start, _ = clause_bounds(text, label.start())
        window_start = max(clause_start, label.start() - 50)
        verb = last_match(_KEEP_VERB, text, window_start, label.start())
        noun = RATING_NOUN_AFTER.match(text, label.end())
        owner = _OWNED_RATING_BEFORE.search(text, max(0, label.start() - 80), label.start())
        if owner is not None and noun is None:
            used.add(label.start())
            views.append(
                scope.view(
                    "rating",
                    owner.start(),
                    label.end(),
                    0.7,
                    firm=owner.group(1),
                    label=label_of(label.group(0)),
                )
            )
            continue
        quoted = is_quoted(text, label.start(), label.end())
        if noun is not None:
            named_firm = bool(brokers_in(scope, clause_start, label.start()))
            # "Itau BBA has a market perform rating": held, with the rating noun after it.
            held = _HELD_BEFORE.search(text, window_start, label.start()) is not None
            if verb is None and not quoted and not named_firm and not held:
                continue
        elif verb is None or label.start() - verb.end() > 30:
            continue
        if (
            not label_is_plausible(text, label)
            and noun is None
            and not _capitalised_after(text, verb, label)
        ):
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


def _capitalised_after(text: str, verb: re.Match[str] | None, label: re.Match[str]) -> bool:
    """ "maintains Neutral on X": an everyday word written as a label right after the verb."""
    return (
        verb is not None
        and label.group(0)[0].isupper()
        and _RIGHT_AFTER_VERB.fullmatch(text, verb.end(), label.start()) is not None
    )


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
    stars = _star_ratings(scope)
    if not scope.mentions_any(_COUNT_GATE_WORDS) or COUNT_LABEL_RE.search(scope.text) is None:
        return stars  # every other rating view names a label
    used: set[int] = set()
    return [
        *stars,
        *_ranks(scope, used),
        *_rating_changes(scope, used),
        *rating_counts(scope, used),
        *_consensus(scope, used),
        *_standing_ratings(scope, used),
    ]

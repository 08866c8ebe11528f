"""Company mentions of a sentence as the deals extractor reads them, and the parties a
deal word gets from them: the next name after it, the first name before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.deals_text import expand_acronym, name_after
from briefing.extract.deals_triggers import Trigger


@dataclass(frozen=True, slots=True)
class Parties:
    type: str  # the trigger's type, refined by the sentence ("invest" with no target: capex)
    buyer: str | None
    counterparty: str | None
    span: tuple[int, int]  # sentence offsets of the words naming the parties near the trigger
    confidence: float = 1.0
    incomplete: bool = False  # a needed party is missing: not a deal of its own
    # The role the article's primary company takes if no later sentence names it: the
    # sentence's implicit subject ("The convertible bond, issued on ...", "The company").
    implicit: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A company named in a sentence, offsets relative to the sentence text."""

    start: int  # sentence offsets
    end: int
    name: str
    is_broker: bool


_OBJECT_REACH: Final = 90
_SUBJECT_REACH: Final = 40  # a subject further back stays out of the quoted clause


# "JPMorgan Chase & Co. and Barclays", "Kestrel Partners and Mitsuda": two companies the
# entity finder read as one name; a corporate word before "and" ends the first name.
_JOINED_NAMES: Final = re.compile(
    r"\b(?:Co\.|Inc\.?|Corp\.?|Plc|PLC|plc|Ltd\.?|LLC|AG|SE|SA|NV|Partners|Capital|Ventures"
    r"|Holdings|Group|Bank|Corporation)(?P<joint> and )(?=[A-Z])"
)


def mentions_of(sentence: Sentence) -> list[Mention]:
    mentions: list[Mention] = []
    for m in sentence.companies:
        start, end = sentence.relative(m.start), sentence.relative(m.end)
        if mentions and start < mentions[-1].end:
            continue
        joined = _JOINED_NAMES.search(m.name) if " and " in m.name else None
        cut = sentence.text.find(" and ", start, end) if joined is not None else -1
        if joined is not None and cut >= 0:
            left, right = joined.span("joint")
            mentions.append(Mention(start, cut, m.name[:left], m.is_broker))
            mentions.append(Mention(cut + 5, end, m.name[right:], m.is_broker))
            continue
        mentions.append(Mention(start, end, m.name, m.is_broker))
    return mentions


def first_company(mentions: list[Mention], exclude: str | None = None) -> Mention | None:
    for prefer_company in (True, False):
        for m in mentions:
            if m.name != exclude and (not m.is_broker or not prefer_company):
                return m
    return None


def article_names(context: ArticleContext) -> list[str]:
    names: dict[str, None] = {}
    for sentence in context.sentences:
        for m in sentence.companies:
            names.setdefault(m.text if hasattr(m, "text") else m.name, None)
            names.setdefault(m.name, None)
    return list(names)


def object_after(
    context: ArticleContext,
    sentence: Sentence,
    mentions: list[Mention],
    position: int,
    exclude: str | None,
) -> Mention | None:
    """The company a deal word points at: the next name after it within the clause."""
    text = sentence.text
    limit = position + _OBJECT_REACH
    for m in mentions:
        if m.start >= position and m.start <= limit and m.name != exclude:
            if text.startswith("-based", m.end):
                continue  # "Iowa-based Prairie Junction": a place describing the name after it
            if ";" in text[position : m.start]:
                return None
            return m
    span = name_after(text, position)
    if span is None:
        return None
    surface = text[span[0] : span[1]]
    expanded = expand_acronym(surface, article_names(context))
    return Mention(span[0], span[1], expanded or surface, False)


def company_names(mentions: list[Mention]) -> list[str]:
    seen: dict[str, None] = {}
    for m in mentions:
        if not m.is_broker:
            seen.setdefault(m.name, None)
    return list(seen)


def party_span(trigger: Trigger, *mentions: Mention | None) -> tuple[int, int]:
    """The trigger plus the party names close to it (worth quoting)."""
    start, end = trigger.start, trigger.end
    for m in mentions:
        if m is not None and -_SUBJECT_REACH < m.start - trigger.start < _OBJECT_REACH:
            start, end = min(start, m.start), max(end, m.end)
    return start, end

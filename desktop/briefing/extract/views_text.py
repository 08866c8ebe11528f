"""Text helpers shared by the analyst-view rules: clauses, labels, firms and companies.

All positions here are offsets into ``Sentence.text`` unless a name says ``body``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from briefing.domain.model import AnalystView, Evidence, Quantity
from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.quantities import QuantityMatch
from briefing.extract.views_words import sentence_firms, sentence_words
from briefing.extract.vocab.view_terms import (
    AMBIGUOUS_LABELS,
    RATING_LABELS,
)


def words_regex(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A regex matching any of ``words`` as whole words, longest first.

    >>> words_regex(["buy", "strong buy"]).findall("a Strong Buy, not a buyback")
    ['Strong Buy']
    """
    alternatives = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", flags)


LABEL_RE: Final = words_regex(RATING_LABELS)
_RATED_NOUNS: Final = frozenset(
    {"rating", "ratings", "coverage", "call", "recommendation", "view", "stance", "target"}
)
_RATED_ON: Final = re.compile(
    r"(?i)\b(?:ratings?|coverage|call|recommendation|view|stance|target(?:\s+price)?"
    r"|price\s+target)[\"'”’]?\s+(?:on|of|for)\s+(?:the\s+)?(?:shares\s+(?:of|in)\s+)?"
)
_QUOTES: Final = "\"'“”‘’«»"
# Where a clause ends inside a sentence: punctuation followed by space, or dashes.
_CLAUSE_BREAK: Final = re.compile(r"[,;:](?=\s)|\s[–—-]{1,2}\s|\s\(|\)\s")
_RATING_WORD: Final = re.compile(r"[\"'”’]?\s*(?:rating|recommendation|call)")
_WORD_BEFORE: Final = re.compile(r"[A-Za-z][A-Za-z'-]*")

NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
COUNT_RE: Final = re.compile(
    r"(?<![\w.,$€£¥%-])(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)


def parse_count(token: str) -> int:
    """A small whole number written in digits or words.

    >>> parse_count("Sixteen"), parse_count("17")
    (16, 17)
    """
    lowered = token.lower()
    return NUMBER_WORDS[lowered] if lowered in NUMBER_WORDS else int(lowered)


@dataclass(frozen=True, slots=True)
class Scope:
    """One sentence under analysis, with what earlier sentences told us."""

    context: ArticleContext
    sentence: Sentence
    earlier_firm: str | None  # the last rating firm named before this sentence
    # Analysts covering the stock, as the sentence before stated ("from the seven analysts
    # covering the company"): the total of rating counts that do not state their own.
    earlier_total: int | None = None
    # The company the views are about when it is not the primary company (a broker named
    # in the headline, "ICICI Securities retains ADD on X", is not what it rates).
    subject: str | None = None
    # Whether the sentence before stated an analysts' forecast: "Revenues are expected to
    # be $865 million" right after one continues the consensus, not company guidance.
    # Its kind ("eps", "revenue") also gives "This represents a change of -8.8%" its metric.
    earlier_forecast: str | None = None
    # Rating firms named in the sentence (position in text, name), found once.
    firms: tuple[tuple[int, str], ...] = field(init=False)
    # The sentence's lower-case words: a cheap test of whether a rule can apply at all.
    words: frozenset[str] = field(init=False)
    # Another company the sentence's rating is on ("a hold rating on Tamsui"), if any.
    rated: str | None = field(init=False)
    # The sentence's words when the caller already has them (``sentence_words``).
    known_words: frozenset[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        words = self.known_words
        if words is None:
            words = sentence_words(self.sentence.text)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "firms", sentence_firms(self.sentence, self.primary, words))
        object.__setattr__(self, "rated", _rated_company(self))

    def mentions_any(self, words: frozenset[str]) -> bool:
        return not self.words.isdisjoint(words)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def primary(self) -> str | None:
        return self.subject or self.context.primary_company

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for the clause(s) holding ``text[start:end]``."""
        clause_start, _ = clause_bounds(self.text, start)
        _, clause_end = clause_bounds(self.text, max(start, end - 1))
        offset = self.sentence.start
        return Evidence.of(self.context.body, offset + clause_start, offset + clause_end)

    def quantities(self) -> tuple[QuantityMatch, ...]:
        return self.sentence.quantities

    def local(self, match: QuantityMatch) -> tuple[int, int]:
        return match.start - self.sentence.start, match.end - self.sentence.start

    def view(
        self,
        view_type: str,
        start: int,
        end: int,
        confidence: float,
        *,
        company: str | None = None,
        firm: str | None = None,
        value: Quantity | None = None,
        label: str | None = None,
        previous_label: str | None = None,
        stat: str | None = None,
        metric: str | None = None,
        period: str | None = None,
        count: int | None = None,
        of: int | None = None,
    ) -> AnalystView:
        """A view whose evidence is the clause(s) around ``text[start:end]``; the company
        defaults to the article's primary company."""
        return AnalystView(
            type=view_type,
            company=company or self.rated or self.primary,
            evidence=self.evidence(start, end),
            confidence=confidence,
            firm=firm,
            value=value,
            label=label,
            previous_label=previous_label,
            stat=stat,
            metric=metric,
            period=period,
            count=count,
            of=of,
        )


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``.

    >>> last_match(re.compile(r"\\d"), "a1b2c3", 0, 5).group(0)
    '2'
    """
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return found


_TOKEN: Final = re.compile(r"[A-Za-z]+")


def search_from_word(
    pattern: re.Pattern[str], text: str, first_words: frozenset[str]
) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern whose match starts with one of
    ``first_words`` (lower case): tried only where such a word stands, which spares
    trying a long alternation at every position of the text.

    >>> search_from_word(re.compile(r"(?i)\\b(?:rose|fell)\\s+\\d+%$"), "It rose, then fell 3%",
    ...                  frozenset({"rose", "fell"})).group(0)
    'fell 3%'
    """
    for token in _TOKEN.finditer(text):
        if token.group(0).lower() in first_words:
            found = pattern.match(text, token.start())
            if found is not None:
                return found
    return None


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The clause of ``text`` around ``position``: between clause breaks.

    >>> text = "Shares rose 5%, while the index fell 2%."
    >>> start, end = clause_bounds(text, 30)
    >>> text[start:end]
    'while the index fell 2%.'
    """
    start, end = 0, len(text)
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    while start < end and (text[start].isspace() or text[start] in "(),;:"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def label_of(surface: str) -> str:
    """The contract label for a rating word as written.

    >>> label_of("equal weight"), label_of("OVERWEIGHT"), label_of("Equalweight")
    ('Equal Weight', 'Overweight', 'Equalweight')
    """
    return RATING_LABELS.get(" ".join(surface.lower().split()), surface.title())


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether a label stands in quotes ("buy", “Buy”)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in _QUOTES or after in _QUOTES


def label_is_plausible(text: str, match: re.Match[str]) -> bool:
    """Ambiguous words count as labels only when quoted or called a rating."""
    if match.group(0).lower() not in AMBIGUOUS_LABELS:
        return True
    if is_quoted(text, match.start(), match.end()):
        return True
    after = text[match.end() : match.end() + 24].lower()
    return bool(_RATING_WORD.match(after))


def word_before(text: str, position: int) -> str:
    """The word before ``position``, skipping quotes, articles and possessives.

    >>> word_before('from an “overweight”', 9)
    'from'
    """
    words = _WORD_BEFORE.findall(text[max(0, position - 40) : position])
    skip = {"a", "an", "the", "its", "their", "his", "her", "our", "rating", "of"}
    while words and words[-1].lower() in skip:
        words.pop()
    return words[-1].lower() if words else ""


def as_money(quantity: Quantity, currency: str | None) -> Quantity:
    """A bare number read as an amount in the article's currency."""
    if quantity.unit is None and currency is not None:
        return dataclasses.replace(quantity, unit=currency)
    return quantity


def as_multiple(quantity: Quantity) -> Quantity:
    """A number read as a multiple ("P/E of 20" is 20x)."""
    return dataclasses.replace(quantity, unit="x")


def negated(quantity: Quantity) -> Quantity:
    """The same move, as a fall."""

    def flip(number: float | None) -> float | None:
        return None if number is None else -abs(number)

    if quantity.value is None:
        return dataclasses.replace(quantity, low=flip(quantity.high), high=flip(quantity.low))
    return dataclasses.replace(quantity, value=flip(quantity.value))


def brokers_in(scope: Scope, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """Rating firms named in ``text[start:end]`` (positions in the sentence text)."""
    stop = len(scope.text) if end is None else end
    return [(at, name) for at, name in scope.firms if start <= at < stop]


def _rated_company(scope: Scope) -> str | None:
    """A company other than the article's that the sentence rates: named right after
    "rating on", "coverage on", "target price for" ..."""
    if scope.words.isdisjoint(_RATED_NOUNS):
        return None
    others = [
        m
        for m in scope.sentence.companies
        if not (m.is_broker or m.is_index) and m.name != scope.primary
    ]
    if not others:
        return None
    for link in _RATED_ON.finditer(scope.text):
        for mention in others:
            if mention.start - scope.sentence.start == link.end():
                return mention.name
    return None

"""Company mentions in text: known names, names shaped like companies, names in
company slots, and generic references ("the company").

How a capitalised phrase becomes a company, strongest evidence first:

1. it is in the vocabulary (aliases, brokers, tickers) or a name already found in the
   same text (short forms: "Reliance" after "Reliance Industries Ltd"; abbreviations:
   "TSMC", a ticker declared in brackets);
2. it ends in a corporate suffix ("Ltd", "Corp.", "Industries") or is followed by a
   ticker in brackets ("(NYSE:STLA)", "(02367)");
3. it stands in a company slot: after "tech firm", "startup", "stake in", "analysts
   at"; before "announced", "shares", "said"; as a possessive before "revenue",
   "shares"; or next in a list after another company ("Veolia and Suez").

Months, places, sentence openers and people (after "CEO", "analyst") never are.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.company_forms import (
    CompanyMention,
    camel_case_mentions,
    find_references,
    mention_of,
    merge_variants,
)
from briefing.extract.company_known import CONNECTOR_WORDS, entry_for, match_known
from briefing.extract.company_names import (
    ALIAS_INDEX,
    BARE_TICKERS,
    INDEX_HEADS,
    KnownName,
    ticker_company,
)
from briefing.extract.company_runs import Run, Word, run_of, split_runs
from briefing.extract.company_slots import (
    ABBREVIATION_PARENS,
    Slot,
    classify_run,
    company_shape,
    declared_ticker,
    follower_word,
    is_list_gap,
    short_forms,
)
from briefing.extract.vocab.corporate import (
    BROKER_NAME_ENDINGS,
    DESCRIPTIVE_SUFFIXES,
    PLURAL_COMPANY_VERBS,
)
from briefing.extract.vocab.headlines import HEADLINE_VERBS
from briefing.extract.vocab.non_company_words import (
    NON_COMPANY_WORDS,
    PLACE_NAMES,
)

__all__ = ["PHRASE", "CompanyMention", "find_companies"]


# A capitalised word: legal forms with their full stop ("Corp."), dotted initials
# ("J.P."), names with inner capitals, "&", hyphens or ".com" ("AT&T", "JD.com").
_WORD_REST: Final = (
    r"(?:(?:orp|o|nc|td|vt|hd|os|ldgs|ty|lc|ros|ntl)\.(?![A-Za-z])"
    r"|\.(?:[A-Z]\.)+"
    r"|[A-Za-z0-9]*(?:[&\-.'’/][A-Z0-9][A-Za-z0-9]*)*(?:\.com)?)"
)
_WORD: Final = rf"[A-Z]{_WORD_REST}"
_CONNECTOR: Final = r"(?:and|&|of|de|du|des|la|le|von|van|der|den)"
# A maximal run of capitalised words on one line, connectors allowed inside.
# (The look-behind sits after the first letter so the scan can skip to capitals fast.)
PHRASE: Final = re.compile(
    rf"[A-Z](?<![\w&\-.].){_WORD_REST}(?:[ \u00a0]+(?:{_CONNECTOR}[ \u00a0]+)?{_WORD})*"
    # British usage writes the legal form in lower case ("Ashcombe plc").
    r"(?:[ \u00a0]+plc\b)?"
)
_TOKEN: Final = re.compile(r"[^ \u00a0]+")
_INDEX_NUMBER: Final = re.compile(r"[ \u00a0]\d{2,4}(?!\d|[.,]\d|%)")
# Sentence openers and other capitalised words that never start a known name: skipped
# before any work is spent on them.
_NOISE_ONLY: Final = frozenset(
    w
    for w in NON_COMPANY_WORDS | PLACE_NAMES | {chr(c) for c in range(65, 91)}
    if w.lower() not in ALIAS_INDEX and w not in INDEX_HEADS
)
# Words a short form found earlier may carry in a fuller mention of the same company
# ("Kingsgate" ... "Kingsgate Capital", "Granite Peak" ... "Granite Peak Research").
_FULLER_ENDINGS: Final = BROKER_NAME_ENDINGS | DESCRIPTIVE_SUFFIXES
_LINE_WORD: Final = re.compile(r"[A-Za-z][A-Za-z'’\-]{3,}")
# A single capital and full stop before a name ("B. Riley"): the phrase scan leaves it out.
_INITIAL_BEFORE: Final = re.compile(r"(?<![\w.])[A-Z]\.[ \u00a0]")


class _Scan:
    """The state of one pass over a text: names found so far and their mentions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, KnownName] = {}
        self.firsts: set[str] = set()  # first words of the keys of ``found``
        self.registered: set[str] = set()
        self.mentions: list[CompanyMention] = []
        self.leftovers: list[Run] = []
        self.list_end = -1  # where the last company of a possible list ended
        self.skip_until = -1  # end of a ticker or abbreviation in brackets after a name
        self.headlines: dict[int, bool] = {}  # line start -> written in title case?
        self.entries: dict[str, KnownName] = {}  # surface -> ``entry_for(surface)``
        self.shown: dict[str, str] = {}  # surface -> ``display_name(surface)``, if worked out

    def on_headline(self, at: int) -> bool:
        """Whether the line holding ``at`` is a title-case headline, whose verbs are
        capitalised like the names around them."""
        text = self.text
        start = text.rfind("\n", 0, at) + 1
        known = self.headlines.get(start)
        if known is None:
            end = text.find("\n", at, start + 161)
            known = end >= 0 and _is_title_case(text[start:end])
            if end < 0 and len(text) - start <= 160:
                known = _is_title_case(text[start:])  # the text's last line
            self.headlines[start] = known
        return known

    def add(self, run: Run, entry: KnownName) -> None:
        text = self.text
        start, end = run.start, run.end
        leftovers = self.leftovers
        if (
            leftovers
            and start - leftovers[-1].end < 8
            and is_list_gap(text, leftovers[-1].end, start)
        ):
            self.promote_partner(run)
        surface = text[start:end]
        self.mentions.append(
            CompanyMention(start, end, surface, entry.name, entry.is_broker, False, entry.is_index)
        )
        if surface not in self.registered:
            self.registered.add(surface)
            if ALIAS_INDEX.get(entry.name.lower()) != entry:  # known names need no forms
                for key in short_forms(entry, run.names, self.shown.get(surface)):
                    self.remember(key, entry)
        self.list_end = run.end
        if "(" not in text[run.end : run.end + 5]:
            return
        ticker = declared_ticker(text, run.end)
        if ticker is not None:
            self.remember(ticker[0].lower(), entry)
            self.list_end = self.skip_until = ticker[1]
            return
        abbreviation = ABBREVIATION_PARENS.match(text, run.end)
        if abbreviation is not None and abbreviation.group(1) not in ("ADR", "ADS"):
            self.remember(abbreviation.group(1).lower(), entry)
            self.list_end = self.skip_until = abbreviation.end()

    def promote_partner(self, run: Run) -> None:
        """ "Peloris and Standish announced ...": the first of two names acting together
        is a company too, though only the verb after the second says so."""
        possessive, verb = follower_word(self.text, run.end)
        partner = self.leftovers[-1]
        gap = self.text[partner.end : run.start]
        if possessive or verb not in PLURAL_COMPANY_VERBS or len(partner.names) > 3:
            return
        if "and" not in gap and "&" not in gap:
            return
        self.leftovers.pop()
        self.add(partner, self.entry_for(self.text[partner.start : partner.end]))

    def entry_for(self, surface: str) -> KnownName:
        """``entry_for(surface)``, worked out once per text: names recur."""
        entry = self.entries.get(surface)
        if entry is None:
            entry, shown = entry_for(surface)
            self.entries[surface] = entry
            if shown is not None:
                self.shown[surface] = shown
        return entry

    def remember(self, key: str, entry: KnownName) -> None:
        """A form later mentions of a company found in this text may take."""
        if key not in self.found:
            self.found[key] = entry
            self.firsts.add(key.split(" ", 1)[0])

    def single(self, word: str, start: int, end: int) -> None:
        """A one-word phrase: most are sentence openers, settled by a lookup."""
        key = word.lower()
        entry = self.found.get(key) or ALIAS_INDEX.get(key)
        if entry is None and word in BARE_TICKERS:
            entry = KnownName(ticker_company(word) or word, False)
        if entry is not None:
            self.add(Run([(word, start, end)], [word], start, end, ()), entry)
        elif word in HEADLINE_VERBS and self.on_headline(start):
            return
        elif not (word in NON_COMPANY_WORDS or len(word) < 2):
            run = Run([(word, start, end)], [word], start, end, ())
            in_list = self.list_end >= 0 and is_list_gap(self.text, self.list_end, start)
            slot = classify_run(self.text, run, in_list)
            if slot is Slot.COMPANY:
                self.add(run, self.entry_for(word))
            elif slot is not Slot.PERSON:
                self.leftovers.append(run)

    def stretch(self, words: list[Word]) -> None:
        """Capitalised words that no name with a connector inside covers."""
        if not words:
            return
        headline = any(w in HEADLINE_VERBS for w, _, _ in words) and self.on_headline(words[0][1])
        for run in split_runs(words, self.found, headline):
            in_list = self.list_end >= 0 and is_list_gap(self.text, self.list_end, run.start)
            slot = classify_run(self.text, run, in_list)
            if slot is Slot.PERSON:
                continue
            known = list(match_known(run.words, self.found, self.firsts))
            named = slot is Slot.COMPANY and (not known or company_shape(run.names))
            if named or self.fuller_form(run, known):
                self.add(run, self.entry_for(self.text[run.start : run.end]))
            else:
                self.known_within(run, known)

    def fuller_form(self, run: Run, known: list[tuple[int, int, KnownName]]) -> bool:
        """Whether the run is a name found earlier in this text with a firm's ending
        added ("Kingsgate Capital" after "Kingsgate"): one company, named in full."""
        if len(known) != 1 or known[0][0] != 0 or known[0][1] >= len(run.words):
            return False
        entry = known[0][2]
        if ALIAS_INDEX.get(entry.name.lower()) == entry or entry.is_index:
            return False  # a vocabulary name takes its endings in ``_entry_for``
        return all(w in _FULLER_ENDINGS for w in run.names[known[0][1] :])

    def known_within(self, run: Run, known: list[tuple[int, int, KnownName]]) -> None:
        """Known names inside a run; the rest may be named later in the text."""
        cursor = 0
        for first, end, entry in known:
            if first > cursor:
                self.leftovers.append(run_of(run.words[cursor:first]))
            self.add(run_of(run.words[first:end]), entry)
            cursor = end
        if cursor == 0:
            self.leftovers.append(run)
        elif cursor < len(run.words):
            self.leftovers.append(run_of(run.words[cursor:]))

    def phrase(self, start: int, end: int) -> None:
        text = self.text
        if (
            start >= 3
            and text[start - 2 : start - 1] == "."
            and _INITIAL_BEFORE.match(text, start - 3, start)
        ):
            start = self.initialled(start, end)
        surface = text[start:end]
        number = _INDEX_NUMBER.match(text, end) if text[end + 1 : end + 2].isdigit() else None
        if number is not None and _names_index(surface, number.group()):
            end = number.end()  # "FTSE 100", "S&P 500": the number is part of the name
            surface = text[start:end]
        if " " not in surface and "\u00a0" not in surface:
            if not (text[start - 1 : start] == "(" and text[end : end + 1] == ")"):
                self.single(surface, start, end)
            return
        if "\u00a0" in surface or "  " in surface:
            words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        else:
            words = []
            for word in surface.split(" "):
                words.append((word, start, start + len(word)))
                start += len(word) + 1
        key = surface.lower() if len(words) > 1 else words[0][0].lower()
        entry = self.found.get(key) or ALIAS_INDEX.get(key)
        if entry is not None:  # the whole phrase is a known name, the commonest case
            self.add(run_of(words), entry)
            return
        cursor = 0
        if any(w.lower() in CONNECTOR_WORDS for w, _, _ in words):
            for first, stop, entry in match_known(
                words, self.found, self.firsts, across_connectors=True
            ):
                self.stretch(words[cursor:first])
                self.add(run_of(words[first:stop]), entry)
                cursor = stop
        self.stretch(words[cursor:])

    def initialled(self, start: int, end: int) -> int:
        """Where a name with its initial in front starts ("B. Riley"), when the
        vocabulary knows it so; else ``start``."""
        first_end = self.text.find(" ", start, end)
        for stop in (end, first_end):
            if stop > start and self.text[start - 3 : stop].lower() in ALIAS_INDEX:
                return start - 3
        return start


def _is_title_case(line: str) -> bool:
    """Whether a line (of at most 160 characters) is a headline in title case: its longer
    words nearly all capitalised ("Harbourline Agrees to Take Corvina Foods Private")."""
    words = _LINE_WORD.findall(line)
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words)


def _names_index(surface: str, number: str) -> bool:
    """Whether a phrase and the number after it name an index ("The STOXX Europe 600")."""
    words = surface.split()
    if words[-1] in INDEX_HEADS:
        return True
    return any(f"{' '.join(words[-n:])}{number}".lower() in ALIAS_INDEX for n in (2, 3))


def find_companies(text: str) -> list[CompanyMention]:
    """Companies named in ``text`` and generic references to one, in text order.

    >>> [(m.text, m.name, m.is_broker) for m in find_companies(
    ...     "Alibaba Group is investing $250 million in Chinese tech firm Meitu, "
    ...     "Morgan Stanley said.")]
    [('Alibaba Group', 'Alibaba', False), ('Meitu', 'Meitu', False), \
('Morgan Stanley', 'Morgan Stanley', True)]
    >>> [(m.text, m.name) for m in find_companies(
    ...     "Acme Widgets Ltd (NYSE:ACW) will buy a stake in Zorbal. Acme Widgets said "
    ...     "ACW and the company would gain.")]
    [('Acme Widgets Ltd', 'Acme Widgets'), ('Zorbal', 'Zorbal'), ('Acme Widgets', 'Acme Widgets'), \
('ACW', 'Acme Widgets'), ('the company', '')]
    """
    scan = _Scan(text)
    for phrase in PHRASE.finditer(text):
        if phrase.group() not in _NOISE_ONLY and phrase.start() >= scan.skip_until:
            scan.phrase(*phrase.span())
    mentions = scan.mentions
    for run in scan.leftovers:
        for first, end, entry in match_known(run.words, scan.found, scan.firsts):
            known = run_of(run.words[first:end])
            mentions.append(
                mention_of(known.start, known.end, text[known.start : known.end], entry)
            )
    mentions = merge_variants(mentions)
    mentions.extend(camel_case_mentions(text, scan.found))
    references = list(find_references(text))
    # "the FTSE 250 company": the index only describes the company referred to
    named = [r for r in references if not r.text[1:].islower()]
    if named:
        mentions = [m for m in mentions if not any(_inside(m, r) for r in named)]
    mentions.extend(references)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _inside(mention: CompanyMention, reference: CompanyMention) -> bool:
    return reference.start <= mention.start and mention.end <= reference.end

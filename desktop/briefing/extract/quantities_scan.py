"""Scanning a text for its amounts, and reading the words around each one."""

from __future__ import annotations

import re

from briefing.extract.quantities_atoms import (
    Atom,
    TextReader,
    number_of_words,
    read_atom,
    word_before,
)
from briefing.extract.quantities_patterns import (
    BOUND_SUFFIX,
    DIGIT_AMOUNT,
    REVERSED_PREFIX,
    WORD_AMOUNT,
    WORD_TRIGGER,
)
from briefing.extract.vocab import hedges, scales

_UNGROUP = re.compile(r"[,\s]")
_HEDGES_LONGEST_FIRST = tuple(sorted(hedges.HEDGE_PHRASES, key=len, reverse=True))
_SIGNS = "-−+"
# What may stand right before a sign that is not a sign but a dash: "28-35", "20%-25%".
_GLUE = frozenset("0123456789.,_%)")
# What a bound behind an amount starts with (" or more", " and above").
_BOUND_SUFFIX_OPENERS = tuple(
    {blank + phrase.split()[0] for phrase in hedges.BOUND_SUFFIXES for blank in " \u00a0\u202f"}
)
# The last word of every phrase that may stand in front of an amount.
_PREFIX_LAST_WORDS = frozenset(
    phrase.split()[-1]
    for phrase in [*hedges.HEDGE_PHRASES, *hedges.SIGN_WORDS, hedges.RANGE_OPENER]
)
_BLANK_CHARS = frozenset(" \u00a0\u202f")
# The letters a number word opens with: a text starting with any other has none at its start.
_TRIGGER_INITIALS = frozenset(
    word[0]
    for table in (
        scales.UNIT_WORDS,
        scales.TENS_WORDS,
        scales.INDEFINITE_ARTICLES,
        scales.FRACTION_WORDS,
    )
    for word in table
)


def _signed_start(text: str, start: int) -> tuple[int, float]:
    """Start and sign of a number, taking in a sign glued in front ("-21.8", "−2%")."""
    if start > 0 and text[start - 1] in _SIGNS:
        before = text[start - 2] if start > 1 else " "
        if before not in _GLUE and not before.isalpha():
            return start - 1, -1.0 if text[start - 1] != "+" else 1.0
    return start, 1.0


def _digit_atoms(reader: TextReader) -> list[Atom]:
    atoms: list[Atom] = []
    text = reader.text
    floor = 0
    for match in DIGIT_AMOUNT.finditer(text):
        if match.group("date") is not None:
            continue
        start = match.start()
        digits = text[start : match.end("num_rest")].replace(",", "")
        if not digits.isascii() or " " in digits:
            digits = _UNGROUP.sub("", digits)  # "10 000 dollars"
        sign = 1.0
        if start and text[start - 1] in _SIGNS:
            start, sign = _signed_start(text, start)
        try:
            atom = read_atom(reader, match, start, sign * float(digits), floor)
        except (KeyError, ValueError):  # a word missing from a vocab table costs one amount only
            atom = None
        if atom is not None:
            atoms.append(atom)
            floor = atom.end
    return atoms


def _word_atoms(reader: TextReader) -> list[Atom]:
    lowered = reader.lowered
    if lowered is None:
        return []
    starts = [m.start() + 1 for m in WORD_TRIGGER.finditer(lowered)]
    if lowered[:1] in _TRIGGER_INITIALS and WORD_TRIGGER.match(" " + lowered[:20]):
        starts.insert(0, 0)
    atoms: list[Atom] = []
    floor = 0
    for start in starts:
        if start < floor:
            continue
        match = WORD_AMOUNT.match(reader.text, start)
        number = number_of_words(match.group("words")) if match else None
        if match is None or number is None:
            continue
        try:
            atom = read_atom(reader, match, start, number)
        except (KeyError, ValueError):
            atom = None
        if atom is not None:
            atoms.append(atom)
            floor = atom.end
    return atoms


def scan_atoms(text: str) -> list[Atom]:
    """Every single amount in text, left to right, non-overlapping, outside dates."""
    reader = TextReader(text)
    atoms = _digit_atoms(reader)
    words = _word_atoms(reader)
    if words:
        atoms = _without_overlaps(sorted(atoms + words, key=lambda a: a.start))
    in_context: list[Atom] = []
    for index, atom in enumerate(atoms):
        # Most amounts have nothing around them that could be a hedge or a bound; that is
        # told from a character or a word, so it is tested here before anything is read.
        if atom.kind == "year":
            in_context.append(atom)
            continue
        start = atom.start
        has_prefix = start > 0 and (
            text[start - 1] == "~"
            or (text[start - 1] in _BLANK_CHARS and word_before(text, start) in _PREFIX_LAST_WORDS)
        )
        has_suffix = text.startswith(_BOUND_SUFFIX_OPENERS, atom.end)
        if has_prefix or has_suffix:
            floor = in_context[-1].end if in_context else 0
            ceiling = atoms[index + 1].start if index + 1 < len(atoms) else len(text)
            atom = _with_context(reader, atom, floor, ceiling, has_prefix, has_suffix)
        in_context.append(atom)
    return in_context


def _without_overlaps(atoms: list[Atom]) -> list[Atom]:
    kept: list[Atom] = []
    for atom in atoms:
        if not kept or atom.start >= kept[-1].end:
            kept.append(atom)
    return kept


def _with_context(
    reader: TextReader, atom: Atom, floor: int, ceiling: int, has_prefix: bool, has_suffix: bool
) -> Atom:
    """The atom with the hedge, "between" or sign word in front of it (not before ``floor``)
    and a bound phrase such as "or more" behind it (not past ``ceiling``); ``has_prefix`` and
    ``has_suffix`` tell whether a word that may open either stands there."""
    start, end, text = atom.start, atom.end, reader.text
    number, approx, bound = atom.number, atom.approx, atom.bound
    between, lead_end = False, start
    prefix = reader.behind(REVERSED_PREFIX, start, floor) if has_prefix else None
    prefix_read = prefix is not None and prefix.end() > prefix.start()
    if prefix is not None and prefix_read:
        if prefix.group("sign_word"):
            number = -abs(number)
        if hedge := prefix.group("hedge"):
            for phrase in _hedge_phrases(hedge[::-1]):
                phrase_approx, phrase_bound = hedges.HEDGE_PHRASES[phrase]
                approx = approx or phrase_approx
                bound = phrase_bound or bound
            approx = approx or "~" in hedge
        start = reader.forward_span(prefix)[0]
        if prefix.group("between"):
            between, lead_end = True, reader.forward_span(prefix, "between")[1]
        else:
            lead_end = start
    suffix = BOUND_SUFFIX.match(text, end) if has_suffix else None
    if suffix is not None and suffix.end() <= ceiling:
        bound = hedges.BOUND_SUFFIXES[" ".join(suffix.group("phrase").lower().split())]
        end = suffix.end()
    elif not prefix_read:
        return atom  # "of", "to" without the rest of a hedge ("up to", "a minimum of")
    return Atom(
        start,
        end,
        number,
        atom.scale,
        atom.has_scale,
        atom.factor,
        atom.unit,
        atom.kind,
        approx,
        bound,
        between,
        lead_end,
        atom.core_start,
        atom.needs_currency,
    )


def _hedge_phrases(hedge: str) -> list[str]:
    """The hedge phrases in a run of one or two of them ("up to about")."""
    remaining = " ".join(hedge.lower().replace("~", " ").split())
    if remaining in hedges.HEDGE_PHRASES or not remaining:
        return [remaining] if remaining else []
    phrases: list[str] = []
    while remaining:
        for phrase in _HEDGES_LONGEST_FIRST:
            if remaining == phrase or remaining.startswith(phrase + " "):
                phrases.append(phrase)
                remaining = remaining[len(phrase) :].strip()
                break
        else:
            break
    return phrases

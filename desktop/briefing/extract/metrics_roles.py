"""What each figure near a metric wording is: its value, its previous value or its change.

A metric wording owns the figures of its clause region; ``read_region`` sorts them into
values (one item each), comparison bases and stated changes, following how financial news
states results: "rose 34% to $5.59 billion", "from X to Y", "Y, compared with X a year
ago", "a 5% drop in workforce to 180,895 employees", "(up 57%)".
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Final

from briefing.domain.model import Quantity
from briefing.extract.metrics_text import (
    change_sign,
    in_parentheses,
    is_change_noun_after,
    is_previous,
    is_reference_amount,
    lead_text,
)
from briefing.extract.quantities import QuantityMatch
from briefing.extract.vocab.metric_terms import (
    COUNT_METRICS,
    COUNT_MOVE_BEFORE,
    FALL_WORDS,
    NOT_COUNTED_PEOPLE,
    PERCENT_METRICS,
    PHYSICAL_UNITS,
    PRIOR_PERIOD_LABEL,
    RISE_WORDS,
)

_SCALED_NUMBER: Final = re.compile(
    r"\d\s*(?:thousand|million|billion|trillion|mn|bn|crore|lakh)\b", re.IGNORECASE
)
_SIGNED_PERCENT: Final = re.compile(r"^[+\-−]")
_RANGE_JOIN: Final = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:to|-|–)\s*$")
_TIME_COUNT: Final = re.compile(r"\b(?:quarters?|years?|months?|weeks?|days?)\b", re.I)
_MOVE_BEFORE: Final = re.compile(rf"\b(?:{RISE_WORDS}|{FALL_WORDS})(?:\s+by)?\s*$", re.I)
# "40% of its sales" is a proportion; "64 per cent complete" a programme's progress.
_PROPORTION_AFTER: Final = re.compile(r"\s+(?:of|complete|completed|done|finished)\b")
_RESPECTIVELY: Final = re.compile(r"\brespectively\b", re.IGNORECASE)
_PHYSICAL_AFTER: Final = re.compile(PHYSICAL_UNITS, re.IGNORECASE)
_COUNT_MOVE: Final = re.compile(COUNT_MOVE_BEFORE, re.IGNORECASE)
_NOT_PEOPLE: Final = re.compile(NOT_COUNTED_PEOPLE, re.IGNORECASE)
_NUMBER_TEXT: Final = re.compile(
    r"[^\d]*\d[\d,.]*(?:\s*(?:million|thousand|mn|m|k)\b)?|[A-Za-z-]+", re.IGNORECASE
)
# "(Q2 2023: EUR 1.21bn)", "(prior year: EUR 88m)": the prior period's figure in brackets.
_PRIOR_LABEL: Final = re.compile(PRIOR_PERIOD_LABEL, re.IGNORECASE)
# "up from a previous estimate of": the company's own earlier figure is a base.
_OWN_PRIOR: Final = re.compile(
    r"\b(?:previous|prior|earlier|original|former)\w*\s+(?:[\w-]+\s+){0,2}"
    r"(?:estimates?|forecasts?|guidance|outlook|targets?|projections?)\b",
    re.IGNORECASE,
)
# "8.3 percent higher than the average market estimate": a beat or miss, not a change.
_VERSUS_ESTIMATE: Final = re.compile(
    r"\s+(?:higher|lower|above|below|more|less|ahead of|short of|better|worse)\s+(?:than\s+)?"
    r"(?:the\s+|analysts['’]?\s+)?(?:[\w'’-]+\s+){0,3}?(?:estimates?|forecasts?|consensus"
    r"|expectations?|projections?)\b",
    re.IGNORECASE,
)
# "3.9%, up 6 percentage points": a value followed by its own move.
_VALUE_THEN_MOVE: Final = re.compile(
    r",\s*(?:up|down|rising|falling|compared|versus|from)\b", re.IGNORECASE
)
# The quantity parser may read "minus $50 million" as the figure: "plus or" is then left.
_TOLERANCE: Final = re.compile(r"(?:plus or(?: minus)?|\+/-|±)\s*$", re.IGNORECASE)
_RANGE_THEN_PREVIOUSLY: Final = re.compile(r"\s*(?:previously|earlier|before)\b", re.IGNORECASE)
_FROM_BEFORE: Final = re.compile(r"\bfrom\s*$", re.I)
_BY_BEFORE: Final = re.compile(r"\bby\s*$")
_FIGURE_THEN_OPEN: Final = re.compile(r"\d[^()]*\(\s*$")
_OPEN_MOVE_BEFORE: Final = re.compile(r"\(\s*(?:up|down|a rise of|an increase of|a decline of)\s*$")
_OPEN_DOWN: Final = re.compile(r"\(\s*down")
# Vague wording ("double-digit growth") is a figure only when it says something notable.
_VAGUE_FLOOR: Final = 100.0


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity of a sentence, offsets relative to the sentence text."""

    start: int
    end: int
    quantity: Quantity
    kind: str

    @property
    def text(self) -> str:
        return self.quantity.text


@dataclass(slots=True)
class Reading:
    """The figures a metric wording owns, sorted by role."""

    values: list[Figure] = field(default_factory=list)
    previous: Figure | None = None
    changes: list[tuple[Figure, float | None]] = field(default_factory=list)
    breakdown: list[tuple[Figure, float]] = field(default_factory=list)
    vague: bool = False
    units: bool = False  # things are counted where an amount was expected (unit sales)


def figures_of(matches: tuple[QuantityMatch, ...], offset: int) -> list[Figure]:
    """The sentence's quantities, offsets relative to the sentence."""
    figures = [Figure(m.start - offset, m.end - offset, m.quantity, m.kind) for m in matches]
    return figures


def join_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Join "X (...) to Y" amounts of one currency into a range (not "from X to Y").

    >>> q1, q2 = Quantity(30e9, "EUR", "EUR 30 billion"), Quantity(40e9, "EUR", "EUR 40 billion")
    >>> s = "expects EUR 30 billion to EUR 40 billion"
    >>> figures = [Figure(8, 22, q1, "money"), Figure(26, 40, q2, "money")]
    >>> [f.quantity.low for f in join_ranges(s, figures)]
    [30000000000.0]
    """
    money = [f for f in figures if f.kind == "money"]
    joined: list[Figure] = []
    skip: set[int] = set()
    for index, figure in enumerate(money):
        if index in skip:
            continue
        partner = next(
            (
                (j, other)
                for j, other in enumerate(money[index + 1 : index + 3], start=index + 1)
                if other.quantity.unit == figure.quantity.unit
                and _RANGE_JOIN.match(text[figure.end : other.start])
            ),
            None,
        )
        low, high = figure.quantity.value, partner[1].quantity.value if partner else None
        if (
            partner is None
            or low is None
            or high is None
            or high <= low
            or (
                _FROM_BEFORE.search(text[max(0, figure.start - 12) : figure.start])
                # "up from $12.0 billion to $12.2 billion previously": a former range
                and not _RANGE_THEN_PREVIOUSLY.match(text, partner[1].end)
            )
        ):
            joined.append(figure)
            continue
        j, other = partner
        skip.update(range(index + 1, j + 1))
        quantity = Quantity(
            None,
            figure.quantity.unit,
            text[figure.start : other.end],
            low=low,
            high=high,
            approx=figure.quantity.approx,
        )
        joined.append(Figure(figure.start, other.end, quantity, "money"))
    dropped = {(f.start, f.end) for i, f in enumerate(money) if i in skip}
    rest = [f for f in figures if f.kind != "money" and (f.start, f.end) not in dropped]
    inside = [f for f in rest if any(j.start <= f.start and f.end <= j.end for j in joined)]
    return sorted([*joined, *(f for f in rest if f not in inside)], key=lambda f: f.start)


def _as_amount(figure: Figure, currency: str | None, text_after: str = "") -> Figure | None:
    """A money figure, or a scaled bare number in the article's currency."""
    if figure.kind == "money":
        if figure.quantity.unit is None and currency:
            return dataclasses.replace(
                figure, quantity=dataclasses.replace(figure.quantity, unit=currency)
            )
        return figure
    if figure.kind == "number" and _SCALED_NUMBER.search(figure.text):
        if _PHYSICAL_AFTER.match(text_after):
            return None  # "31.2 million tonnes": a volume, not an amount
        quantity = dataclasses.replace(figure.quantity, unit=currency)
        return dataclasses.replace(figure, quantity=quantity, kind="money")
    return None


def _number_end(figure: Figure, text: str) -> int:
    """Where a count's number (and scale word) ends: its noun, if any, follows."""
    match = _NUMBER_TEXT.match(text, figure.start, figure.end)
    return match.end() if match else figure.end


def _as_count(figure: Figure) -> Figure:
    if figure.quantity.unit is not None:
        return figure
    return dataclasses.replace(figure, quantity=dataclasses.replace(figure.quantity, unit="count"))


def _moved_to(figure: Figure, before: str) -> Figure:
    """ "rose 2.1 million to 45.3 million" reads as a range to the parser: the figure is the
    amount it moved to."""
    quantity = figure.quantity
    if quantity.value is not None or quantity.high is None or not _MOVE_BEFORE.search(before):
        return figure
    moved = dataclasses.replace(quantity, value=quantity.high, low=None, high=None)
    return dataclasses.replace(figure, quantity=moved)


def _value_kind_fits(name: str, figure: Figure) -> bool:
    if name in PERCENT_METRICS:
        return figure.kind == "percent"
    if name in COUNT_METRICS:
        return figure.kind in ("count", "number")
    return figure.kind == "money"


def _percent_number(figure: Figure) -> float | None:
    quantity = figure.quantity
    if quantity.value is not None:
        return quantity.value
    return quantity.low


def respectively_changes(text: str, figures: list[Figure], count: int) -> list[Figure] | None:
    """The trailing list of changes in "A, B and C ..., growing x%, ypp and z% respectively"."""
    match = _RESPECTIVELY.search(text)
    if match is None or count < 2:
        return None
    changes = [f for f in figures if f.kind in ("percent", "points") and f.end <= match.start()]
    tail = changes[-count:]
    if len(tail) != count:
        return None
    return tail


def read_region(
    text: str,
    figures: list[Figure],
    name: str,
    floor: int,
    currency: str | None,
    percent_is_value: bool = False,
    term_end: int = 0,
) -> Reading:
    """Sort the figures of one metric wording's region into value, previous and changes.

    ``floor`` is where the region's text starts (direction words are looked for after it).
    """
    reading = Reading()
    percent_metric = name in PERCENT_METRICS or percent_is_value
    cursor = floor
    for figure in figures:
        if figure.start >= term_end > cursor:
            cursor = term_end  # the wording's own words ("revenue from operations") are no cue
        before = lead_text(text[cursor:], figure.start - cursor, figure.text)
        after = text[figure.end : figure.end + 40]
        cursor_before, cursor = cursor, figure.end
        if figure.kind in ("year", "multiple", "shares"):
            continue
        parenthetical = in_parentheses(text, figure.start)
        if figure.kind in ("percent", "points"):
            _read_percent(text, figure, reading, parenthetical, percent_metric, cursor_before)
            continue
        if parenthetical and _PRIOR_LABEL.search(text, 0, figure.start):
            amount = figure if name in COUNT_METRICS else _as_amount(figure, currency, after)
            if reading.previous is None and amount and _value_kind_fits(name, amount):
                reading.previous = amount
            continue
        moved = _moved_to(figure, before)
        if moved is not figure and figure.kind == "money":
            # "fell by £146m to £1.12bn" reads as one range: the figure moved to its end.
            amount = _as_amount(moved, currency, after)
            if amount is not None and _value_kind_fits(name, amount):
                reading.values.append(amount)
            continue
        if parenthetical or _BY_BEFORE.search(before) or _TOLERANCE.search(before):
            continue  # "$1.45 billion, plus or minus $50 million": a tolerance, not a value
        reference = is_reference_amount(before, after, name == "eps")
        if reference and not _OWN_PRIOR.search(before[-60:]):
            continue  # "compared with estimates of 58 cents": analysts' figure, not a base
        if is_previous(before, after, bool(reading.values)):
            amount = figure if name in COUNT_METRICS else _as_amount(figure, currency, after)
            if reading.previous is None and amount and _value_kind_fits(name, amount):
                reading.previous = amount
            continue
        if reference:
            continue
        if name in COUNT_METRICS and (
            _COUNT_MOVE.search(before) or _NOT_PEOPLE.match(text, _number_end(figure, text))
        ):
            continue  # "added 4.1 million subscribers", "across 14 countries": not the count
        if figure.kind == "count" and name not in COUNT_METRICS:
            if not _TIME_COUNT.search(figure.text):
                reading.units = True  # unit sales and store counts: not this figure's value
            continue
        amount = _as_count(figure) if name in COUNT_METRICS else _as_amount(figure, currency, after)
        if amount is None or not _value_kind_fits(name, amount):
            continue
        reading.values.append(_moved_to(amount, before))
    return reading


def _read_percent(
    text: str,
    figure: Figure,
    reading: Reading,
    parenthetical: bool,
    percent_metric: bool,
    floor: int,
) -> None:
    number = _percent_number(figure)
    if number is None or _SCALED_NUMBER.search(figure.text):
        return  # a percent glued to an amount ("10 per cent to 1,200 crore") is no rate
    vague = not any(c.isdigit() for c in figure.text)
    if vague and number < _VAGUE_FLOOR:
        return
    reading.vague = reading.vague or vague
    if _PROPORTION_AFTER.match(text, figure.end) or _VERSUS_ESTIMATE.match(text, figure.end):
        return  # "40% of its sales", "8% above estimates": a proportion or a beat, not a move
    before = text[floor : figure.start]
    if parenthetical and percent_metric and _PRIOR_LABEL.search(text, 0, figure.start):
        reading.previous = reading.previous or figure  # "margin of 15.3% (2024: 14.4%)"
        return
    if parenthetical:
        signed = _SIGNED_PERCENT.match(figure.text.strip())
        if signed and not _FIGURE_THEN_OPEN.search(text[max(0, figure.start - 30) : figure.start]):
            reading.breakdown.append((figure, number))
            return
        if (
            signed
            or is_change_noun_after(text, figure.end)
            or _OPEN_MOVE_BEFORE.search(text[: figure.start])
        ):
            sign = -1 if _OPEN_DOWN.search(text[: figure.start]) else 1
            reading.changes.append(
                (figure, None if figure.kind == "points" else sign * abs(number))
            )
        return
    if figure.kind == "points":
        reading.changes.append((figure, None))
        return
    by_change = bool(_BY_BEFORE.search(before)) or (
        is_change_noun_after(text, figure.end) and not _VALUE_THEN_MOVE.match(text, figure.end)
    )
    if percent_metric and not by_change:
        if is_previous(before, text[figure.end : figure.end + 30], bool(reading.values)):
            reading.previous = reading.previous or figure
        else:
            reading.values.append(figure)
        return
    if percent_metric:
        return  # a margin's move in percent is ambiguous (points or relative): not stated
    sign = change_sign(text, figure.start, figure.end, floor)
    value = number if number < 0 else sign * number
    reading.changes.append((figure, value))

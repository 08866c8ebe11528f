"""Pairs of neighbouring amounts that state one thing (a range, a count and its total), and
the finished matches."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.domain.model import Bound, Quantity
from briefing.extract.quantities_atoms import Atom, tidy
from briefing.extract.quantities_patterns import (
    AND_GAP,
    DASH_GAP,
    OF_GAP,
    REVERSED_CHANGE_OPENER,
    TO_GAP,
)

# Kinds whose quantities carry no unit ("4.45pp" is in points, not in %).
_UNITLESS_KINDS = frozenset({"points", "number", "year"})
# Longer than any gap that joins two amounts (" out of their ").
_LONGEST_GAP = 16
# How far back "from" is looked for in front of the first amount of "from X to Y".
_CHANGE_REACH = 12
# Kinds whose amounts never take a scale word ("2 billion percent").
_UNSCALED_KINDS = frozenset({"percent", "points", "multiple"})
# The largest high end, as a multiple of the low end, of a "to" range whose unit is written
# on one end only ("grow 5 to 50 percent", but not "rose 2.4% to 88.60").
_MAX_RATIO_ONE_UNIT = 10.0


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """One quantity found in a text; ``quantity.text == text[start:end]``.

    ``kind`` is one of "money", "percent", "points", "multiple", "count", "shares",
    "number" or "year" (a bare year such as 2024, which extractors usually skip).
    Public as ``briefing.extract.quantities.QuantityMatch``.
    """

    start: int
    end: int
    quantity: Quantity
    kind: str


def _compatible_kinds(low: Atom, high: Atom) -> str | None:
    """The kind of a range of these two amounts, or None when they cannot form one."""
    if "year" in (low.kind, high.kind):
        return None
    if low.unit is not None and high.unit is not None and low.unit != high.unit:
        return None
    if low.kind == high.kind or high.kind == "number":
        return low.kind
    if low.kind == "number":
        return high.kind
    return None


def _after_change_opener(text: str, atom: Atom) -> bool:
    """Whether "from" stands right in front of the amount ("from 3 to 5 percent"), or "by"
    in front of an amount with its own unit ("fell by £146m to £1.12bn")."""
    lead = text[max(0, atom.start - _CHANGE_REACH) : atom.start][::-1]
    opener = REVERSED_CHANGE_OPENER.match(lead)
    if opener is None:
        return False
    return opener.group("from") is not None or atom.kind != "number"


def _ends_agree(
    first: Atom, second: Atom, kind: str, gap: str, values: tuple[float, float]
) -> bool:
    """Whether two amounts can be the ends of one range. A percentage is never scaled
    ("rose 2% to 2.51 billion"), and when only one end of a "to" range carries a unit the
    other must be of its size ("rose 2.4% to 88.60" is a change and a level, "5 to 8%" a
    range)."""
    if kind in _UNSCALED_KINDS and (first.has_scale or second.has_scale):
        return False
    if (first.kind == "number") == (second.kind == "number") or not TO_GAP.fullmatch(gap):
        return True
    low, high = values
    return low > 0 and high <= low * _MAX_RATIO_ONE_UNIT


def _range_ends(low: Atom, high: Atom) -> tuple[float, float, str | None]:
    """Both ends in base units; a scale or unit written only on one end applies to both."""
    unit = low.unit or high.unit
    low_factor = low.factor if low.unit else high.factor
    high_factor = high.factor if high.unit else low.factor
    low_scale = low.scale if low.has_scale else high.scale
    low_value = tidy(low.number * low_scale * low_factor)
    return low_value, tidy(high.number * high.scale * high_factor), unit


def _joins_as_range(text: str, first: Atom, gap: str) -> bool:
    """Whether the gap after ``first`` makes it the low end of a range: "between X and",
    "X-", "X to" (but not "from X to", a change)."""
    if first.between:
        return AND_GAP.fullmatch(gap) is not None
    if first.bound is not None:
        return False
    if DASH_GAP.fullmatch(gap):
        return True
    return TO_GAP.fullmatch(gap) is not None and not _after_change_opener(text, first)


def _as_range(text: str, first: Atom, second: Atom) -> QuantityMatch | None:
    gap = text[first.end : second.start]
    kind = _compatible_kinds(first, second)
    if kind is None:
        return None
    unhedged = second.start == second.core_start
    bound_pair = (
        first.bound is not None
        and second.bound is not None
        and first.bound != second.bound
        and {first.bound, second.bound} == {"min", "max"}
        and AND_GAP.fullmatch(gap)
    )
    if bound_pair:
        low, high = (first, second) if first.bound == "min" else (second, first)
    elif unhedged and _joins_as_range(text, first, gap):
        low, high = first, second
    else:
        return None
    low_value, high_value, unit = _range_ends(low, high)
    if not low_value < high_value:
        return None
    if not _ends_agree(first, second, kind, gap, (low_value, high_value)):
        return None
    quantity = Quantity(
        value=None,
        unit=_public_unit(kind, unit),
        text=text[first.start : second.end],
        low=low_value,
        high=high_value,
        approx=first.approx,
    )
    return QuantityMatch(first.start, second.end, quantity, kind)


def _public_unit(kind: str, unit: str | None) -> str | None:
    return None if kind in _UNITLESS_KINDS else unit


def _single(text: str, atom: Atom) -> QuantityMatch:
    start = atom.lead_end if atom.between else atom.start
    bound: Bound | None = "min" if atom.bound == "min" else "max" if atom.bound == "max" else None
    unit = None if atom.kind in _UNITLESS_KINDS else atom.unit
    value = atom.number if atom.scale == 1.0 and atom.factor == 1.0 else atom.value
    quantity = Quantity(value, unit, text[start : atom.end], None, None, atom.approx, bound)
    return QuantityMatch(start, atom.end, quantity, atom.kind)


def _takes_unit_of_next(text: str, first: Atom, second: Atom) -> Atom | None:
    """The first amount with the unit of the second where the text shares it between them:
    "five out of the 10 analysts", "from 3 to 5 percent"."""
    if first.kind != "number" or second.kind in ("number", "year"):
        return None
    gap = text[first.end : second.start]
    if second.kind == "count" and OF_GAP.fullmatch(gap):
        return first._replace(unit="count", kind="count")
    if TO_GAP.fullmatch(gap) and _after_change_opener(text, first):
        # "from 3 to 5 percent"; a first amount after "by" carries its own unit
        scale = first.scale if first.has_scale else second.scale
        return first._replace(unit=second.unit, kind=second.kind, factor=second.factor, scale=scale)
    return None


def combine(text: str, atoms: list[Atom]) -> list[QuantityMatch]:
    """Atoms joined into ranges where the text says so, and turned into quantities."""
    found: list[QuantityMatch] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        # A range or a shared unit needs a short gap ("-", " to ", " out of the "), so most
        # neighbours are passed over at once.
        if index + 1 < len(atoms) and atoms[index + 1].start - atom.end <= _LONGEST_GAP:
            following = atoms[index + 1]
            ranged = _as_range(text, atom, following)
            if ranged is not None:
                found.append(ranged)
                index += 2
                continue
            atom = _takes_unit_of_next(text, atom, following) or atom
        if not atom.needs_currency:
            found.append(_single(text, atom))
        index += 1
    return found

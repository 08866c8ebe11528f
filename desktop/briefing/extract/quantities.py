"""Quantities in running text: money, percentages, points, multiples, counts, plain numbers.

Pure functions from text to values. Every amount comes back in base units with its exact
span, so ``text[m.start:m.end] == m.quantity.text`` always holds.

>>> [(m.kind, m.quantity.value, m.quantity.unit) for m in find_quantities(
...     "Revenue rose 31% to $4.82 billion; 12 of 14 analysts rate it Buy.")]
[('percent', 31.0, '%'), ('money', 4820000000.0, 'USD'), ('count', 12.0, 'count'), \
('count', 14.0, 'count')]
"""

from __future__ import annotations

from dataclasses import replace

from briefing.domain.model import Quantity
from briefing.extract.quantities_patterns import DIGIT_COUNT
from briefing.extract.quantities_ranges import QuantityMatch, combine
from briefing.extract.quantities_scan import scan_atoms
from briefing.extract.vocab import scales

__all__ = ["QuantityMatch", "find_quantities", "parse_quantity"]

# Cheap test before searching for "double-digit" phrases, which are rare.
_DIGIT_COUNT_MARKERS = tuple(
    f"{size[1:]}{joint}digit" for size in scales.DIGIT_COUNT_WORDS for joint in "-‐ "
)


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in text, left to right, non-overlapping. Never raises.

    >>> [m.quantity.text for m in find_quantities("HK$7 per share, up 3.1-3.6% in 2025")]
    ['HK$7', '3.1-3.6%', '2025']
    >>> q = find_quantities("a target of HKD 2.95 billion to HKD 3.40 billion")[0].quantity
    >>> (q.low, q.high, q.unit)
    (2950000000.0, 3400000000.0, 'HKD')
    >>> q = find_quantities("worth a minimum of 480 million yuan")[0].quantity
    >>> (q.value, q.unit, q.bound, q.text)
    (480000000.0, 'CNY', 'min', 'a minimum of 480 million yuan')
    >>> [(m.kind, m.quantity.value) for m in find_quantities("Q3 FY2025 on 05.02.2025, the 11th")]
    []
    """
    try:
        return _find(text)
    except Exception:  # pragma: no cover - a parser bug must never take the article down
        return []


def parse_quantity(text: str) -> Quantity | None:
    """The single quantity that spans (most of) text: the longest one found, or None.

    >>> parse_quantity("$5.59 billion")
    Quantity(value=5590000000.0, unit='USD', text='$5.59 billion', low=None, high=None, \
approx=False, bound=None)
    >>> parse_quantity("Rs 482.35 crore").value
    4823500000.0
    >>> parse_quantity("nearly 5x").approx, parse_quantity("600p").value
    (True, 6.0)
    >>> parse_quantity("no figure here") is None
    True
    """
    matches = find_quantities(text)
    if not matches:
        return None
    return max(matches, key=lambda m: m.end - m.start).quantity


def _find(text: str) -> list[QuantityMatch]:
    found = combine(text, scan_atoms(text))
    if "(" in text:
        found = _with_accounting_negatives(text, found)
    if "digit" in text and any(marker in text for marker in _DIGIT_COUNT_MARKERS):
        found = _merged_sorted(found, _digit_count_phrases(text))
    return found


def _with_accounting_negatives(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """ "($99.99)" is a negative amount; "HK$10 ($1.28)" is a conversion and stays positive."""
    result: list[QuantityMatch] = []
    for item in found:
        quantity = item.quantity
        if (
            item.start > 0
            and text[item.start - 1] == "("
            and item.kind == "money"
            and quantity.value is not None
            and quantity.value > 0
            and not quantity.approx
            and quantity.bound is None
            and text[item.end : item.end + 1] == ")"
            and not quantity.text[-1:].isalpha()
            and not (result and result[-1].kind == "money" and item.start - result[-1].end <= 3)
        ):
            start, end = item.start - 1, item.end + 1
            quantity = replace(quantity, value=-quantity.value, text=text[start:end])
            item = QuantityMatch(start, end, quantity, item.kind)
        result.append(item)
    return result


def _digit_count_phrases(text: str) -> list[QuantityMatch]:
    found: list[QuantityMatch] = []
    for match in DIGIT_COUNT.finditer(text):
        value, bound = scales.DIGIT_COUNT_WORDS[match.group("size").lower()]
        quantity = Quantity(
            value=value,
            unit="%",
            text=match.group(),
            bound="min" if bound == "min" else "max",
        )
        found.append(QuantityMatch(match.start(), match.end(), quantity, "percent"))
    return found


def _merged_sorted(found: list[QuantityMatch], extra: list[QuantityMatch]) -> list[QuantityMatch]:
    if not extra:
        return found
    kept = [e for e in extra if all(e.end <= f.start or e.start >= f.end for f in found)]
    return sorted(found + kept, key=lambda f: f.start)

"""Item-against-gold comparison: the rules of "How items are compared" in the devset README.

Each ``*_mismatches`` function returns the reasons an extracted item does not match a gold
item (an empty list means it matches); the reasons are what ``briefing eval --explain``
prints. Only what gold states is checked: a field gold leaves null is not compared.
Units are not compared (the README compares numbers only); segment, period, firm, stat and
dates are not compared either.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import AnalystView, Deal, Metric, Quantity
from briefing.evaluation.gold import GoldDeal, GoldMetric, GoldView
from briefing.evaluation.names import names_match

RELATIVE_TOLERANCE: Final = 0.01
_ABSOLUTE_TOLERANCE: Final = 1e-9
# Types the README treats as one when comparing.
_SAME_VIEW_TYPE: Final = {"rating_change": "rating"}
_LABEL_NOISE = re.compile(r"[^0-9a-z]+")


def numbers_agree(gold: float, extracted: float | None) -> bool:
    """Within 1 % of the gold number (the sign counts).

    >>> numbers_agree(5.59e9, 5.6e9), numbers_agree(100, 102), numbers_agree(-5, 5)
    (True, False, False)
    """
    if extracted is None:
        return False
    return abs(extracted - gold) <= RELATIVE_TOLERANCE * abs(gold) + _ABSOLUTE_TOLERANCE


def quantities_agree(gold: Quantity, extracted: Quantity | None) -> bool:
    """A gold value needs that value; a gold range needs both of its ends.

    >>> rng = Quantity(None, "EUR", "", low=30e9, high=40e9)
    >>> quantities_agree(rng, Quantity(None, "EUR", "", low=30e9, high=40.2e9))
    True
    >>> quantities_agree(rng, Quantity(35e9, "EUR", ""))
    False
    """
    if extracted is None:
        return False
    if gold.value is not None:
        return numbers_agree(gold.value, extracted.value)
    ends = ((gold.low, extracted.low), (gold.high, extracted.high))
    return all(numbers_agree(g, e) for g, e in ends if g is not None)


def format_number(number: float | None) -> str:
    """A short readable number for diagnostics.

    >>> format_number(5.59e9), format_number(12.5), format_number(None)
    ('5.59bn', '12.5', '-')
    """
    if number is None:
        return "-"
    for scale, suffix in ((1e9, "bn"), (1e6, "m")):
        if abs(number) >= scale:
            return f"{number / scale:.4g}{suffix}"
    return f"{number:.6g}"


def format_quantity(quantity: Quantity | None) -> str:
    if quantity is None:
        return "-"
    unit = f" {quantity.unit}" if quantity.unit else ""
    if quantity.value is None:
        return f"{format_number(quantity.low)}–{format_number(quantity.high)}{unit}"
    return f"{format_number(quantity.value)}{unit}"


def _party(role: str, gold: str | None, extracted: str | None) -> list[str]:
    if gold is None or (extracted is not None and names_match(gold, extracted)):
        return []
    return [f"{role} {extracted!r} vs gold {gold!r}"]


def _quantity(role: str, gold: Quantity | None, extracted: Quantity | None) -> list[str]:
    if gold is None or quantities_agree(gold, extracted):
        return []
    return [f"{role} {format_quantity(extracted)} vs gold {format_quantity(gold)}"]


def _number(role: str, gold: float | None, extracted: float | None) -> list[str]:
    if gold is None or numbers_agree(gold, extracted):
        return []
    return [f"{role} {format_number(extracted)} vs gold {format_number(gold)}"]


def normalize_label(label: str) -> str:
    """Labels compare case-insensitively and ignoring spaces and hyphens.

    >>> normalize_label("Equal-Weight") == normalize_label("Equalweight")
    True
    """
    return _LABEL_NOISE.sub("", label.casefold())


def deal_mismatches(gold: GoldDeal, extracted: Deal) -> list[str]:
    if gold.type != extracted.type:
        return [f"type {extracted.type} vs gold {gold.type}"]
    return [
        *_party("counterparty", gold.counterparty, extracted.counterparty),
        *_party("buyer", gold.buyer, extracted.buyer),
        *_quantity("amount", gold.amount, extracted.amount),
        *_quantity("valuation", gold.valuation, extracted.valuation),
    ]


def metric_mismatches(gold: GoldMetric, extracted: Metric) -> list[str]:
    if gold.name != extracted.name:
        return [f"name {extracted.name} vs gold {gold.name}"]
    return [
        *_party("company", gold.company, extracted.company),
        *_quantity("value", gold.value, extracted.value),
        *_number("change_pct", gold.change_pct, extracted.change_pct),
        *_quantity("previous", gold.previous, extracted.previous),
    ]


def view_type_key(view_type: str) -> str:
    """The type views are compared under (``rating_change`` counts as ``rating``)."""
    return _SAME_VIEW_TYPE.get(view_type, view_type)


def _extracted_count(extracted: AnalystView) -> float | None:
    if extracted.count is not None:
        return float(extracted.count)
    # An extractor may, like gold, state the count as a quantity.
    return extracted.value.value if extracted.value is not None else None


def view_mismatches(gold: GoldView, extracted: AnalystView) -> list[str]:
    if view_type_key(gold.type) != view_type_key(extracted.type):
        return [f"type {extracted.type} vs gold {gold.type}"]
    reasons = _party("company", gold.company, extracted.company)
    if gold.count is not None:
        reasons += _number("count", float(gold.count), _extracted_count(extracted))
    elif gold.value is not None:
        reasons += _quantity("value", gold.value, extracted.value)
    if gold.of is not None:
        of = None if extracted.of is None else float(extracted.of)
        reasons += _number("of", float(gold.of), of)
    if gold.value is None and gold.count is None and gold.label is not None:
        extracted_label = normalize_label(extracted.label or "")
        if extracted_label != normalize_label(gold.label):
            reasons.append(f"label {extracted.label!r} vs gold {gold.label!r}")
    return reasons


def _relative_error(gold: Quantity | None, extracted: Quantity | None) -> float:
    if gold is None or extracted is None:
        return 0.0
    pairs = zip(gold.numbers(), extracted.numbers(), strict=False)
    return sum(abs(e - g) / max(abs(g), _ABSOLUTE_TOLERANCE) for g, e in pairs)


def closeness(
    gold: GoldDeal | GoldMetric | GoldView, extracted: Deal | Metric | AnalystView
) -> float:
    """How far apart two matching items are (0 is exact): used to prefer the best pairing."""
    if isinstance(gold, GoldDeal) and isinstance(extracted, Deal):
        return _relative_error(gold.amount, extracted.amount) + _relative_error(
            gold.valuation, extracted.valuation
        )
    if isinstance(gold, GoldMetric) and isinstance(extracted, Metric):
        return _relative_error(gold.value, extracted.value) + _relative_error(
            gold.previous, extracted.previous
        )
    if isinstance(gold, GoldView) and isinstance(extracted, AnalystView):
        return _relative_error(gold.value, extracted.value)
    return 0.0

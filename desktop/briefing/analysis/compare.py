"""Compare two stated quantities without ever averaging them.

Two sources rarely word a figure the same way: one says "over 72%", another "77%"; one
"a P/E of about 20", another "16 to 20". Each stated quantity allows an interval of true
values (its rounding, its hedge, its bound or its range); the verdict says whether the two
intervals meet and whether the figures themselves agree:

- ``same``: the same figures, equal within the rounding of their stated precision;
- ``consistent``: different wording that agrees (a point inside a range, overlapping
  ranges, hedged values within the tolerance);
- ``soft``: compatible, but a bound or hedge hides figures that differ ("over 72%" vs
  "77%"): worth showing, not an error;
- ``conflict``: no value satisfies both statements;
- ``incomparable``: different units, or nothing numeric to compare.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Final, Literal

from briefing.domain.model import Quantity

Verdict = Literal["same", "consistent", "soft", "conflict", "incomparable"]
VERDICTS: Final[tuple[Verdict, ...]] = ("same", "consistent", "soft", "conflict", "incomparable")

# "about 20" allows 19 to 21: the hedge of an approximate figure, relative to its size.
DEFAULT_APPROX_TOLERANCE: Final = 0.05
# Below this, two floats are the same number whatever their text says.
_EPSILON: Final = 1e-9

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
# A library states the same few thousand figures again and again, and comparing them is
# most of the work of finding conflicts: ``rounding_step`` remembers recent answers.
_CACHE_SIZE: Final = 1 << 16


@dataclass(frozen=True, slots=True)
class Interval:
    """The true values a statement allows; ``math.inf`` for an open end."""

    low: float
    high: float

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high + _EPSILON and other.low <= self.high + _EPSILON


@functools.lru_cache(maxsize=_CACHE_SIZE)
def rounding_step(text: str, value: float) -> float:
    """Half a unit of the last digit the text states ``value`` with, in base units.

    >>> rounding_step("$5.59 billion", 5.59e9)
    5000000.0
    >>> rounding_step("77%", 77.0)
    0.5
    >>> rounding_step("-21.8 billion yuan", -21.8e9)
    50000000.0
    >>> rounding_step("no digits", 3.0)
    0.0
    """
    for match in _NUMBER.finditer(text):
        digits = match.group().replace(",", "")
        number = float(digits)
        if number == 0.0:
            continue
        ratio = abs(value) / number
        if ratio == 0.0:
            continue
        exponent = math.log10(ratio)
        # The written number times a power of ten (million, billion, crore, pence) is the value.
        if abs(exponent - round(exponent)) > 1e-6:
            continue
        decimals = len(digits.partition(".")[2])
        return 0.5 * 10.0 ** (-decimals) * 10.0 ** round(exponent)
    return 0.0


def allowed_interval(quantity: Quantity, tolerance: float = DEFAULT_APPROX_TOLERANCE) -> Interval:
    """The interval of true values a quantity allows.

    >>> allowed_interval(Quantity(72.0, "%", "more than 72%", bound="min"))  # rounding kept
    Interval(low=71.5, high=inf)
    >>> allowed_interval(Quantity(20.0, "x", "about 20", approx=True))
    Interval(low=19.0, high=21.0)
    >>> allowed_interval(Quantity(None, "USD", "USD 190 to USD 205", low=190.0, high=205.0))
    Interval(low=189.5, high=205.5)
    """
    if quantity.value is not None:
        low = high = quantity.value
    else:
        low = quantity.low if quantity.low is not None else -math.inf
        high = quantity.high if quantity.high is not None else math.inf
    widen_low = _widening(quantity, low, tolerance)
    widen_high = _widening(quantity, high, tolerance)
    low, high = low - widen_low, high + widen_high
    if quantity.bound == "min":
        high = math.inf
    elif quantity.bound == "max":
        low = -math.inf
    return Interval(low, high)


def _widening(quantity: Quantity, number: float, tolerance: float) -> float:
    if math.isinf(number):
        return 0.0
    step = rounding_step(quantity.text, number)
    if quantity.approx:
        return max(step, abs(number) * tolerance)
    return step


def central_value(quantity: Quantity) -> float | None:
    """The single number that stands for a quantity: its value or the middle of its range.

    >>> central_value(Quantity(None, "x", "16 to 20", low=16.0, high=20.0))
    18.0
    """
    if quantity.value is not None:
        return quantity.value
    if quantity.low is not None and quantity.high is not None:
        return (quantity.low + quantity.high) / 2.0
    return quantity.low if quantity.low is not None else quantity.high


def units_comparable(first: Quantity, second: Quantity) -> bool:
    """Same unit, or a unit left unstated on one side (a bare "16 to 20" for a P/E)."""
    return first.unit is None or second.unit is None or first.unit == second.unit


def same_figures(first: Quantity, second: Quantity) -> bool:
    """Whether both state the same figures (same shape, bound, numbers within rounding).

    >>> hedged = Quantity(152.0, "USD", "about $152", approx=True)
    >>> same_figures(hedged, Quantity(152.0, "USD", "$152"))
    True
    >>> same_figures(Quantity(72.0, "%", "over 72%", bound="min"), Quantity(77.0, "%", "77%"))
    False
    """
    if first.bound != second.bound or first.is_range != second.is_range:
        return False
    numbers_a, numbers_b = first.numbers(), second.numbers()
    if len(numbers_a) != len(numbers_b) or not numbers_a:
        return False
    for number_a, number_b in zip(numbers_a, numbers_b, strict=True):
        step = max(rounding_step(first.text, number_a), rounding_step(second.text, number_b))
        if abs(number_a - number_b) > step + _EPSILON * max(1.0, abs(number_a)):
            return False
    return True


def compare_quantities(
    first: Quantity, second: Quantity, tolerance: float = DEFAULT_APPROX_TOLERANCE
) -> Verdict:
    """The verdict on two statements of the same fact (examples from the Alibaba seeds).

    >>> share_gain_a = Quantity(72.0, "%", "more than 72%", bound="min")
    >>> share_gain_b = Quantity(77.0, "%", "77 percent")
    >>> compare_quantities(share_gain_a, share_gain_b)
    'soft'
    >>> pe_a = Quantity(20.0, "x", "about 20", approx=True)
    >>> pe_b = Quantity(None, "x", "16 to 20", low=16.0, high=20.0)
    >>> compare_quantities(pe_a, pe_b)
    'consistent'
    >>> target_a = Quantity(205.0, "USD", "$205")
    >>> target_b = Quantity(None, "USD", "USD 190 to USD 205", low=190.0, high=205.0)
    >>> compare_quantities(target_a, target_b)
    'consistent'
    >>> cloud_revenue = Quantity(5.59e9, "USD", "$5.59 billion")
    >>> compare_quantities(cloud_revenue, Quantity(5.6e9, "USD", "$5.6 billion"))
    'same'
    >>> compare_quantities(Quantity(34.0, "%", "34%"), Quantity(29.0, "%", "29%"))
    'conflict'
    >>> compare_quantities(cloud_revenue, Quantity(5.59e9, "CNY", "5.59 billion yuan"))
    'incomparable'
    """
    if not units_comparable(first, second) or not first.numbers() or not second.numbers():
        return "incomparable"
    if same_figures(first, second):
        return "same"
    if not allowed_interval(first, tolerance).meets(allowed_interval(second, tolerance)):
        return "conflict"
    # A bound is compatible with many figures; the reader still wants to see both.
    if first.bound is not None or second.bound is not None:
        return "soft"
    return "consistent"


def difference(first: Quantity, second: Quantity) -> float | None:
    """``second`` minus ``first`` in their unit (central values), None when incomparable.

    >>> difference(Quantity(72.0, "%", "over 72%", bound="min"), Quantity(77.0, "%", "77%"))
    5.0
    """
    if not units_comparable(first, second):
        return None
    value_a, value_b = central_value(first), central_value(second)
    if value_a is None or value_b is None:
        return None
    return value_b - value_a

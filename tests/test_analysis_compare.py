"""Verdicts on two statements of one fact, as a table labelled by where each case comes from."""

from __future__ import annotations

import pytest

from briefing.analysis.compare import (
    compare_quantities,
    difference,
    rounding_step,
    same_figures,
)
from briefing.domain.model import Quantity


def point(value: float, unit: str | None, text: str, **extra: object) -> Quantity:
    return Quantity(value, unit, text, **extra)  # type: ignore[arg-type]


def span(low: float, high: float, unit: str | None, text: str) -> Quantity:
    return Quantity(None, unit, text, low=low, high=high)


CASES = [
    # (where the case comes from, statement A, statement B, verdict)
    (
        "issue 3: 2025 share gain, 'more than 72%' vs '77 percent'",
        point(72.0, "%", "more than 72%", bound="min"),
        point(77.0, "%", "77 percent"),
        "soft",
    ),
    (
        "issue 3: P/E 'about 20' vs '16 to 20'",
        point(20.0, "x", "about 20", approx=True),
        span(16.0, 20.0, "x", "16 to 20"),
        "consistent",
    ),
    (
        "issue 3: '$205 average target' vs 'targets USD 190 to USD 205'",
        point(205.0, "USD", "$205"),
        span(190.0, 205.0, "USD", "USD 190 to USD 205"),
        "consistent",
    ),
    (
        "seed: upside 'roughly 40%' vs '30 to 40 percent'",
        point(40.0, "%", "roughly 40%", approx=True),
        span(30.0, 40.0, "%", "30 to 40 percent"),
        "consistent",
    ),
    (
        "rounding: '$5.59 billion' vs '$5.6 billion'",
        point(5.59e9, "USD", "$5.59 billion"),
        point(5.6e9, "USD", "$5.6 billion"),
        "same",
    ),
    (
        "hedge only: 'about $152' vs '$152'",
        point(152.0, "USD", "about $152", approx=True),
        point(152.0, "USD", "$152"),
        "same",
    ),
    (
        "approx within 5%: 'about 20' vs '21'",
        point(20.0, "x", "about 20", approx=True),
        point(21.0, "x", "21"),
        "consistent",
    ),
    (
        "approx beyond 5%: 'about 20' vs '24'",
        point(20.0, "x", "about 20", approx=True),
        point(24.0, "x", "24"),
        "conflict",
    ),
    (
        "our fixtures: cloud revenue '$5.21 billion' vs '$5.59 billion'",
        point(5.21e9, "USD", "$5.21 billion"),
        point(5.59e9, "USD", "$5.59 billion"),
        "conflict",
    ),
    (
        "bound broken: 'more than 72%' vs '65%'",
        point(72.0, "%", "more than 72%", bound="min"),
        point(65.0, "%", "65%"),
        "conflict",
    ),
    (
        "ceiling kept: 'at most $3 billion' vs '$2.5 billion'",
        point(3e9, "USD", "at most $3 billion", bound="max"),
        point(2.5e9, "USD", "$2.5 billion"),
        "soft",
    ),
    (
        "disjoint ranges: '16 to 20' vs '24 to 28'",
        span(16.0, 20.0, "x", "16 to 20"),
        span(24.0, 28.0, "x", "24 to 28"),
        "conflict",
    ),
    (
        "different currencies are not compared",
        point(5.59e9, "USD", "$5.59 billion"),
        point(40.1e9, "CNY", "RMB 40.1 billion"),
        "incomparable",
    ),
    (
        "a unit left unstated is compared",
        point(20.0, None, "about 20", approx=True),
        span(16.0, 20.0, "x", "16 to 20"),
        "consistent",
    ),
]


@pytest.mark.parametrize(("label", "first", "second", "verdict"), CASES, ids=[c[0] for c in CASES])
def test_verdict(label: str, first: Quantity, second: Quantity, verdict: str) -> None:
    assert compare_quantities(first, second) == verdict
    # The verdict does not depend on which article came first.
    assert compare_quantities(second, first) == verdict


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        ("77%", 77.0, 0.5),
        ("$5.59 billion", 5.59e9, 5e6),
        ("1,250 crore", 1.25e10, 5e6),
        ("about 20", 20.0, 0.5),
        ("-21.8 billion yuan", -21.8e9, 5e7),
    ],
)
def test_rounding_step_follows_the_written_digits(text: str, value: float, step: float) -> None:
    assert rounding_step(text, value) == pytest.approx(step)


def test_same_figures_needs_the_same_shape() -> None:
    assert not same_figures(point(20.0, "x", "20"), span(20.0, 20.0, "x", "20 to 20"))


def test_difference_is_newer_minus_older_and_none_across_units() -> None:
    assert difference(point(72.0, "%", "72%"), point(77.0, "%", "77%")) == 5.0
    assert difference(point(1.0, "USD", "$1"), point(1.0, "EUR", "€1")) is None

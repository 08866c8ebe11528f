"""Quality floors: the least per-category precision, recall or F1 a build may reach."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from briefing.evaluation.scoring import CategoryScore

Floors = dict[str, dict[str, float]]
MEASURES = ("precision", "recall", "f1")


def load_floors(path: Path) -> Floors:
    """``{"deals": {"f1": 0.8}, ...}``; raises ``ValueError`` on anything else."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object of categories")
    floors: Floors = {}
    for category, measures in data.items():
        if not isinstance(measures, dict):
            raise ValueError(f"{path}: {category!r} must map measures to numbers")
        for measure, floor in measures.items():
            if measure not in MEASURES or not isinstance(floor, int | float):
                raise ValueError(f"{path}: {category}.{measure} is not a known measure/number")
        floors[str(category)] = {str(m): float(f) for m, f in measures.items()}
    return floors


def floor_failures(totals: Mapping[str, CategoryScore], floors: Floors) -> list[str]:
    """One message per category measure below its floor.

    >>> floor_failures({"deals": CategoryScore(7, 3, 3)}, {"deals": {"f1": 0.8}})
    ['deals f1 0.700 < floor 0.800']
    >>> floor_failures({"deals": CategoryScore(9, 1, 1)}, {"deals": {"f1": 0.8}})
    []
    """
    failures = []
    for category, measures in floors.items():
        score = totals.get(category)
        if score is None:
            failures.append(f"{category}: unknown category")
            continue
        for measure, floor in measures.items():
            reached = float(getattr(score, measure))
            if reached < floor:
                failures.append(f"{category} {measure} {reached:.3f} < floor {floor:.3f}")
    return failures

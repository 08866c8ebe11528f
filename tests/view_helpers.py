"""Shared by the analyst-view tests: run the engine on a sentence and compare views with
expected fields (numbers within 1 %, company and firm by containment)."""

from __future__ import annotations

from typing import Any

from briefing.domain.model import AnalystView, Document
from briefing.extract.engine import extract_document


def views_of(text: str) -> list[AnalystView]:
    document = Document(id="t", path="t", format="text", body=text)
    return list(extract_document(document).analyst_views)


def matches(view: AnalystView, expected: dict[str, Any]) -> bool:
    for field, wanted in expected.items():
        if field == "value":
            numbers = view.value.numbers() if view.value else ()
            wanted_numbers = wanted if isinstance(wanted, tuple) else (wanted,)
            if len(numbers) != len(wanted_numbers) or any(
                abs(n - w) > 0.01 * abs(w) + 1e-9
                for n, w in zip(numbers, wanted_numbers, strict=True)
            ):
                return False
        elif field == "unit":
            if view.value is None or view.value.unit != wanted:
                return False
        elif field == "company":
            if wanted.lower() not in (view.company or "").lower():
                return False
        elif field == "firm":
            if wanted.lower() not in (view.firm or "").lower():
                return False
        elif getattr(view, field) != wanted:
            return False
    return True


def describe(views: list[AnalystView]) -> str:
    return "\n".join(
        f"{v.type} company={v.company} firm={v.firm} label={v.label} prev={v.previous_label} "
        f"value={v.value.numbers() if v.value else None} unit={v.value.unit if v.value else None} "
        f"stat={v.stat} metric={v.metric} count={v.count} of={v.of}"
        for v in views
    )

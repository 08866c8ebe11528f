"""The quantity parser on the test inputs of three peer extractors (``../shared/peer-vectors``).

The cases are read at run time and never copied into the project; the test skips when the
shared folder is absent. Each file is scored on its own kind only (a percentage inside a
currency sentence is not an expected currency item).

Scoring:

* currency: an expected item is found when a money match has the same unit and a value within
  1 %; each match counts for one item at most. Spans are not scored (the peers cut spans
  differently, e.g. with or without "about"); how many spans agree exactly is only reported.
  Recall and precision are floored on *naturally spaced* cases (see ``is_naturally_spaced``).
* percent: every case, negative ones included, must come out exactly (no extra percentages).
* range: every closed range (``kind: range``) must be found with both ends within 1 %, except
  the ids in ``UNSUPPORTED``; open bounds (``kind: bound``) are measured and floored where we
  are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from briefing.extract.quantities import QuantityMatch, find_quantities

# Closed ranges we do not read as ranges, on purpose or for now.
UNSUPPORTED: dict[str, str] = {
    "microsoft/Recognizers-Text:Specs/Number/English/NumberRangeModel.json#11": (
        "'from X to Y' is a change (two quantities) by our convention; compound written "
        "numbers ('one thousand and five hundred') are not read"
    ),
    "microsoft/Recognizers-Text:Specs/Number/English/NumberRangeModel.json#70": (
        "'from X to Y' is a change (two quantities) by our convention"
    ),
    "nielstron/quantulum3:quantulum3/_lang/en_US/tests/quantities.json#96": (
        "'from X to Y' is a change (two quantities) by our convention"
    ),
    "nielstron/quantulum3:quantulum3/_lang/en_US/tests/quantities.ambiguity.json#6": (
        "'from X to Y' is a change (two quantities) by our convention"
    ),
    "scrapinghub/price-parser:tests/test_price_parsing.py#L424(PRICE_PARSING_EXAMPLES_2)": (
        "'from X to Y' is a change (two quantities) by our convention"
    ),
}

CURRENCY_RECALL_FLOOR = 0.90
CURRENCY_PRECISION_FLOOR = 0.95
# Open bounds ("more than thirty", "up to 700"): the share we read with the right bound side
# and value; floored at what we reach so that it cannot silently fall.
BOUND_FLOOR = 1.0

# Artefacts of space-tokenised newswire ("sales rose 6 . 2 % ,", "u . s .", "` `", "( $ 2.54"):
# a blank on both sides of punctuation, a blank inside brackets, spaced quotes or dashes,
# spaced-out abbreviations. A blank between a currency sign and the digits ("$ 22.00",
# "€ 11.69") alone is not counted: price tags are written that way too, and we read it.
_TOKENISED = re.compile(
    r" [,.;:!?%)] | [,.;:!?%)]$|\( |``|'' | ' |\w ' [a-z]\b|[0-9] \. [0-9]| - - |\b\w \. \w \."
)


def is_naturally_spaced(text: str) -> bool:
    """Whether text reads as written rather than space-tokenised.

    >>> is_naturally_spaced("Sales rose 6.2% to $1.45 billion.")
    True
    >>> is_naturally_spaced("sales rose 6 . 2 % to $ 1.45 billion .")
    False
    """
    return _TOKENISED.search(text) is None


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    hits: int = 0
    exact_spans: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0


def _cases(shared: Path, name: str) -> Iterator[dict[str, Any]]:
    with (shared / "peer-vectors" / name).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 0.01 * max(abs(a), abs(b)) + 1e-9


def _numbers(match: QuantityMatch) -> tuple[float | None, float | None]:
    q = match.quantity
    return (q.low, q.high) if q.is_range else (q.value, None)


def _score_currency(cases: list[dict[str, Any]]) -> Tally:
    tally = Tally()
    for case in cases:
        money = [m for m in find_quantities(case["text"]) if m.kind == "money"]
        tally.expected += len(case["expect"])
        tally.found += len(money)
        unused = list(money)
        for item in case["expect"]:
            hit = next(
                (
                    m
                    for m in unused
                    if m.quantity.unit == item["unit"]
                    and m.quantity.value is not None
                    and _close(m.quantity.value, item["value"])
                ),
                None,
            )
            if hit is None:
                tally.misses.append(f"{case['source']}: {item['text']!r} in {case['text'][:80]!r}")
                continue
            unused.remove(hit)
            tally.hits += 1
            tally.exact_spans += hit.quantity.text == item["text"]
        tally.misses.extend(
            f"{case['source']}: extra {m.quantity.text!r} ({m.quantity.value} {m.quantity.unit})"
            for m in unused
        )
    return tally


@pytest.fixture(scope="module")
def currency_cases(shared_dir: Path) -> list[dict[str, Any]]:
    return list(_cases(shared_dir, "currency.jsonl"))


def test_currency_natural_recall_and_precision(
    currency_cases: list[dict[str, Any]], record_property: Any
) -> None:
    natural = [c for c in currency_cases if is_naturally_spaced(c["text"])]
    tally = _score_currency(natural)
    everything = _score_currency(currency_cases)
    summary = (
        f"currency, naturally spaced ({len(natural)} of {len(currency_cases)} cases): "
        f"recall {tally.recall:.3f} ({tally.hits}/{tally.expected}), precision "
        f"{tally.precision:.3f} ({tally.hits}/{tally.found}), exact spans "
        f"{tally.exact_spans}/{tally.hits}; all cases: recall {everything.recall:.3f}, "
        f"precision {everything.precision:.3f}"
    )
    print(summary)
    record_property("currency", summary)
    assert tally.recall >= CURRENCY_RECALL_FLOOR, "\n".join([summary, *tally.misses])
    assert tally.precision >= CURRENCY_PRECISION_FLOOR, "\n".join([summary, *tally.misses])


def test_every_percent_case(shared_dir: Path, record_property: Any) -> None:
    failures: list[str] = []
    cases = list(_cases(shared_dir, "percent.jsonl"))
    for case in cases:
        found = [m for m in find_quantities(case["text"]) if m.kind == "percent"]
        got = sorted(m.quantity.value or 0.0 for m in found)
        want = sorted(float(item["value"]) for item in case["expect"])
        if len(got) != len(want) or not all(map(_close, got, want)):
            failures.append(f"{case['source']}: want {want}, got {got} in {case['text'][:80]!r}")
    summary = f"percent: {len(cases) - len(failures)}/{len(cases)} cases exact"
    print(summary)
    record_property("percent", summary)
    assert not failures, "\n".join(failures)


def _range_found(case: dict[str, Any], item: dict[str, Any]) -> bool:
    for match in find_quantities(case["text"]):
        q = match.quantity
        if q.is_range and _close(q.low, item["low"]) and _close(q.high, item["high"]):
            return item["unit"] is None or q.unit == item["unit"]
    return False


def _bound_found(case: dict[str, Any], item: dict[str, Any]) -> bool:
    side, value = ("min", item["low"]) if item["low"] is not None else ("max", item["high"])
    return any(
        m.quantity.bound == side and _close(m.quantity.value, value)
        for m in find_quantities(case["text"])
    )


def test_every_closed_range(shared_dir: Path, record_property: Any) -> None:
    cases = [c for c in _cases(shared_dir, "range.jsonl") if c.get("kind") == "range"]
    failures = [
        f"{case['source']}: {item['text']!r}"
        for case in cases
        if case["source"] not in UNSUPPORTED
        for item in case["expect"]
        if not _range_found(case, item)
    ]
    supported = [c for c in cases if c["source"] not in UNSUPPORTED]
    summary = (
        f"closed ranges: {len(supported) - len(failures)}/{len(supported)} supported cases "
        f"({len(UNSUPPORTED)} listed as unsupported)"
    )
    print(summary)
    record_property("ranges", summary)
    assert not failures, "\n".join(failures)


def test_unsupported_ranges_are_still_unsupported(shared_dir: Path) -> None:
    """An id stays in UNSUPPORTED only while we really miss it, so the list stays honest."""
    cases = {c["source"]: c for c in _cases(shared_dir, "range.jsonl")}
    now_found = [
        source
        for source in UNSUPPORTED
        if source in cases and all(_range_found(cases[source], i) for i in cases[source]["expect"])
    ]
    assert not now_found, f"remove from UNSUPPORTED: {now_found}"


def test_open_bounds(shared_dir: Path, record_property: Any) -> None:
    cases = [c for c in _cases(shared_dir, "range.jsonl") if c.get("kind") == "bound"]
    items = [(case, item) for case in cases for item in case["expect"]]
    hits = sum(_bound_found(case, item) for case, item in items)
    missed = [f"{c['source']}: {i['text']!r}" for c, i in items if not _bound_found(c, i)]
    summary = f"open bounds: {hits}/{len(items)} items read with side and value"
    print(summary)
    record_property("bounds", summary)
    assert hits / len(items) >= BOUND_FLOOR, "\n".join([summary, *missed])

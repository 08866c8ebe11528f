"""Figures a metric sentence states beside or after another one without naming them fully:
the per-share figure of a net result ("net income of $12bn, or $1.53 per share") and the
margin of a profit measure ("EBITDA rose 18% to R$1.7bn, with a margin of 12.2%").

Pure helpers of ``metrics``; offsets are relative to the sentence text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.domain.model import Evidence, Metric, Quantity
from briefing.extract.metrics_roles import Figure, Reading
from briefing.extract.metrics_text import Term

# ", or $0.29 per share" right after a figure: the same result per share.
_OR_PER_SHARE: Final = re.compile(r",?\s*or\s+(?:a\s+)?$", re.IGNORECASE)
_PER_SHARE_AFTER: Final = re.compile(r"\s*(?:per|a) (?:diluted |basic )?share\b", re.IGNORECASE)
_NET_RESULTS: Final = frozenset({"net_income", "adjusted_earnings"})
# "with a margin of 12.2%", "giving a margin of": the margin of the measure just stated.
_BARE_MARGIN: Final = re.compile(r"\b(?:an?|its|the) (?P<word>margins?) (?:of|at|was)\b")
_MARGIN_OF: Final = {
    "ebitda": "ebitda_margin",
    "operating_income": "operating_margin",
    "ebit": "operating_margin",
    "gross_profit": "gross_margin",
}
# "excluding the credits, operating profit would have been ...": a what-if, not a figure.
_COUNTERFACTUAL: Final = re.compile(r"\bwould have (?:been|risen|fallen|grown|come|reached)\b")


def is_counterfactual(low_text: str, start: int, end: int) -> bool:
    """Whether the clause ``[start, end)`` of the lower-cased sentence states a what-if.

    >>> is_counterfactual("excluding credits, profit would have been 5 billion", 0, 51)
    True
    """
    return "would have" in low_text[start:end] and bool(
        _COUNTERFACTUAL.search(low_text, start, end)
    )


def _per_share_after(text: str, figure: Figure | None, figures: list[Figure]) -> Figure | None:
    if figure is None:
        return None
    for other in figures:
        if other.start < figure.end or other.kind != "money":
            continue
        gap = text[figure.end : other.start]
        if len(gap) > 8 or not _OR_PER_SHARE.match(gap):
            return None
        return other if _PER_SHARE_AFTER.match(text, other.end) else None
    return None


def _signed_like(quantity: Quantity, model: Quantity | None) -> Quantity:
    if model is not None and model.value is not None and model.value < 0 < (quantity.value or 0):
        return dataclasses.replace(quantity, value=-(quantity.value or 0))
    return quantity


def per_share_companions(
    body: str,
    sentence_start: int,
    text: str,
    figures: list[Figure],
    reading: Reading,
    items: list[Metric],
) -> list[Metric]:
    """The earnings per share stated beside a net result's value (and its base).

    >>> from briefing.domain.model import Evidence
    >>> s = "net loss of $18.2 million, or $0.29 per share"
    >>> v = Figure(12, 25, Quantity(18.2e6, "USD", "$18.2 million"), "money")
    >>> e = Figure(30, 35, Quantity(0.29, "USD", "$0.29"), "money")
    >>> item = Metric("Acme", None, "net_income", "net loss", None, Quantity(-18.2e6, "USD", ""),
    ...               Evidence(0, 25, s[:25]), 0.8)
    >>> [(m.name, m.value.value) for m in per_share_companions(s, 0, s, [v, e], Reading([v]),
    ...                                                        [item])]
    [('eps', -0.29)]
    """
    if not items or items[0].name not in _NET_RESULTS or not reading.values:
        return []
    first = items[0]
    value = _per_share_after(text, reading.values[0], figures)
    if value is None:
        return []
    previous = _per_share_after(text, reading.previous, figures)
    end = max(first.evidence.end, sentence_start + (previous or value).end)
    return [
        dataclasses.replace(
            first,
            name="eps",
            raw_name="per share",
            value=_signed_like(value.quantity, first.value),
            previous=_signed_like(previous.quantity, first.previous) if previous else None,
            change_pct=None,
            evidence=Evidence.of(body, first.evidence.start, end),
            confidence=round(first.confidence - 0.05, 3),
        )
    ]


def margin_term(low_text: str, start: int, end: int, items: list[Metric]) -> Term | None:
    """A bare "margin" in a clause after a profit measure's item names that measure's margin.

    >>> m = Metric(None, None, "ebitda", "Ebitda", None, None, Evidence(0, 1, "x"), 1, None, 18.0)
    >>> margin_term("rose 18% to $2bn, with a margin of 12.2%", 23, 40, [m]).name
    'ebitda_margin'
    """
    if not items or "margin" not in low_text[start:end]:
        return None
    name = _MARGIN_OF.get(items[-1].name)
    found = _BARE_MARGIN.search(low_text, start, end)
    if name is None or found is None:
        return None
    return Term(found.start("word"), found.end("word"), name, found.group("word"), "carry", 0.6)

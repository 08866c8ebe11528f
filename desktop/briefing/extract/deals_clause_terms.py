"""Terms of a deal stated in its clause: per-share prices, price bands, stakes, premiums,
share counts and tenor, and the date nearest its deal word.

>>> from briefing.domain.model import Quantity
>>> with_currency(Quantity(5.0, None, "5"), "USD").unit
'USD'
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.domain.model import Quantity
from briefing.extract.context import Sentence
from briefing.extract.deals_text import AmountRole, duration_near
from briefing.extract.quantities import QuantityMatch

_STAKE_AFTER = re.compile(r"\s*(?:stake|interest|holding|of (?:its|the) (?:shares|stock|equity))")
_PREMIUM_BEFORE = re.compile(r"\bpremium (?:of )?(?:about |around |nearly )?$", re.IGNORECASE)
_CONVERSION_BEFORE = re.compile(
    r"\b(?:conversion price|convert(?:s|ed|ible)?(?: into shares)? at)\b[^.;]{0,25}$|"
    r"\bconver(?:t|ts|sion) at\s*$",
    re.IGNORECASE,
)
_MAXIMUM_BEFORE = re.compile(r"\bmax(?:imum)?\b[^.;]{0,25}$", re.IGNORECASE)
_BAND_BEFORE = re.compile(r"\b(?:price band|price range|band)\b[^.;]{0,30}$", re.IGNORECASE)


def with_currency(quantity: Quantity, currency: str | None) -> Quantity:
    if quantity.unit is None and currency is not None:
        return dataclasses.replace(quantity, unit=currency)
    return quantity


def _price_term_name(text: str, start: int, quantity: Quantity) -> str:
    before = text[max(0, start - 40) : start]
    if _CONVERSION_BEFORE.search(before):
        return "conversion_price"
    if quantity.is_range or _BAND_BEFORE.search(before):
        return "price_band"
    if _MAXIMUM_BEFORE.search(before):
        return "max_price"
    return "price_per_share"


_ROLE_TERMS: Final[dict[str, str]] = {
    "order_book": "order_book",
    "planned": "planned_size",
    "valuation": "valuation",
}


def terms_in(
    sentence: Sentence,
    money: list[tuple[QuantityMatch, AmountRole]],
    span: tuple[int, int],
    used: set[int],
    currency: str | None,
) -> dict[str, Quantity | str]:
    """Per-share prices, stakes, premiums, share counts and tenor stated in ``span``."""
    text = sentence.text
    terms: dict[str, Quantity | str] = {}
    lo, hi = span
    for match, role in money:
        if match.start in used or not (lo <= match.start and match.end <= hi):
            continue
        quantity = with_currency(match.quantity, currency)
        if role in ("per_share", "price"):
            terms.setdefault(_price_term_name(text, match.start, quantity), quantity)
        elif role in _ROLE_TERMS:
            terms.setdefault(_ROLE_TERMS[role], quantity)
    for match in sentence.quantities:
        start, end = sentence.relative(match.start), sentence.relative(match.end)
        if not (lo <= start and end <= hi):
            continue
        if match.kind == "percent":
            if _STAKE_AFTER.match(text, end):
                terms.setdefault("stake_pct", match.quantity)
            elif _PREMIUM_BEFORE.search(text, 0, start):
                terms.setdefault("premium", match.quantity)
        elif match.kind == "shares":
            terms.setdefault("shares", match.quantity)
        elif match.kind == "number" and _CONVERSION_BEFORE.search(text[max(0, start - 40) : start]):
            terms.setdefault("conversion_price", with_currency(match.quantity, currency))
    duration = duration_near(text[lo:hi], 0, hi - lo)
    if duration is not None:
        terms["duration"] = duration
    return terms


def date_near(sentence: Sentence, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for match in sentence.dates:
        rel_start, rel_end = sentence.relative(match.start), sentence.relative(match.end)
        distance = max(0, rel_start - end, start - rel_end)
        if best is None or distance < best[0]:
            best = (distance, match.iso)
    return best[1] if best is not None else None

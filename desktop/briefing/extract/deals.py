"""Deals: who invested in, bought, merged or partnered with whom, for how much, when and
on what terms, each with the clause that states it.

Sentences are read in order. Each deal word gives a draft (``deals_sentence``); a draft
that names no amount may still be completed by a neighbour ("... a $250 million
investment in Meitu. The convertible bond, issued on January 3, 2026, carries a
conversion price of HK$6 per share."), and a deal restated later (headline and body) is
the same deal. Drafts that stay without the amount their type needs are dropped.

>>> from briefing.domain.model import Document
>>> from briefing.extract.context import build_context
>>> text = "Acme Corp said it will buy back shares worth $2 billion over two years."
>>> deal = extract_deals(build_context(Document("t", "t", "text", text)))[0]
>>> deal.type, deal.buyer, deal.amount.value, deal.terms["duration"]
('buyback', 'Acme', 2000000000.0, '2 years')
"""

from __future__ import annotations

import re
from typing import Final

from briefing.domain.model import Deal, Evidence, Quantity
from briefing.domain.vocabulary import DEAL_TYPES_WITHOUT_AMOUNT
from briefing.extract.context import ArticleContext
from briefing.extract.deals_sentence import DealDraft, drafts_of_sentence
from briefing.extract.vocab.deal_terms import TYPE_REFINEMENTS

# How far back (in sentences) a draft may be completed by a later one.
_SAME_TYPE_REACH: Final = 12
_REFINEMENT_REACH: Final = 2
_CONTINUATION_REACH: Final = 4
_NAME_NOISE = re.compile(r"[^0-9a-z]+")
_SUFFIXES: Final = frozenset(
    {"inc", "corp", "corporation", "co", "ltd", "limited", "plc", "group", "holdings", "the"}
)


def _name_key(name: str) -> str:
    words = _NAME_NOISE.sub(" ", name.casefold()).split()
    return " ".join(w for w in words if w not in _SUFFIXES)


def _same_party(kept: str | None, new: str | None) -> bool:
    if kept is None or new is None:
        return True
    a, b = _name_key(kept), _name_key(new)
    return bool(a and b) and (a in b or b in a)


def _names_overlap(name: str | None, other: str) -> bool:
    return name is not None and _same_party(name, other)


def _lends_parties_only(kept: DealDraft, new: DealDraft) -> bool:
    """ "a $2bn bridge loan ... to refinance Brightline's bonds": a second, amount-less deal
    word of the same sentence names another deal's party, not the first deal's."""
    if new.sentence != kept.sentence or new.amount is not None or kept.amount is None:
        return False
    return (kept.buyer is None and new.buyer is not None) or (
        kept.counterparty is None and new.counterparty is not None
    )


def _same_amount(a: Quantity | None, b: Quantity | None) -> bool:
    if a is None or b is None:
        return True
    numbers_a, numbers_b = a.numbers(), b.numbers()
    return len(numbers_a) == len(numbers_b) and all(
        abs(x - y) <= 0.01 * max(abs(x), abs(y)) for x, y in zip(numbers_a, numbers_b, strict=True)
    )


def _per_share_of(total: DealDraft, single: DealDraft) -> bool:
    """ "a special dividend of $2 per share" restated as "$2 per share, or about $410 million
    in total": the per-share amount of one draft is the other's headline amount."""
    per_share = total.terms.get("per_share")
    return (
        isinstance(per_share, Quantity)
        and single.amount is not None
        and "per_share" not in single.terms
        and _same_amount(per_share, single.amount)
    )


def _same_deal_amount(kept: DealDraft, new: DealDraft) -> bool:
    if kept.terms.get("status") != new.terms.get("status"):
        # A new programme as large as the completed one before it is another deal.
        return False
    return (
        _same_amount(kept.amount, new.amount)
        or _per_share_of(kept, new)
        or _per_share_of(new, kept)
    )


def _merged_type(kept: DealDraft, new: DealDraft) -> str | None:
    """The type of the two drafts seen as one deal, or None when they are different deals."""
    distance = new.sentence - kept.sentence
    if kept.type == new.type:
        return kept.type if distance <= _SAME_TYPE_REACH else None
    if distance > _REFINEMENT_REACH:
        return None
    if (kept.type, new.type) in TYPE_REFINEMENTS and new.amount is None:
        return new.type
    if (new.type, kept.type) in TYPE_REFINEMENTS and new.amount is None:
        return kept.type
    return None


def _absorb(kept: DealDraft, new: DealDraft, deal_type: str) -> None:
    kept.type = deal_type
    if _per_share_of(new, kept) and kept.amount is not None:
        # The total stated later is the deal's amount; the per-share amount is a term.
        kept.terms.setdefault("per_share", kept.amount)
        kept.amount = new.amount
        kept.span = new.span
    if kept.amount is None and new.amount is not None:
        kept.amount = new.amount
        kept.span = new.span
    kept.buyer = kept.buyer or new.buyer
    kept.counterparty = kept.counterparty or new.counterparty
    kept.implicit = kept.implicit or new.implicit
    kept.date = kept.date or new.date
    if new.valuation is not None:
        if kept.type == "ipo" and kept.valuation is None:
            kept.valuation = new.valuation
        else:
            kept.terms.setdefault("valuation", new.valuation)
    for name, term in new.terms.items():
        kept.terms.setdefault(name, term)
    kept.confidence = max(kept.confidence, new.confidence)


def _continue(kept: list[DealDraft], continuation: DealDraft) -> None:
    for draft in reversed(kept):
        if continuation.sentence - draft.sentence > _CONTINUATION_REACH:
            return
        payer = continuation.payer
        if payer is not None and not (
            _names_overlap(draft.buyer, payer) or _names_overlap(draft.counterparty, payer)
        ):
            continue  # a payment continues only a deal its payer is party to
        if payer is not None and draft.amount is not None:
            continue
        if continuation.refers_to is None or draft.type in continuation.refers_to:
            _absorb(draft, continuation, draft.type)
            return


def _tranche_sums(drafts: list[DealDraft]) -> dict[int, float]:
    sums: dict[int, float] = {}
    for draft in drafts:
        if draft.is_tranche and draft.amount is not None:
            sums[draft.sentence] = sums.get(draft.sentence, 0.0) + max(draft.amount.numbers())
    return sums


def _tranche_of(kept: list[DealDraft], tranche: DealDraft, total: float) -> DealDraft | None:
    """The issue a tranche belongs to: an issue by the same issuer just before it whose size
    the sentence's tranches add up to ("EUR 1.5bn ... comprises a EUR 750m four-year
    tranche and a EUR 750m ten-year tranche"). A tranche added to an issue ("the inclusion
    of a EUR 300m tranche") or stated without a total is a deal of its own."""
    if not tranche.is_tranche or tranche.amount is None:
        return None
    for draft in reversed(kept):
        if tranche.sentence - draft.sentence > _REFINEMENT_REACH:
            return None
        if (
            draft.type == tranche.type
            and not draft.is_tranche
            and draft.amount is not None
            and abs(max(draft.amount.numbers()) - total) <= 0.01 * total
            and _same_party(draft.counterparty, tranche.counterparty)
        ):
            return draft
    return None


def _merge(drafts: list[DealDraft]) -> list[DealDraft]:
    kept: list[DealDraft] = []
    tranche_sums = _tranche_sums(drafts)
    for draft in drafts:
        if draft.is_continuation:
            _continue(kept, draft)
            continue
        issue = _tranche_of(kept, draft, tranche_sums.get(draft.sentence, 0.0))
        if issue is not None and draft.amount is not None:
            issue.terms.setdefault("tranche", draft.amount)
            continue
        for candidate in reversed(kept):
            deal_type = _merged_type(candidate, draft)
            if (
                deal_type is not None
                and not _lends_parties_only(candidate, draft)
                and _same_party(candidate.buyer, draft.buyer)
                and _same_party(candidate.counterparty, draft.counterparty)
                and _same_deal_amount(candidate, draft)
            ):
                _absorb(candidate, draft, deal_type)
                break
        else:
            kept.append(draft)
    return kept


def _fill_implicit(draft: DealDraft, primary: str | None) -> DealDraft:
    if primary is None or draft.implicit is None:
        return draft
    if draft.implicit == "buyer" and draft.buyer is None and draft.counterparty != primary:
        draft.buyer = primary
    elif draft.implicit == "counterparty" and draft.counterparty is None and draft.buyer != primary:
        draft.counterparty = primary
    return draft


def _is_reportable(draft: DealDraft) -> bool:
    if draft.buyer is None and draft.counterparty is None:
        return False
    if draft.type in DEAL_TYPES_WITHOUT_AMOUNT:
        # Without an amount both sides are needed; a settlement's payer with the sum it
        # pays is a deal of its own.
        both = draft.buyer is not None and draft.counterparty is not None
        return both or draft.amount is not None
    return draft.amount is not None or draft.valuation is not None


def _deal(context: ArticleContext, draft: DealDraft) -> Deal:
    start, end = draft.span
    confidence = draft.confidence
    if draft.amount is None and draft.type not in DEAL_TYPES_WITHOUT_AMOUNT:
        confidence -= 0.05  # a valuation stands in for the deal's own amount
    return Deal(
        type=draft.type,
        buyer=draft.buyer,
        counterparty=draft.counterparty,
        amount=draft.amount,
        valuation=draft.valuation,
        date=draft.date,
        terms=dict(draft.terms),
        evidence=Evidence.of(context.body, start, end),
        confidence=round(min(max(confidence, 0.0), 1.0), 3),
    )


def extract_deals(context: ArticleContext) -> list[Deal]:
    """Every deal the article states, in text order, each once."""
    drafts: list[DealDraft] = []
    for sentence in context.sentences:
        drafts.extend(drafts_of_sentence(context, sentence))
    merged = [_fill_implicit(d, context.primary_company) for d in _merge(drafts)]
    return [_deal(context, d) for d in merged if _is_reportable(d)]

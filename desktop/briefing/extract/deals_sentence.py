"""Deal drafts of one sentence: each deal word with the amount, parties, date and terms
that belong to it.

A draft is not yet a deal: drafts without an amount are kept so that later sentences
("The convertible bond, issued on January 3, ...") can complete them; ``deals`` merges
and finalises them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Final

from briefing.domain.model import Quantity
from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.deals_amounts import (
    buyback_cost,
    combined_value,
    dividend_total,
    gap_before,
    share_count,
)
from briefing.extract.deals_clause_terms import date_near, terms_in, with_currency
from briefing.extract.deals_into import money_goes_into
from briefing.extract.deals_mentions import Parties
from briefing.extract.deals_parties import find_parties
from briefing.extract.deals_text import (
    AmountRole,
    amount_role,
    clause_bounds,
    linked,
)
from briefing.extract.deals_triggers import (
    Trigger,
    deal_references,
    find_triggers,
    is_negated,
)
from briefing.extract.quantities import QuantityMatch, parse_quantity


@dataclass(slots=True)
class DealDraft:
    type: str
    buyer: str | None
    counterparty: str | None
    amount: Quantity | None
    span: tuple[int, int]  # body offsets of the evidence
    confidence: float
    sentence: int
    valuation: Quantity | None = None
    date: str | None = None
    terms: dict[str, Quantity | str] = field(default_factory=dict)
    # Set when the sentence only adds to a deal named before ("the JV", "The IPO").
    refers_to: frozenset[str] | None = None
    is_continuation: bool = False
    implicit: str | None = None  # the role the primary company fills if still empty
    payer: str | None = None  # a continuation that only states who pays how much
    is_tranche: bool = False  # one part of an issue ("a EUR 750m four-year tranche")


_SHARE_WORD_TAIL = re.compile(r"\s+(?:share|stock|equity)$", re.IGNORECASE)
_HEADLINE_ROLES: Final = frozenset({"headline", "resized"})
_VALUATION_TARGET = re.compile(r"\bvaluation\b", re.IGNORECASE)
# "a EUR 750m four-year tranche", but not "a dual-tranche bond" (the whole issue).
_TRANCHE = re.compile(
    r"tranches?\b(?!\s+(?:[\w-]+\s+)?(?:bonds?|notes?|issues?|offerings?|debt|sukuks?)\b)",
    re.IGNORECASE,
)
# "Kessling will pay $300 million upfront": a party's payment for a deal named just before.
_PAYMENT = re.compile(
    r"\b(?:will|would|is to|agreed to|has agreed to|is set to) (?:make an? )?pay(?:ments?)?\b"
    r"|\bpays\b",
    re.IGNORECASE,
)
# "paid $1.3bn to acquire X": the price stands before the verb that usually takes it after.
_PAID_TO: Final = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:in cash\s*)?to\s+")
_PAID_BEFORE: Final = re.compile(
    r"\b(?:paid|pays?|paying|spen[dt]s?|spending)\s+(?:about |around |roughly |nearly |some )?$",
    re.IGNORECASE,
)
_PAID_DEALS: Final = frozenset({"licensing", "settlement", "commercial_agreement"})
# A licence's headline amount is its upfront payment, wherever the sentence states it.
_UPFRONT_BEFORE = re.compile(r"\bup-?front (?:payment|fee|cash)?\s*(?:of\s*)?$", re.IGNORECASE)
_UPFRONT_AFTER = re.compile(r"\s*(?:in )?(?:cash )?up-?front\b", re.IGNORECASE)
# "$3.5bn of buybacks on top of the $3.5bn it repurchased in Q4": an earlier programme, done.
_COMPLETED_GAP = re.compile(
    r"\s*(?:of (?:its )?(?:shares|stock) )?(?:that |which )?"
    r"(?:it|they|the company|the group) (?:had )?$",
    re.IGNORECASE,
)
_PAST_BUYBACK = re.compile(r"repurchased|bought back", re.IGNORECASE)


def _names_tranche(text: str, trigger: Trigger) -> bool:
    start = text.lower().find("tranche", trigger.start, trigger.end)
    return start >= 0 and _TRANCHE.match(text, start) is not None


def _money(sentence: Sentence) -> list[tuple[QuantityMatch, AmountRole]]:
    """The sentence's money amounts with their roles, offsets relative to the sentence."""
    text = sentence.text
    found: list[tuple[QuantityMatch, AmountRole]] = []
    previous_end: int | None = None
    for match in sentence.quantities:
        if match.kind == "shares":
            match = _money_before_share_word(match)
        if match.kind != "money":
            continue
        start, end = sentence.relative(match.start), sentence.relative(match.end)
        role = amount_role(text, start, end, previous_end)
        found.append((dataclasses.replace(match, start=start, end=end), role))
        # "$61 a share in cash, or about $7.4 billion": a total after a per-share price is
        # the headline, not a restatement of the price.
        previous_end = None if role == "per_share" else end
    return found


def _money_before_share_word(match: QuantityMatch) -> QuantityMatch:
    """ "Rs 9,300 crore share buyback": an amount used as an adjective of "share", not a
    share count, when it carries a currency."""
    text = match.quantity.text
    if not _SHARE_WORD_TAIL.search(text):
        return match
    amount_text = _SHARE_WORD_TAIL.sub("", text)
    quantity = parse_quantity(amount_text)
    if quantity is None or quantity.unit in (None, "shares", "count", "%", "x"):
        return match
    return QuantityMatch(match.start, match.start + len(amount_text), quantity, "money")


def _paid_to(text: str, match: QuantityMatch, trigger: Trigger) -> bool:
    return (
        _PAID_TO.fullmatch(text, match.end, trigger.start) is not None
        and _PAID_BEFORE.search(text, max(0, match.start - 25), match.start) is not None
    )


def _distance(trigger: Trigger, match: QuantityMatch) -> int:
    return max(0, match.start - trigger.end, trigger.start - match.end)


def _pick_amount(
    text: str,
    trigger: Trigger,
    money: list[tuple[QuantityMatch, AmountRole]],
    claimed: set[int],
    roles: frozenset[str],
) -> QuantityMatch | None:
    best: QuantityMatch | None = None
    for match, role in money:
        if role not in roles or match.start in claimed:
            continue
        if role != "resized":
            if match.start >= trigger.end:
                if not linked(text, trigger.end, match.start):
                    continue
            elif (trigger.object_after and not _paid_to(text, match, trigger)) or not linked(
                text, match.end, trigger.start, gap_before(text, trigger, match)
            ):
                continue
        if best is None or _distance(trigger, match) < _distance(trigger, best):
            best = match
    return best


def _reference_types(text: str) -> tuple[bool, frozenset[str] | None]:
    references = deal_references(text)
    if not references:
        return False, None
    kinds = [types for _, _, types in references]
    if any(types is None for types in kinds):
        return True, None
    return True, frozenset().union(*(types for types in kinds if types is not None))


def drafts_of_sentence(context: ArticleContext, sentence: Sentence) -> list[DealDraft]:
    """Every deal the sentence names, complete or not."""
    text = sentence.text
    currency = context.currency
    triggers = find_triggers(text)
    has_reference, reference_types = _reference_types(text)
    # Most sentences name no deal word; "pay" in the lowered text is a cheap test for a
    # payment ("Kessling will pay $300 million"), which needs it.
    if not triggers and not has_reference and ("pay" not in text.lower() or not _pays(text)):
        return []  # most sentences: no deal word, so no need to read their amounts
    money = _money(sentence)
    claimed: set[int] = set()
    drafts: list[DealDraft] = []
    for trigger in triggers:
        if is_negated(text, trigger.start, trigger.end):
            continue
        roles = _HEADLINE_ROLES | ({"per_share"} if trigger.type == "dividend" else set())
        amount = _pick_amount(text, trigger, money, claimed, frozenset(roles))
        per_share = None
        if trigger.type == "dividend" and amount is not None:
            total = dividend_total(text, amount, money, claimed)
            if total is not None:
                claimed.add(amount.start)
                per_share, amount = amount, total
        if amount is None and trigger.type == "merger":
            amount = combined_value(text, trigger, money, claimed)
        valuation = None
        if amount is None and trigger.type == "ipo" and _VALUATION_TARGET.search(text):
            valuation = _pick_amount(text, trigger, money, claimed, frozenset({"valuation"}))
            if valuation is None:
                valuation = next((m for m, role in money if role == "valuation"), None)
        if trigger.into_verb and (
            amount is None or money_goes_into(text, trigger.end, amount.start, amount.end) is None
        ):
            continue  # "put pressure into margins": the verb names no investment
        if amount is None and trigger.type == "licensing":
            amount = _upfront(text, money, claimed)
        completed = trigger.type == "buyback" and _PAST_BUYBACK.fullmatch(
            text[trigger.start : trigger.end]
        )
        if amount is None and completed:
            amount = _completed_before(text, trigger, money, claimed)
        shares = None
        if amount is None and trigger.type == "buyback":
            amount = buyback_cost(text, trigger, money, claimed)
        if amount is None and trigger.type == "buyback":
            shares = share_count(sentence, trigger)
        parties: Parties | None = find_parties(context, sentence, trigger)
        if parties is None:
            continue
        core = [trigger.start, trigger.end]
        for match in (amount, valuation):
            if match is not None:
                claimed.add(match.start)
                core += [match.start, match.end]
        core += list(parties.span)
        span = clause_bounds(text, min(core), max(core))
        used = {m.start for m in (amount, valuation, per_share) if m is not None}
        draft = DealDraft(
            type=parties.type,
            buyer=parties.buyer,
            counterparty=parties.counterparty,
            amount=with_currency(amount.quantity, currency) if amount else shares,
            valuation=with_currency(valuation.quantity, currency) if valuation else None,
            span=(sentence.start + span[0], sentence.start + span[1]),
            confidence=trigger.confidence * parties.confidence,
            sentence=sentence.index,
            date=date_near(sentence, trigger.start, trigger.end),
            # A sentence completing an earlier deal states its terms anywhere.
            terms=terms_in(sentence, money, span if amount else (0, len(text)), used, currency),
            implicit=parties.implicit,
            is_tranche=_names_tranche(text, trigger),
        )
        if completed and amount is not None:
            draft.terms["status"] = "completed"
        if per_share is not None:
            draft.terms.setdefault("per_share", with_currency(per_share.quantity, currency))
        if has_reference and parties.incomplete:
            # "LG will spend $1.46B to buy a 51% stake in the JV": figures of a deal named
            # before, not a deal of their own.
            if draft.amount is not None:
                draft.terms.setdefault("contribution", draft.amount)
            draft.amount = None
            draft.refers_to = reference_types
            draft.is_continuation = True
        elif parties.incomplete:
            continue
        drafts.append(draft)
    if not drafts and has_reference:
        drafts.append(_continuation(context, sentence, money, reference_types))
    elif not drafts and money and _pays(text):
        payment = _payment(context, sentence, money)
        if payment is not None:
            drafts.append(payment)
    return drafts


def _pays(text: str) -> bool:
    return _PAYMENT.search(text) is not None


def _upfront(
    text: str, money: list[tuple[QuantityMatch, AmountRole]], claimed: set[int]
) -> QuantityMatch | None:
    for match, _role in money:
        if match.start in claimed:
            continue
        if _UPFRONT_BEFORE.search(text, max(0, match.start - 30), match.start) or (
            _UPFRONT_AFTER.match(text, match.end)
        ):
            return match
    return None


def _completed_before(
    text: str, trigger: Trigger, money: list[tuple[QuantityMatch, AmountRole]], claimed: set[int]
) -> QuantityMatch | None:
    for match, _role in money:
        if match.start in claimed or match.end > trigger.start:
            continue
        if trigger.start - match.end <= 40 and _COMPLETED_GAP.fullmatch(
            text, match.end, trigger.start
        ):
            return match
    return None


def _payment(
    context: ArticleContext,
    sentence: Sentence,
    money: list[tuple[QuantityMatch, AmountRole]],
) -> DealDraft | None:
    """ "Kessling will pay $300 million upfront": the amount of a licence, settlement or
    contract named in an earlier sentence, paid by the sentence's subject."""
    text = sentence.text
    verb = _PAYMENT.search(text)
    if verb is None:
        return None
    payer = next(
        (
            m
            for m in sentence.companies
            if m.end - sentence.start <= verb.start() and not m.is_broker
        ),
        None,
    )
    amount = next((m for m, role in money if role == "headline" and m.start >= verb.end()), None)
    if payer is None or amount is None or amount.start - verb.end() > 15:
        return None
    return DealDraft(
        type="",
        buyer=payer.name,
        counterparty=None,
        payer=payer.name,
        amount=with_currency(amount.quantity, context.currency),
        span=(sentence.start + payer.start - sentence.start, sentence.start + amount.end),
        confidence=0.6,
        sentence=sentence.index,
        refers_to=_PAID_DEALS,
        is_continuation=True,
    )


def _continuation(
    context: ArticleContext,
    sentence: Sentence,
    money: list[tuple[QuantityMatch, AmountRole]],
    reference_types: frozenset[str] | None,
) -> DealDraft:
    """A sentence that only adds terms to a deal named before ("The agreement values ...")."""
    span = (0, len(sentence.text))
    terms = terms_in(sentence, money, span, set(), context.currency)
    valuation = next((m for m, role in money if role == "valuation"), None)
    return DealDraft(
        type="",
        buyer=None,
        counterparty=None,
        amount=None,
        valuation=with_currency(valuation.quantity, context.currency) if valuation else None,
        span=(sentence.start, sentence.end),
        confidence=0.0,
        sentence=sentence.index,
        date=date_near(sentence, 0, len(sentence.text)),
        terms=terms,
        refers_to=reference_types,
        is_continuation=True,
    )

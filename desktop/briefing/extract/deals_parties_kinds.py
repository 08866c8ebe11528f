"""Parties of the deal types with their own conventions: IPOs (anchor investors buy, the
issuer is the counterparty), joint ventures and partnerships (first-named partner first),
services contracts (the customer pays) and take-privates.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.deals_mentions import (
    Mention,
    Parties,
    company_names,
    first_company,
    object_after,
    party_span,
)
from briefing.extract.deals_text import name_after
from briefing.extract.deals_triggers import Trigger

_ANCHOR_COUNT: Final = re.compile(
    r"\bfrom (?P<who>(?:\d[\d,]*|[a-z]+) (?:anchor|cornerstone) investors)\b", re.IGNORECASE
)
_AS_ANCHOR: Final = re.compile(r"\bas (?:an? |the )?(?:anchor|cornerstone) investors?\b", re.I)
_PROVIDER_ACCESS: Final = re.compile(r"\baccess to\s*$|\bfrom\s*$", re.IGNORECASE)
_PROVIDER_VERBS: Final = re.compile(
    r"\b(?:suppl(?:y|ies|ied)|provid(?:e|es|ed|ing)|deliver\w*|w[io]n|wins|secur\w*|"
    r"award\w*|land\w*|bag\w*)\b",
    re.IGNORECASE,
)
# "an agreement ... with HealthTrust to supply imaging systems": the subject supplies.
_SUPPLIES_AFTER: Final = re.compile(
    r"\bto (?:supply|provide|deliver|build|operate|install|maintain)\b", re.IGNORECASE
)
# "a contract worth £1.2bn from the Ministry of Defence": the customer may be a public body
# the entity finder does not know.
_WITH: Final = re.compile(r"\b(?:with|from)\s+")
# "..., under which Velarion will deliver cells": who supplies, stated after the parties.
_WILL_SUPPLY: Final = re.compile(
    r"\b(?:under which|whereby|in which|so that)\s+(?P<who>it|they|[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)"
    r"{0,3})\s+(?:will|would|is to|agreed to|has agreed to)\s+(?:supply|provide|deliver|build"
    r"|manufacture|install|operate|maintain|ship)\b"
)
_CUSTOMER_NAMED: Final = re.compile(
    r"(?:\s+(?:worth|valued at|of|for)\b[^,;]{0,40}?)?\s+(?:with|from)\s+"
    r"(?:[\w&'’.-]+\s+){0,4}$",
    re.IGNORECASE,
)
# Contract words that name the subject's own purchase.
_CUSTOMER_BUYS: Final = re.compile(r"purchase|procurement|cloud|offtake", re.IGNORECASE)
_WITH_REACH: Final = 80
_LED_BY: Final = re.compile(r"\b(?:(?:co-)?led by|from(?: investors)?(?: including)?)\s+")
_LEADS_ROUND: Final = re.compile(r"\b(?:co-)?(?:led|leads|leading|headed)\b(?=[^.;,]{0,40}$)")
_IN_BETWEEN: Final = re.compile(r"\s+(?:in|into|for)\s+(?:[\w&'’.-]+\s+){0,4}", re.IGNORECASE)
_ROUND_WORD: Final = re.compile(r"round|series", re.IGNORECASE)
_OF_AFTER: Final = re.compile(r"\s*of\b")
_ADD_PARTNER: Final = re.compile(
    r"\b(?:add(?:s|ed|ing)?|br(?:ing|ings|inging|ought) in|nam(?:e|es|ed|ing)|"
    r"welcom(?:e|es|ed|ing)|sign(?:s|ed|ing)? up) (?P<who>.{1,40}?) as (?:a |an |its |the )?",
    re.IGNORECASE,
)


def ipo_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    subject: Mention | None,
    after: list[Mention],
) -> Parties | None:
    text = sentence.text
    subject_name = subject.name if subject else None
    counted = _ANCHOR_COUNT.search(text)
    if counted is not None:
        return Parties(
            "ipo",
            counted.group("who"),
            subject_name,
            party_span(trigger, subject),
            implicit="counterparty",
        )
    if _AS_ANCHOR.search(text):
        issuer = first_company(after, subject_name)
        return Parties(
            "ipo",
            subject_name,
            issuer.name if issuer else None,
            party_span(trigger, subject, issuer),
            implicit="buyer",
        )
    issuer = None
    if _OF_AFTER.match(text, trigger.end):
        issuer = first_company([m for m in after if m.start - trigger.end < 40])
    if issuer is not None:
        return Parties("ipo", None, issuer.name, party_span(trigger, issuer))
    return Parties("ipo", None, subject_name, party_span(trigger, subject), implicit="counterparty")


def jv_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[Mention],
    subject_name: str | None,
) -> Parties | None:
    names = company_names([m for m in mentions if m.end <= trigger.start])
    if subject_name and subject_name not in names:
        names.insert(0, subject_name)
    if len(names) < 2:
        names += [n for n in company_names(mentions) if n not in names]
    if not names:
        return None
    counterparty = ", ".join(names[1:]) or None
    return Parties(
        "joint_venture", names[0], counterparty, party_span(trigger), 1.0, counterparty is None
    )


def partnership_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[Mention],
    subject_name: str | None,
) -> Parties | None:
    text = sentence.text
    added = _ADD_PARTNER.search(text, 0, trigger.end)
    names = company_names(mentions)
    if added is not None:
        partners = [m.name for m in mentions if added.start("who") <= m.start < added.end("who")]
        if partners:
            buyer = subject_name if subject_name not in partners else None
            return Parties("partnership", buyer, ", ".join(partners), party_span(trigger))
    primary = context.primary_company
    if primary is not None and primary not in names:
        names.insert(0, primary)
    elif primary is not None:
        names.remove(primary)
        names.insert(0, primary)
    if len(names) < 2:
        return Parties("partnership", names[0] if names else None, None, party_span(trigger), 1.0)
    return Parties("partnership", names[0], ", ".join(names[1:]), party_span(trigger))


def contract_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[Mention],
    subject_name: str | None,
) -> Parties | None:
    text = sentence.text
    names = company_names(mentions)
    provides = _PROVIDER_VERBS.search(text, 0, trigger.start) is not None
    # "X gains access to Y's cloud services", "X buys ... from Y": Y provides, X pays; but
    # "X won a contract from Y": Y is the customer (handled below).
    for m in () if provides else mentions:
        if _PROVIDER_ACCESS.search(text, max(0, m.start - 15), m.start):
            customer = next((n for n in names if n != m.name), None) or context.primary_company
            if customer == m.name:
                customer = None
            return Parties("commercial_agreement", customer, m.name, party_span(trigger, m))
    subject_name = subject_name or context.primary_company
    target = object_after(context, sentence, mentions, trigger.end, subject_name)
    if target is None:
        target = first_company([m for m in mentions if m.name != subject_name])
    if target is None:
        target = _named_with(text, trigger.end)
    if target is not None and not provides:
        provides = _SUPPLIES_AFTER.search(text, target.end, target.end + 30) is not None
    if target is not None and not provides:
        # "signed a EUR 650m service agreement with operator X", "a framework order from X":
        # the company reporting the contract supplies; the named customer pays.
        provides = _CUSTOMER_NAMED.match(text, trigger.end, target.start) is not None and (
            _CUSTOMER_BUYS.search(text, trigger.start, trigger.end) is None
        )
    supplier = _WILL_SUPPLY.search(text, trigger.end)
    if target is not None and supplier is not None:
        who = supplier.group("who")
        provides = who == "it" or (subject_name is not None and _names_one(who, subject_name))
    if provides:
        return Parties(
            "commercial_agreement",
            target.name if target else None,
            subject_name,
            party_span(trigger, target),
        )
    return Parties(
        "commercial_agreement",
        subject_name,
        target.name if target else None,
        party_span(trigger, target),
        0.9,
    )


def _names_one(surface: str, name: str) -> bool:
    a, b = surface.casefold(), name.casefold()
    return a in b or b in a


def _named_with(text: str, position: int) -> Mention | None:
    """The counterparty named after "with" shortly after the contract word."""
    found = _WITH.search(text, position, min(len(text), position + _WITH_REACH))
    span = name_after(text, found.end()) if found else None
    if span is None:
        return None
    return Mention(span[0], span[1], text[span[0] : span[1]], False)


def funding_round_parties(
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[Mention],
    subject_name: str | None,
) -> Parties:
    """ "X closed a $210 million Series C round led by Y, with participation from Z": the
    named investors buy, the company raising the round is the counterparty."""
    led = _LED_BY.search(sentence.text, trigger.end)
    leader = _LEADS_ROUND.search(sentence.text, 0, trigger.start)
    raiser = next((m for m in mentions if m.start >= trigger.end), None)
    # "Temasek has led a $120 million Series C round in Lumen, with participation from X":
    # the subject and the joining investors invest.
    if (
        leader is not None
        and subject_name is not None
        and raiser is not None
        and _IN_BETWEEN.fullmatch(sentence.text, trigger.end, raiser.start)
    ):
        joining = [m.name for m in mentions if led and m.start >= led.end()]
        buyers = ", ".join(dict.fromkeys([subject_name, *joining]))
        return Parties("investment", buyers, raiser.name, party_span(trigger, raiser))
    investors = (
        [m.name for m in mentions if m.start >= led.start() and m.name != subject_name]
        if led is not None
        else []
    )
    return Parties(
        "investment",
        ", ".join(dict.fromkeys(investors)) or None,
        subject_name,
        party_span(trigger, *(m for m in mentions if led and m.start >= led.start())),
        implicit="counterparty" if subject_name is None else None,
    )


def take_private_parties(
    trigger: Trigger, mentions: list[Mention], subject_name: str | None
) -> Parties | None:
    """Taking a company private together with a partner is a joint venture (buyer: the
    subject; counterparty: the partner, then the target); alone it is an acquisition."""
    targets = [m.name for m in mentions if trigger.start <= m.start < trigger.end]
    partners = [
        m.name
        for m in mentions
        # Two tests, not `in (subject_name, *targets)`: mypyc cannot compile that form.
        if m.name != subject_name
        and m.name not in targets
        and not m.is_broker
        and (m.end <= trigger.start or m.start >= trigger.end)
    ]
    if subject_name is None or not targets:
        return None
    if not partners:
        return Parties("acquisition", subject_name, targets[0], party_span(trigger), 0.9)
    counterparty = ", ".join(dict.fromkeys([*partners, *targets]))
    return Parties("joint_venture", subject_name, counterparty, party_span(trigger), 0.95)


def is_funding_round(words: str) -> bool:
    """Whether a deal word names an equity round ("Series C", "funding round")."""
    return _ROUND_WORD.search(words) is not None

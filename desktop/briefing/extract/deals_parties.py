"""Who is on each side of a deal named in a sentence.

Roles follow the devset conventions: the buyer pays, invests or acquires; the
counterparty is the target, issuer, seller or partner. Buybacks, dividends and spending
programmes belong to the company alone; issuers of bonds and shares are counterparties;
a joint venture's buyer is its first-named partner; a services contract's buyer is the
customer.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.deals_into import into_parties
from briefing.extract.deals_mentions import (
    Mention,
    Parties,
    company_names,
    first_company,
    mentions_of,
    object_after,
    party_span,
)
from briefing.extract.deals_parties_kinds import (
    contract_parties,
    funding_round_parties,
    ipo_parties,
    is_funding_round,
    jv_parties,
    partnership_parties,
    take_private_parties,
)
from briefing.extract.deals_text import name_after
from briefing.extract.deals_triggers import Trigger, is_spending_verb
from briefing.extract.vocab.deal_terms import (
    GOODS_AS_BUSINESS,
    ISSUE_VERBS,
    PURCHASED_GOODS,
    SALE_VERBS,
    SELF_DEAL_TYPES,
)

_SALE_BEFORE: Final = re.compile(rf"\b(?:{SALE_VERBS})\b(?:[^.;]|\.(?=\d)){{0,40}}$", re.IGNORECASE)
_STAKE_OBJECT: Final = re.compile(r"(?:[^.;]|\.(?=\d)){0,30}?\bstakes?\b", re.IGNORECASE)
_SELF_STAKE: Final = re.compile(
    r"^\s*in (?:the company|itself|the firm|the group)\b|\bby issuing new shares\b|"
    r"\b(?:preferential|fresh|new) (?:shares|allotment|issue)\b",
    re.IGNORECASE,
)
_TO_BUYER: Final = re.compile(r"\bto\s+", re.IGNORECASE)
_BY_AFTER: Final = re.compile(r"^\s*by\b", re.IGNORECASE)
_ISSUE_BEFORE: Final = re.compile(rf"\b(?:{ISSUE_VERBS})\b[^.;]{{0,60}}$", re.IGNORECASE)
_INVEST_BEFORE: Final = re.compile(
    r"\b(?:invest\w*|subscri\w*|buy\w*|bought|acquir\w*)\b[^.;]{0,80}$", re.IGNORECASE
)
_BACKING: Final = re.compile(
    r"\b(?:back(?:s|ed|ing)?|fund(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|support(?:s|ed|ing)?)\s+"
    r"(?:[a-z][\w-]*\s+){0,5}$",
    re.IGNORECASE,
)
_INTO: Final = re.compile(r"\b(?:in|into)\b", re.IGNORECASE)
_SALE_VERB: Final = re.compile(rf"\b(?:{SALE_VERBS})\b", re.IGNORECASE)
# "acquire a grinding unit in Odisha from Kalinga Minerals": the seller is the counterparty.
_FROM_SELLER: Final = re.compile(r"\bfrom\s+")
# "Avenor granted Germany's Kessling AG exclusive rights": the grantee pays for the licence.
_GRANTEE_BEFORE: Final = re.compile(
    r"\b(?:grant(?:s|ed|ing)?|give[sn]?|gave|award(?:s|ed)?)\s+(?:[A-Z][\w-]*(?:'s|’s)\s+)?$"
)
# "acquire a 74 per cent stake": a majority stake is control, an acquisition.
_STAKE_PERCENT: Final = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent|percent)", re.I)
# "completed the sale of its payments business to Fiserv": the subject sells, Fiserv buys.
_SALE_NOUN_OWN: Final = re.compile(
    r"(?:sale|disposal|divestiture|divestment) of (?:its|their|our|the company['’]s)\b", re.I
)
_OWN_ASSET: Final = re.compile(r"\b(?:its|their|our)$")
_SELLER_REACH: Final = 100
_LENDER_LEAD: Final = re.compile(
    r"[^.;,]{0,25}?\b(?:from|provided by|arranged by|underwritten by|led by)\s+"
    r"(?:(?:a |the )?(?:group|syndicate|consortium|club) of (?:\d+ |[a-z]+ )?(?:banks|lenders)"
    r"(?: (?:led by|including))?\s+)?",
    re.IGNORECASE,
)
_LIST_JOINERS: Final = frozenset({"", "and", "&", "as well as"})
# "committed to buy cloud services from Alibaba under a three-year contract": a customer
# buying goods or services is a commercial agreement, not an acquisition. Up to four words
# (no preposition, so "buy Fitbit for its services" stays a takeover) before the goods noun.
_GOODS_OBJECT: Final = re.compile(
    r"\s+(?:(?!(?:for|from|in|into|to|with|at|under|by|and|or)\b)[\w'’$€£¥.,%-]+\s+){0,4}?"
    rf"(?:{PURCHASED_GOODS})\b(?!-)(?!\s+(?:{GOODS_AS_BUSINESS})\b)",
    re.IGNORECASE,
)


def find_parties(context: ArticleContext, sentence: Sentence, trigger: Trigger) -> Parties | None:
    """The parties of the deal named by ``trigger``; None when the sentence names no deal.

    An investment made "through a convertible bond" takes the instrument's type."""
    mentions = mentions_of(sentence)
    if trigger.into_verb:
        return into_parties(context, sentence, trigger, mentions)
    parties = _parties(context, sentence, trigger, mentions)
    if parties is not None and trigger.instrument is not None and parties.type == "investment":
        return dataclasses.replace(parties, type=trigger.instrument)
    return parties


def _parties(
    context: ArticleContext, sentence: Sentence, trigger: Trigger, mentions: list[Mention]
) -> Parties | None:
    text = sentence.text
    before = [m for m in mentions if m.end <= trigger.start]
    after = [m for m in mentions if m.start >= trigger.end]
    subject = first_company(before)
    subject_name = subject.name if subject else None
    kind = trigger.type

    if kind in SELF_DEAL_TYPES:
        return Parties(kind, subject_name, None, party_span(trigger, subject), implicit="buyer")

    if kind == "take_private":
        return take_private_parties(trigger, mentions, subject_name)

    if kind == "ipo":
        return ipo_parties(context, sentence, trigger, subject, after)

    if kind in ("convertible_bond", "financing"):
        if _INVEST_BEFORE.search(text, 0, trigger.start) and not _ISSUE_BEFORE.search(
            text, 0, trigger.start
        ):
            target = object_after(context, sentence, mentions, trigger.end, subject_name)
            if target is None:
                target = first_company(after, subject_name)
            return Parties(
                kind,
                subject_name,
                target.name if target else None,
                party_span(trigger, subject, target),
                implicit="buyer",
            )
        lenders = _lenders(text, trigger, mentions, subject_name)
        return Parties(
            kind,
            ", ".join(m.name for m in lenders) or None,
            subject_name,
            party_span(trigger, subject, *lenders),
            implicit="counterparty",
        )

    if kind == "joint_venture":
        return jv_parties(context, sentence, trigger, mentions, subject_name)

    if kind == "merger":
        names = company_names(before) or ([subject_name] if subject_name else [])
        if len(names) < 2:
            target = object_after(context, sentence, mentions, trigger.end, subject_name)
            if target is not None:
                names.append(target.name)
        if len(names) < 2:
            return Parties(kind, names[0] if names else None, None, party_span(trigger), 1.0, True)
        return Parties(kind, names[0], names[1], party_span(trigger, *before[:2]))

    if kind == "partnership":
        return partnership_parties(context, sentence, trigger, mentions, subject_name)

    if kind == "commercial_agreement":
        return contract_parties(context, sentence, trigger, mentions, subject_name)

    if kind == "investment" and is_funding_round(text[trigger.start : trigger.end]):
        return funding_round_parties(sentence, trigger, mentions, subject_name)

    # acquisition, investment (incl. spending verbs), divestment, licensing, settlement
    if kind == "acquisition" and _GOODS_OBJECT.match(text, trigger.end):
        goods = Trigger("commercial_agreement", trigger.start, trigger.end, trigger.confidence, 0)
        return contract_parties(context, sentence, goods, mentions, subject_name)
    if kind == "acquisition":
        stake = _STAKE_OBJECT.match(text, trigger.end)
        if stake is not None and not _is_majority(
            stake.group()
        ):  # "agreed to buy a 20% stake in X": a minority investment
            kind = "investment"
            trigger = Trigger(kind, trigger.start, stake.end(), trigger.confidence, 0)
    if kind in ("investment", "acquisition", "divestment") and (
        _SALE_BEFORE.search(text, max(0, trigger.start - 40), trigger.start)
        or (kind == "divestment" and _SALE_VERB.search(text, trigger.start, trigger.end))
        or (kind == "divestment" and _SALE_NOUN_OWN.match(text, trigger.start))
    ):
        return _sale_parties(context, sentence, trigger, mentions, subject_name)
    if kind == "licensing":
        grantee = next(
            (m for m in before if _GRANTEE_BEFORE.search(text, 0, m.start) and not m.is_broker),
            None,
        )
        licensor = first_company([m for m in before if m is not grantee])
        if grantee is not None and licensor is not None:
            return Parties(
                kind, grantee.name, licensor.name, party_span(trigger, licensor, grantee)
            )
    if kind == "licensing" and _OWN_ASSET.search(text, trigger.start, trigger.end):
        # "licensed rights to its drug to Otsuka": the grantee named after "to" pays.
        grantee = object_after(context, sentence, mentions, trigger.end, subject_name)
        return Parties(
            kind,
            grantee.name if grantee else None,
            subject_name,
            party_span(trigger, subject, grantee),
            implicit="counterparty",
        )
    if _BY_AFTER.match(text, trigger.end):
        buyer = object_after(context, sentence, mentions, trigger.end + 3, subject_name)
        return Parties(
            kind,
            buyer.name if buyer else None,
            subject_name,
            party_span(trigger, subject, buyer),
            1.0,
            buyer is None,
        )
    target = object_after(context, sentence, mentions, trigger.end, subject_name)
    if target is not None and kind == "acquisition":
        target = _target_before_seller(text, trigger, target)
    if (
        target is not None
        and kind in ("investment", "capex_plan")
        and not _INTO.search(text, trigger.end, target.start)
    ):
        target = None
    if target is None and kind == "investment":
        target = _backed_company(text, mentions, trigger.start, subject_name)
    if target is None and kind == "acquisition":
        target = _seller(context, sentence, mentions, trigger.end, subject_name)
    spending = is_spending_verb(text[trigger.start : trigger.end]) or text[
        trigger.start : trigger.end
    ].lower().startswith("investment")
    if target is None and spending and kind in ("investment", "capex_plan"):
        return Parties(
            "capex_plan", subject_name, None, party_span(trigger, subject), 0.95, implicit="buyer"
        )
    if kind == "capex_plan":
        return None  # spending on a company is an investment only when it says so
    if target is None and kind == "settlement":
        # "agreed to pay £95m to settle claims by former staff": the payer alone is enough;
        # claimants are seldom a company.
        return Parties(kind, subject_name, None, party_span(trigger, subject), implicit="buyer")
    if target is None:
        return Parties(kind, subject_name, None, party_span(trigger, subject), 1.0, True)
    return Parties(
        kind, subject_name, target.name, party_span(trigger, subject, target), implicit="buyer"
    )


def _is_majority(stake_words: str) -> bool:
    found = _STAKE_PERCENT.search(stake_words)
    return found is not None and float(found.group(1)) > 50


def _lenders(
    text: str, trigger: Trigger, mentions: list[Mention], borrower: str | None
) -> list[Mention]:
    """ "$2.6 billion of committed debt from a group of banks led by X and Y": the banks
    named right after the loan lend it (banks are often brokers too)."""
    lead = _LENDER_LEAD.match(text, trigger.end)
    if lead is None:
        return []
    found: list[Mention] = []
    position = lead.end()
    for m in mentions:
        if m.start < position or m.name == borrower:
            continue
        # Only a list of names right after the lead: "from two banks to refinance X's
        # bonds" names the target, not a lender.
        if text[position : m.start].strip(" ,") not in _LIST_JOINERS:
            break
        found.append(m)
        position = m.end
    return found


def _target_before_seller(text: str, trigger: Trigger, found: Mention) -> Mention:
    """ "acquire Lakeshore Terminal from owner Bramwell Partners": the name before "from" is
    the target even when only the seller is a known company."""
    if _FROM_SELLER.search(text, trigger.end, found.start) is None:
        return found
    span = name_after(text, trigger.end)
    if span is None or span[1] > found.start:
        return found
    return Mention(span[0], span[1], text[span[0] : span[1]], False)


def _seller(
    context: ArticleContext,
    sentence: Sentence,
    mentions: list[Mention],
    position: int,
    exclude: str | None,
) -> Mention | None:
    """The company a unit or asset is bought from ("... from Kalinga Minerals for ...")."""
    text = sentence.text
    found = _FROM_SELLER.search(text, position, min(len(text), position + _SELLER_REACH))
    if found is None or any(ch in text[position : found.start()] for ch in ";:"):
        return None
    return object_after(context, sentence, mentions, found.end(), exclude)


def _backed_company(
    text: str, mentions: list[Mention], limit: int, subject: str | None
) -> Mention | None:
    """ "X is backing Y with a $250 million investment": Y receives the investment."""
    for m in mentions:
        if m.start < limit and m.name != subject and _BACKING.search(text, 0, m.start):
            return m
    return None


def _sale_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[Mention],
    seller: str | None,
) -> Parties | None:
    """ "X agreed to sell a 15% stake in the company to Y for ...": Y buys. A company selling
    a stake in itself issues shares: an investment by Y in X."""
    text = sentence.text
    to = _TO_BUYER.search(text, trigger.end, min(len(text), trigger.end + 80))
    buyer = object_after(context, sentence, mentions, to.end(), seller) if to else None
    own_shares = _SELF_STAKE.search(text, trigger.end) is not None
    kind = "investment" if own_shares else "divestment"
    if buyer is None:
        return Parties(kind, None, seller, party_span(trigger), 1.0, True)
    return Parties(
        kind, buyer.name, seller, party_span(trigger, buyer), 0.95, False, "counterparty"
    )

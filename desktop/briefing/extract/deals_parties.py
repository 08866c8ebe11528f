"""Who is on each side of a deal named in a sentence.

Roles follow the devset conventions: the buyer pays, invests or acquires; the
counterparty is the target, issuer, seller or partner. Buybacks, dividends and spending
programmes belong to the company alone; issuers of bonds and shares are counterparties;
a joint venture's buyer is its first-named partner; a services contract's buyer is the
customer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.deals_text import expand_acronym, name_after
from briefing.extract.deals_triggers import Trigger, is_spending_verb
from briefing.extract.vocab.deal_terms import (
    ISSUE_VERBS,
    SALE_VERBS,
    SELF_DEAL_TYPES,
)


@dataclass(frozen=True, slots=True)
class Parties:
    type: str  # the trigger's type, refined by the sentence ("invest" with no target: capex)
    buyer: str | None
    counterparty: str | None
    span: tuple[int, int]  # sentence offsets of the words naming the parties near the trigger
    confidence: float = 1.0
    incomplete: bool = False  # a needed party is missing: not a deal of its own
    # The role the article's primary company takes if no later sentence names it: the
    # sentence's implicit subject ("The convertible bond, issued on ...", "The company").
    implicit: str | None = None


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int  # sentence offsets
    end: int
    name: str
    is_broker: bool


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
_BACKING: Final = re.compile(
    r"\b(?:back(?:s|ed|ing)?|fund(?:s|ed|ing)?|bankroll(?:s|ed|ing)?|support(?:s|ed|ing)?)\s+"
    r"(?:[a-z][\w-]*\s+){0,5}$",
    re.IGNORECASE,
)
_INTO: Final = re.compile(r"\b(?:in|into)\b", re.IGNORECASE)
_ADD_PARTNER: Final = re.compile(
    r"\b(?:add(?:s|ed|ing)?|br(?:ing|ings|inging|ought) in|nam(?:e|es|ed|ing)|"
    r"welcom(?:e|es|ed|ing)|sign(?:s|ed|ing)? up) (?P<who>.{1,40}?) as (?:a |an |its |the )?",
    re.IGNORECASE,
)
_OBJECT_REACH: Final = 90
_SUBJECT_REACH: Final = 40  # a subject further back stays out of the quoted clause


def _mentions(sentence: Sentence) -> list[_Mention]:
    mentions: list[_Mention] = []
    for m in sentence.companies:
        start, end = sentence.relative(m.start), sentence.relative(m.end)
        if mentions and start < mentions[-1].end:
            continue
        mentions.append(_Mention(start, end, m.name, m.is_broker))
    return mentions


def _first(mentions: list[_Mention], exclude: str | None = None) -> _Mention | None:
    for prefer_company in (True, False):
        for m in mentions:
            if m.name != exclude and (not m.is_broker or not prefer_company):
                return m
    return None


def _article_names(context: ArticleContext) -> list[str]:
    names: dict[str, None] = {}
    for sentence in context.sentences:
        for m in sentence.companies:
            names.setdefault(m.text if hasattr(m, "text") else m.name, None)
            names.setdefault(m.name, None)
    return list(names)


def _object(
    context: ArticleContext,
    sentence: Sentence,
    mentions: list[_Mention],
    position: int,
    exclude: str | None,
) -> _Mention | None:
    """The company a deal word points at: the next name after it within the clause."""
    text = sentence.text
    limit = position + _OBJECT_REACH
    for m in mentions:
        if m.start >= position and m.start <= limit and m.name != exclude:
            if ";" in text[position : m.start]:
                return None
            return m
    span = name_after(text, position)
    if span is None:
        return None
    surface = text[span[0] : span[1]]
    expanded = expand_acronym(surface, _article_names(context))
    return _Mention(span[0], span[1], expanded or surface, False)


def _names(mentions: list[_Mention]) -> list[str]:
    seen: dict[str, None] = {}
    for m in mentions:
        if not m.is_broker:
            seen.setdefault(m.name, None)
    return list(seen)


def _span(trigger: Trigger, *mentions: _Mention | None) -> tuple[int, int]:
    """The trigger plus the party names close to it (worth quoting)."""
    start, end = trigger.start, trigger.end
    for m in mentions:
        if m is not None and -_SUBJECT_REACH < m.start - trigger.start < _OBJECT_REACH:
            start, end = min(start, m.start), max(end, m.end)
    return start, end


def find_parties(context: ArticleContext, sentence: Sentence, trigger: Trigger) -> Parties | None:
    """The parties of the deal named by ``trigger``; None when the sentence names no deal."""
    text = sentence.text
    mentions = _mentions(sentence)
    before = [m for m in mentions if m.end <= trigger.start]
    after = [m for m in mentions if m.start >= trigger.end]
    subject = _first(before)
    subject_name = subject.name if subject else None
    kind = trigger.type

    if kind in SELF_DEAL_TYPES:
        return Parties(kind, subject_name, None, _span(trigger, subject), implicit="buyer")

    if kind == "take_private":
        return _take_private_parties(trigger, mentions, subject_name)

    if kind == "ipo":
        return _ipo_parties(context, sentence, trigger, subject, after)

    if kind in ("convertible_bond", "financing"):
        if _INVEST_BEFORE.search(text, 0, trigger.start) and not _ISSUE_BEFORE.search(
            text, 0, trigger.start
        ):
            target = _object(context, sentence, mentions, trigger.end, subject_name)
            if target is None:
                target = _first(after, subject_name)
            return Parties(
                kind,
                subject_name,
                target.name if target else None,
                _span(trigger, subject, target),
                implicit="buyer",
            )
        return Parties(kind, None, subject_name, _span(trigger, subject), implicit="counterparty")

    if kind == "joint_venture":
        return _jv_parties(context, sentence, trigger, mentions, subject_name)

    if kind == "merger":
        names = _names(before) or ([subject_name] if subject_name else [])
        if len(names) < 2:
            target = _object(context, sentence, mentions, trigger.end, subject_name)
            if target is not None:
                names.append(target.name)
        if len(names) < 2:
            return Parties(kind, names[0] if names else None, None, _span(trigger), 1.0, True)
        return Parties(kind, names[0], names[1], _span(trigger, *before[:2]))

    if kind == "partnership":
        return _partnership_parties(context, sentence, trigger, mentions, subject_name)

    if kind == "commercial_agreement":
        return _contract_parties(context, sentence, trigger, mentions, subject_name)

    # acquisition, investment (incl. spending verbs), divestment, licensing, settlement
    if kind == "acquisition":
        stake = _STAKE_OBJECT.match(text, trigger.end)
        if stake is not None:  # "agreed to buy a 20% stake in X": a minority investment
            kind = "investment"
            trigger = Trigger(kind, trigger.start, stake.end(), trigger.confidence, 0)
    if kind in ("investment", "acquisition", "divestment") and _SALE_BEFORE.search(
        text, max(0, trigger.start - 40), trigger.start
    ):
        return _sale_parties(context, sentence, trigger, mentions, subject_name)
    if _BY_AFTER.match(text, trigger.end):
        buyer = _object(context, sentence, mentions, trigger.end + 3, subject_name)
        return Parties(
            kind,
            buyer.name if buyer else None,
            subject_name,
            _span(trigger, subject, buyer),
            1.0,
            buyer is None,
        )
    target = _object(context, sentence, mentions, trigger.end, subject_name)
    if (
        target is not None
        and kind in ("investment", "capex_plan")
        and not _INTO.search(text, trigger.end, target.start)
    ):
        target = None
    if target is None and kind == "investment":
        target = _backed_company(text, mentions, trigger.start, subject_name)
    spending = is_spending_verb(text[trigger.start : trigger.end]) or text[
        trigger.start : trigger.end
    ].lower().startswith("investment")
    if target is None and spending and kind in ("investment", "capex_plan"):
        return Parties(
            "capex_plan", subject_name, None, _span(trigger, subject), 0.95, implicit="buyer"
        )
    if kind == "capex_plan":
        return None  # spending on a company is an investment only when it says so
    if target is None:
        return Parties(kind, subject_name, None, _span(trigger, subject), 1.0, True)
    return Parties(
        kind, subject_name, target.name, _span(trigger, subject, target), implicit="buyer"
    )


def _backed_company(
    text: str, mentions: list[_Mention], limit: int, subject: str | None
) -> _Mention | None:
    """ "X is backing Y with a $250 million investment": Y receives the investment."""
    for m in mentions:
        if m.start < limit and m.name != subject and _BACKING.search(text, 0, m.start):
            return m
    return None


def _ipo_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    subject: _Mention | None,
    after: list[_Mention],
) -> Parties | None:
    text = sentence.text
    subject_name = subject.name if subject else None
    counted = _ANCHOR_COUNT.search(text)
    if counted is not None:
        return Parties(
            "ipo",
            counted.group("who"),
            subject_name,
            _span(trigger, subject),
            implicit="counterparty",
        )
    if _AS_ANCHOR.search(text):
        issuer = _first(after, subject_name)
        return Parties(
            "ipo",
            subject_name,
            issuer.name if issuer else None,
            _span(trigger, subject, issuer),
            implicit="buyer",
        )
    issuer = None
    if re.match(r"\s*of\b", text[trigger.end :]):
        issuer = _first([m for m in after if m.start - trigger.end < 40])
    if issuer is not None:
        return Parties("ipo", None, issuer.name, _span(trigger, issuer))
    return Parties("ipo", None, subject_name, _span(trigger, subject), implicit="counterparty")


def _jv_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[_Mention],
    subject_name: str | None,
) -> Parties | None:
    names = _names([m for m in mentions if m.end <= trigger.start])
    if subject_name and subject_name not in names:
        names.insert(0, subject_name)
    if len(names) < 2:
        names += [n for n in _names(mentions) if n not in names]
    if not names:
        return None
    counterparty = ", ".join(names[1:]) or None
    return Parties(
        "joint_venture", names[0], counterparty, _span(trigger), 1.0, counterparty is None
    )


def _partnership_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[_Mention],
    subject_name: str | None,
) -> Parties | None:
    text = sentence.text
    added = _ADD_PARTNER.search(text, 0, trigger.end)
    names = _names(mentions)
    if added is not None:
        partners = [m.name for m in mentions if added.start("who") <= m.start < added.end("who")]
        if partners:
            buyer = subject_name if subject_name not in partners else None
            return Parties("partnership", buyer, ", ".join(partners), _span(trigger))
    primary = context.primary_company
    if primary is not None and primary not in names:
        names.insert(0, primary)
    elif primary is not None:
        names.remove(primary)
        names.insert(0, primary)
    if len(names) < 2:
        return Parties("partnership", names[0] if names else None, None, _span(trigger), 1.0)
    return Parties("partnership", names[0], ", ".join(names[1:]), _span(trigger))


def _contract_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[_Mention],
    subject_name: str | None,
) -> Parties | None:
    text = sentence.text
    names = _names(mentions)
    # "X gains access to Y's cloud services", "X buys ... from Y": Y provides, X pays.
    for m in mentions:
        if _PROVIDER_ACCESS.search(text, max(0, m.start - 15), m.start):
            customer = next((n for n in names if n != m.name), None) or context.primary_company
            if customer == m.name:
                customer = None
            return Parties("commercial_agreement", customer, m.name, _span(trigger, m))
    subject_name = subject_name or context.primary_company
    target = _object(context, sentence, mentions, trigger.end, subject_name)
    if target is None:
        target = _first([m for m in mentions if m.name != subject_name])
    if _PROVIDER_VERBS.search(text, 0, trigger.start):
        return Parties(
            "commercial_agreement",
            target.name if target else None,
            subject_name,
            _span(trigger, target),
        )
    return Parties(
        "commercial_agreement",
        subject_name,
        target.name if target else None,
        _span(trigger, target),
        0.9,
    )


def _sale_parties(
    context: ArticleContext,
    sentence: Sentence,
    trigger: Trigger,
    mentions: list[_Mention],
    seller: str | None,
) -> Parties | None:
    """ "X agreed to sell a 15% stake in the company to Y for ...": Y buys. A company selling
    a stake in itself issues shares: an investment by Y in X."""
    text = sentence.text
    to = _TO_BUYER.search(text, trigger.end, min(len(text), trigger.end + 80))
    buyer = _object(context, sentence, mentions, to.end(), seller) if to else None
    own_shares = _SELF_STAKE.search(text, trigger.end) is not None
    kind = "investment" if own_shares else "divestment"
    if buyer is None:
        return Parties(kind, None, seller, _span(trigger), 1.0, True)
    return Parties(kind, buyer.name, seller, _span(trigger, buyer), 0.95, False, "counterparty")


def _take_private_parties(
    trigger: Trigger, mentions: list[_Mention], subject_name: str | None
) -> Parties | None:
    """Taking a company private together with a partner is a joint venture (buyer: the
    subject; counterparty: the partner, then the target); alone it is an acquisition."""
    targets = [m.name for m in mentions if trigger.start <= m.start < trigger.end]
    partners = [
        m.name
        for m in mentions
        if m.name not in (subject_name, *targets)
        and not m.is_broker
        and (m.end <= trigger.start or m.start >= trigger.end)
    ]
    if subject_name is None or not targets:
        return None
    if not partners:
        return Parties("acquisition", subject_name, targets[0], _span(trigger), 0.9)
    counterparty = ", ".join(dict.fromkeys([*partners, *targets]))
    return Parties("joint_venture", subject_name, counterparty, _span(trigger), 0.95)

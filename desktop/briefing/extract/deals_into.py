"""Investments stated with a money verb and "into": "Alibaba has agreed to put $250 million
into Meitu", "Kestrel poured EUR 40m into Varda". The amount is the verb's object, the
company right after "into" receives it and the sentence's subject pays.

"put pressure into margins" or "put the figure of $40 million into context" name no deal:
the verb needs an amount as its direct object and a company as the object of "into".

>>> s = "Kestrel will put $250 million into Lumio Inc."
>>> s[money_goes_into(s, s.index(" $"), s.index("$"), s.index(" into")) :]
'Lumio Inc.'
>>> money_goes_into("put the figure of $4m into context", 3, 18, 21) is None
True
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.context import ArticleContext, Sentence
from briefing.extract.deals_mentions import (
    Mention,
    Parties,
    first_company,
    object_after,
    party_span,
)
from briefing.extract.deals_triggers import Trigger
from briefing.extract.vocab.deal_terms import INTO_AMOUNT_LEADS, INTO_MONEY_NOUNS

_AMOUNT_LEAD: Final = re.compile(rf"\s*(?:(?:{INTO_AMOUNT_LEADS})\s+)*", re.IGNORECASE)
_INTO_AFTER_AMOUNT: Final = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?"
    rf"(?:(?:of|in) (?:new |fresh |additional |extra )?(?:{INTO_MONEY_NOUNS})\s+)?into\s+",
    re.IGNORECASE,
)
_INTO: Final = re.compile(r"\binto\s+", re.IGNORECASE)
# Between "into" and the company: articles, possessives and describing words ("its
# struggling unit", "Chinese imaging software maker"), never a preposition or a clause break
# ("into context against X's sales" names no investment in X).
_TARGET_GAP: Final = re.compile(
    r"(?:(?!(?:for|with|against|on|of|to|in|at|by|from|as|into|over|than|and|or)\b)"
    r"[\w'’-]+\s+){0,5}",
    re.IGNORECASE,
)
# "poured $2bn into Kestrel's shares": buying in the market, not an investment deal.
_MARKET_OBJECT: Final = re.compile(
    r"\s*(?:['’]s?\s+)?(?:shares|stock|bonds|equity|funds?|ETFs?)\b", re.IGNORECASE
)
# "It put $60m into X", "The group will pour ...": the primary company is the investor.
_PRONOUN_SUBJECT: Final = re.compile(
    r"\b(?:it|the (?:company|group|firm|conglomerate))\s+(?:[a-z][\w-]*\s+){0,4}$",
    re.IGNORECASE,
)


def money_goes_into(text: str, verb_end: int, amount_start: int, amount_end: int) -> int | None:
    """The offset after "into" when the amount at ``[amount_start, amount_end)`` is the
    direct object of the money verb ending at ``verb_end`` and "into" follows it; else None."""
    if amount_start < verb_end or _AMOUNT_LEAD.fullmatch(text, verb_end, amount_start) is None:
        return None
    into = _INTO_AFTER_AMOUNT.match(text, amount_end)
    return into.end() if into is not None else None


def _receiver(
    context: ArticleContext,
    sentence: Sentence,
    mentions: list[Mention],
    position: int,
    payer: str | None,
) -> Mention | None:
    text = sentence.text
    target = object_after(context, sentence, mentions, position, payer)
    if target is None or _TARGET_GAP.fullmatch(text, position, target.start) is None:
        return None
    if _MARKET_OBJECT.match(text, target.end):
        return None
    return target


def into_parties(
    context: ArticleContext, sentence: Sentence, trigger: Trigger, mentions: list[Mention]
) -> Parties | None:
    """The payer (the subject) and the company the money goes into; None when "into" is
    not followed by a company or no one is said to pay."""
    text = sentence.text
    into = _INTO.search(text, trigger.end)
    subject = first_company([m for m in mentions if m.end <= trigger.start])
    payer = subject.name if subject is not None else None
    target = _receiver(context, sentence, mentions, into.end(), payer) if into else None
    if target is None:
        return None
    implicit = None
    if subject is None:
        if _PRONOUN_SUBJECT.search(text, 0, trigger.start) is None:
            return None
        implicit = "buyer"
    return Parties(
        trigger.instrument or "investment",
        payer,
        target.name,
        party_span(trigger, subject, target),
        implicit=implicit,
    )

"""Rating issuers: a name the text shows issuing a rating or a price target on someone
else ("Kingsgate upgrades Brightwell", "was downgraded by Granite Peak Research",
"ICICI Securities retains ADD on ..."), whether or not the broker vocabulary knows it.

A vocabulary broker is an issuer next to any research word ("Morgan Stanley said",
"UBS analysts"); so is a name ending like a research house ("... Securities",
"... Capital"). Any other name needs a rating verb with a rating object after it, or
"by" in a rating clause before it: companies also "raise" and "maintain" guidance.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.extract.company_forms import CompanyMention
from briefing.extract.vocab.corporate import RATING_HOUSE_ENDINGS
from briefing.extract.vocab.view_terms import RATING_LABELS

__all__ = ["is_issuer", "is_issuer_name"]

_S: Final = r"[ \u00a0]+"
# Words after a broker's name that make it the rating issuer, not the subject.
_ISSUER_AFTER: Final = re.compile(
    r"(?:['’]s?)?[ \u00a0]*(?:\([^)]{1,20}\)[ \u00a0]*)?"
    r"(?:also[ \u00a0]+|has[ \u00a0]+|now[ \u00a0]+)?"
    r"(?:analysts?|upgrade[sd]?|downgrade[sd]?|reiterate[sd]?|reaffirm(?:s|ed)?|raise[sd]|"
    r"cut|cuts|lower(?:s|ed)|initiate[sd]?|maintain(?:s|ed)|retain(?:s|ed)?|keeps|kept|"
    r"rate[sd]?|says|said|expects|predicts|estimates|forecasts|sees|released|research|note|"
    r"report|(?:new|updated)[ \u00a0]+price[ \u00a0]+target|price[ \u00a0]+target|target|"
    r"continues|warned|highlighted|reassessed)\b|:",
)
_ISSUER_BEFORE: Final = re.compile(
    r"(?:analysts?[ \u00a0]+(?:at|from)|by|from|according[ \u00a0]+to|per)[ \u00a0]+$"
)
_LABELS: Final = "|".join(
    sorted((re.escape(label) for label in RATING_LABELS), key=len, reverse=True)
)
# A rating verb and what it acts on, for names outside the broker vocabulary: a rated
# name, the stock, a rating ("its ADD rating", "to 'hold'"), coverage or a target.
_RATING_ACT: Final = re.compile(
    rf"(?:[ \u00a0]*\([^)]{{1,20}}\))?{_S}(?:(?:also|has|have|now|on{_S}\w+day){_S})?"
    r"(?:(?:upgrade[sd]?|downgrade[sd]?)"
    rf"{_S}(?:[A-Z]|the{_S}(?:stock|shares)|shares|its{_S}(?:rating|recommendation|call))"
    r"|(?:reiterate[sd]?|reaffirm(?:s|ed)?|retain(?:s|ed)?|maintain(?:s|ed)?|keeps|kept"
    r"|initiate[sd]?|resume[sd]?|rate[sd]?|assign(?:s|ed)?|upgrade[sd]?|downgrade[sd]?)"
    rf"[^.;\n]{{0,48}}?(?:\b(?:rating|coverage|recommendation|call)\b"
    rf"|[\"“'‘](?i:{_LABELS})[\"”'’]|\bto{_S}(?i:{_LABELS})\b"
    r"|\b(?:BUY|ADD|HOLD|SELL|REDUCE|ACCUMULATE|NEUTRAL|OUTPERFORM|UNDERPERFORM|OVERWEIGHT"
    r"|UNDERWEIGHT)\b)"
    r"|(?:cut|cuts|raise[sd]|lift(?:s|ed)?|lower(?:s|ed)?|trim(?:s|med)?|boost(?:s|ed)?)"
    rf"{_S}(?:(?:its|the|their){_S})?(?:price{_S})?target"
    rf"|sees{_S}(?:an?{_S})?(?:about{_S}|around{_S})?\d[\d.,]*[ \u00a0]?(?:%|per{_S}cent)"
    rf"{_S}(?:upside|downside))"
)
# "upgraded ... by X": a rating clause before "by".
_RATED_BY: Final = re.compile(
    r"(?:upgrad|downgrad|rated|initiated|reiterated|target|coverage)[^.;\n]{0,80}"
    r"\bby[ \u00a0]+$"
)
_ANALYSTS_AT: Final = re.compile(r"analysts?[ \u00a0]+(?:at|from|with)[ \u00a0]+$")


def is_issuer_name(name: str) -> bool:
    """Whether a name ends like a research house's ("Kingsgate Capital").

    >>> is_issuer_name("Granite Peak Research"), is_issuer_name("Harlow Financial")
    (True, False)
    """
    return " " in name and name.rsplit(" ", 1)[1] in RATING_HOUSE_ENDINGS


def is_issuer(text: str, mention: CompanyMention) -> bool:
    """Whether ``mention`` issues a rating or target in ``text`` rather than being rated.

    >>> text = "Kingsgate upgrades Brightwell; Brightwell raised its guidance."
    >>> [is_issuer(text, CompanyMention(s, e, text[s:e], text[s:e])) for s, e in
    ...  ((0, 9), (19, 29), (31, 41))]
    [True, False, False]
    """
    start, end = mention.start, mention.end
    if mention.is_broker or is_issuer_name(mention.name):
        if _ISSUER_AFTER.match(text, end) is not None:
            return True
        return _ISSUER_BEFORE.search(text, max(0, start - 24), start) is not None
    if _RATING_ACT.match(text, end) is not None:
        return True
    if _ANALYSTS_AT.search(text, max(0, start - 16), start) is not None:
        return True
    return (
        text[start - 3 : start - 1] == "by"
        and _RATED_BY.search(text, max(0, start - 100), start) is not None
    )

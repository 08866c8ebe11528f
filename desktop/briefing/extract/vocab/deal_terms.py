"""Words around deals: their parties, roles, references and terms (data only).

The words that name deals themselves are in ``deal_trigger_words``.
"""

from __future__ import annotations

from typing import Final

# What a customer buys under a supply or services contract ("buy cloud services from X",
# "purchase 40 aircraft", "buy power from the plant"): goods, not a company or a stake.
PURCHASED_GOODS: Final = (
    r"services|products|capacity|supplies|equipment|components|chips|semiconductors|power"
    r"|electricity|energy|gas|LNG|fuel|crude|ore|coal|aircraft|jets|planes|vessels|ships"
    r"|vehicles|trucks|buses|locomotives|railcars|turbines|batteries|cells|modules|panels"
    r"|software|licen[cs]es|compute|computing|servers|GPUs|materials|ingredients|medicines"
    r"|vaccines|doses|volumes|cargoes|offtake"
)
# Words after a goods noun that make it a business ("the chips business"): then a company.
GOODS_AS_BUSINESS: Final = (
    r"business(?:es)?|units?|divisions?|arms?|makers?|producers?|manufacturers?|operations?"
    r"|assets|compan(?:y|ies)|firms?|group|plants?|subsidiar(?:y|ies)|provider|developer|segment"
)

# Verbs after which a stake changes hands from the subject to someone else.
SALE_VERBS: Final = r"sell(?:s|ing)?|sold|offload(?:s|ed|ing)?|divest(?:s|ed|ing)?"

# Spending verbs that make an amount a programme of the subject when no company is its target.
SPENDING_VERBS: Final = r"invest(?:s|ed|ing)?|spend(?:s)?|spent|pour(?:s|ing)?"

# Money verbs whose amount goes "into" a company ("put $250 million into Meitu", "pour EUR 40m
# into X", "injected $1.2bn into its unit Y"): an investment by the subject in that company.
# "invest" is a deal word of its own and is not repeated here.
INTO_MONEY_VERBS: Final = (
    r"put(?:s|ting)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|plough(?:s|ed|ing)?|plow(?:s|ed|ing)?"
    r"|sink(?:s|ing)?|sank|sunk|pump(?:s|ed|ing)?"
)
# Words between such a verb and its amount: hedges and "another", never a noun ("put the
# figure of $40 million into context" states no investment).
INTO_AMOUNT_LEADS: Final = (
    r"another|a further|an additional|an extra|a total of|a combined|some|about|around"
    r"|roughly|nearly|almost|over|more than|up to|as much as|at least|fresh|new"
)
# Words between the amount and "into": what the money is ("$250m of new capital into X").
INTO_MONEY_NOUNS: Final = r"money|capital|cash|funding|funds|equity|investment"
# Words that say how an investment is made ("through a convertible bond", "via notes"): the
# instrument named after them is the deal's type, not a deal of its own.
INSTRUMENT_LEADS: Final = r"through|via|by way of|in the form of|by subscribing to|by buying|using"

# Verbs that say the subject issues an instrument (so the subject is the issuer).
ISSUE_VERBS: Final = (
    r"issu(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|sell(?:s|ing)?|sold|offer(?:s|ed|ing)?|"
    r"plac(?:e|es|ed|ing)|price[sd]?|pricing|launch(?:es|ed|ing)?|tap(?:s|ped)?"
)

# Words that say the deal did not happen or was refused: such clauses give no deal.
NEGATIONS: Final = (
    r"reject(?:s|ed|ing)?",
    r"rebuff(?:s|ed)?",
    r"turn(?:s|ed)? down",
    r"declin(?:e|es|ed) (?:an?|the)",
    r"abandon(?:s|ed)?",
    r"scrap(?:s|ped)?",
    r"call(?:s|ed)? off",
    r"walk(?:s|ed)? away",
    r"withdr[ae]w",
    r"block(?:s|ed)",
    r"collapsed",
    r"rumou?r(?:s|ed)?",
)

# A definite reference back to a deal already named ("the JV", "the agreement").
DEAL_REFERENCE_NOUNS: Final = (
    r"JV",
    r"joint venture",
    r"venture",
    r"deal",
    r"transaction",
    r"agreement",
    r"acquisition",
    r"merger",
    r"offer",
    r"offering",
    r"IPO",
    r"listing",
    r"(?:convertible )?bonds?",
    r"notes?",
    r"buyback",
    r"repurchase",
    r"programme",
    r"program",
    r"investment",
    r"issue",
)
# A literal part (lower case) of every reference noun above: a sentence holding none of them
# refers back to no deal, so the reference pattern need not be tried on it.
DEAL_REFERENCE_STEMS: Final = (
    "jv",
    "venture",
    "deal",
    "transaction",
    "agreement",
    "acquisition",
    "merger",
    "offer",
    "ipo",
    "listing",
    "bond",
    "note",
    "buyback",
    "repurchase",
    "program",
    "investment",
    "issue",
)

# Which drafts a reference noun may point at (None: any).
REFERENCE_TYPES: Final[dict[str, frozenset[str] | None]] = {
    "jv": frozenset({"joint_venture"}),
    "joint venture": frozenset({"joint_venture"}),
    "venture": frozenset({"joint_venture"}),
    "ipo": frozenset({"ipo"}),
    "listing": frozenset({"ipo"}),
    "buyback": frozenset({"buyback"}),
    "repurchase": frozenset({"buyback"}),
    "merger": frozenset({"merger"}),
    "acquisition": frozenset({"acquisition", "investment"}),
    "bond": frozenset({"financing", "convertible_bond"}),
    "bonds": frozenset({"financing", "convertible_bond"}),
    "convertible bond": frozenset({"convertible_bond", "investment"}),
    "convertible bonds": frozenset({"convertible_bond", "investment"}),
    "note": frozenset({"financing", "convertible_bond"}),
    "notes": frozenset({"financing", "convertible_bond"}),
}

# A later, more specific name of the same deal ("a $250m investment ... The convertible bond").
TYPE_REFINEMENTS: Final = frozenset(
    {
        ("investment", "convertible_bond"),
        ("financing", "convertible_bond"),
        ("investment", "ipo"),
        ("acquisition", "merger"),
    }
)

# Deal types whose buyer is the company acting alone (it pays; no counterparty).
SELF_DEAL_TYPES: Final = frozenset({"buyback", "dividend", "capex_plan"})
# Deal types where the acting company issues and investors pay.
ISSUER_DEAL_TYPES: Final = frozenset({"financing", "convertible_bond", "ipo"})

# Spoken numbers in durations ("three-year agreement", "over the next five years").
NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}

# Nationality and country words that describe the company named after them ("Korean studio
# Hanbit Pictures", "Germany's Kessling AG"): a regex fragment.
NATIONALITIES: Final = (
    r"[A-Z][a-z]+(?:an|ian|ese|ish|ch|i)|Swiss|Thai|Greek|Germany|Japan|China|France|Britain"
    r"|Korea|India|Italy|Spain|Canada|Australia|Sweden|Norway|Denmark|Finland|Switzerland"
)

# Words between a descriptor and a name that are never part of a company name.
NAME_FILLERS: Final = frozenset(
    {"a", "an", "the", "its", "their", "of", "in", "into", "to", "for", "with", "from", "by"}
)

# Capitalised words that are never the company a deal word points at.
NOT_NAMES: Final = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Today", "Tomorrow", "Yesterday", "U.S", "U.K", "Q1", "Q2", "Q3",
    "Q4", "H1", "H2", "FY", "GMT", "EST", "CET",
})  # fmt: skip

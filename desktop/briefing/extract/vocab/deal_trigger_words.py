"""Words that name deals, by deal type (data only).

Each entry of ``TRIGGERS_BY_TYPE`` is a regular-expression fragment, matched
case-insensitively on word boundaries; ``deals_triggers`` compiles them once. Order inside
``TRIGGERS_BY_TYPE`` is the order in which triggers claim the amounts of a sentence: a
specific instrument ("convertible bonds") before a generic one ("bonds"). ``TRIGGER_STEMS``
are the cheap literal gates: a type's fragments are only tried on a sentence holding one of
its stems.
"""

from __future__ import annotations

from typing import Final

# What a company sells when it divests ("its veterinary-testing unit", "the Irish business").
DIVESTED_THINGS: Final = (
    r"(?:units?|business(?:es)?|divisions?|operations?|subsidiar(?:y|ies)|arms?|brands?|assets?"
    r"|portfolios?|plants?|factor(?:y|ies)|mines?|stakes?|holdings?|interests?|networks?)\b"
)

# A venture or growth equity round; its investors follow "led by".
FUNDING_ROUND: Final = (
    r"(?:(?-i:Series [A-H])|seed|pre-IPO|growth|funding|financing|equity|venture)"
    r"(?: (?:funding|financing|investment|equity))? rounds?"
    r"|(?-i:Series [A-H])(?: (?:funding|financing|investment|extension))?"
)

# (deal type, trigger fragments, confidence of an item found through them)
TRIGGERS_BY_TYPE: Final[tuple[tuple[str, tuple[str, ...], float], ...]] = (
    (
        "convertible_bond",
        (
            # "non-convertible debentures" are plain debt (financing).
            r"(?<!non-)(?<!non )convertible (?:senior |zero-coupon |unsecured )?"
            r"(?:bonds?|notes?|debentures?|loans?)",
            r"exchangeable (?:bonds?|notes?)",
        ),
        0.85,
    ),
    (
        "ipo",
        (
            r"initial public offerings?",
            r"ipos?",
            r"anchor (?:investors?|book|portion|round)",
            r"cornerstone (?:investors?|investments?|tranche)",
            r"public (?:issue|offer|offering)",
            r"(?:stock market |share |stock exchange |public |market )?(?:listing|debut)",
            r"(?:due|set|scheduled|expected|plans?|planning|aims?|poised) to (?:list|debut)",
            r"go(?:es|ing)? public",
        ),
        0.8,
    ),
    ("joint_venture", (r"joint[- ]ventures?", r"(?-i:JVs?)"), 0.8),
    ("merger", (r"merg(?:er|ers|e|es|ed|ing)", r"business combination"), 0.85),
    (
        "buyback",
        (
            # "a $5 billion share-repurchase authorization": the hyphen joins the amount.
            r"(?:share[ -]|stock[ -])?buy-?backs?",
            r"(?:share[ -]|stock[ -])?repurchases?",
            r"repurchas(?:e|es|ed|ing)",
            r"buy(?:ing|s)? back",
            r"bought back",
            # Canada's buyback programme.
            r"normal[- ]course issuer bids?",
        ),
        0.85,
    ),
    (
        "dividend",
        (
            r"(?:special |interim |final |quarterly |annual |extra )?dividends?",
            # Brazil's "juros sobre capital proprio", paid like a dividend.
            r"interest on (?:own )?(?:capital|equity)",
        ),
        0.8,
    ),
    (
        "capex_plan",
        (
            r"capital (?:expenditure|spending|investment)s? (?:plan|programme|program|budget)",
            r"capex (?:plan|programme|program|budget)",
            r"investment (?:plan|programme|program)",
            # "the board approved a capex of Rs 2,400 crore over three years": a decided
            # programme, not a reported period figure.
            r"(?:approv|sanction|announc|unveil|earmark)\w* (?:an? |the )?(?:total )?"
            r"(?:capex|capital expenditure|capital spending)(?= (?:of|worth)\b)",
            # "set aside NT$25 billion for a three-year capacity expansion".
            r"(?:set(?:s|ting)? aside|earmark(?:s|ed|ing)?|allocat(?:e|es|ed|ing))"
            r"(?=[^.;]{0,40}\bfor (?:an? |the |its )?(?:[\w-]+ ){0,3}(?:capacity|expansion"
            r"|capital expenditure|capex|new (?:plants?|factor(?:y|ies)|production lines)))",
        ),
        0.75,
    ),
    (
        "acquisition",
        (
            r"acquir(?:e|es|ed|ing)",
            r"acquisitions?",
            r"takeovers?",
            r"tak(?:e|es|ing) over",
            r"took over",
            r"buy-?outs?",
            r"purchase of",
            # "launched a tender offer for all of X's shares at $61 a share".
            r"tender offers?",
            r"(?-i:(?:to|will|would|agreed to|agrees to|plans to|deal to|offer to) buy)",
            r"(?-i:bought|buys)",
        ),
        0.8,
    ),
    (
        "investment",
        (
            # A start-up's equity round: "a $210 million Series C funding round led by X".
            FUNDING_ROUND,
            r"invest(?:s|ed|ing|ment|ments)?",
            r"stakes?",
            r"capital (?:infusion|injection)",
            r"subscri(?:be|bes|bed|bing|ption) (?:to|for)",
        ),
        0.75,
    ),
    (
        "divestment",
        (
            r"divest(?:s|ed|ing|ment|iture)?",
            r"dispos(?:e|es|ed|al) of",
            r"sale of",
            # "agreed to sell its veterinary unit to X for $1bn": the seller is the subject.
            r"(?:(?:to|will|would|agreed to|agrees to|plans to|deal to|offer to) sell|sells|sold)"
            r" (?:its|the|their|a|an) (?:[\w-]+ ){0,3}?" + DIVESTED_THINGS,
        ),
        0.7,
    ),
    (
        "financing",
        (
            r"(?:senior |unsecured |secured |green |benchmark |[a-z0-9]+-year )?"
            r"(?:bonds?|notes? offering|notes? issue|debentures?|loans?|tranches?"
            r"|credit (?:facility|facilities|line)|debt (?:offering|issue|sale))",
            r"(?:senior|unsecured|secured|subordinated|guaranteed|green|hybrid|perpetual) notes",
            # Equity raised from investors by the company: placements and rights issues.
            r"(?:qualified institutional |(?:fully )?(?:underwritten )?institutional |private "
            r"|share |equity |top-up )placements?",
            # Australia's retail offer beside a placement.
            r"share purchase plans?",
            r"sukuks?",
            r"(?:top-up )?placing (?:of )?(?:up to )?(?:[\d.,]+ (?:million |billion |crore )?)?"
            r"(?:new |fresh )?(?:shares|stock)",
            r"rights (?:issue|offering)s?",
            r"(?-i:QIPs?)",
            # Committed acquisition debt: "$2.6 billion of committed debt from a group of banks".
            r"(?:committed |bridge |acquisition |new )?(?:debt|financing)"
            r" (?:package|facilit(?:y|ies)|commitments?)",
            r"committed (?:debt|financing)",
        ),
        0.75,
    ),
    (
        "licensing",
        (
            r"licen[cs](?:e|ing) (?:agreement|deal|pact)s?",
            r"royalt(?:y|ies) (?:agreement|deal)",
            r"(?:exclusive |global |worldwide |commercial )?(?:licen[cs]es?|rights) to"
            r" (?:develop|sell|commerciali[sz]e|market|manufacture|distribute|make|use)",
            # "has licensed global rights to X's drug", "granted Y rights to an antibody".
            r"(?:in-?)?licen[cs](?:ed|es|ing) (?:the )?(?:exclusive |global |worldwide |commercial"
            # Only in-licensing of another party's asset ("rights to X's candidate"); "licensed
            # rights to its drug to Y" (out-licensing) is left to the other patterns.
            r" |ex-\w+ |regional )*rights(?= (?:to|for) [^.;]{1,40}?['’]s\b)",
            r"grant(?:s|ed|ing)? (?:[A-Z][\w.&-]* ){1,4}(?:exclusive |global |worldwide )?"
            r"rights to",
            # Out-licensing: "licensed rights to its kidney drug to Otsuka" (the grantee pays).
            r"(?:out-?)?licen[cs](?:ed|es|ing) (?:the )?(?:exclusive |global |worldwide |commercial"
            r" |ex-\w+ |regional )*rights (?:to|for|in) (?:its|their|our)\b",
        ),
        0.7,
    ),
    (
        "settlement",
        (
            r"settlements?",
            r"to settle",
            # "settled the lawsuit for $40 million", "settled claims with regulators".
            r"settl(?:ed|es|ing)(?= (?:a |the |its |their |all )?(?:[\w-]+ ){0,3}?(?:claims?"
            r"|charges|allegations|lawsuits?|suits?|litigation|disputes?|cases?|probes?"
            r"|investigations?|actions?)\b)",
        ),
        0.65,
    ),
    (
        "commercial_agreement",
        (
            r"(?:supply|services?|purchase|procurement|sales|distribution|framework|commercial"
            r"|outsourcing|cloud|[a-z0-9]+-year) (?:agreement|contract|deal)s?",
            r"(?:a|an|new) contract",
            # "won a framework order from Deutsche Bahn worth up to EUR 1bn".
            r"(?:framework|supply|follow-on|repeat|record|major|large) orders?",
            r"(?:an?|new) orders? (?=worth|valued|from)",
            r"contracts? (?=worth|valued|with|from)",
            r"agreements? (?=valued|worth)",
        ),
        0.75,
    ),
    (
        "partnership",
        (
            r"partnerships?",
            r"alliances?",
            r"partner(?:s|ed|ing)? with",
            r"(?:new|equal|strategic|long-term) partner",
            r"as (?:a|an|its|the) (?:[\w-]+ ){0,2}partners?",
            r"strategic (?:cooperation|collaboration)",
            # "unveiled a research collaboration with X": an alliance without a price.
            r"(?:research|development|R&D|drug[- ]discovery|discovery|scientific|clinical"
            r"|technology|co-development) (?:collaborations?|cooperation)",
        ),
        0.7,
    ),
)

# Lower-case stems that every trigger of a type contains: a sentence without any of a
# type's stems is not searched for that type (the full patterns are costly to run).
TRIGGER_STEMS: Final[dict[str, tuple[str, ...]]] = {
    "convertible_bond": ("convertible", "exchangeable"),
    "ipo": ("ipo", "offering", "anchor", "cornerstone", "public", "listing", "debut", "to list"),
    "joint_venture": ("joint", "jv"),
    "merger": ("merg", "combination"),
    "buyback": ("buy", "repurchas", "bought back", "issuer bid"),
    "dividend": ("dividend", "interest on"),
    "capex_plan": (
        "plan",
        "programme",
        "program",
        "budget",
        "aside",
        "earmark",
        "allocat",
        "capex",
        "capital expenditure",
        "capital spending",
    ),
    "acquisition": (
        "acqui",
        "takeover",
        "take over",
        "takes over",
        "took over",
        "buy",
        "bought",
        "purchase of",
        "tender offer",
    ),
    "investment": ("invest", "stake", "capital", "subscri", "round", "series "),
    "divestment": ("divest", "dispos", "sale of", "sell", "sold"),
    "financing": (
        "bond",
        "note",
        "debenture",
        "loan",
        "tranche",
        "credit",
        "debt",
        "placement",
        "placing",
        "rights",
        "qip",
        "purchase plan",
        "sukuk",
        "financing",
    ),
    "licensing": ("licen", "royalt", "rights"),
    "settlement": ("settle",),
    "commercial_agreement": ("agreement", "contract", "deal", "order"),
    "partnership": ("partner", "allian", "cooperation", "collaboration"),
}

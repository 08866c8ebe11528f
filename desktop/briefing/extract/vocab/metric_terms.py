"""Words of the metrics extractor (data only).

``METRIC_TERMS`` maps the article's wording of a figure to a contract metric name; the
patterns are regex fragments, matched case-insensitively on word boundaries, longest
first, so "EBITDA margin" wins over "EBITDA" and "same-store sales" over "sales".
"""

from __future__ import annotations

from typing import Final

# Hedges before a stated headcount ("employs approximately 4,600 people").
_HEDGE: Final = (
    r"(?:about |around |roughly |some |nearly |more than |over |almost |approximately "
    r"|close to )?"
)

# (pattern, metric name). A name of "other" keeps the article's wording as raw_name.
METRIC_TERMS: Final[tuple[tuple[str, str], ...]] = (
    # Figures that look like a scored metric but are not one: matched first, kept as other.
    (r"same[- ]store sales", "other"),
    (r"comparable(?:[- ]store)? sales", "other"),
    (r"like[- ]for[- ]like sales", "other"),
    (r"annuali[sz]ed (?:sales|revenues?)", "other"),
    (r"(?:annual )?(?:revenue )?run[- ]rate", "other"),
    (r"sales mix", "other"),
    (r"sales volumes?|volume sales", "other"),
    (r"profit before (?:income )?tax(?:es|ation)?", "other"),
    (r"pre-?tax profits?", "other"),
    (r"cash balance", "other"),
    (r"dividends? per share", "other"),
    # SaaS and subscription ratios: recurring revenue and retention are not the period's revenue.
    (r"(?:annual(?:i[sz]ed)? )?recurring revenues?|(?-i:ARR)", "other"),
    (r"(?:dollar-based )?net (?:revenue|dollar|expansion) retention(?: rate)?", "other"),
    # "EBITDA per tonne", "cost per available seat mile": a unit ratio, not the measure.
    (
        r"(?:ebitda|ebit|(?:operating |gross )?profits?|margins?|costs?) per "
        r"(?!(?:diluted |basic )?(?:shares?|ads)\b)[a-z]+",
        "other",
    ),
    # A spending programme is a deal (capex plan), not the period's capital expenditure.
    (r"capital (?:expenditure|spending|investment) (?:plans?|programmes?|programs?)", "other"),
    # "freight revenue per carload", "average revenue per user": a ratio, not the revenue.
    (r"(?:average )?(?:revenues?|sales) per (?!(?:diluted |basic )?shares?\b)[a-z]+", "other"),
    # Margins before their profit measures.
    (r"(?:adjusted |underlying )?ebitda margins?", "ebitda_margin"),
    (r"gross (?:profit )?margins?", "gross_margin"),
    (
        r"(?:adjusted |underlying |operational )?(?:operating|ebita?|operating profit) margins?",
        "operating_margin",
    ),
    (r"adjusted ebitda", "ebitda"),
    (r"ebitda", "ebitda"),
    (r"ebita?", "ebit"),
    (r"gross profits?", "gross_profit"),
    # "adjusted earnings of C$1.86 a share": earnings per share with the amount between.
    (
        r"(?:(?:adjusted|underlying|core|diluted|headline) )?earnings(?= of (?:an? )?\S{0,4}"
        r"\d[\d.,]*(?: ?cents| ?pence|p| yen)? (?:per|a) (?:diluted )?share)",
        "eps",
    ),
    (
        r"(?:underlying|adjusted|core|non-gaap) (?:net )?(?:earnings|profits?|net income)"
        r"(?! per share)",
        "adjusted_earnings",
    ),
    (
        r"(?:operating|industrial|segment) (?:profits?|income|earnings|loss(?:es)?)",
        "operating_income",
    ),
    (r"profits? from operations", "operating_income"),
    # "net loss per share of $(0.09)": the per-share figure, before the net result.
    (r"net (?:income|loss|earnings|profit) per (?:diluted |basic )?share", "eps"),
    (r"net (?:profits?|income|earnings|loss(?:es)?)", "net_income"),
    # India's "profit after tax (PAT)"; the abbreviation only in capitals.
    (r"profits? after tax(?:ation)?|(?-i:PAT)", "net_income"),
    (
        r"profits? attributable to (?:owners of the parent|(?:the )?(?:company's )?"
        r"(?:share|equity ?)holders)",
        "net_income",
    ),
    (
        r"(?:adjusted |underlying |core |headline )?(?:diluted |basic )?(?:earnings per share|eps)",
        "eps",
    ),
    # "Corvane earned 64 cents per share": earnings per share stated as a verb.
    (
        r"(?:earn(?:ed|s)|lost)(?= (?:an? )?(?:adjusted )?\S{0,4}\d[\d.,]*"
        r"(?: ?cents| ?pence|p| yen)? (?:per|a) (?:diluted )?share)",
        "eps",
    ),
    # "Delmar said it earned $212 million, or 98 cents a share": the net result as a verb.
    (
        r"earn(?:ed|s)(?= (?:an? )?\S{0,4}\d[\d.,]*\s?(?:million|billion|mn|bn|m)\b,? or )",
        "net_income",
    ),
    (r"free cash[- ]flows?", "free_cash_flow"),
    (r"fcf", "free_cash_flow"),
    (r"(?:operating cash[- ]flows?|cash[- ]flows? from operations)", "operating_cash_flow"),
    (r"capital (?:expenditures?|spending)", "capex"),
    (r"capex", "capex"),
    (r"net cash(?: position)?", "net_cash"),
    (r"(?:net|total) debt", "debt"),
    (r"market (?:share|penetration)", "market_share"),
    (r"share of the (?:[\w-]+ ){0,3}?(?:market|business|industry)", "market_share"),
    (
        r"(?:its|their) (?:market )?share(?= (?:is|was|stands|stood|of|at|reached|rose|fell|grew))",
        "market_share",
    ),
    (r"market (?:capitali[sz]ation|cap|value)", "market_cap"),
    # "Shares rose 2.6%, valuing the company at about £1.7bn" (not in deal sentences).
    (
        r"valu(?:ing|es|ed) (?:the (?:company|group|firm|business|bank|lender|retailer)|it) at",
        "market_cap",
    ),
    (r"headcount|workforce|number of employees|staff numbers", "headcount"),
    # "employs about 31,000 people": the verb names the headcount.
    (
        r"employ(?:s|ed|ing)(?= "
        + _HEDGE
        + r"\d[\d,.]*(?: million| thousand)? (?:people|staff|employees|workers))",
        "headcount",
    ),
    # "The group had 28,400 employees": a headcount stated with "had".
    (
        r"ha(?:d|s|ve)(?= "
        + _HEDGE
        + r"\d[\d,.]*(?: million| thousand)? (?:employees|staff|workers))",
        "headcount",
    ),
    (r"(?:monthly |daily )?active users", "users"),
    (r"subscriber base|subscribers", "subscribers"),
    (r"order backlog|backlog|order book", "backlog"),
    (r"order intake|orders received|order inflow|(?:new )?orders|bookings", "orders"),
    (r"revenues?(?: from operations)?|net sales|sales|turnover|top[- ]line", "revenue"),
)

# The first three letters of every wording above, lower-cased: a word starting otherwise
# cannot start a metric wording, so the full pattern is only tried at these words.
TERM_PREFIXES: Final = frozenset(
    {
        "sam", "com", "lik", "ann", "rev", "run", "sal", "pro", "pre", "cas", "div", "ebi",
        "gro", "ope", "adj", "und", "cor", "non", "ind", "seg", "net", "dil", "bas", "ear",
        "eps", "fre", "fcf", "cap", "tot", "mar", "sha", "its", "the", "hea", "wor", "num",
        "sta", "mon", "dai", "act", "sub", "ord", "bac", "new", "tur", "top", "vol", "emp",
        "los", "boo", "val", "ave", "had", "has", "hav", "rec", "arr", "dol", "pat",
        "cos",
    }
)  # fmt: skip

# Verbs that state revenue for the subject ("IDG brought in $13.8 billion").
REVENUE_VERBS: Final = r"brought in|bringing in|flowed in|raked in|raking in|took in|pulled in"
# A bare "profit" (any basis, "HKFRS profit") is the bottom line; weaker than "net profit".
BARE_PROFIT: Final = r"profits?(?! (?:before|margin|warning|forecast|target|outlook|guidance))"
# A bare "growth of 25%" for a business with no named figure: the article means its sales.
BARE_GROWTH: Final = r"growth"
# A loss stated as a verb ("Other Bets lost $1.02 billion").
LOSS_VERBS: Final = r"lost|losing"

# Metrics whose values are percentages rather than amounts.
PERCENT_METRICS: Final = frozenset(
    {"gross_margin", "ebitda_margin", "operating_margin", "market_share"}
)
# Metrics that count things rather than money.
COUNT_METRICS: Final = frozenset({"headcount", "users", "subscribers"})
# Names that become guidance when the company states them as an expectation.
GUIDANCE_NAMES: Final = {"revenue": "guidance_revenue", "eps": "guidance_eps"}

RISE_WORDS: Final = (
    r"rose|rise|rising|risen|up|increased?|increasing|increases|grew|grow|growing|growth|"
    r"jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|gain(?:ed|s|ing)?|surg(?:ed|e|es|ing)|"
    r"soar(?:ed|s|ing)?|improv(?:ed|e|es|ing)|expand(?:ed|s|ing)?|higher|hik(?:ed|es|ing)|"
    r"advanc(?:ed|e|es|ing)|added|boost(?:ed)?|spik(?:ed|e)|rebound(?:ed)?|more"
)
FALL_WORDS: Final = (
    r"fell|fall(?:ing|s)?|down|declin(?:ed|e|es|ing)|drop(?:ped|s|ping)?|"
    r"decreas(?:ed|e|es|ing)|plummet(?:ed|s|ing)?|collaps(?:ed|e|es|ing)|"
    r"slump(?:ed|s|ing)?|dip(?:ped|s)?|lower|shr[aiu]nk|shrinking|sl[iu]d|slides?|"
    r"tumbl(?:ed|e|es|ing)|s[au]nk|sinking|contract(?:ed|ing)|plung(?:ed|e|es|ing)|"
    r"slipp?(?:ed)?|eas(?:ed|ing)|weaken(?:ed)?|less|lost|negative"
)

# Cues that a money amount is the comparison base ("from", "compared to", "year-ago").
PREVIOUS_BEFORE: Final = (
    r"(?:from|compared (?:to|with)|as against|against|versus|vs\.?|(?:narrower|wider) than|"
    r"(?:growth|increase|rise|gain|jump|decline|drop|fall|%|percent|per cent|up|down)\s+over|"
    r"(?:double|doubled|triple|tripled|twice|half|quadruple)\s+(?:the|its|that)|"
    r"year-ago|a year ago|previous(?:ly)?(?:[- ]\w+)?|prior|earlier)"
    r"(?:\s+[\w'’-]+){0,4}\s*$"
)
# Cues, after a figure, that it is a comparison base ("$9.6 billion a year earlier").
PREVIOUS_AFTER: Final = (
    r"^\W{0,3}(?:[\w-]+\s+)?(?:a year (?:earlier|ago|before)|in the year-ago|last year|"
    r"in the (?:same|year-ago) (?:quarter|period))"
)

# An amount compared against, not reported: analysts' numbers, absolute changes.
REFERENCE_BEFORE: Final = (
    r"(?:(?:analysts?'?|consensus|average|street|market|the)\s+"
    r"(?:forecasts?|estimates?|expectations?|expected)|"
    r"(?:forecasts?|estimates?|expectations?|projections?) of|\bby|"
    # "above the consensus of $1.58"; "an exchange rate of ¥145".
    r"\bconsensus (?:\w+ )?of|\b(?:exchange|currency|fx) rates? (?:of|at)|"
    # "keeping a buy rating with a price target of $210": an analyst's view of the share.
    r"\b(?:price targets?|target price) (?:of|at|to)|"
    # "beating the 29.8 billion yuan average of analysts' estimates" ("exceeding" and
    # "topping" are hedges of the figure itself: "net cash exceeding $50bn").
    r"\b(?:beating|missing|trailing)(?: the| an?| analysts['’]?)?)\s*$"
)

# The company states an expectation: revenue becomes guidance, other figures "other".
GUIDANCE_CUES: Final = (
    r"\b(?:expects?|expected to|anticipates?|forecasts?|forecast to|guidance|outlook|"
    r"targets?|targeting|projects?|projected to|aims? (?:for|to)|sees|plans to|guided?|"
    r"estimated for|likely to|will likely|will (?:reach|total|come in at|rise to|fall to))\b"
)
# Sentences that report what analysts expect: those figures are views, not metrics.
ANALYST_SUBJECTS: Final = (
    r"\b(?:analysts?|experts?|brokers?|brokerages?|research(?:ers)?|the report|consensus|"
    r"street|market watchers|observers)\b"
)
FORECAST_VERBS: Final = (
    r"\b(?:expects?|expected|expecting|forecasts?|forecasting|predicts?|predicting|"
    r"estimates?|estimated|projects?|projecting|sees|seeing|anticipates?|guide|believes?|"
    r"model(?:s|ing)?)\b"
)
# Phrases that say a sentence restates an earlier figure on another basis.
RESTATEMENT_CUES: Final = (
    r"constant[- ]currency|in (?:us )?dollar terms|in local[- ]currency|sequential(?:ly)?|"
    r"(?:on an? )?(?:like[- ]for[- ]like|organic|comparable|currency[- ]neutral) basis|"
    r"organic(?:ally)? (?:growth|grew|rose|basis)|"
    r"same (?:quarter|period) (?:last|a|of the previous|of the prior) year|"
    r"year-ago (?:quarter|period)"
)
# Amounts followed by these words are deals or share data, not the figure.
NON_METRIC_FOLLOWERS: Final = (
    r"^\s*(?:share )?(?:buy-?backs?|repurchases?|dividends?|deal|investment|bonds?|loans?|"
    r"stake|acquisition|per (?:diluted |basic )?share|a (?:diluted )?share|apiece|each|shares"
    r"|sukuks?|notes|debentures|up[- ]?front|upfront)\b"
    # "assuming ¥145 to the dollar": an exchange rate.
    r"|^\s*(?:to|per|against) (?:the|one|a|each) (?:u\.?s\.? )?(?:dollar|euro|yen|pound)\b"
    # "up to $4.6bn in development and sales milestones": a deal's payments.
    r"|^\s*in (?:[\w-]+\s+){0,4}(?:milestones?|milestone payments)\b"
    r"|^\s*(?:in|through|via) (?:an? |the )?(?:share |equity |rights )?(?:placements?|placing|"
    r"rights issue|share sale|offering|milestone|upfront)"
)
# A share-price move inside a results sentence ("sending its shares up 14% to HK$63.20"): its
# figures are the stock's, not the metric's. Run on lower-cased text.
SHARE_MOVES: Final = (
    # "the shares, down 14% over the past year, rose": a move set off by a comma too.
    r"(?<!per )(?<!a )\b(?:shares|stock|share price|stock price),?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:were|was|have|has|had)\s+)?(?:up|down|rose|fell|jumped|climbed|gained|slid|dropped"
    r"|surged|soared|tumbled|slumped|traded|closed|ended|opened|rallied|sank|added|lost|higher"
    r"|lower)\b"
)
# Strong clause boundaries inside a sentence.
CLAUSE_BREAKS: Final = (
    # "EBITA rose 5% to €712 million, giving a margin of 12.0%": the margin's own clause.
    r",\s+(?:giving|implying|representing|equating to|for)\s+(?=(?:an?|the|its)\s+"
    r"(?:[\w-]+\s+)?margin)|"
    r";\s+|,?\s+while\s+|,?\s+whereas\s+|,\s+but\s+|\s+but\s+|,\s+(?:along )?with\s+|"
    r"(?<!compared)(?<!along)\s+with\s+(?=(?:an?|the|its|their)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:revenues?|sales|profits?|net|operating|ebitda|margins?|earnings|income)\b)"
)
# Page furniture that carries numbers of other articles.
FURNITURE_PREFIXES: Final = (
    r"^\W*(?:also read|read also|read more|related|see also|recommended|recommend|"
    r"more from|you may also like|also see)\b"
)

# Physical units after a scaled number ("31.2 million tonnes"): a quantity, never an amount.
PHYSICAL_UNITS: Final = (
    r"^\s*(?:metric )?(?:tonnes?|tons?|barrels?|boe|gwh|mwh|twh|kwh|gw|mw|units?|vehicles?|cars?"
    r"|passengers?|customers?|users?|subscribers?|square (?:feet|metres|meters)|sq ft|litres?"
    r"|(?:diluted |basic |weighted[- ]average |common |ordinary )?shares"
    r"|liters?|ounces?|oz|carats?|mtpa|bcm|cubic)\b"
)
# "added 4.1 million subscribers": the move of a count, not the count itself.
COUNT_MOVE_BEFORE: Final = r"\b(?:add(?:s|ed|ing)?|gain(?:s|ed)?|lost|shed|cut|net adds of)\s*$"
# A bracketed prior-period label before a figure: "(Q2 2023: ", "(prior year: ", "(2023: ".
PRIOR_PERIOD_LABEL: Final = (
    r"\((?:(?:q[1-4]|h[12]|fy|9m|6m)\s*(?:fy)?\s*'?\d{2,4}|\d{4}|prior[- ]year|previous year"
    r"|py|last year|year-?ago)\s*:\s*$"
)
# Things counted that are never a headcount, user or subscriber figure ("across 14 countries",
# "cut 400 jobs", "two plants").
NOT_COUNTED_PEOPLE: Final = (
    r"\s*(?:[a-z-]+\s+)?(?:countries|markets|cities|states|plants|factories|sites|stores|shops"
    r"|branches|offices|outlets|locations|jobs|positions|roles|vehicles|units|products|brands"
    r"|shares|years|months|weeks|days|quarters|hours|segments|regions|centers|centres)\b"
)
# A division's own move with no figure named: "(the) <name> business grew 8% to ...". Run on
# lower-cased text; the name is one to three words, each whole: in "Alibaba's cloud division"
# the "s" after the apostrophe is the owner's, not the name's first word.
UNIT_MOVES: Final = (
    r"(?<![\w'’-])(?:the |its |their )?(?P<segment>(?:[a-z][\w&-]*\s+){1,3}?)"
    r"(?P<unit>business|division|unit|segment|arm)(?:'s|’s)?\s+"
    r"(?:grew|rose|jumped|climbed|increased|surged|gained|advanced|fell|declined|dropped|slipped"
    r"|decreased|shrank|expanded)\b"
)
# Right before a wording, the whole company's figure whatever segment the sentence named
# before it: "Cloud sales rose 4%, while group revenue rose 6%".
WHOLE_COMPANY_BEFORE: Final = (
    r"\b(?:total|overall|consolidated|company-wide|group|(?:group|company)['’]s)\s+$"
)
# Deal words: a valuation in their sentence is the deal's, not the market's.
DEAL_CONTEXT: Final = (
    r"\b(?:ipo|listing|offering|offer|bid|deal|acquisition|acquire|takeover|merger|stake"
    r"|funding|round|investment|placement|buy)\b"
)
# An amount naming a deal before a metric wording ("The EUR 1.2bn framework order from X
# secures revenue"): the order's value, not the metric's. Matched between amount and wording.
AMOUNT_OF_DEAL: Final = (
    r"^\s*(?:[\w-]+\s+){0,2}?(?:orders?|contracts?|deals?|agreements?|acquisitions?|takeovers?"
    r"|investments?|loans?|bonds?|buy-?backs?|programmes?|programs?|facility|offering)\b"
    r"(?!\s+(?:intake|book|backlog|inflow|received))"
)

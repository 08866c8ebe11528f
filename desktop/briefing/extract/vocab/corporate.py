"""Words around company names: legal forms, descriptive endings, cue words, titles
and the words that mark a company or a research house (data only); the words that are
never companies are in ``non_company_words``.

Every entry is written as it appears in text; lookups compare case-sensitively
unless the constant says otherwise.
"""

from __future__ import annotations

from typing import Final

# Legal forms: a capitalised name ending in one of these is a company, and the form is
# dropped from the canonical name ("Reliance Industries Ltd" -> "Reliance Industries").
LEGAL_SUFFIXES: Final = frozenset(
    {
        "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.",
        "Company", "Cos", "Cos.", "Ltd", "Ltd.", "Limited", "LLC", "L.L.C.", "LLP", "LP",
        "L.P.", "PLC", "Plc", "plc", "AG", "SA", "S.A.", "SE", "NV", "N.V.", "BV", "B.V.",
        "GmbH", "KGaA", "AB", "ASA", "A/S", "AS", "Oyj", "Oy", "SpA", "S.p.A.", "SAS",
        "S.A.S.", "Pvt", "Pvt.", "Private", "Pty", "Pty.", "Bhd", "Bhd.", "Berhad", "Tbk",
        "K.K.", "KK", "Holdings", "Holding", "Hldgs", "Hldgs.", "Group", "SARL", "S.L.",
        "Sdn", "PJSC", "OJSC", "JSC", "PT", "Aktiengesellschaft",
    }
)  # fmt: skip

# Legal forms that also end names when spelt in capitals ("TOYOTA MOTOR CORPORATION").
LEGAL_SUFFIXES_UPPER: Final = frozenset(s.upper() for s in LEGAL_SUFFIXES if len(s) > 3)

# Legal forms that only count as a suffix after another suffix word or a name, never
# alone at the start of a phrase ("PT", "AS" and "SA" are also ordinary words/codes).
AMBIGUOUS_LEGAL_SUFFIXES: Final = frozenset({"AS", "PT", "SE", "SA", "AB", "KK", "Co", "Cos"})

# Descriptive endings: a capitalised phrase ending in one names a company, but the word
# stays in the canonical name ("Sterling and Wilson Solar", "China Pacific Insurance").
DESCRIPTIVE_SUFFIXES: Final = frozenset(
    {
        "Industries", "Motor", "Motors", "Insurance", "Assurance", "Bank", "Bancorp", "Bancshares",
        "Financial", "Technologies", "Technology", "Semiconductor", "Semiconductors",
        "Electronics", "Electric", "Pharmaceuticals", "Pharmaceutical", "Pharma", "Therapeutics",
        "Biosciences", "Biotech", "Biotechnology", "Biogene", "Energy", "Solar", "Power",
        "Capital", "Partners", "Investments", "Securities", "Airlines", "Airways", "Mining",
        "Minerals", "Resources", "Petroleum", "Chemicals", "Chemical", "Materials", "Networks",
        "Communications", "Telecom", "Telecommunications", "Entertainment", "Foods",
        "Laboratories", "Labs", "Software", "Realty", "Properties", "Steel", "Automotive",
        "Logistics", "Healthcare", "Diagnostics", "Retailing", "Brewery", "Breweries",
        "Motor Corp", "Systems", "Devices", "Instruments", "Holdings", "Ventures", "Enterprises",
        "Trading", "Shipping", "Railway", "Railways", "Utilities", "Dynamics", "Aerospace",
        "Robotics", "Medical", "Interactive", "Microsystems", "Microelectronics", "Micro", "Tech",
        "Semi", "Bio", "Mobile", "Asset Management", "Management", "Fund", "Trust", "Authority",
        "Bancorporation", "Pictures", "Studios", "Media", "Games", "Airport", "Harbour", "Harbor",
        "Cements", "Cement", "Apparel", "Beverages", "Brands", "Hotels", "Resorts", "Cruises",
        # the same endings in other languages ("Serrana Energia", "Cerrado Alimentos")
        "Energia", "Energie", "Alimentos", "Seguros", "Industrie", "Industria", "Werke",
    }
)  # fmt: skip

# Descriptive endings that also name business units ("Intelligent Devices Group",
# "Digital Industries"): accepted as a company only when the words before them are not
# all ordinary business words.
UNIT_LIKE_SUFFIXES: Final = frozenset(
    {"Group", "Industries", "Solutions", "Systems", "Devices", "Technologies", "Technology",
     "Energy", "Power", "Mobile", "Software", "Management", "Fund", "Trust", "Capital",
     "Services", "Networks", "Communications", "Entertainment", "Healthcare", "Medical"}
)  # fmt: skip

# Ordinary capitalised business words: a name made only of these is a unit or a theme,
# not a company ("Cloud Intelligence Group", "Smart Infrastructure").
GENERIC_BUSINESS_WORDS: Final = frozenset(
    {
        "Digital", "Cloud", "Intelligence", "Intelligent", "Devices", "Device", "Infrastructure",
        "Solutions", "Solution", "Services", "Service", "Smart", "Mobility", "Industrial",
        "Industries", "Consumer", "Commercial", "Enterprise", "Global", "International", "Retail",
        "Health", "Healthcare", "Data", "Media", "Financial", "Products", "Product", "Systems",
        "Business", "Businesses", "Technology", "Technologies", "Energy", "Power", "Software",
        "Hardware", "Network", "Networks", "Communications", "Entertainment", "Medical", "Life",
        "Sciences", "Science", "Core", "Other", "Corporate", "Group", "Automation", "Factory",
        "Mobile", "Computing", "Storage", "Security", "Platforms", "Platform", "Advertising",
        "Capital", "Management", "Asset", "Wealth", "Investment", "Banking", "Markets",
        "Operations", "Innovation", "Research", "Development", "Supply", "Chain", "Logistics",
        "Payments", "Travel", "Home", "Personal", "Care", "Beauty", "Fashion", "Food", "Beverages",
        "Automotive", "Vehicles", "Vehicle", "Electric", "New", "Green", "Renewable", "Renewables",
        "Gas", "Oil", "Upstream", "Downstream", "Integrated", "Chemicals", "Materials",
        "Specialty", "Performance", "Advanced", "Applied", "Emerging", "Growth", "Trust", "Fund",
        "Wholesale", "Semiconductor", "Semiconductors", "Microelectronics", "Display", "Displays",
        "Imaging", "Connectivity", "Gaming", "Games", "Learning", "Education", "Agriculture",
        "Nutrition", "Pharmaceuticals", "Diagnostics", "Transportation", "Transport", "Buildings",
        "Building", "Engineering", "Defense", "Defence", "Aviation", "Marine", "Rail", "Americas",
        "Europe", "Asia", "Pacific", "Embedded", "Analog", "Mixed", "Signal", "Wireless",
        "Optical", "Memory", "Compute", "Networking", "Client", "Server", "Edge", "Residential",
        "Agricultural", "Crop", "Seeds", "Animal", "Pet", "Apparel", "Footwear", "Luxury", "Goods",
        "Wine", "Spirits", "Beer", "Snacks", "Dairy", "Packaged", "Fresh", "Paper", "Packaging",
        "Metals", "Plastics", "Polymers", "Coatings", "Textiles", "Construction", "Housing",
        "Property", "Office", "Hotels", "Hospitality", "Leisure", "Sports", "Music", "Film",
        "Studios", "Television", "Broadcasting", "Publishing", "News", "Streaming", "Subscription",
        "Fixed", "Broadband", "Satellite", "Towers", "Pipelines", "Midstream", "Exploration",
        "Production", "Refining", "Marketing", "Trading", "Nuclear", "Wind", "Hydro", "Grid",
        "Distribution", "Transmission", "Generation", "Water", "Waste", "Recycling",
        "Environmental", "Airports", "Ports", "Terminals", "Freight", "Parcel", "Express",
        "Delivery", "Trucking", "Leasing", "Rental", "Casualty", "Reinsurance", "Transaction",
        "Card", "Cards", "Lending", "Mortgage", "Private", "Equity", "Credit", "Income", "Custody",
        "Clearing", "Brands", "Search", "Instruments", "Test", "Measurement", "Controls",
        "Components", "Sensors", "Photonics", "Lighting", "Appliances", "Tools", "Equipment",
        "Machinery", "Engines", "Propulsion", "Space", "Mission", "Vision", "Biologics",
        "Vaccines", "Oncology", "Generics", "Pharmaceutical", "Surgical", "Dental", "Professional",
        "Public", "Sector", "Government", "Commerce", "Ecommerce", "E-commerce", "Marketplace",
        "Local", "Direct", "Foodservice", "Beverage", "Hygiene",
    }
)  # fmt: skip

# Nouns that, right after a capitalised phrase, make it a unit or a place rather than
# a company ("Digital Industries division", "Windsor plant").
NON_COMPANY_HEAD_NOUNS: Final = frozenset(
    {
        "division", "divisions", "segment", "segments", "unit", "units", "business",
        "businesses", "category", "arm", "plant", "factory", "facility", "index",
        "platform", "platforms", "app", "apps", "model", "models", "program", "programme",
        "exchange", "market", "region", "province", "state", "government", "ministry",
        "university", "team", "brand", "stores", "store", "chips", "chip",
        "subsidy", "scheme", "act", "law", "river", "street",
    }
)  # fmt: skip

# Nouns that introduce a company name after them ("tech firm Meitu", "startup MiniMax",
# "analysts at RBC"): compared lower-cased.
COMPANY_CUE_NOUNS: Final = frozenset(
    {
        "firm", "company", "companies", "maker", "makers", "chipmaker", "carmaker",
        "automaker", "automakers", "startup", "start-up", "conglomerate", "group",
        "giant", "rival", "rivals", "peer", "peers", "competitor", "competitors", "lender",
        "bank", "insurer", "retailer", "supplier", "manufacturer", "producer", "developer",
        "provider", "operator", "chain", "subsidiary", "unit", "parent", "owner", "partner",
        "partners", "brokerage", "broker", "house", "investor", "investors", "major",
        "titan", "player", "miner", "carrier", "airline", "utility", "conglomerate's",
        "distributor", "designer", "specialist", "outfit", "platform", "telecom",
        "shares of", "shares in", "stake in", "stakes in", "investment in", "invest in",
        "invested in", "acquire", "acquired", "acquiring", "acquisition of", "buy",
        "bought", "buying", "purchase of", "merger with", "merge with", "deal with",
        "agreement with", "partnership with", "partnered with", "alliance with",
        "analysts at", "analyst at", "analysts from", "upgrade by", "downgrade by",
        "like", "such as", "including", "versus", "vs", "over", "against", "from",
        "with", "by", "to", "and", "grocer", "brewer", "drugmaker", "biotech", "fintech",
        "shipper", "refiner", "telco", "builder", "homebuilder", "marketplace", "reinsurer",
        "e-tailer", "chipmakers", "lenders", "insurers", "retailers", "miners", "banks",
        "studio", "publisher", "broadcaster", "label", "automaker's", "airline's",
    }
)  # fmt: skip

# Of the cues above, those strong enough to make any capitalised phrase a company;
# the rest (prepositions, "and") only confirm a phrase with a company-like shape.
STRONG_CUE_WORDS: Final = frozenset(
    {
        "firm", "company", "maker", "chipmaker", "carmaker", "automaker", "startup",
        "start-up", "conglomerate", "giant", "rival", "rivals", "peer", "peers",
        "competitor", "competitors", "lender", "insurer", "retailer", "supplier",
        "manufacturer", "producer", "developer", "provider", "operator", "brokerage",
        "broker", "miner", "carrier", "airline", "distributor", "designer", "outfit",
        "titan", "grocer", "brewer", "drugmaker", "biotech", "fintech", "shipper", "refiner",
        "telco", "builder", "homebuilder", "reinsurer", "e-tailer", "chipmakers", "lenders",
        "insurers", "retailers", "miners", "automakers", "carmakers", "studio", "publisher",
        "broadcaster", "utility", "shares of", "shares in", "stake in", "stakes in",
        "investment in", "invest in", "invested in", "acquire", "acquired", "acquiring",
        "acquisition of", "purchase of", "merger with", "merge with", "analysts at", "analyst at",
        "analysts from", "upgrade by", "downgrade by", "partnership with",
        "partnered with", "alliance with", "agreement with", "like", "such as",
        "including", "included", "includes", "include",
    }
)  # fmt: skip

# Words right after a name that show it acts as a company ("Veolia and Suez announced",
# "KDDI shares dropped"): compared lower-cased.
COMPANY_CUE_FOLLOWERS: Final = frozenset(
    {
        "announced", "announces", "said", "says", "reported", "reports", "posted",
        "posts", "plans", "planned", "agreed", "agrees", "expects", "expected",
        "launched", "launches", "unveiled", "unveil", "unveils", "shares", "stock",
        "stocks", "upgraded", "downgraded", "upgrades", "downgrades", "reiterated",
        "reiterates", "raised", "cut", "cuts", "lifted", "lowered", "initiated",
        "maintained", "rated", "analysts", "analyst", "acquired", "acquires", "bought",
        "buys", "sold", "sells", "invested", "invests", "issued", "issues", "filed",
        "generated", "recorded", "rebuffed", "rejected", "pursued", "climbed", "jumped",
        "surged", "soared", "fell", "dropped", "slipped", "gained", "rallied", "tumbled",
        "predicts", "estimates", "forecasts", "sees", "stated", "confirmed", "denied",
        "completed", "signed", "inc", "corp", "ltd", "reissued", "reissues", "reaffirmed",
        "reaffirms", "boosted", "boosts", "trimmed", "trims", "assigned", "assigns",
        "started", "starts", "resumed", "resumes", "began", "upped", "set", "sets",
        "soars", "jumps", "falls", "slips", "rises", "gains", "drops", "surges", "climbs",
        "retains", "retained", "maintains", "keeps", "kept", "initiates",
        "tumbles", "plunges", "rallies", "sinks", "slumps", "beats", "misses", "wins",
        "won", "bags", "secures", "secured", "logged", "delivered",
    }
)  # fmt: skip

# Generic nouns that refer back to a company ("the company", "the chipmaker");
# compared lower-cased. Research houses ("the bank", "the broker") are left out
# because in analyst notes they refer to the rating issuer, not the subject.
COMPANY_REFERENCE_NOUNS: Final = frozenset(
    {
        "company", "group", "firm", "conglomerate", "chipmaker", "carmaker", "automaker",
        "retailer", "insurer", "lender", "manufacturer", "maker", "giant", "startup",
        "miner", "airline", "carrier", "producer", "operator", "supplier", "developer",
        "titan", "corporation", "multinational", "outfit",
    }
)  # fmt: skip

# Words right before a reference noun that make it someone else ("the peer group",
# "the law firm", "the private-equity firm").
REFERENCE_EXCLUDED_MODIFIERS: Final = frozenset(
    {
        "peer", "industry", "sector", "trade", "lobby", "pressure", "working", "focus",
        "advocacy", "activist", "user", "interest", "research", "investor", "investment",
        "private-equity", "buyout", "equity", "rating", "ratings", "advisory", "consulting",
        "law", "accounting", "audit", "brokerage", "PR", "shell", "rival", "target",
        "acquiring", "parent", "holding", "venture", "hedge", "asset", "fund",
    }
)  # fmt: skip

# Determiners that open a reference ("the company", "this group").
REFERENCE_DETERMINERS: Final = frozenset({"the", "The", "this", "This"})

# Titles before a person's name: the name after them is not a company.
PERSON_TITLES: Final = frozenset(
    {
        "CEO", "CFO", "COO", "CTO", "Chairman", "Chairwoman", "Chair", "Chief", "Executive",
        "President", "Director", "Officer", "Founder", "Co-founder", "Analyst", "analyst",
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Minister",
        "Secretary", "Governor", "Senator", "economist", "strategist", "executive",
        "chairman", "founder", "president", "director", "officer", "investor", "promoter",
        "billionaire", "head", "manager", "spokesperson", "spokesman", "spokeswoman",
        "Managing", "Head", "boss", "chief", "Vice", "vice", "CEOs", "Sir",
    }
)  # fmt: skip

# Nouns after a possessive that show the possessor is a company ("Lenovo's cash
# balance", "Synaptics' shares"): compared lower-cased.
POSSESSED_COMPANY_NOUNS: Final = frozenset(
    {
        "shares", "share", "stock", "revenue", "revenues", "sales", "profit", "profits",
        "earnings", "income", "ebitda", "margin", "margins", "board", "ceo", "cfo",
        "chairman", "chief", "management", "results", "guidance", "outlook", "business",
        "businesses", "unit", "units", "division", "divisions", "segment", "segments",
        "subsidiary", "subsidiaries", "acquisition", "acquisitions", "stake", "shareholders",
        "investors", "market", "valuation", "net", "operating", "cash", "debt", "bonds",
        "dividend", "buyback", "capital", "customers", "products", "product", "brand",
        "brands", "platform", "platforms", "cloud", "proprietary", "core", "own",
        "headquarters", "plant", "plants", "factories", "factory", "chips", "models",
        "move", "plans", "plan", "strategy", "offer", "bid", "deal", "ipo", "listing",
        "fiscal", "quarterly", "annual", "first-quarter", "second-quarter",
        "third-quarter", "fourth-quarter", "full-year", "supply", "initial", "latest",
        "aggressive", "expansive", "new", "flagship", "updated", "price", "target",
        "rating", "analysts", "analyst", "research", "report", "note", "advances",
        "tender", "video", "ai", "ai-driven", "commerce", "e-commerce", "services",
        "equity", "parent", "whole-org", "overall", "other",
    }
)  # fmt: skip

# Verbs after "X and Y" that show both act as companies ("Veolia and Suez announced").
PLURAL_COMPANY_VERBS: Final = frozenset(
    {
        "announced", "announce", "agreed", "agree", "said", "say", "unveiled", "unveil",
        "signed", "sign", "plan", "planned", "formed", "form", "launched", "launch",
        "reported", "report", "will", "have", "are", "were", "completed", "struck",
        "reached", "entered", "confirmed", "merged", "merge", "partnered", "teamed",
    }
)  # fmt: skip

# Last words of a name that make it a research house or investment firm ("Kingsgate
# Capital", "Granite Peak Research"): the name may be a rating issuer, and an earlier
# short form of it ("Kingsgate") is the same firm.
BROKER_NAME_ENDINGS: Final = frozenset(
    {"Securities", "Capital", "Research", "Equities", "Partners", "Brokerage", "Brokers",
     "Markets", "Advisors", "Advisers", "Investments", "Financial", "Bank"}
)  # fmt: skip

# Nouns that, in the two words after a capitalised word, make that word a description
# of the company named next ("Brazilian power utility Serrana Energia").
DESCRIPTOR_HEAD_NOUNS: Final = COMPANY_REFERENCE_NOUNS | frozenset(
    {"utility", "utilities", "bank", "brokerage", "broker", "distributor", "designer",
     "brewer", "grocer", "drugmaker", "biotech", "fintech", "shipper", "refiner", "telco",
     "builder", "homebuilder", "reinsurer", "railway", "railroad", "lender", "insurer"}
)  # fmt: skip

# Of those, the endings of research houses' names: a name ending so is read as a rating
# issuer wherever research words follow it ("Kingsgate Capital expects ...").
RATING_HOUSE_ENDINGS: Final = frozenset(
    {"Securities", "Capital", "Research", "Equities", "Partners", "Brokerage", "Brokers",
     "Markets", "Advisors", "Advisers"}
)  # fmt: skip

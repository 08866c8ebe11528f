"""Words that name and mark business segments (data only)."""

from __future__ import annotations

from typing import Final

# Nouns after a segment's name ("the IT segment", "Digital Industries division").
SEGMENT_NOUNS: Final = frozenset({"division", "segment", "unit", "business", "category", "arm"})

# Nouns that refer back to the segment last named ("revenue in this segment").
SEGMENT_REFERENCE_NOUNS: Final = frozenset({"segment", "division", "unit"})

# Lower-case words after a segment noun that make it part of a compound ("business
# units", "business model"), not the end of a segment's name.
SEGMENT_NOUN_COMPOUNDS: Final = frozenset(
    {
        "unit", "units", "segment", "segments", "division", "divisions", "model", "models",
        "line", "lines", "day", "days", "news", "environment", "leader", "leaders",
        "partner", "partners", "owner", "owners", "people", "school", "trip", "travel",
        "plan", "plans", "strategy", "update", "activity", "activities", "conditions",
        "confidence", "cycle", "mix", "operations", "outlook", "performance", "results",
        "review", "sentiment", "spending", "standard", "standards", "insider", "head",
        "heads", "chief", "executive", "executives", "president", "manager", "managers",
    }
)  # fmt: skip

# Adjectives in front of a segment noun that describe it without naming it
# ("its flagship factory automation division" -> "factory automation").
SEGMENT_DESCRIBING_WORDS: Final = frozenset(
    {
        "flagship", "overall", "entire", "whole", "main", "key", "biggest", "largest",
        "smallest", "big", "small", "established", "existing", "struggling", "fast-growing",
        "growing", "booming", "profitable", "loss-making", "unprofitable", "troubled",
        "respective", "underlying", "total", "combined", "important", "strong", "weak",
        "turned-around", "lucrative", "high-margin", "low-margin", "mature", "legacy",
        "reorganized", "reorganised", "renamed", "newly", "formed", "so-called",
    }
)  # fmt: skip

# Words that cannot name a segment on their own.
SEGMENT_EMPTY_WORDS: Final = frozenset(
    {
        "new", "own", "same", "other", "core", "whole", "this", "that", "such", "former",
        "first", "second", "third", "last", "next", "previous", "current", "only", "one",
        "two", "three", "four", "five", "all", "each", "every", "its", "their", "our",
        "company", "company's", "group", "group's", "firm", "firm's", "a", "an", "any",
        "some", "which", "what", "whose", "more", "most", "less", "very", "much", "do",
        "doing", "did", "done", "in", "on", "at", "for", "of", "to", "and", "or", "as",
        "by", "with", "from", "into", "business", "said", "says", "is", "was", "are",
        "were", "be", "been", "has", "had", "have", "will", "would", "could", "should",
    }
)  # fmt: skip

# Determiners and possessives that open a lower-case segment name ("the core commerce
# division", "its cloud computing division").
SEGMENT_OPENERS: Final = frozenset(
    {"the", "its", "their", "our", "his", "her", "this", "that", "The", "Its", "Their", "Our"}
)

# Capitalised words in front of a segment's name that are not part of it ("The IT
# segment", "Revenue at Uniqlo Japan" when the sentence starts the phrase).
SEGMENT_PHRASE_OPENERS: Final = frozenset(
    {
        "The", "Its", "Their", "Our", "This", "That", "These", "In", "At", "For", "From",
        "By", "On", "Revenue", "Revenues", "Sales", "Overall", "Meanwhile", "Separately",
        "Elsewhere", "Notably", "But", "And", "While", "However", "Also", "Both", "Total",
        "Net", "Consolidated", "Group", "Company", "Segment", "Division", "Unit",
    }
)  # fmt: skip

# Well-known segment and subsidiary names, recognised wherever they stand.
KNOWN_SEGMENTS: Final = frozenset(
    {
        "Google Cloud", "YouTube", "Other Bets", "Google Search", "Google Services",
        "Google Network", "Google Search and other", "Waymo", "AWS", "Amazon Web Services",
        "Azure", "Intelligent Cloud", "More Personal Computing",
        "Productivity and Business Processes", "Reality Labs", "Family of Apps", "Instagram",
        "WhatsApp", "Xbox", "iPhone", "iPad", "Mac", "Wearables", "Taobao", "Tmall",
        "Taobao and Tmall Group", "Cainiao", "Alibaba Cloud", "Cloud Intelligence Group",
        "Digital Industries", "Smart Infrastructure", "Siemens Healthineers",
        "Uniqlo Japan", "Uniqlo International", "Global Brands", "Data Center",
        "Gaming", "Automotive", "Professional Visualization", "Model 3", "Model Y",
    }
)  # fmt: skip

# Capitalised words that end a segment's name when they follow a metric ("Google
# Cloud revenue", "Uniqlo International sales"): generic unit words and regions.
SEGMENT_LAST_WORDS: Final = frozenset(
    {
        "Cloud", "International", "Brands", "Search", "Services", "Solutions", "Devices",
        "Industries", "Infrastructure", "Mobility", "Healthcare", "Health", "Energy",
        "Retail", "Wholesale", "Consumer", "Commercial", "Enterprise", "Industrial",
        "Digital", "Media", "Entertainment", "Gaming", "Games", "Advertising", "Ads",
        "Payments", "Logistics", "Software", "Hardware", "Semiconductors", "Semiconductor",
        "Automotive", "Aerospace", "Defense", "Defence", "Pharmaceuticals", "Pharma",
        "Diagnostics", "Instruments", "Materials", "Chemicals", "Networks", "Platforms",
        "Japan", "China", "USA", "US", "America", "Americas", "Europe", "Asia", "EMEA",
        "APAC", "India", "Korea", "Oceania", "Pacific", "Division", "Segment", "Group",
        "Bets", "Labs", "Apps", "Operations", "Markets", "Banking", "Management",
    }
)  # fmt: skip

# Business words of segments named by parts joined with "&" or "and" ("Health and Wellness
# sales", "Parks & Experiences revenue") that neither ``GENERIC_BUSINESS_WORDS`` nor
# ``SEGMENT_LAST_WORDS`` holds. Such a name is a segment only when every word of every part
# is a business word: "Marlow & Finch revenue" (a broker's surnames) is not.
SEGMENT_JOINED_WORDS: Final = frozenset(
    {
        "Wellness", "Wellbeing", "Well-being", "Utilities", "Insurance", "Pensions",
        "Savings", "Investments", "Securities", "Brokerage", "Advisory", "Consulting",
        "Telecom", "Telecoms", "Telecommunications", "Mining", "Minerals", "Steel",
        "Aluminium", "Aluminum", "Cement", "Safety", "Household", "Cosmetics", "Fragrance",
        "Fragrances", "Skincare", "Jewellery", "Jewelry", "Watches", "Accessories",
        "Leather", "Eyewear", "Lifestyle", "Fitness", "Toys", "Furniture", "Tourism",
        "Parks", "Resorts", "Experiences", "Ingredients", "Flavors", "Flavours", "Tobacco",
        "Lodging", "Cruise", "Casinos", "Outdoor", "Garden", "Plumbing", "Heating",
        "Cooling", "Climate", "Frozen", "Foods", "Meals", "Bakery", "Confectionery",
        "Coffee", "Drinks", "Content", "Studio", "Licensing",
    }
)  # fmt: skip

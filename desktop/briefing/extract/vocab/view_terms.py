"""Words the analyst-view extractor looks for (data only).

Each tuple lists surface forms; the extractor compiles them into regexes once, at import.
Rating labels map the lower-cased surface form to the title-case label the contract uses.
"""

from __future__ import annotations

from typing import Final

# fmt: off

# Broker rating labels, surface form (lower case) -> contract label. Longer forms first
# matter only for readability: the extractor sorts by length before compiling.
RATING_LABELS: Final[dict[str, str]] = {
    "strong buy": "Strong Buy", "strong-buy": "Strong Buy", "moderate buy": "Moderate Buy",
    "strong-sell": "Strong Sell", "moderate-buy": "Moderate Buy",
    "speculative buy": "Speculative Buy", "conviction buy": "Conviction Buy",
    "buy or better": "Buy or Better", "buy": "Buy", "accumulate": "Accumulate",
    "outperform": "Outperform", "market outperform": "Market Outperform",
    "sector outperform": "Sector Outperform", "overweight": "Overweight",
    "over-weight": "Overweight", "hold": "Hold", "neutral": "Neutral",
    "equal weight": "Equal Weight", "equal-weight": "Equal Weight",
    "equalweight": "Equalweight", "market perform": "Market Perform",
    "sector perform": "Sector Perform", "peer perform": "Peer Perform",
    "market weight": "Market Weight", "sector weight": "Sector Weight", "in-line": "In-Line",
    "in line": "In Line", "underweight": "Underweight", "under-weight": "Underweight",
    "underperform": "Underperform", "market underperform": "Market Underperform",
    "sector underperform": "Sector Underperform", "moderate sell": "Moderate Sell",
    "strong sell": "Strong Sell", "sell": "Sell", "reduce": "Reduce", "add": "Add",
    "positive": "Positive", "negative": "Negative",
}

# Plural labels that count ratings by themselves ("14 Buys, 3 Holds and 1 Sell"), and the
# verbs of advice that name one ("five recommend buying the shares").
PLURAL_LABELS: Final[dict[str, str]] = {
    "strong buys": "Strong Buy", "buys": "Buy", "holds": "Hold", "sells": "Sell",
    "strong sells": "Strong Sell", "outperforms": "Outperform",
    "underperforms": "Underperform", "overweights": "Overweight",
    "underweights": "Underweight",
}
ADVICE_LABELS: Final[dict[str, str]] = {
    "buying": "Buy", "selling": "Sell", "holding": "Hold",
}
ADVICE_VERBS: Final = ("recommend", "recommends", "advise", "advises", "suggest", "suggests")

# Words of multi-word labels that never make a label alone (each such label has another).
LABEL_FILLERS: Final = frozenset(
    {"in", "or", "better", "market", "sector", "peer", "moderate", "strong", "speculative",
     "conviction", "equal"}
)

# Labels that are also everyday words: accepted only when quoted, followed by "rating",
# or in the "to X from Y" slot of an upgrade or downgrade.
AMBIGUOUS_LABELS: Final = frozenset(
    {"add", "positive", "negative", "reduce", "in line", "in-line", "hold", "neutral"}
)

# Labels that only a consensus (an average of many brokers) carries.
CONSENSUS_ONLY_LABELS: Final = frozenset({"moderate buy", "moderate sell"})

# Stems of verbs that change a rating.
RATING_CHANGE_STEMS: Final = ("upgrad", "downgrad")
# Verbs that move a rating when their object is the rating itself ("cut its rating to").
RATING_MOVE_VERBS: Final = (
    "cut", "cuts", "lowered", "lowers", "raised", "raises", "lifted", "lifts", "moved", "moves",
    "reduced", "reduces", "changed",
)

# Verbs that state a broker's standing rating.
RATING_KEEP_STEMS: Final = (
    "reiterat", "reaffirm", "maintain", "keep", "kept", "retain", "initiat", "resum", "assign",
    "gave", "give", "rate", "rates", "rated", "restat", "confirm", "start", "stick", "stuck",
)

RATING_NOUNS: Final = ("rating", "ratings", "recommendation", "recommendations", "call")

# Nouns for the people and houses that rate a stock (rating counts need one).
ANALYST_NOUNS: Final = (
    "analyst", "analysts", "broker", "brokers", "brokerage", "brokerages", "firms", "houses",
    "coverage", "covering", "strategists", "experts", "researchers",
)

CONSENSUS_CUES: Final = (
    "consensus", "average rating", "average recommendation", "average analyst rating",
    "mean rating", "average broker rating",
)

PRICE_TARGET_NOUNS: Final = (
    "price target", "price targets", "target price", "target prices", "price-target",
    "price objective", "price objectives", "target of", "targets of", "fair value",
    "fair-value estimate", "price goal", "12-month target", "target at",
)

# Words that turn a target into a statistic ("average price target").
TARGET_STATS: Final[dict[str, str]] = {
    "average": "average", "mean": "average", "median": "median", "highest": "high",
    "high": "high", "street-high": "high", "lowest": "low", "low": "low", "street-low": "low",
}
TARGET_CONSENSUS_WORDS: Final = ("consensus", "targets", "analysts'", "street")

# Words that put the figure before them in the past: "from $95", "previous 11.0 times".
PRIOR_VALUE_CUES: Final = ("from", "previous", "previously", "prior", "earlier", "old", "was")

UPSIDE_WORDS: Final = ("upside", "downside", "potential gain", "potential return")
# Relations of a target to the price ("40% above the current level").
UPSIDE_RELATIONS: Final = ("above", "below", "premium", "discount", "higher than", "lower than")
UPSIDE_REFERENCES: Final = (
    "current", "close", "closing", "price", "level", "levels", "trading", "today", "last",
    "share price", "market price", "spot",
)

# Nouns that make a sentence about the share price.
STOCK_NOUNS: Final = (
    "shares", "share price", "stock", "stocks", "equity", "adr", "adrs", "share", "securities",
    "index", "topix", "nikkei", "s&p 500", "nasdaq composite", "dax", "ftse 100", "hang seng",
    "sensex", "nifty",
)

# Share indexes whose moves are reported like a share's.
INDEX_NAMES: Final = (
    "S&P 500", "Nasdaq Composite", "Nasdaq 100", "Dow Jones", "Dow", "FTSE 100", "FTSE 250",
    "DAX", "CAC 40", "Stoxx 600", "Euro Stoxx 50", "Topix", "Nikkei 225", "Nikkei",
    "Hang Seng", "Sensex", "Nifty 50", "Nifty", "Kospi", "ASX 200", "TSX", "Russell 2000",
    "broader market", "benchmark index", "sector index",
    "Dow Jones Industrial Average", "Hang Seng Index", "Hang Seng Tech", "Kosdaq", "Taiex",
    "S&P/ASX 200", "All Ordinaries", "S&P/TSX Composite", "S&P/TSX", "Ibovespa", "Bovespa",
    "SMI", "Swiss Market Index", "OMX Stockholm 30", "OMXS30", "OMX Copenhagen 25",
    "OMX Helsinki 25", "OBX", "STOXX Europe 600", "Euro Stoxx 600", "AEX", "IBEX 35",
    "FTSE MIB", "FTSE All-Share", "MSCI World", "MSCI Emerging Markets", "CSI 300",
    "Shanghai Composite", "Shenzhen Component", "Straits Times Index", "Jakarta Composite",
    "KLCI", "Nifty Bank", "Bank Nifty", "Nifty IT", "JSE All Share", "Merval",
    "MDax", "SDax", "TecDax", "ATX", "BEL 20", "WIG20", "NZX 50", "PSEi", "FBM KLCI",
    "Kospi 200", "Hang Seng China Enterprises", "S&P/ASX 300", "Nifty Midcap 100",
)
# Words that may stand between "the" and an index's name ("the benchmark Kospi").
INDEX_MODIFIERS: Final = (
    "benchmark", "broader", "main", "blue-chip", "wider", "key", "local", "region-wide",
    "pan-European", "tech-heavy", "domestic", "bellwether", "all-share",
)

# Share-price movement verbs, with the sign of the move.
MOVE_UP_WORDS: Final = (
    "up", "rose", "risen", "rise", "rises", "rising", "climbed", "climb", "climbs", "climbing",
    "gained", "gains", "gaining", "surged", "surge", "surges", "surging", "soared", "soar",
    "soars", "soaring", "jumped", "jump", "jumps", "jumping", "rallied", "rally", "rallies",
    "rallying", "added", "adding", "advanced", "advances", "advancing", "higher", "spiked",
    "rebounded", "recovered", "popped", "leapt", "leaped", "outperformed", "outperforming",
    "firmed", "edged up", "ticked up", "increased", "gain", "advance", "rallying",
    "appreciated",
)
MOVE_DOWN_WORDS: Final = (
    "down", "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops",
    "dropping", "declined", "decline", "declines", "declining", "slid", "slide", "slides",
    "sliding", "slipped", "slip", "slips", "tumbled", "tumble", "tumbles", "tumbling",
    "plunged", "plunge", "plunges", "plunging", "sank", "sunk", "sink", "lost", "lose", "loses",
    "losing", "retreated", "retreat", "retreats", "lower", "shed", "sheds", "underperformed",
    "underperforming", "eased", "dipped", "dip", "slumped", "slump", "crashed", "decreased",
    "edged down", "ticked down", "loss",
)
# Nouns of a move that may stand before the figure ("a gain of 72%").
MOVE_NOUNS: Final = (
    "gain", "advance", "rise", "rally", "jump", "drop", "decline", "loss", "fall", "surge",
    "increase", "return", "move", "slide", "plunge",
)

# Metric nouns: a percentage after one of these is a business figure, not a share move.
METRIC_NOUNS: Final = (
    "revenue", "revenues", "sales", "turnover", "profit", "profits", "earnings", "income",
    "ebitda", "ebit", "margin", "margins", "orders", "cash", "capex", "expenditure",
    "expenditures", "spending", "dividend", "buyback", "eps", "volume", "volumes", "growth",
    "users", "subscribers", "deliveries", "shipments", "bookings", "backlog", "market share",
    "stake", "float", "headcount", "workforce", "guidance", "outlook", "forecast", "estimate",
    "estimates", "costs", "cost", "prices", "inflation", "rates", "yield", "readings",
    "interest", "intake", "order intake", "production", "output", "deposits", "premiums",
)

# Share-price reference points and the label they give ("52-week high").
PRICE_LEVEL_LABELS: Final = (
    "52-week high", "52-week low", "all-time high", "record high", "record low",
    "50-day moving average", "100-day moving average", "200-day moving average",
    "50-day average", "200-day average", "year-to-date high", "year high", "year low",
)
# Verbs after which "at $X" is a traded price, with the label they give.
TRADE_VERBS: Final[dict[str, str]] = {
    "opened": "open", "opens": "open", "closed": "close", "closes": "close", "ended": "close",
    "finished": "close", "settled": "close", "trade": "trading", "trades": "trading",
    "traded": "trading", "trading": "trading", "changed hands": "trading",
    "changes hands": "trading", "change hands": "trading", "changing hands": "trading",
    "last": "last",
    "stood": "trading", "stands": "trading", "sits": "trading", "hit": "intraday",
    "touched": "intraday", "reached": "intraday",
}
# Nouns after "the $X" that make it a chart level.
CHART_LEVEL_NOUNS: Final = (
    "level", "mark", "region", "area", "zone", "line", "threshold", "support", "resistance",
    "barrier",
)

# Words that make a per-share amount a deal term rather than a share price.
DEAL_PRICE_WORDS: Final = (
    "offer", "bid", "conversion", "convertible", "buyback", "repurchase", "ipo", "price band",
    "issue price", "subscription", "tender", "dividend", "placement", "allotment", "allocation",
    "anchor", "takeover", "acquire", "acquisition", "values", "valued", "exercise",
)

# Valuation multiples: surface form -> contract metric.
MULTIPLE_NAMES: Final[dict[str, str]] = {
    "forward p/e": "forward_pe", "forward pe": "forward_pe",
    "forward price-to-earnings": "forward_pe", "forward price/earnings": "forward_pe",
    "forward price to earnings": "forward_pe", "forward earnings multiple": "forward_pe",
    "p/e": "pe", "pe ratio": "pe", "p/e ratio": "pe", "price-to-earnings": "pe",
    "price to earnings": "pe", "price/earnings": "pe", "price-earnings": "pe",
    "earnings multiple": "pe", "times earnings": "pe", "x earnings": "pe",
    "ev/ebitda": "ev_ebitda", "ev-to-ebitda": "ev_ebitda",
    "enterprise value to ebitda": "ev_ebitda", "enterprise value-to-ebitda": "ev_ebitda",
    "times ebitda": "ev_ebitda", "x ebitda": "ev_ebitda", "p/s": "ps", "price-to-sales": "ps",
    "price to sales": "ps", "times sales": "ps", "x sales": "ps", "p/b": "pb",
    "price-to-book": "pb", "price to book": "pb", "times book": "pb", "x book": "pb",
}
# What a "N times" figure multiplies ("16 times forecast earnings"), and the multiple it is.
MULTIPLE_BASE_NOUNS: Final[dict[str, str]] = {
    "eps": "pe", "earnings": "pe", "profit": "pe", "profits": "pe", "estimates": "forward_pe",
    "sales": "ps", "revenue": "ps", "revenues": "ps", "ebitda": "ev_ebitda",
    "ev/ebitda": "ev_ebitda", "book": "pb", "book value": "pb", "net asset value": "pb",
}
# Words that may stand between "N times" and what it multiplies.
MULTIPLE_NOUN_MODIFIERS: Final = (
    "this year's", "next year's", "this year’s", "next year’s", "current-year", "next-year",
    "current year", "forward", "trailing", "forecast", "expected", "estimated", "projected",
    "prospective", "consensus", "12-month", "one-year", "blended", "calendar", "adjusted",
    "historical", "last year's", "forward 12-month",
)
# Modifiers among those that make an earnings multiple forward-looking.
MULTIPLE_FORWARD_MODIFIERS: Final = (
    "this year", "next year", "current", "forward", "forecast", "expected", "estimated",
    "projected", "prospective", "consensus", "12-month", "one-year",
)
# Nouns that close a peer group whose multiple is compared ("the 16.5 times average of
# European peers", "17 times for the consumer staples sector").
PEER_GROUP_NOUNS: Final = (
    "peers", "peer group", "peer average", "sector", "industry", "rivals", "competitors",
    "utilities", "banks", "lenders", "insurers", "miners", "retailers", "carmakers",
    "automakers", "chipmakers", "stocks", "companies", "names", "market", "telecoms",
)
# Lowercase last words of a peer group named where a company could be ("its closest peer
# group", "the sector average", "the chip index"): the nouns above, and these.
PEER_GROUP_TAILS: Final = (*PEER_GROUP_NOUNS, "average", "median", "index")
# Words that make "N times EBITDA" a leverage ratio ("net debt ... 2.4 times EBITDA").
LEVERAGE_WORDS: Final = ("debt", "net debt", "leverage", "borrowings", "net borrowings")

# Words that make an earnings multiple forward-looking.
FORWARD_CUES: Final = (
    "forward", "fwd", "estimate", "estimates", "estimated", "next year", "target p/e",
    "fiscal year 20", "fiscal 20", "fy2", "e eps", "expected",
)

EPS_NOUNS: Final = (
    "earnings per share", "eps", "per-share earnings", "earnings a share", "diluted eps",
    "adjusted eps",
)
REVENUE_NOUNS: Final = ("revenue", "revenues", "sales", "top line", "top-line", "turnover")
# Metric nouns that compete with revenue/EPS for a figure ("EBIT growth of 4-8%").
OTHER_FORECAST_NOUNS: Final = (
    "net profit", "profit", "profits", "ebit", "ebitda", "operating income", "net income",
    "margin", "margins", "operating profit", "industrial profit", "cash flow", "dividend",
)
# Verbs and nouns that make a figure an analyst's forecast.
FORECAST_CUES: Final = (
    "forecast", "forecasts", "forecasting", "predict", "predicts", "predicted", "predicting",
    "expect", "expects", "expected", "expecting", "expectation", "expectations", "estimate",
    "estimates", "estimated", "project", "projects", "projected", "anticipate", "anticipates",
    "see", "sees", "consensus", "likely", "guide", "will", "would", "could",
)
# Who forecasts: without one of these (or a broker name) a forecast is company guidance.
FORECASTER_CUES: Final = (
    "analyst", "analysts", "consensus", "experts", "street", "brokers", "forecasters",
    "economists", "polled", "the report", "the note", "research report", "it is estimated",
    "it is also estimated", "it is expected", "it is also expected",
    # "is expected to post earnings of $0.74 per share in its upcoming report"
    "upcoming report", "upcoming earnings report", "upcoming release",
)
# Revisions of a forecast are not forecasts ("raised its revenue forecast by 4%").
REVISION_VERBS: Final = (
    "raised", "increased", "lifted", "cut", "lowered", "trimmed", "revised", "reduced",
    "upgraded", "downgraded", "boosted",
)
# fmt: on

"""Word lists and sentence templates for the benchmark corpus (data only, our own text).

Templates use ``str.format`` fields filled by ``generate_corpus``:
{company} full name, {short} short name, {partner} another company, {segment}, {period},
{amount}, {amount2}, {amount_prev}, {low}, {high} money, {price}, {price2}, {eps} per-share
money,
{pct}, {pct2}, {margin}, {margin_prev} numbers, {years} a count word, {date} a full date,
{broker}, {rating}, {rating_prev}, {consensus}, {n}, {m}, {pe}, {pe2}, {peer}, {year},
{topic}, {market}, {weekday}.
"""

from __future__ import annotations

from typing import Final

NAME_STEMS: Final = (
    "Northwind", "Harbor", "Kestrel", "Silverline", "Bluepeak", "Aster", "Corvus", "Meridian",
    "Tidewater", "Granite", "Lumen", "Orchard", "Solano", "Vantage", "Halden", "Ironbridge",
    "Saffron", "Cobalt", "Redwood", "Altamira", "Brightwater", "Quill", "Ember", "Westmark",
)  # fmt: skip

SECTORS: Final = {
    "Semiconductor": ("Data Center", "Automotive", "Industrial", "Consumer Devices"),
    "Cloud": ("Cloud Services", "Enterprise Software", "Consumer Apps", "Advertising"),
    "Logistics": ("Contract Logistics", "Freight Forwarding", "Parcel", "Cold Chain"),
    "Retail": ("Home Market", "International", "E-commerce", "Wholesale"),
    "Energy": ("Renewables", "Grid Services", "Trading", "Upstream"),
    "Pharma": ("Oncology", "Vaccines", "Generics", "Consumer Health"),
    "Motors": ("Passenger Cars", "Trucks", "Financial Services", "Batteries"),
    "Insurance": ("Life", "Property & Casualty", "Health", "Asset Management"),
}

LEGAL_SUFFIXES: Final = ("Inc.", "Group", "AG", "Ltd", "Holdings", "Corp.", "SE", "plc")

# Home currency -> ISIN country prefix and the ways an amount is written in it.
CURRENCIES: Final = {
    "USD": ("US", ("${n} {scale}", "USD {n} {scale}", "{n} {scale} US dollars", "${n}{short}")),
    "EUR": ("DE", ("€{n} {scale}", "EUR {n} {scale}", "{n} {scale} euros", "€{n}{short}")),
    "CNY": ("KY", ("{n} {scale} yuan", "RMB {n} {scale}", "CNY {n} {scale}")),
    "HKD": ("HK", ("HK${n} {scale}", "HKD {n} {scale}")),
    "JPY": ("JP", ("¥{n} {scale}", "{n} {scale} yen")),
    "GBP": ("GB", ("£{n} {scale}", "{n} {scale} pounds", "£{n}{short}")),
}
PRICE_FORMATS: Final = {
    "USD": "${n}",
    "EUR": "€{n}",
    "CNY": "{n} yuan",
    "HKD": "HK${n}",
    "JPY": "¥{n}",
    "GBP": "{n}p",
}

BROKERS: Final = (
    "Halvorsen Securities", "Marlow & Finch", "Weser Bank", "Granite Peak Research",
    "Castell & Reyes", "Kingsgate Capital", "Hayashi Securities", "Northgate Partners",
)  # fmt: skip
RATING_MOVES: Final = (
    ("Hold", "Buy"), ("Neutral", "Overweight"), ("Sell", "Hold"), ("Buy", "Hold"),
    ("Overweight", "Equal Weight"), ("Outperform", "Sector Perform"), ("Underweight", "Neutral"),
)  # fmt: skip
CONSENSUS: Final = ("Moderate Buy", "Strong Buy", "Hold", "Buy", "Outperform")
PEERS: Final = ("the S&P 500", "the Stoxx 600", "its sector", "the Nasdaq 100", "its peer group")
TOPICS: Final = (
    "AI-powered tools for merchants", "battery recycling", "cloud infrastructure",
    "cross-border payments", "autonomous warehouses", "digital health records",
)  # fmt: skip
MARKETS: Final = ("cloud computing in Asia", "European parcel delivery", "premium batteries")
CAPEX_TARGETS: Final = ("new data centres", "automated hubs", "factory capacity", "its network")
COUNT_WORDS: Final = ("two", "three", "four", "five", "seven", "ten")
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

HEADLINES: Final = (
    "{short} Bets Big on Growth With {partner} Deal",
    "{short}: Strong Segments, Cautious Analysts",
    "{short} Shares in Focus After Quarterly Update",
    "Why Analysts Still Like {short}",
    "{short} Expands While Margins Come Under Pressure",
)

DEAL_SENTENCES: Final = (
    "{company} is investing {amount} in {partner} through a convertible bond issued on {date}, "
    "with a conversion price of {price} per share.",
    "{short} will be an anchor investor in the initial public offering of {partner}, due to list "
    "on {date} at a valuation of {low} to {high}.",
    "{partner} has agreed to buy cloud services from {short} under a {years}-year contract worth "
    "at least {amount}.",
    "{short} plans to spend {amount} over the next {years} years on {topic}.",
    "The board approved a share buyback of up to {amount}, or about {pct}% of the shares "
    "outstanding.",
    "{company} agreed to acquire {partner} for {amount} in cash, or {price} per share.",
    "{short} and {partner} will set up a joint venture with a combined investment of {amount}; "
    "{short} contributes {amount2} for a {pct}% stake.",
    "{short} and {partner} agreed a merger valued at about {amount}.",
    "{short} announced a strategic partnership with {partner} covering {topic}.",
    "Shareholders will receive a dividend of {price} per share.",
)

METRIC_SENTENCES: Final = (
    "Revenue in the {segment} segment rose {pct}% to {amount} in {period}.",
    "{segment} revenue grew {pct} percent year over year to {amount}.",
    "Operating income fell from {amount_prev} to {amount}.",
    "EBITDA increased {pct}% to {amount}, lifting the EBITDA margin to {margin}%.",
    "Free cash flow came in at {amount} for {period}.",
    "Capital expenditure climbed {pct}% as the company kept building.",
    "Adjusted earnings declined {pct}% on higher marketing costs.",
    "The gross margin narrowed from {margin_prev}% to {margin}%.",
    "Net cash stood at more than {amount} at the end of the quarter.",
    "Its market share in {market} reached about {pct}%.",
    "In the {segment} unit, operating profit rose {pct}% to {amount}.",
)

VIEW_SENTENCES: Final = (
    'Of {m} analysts covering the stock, {n} rate it a "Buy".',
    "{n} out of {m} analysts recommend buying the shares.",
    'The consensus rating is "{consensus}".',
    "The average price target of {price} implies upside of about {pct}% from the current price "
    "of {price2}.",
    '{broker} upgraded the stock from "{rating_prev}" to "{rating}" and raised its price target '
    "to {price} from {price2}.",
    '{broker} downgraded {short} to "{rating}" from "{rating_prev}".',
    "The shares have gained {pct}% since the start of the year.",
    "The stock fell {pct}% to {price} on {weekday}.",
    "With a forward P/E of about {pe}, {short} trades below {peer} (P/E {pe2}).",
    "Analysts expect earnings per share of {eps} for fiscal {year}, up {pct}%.",
)

FILLER_SENTENCES: Final = (
    "Management said the coming year would be about discipline rather than expansion at any cost.",
    "Competition in the company's home market has intensified as rivals cut prices.",
    "The group has been shifting its portfolio toward higher-margin services for several years.",
    "Investors will be watching whether the new strategy can lift returns without more debt.",
    "Executives pointed to a steady pipeline of orders from large corporate customers.",
    "Regulators have yet to comment on the plans, which still need formal approval.",
    "Some shareholders had pushed for a clearer focus on the core business.",
    "The chief executive described the current environment as challenging but manageable.",
    "Industry observers expect consolidation in the sector to continue.",
    "Integration of earlier acquisitions is largely complete, according to the company.",
    "The company plans to publish a detailed update at its capital markets day.",
    "Currency swings weighed on reported figures in several regions.",
    "Demand from small and medium-sized businesses remained resilient.",
    "Supply bottlenecks that hurt last year's results have mostly eased.",
)

PROMO_BLOCK: Final = (
    "Ad\n\n"
    "{short} shares: buy, hold or sell? Our new {short} report of {day} {month} has the answer:\n\n"
    "The newest {short} numbers are clear: {short} shareholders need to act now. Buy more, or "
    "get out? Our free report of {day} {month} tells you what to do.\n\n"
    "{short}: buy or sell? Read on here..."
)

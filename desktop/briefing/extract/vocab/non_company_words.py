"""Capitalised words that are never a company by themselves: sentence openers, months,
titles, finance terms, places, and the last words of events and venues (data only).

Every entry is written as it appears in text; lookups compare case-sensitively.
"""

from __future__ import annotations

from typing import Final

# Capitalised words that are never a company on their own: sentence openers, months,
# days, titles, finance terms and abbreviations, currencies and exchanges.
NON_COMPANY_WORDS: Final = frozenset(
    {
        # function words and sentence openers
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
        "Our", "Their", "His", "Her", "You", "Your", "I", "In", "On", "At", "For", "From", "With",
        "By", "As", "After", "Before", "But", "And", "Or", "If", "While", "When", "Where", "Why",
        "What", "Which", "Who", "How", "However", "Meanwhile", "Separately", "Additionally",
        "Also", "Notably", "Overall", "Despite", "Following", "According", "Elsewhere", "Finally",
        "Therefore", "Thus", "Still", "Yet", "Now", "Today", "Yesterday", "Tomorrow", "Last",
        "Next", "Since", "Until", "Under", "Over", "Among", "Between", "Both", "Each", "Every",
        "All", "Some", "Many", "Most", "More", "Several", "Other", "Others", "Such", "Not", "No",
        "Yes", "Here", "There", "Then", "Although", "Though", "Because", "Unlike", "Like",
        "Including", "Through", "Into", "About", "Against", "During", "Without", "Within",
        "Beyond", "Amid", "Than", "Via", "Per", "Versus", "Up", "Down", "Out", "Off", "Even",
        "Only", "Just", "So", "To", "Of", "Is", "Are", "Was", "Were", "Be", "Has", "Have", "Had",
        "Will", "Would", "Should", "Could", "Can", "May", "Might", "Must", "Do", "Does", "Did",
        "Let", "Get", "Find", "Read", "See", "Click", "Share", "Shares", "Stock", "Stocks",
        "Analysts", "Analyst", "Investors", "Investor", "Sources", "Source", "Data", "Summary",
        "Note", "Related", "Recommend", "RECOMMEND", "Advertisement", "Ad", "Ads", "Original",
        "Similar", "Posts", "Leave", "Reply", "Email", "Follow", "Facebook", "Twitter", "LinkedIn",
        "StockTwits", "Key", "Core", "Viewpoint", "Sections", "Details", "Conversion", "Issuance",
        "Market", "Markets", "Index", "Price", "Target", "Rating", "Ratings", "Buy", "Sell",
        "Hold", "Neutral", "Overweight", "Underweight", "Outperform", "Underperform", "Equal",
        "Buys", "Holds", "Sells",
        "Weight", "Equalweight", "Positive", "Negative", "Strong", "Moderate", "Revenue",
        "Revenues", "Sales", "Profit", "Profits", "Net", "Gross", "Operating", "Consolidated",
        "Total", "Quarterly", "Annual", "Adjusted", "Underlying", "Earnings", "Income", "Growth",
        "Results", "Guidance", "Outlook", "Forecast", "Upgrade", "Downgrade", "Upgrades",
        "Downgrades", "Report", "News", "Update", "Breaking", "Exclusive", "Opinion", "Analysis",
        "Investing", "Business", "Finance", "Economy", "World", "Chinese", "American", "European",
        "Japanese", "Indian", "German", "French", "British", "Korean", "South", "North", "East",
        "Brazilian", "Mexican", "Canadian", "Australian", "Italian", "Spanish", "Swiss",
        "Swedish", "Dutch", "Norwegian", "Danish", "Finnish", "Irish", "Russian", "Taiwanese",
        "Singaporean", "Indonesian", "Malaysian", "Thai", "Vietnamese", "Emirati", "Israeli",
        "Turkish", "Polish", "Belgian", "Austrian", "Portuguese", "Greek", "Nigerian", "Kenyan",
        "Egyptian", "Chilean", "Argentine", "Argentinian", "Colombian", "Peruvian", "Filipino",
        "Pakistani", "Qatari", "Kuwaiti", "Scottish", "Welsh", "English", "Nordic",
        "Scandinavian", "Latin", "African",
        "West", "Western", "Eastern", "Asian", "Global", "International", "National", "Federal",
        "Central", "Major", "Leading", "Largest", "New", "Old", "Big", "Small", "High", "Low",
        "First", "Second", "Third", "Fourth", "Fiscal", "City", "One", "Two", "Three", "Four",
        "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty", "Hundreds",
        "Thousands", "Dozens", "Millions", "Half", "Full", "Year", "Quarter", "Month", "Week",
        "Day", "Morning", "Evening",
        # ordinary nouns that open sentences about markets ("Demand fell")
        "Demand", "Costs", "Cost", "Prices", "Margins", "Margin", "Exports", "Imports",
        "Inflation", "Production", "Output", "Volumes", "Volume", "Deliveries", "Shipments",
        "Bookings", "Traffic", "Spending", "Investment", "Capex", "Consumption", "Employment",
        "Wages", "Rates", "Yields", "Bonds", "Equities", "Futures", "Trading", "Losses", "Debt",
        "Cash", "Dividends", "Buybacks", "Management", "Customers", "Consumers", "Users",
        "Subscribers", "Sentiment", "Valuations", "Competition", "Pressure", "Tariffs",
        "Regulators", "Officials", "Executives", "Employees", "Workers", "Staff", "Shareholders",
        "Bondholders", "Orders", "Order", "Operations", "Highlights", "Disclaimer", "Reporting",
        "Free", "Organic", "Newswire", "Reuters", "Bloomberg",
        # months and days
        "January", "February", "March", "April", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
        "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "Easter", "Christmas",
        # titles
        "CEO", "CFO", "COO", "CTO", "Chairman", "Chief", "Executive", "President", "Director",
        "Managing", "Officer", "Founder", "Mr", "Mrs", "Ms", "Dr",
        # finance terms and abbreviations
        "IPO", "IPOs", "EPS", "EBITDA", "EBIT", "Ebitda", "Ebit", "EBITA", "Ebita", "GDP", "AI",
        "LLM", "LLMs", "ADR", "ADRs", "ADS",
        "ETF", "ETFs", "ESG", "EV", "EVs", "PC", "PCs", "YoY", "QoQ", "Q-o-Q", "Y-o-Y", "FY", "H1",
        "H2", "Q1", "Q2", "Q3", "Q4", "P/E", "PE", "ROE", "FCF", "CAGR", "M&A", "R&D", "HR", "IT",
        "US", "U.S.", "UK", "U.K.", "EU", "UAE", "USA", "HKFRS", "GAAP", "IFRS", "NAV", "TTM",
        "MF", "AGM", "EGM", "GM", "JV", "CEO's", "PLC", "Inc", "Ltd", "Corp", "Co", "Group",
        "Holdings", "Company", "Corporation", "Limited",
        # currencies
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "INR", "DKK", "CAD", "AUD", "CHF", "SEK",
        "NOK", "KRW", "TWD", "SGD", "Rs", "Rs.", "Yen", "Yuan", "Euro", "Euros", "Dollar",
        "Dollars", "Rupee", "Rupees",
        # exchanges, indices and venues
        "NYSE", "Nasdaq", "NASDAQ", "OTC", "LSE", "LON", "HKEX", "HKG", "TSE", "BSE", "NSE", "SSE",
        "SZSE", "ASX", "TSX", "KRX", "SGX", "FTSE", "Topix", "TOPIX", "Nikkei", "Dow", "S&P",
        "DAX", "CAC", "Hang", "Seng", "Sensex", "Nifty", "Stoxx", "STOXX", "ISE", "CBOE", "Cboe",
        "PHLX", "OMX", "MSCI", "Euronext", "Xetra",
    }
)  # fmt: skip

# Places: never a company by themselves (a name may still contain one, "Bank of China").
PLACE_NAMES: Final = frozenset(
    {
        "China", "Hong", "Kong", "Hong Kong", "Japan", "India", "Taiwan", "Korea", "South Korea",
        "Singapore", "Indonesia", "Malaysia", "Thailand", "Vietnam", "Philippines", "Australia",
        "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Germany", "France", "Italy", "Spain",
        "Portugal", "Netherlands", "Belgium", "Switzerland", "Austria", "Sweden", "Norway",
        "Denmark", "Finland", "Ireland", "Britain", "England", "Scotland", "Wales", "Poland",
        "Russia", "Ukraine", "Turkey", "Israel", "Saudi", "Saudi Arabia", "Qatar", "Dubai",
        "Abu Dhabi", "Egypt", "Nigeria", "Kenya", "South Africa", "Africa", "Europe", "Asia",
        "America", "Americas", "United States", "United Kingdom", "North America", "South America",
        "Latin America", "Middle East", "Asia Pacific", "Asia-Pacific", "EMEA", "APAC",
        "Greater China", "Southeast Asia", "Oceania", "Beijing", "Shanghai", "Shenzhen",
        "Guangzhou", "Hangzhou", "Tokyo", "Osaka", "Seoul", "Taipei", "Mumbai", "Delhi",
        "New Delhi", "Bengaluru", "Bangalore", "Chennai", "Hyderabad", "Kolkata", "London",
        "Paris", "Berlin", "Frankfurt", "Munich", "Amsterdam", "Brussels", "Zurich", "Geneva",
        "Milan", "Rome", "Madrid", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Dublin",
        "Vienna", "Warsaw", "Moscow", "Istanbul", "New York", "Washington", "California", "Texas",
        "Silicon Valley", "Wall Street", "Toronto", "Vancouver", "Windsor", "Ontario", "Sydney",
        "Melbourne", "Sao Paulo", "Termoli", "Detroit", "Chicago", "Boston", "Seattle",
        "San Francisco", "Los Angeles", "Arizona", "Ohio", "Michigan", "Kentucky", "Tennessee",
        "Georgia", "Macau", "Bengaluru-based", "Paris-based", "China-based", "Japan-based",
        "U.S.-based", "Mainland",
    }
)  # fmt: skip

# Last words that make a capitalised phrase an event, a venue or a product, not a
# company ("Capital Markets Day", "Tokyo Stock Exchange", "Volatility Scorecard").
NON_COMPANY_LAST_WORDS: Final = frozenset(
    {
        "Exchange", "Index", "Day", "Days", "Week", "Scorecard", "Program", "Programme",
        "Act", "Award", "Awards", "Conference", "Summit", "Forum", "Report", "Survey",
        "Agreement", "Plan", "Strategy", "Initiative", "Prize", "Cup", "League", "Festival",
        "Show", "Expo", "Model", "Models", "Platform", "Division", "Segment", "Unit",
        "Business", "Category", "Plant", "Factory", "Facility", "Region", "Area", "Zone",
        "Street", "Road", "Avenue", "Square", "Park", "River", "Lake", "Mountain",
        "Island", "Islands", "University", "College", "School", "Hospital", "Ministry",
        "Department", "Commission", "Council", "Committee", "Court", "Parliament",
        "Congress", "Senate", "Government", "Police", "Army", "Navy", "Party", "Union",
        "Association", "Federation", "Institute", "Foundation", "Organization",
        "Organisation", "Agency", "Office", "Board", "Reserve", "Treasury",
    }
)  # fmt: skip

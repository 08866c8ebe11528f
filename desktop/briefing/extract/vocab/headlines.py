"""Words of title-case headlines that are capitalised like names but end them (data only)."""

from __future__ import annotations

from typing import Final

# Capitalised function words inside a title-case headline: they end a name there
# ("Institutional Investors Weigh In On Brightwater Utilities").
HEADLINE_BREAKS: Final = frozenset(
    {
        "In", "On", "At", "To", "For", "With", "From", "By", "As", "After", "Before",
        "Over", "Into", "Of", "And", "Or", "The", "A", "An", "Is", "Are", "Was", "Be",
        "Its", "Their", "Up", "Down", "Out", "Amid", "Says", "Said", "Than", "Vs",
        "Versus", "Via", "Per", "Why", "How", "What", "When", "Who", "Will", "Could",
        "Should", "Can", "May", "Might", "Not", "But", "If", "Off", "About", "Against",
    }
)  # fmt: skip

# Title-case verbs (and the words of their phrases) that a headline glues to the names
# around them ("Harbourline Agrees to Take Corvina Foods Private", "Needham Lifts Quillon
# Systems"): inside a title-case line they end a name, never belong to one.
HEADLINE_VERBS: Final = frozenset(
    {
        "Agrees", "Agreed", "Agree", "Takes", "Take", "Took", "Buys", "Buy", "Bought", "Sells",
        "Sell", "Sold", "Acquires", "Acquire", "Acquired", "Raises", "Raise", "Raised", "Cuts",
        "Cut", "Lifts", "Lift", "Lowers", "Lower", "Trims", "Slashes", "Hikes", "Boosts",
        "Upgrades", "Upgraded", "Downgrades", "Downgraded", "Reiterates", "Maintains",
        "Retains", "Keeps", "Initiates", "Starts", "Rates", "Sees", "Eyes", "Private", "Public",
        "Wins", "Beats", "Misses", "Jumps", "Falls", "Rises", "Soars", "Plunges", "Slumps",
        "Surges", "Drops", "Gains", "Climbs", "Sinks", "Tumbles", "Rallies", "Slides", "Dips",
        "Posts", "Reports", "Files", "Seeks", "Plans", "Bets", "Bids", "Offers", "Launches",
        "Unveils", "Signs", "Completes", "Names", "Appoints", "Sets", "Expands", "Invests",
        "Backs", "Joins", "Merges", "Explores", "Considers", "Weighs", "Nears", "Clinches",
        "Lands", "Secures", "Strikes", "Inks", "Tops", "Hits", "Gets", "Makes", "Puts", "Goes",
        "Go", "Deal", "Deals", "Bid", "Stake", "Talks", "Shares", "Stock", "Target", "Targets",
        "Upside", "Downside", "Rating", "Price", "Billion", "Million",
    }
)  # fmt: skip

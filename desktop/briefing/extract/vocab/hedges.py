"""Words around an amount that make it approximate or a bound (data only).

Each phrase maps to ``(approx, bound)``; phrases are matched case-insensitively directly in
front of the amount and become part of its text.
"""

from __future__ import annotations

from typing import Final

HEDGE_PHRASES: Final = {
    # approximate
    "nearly": (True, None),
    "roughly": (True, None),
    "approximately": (True, None),
    "approx.": (True, None),
    "approx": (True, None),
    "around": (True, None),
    "hovering around": (True, None),
    "about": (True, None),
    "some": (True, None),
    "close to": (True, None),
    "almost": (True, None),
    "an estimated": (True, None),
    "estimated": (True, None),
    "circa": (True, None),
    "an approximate": (True, None),
    "in the region of": (True, None),
    "in the neighbourhood of": (True, None),
    "in the neighborhood of": (True, None),
    # lower bounds
    "over": (False, "min"),
    "more than": (False, "min"),
    "exceeding": (False, "min"),
    "exceeds": (False, "min"),
    "exceed": (False, "min"),
    "exceeded": (False, "min"),
    "surpassing": (False, "min"),
    "surpass": (False, "min"),
    "surpassed": (False, "min"),
    "topping": (False, "min"),
    "at least": (False, "min"),
    "no less than": (False, "min"),
    "not less than": (False, "min"),
    "no fewer than": (False, "min"),
    "above": (False, "min"),
    "upwards of": (False, "min"),
    "upward of": (False, "min"),
    "in excess of": (False, "min"),
    "greater than": (False, "min"),
    "larger than": (False, "min"),
    "higher than": (False, "min"),
    "north of": (False, "min"),
    "a minimum of": (False, "min"),
    "minimum of": (False, "min"),
    "well over": (False, "min"),
    "well above": (False, "min"),
    "just over": (True, "min"),
    "just above": (True, "min"),
    "slightly over": (True, "min"),
    "slightly above": (True, "min"),
    "slightly more than": (True, "min"),
    "a little over": (True, "min"),
    "a little more than": (True, "min"),
    # upper bounds
    "up to": (False, "max"),
    "at most": (False, "max"),
    "no more than": (False, "max"),
    "not more than": (False, "max"),
    "under": (False, "max"),
    "below": (False, "max"),
    "less than": (False, "max"),
    "fewer than": (False, "max"),
    "smaller than": (False, "max"),
    "lower than": (False, "max"),
    "a maximum of": (False, "max"),
    "maximum of": (False, "max"),
    "as much as": (False, "max"),
    "as many as": (False, "max"),
    "well below": (False, "max"),
    "well under": (False, "max"),
    "just under": (True, "max"),
    "just below": (True, "max"),
    "slightly under": (True, "max"),
    "slightly below": (True, "max"),
    "slightly less than": (True, "max"),
}

# Written directly after an amount ("500 or more", "13%+").
BOUND_SUFFIXES: Final = {
    "or more": "min",
    "and more": "min",
    "or above": "min",
    "and above": "min",
    "or greater": "min",
    "or higher": "min",
    "and over": "min",
    "or over": "min",
    "or less": "max",
    "or fewer": "max",
    "or below": "max",
    "and below": "max",
    "or lower": "max",
    "and under": "max",
    "or under": "max",
}

# Words that negate the amount they precede ("minus five percent").
SIGN_WORDS: Final = ("minus", "negative")

# In front of a sign word, what makes it a tolerance, not a sign ("plus or minus $50 million").
TOLERANCE_LEADS: Final = ("plus or", "plus/")

# In front of the low end: "between X and Y" is a range.
RANGE_OPENER: Final = "between"

# In front of the first amount: "from X to Y" is a change, two quantities, not a range.
CHANGE_OPENER: Final = "from"

# "fell by £146m to £1.12bn" is a change and a level too, when the first amount carries its
# own unit; "grow by 3 to 5 percent" stays a range.
CHANGE_BY_OPENER: Final = "by"

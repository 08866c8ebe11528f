"""Scale words, abbreviations, written numbers and the calendar words around numbers (data only)."""

from __future__ import annotations

from typing import Final

# Written out; matched case-insensitively, with or without a space ("5.59 billion", "2Million").
SCALE_WORDS: Final = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    "lac crore": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
    "dozen": 12.0,
}

# Abbreviations, matched as written, glued or after one space ("€2.5bn", "10 bln", "Rs 5 cr").
SCALE_ABBREVIATIONS: Final = {
    "bn": 1e9,
    "bln": 1e9,
    "Bn": 1e9,
    "BN": 1e9,
    "mn": 1e6,
    "mln": 1e6,
    "Mn": 1e6,
    "MN": 1e6,
    "mil": 1e6,
    "tn": 1e12,
    "trn": 1e12,
    "Tn": 1e12,
    "cr": 1e7,
    "Cr": 1e7,
}

# Single letters (and MM), matched only glued to the digits ("$4.1B", "5k", "1MM").
SCALE_LETTERS: Final = {
    "MM": 1e6,
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "M": 1e6,
    "b": 1e9,
    "B": 1e9,
    "T": 1e12,
}

# Letters that are a scale only on a money amount: "5m" alone is more often metres or minutes.
SCALE_LETTERS_NEEDING_CURRENCY: Final = frozenset({"m", "T"})

# Written numbers (matched case-insensitively).
UNIT_WORDS: Final = {
    "zero": 0,
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
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
HUNDRED_WORD: Final = "hundred"

# Words that count as "one" only in front of a scale word ("a million", "an estimated" is not).
INDEFINITE_ARTICLES: Final = frozenset({"a", "an"})

# Fractions that are read only in front of a scale word ("half a million" is not covered).
FRACTION_WORDS: Final = {
    "half": 0.5,
    "a half": 0.5,
    "quarter": 0.25,
    "a quarter": 0.25,
    "three quarters": 0.75,
}

# "double-digit percentage growth" is at least 10 %, "single-digit" at most 9 %: the value and
# the bound each phrase states.
DIGIT_COUNT_WORDS: Final = {
    "single": (9.0, "max"),
    "double": (10.0, "min"),
    "triple": (100.0, "min"),
}

# Month names, so that day numbers in dates ("January 5, 2025") are not read as quantities.
MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)

# Bare four-digit numbers in this range are read as years ("in 2024", "since 1989").
YEAR_RANGE: Final = (1900, 2099)

"""Calendar words for reading dates and periods (data only)."""

from __future__ import annotations

from typing import Final

# Every spelling of a month that news uses, lower case, to its number.
MONTHS: Final = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Short month labels for period labels ("Oct–Dec").
MONTH_ABBREVIATIONS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

MONTH_FULL_NAMES: Final = (
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
)

WEEKDAYS: Final = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tues",
    "tue",
    "wed",
    "thurs",
    "thu",
    "fri",
    "sat",
    "sun",
)

# Days written as ordinal words ("January first", "the fourth of July").
ORDINAL_DAY_WORDS: Final = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}

# Ordinals that name a quarter or half ("second fiscal quarter", "first-half").
PERIOD_ORDINALS: Final = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

# Small counts written as words ("the next three years", "last six months").
COUNT_WORDS: Final = {
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
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "thirty-six": 36,
}

# Nouns a bare year qualifies when it names a reporting period ("2025 revenue").
YEAR_QUALIFIED_NOUNS: Final = (
    "results",
    "revenue",
    "revenues",
    "sales",
    "earnings",
    "profit",
    "profits",
    "guidance",
    "forecast",
    "forecasts",
    "outlook",
    "target",
    "targets",
    "eps",
    "ebitda",
    "capex",
    "dividend",
    "growth",
)

# Words before a bare year that make it a period ("in 2024", "throughout 2025").
YEAR_PREPOSITIONS: Final = (
    "in",
    "during",
    "throughout",
    "for",
    "over",
    "since",
    "through",
    "until",
    "till",
    "into",
    "by",
    "calendar",
    "full-year",
    "full year",
)

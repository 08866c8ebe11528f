"""Words that end with a full stop without ending a sentence (lower case, no dot)."""

from __future__ import annotations

from typing import Final

# Corporate forms end a sentence when a capitalised word follows ("... Acme Inc. Shares
# rose"), since mid-sentence they are mostly followed by lower case or another form.
CORPORATE_FORMS: Final = frozenset(
    {"co", "corp", "inc", "ltd", "plc", "llc", "bhd", "pty", "pvt", "cie", "nv", "sa", "ag", "se",
     "spa", "bros", "intl", "hldgs"}
)  # fmt: skip

ABBREVIATIONS: Final = frozenset(
    {
        # corporate forms
        "co",
        "corp",
        "inc",
        "ltd",
        "plc",
        "llc",
        "bhd",
        "pty",
        "pvt",
        "cie",
        "nv",
        "sa",
        "ag",
        "se",
        "spa",
        "bros",
        "intl",
        "hldgs",
        # titles
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        # money and measures
        "rs",
        "no",
        "nos",
        "approx",
        "est",
        "vs",
        "min",
        "max",
        "avg",
        "pct",
        "yr",
        "yrs",
        # months and days
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        # references
        "e.g",
        "i.e",
        "etc",
        "cf",
        "al",
        "fig",
        "ref",
        "vol",
        "p",
        "pp",
    }
)

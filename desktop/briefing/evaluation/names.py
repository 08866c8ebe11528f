"""Company-name comparison as the devset README defines it.

Two names match when, after lower-casing, stripping accents and punctuation and dropping
corporate suffixes, one contains the other. Gold writes several parties comma-separated and
adds an abbreviation in brackets ("Taiwan Semiconductor Manufacturing Co. (TSMC)"), so
each side is split into its alternatives (the whole name, each comma-separated party, the
bracketed part and the name without it) and any overlap between alternatives is a match:
naming one of several partners or investors counts, since gold itself cannot say which
subset an extractor should give.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Words that say what kind of company it is, not which one.
CORPORATE_WORDS: Final = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "plc",
        "group",
        "holding",
        "holdings",
        "sa",
        "ag",
        "nv",
        "se",
        "llc",
        "lp",
        "gmbh",
        "the",
    }
)

_NON_WORD = re.compile(r"[^0-9a-z]+")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_PARTY_SEPARATOR = re.compile(r"[,;/]")


def normalize_name(name: str) -> str:
    """The comparable form of a company name.

    >>> normalize_name("Deutsche Börse AG")
    'deutsche borse'
    >>> normalize_name("Taiwan Semiconductor Manufacturing Co.")
    'taiwan semiconductor manufacturing'
    >>> normalize_name("The Walt Disney Company")
    'walt disney'
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    # "&" joins words of one name ("AT&T", "Johnson & Johnson"); keep it as a word.
    words = _NON_WORD.sub(" ", ascii_only.replace("&", " and ")).split()
    return " ".join(w for w in words if w not in CORPORATE_WORDS)


def name_alternatives(name: str) -> frozenset[str]:
    """Every form under which a (possibly multi-party) name may match.

    >>> sorted(name_alternatives("China Pacific Insurance (CPIC)"))
    ['china pacific insurance', 'china pacific insurance cpic', 'cpic']
    >>> sorted(name_alternatives("KDDI, Lawson"))
    ['kddi', 'kddi lawson', 'lawson']
    """
    forms = {name, _BRACKETED.sub(" ", name)}
    forms.update(_BRACKETED.findall(name))
    for form in list(forms):
        forms.update(_PARTY_SEPARATOR.split(form))
    normalized = (normalize_name(form) for form in forms)
    return frozenset(n for n in normalized if n)


def names_match(gold: str, extracted: str) -> bool:
    """Whether an extracted name designates the gold one (either contains the other).

    >>> names_match("Mitsubishi Corp.", "Mitsubishi Corporation")
    True
    >>> names_match("Taiwan Semiconductor Manufacturing Co. (TSMC)", "TSMC")
    True
    >>> names_match("Toyota Motor", "Toyota Motor Corp ADR")
    True
    >>> names_match("Siemens", "Siemens Healthineers")
    True
    >>> names_match("Veolia", "Suez")
    False
    """
    gold_forms = name_alternatives(gold)
    extracted_forms = name_alternatives(extracted)
    return any(g in e or e in g for g in gold_forms for e in extracted_forms)

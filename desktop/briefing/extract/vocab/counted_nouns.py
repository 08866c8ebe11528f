"""Nouns that make a bare number a count or a number of shares (data only).

Kept short on purpose: a number followed by one of these is a count; anything else stays a
plain number for the extractors to interpret.
"""

from __future__ import annotations

from typing import Final

SHARE_NOUNS: Final = (
    "shares",
    "share",
    "ADSs",
    "ADRs",
    "depositary shares",
    "American depositary shares",
    "stock units",
    "stock unit",
)

COUNT_NOUNS: Final = (
    "employees",
    "employee",
    "staff",
    "workers",
    "people",
    "analysts",
    "analyst",
    "brokers",
    "broker",
    "brokerages",
    "firms",
    "firm",
    "companies",
    "stores",
    "store",
    "shops",
    "outlets",
    "branches",
    "restaurants",
    "investors",
    "investor",
    "shareholders",
    "vehicles",
    "cars",
    "units",
    "customers",
    "clients",
    "users",
    "subscribers",
    "members",
    "accounts",
    "downloads",
    "patients",
    "days",
    "weeks",
    "months",
    "years",
    "countries",
    "markets",
    "cities",
    "plants",
    "factories",
    "deals",
    "contracts",
    "orders",
    "jobs",
    "products",
    "models",
    "ratings",
)

# Singular nouns count only after "one" / "1" ("one analyst"); "a FTSE 100 firm" is no count.
SINGULAR_NOUNS: Final = frozenset(
    {"share", "employee", "analyst", "broker", "firm", "store", "investor", "stock unit"}
)

# One word that may stand between the number and the noun ("12 covering analysts").
NOUN_MODIFIERS: Final = (
    "covering",
    "Wall Street",
    "new",
    "full-time",
    "retail",
    "institutional",
    "active",
    "monthly active",
    "daily active",
    "paying",
    "paid",
    "ordinary",
    "common",
    "preferred",
    "treasury",
    "own",
    "class A",
    "Class A",
    "class B",
    "Class B",
    "A",
    "B",
    "H",
    "electric",
    "research",
    "trading",
    "additional",
)

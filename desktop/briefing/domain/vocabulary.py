"""The closed vocabularies of the extraction contract (data only)."""

from __future__ import annotations

from typing import Final

DEAL_TYPES: Final = (
    "investment",
    "convertible_bond",
    "ipo",
    "acquisition",
    "merger",
    "divestment",
    "partnership",
    "commercial_agreement",
    "capex_plan",
    "buyback",
    "dividend",
    "financing",
    "joint_venture",
    "licensing",
    "settlement",
    "other",
)

# Deal types that may legitimately carry no amount; every other type needs an amount
# or a valuation to be worth reporting.
DEAL_TYPES_WITHOUT_AMOUNT: Final = frozenset(
    {"partnership", "joint_venture", "licensing", "settlement", "other"}
)

METRIC_NAMES: Final = (
    "revenue",
    "gross_profit",
    "gross_margin",
    "ebitda",
    "ebitda_margin",
    "ebit",
    "operating_income",
    "operating_margin",
    "net_income",
    "adjusted_earnings",
    "eps",
    "free_cash_flow",
    "operating_cash_flow",
    "capex",
    "net_cash",
    "debt",
    "market_share",
    "market_cap",
    "users",
    "orders",
    "subscribers",
    "guidance_revenue",
    "guidance_eps",
    "backlog",
    "headcount",
    "other",
)

VIEW_TYPES: Final = (
    "rating",
    "rating_change",
    "rating_count",
    "consensus_rating",
    "price_target",
    "share_price",
    "upside",
    "price_performance",
    "valuation_multiple",
    "eps_forecast",
    "revenue_forecast",
)

PRICE_TARGET_STATS: Final = ("average", "median", "high", "low", "single")
MULTIPLE_METRICS: Final = ("pe", "forward_pe", "ev_ebitda", "ps", "pb")
QUANTITY_UNITS_NON_CURRENCY: Final = ("%", "x", "count", "shares")

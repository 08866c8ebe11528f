"""The analyst picture of one company: ratings, targets against the price, multiples, moves.

Nothing here is averaged across sources. The one figure we compute is the implied upside
of each price target against a share price stated by the same article (or, failing that,
by the article nearest in time); it is set beside the upside the article stated, and the
two are compared with the same rules as any two statements (``compare``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, cast

import pandas as pd

from briefing.analysis.compare import Verdict, compare_quantities
from briefing.analysis.conflicts import latest_values, normalise_period, quantity_from_row
from briefing.analysis.formatting import format_quantity
from briefing.domain.model import Quantity

RATING_VIEW_TYPES: Final = ("rating_count", "consensus_rating", "rating", "rating_change")
FORECAST_VIEW_TYPES: Final = ("eps_forecast", "revenue_forecast")
# A share price labelled like this is a reference point, not the price of the day.
_NOT_CURRENT_PRICE = re.compile(r"peak|high|low|offer|ipo|issue|close of|record", re.IGNORECASE)

# Columns the targets table adds to the price-target rows.
TARGET_COLUMNS: Final = (
    "price_value",  # the share price the upside is computed against
    "price_text",  # in our words ("about USD 152")
    "price_article_id",
    "implied_upside_low",  # percent; equal ends for a single target
    "implied_upside_high",
    "stated_upside_text",
    "stated_upside_article_id",
    "upside_check",  # compare verdict of stated vs implied; "" when either is missing
)


@dataclass(frozen=True)
class AnalystPicture:
    """The analyst views on one company, each table one row per statement kept."""

    ratings: pd.DataFrame  # rating counts, consensus labels, firm ratings: newest per key
    targets: pd.DataFrame  # price targets + TARGET_COLUMNS
    share_prices: pd.DataFrame  # every stated share price, newest first
    multiples: pd.DataFrame  # valuation multiples of the company and the peers named
    performance: pd.DataFrame  # share performance, newest statement per period
    forecasts: pd.DataFrame  # EPS and revenue forecasts, newest per (type, metric, period)


def row_quantity(row: pd.Series | Mapping[str, Any], prefix: str = "value") -> Quantity | None:
    """The quantity flattened into a frame row's ``<prefix>_*`` cells (a row or a dict)."""
    return quantity_from_row(cast(Mapping[str, Any], row), prefix)


_quantity = row_quantity


def _of_type(views: pd.DataFrame, *types: str) -> pd.DataFrame:
    return views[views["view_type"].isin(types)]


def _newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(
        ["published", "article_id", "start"], ascending=[False, True, True], na_position="last"
    ).reset_index(drop=True)


def current_prices(views: pd.DataFrame) -> pd.DataFrame:
    """The share prices that state the price of the day (not a peak or an offer price)."""
    prices = _of_type(views, "share_price")
    labels = prices["label"].fillna("").astype(str)
    return prices[~labels.str.contains(_NOT_CURRENT_PRICE)]


def _first(frame: pd.DataFrame) -> pd.Series:
    row: pd.Series = frame.iloc[0]
    return row


def _price_for(target: pd.Series, prices: pd.DataFrame) -> pd.Series | None:
    """The same article's current price, else the one published nearest to the target's."""
    usable = prices[prices["value_unit"] == target["value_unit"]]
    if usable.empty:
        return None
    same = usable[usable["article_id"] == target["article_id"]]
    if not same.empty:
        return _first(same)
    when = target["published"]
    if pd.isna(when):
        return _first(_newest_first(usable))
    distance = (usable["published"] - when).abs().fillna(pd.Timedelta.max)
    return _first(usable.loc[[distance.idxmin()]])


def _stated_upside(
    target: pd.Series, upsides: pd.DataFrame, targets: pd.DataFrame
) -> pd.Series | None:
    """The upside the target's article states for it: the one in the same sentence, or the
    article's only upside when the article states only this target."""
    same_article = upsides[upsides["article_id"] == target["article_id"]]
    if same_article.empty:
        return None
    same_sentence = same_article[same_article["quote"] == target["quote"]]
    if not same_sentence.empty:
        return _first(same_sentence)
    article_targets = targets[targets["article_id"] == target["article_id"]]
    if len(article_targets) == 1 and len(same_article) == 1:
        return _first(same_article)
    return None


def implied_upside(target: Quantity, price: float) -> tuple[float, float] | None:
    """Percent upside from ``price`` to the target's low and high ends.

    >>> [round(end, 2) for end in implied_upside(Quantity(205.0, "USD", "$205"), 152.0)]
    [34.87, 34.87]
    >>> ranged = Quantity(None, "USD", "USD 190-205", low=190.0, high=205.0)
    >>> [round(end, 2) for end in implied_upside(ranged, 152.0)]
    [25.0, 34.87]
    """
    if price <= 0:
        return None
    low = target.low if target.value is None else target.value
    high = target.high if target.value is None else target.value
    if low is None or high is None:
        return None
    return (low / price - 1.0) * 100.0, (high / price - 1.0) * 100.0


def upside_check(stated: Quantity, implied: tuple[float, float], approx: bool) -> Verdict:
    """How the stated upside compares with the one implied by target and price."""
    low, high = implied
    if abs(high - low) < 1e-9:
        recomputed = Quantity(round(low, 1), "%", f"{low:.1f}%", approx=approx)
    else:
        recomputed = Quantity(None, "%", f"{low:.1f} to {high:.1f}%", low=low, high=high)
    return compare_quantities(stated, recomputed)


def _targets(views: pd.DataFrame) -> pd.DataFrame:
    targets = _newest_first(_of_type(views, "price_target"))
    prices = current_prices(views)
    upsides = _of_type(views, "upside")
    added: dict[str, list[Any]] = {name: [] for name in TARGET_COLUMNS}
    for _, target in targets.iterrows():
        quantity = _quantity(target)
        price = _price_for(target, prices)
        stated = _stated_upside(target, upsides, targets)
        implied = None
        if quantity is not None and price is not None:
            implied = implied_upside(quantity, float(price["value_value"]))
        stated_quantity = _quantity(stated) if stated is not None else None
        check = ""
        if implied is not None and stated_quantity is not None and price is not None:
            check = upside_check(stated_quantity, implied, bool(price["value_approx"]))
        added["price_value"].append(None if price is None else price["value_value"])
        price_quantity = None if price is None else _quantity(price)
        added["price_text"].append(
            None if price_quantity is None else format_quantity(price_quantity)
        )
        added["price_article_id"].append(None if price is None else price["article_id"])
        added["implied_upside_low"].append(None if implied is None else implied[0])
        added["implied_upside_high"].append(None if implied is None else implied[1])
        added["stated_upside_text"].append(None if stated is None else stated["value_text"])
        added["stated_upside_article_id"].append(None if stated is None else stated["article_id"])
        added["upside_check"].append(check)
    numeric = {"price_value", "implied_upside_low", "implied_upside_high"}
    extra = pd.DataFrame(
        {
            name: pd.Series(values, dtype="float64" if name in numeric else object)
            for name, values in added.items()
        },
        index=targets.index,
    )
    return pd.concat([targets, extra], axis=1)


def analyst_picture(
    views: pd.DataFrame, company_id: str, peers_from: pd.DataFrame
) -> AnalystPicture:
    """The analyst picture of ``company_id`` from its views.

    ``peers_from`` holds the views of every article about the company: the valuation
    multiples it states for other companies are the peers the articles compare it with.
    """
    own = views[views["company_id"] == company_id]
    ratings = latest_values(
        _of_type(own, *RATING_VIEW_TYPES), ["view_type", "firm", "label", "previous_label"]
    ).latest
    multiples = peers_from[peers_from["view_type"] == "valuation_multiple"].assign(
        is_subject=lambda frame: frame["company_id"] == company_id
    )
    moves = _of_type(own, "price_performance")
    # "in 2025" and "over 2025" are one period: the newest statement stands for it.
    performance = latest_values(
        moves.assign(_period=moves["period"].map(normalise_period)), ["_period"]
    ).latest.drop(columns="_period")
    forecasts = latest_values(
        _of_type(own, *FORECAST_VIEW_TYPES), ["view_type", "metric", "period", "value_unit"]
    ).latest
    return AnalystPicture(
        ratings=_newest_first(ratings),
        targets=_targets(own),
        share_prices=_newest_first(_of_type(own, "share_price")),
        multiples=multiples.sort_values(
            ["is_subject", "company_id", "published"], ascending=[False, True, False]
        ).reset_index(drop=True),
        performance=_newest_first(performance),
        forecasts=_newest_first(forecasts),
    )

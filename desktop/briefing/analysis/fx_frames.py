"""Amounts of a frame in one reporting currency, beside the amounts as stated.

``with_reporting_currency`` adds, for one flattened quantity (``<prefix>_value`` ...,
``<prefix>_unit``, see ``schema.quantity_columns``), its value, low and high converted at the
month-end reference rate nearest to the row's date. Converted values are approximate and
never replace the original: the stated columns are left untouched, and a row that cannot be
converted (a percentage, a multiple, a count, no unit, a currency without rates) keeps NaN
in the added value columns. Lookups are vectorised per currency, so 100k rows take a few
tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from briefing.analysis.fx import (
    EURO,
    OUTSIDE_TABLE_DAYS,
    RateTable,
    UnknownCurrencyError,
    canonical_currency,
    nearest_indices,
)
from briefing.analysis.schema import BOOL, DATETIME, FLOAT, TEXT, Schema

REPORTING_CURRENCY: Final = "reporting_currency"
DEFAULT_REPORTING_CURRENCY: Final = "USD"
DEFAULT_DATE_COLUMNS: Final = ("date", "published")
_CONVERTED_FIELDS: Final = ("value", "low", "high")

FloatArray = npt.NDArray[np.float64]


def reporting_columns(prefix: str) -> Schema:
    """The columns ``with_reporting_currency`` adds for one quantity, with their dtypes.

    ``reporting_currency`` is the same for every row of the frame (so converting several
    quantities of one frame agrees on it); whether a row was converted shows in
    ``<prefix>_fx_rate`` (reporting units per stated unit; NaN when not converted).

    >>> list(reporting_columns("amount"))[:4]
    ['amount_reported_value', 'amount_reported_low', 'amount_reported_high', 'reporting_currency']
    """
    return {
        f"{prefix}_reported_value": FLOAT,
        f"{prefix}_reported_low": FLOAT,
        f"{prefix}_reported_high": FLOAT,
        REPORTING_CURRENCY: TEXT,
        f"{prefix}_fx_rate": FLOAT,
        f"{prefix}_fx_date": DATETIME,
        f"{prefix}_fx_outside": BOOL,
    }


def _conversion_days(frame: pd.DataFrame, date_columns: Sequence[str]) -> pd.Series[float]:
    """Per row, the first non-missing date of ``date_columns`` as days since 1970 (NaN
    when none)."""
    days = pd.Series(np.nan, index=frame.index, dtype="float64")
    for column in date_columns:
        if column not in frame.columns:
            continue
        stamps = pd.to_datetime(frame[column], errors="coerce")
        as_days = (stamps - pd.Timestamp("1970-01-01")).dt.days.astype("float64")
        days = days.fillna(as_days)
    return days


def _currency_codes(units: pd.Series[str], table: RateTable) -> pd.Series[str]:
    """Each row's canonical currency code, or NaN when it has no rates in ``table``."""
    mapping: dict[object, object] = {}
    for unit in units.dropna().unique():
        code = canonical_currency(str(unit))
        mapping[unit] = code if len(code) == 3 and code.isalpha() and table.knows(code) else None
    return units.map(mapping).astype("str")


def _leg(
    table: RateTable, codes: npt.NDArray[np.object_], on: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Per row: units of its currency per EUR, the rate's day number and its distance in
    days from ``on`` (inf when undated; -1 for EUR, which needs no rate)."""
    per_eur = np.ones(len(codes))
    rate_day = np.full(len(codes), np.nan)
    distance = np.full(len(codes), -1.0)
    for code in pd.unique(codes):
        if code == EURO:
            continue
        rows = np.flatnonzero(codes == code)
        days, rates = table.series(str(code))
        wanted = on[rows]
        dated = ~np.isnan(wanted)
        index = np.full(len(rows), len(days) - 1, dtype=np.intp)  # undated: the newest
        index[dated] = nearest_indices(days, wanted[dated].astype(np.int64))
        per_eur[rows] = rates[index]
        rate_day[rows] = days[index]
        distance[rows] = np.where(dated, np.abs(days[index] - wanted), np.inf)
    return per_eur, rate_day, distance


def with_reporting_currency(
    frame: pd.DataFrame,
    prefix: str,
    table: RateTable,
    currency: str = DEFAULT_REPORTING_CURRENCY,
    date_columns: Sequence[str] = DEFAULT_DATE_COLUMNS,
) -> pd.DataFrame:
    """A new frame: ``frame`` with ``reporting_columns(prefix)`` added (``frame`` is not
    changed). The conversion date is the first non-missing of ``date_columns`` (columns
    absent from the frame are skipped); a row without any date uses the newest rates and
    is flagged ``<prefix>_fx_outside``, as is one whose rate is more than
    ``OUTSIDE_TABLE_DAYS`` from its date.

    Raises ``UnknownCurrencyError`` when ``currency`` has no rates, and ``ValueError``
    when the frame has no ``<prefix>_unit`` column or already reports in another currency.
    """
    target = canonical_currency(currency)
    if not table.knows(target):
        raise UnknownCurrencyError(currency)
    if f"{prefix}_unit" not in frame.columns:
        raise ValueError(f"the frame has no quantity {prefix!r} (no column {prefix}_unit)")
    if REPORTING_CURRENCY in frame.columns and len(frame):
        present = set(frame[REPORTING_CURRENCY].dropna().unique())
        if present - {target}:
            raise ValueError(f"the frame already reports in {sorted(present)}, not {target}")

    codes = _currency_codes(frame[f"{prefix}_unit"], table)
    convertible = codes.notna().to_numpy()
    on: FloatArray = np.asarray(
        _conversion_days(frame, date_columns).to_numpy()[convertible], dtype=np.float64
    )
    source_codes = codes.to_numpy(dtype=object)[convertible]
    source = _leg(table, source_codes, on)
    target_leg = _leg(table, np.full(len(on), target, dtype=object), on)

    rate = np.full(len(frame), np.nan)
    rate[convertible] = target_leg[0] / source[0]
    # The date shown is that of the leg further from the row's date (the weaker one).
    source_is_weaker = source[2] >= target_leg[2]
    day = np.where(source_is_weaker, source[1], target_leg[1])
    day = np.where(np.isnan(day), on, day)  # EUR to EUR: the row's own date
    fx_day = np.full(len(frame), np.nan)
    fx_day[convertible] = day
    outside = np.zeros(len(frame), dtype=bool)
    outside[convertible] = (np.maximum(source[2], target_leg[2]) > OUTSIDE_TABLE_DAYS) | np.isnan(
        on
    )

    added: dict[str, Any] = {}  # column name -> Series or array of the frame's length
    for field in _CONVERTED_FIELDS:
        values = frame[f"{prefix}_{field}"].to_numpy(dtype="float64", na_value=np.nan)
        added[f"{prefix}_reported_{field}"] = values * rate
    added[REPORTING_CURRENCY] = pd.Series(target, index=frame.index, dtype="str")
    added[f"{prefix}_fx_rate"] = rate
    added[f"{prefix}_fx_date"] = _days_to_datetimes(fx_day)
    added[f"{prefix}_fx_outside"] = outside
    result = frame.copy(deep=False)
    for name, column in added.items():
        result[name] = column
    return result


def _days_to_datetimes(days: FloatArray) -> npt.NDArray[np.datetime64]:
    stamps = np.full(len(days), np.datetime64("NaT", "ns"))
    known = ~np.isnan(days)
    stamps[known] = days[known].astype(np.int64).astype("datetime64[D]").astype("datetime64[ns]")
    return stamps

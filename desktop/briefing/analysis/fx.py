"""Dated reference exchange rates: read, merge, write, look up and convert.

Rates follow the ECB's convention: units of a currency per 1 EUR, one rate per month-end
date and currency. Our tidy file (``date,currency,per_eur``; lines starting with ``#`` are
comments, e.g. naming the source) is what we bundle and what the user's own file holds; the
ECB's wide ``eurofxref-hist.csv`` (``Date,USD,JPY,...``) can be imported and is reduced to
month-ends. A lookup takes the month-end nearest to the date asked for; a rate further away
than ``OUTSIDE_TABLE_DAYS`` is still used but flagged, since converted amounts are only ever
approximate and the original amount is always kept beside them.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Final

import numpy as np
import numpy.typing as npt

from briefing.atomic import atomic_writer

EURO: Final = "EUR"
RATES_HEADER: Final = ("date", "currency", "per_eur")
# A month-end rate is at most ~16 days from any date of its month; beyond a month the table
# does not cover the date and the rate is the nearest available, not the right one.
OUTSIDE_TABLE_DAYS: Final = 31
# Codes the extraction emits that the ECB lists under another code. CNH (offshore yuan)
# trades within a fraction of a percent of CNY: close enough for an approximate amount.
CURRENCY_ALIASES: Final[Mapping[str, str]] = MappingProxyType({"RMB": "CNY", "CNH": "CNY"})
BUNDLED_RATES: Final = Path("fx") / "reference_rates.csv"

_CODE = re.compile(r"[A-Z]{3}")
_EPOCH: Final = date(1970, 1, 1)

RateRow = tuple[date, str, float]


class RatesFileError(Exception):
    """A rates file that cannot be read; ``reason`` says why and names the line."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnknownCurrencyError(LookupError):
    """No rates for this currency in the table."""

    def __init__(self, currency: str) -> None:
        super().__init__(f"no reference rates for {currency!r}")
        self.currency = currency


@dataclass(frozen=True)
class DatedRate:
    """Units of a currency per 1 EUR, the month-end it is from, and whether that month-end
    is more than ``OUTSIDE_TABLE_DAYS`` from the date asked for."""

    per_eur: float
    rate_date: date
    outside_table: bool


@dataclass(frozen=True)
class Conversion:
    """An amount converted: ``value = amount * rate`` (``rate``: target units per source
    unit), with the rate's date (the less close one for a cross rate) and the flag."""

    value: float
    rate: float
    rate_date: date
    outside_table: bool


def canonical_currency(code: str) -> str:
    """The code under which the table keeps a currency.

    >>> canonical_currency("RMB"), canonical_currency("usd")
    ('CNY', 'USD')
    """
    code = code.strip().upper()
    return CURRENCY_ALIASES.get(code, code)


def day_number(day: date) -> int:
    """Days since 1970-01-01 (what numpy's ``datetime64[D]`` holds).

    >>> day_number(date(1970, 1, 2))
    1
    """
    return (day - _EPOCH).days


def nearest_indices(days: npt.NDArray[np.int64], on: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """For each day in ``on``, the index of the nearest of the sorted ``days`` (ties go to
    the earlier one).

    >>> nearest_indices(np.array([0, 10]), np.array([-5, 4, 5, 6, 99])).tolist()
    [0, 0, 0, 1, 1]
    """
    if len(days) == 1:
        return np.zeros(len(on), dtype=np.intp)
    after = np.searchsorted(days, on, side="left").clip(1, len(days) - 1)
    before = after - 1
    take_after = (days[after] - on) < (on - days[before])
    return np.where(take_after, after, before).astype(np.intp)


@dataclass(frozen=True, eq=False)
class _Series:
    days: npt.NDArray[np.int64]  # sorted, read-only
    per_eur: npt.NDArray[np.float64]


class RateTable:
    """An immutable table of month-end rates per currency (EUR is implicit and always 1)."""

    def __init__(self, series: Mapping[str, _Series]) -> None:
        self._series: Mapping[str, _Series] = MappingProxyType(dict(series))

    @classmethod
    def from_rows(cls, rows: Iterable[RateRow]) -> RateTable:
        """A table from ``(date, currency, per_eur)`` rows; a later row wins for the same
        date and currency. Currencies are canonical codes; EUR rows are ignored."""
        by_currency: dict[str, dict[date, float]] = {}
        for day, currency, per_eur in rows:
            code = canonical_currency(currency)
            if code != EURO:
                by_currency.setdefault(code, {})[day] = float(per_eur)
        series = {}
        for code, rates in by_currency.items():
            days = sorted(rates)
            day_array = np.array([day_number(d) for d in days], dtype=np.int64)
            rate_array = np.array([rates[d] for d in days], dtype=np.float64)
            day_array.setflags(write=False)
            rate_array.setflags(write=False)
            series[code] = _Series(day_array, rate_array)
        return cls(series)

    def __len__(self) -> int:
        return sum(len(s.days) for s in self._series.values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RateTable) and list(self.rows()) == list(other.rows())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"RateTable({len(self)} rates, currencies={list(self.currencies())})"

    def currencies(self) -> tuple[str, ...]:
        """The currencies with rates, sorted (EUR not included: it needs none)."""
        return tuple(sorted(self._series))

    def knows(self, currency: str) -> bool:
        """Whether ``currency`` can be converted (EUR always can)."""
        code = canonical_currency(currency)
        return code == EURO or code in self._series

    def rows(self) -> Iterator[RateRow]:
        """Every rate as ``(date, currency, per_eur)``, by date then currency."""
        rows = [
            (date.fromordinal(_EPOCH.toordinal() + int(d)), code, float(r))
            for code, s in self._series.items()
            for d, r in zip(s.days, s.per_eur, strict=True)
        ]
        return iter(sorted(rows, key=lambda row: (row[0], row[1])))

    def series(self, currency: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """The sorted day numbers and rates of one currency (read-only arrays)."""
        code = canonical_currency(currency)
        if code not in self._series:
            raise UnknownCurrencyError(currency)
        found = self._series[code]
        return found.days, found.per_eur

    def rate(self, currency: str, on: date) -> DatedRate:
        """The month-end rate nearest to ``on`` (ties to the earlier one)."""
        if canonical_currency(currency) == EURO:
            return DatedRate(1.0, on, False)
        days, rates = self.series(currency)
        target = day_number(on)
        index = int(nearest_indices(days, np.array([target], dtype=np.int64))[0])
        nearest = int(days[index])
        return DatedRate(
            float(rates[index]),
            date.fromordinal(_EPOCH.toordinal() + nearest),
            abs(nearest - target) > OUTSIDE_TABLE_DAYS,
        )

    def convert(self, amount: float, from_currency: str, to_currency: str, on: date) -> Conversion:
        """``amount`` of ``from_currency`` in ``to_currency`` at the rates nearest ``on``
        (a cross rate goes through EUR)."""
        source = self.rate(from_currency, on)
        target = self.rate(to_currency, on)
        rate = target.per_eur / source.per_eur
        # Report the rate date further from ``on``: the weaker of the two legs.
        legs = [leg for leg in (source, target) if leg.rate_date != on] or [source]
        weakest = max(legs, key=lambda leg: abs((leg.rate_date - on).days))
        outside = source.outside_table or target.outside_table
        return Conversion(amount * rate, rate, weakest.rate_date, outside)


def merged(base: RateTable, override: RateTable) -> RateTable:
    """``base`` with ``override``'s rates on top (the override wins per date and currency)."""
    return RateTable.from_rows([*base.rows(), *override.rows()])


# -- files ----------------------------------------------------------------------------------


def _text(path: Path) -> str:
    try:
        if path.suffix.lower() == ".zip":
            # The ECB publishes its history as eurofxref-hist.zip holding one CSV.
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
                if len(names) != 1:
                    raise RatesFileError(path, "the zip file should hold exactly one .csv")
                return archive.read(names[0]).decode("utf-8-sig")
        return path.read_text(encoding="utf-8-sig")
    except (OSError, zipfile.BadZipFile) as error:
        raise RatesFileError(path, f"cannot read: {error}") from None
    except UnicodeDecodeError:
        raise RatesFileError(path, "not UTF-8 text") from None


def _numbered_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with their line numbers, skipping blank and ``#`` comment lines."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, next(csv.reader([line]))


def _date(path: Path, number: int, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RatesFileError(path, f"line {number}: not a YYYY-MM-DD date: {text!r}") from None


def _rate(path: Path, number: int, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RatesFileError(path, f"line {number}: not a number: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise RatesFileError(path, f"line {number}: a rate must be positive: {text!r}")
    return value


def _code(path: Path, number: int, text: str) -> str:
    code = text.strip()
    if not _CODE.fullmatch(code):
        raise RatesFileError(path, f"line {number}: not a currency code: {text!r}")
    return code


def read_rates_csv(path: Path) -> RateTable:
    """Our tidy format: header ``date,currency,per_eur``, one rate per line."""
    records = _numbered_records(_text(path))
    first = next(records, None)
    if first is None or tuple(c.strip() for c in first[1]) != RATES_HEADER:
        raise RatesFileError(
            path, f"line {first[0] if first else 1}: expected the header {','.join(RATES_HEADER)}"
        )
    rows: list[RateRow] = []
    seen: dict[tuple[date, str], int] = {}
    for number, cells in records:
        if len(cells) != len(RATES_HEADER):
            raise RatesFileError(path, f"line {number}: expected 3 fields, found {len(cells)}")
        day = _date(path, number, cells[0])
        code = _code(path, number, cells[1])
        if (day, code) in seen:
            raise RatesFileError(
                path, f"line {number}: {code} on {day} already given on line {seen[day, code]}"
            )
        seen[day, code] = number
        rows.append((day, code, _rate(path, number, cells[2])))
    return RateTable.from_rows(rows)


def read_ecb_history(path: Path) -> RateTable:
    """The ECB's wide files (``eurofxref-hist.csv``, ``eurofxref.csv`` or the zip), reduced
    to the last day of each month that has a rate for each currency."""
    records = _numbered_records(_text(path))
    first = next(records, None)
    if first is None or not first[1] or first[1][0].strip() != "Date":
        raise RatesFileError(path, "line 1: expected the ECB header Date,USD,JPY,...")
    columns = [cell.strip() for cell in first[1][1:]]
    latest: dict[tuple[str, int, int], tuple[date, float]] = {}
    for number, cells in records:
        day = _date(path, number, cells[0])
        extra = cells[len(columns) + 1 :]
        if any(cell.strip() for cell in extra):
            raise RatesFileError(path, f"line {number}: more fields than the header names")
        for column, cell in zip(columns, cells[1:], strict=False):
            if not column or cell.strip() in ("", "N/A"):
                continue  # the trailing comma's empty column; a currency not quoted that day
            code = _code(path, first[0], column)
            key = (code, day.year, day.month)
            if key not in latest or latest[key][0] < day:
                latest[key] = (day, _rate(path, number, cell))
    return RateTable.from_rows((day, code, rate) for (code, _, _), (day, rate) in latest.items())


def read_rates_file(path: Path) -> RateTable:
    """Either format, told apart by the header (``Date,...`` is the ECB's)."""
    records = _numbered_records(_text(path))
    first = next(records, None)
    if first is not None and first[1] and first[1][0].strip() == "Date":
        return read_ecb_history(path)
    return read_rates_csv(path)


def write_rates_csv(path: Path, table: RateTable, comments: Sequence[str] = ()) -> None:
    """Write ``table`` in our format, atomically; ``comments`` become leading ``#`` lines."""
    buffer = io.StringIO()
    for comment in comments:
        buffer.write(f"# {comment}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RATES_HEADER)
    for day, code, rate in table.rows():
        writer.writerow((day.isoformat(), code, repr(rate)))
    with atomic_writer(path) as handle:
        handle.write(buffer.getvalue())


def load_reference_rates(resources: Path, user_file: Path) -> RateTable:
    """The bundled ``resources/fx/reference_rates.csv`` with the user's file on top when it
    exists. A missing bundled file gives an empty base (the user's rates still apply)."""
    bundled_path = resources / BUNDLED_RATES
    bundled = read_rates_csv(bundled_path) if bundled_path.is_file() else RateTable({})
    if not user_file.is_file():
        return bundled
    return merged(bundled, read_rates_file(user_file))

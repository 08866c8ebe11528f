"""Reference rates and amounts in one reporting currency.

Every rate here is a round, clearly fictional number written for the test (1 EUR = 1.25 USD
...), never a published rate: the cases test the lookup rules, not the market.
"""

from __future__ import annotations

import time
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from briefing.analysis.fx import (
    Conversion,
    DatedRate,
    RatesFileError,
    RateTable,
    UnknownCurrencyError,
    load_reference_rates,
    merged,
    read_ecb_history,
    read_rates_csv,
    read_rates_file,
    write_rates_csv,
)
from briefing.analysis.fx_frames import (
    REPORTING_CURRENCY,
    reporting_columns,
    with_reporting_currency,
)
from briefing.analysis.schema import DEALS_SCHEMA, METRICS_SCHEMA, empty_frame

JAN, FEB, MAR = date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)

# Fictional month-ends: USD 1.25/1.50/1.60, GBP 0.80 (Jan only), HKD 10.0/12.0/12.5.
TABLE = RateTable.from_rows(
    [
        (JAN, "USD", 1.25),
        (FEB, "USD", 1.5),
        (MAR, "USD", 1.6),
        (JAN, "GBP", 0.8),
        (JAN, "HKD", 10.0),
        (FEB, "HKD", 12.0),
        (MAR, "HKD", 12.5),
        (FEB, "CNY", 8.0),
    ]
)


# -- lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "currency", "on", "expected"),
    [
        ("on a month-end", "USD", FEB, DatedRate(1.5, FEB, False)),
        (
            "mid-February is nearer January's end",
            "USD",
            date(2025, 2, 13),
            DatedRate(1.25, JAN, False),
        ),
        (
            "tie (14 days each way) goes to the earlier",
            "USD",
            date(2025, 2, 14),
            DatedRate(1.25, JAN, False),
        ),
        (
            "a day past the tie goes to the later",
            "USD",
            date(2025, 2, 15),
            DatedRate(1.5, FEB, False),
        ),
        ("before the table, within a month", "USD", date(2025, 1, 5), DatedRate(1.25, JAN, False)),
        ("before the table, far", "USD", date(2024, 11, 30), DatedRate(1.25, JAN, True)),
        ("after the table, far", "USD", date(2026, 1, 1), DatedRate(1.6, MAR, True)),
        ("one month-end only", "GBP", date(2025, 3, 31), DatedRate(0.8, JAN, True)),
        ("EUR needs no rate", "EUR", date(1999, 1, 4), DatedRate(1.0, date(1999, 1, 4), False)),
        ("RMB as written in articles is CNY", "RMB", FEB, DatedRate(8.0, FEB, False)),
        ("lower case code", "usd", MAR, DatedRate(1.6, MAR, False)),
    ],
)
def test_rate_lookup(case: str, currency: str, on: date, expected: DatedRate) -> None:
    assert TABLE.rate(currency, on) == expected, case


def test_unknown_currency_raises() -> None:
    with pytest.raises(UnknownCurrencyError) as info:
        TABLE.rate("SEK", JAN)
    assert info.value.currency == "SEK"


@pytest.mark.parametrize(
    ("case", "args", "expected"),
    [
        ("EUR to USD", (100.0, "EUR", "USD", JAN), Conversion(125.0, 1.25, JAN, False)),
        ("USD to EUR", (150.0, "USD", "EUR", FEB), Conversion(100.0, 1 / 1.5, FEB, False)),
        (
            "cross HKD to USD via EUR",
            (120.0, "HKD", "USD", FEB),
            Conversion(15.0, 0.125, FEB, False),
        ),
        ("same currency", (7.0, "USD", "USD", MAR), Conversion(7.0, 1.0, MAR, False)),
        (
            "GBP leg is far: its date shown, flagged",
            (80.0, "GBP", "USD", MAR),
            Conversion(160.0, 2.0, JAN, True),
        ),
    ],
)
def test_convert(case: str, args: tuple[float, str, str, date], expected: Conversion) -> None:
    got = TABLE.convert(*args)
    assert got.value == pytest.approx(expected.value), case
    assert got.rate == pytest.approx(expected.rate), case
    assert (got.rate_date, got.outside_table) == (expected.rate_date, expected.outside_table), case


def test_merged_override_wins_per_date_and_currency() -> None:
    override = RateTable.from_rows([(FEB, "USD", 2.0), (FEB, "SEK", 11.0)])
    result = merged(TABLE, override)
    assert result.rate("USD", FEB).per_eur == 2.0
    assert result.rate("USD", JAN).per_eur == 1.25
    assert result.currencies() == ("CNY", "GBP", "HKD", "SEK", "USD")
    assert TABLE.rate("USD", FEB).per_eur == 1.5  # the base is immutable


# -- files ----------------------------------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_our_format_round_trips_with_comments(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    write_rates_csv(path, TABLE, comments=["fictional test rates"])
    assert path.read_text(encoding="utf-8").startswith(
        "# fictional test rates\ndate,currency,per_eur\n"
    )
    assert read_rates_csv(path) == TABLE
    assert [p.name for p in tmp_path.iterdir()] == ["rates.csv"]  # no temporary file left


@pytest.mark.parametrize(
    ("case", "text", "reason"),
    [
        ("empty file", "", "line 1: expected the header"),
        ("wrong header", "day,code,rate\n", "line 1: expected the header"),
        (
            "bad date",
            "date,currency,per_eur\n2025-01-31,USD,1.25\n31/01/2025,USD,1.2\n",
            "line 3: not a YYYY-MM-DD date",
        ),
        ("bad code", "date,currency,per_eur\n2025-01-31,US$,1.25\n", "line 2: not a currency code"),
        (
            "zero rate",
            "date,currency,per_eur\n2025-01-31,USD,0\n",
            "line 2: a rate must be positive",
        ),
        ("text rate", "date,currency,per_eur\n2025-01-31,USD,n/a\n", "line 2: not a number"),
        ("missing field", "date,currency,per_eur\n2025-01-31,USD\n", "line 2: expected 3 fields"),
        (
            "duplicate",
            "date,currency,per_eur\n2025-01-31,USD,1.2\n2025-01-31,USD,1.3\n",
            "line 3: USD on 2025-01-31 already given on line 2",
        ),
    ],
)
def test_bad_rates_file_names_the_line(tmp_path: Path, case: str, text: str, reason: str) -> None:
    path = _write(tmp_path / "rates.csv", text)
    with pytest.raises(RatesFileError) as info:
        read_rates_csv(path)
    assert info.value.path == path, case
    assert info.value.reason.startswith(reason), (case, info.value.reason)


# An ECB-style daily history (fictional numbers), newest first as the ECB writes it,
# with its trailing comma, "N/A" for a currency no longer quoted and an empty cell.
ECB_HISTORY = """\
Date,USD,JPY,CYP,
2025-03-03,1.70,160.0,N/A,
2025-02-28,1.50,150.0,N/A,
2025-02-27,1.45,,N/A,
2025-02-03,1.40,140.0,N/A,
2025-01-31,1.25,130.0,N/A,
"""


def test_ecb_history_keeps_the_last_business_day_of_each_month(tmp_path: Path) -> None:
    table = read_ecb_history(_write(tmp_path / "eurofxref-hist.csv", ECB_HISTORY))
    assert list(table.rows()) == [
        (JAN, "JPY", 130.0),
        (JAN, "USD", 1.25),
        (FEB, "JPY", 150.0),
        (FEB, "USD", 1.5),
        (date(2025, 3, 3), "JPY", 160.0),
        (date(2025, 3, 3), "USD", 1.7),
    ]


def test_ecb_zip_and_format_detection(tmp_path: Path) -> None:
    archive = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("eurofxref-hist.csv", ECB_HISTORY)
    ours = tmp_path / "ours.csv"
    write_rates_csv(ours, TABLE)
    assert read_rates_file(archive) == read_ecb_history(_write(tmp_path / "e.csv", ECB_HISTORY))
    assert read_rates_file(ours) == TABLE


@pytest.mark.parametrize(
    ("case", "text", "reason"),
    [
        ("bad date", "Date,USD,\n2025-13-01,1.2,\n", "line 2: not a YYYY-MM-DD date"),
        ("bad rate", "Date,USD,\n2025-01-31,-1,\n", "line 2: a rate must be positive"),
        ("extra field", "Date,USD,\n2025-01-31,1.2,1.3,9\n", "line 2: more fields than the header"),
    ],
)
def test_bad_ecb_file_names_the_line(tmp_path: Path, case: str, text: str, reason: str) -> None:
    with pytest.raises(RatesFileError) as info:
        read_ecb_history(_write(tmp_path / "ecb.csv", text))
    assert info.value.reason.startswith(reason), (case, info.value.reason)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(RatesFileError, match="cannot read"):
        read_rates_file(tmp_path / "missing.csv")
    (tmp_path / "latin1.csv").write_bytes(b"date,currency,per_eur\n# \xe9\n")
    with pytest.raises(RatesFileError, match="not UTF-8"):
        read_rates_file(tmp_path / "latin1.csv")


def test_load_reference_rates_user_file_wins(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    (resources / "fx").mkdir(parents=True)
    write_rates_csv(resources / "fx" / "reference_rates.csv", TABLE)
    user = tmp_path / "data" / "reference_rates.csv"
    assert load_reference_rates(resources, user) == TABLE  # no user file yet
    user.parent.mkdir()
    write_rates_csv(user, RateTable.from_rows([(JAN, "USD", 9.0)]))
    loaded = load_reference_rates(resources, user)
    assert loaded.rate("USD", JAN).per_eur == 9.0
    assert loaded.rate("HKD", JAN).per_eur == 10.0


def test_load_reference_rates_without_a_bundled_file(tmp_path: Path) -> None:
    assert len(load_reference_rates(tmp_path, tmp_path / "none.csv")) == 0


# -- frames ---------------------------------------------------------------------------------


def _deals(rows: list[tuple[float | None, str | None, str | None, str | None]]) -> pd.DataFrame:
    """A small deals-like frame: amount value, unit, deal date and article date."""
    return pd.DataFrame(
        {
            "amount_value": pd.Series([r[0] for r in rows], dtype="float64"),
            "amount_low": np.nan,
            "amount_high": np.nan,
            "amount_unit": pd.Series([r[1] for r in rows], dtype="str"),
            "date": pd.to_datetime(pd.Series([r[2] for r in rows], dtype=object)),
            "published": pd.to_datetime(pd.Series([r[3] for r in rows], dtype=object)),
        }
    )


# (case, value, unit, deal date, published) -> (reported value, fx date, outside)
FRAME_CASES = [
    ("three currencies: USD", 100.0, "USD", "2025-02-28", None, 100.0, "2025-02-28", False),
    (
        "three currencies: HKD by deal date",
        120.0,
        "HKD",
        "2025-02-27",
        "2025-03-30",
        15.0,
        "2025-02-28",
        False,
    ),
    (
        "three currencies: RMB by article date",
        80.0,
        "RMB",
        None,
        "2025-02-20",
        15.0,
        "2025-02-28",
        False,
    ),
    ("EUR", 100.0, "EUR", "2025-01-31", None, 125.0, "2025-01-31", False),
    ("no date at all: newest rates, flagged", 125.0, "HKD", None, None, 16.0, "2025-03-31", True),
    ("far before the table: flagged", 10.0, "USD", "2020-06-30", None, 10.0, "2020-06-30", False),
    ("far leg of a cross rate: flagged", 8.0, "GBP", "2025-03-31", None, 16.0, "2025-01-31", True),
]
NOT_CONVERTED = [
    ("percentage", 72.0, "%"),
    ("multiple", 20.0, "x"),
    ("count", 17.0, "count"),
    ("shares", 1e6, "shares"),
    ("no unit", 5.0, None),
    ("currency left open by the article", 5.0, "?"),
    ("currency without rates", 5.0, "SEK"),
]


def test_frame_conversion_cases() -> None:
    rows = [(c[1], c[2], c[3], c[4]) for c in FRAME_CASES] + [
        (v, u, "2025-02-28", None) for _, v, u in NOT_CONVERTED
    ]
    frame = _deals(rows)
    before = frame.copy()
    result = with_reporting_currency(frame, "amount", TABLE, "USD")
    pd.testing.assert_frame_equal(frame, before)  # the input is never changed
    pd.testing.assert_frame_equal(result[list(frame.columns)], before)  # originals kept
    for i, (case, *_, value, fx_date, outside) in enumerate(FRAME_CASES):
        row = result.iloc[i]
        assert row["amount_reported_value"] == pytest.approx(value), case
        if case != "far before the table: flagged":
            assert row["amount_fx_date"] == pd.Timestamp(fx_date), case
            assert row["amount_fx_outside"] == outside, case
    for j, (case, _, _) in enumerate(NOT_CONVERTED, start=len(FRAME_CASES)):
        row = result.iloc[j]
        assert np.isnan(row["amount_reported_value"]) and np.isnan(row["amount_fx_rate"]), case
        assert pd.isna(row["amount_fx_date"]) and not row["amount_fx_outside"], case
    assert set(result[REPORTING_CURRENCY]) == {"USD"}


def test_far_date_uses_the_nearest_end_and_is_flagged() -> None:
    result = with_reporting_currency(_deals([(10.0, "HKD", "2020-06-30", None)]), "amount", TABLE)
    assert result["amount_reported_value"].iloc[0] == pytest.approx(1.25)  # 10 / 10 * 1.25
    assert result["amount_fx_date"].iloc[0] == pd.Timestamp(JAN)
    assert bool(result["amount_fx_outside"].iloc[0])


def test_ranges_convert_their_ends() -> None:
    frame = _deals([(None, "HKD", "2025-02-28", None)])
    frame["amount_low"], frame["amount_high"] = [120.0], [240.0]
    result = with_reporting_currency(frame, "amount", TABLE)
    assert np.isnan(result["amount_reported_value"].iloc[0])
    assert (result["amount_reported_low"].iloc[0], result["amount_reported_high"].iloc[0]) == (
        15.0,
        30.0,
    )


@pytest.mark.parametrize(
    ("kind", "schema", "prefixes"),
    [
        ("deals", DEALS_SCHEMA, ("amount", "valuation")),
        ("metrics", METRICS_SCHEMA, ("value", "previous")),
    ],
)
def test_added_columns_follow_the_declared_schema(
    kind: str, schema: dict[str, str], prefixes: tuple[str, ...]
) -> None:
    frame = empty_frame(schema)
    for prefix in prefixes:
        frame = with_reporting_currency(frame, prefix, TABLE, "HKD")
    expected = dict(schema)
    for prefix in prefixes:
        expected.update(reporting_columns(prefix))
    assert list(frame.columns) == list(expected), kind
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == expected, kind


def test_reporting_currency_must_be_known_and_consistent() -> None:
    frame = _deals([(1.0, "USD", "2025-01-31", None)])
    with pytest.raises(UnknownCurrencyError):
        with_reporting_currency(frame, "amount", TABLE, "SEK")
    with pytest.raises(ValueError, match="no column valuation_unit"):
        with_reporting_currency(frame, "valuation", TABLE)
    in_usd = with_reporting_currency(frame, "amount", TABLE, "USD")
    with pytest.raises(ValueError, match="already reports"):
        with_reporting_currency(in_usd, "amount", TABLE, "HKD")


def test_hundred_thousand_rows_well_under_a_second() -> None:
    rng = np.random.default_rng(7)
    n = 100_000
    units = rng.choice(np.array(["USD", "HKD", "RMB", "EUR", "GBP", "%", "x"], dtype=object), n)
    days = pd.Timestamp("2024-06-01") + pd.to_timedelta(rng.integers(0, 500, n), unit="D")
    frame = pd.DataFrame(
        {
            "amount_value": rng.random(n) * 1e9,
            "amount_low": np.nan,
            "amount_high": np.nan,
            "amount_unit": pd.Series(units, dtype="str"),
            "date": pd.Series(days).where(rng.random(n) < 0.5),
            "published": pd.Series(days),
        }
    )
    start = time.perf_counter()
    result = with_reporting_currency(frame, "amount", TABLE, "USD")
    elapsed = time.perf_counter() - start
    assert result["amount_reported_value"].notna().sum() == (~np.isin(units, ["%", "x"])).sum()
    assert elapsed < 0.5, f"{elapsed:.3f} s"

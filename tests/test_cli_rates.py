"""``briefing rates`` as a user runs it: show, import, convert, bad files and bad usage.

Rates are fictional round numbers written for the test; the bundled file lives in a
temporary resources folder (``BRIEFING_RESOURCES``) and the user's in a temporary data
folder (``BRIEFING_DATA_DIR``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.analysis.fx import RateTable, read_rates_csv, write_rates_csv
from briefing.cli.main import main

JAN, FEB = date(2025, 1, 31), date(2025, 2, 28)
BUNDLED = RateTable.from_rows(
    [(JAN, "USD", 1.25), (FEB, "USD", 1.5), (JAN, "HKD", 10.0), (FEB, "HKD", 12.0)]
)


@pytest.fixture()
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    resources, data = tmp_path / "resources", tmp_path / "data"
    (resources / "fx").mkdir(parents=True)
    write_rates_csv(resources / "fx" / "reference_rates.csv", BUNDLED)
    monkeypatch.setenv("BRIEFING_RESOURCES", str(resources))
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(data))  # not created: import must make it
    return resources, data


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["rates", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_show_lists_bundled_rates_with_their_file(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    status, out, _ = _run(capsys, "show", "--currency", "usd")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["DATE", "CURRENCY", "PER", "EUR", "FILE"]
    assert [line.split() for line in lines[1:]] == [
        ["2025-01-31", "USD", "1.25", "bundled"],
        ["2025-02-28", "USD", "1.5", "bundled"],
    ]


def test_import_ecb_history_then_show_marks_user_rows(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path], tmp_path: Path
) -> None:
    _, data = folders
    history = tmp_path / "eurofxref-hist.csv"
    history.write_text(
        "Date,USD,SEK,\n2025-02-28,2.0,11.0,\n2025-02-27,1.9,10.9,\n2025-01-31,N/A,10.0,\n",
        encoding="utf-8",
    )
    status, out, err = _run(capsys, "import", str(history))
    assert status == 0, err
    assert out.startswith("added 3, replaced 0, unchanged 0 month-end rates in ")
    assert len(read_rates_csv(data / "reference_rates.csv")) == 3

    status, out, _ = _run(capsys, "import", str(history))
    assert out.startswith("added 0, replaced 0, unchanged 3")

    status, out, _ = _run(capsys, "show", "--from", "2025-02", "--to", "2025-02")
    rows = [line.split() for line in out.splitlines()[1:]]
    assert rows == [
        ["2025-02-28", "HKD", "12", "bundled"],
        ["2025-02-28", "SEK", "11", "user"],
        ["2025-02-28", "USD", "2", "user"],  # the user's rate wins over the bundled one
    ]


def test_import_our_format_counts_replaced(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_rates_csv(first, RateTable.from_rows([(JAN, "SEK", 10.0)]))
    write_rates_csv(second, RateTable.from_rows([(JAN, "SEK", 10.5), (FEB, "SEK", 11.0)]))
    assert _run(capsys, "import", str(first))[0] == 0
    status, out, _ = _run(capsys, "import", str(second))
    assert (status, out.split(" month-end")[0]) == (0, "added 1, replaced 1, unchanged 0")


def test_convert_prints_approx_value_rate_and_date(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    status, out, err = _run(capsys, "convert", "1,200", "HKD", "--to", "USD", "--on", "2025-02-20")
    assert (status, err) == (0, "")
    assert out.strip() == (
        "approx. 150.00 USD = 1,200.00 HKD at 0.125 USD/HKD (via EUR), rate of 2025-02-28"
    )


def test_convert_far_from_the_table_warns(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    status, out, err = _run(capsys, "convert", "100", "EUR", "--on", "2019-05-01")
    assert status == 0
    assert out.strip() == "approx. 125.00 USD = 100.00 EUR at 1.25 USD/EUR, rate of 2025-01-31"
    assert "outside the rates table" in err


@pytest.mark.parametrize(
    ("case", "argv", "message"),
    [
        ("currency without rates", ["convert", "5", "SEK"], "no reference rates for 'SEK'"),
        ("missing import file", ["import", "nowhere.csv"], "nowhere.csv: cannot read"),
    ],
)
def test_failures_exit_1_naming_the_reason(
    capsys: pytest.CaptureFixture[str],
    folders: tuple[Path, Path],
    case: str,
    argv: list[str],
    message: str,
) -> None:
    status, _, err = _run(capsys, *argv)
    assert status == 1 and message in err, case


def test_bad_file_exits_1_with_file_and_line_and_keeps_user_rates(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path], tmp_path: Path
) -> None:
    _, data = folders
    good = tmp_path / "good.csv"
    write_rates_csv(good, RateTable.from_rows([(JAN, "SEK", 10.0)]))
    _run(capsys, "import", str(good))
    before = (data / "reference_rates.csv").read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("date,currency,per_eur\n2025-01-31,SEK,ten\n", encoding="utf-8")
    status, out, err = _run(capsys, "import", str(bad))
    assert (status, out) == (1, "")
    assert err.strip() == f"briefing: {bad}: line 2: not a number: 'ten'"
    assert (data / "reference_rates.csv").read_text(encoding="utf-8") == before


def test_corrupt_user_file_is_named(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    _, data = folders
    data.mkdir()
    (data / "reference_rates.csv").write_text("nonsense\n", encoding="utf-8")
    status, _, err = _run(capsys, "show")
    assert status == 1 and "reference_rates.csv: line 1: expected the header" in err


@pytest.mark.parametrize(
    ("case", "argv"),
    [
        ("no action", []),
        ("bad month", ["show", "--from", "2025-13"]),
        ("bad currency", ["convert", "5", "dollars"]),
        ("bad amount", ["convert", "five", "USD"]),
        ("bad date", ["convert", "5", "USD", "--on", "20/02/2025"]),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path], case: str, argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["rates", *argv])
    assert info.value.code == 2, case
    capsys.readouterr()


def test_show_without_any_rates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_RESOURCES", str(tmp_path / "empty"))
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path / "data"))
    status, out, _ = _run(capsys, "show")
    assert status == 0 and out.startswith("no rates (bundled: ")

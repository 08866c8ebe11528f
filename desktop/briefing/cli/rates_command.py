"""``briefing rates``: the reference exchange rates used to show amounts in one currency.

    briefing rates show [--currency CUR] [--from YYYY-MM] [--to YYYY-MM]
    briefing rates import FILE
    briefing rates convert AMOUNT CUR [--to USD] [--on YYYY-MM-DD]

The bundled table lives in ``resources/fx/reference_rates.csv`` (``$BRIEFING_RESOURCES``
moves the resources folder); the user's own rates (imported from the ECB's history or our
``date,currency,per_eur`` format) live in the user data folder and win over the bundled
ones. Exit status: 0 on success, 1 when a rates file cannot be used or a currency has no
rates (named on stderr with the reason), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from briefing.analysis.fx import (
    BUNDLED_RATES,
    EURO,
    RatesFileError,
    RateTable,
    UnknownCurrencyError,
    merged,
    read_rates_csv,
    read_rates_file,
    write_rates_csv,
)
from briefing.paths import resources_dir, user_rates_path

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rates",
        help="reference exchange rates for showing amounts in one currency",
        description="Show, import and use the month-end reference rates (units per EUR).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser(
        "show",
        help="list the rates and the file each comes from",
        description="list the rates and the file each comes from",
    )
    show.add_argument("--currency", type=_currency, metavar="CUR", help="only this currency")
    show.add_argument("--from", dest="start", type=_month, metavar="YYYY-MM", help="first month")
    show.add_argument("--to", dest="end", type=_month, metavar="YYYY-MM", help="last month")
    show.set_defaults(run=_show)

    import_help = "merge an ECB history (eurofxref-hist.csv/.zip) or a rates file"
    importing = actions.add_parser("import", help=import_help, description=import_help)
    importing.add_argument(
        "file", type=Path, metavar="FILE", help="the ECB's eurofxref-hist.csv, or its .zip"
    )
    importing.set_defaults(run=_import)

    convert = actions.add_parser(
        "convert",
        help="convert an amount at the reference rates",
        description="convert an amount at the reference rates",
    )
    convert.add_argument("amount", type=_amount, metavar="AMOUNT", help="a number, e.g. 560000000")
    convert.add_argument("currency", type=_currency, metavar="CUR", help="its ISO code, e.g. CNY")
    convert.add_argument("--to", type=_currency, default="USD", metavar="CUR", help="default USD")
    convert.add_argument(
        "--on", type=_day, default=None, metavar="YYYY-MM-DD", help="default: today"
    )
    convert.set_defaults(run=_convert)


def _currency(text: str) -> str:
    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise argparse.ArgumentTypeError(f"not a three-letter currency code: {text!r}")
    return code


def _month(text: str) -> tuple[int, int]:
    match = _MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM month: {text!r}")
    return int(match[1]), int(match[2])


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _amount(text: str) -> float:
    try:
        return float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None


def _error(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def _bundled() -> RateTable:
    path = resources_dir() / BUNDLED_RATES
    return read_rates_csv(path) if path.is_file() else RateTable({})


def _user() -> RateTable:
    path = user_rates_path()
    return read_rates_file(path) if path.is_file() else RateTable({})


def _show(args: argparse.Namespace) -> int:
    try:
        bundled, user = _bundled(), _user()
    except RatesFileError as error:
        _error(str(error))
        return 1
    user_keys = {(day, code) for day, code, _ in user.rows()}
    lines = []
    for day, code, rate in merged(bundled, user).rows():
        if args.currency and code != args.currency:
            continue
        if (args.start and (day.year, day.month) < args.start) or (
            args.end and (day.year, day.month) > args.end
        ):
            continue
        origin = "user" if (day, code) in user_keys else "bundled"
        lines.append(f"{day.isoformat():10}  {code:8}  {rate:>14.6g}  {origin}")
    if not lines:
        print(f"no rates (bundled: {resources_dir() / BUNDLED_RATES}; user: {user_rates_path()})")
        return 0
    print(f"{'DATE':10}  {'CURRENCY':8}  {'PER EUR':>14}  FILE")
    print("\n".join(lines))
    return 0


def _import(args: argparse.Namespace) -> int:
    target = user_rates_path()
    try:
        imported = read_rates_file(args.file)
        existing = _user()
    except RatesFileError as error:
        _error(str(error))
        return 1
    before = {(day, code): rate for day, code, rate in existing.rows()}
    added = replaced = 0
    for day, code, rate in imported.rows():
        if (day, code) not in before:
            added += 1
        elif before[day, code] != rate:
            replaced += 1
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_rates_csv(target, merged(existing, imported))
    except OSError as error:
        _error(f"{target}: cannot write: {error}")
        return 1
    unchanged = len(imported) - added - replaced
    print(f"added {added}, replaced {replaced}, unchanged {unchanged} month-end rates in {target}")
    return 0


def _convert(args: argparse.Namespace) -> int:
    on = args.on or date.today()
    try:
        table = merged(_bundled(), _user())
        conversion = table.convert(args.amount, args.currency, args.to, on)
    except RatesFileError as error:
        _error(str(error))
        return 1
    except UnknownCurrencyError as error:
        _error(f"{error}; import them with `briefing rates import FILE`")
        return 1
    via = "" if EURO in (args.currency, args.to) else " (via EUR)"
    print(
        f"approx. {conversion.value:,.2f} {args.to} "
        f"= {args.amount:,.2f} {args.currency} at {conversion.rate:.6g} {args.to}/{args.currency}"
        f"{via}, rate of {conversion.rate_date.isoformat()}"
    )
    if conversion.outside_table:
        _error(f"{on.isoformat()} is outside the rates table; the nearest rate was used")
    return 0

"""Generate the engine's company table from the CSV people edit.

    .venv/bin/python packaging/generate_company_table.py          # rewrite the module
    .venv/bin/python packaging/generate_company_table.py --check  # exit 1 when out of date

``resources/companies/companies.csv`` is the one source of the well-known listed companies
(name, aliases, tickers, ISINs). The engine reads no files and is compiled with mypyc, so
it reads the table as a Python module: ``desktop/briefing/extract/vocab/company_table.py``,
written here, checked against the CSV by ``tests/test_company_table.py``. Rows are checked
first (ISIN check digits, a name or ticker claimed by two companies, ...) and every problem
is reported with its CSV line, so a bad edit never reaches the engine.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV_PATH = ROOT / "resources" / "companies" / "companies.csv"
MODULE_PATH = ROOT / "desktop" / "briefing" / "extract" / "vocab" / "company_table.py"
COMMAND = "python packaging/generate_company_table.py"

HEADER = ("name", "aliases", "tickers", "isins", "region")
LIST_SEPARATOR = "|"
# The project's ruff line length: the module is written the way `ruff format` writes it.
LINE_LENGTH = 100
INDENT = "    "

Node = str | tuple["Node", ...]


@dataclass(frozen=True)
class CompanyRow:
    """One company as the CSV states it; ``line`` is where its row starts (1 = header)."""

    line: int
    name: str
    aliases: tuple[str, ...]
    tickers: tuple[str, ...]
    isins: tuple[str, ...]
    region: str

    def entry(self) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The row as the engine's ``CompanyEntry``."""
        return (self.name, self.aliases, self.tickers, self.isins)


class CompanyTableError(ValueError):
    """The CSV has problems; ``problems`` are "companies.csv:LINE: what is wrong"."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


# --- reading and checking ---------------------------------------------------------------


def isin_is_valid(isin: str) -> bool:
    """Whether ``isin`` is 2 letters, 9 letters or digits and a correct check digit.

    >>> isin_is_valid("US0378331005"), isin_is_valid("US0378331006")
    (True, False)
    >>> isin_is_valid("us0378331005"), isin_is_valid("US037833100")
    (False, False)
    """
    if len(isin) != 12 or not isin.isascii() or not isin.isalnum():
        return False
    if not (isin[:2].isalpha() and isin[:2].isupper() and isin[11].isdigit()):
        return False
    if any(c.isalpha() and not c.isupper() for c in isin):
        return False
    # Letters become two digits (A=10 ... Z=35), then the Luhn check over all digits.
    digits = "".join(str(int(c, 36)) for c in isin)
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value // 10 + value % 10
    return total % 10 == 0


def ticker_key(ticker: str) -> str:
    """Tickers the engine cannot tell apart: case, and leading zeros of numeric codes.

    >>> ticker_key("0700"), ticker_key("brk.b"), ticker_key("000")
    ('700', 'BRK.B', '000')
    """
    ticker = ticker.upper()
    return (ticker.lstrip("0") or ticker) if ticker.isdigit() else ticker


def read_rows(text: str, source: str = "companies.csv") -> list[CompanyRow]:
    """The CSV's rows, checked; raises ``CompanyTableError`` listing every problem."""
    problems: list[str] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(cell.strip() for cell in header) != HEADER:
        raise CompanyTableError([f"{source}:1: the header must be {','.join(HEADER)}"])
    rows: list[CompanyRow] = []
    next_line = reader.line_num + 1
    for cells in reader:
        # line_num is where the row ends (a quoted cell may span lines); report its start.
        line, next_line = next_line, reader.line_num + 1
        where = f"{source}:{line}"
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(cells) != len(HEADER):
            problems.append(f"{where}: {len(cells)} columns, expected {len(HEADER)}")
            continue
        problems.extend(f"{where}: {problem}" for problem in _cell_problems(cells))
        name, aliases, tickers, isins, region = (cell.strip() for cell in cells)
        rows.append(
            CompanyRow(
                line=line,
                name=name,
                aliases=_split(aliases),
                tickers=_split(tickers),
                isins=_split(isins),
                region=region,
            )
        )
    problems.extend(_row_problems(rows, source))
    if problems:
        raise CompanyTableError(problems)
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(LIST_SEPARATOR)) if cell.strip() else ()


def _cell_problems(cells: Sequence[str]) -> Iterable[str]:
    for column, cell in zip(HEADER, cells, strict=True):
        # Quotes and backslashes would need escaping in the module; no name needs them.
        if any(c in '"\\' or not c.isprintable() for c in cell):
            yield f"{column} {cell!r}: no double quotes, backslashes or line breaks"
        elif (
            column in ("aliases", "tickers", "isins")
            and cell.strip()
            and any(not item.strip() for item in cell.split(LIST_SEPARATOR))
        ):
            yield f"{column} {cell!r}: an empty item between '{LIST_SEPARATOR}'"
    if not cells[0].strip():
        yield "the name is empty"


def _row_problems(rows: Sequence[CompanyRow], source: str) -> Iterable[str]:
    # Who claimed each name, ticker and ISIN first: a second company claiming it is an error
    # (the engine would silently keep the first).
    names: dict[str, CompanyRow] = {}
    tickers: dict[str, CompanyRow] = {}
    isins: dict[str, CompanyRow] = {}
    for row in rows:
        where = f"{source}:{row.line}"
        for isin in row.isins:
            if not isin_is_valid(isin):
                yield f"{where}: ISIN {isin!r} of {row.name!r} is not valid (check digit?)"
        claims = (
            ("name", names, {name.casefold() for name in (row.name, *row.aliases) if name}),
            ("ticker", tickers, {ticker_key(ticker) for ticker in row.tickers}),
            ("ISIN", isins, set(row.isins)),
        )
        for kind, claimed, keys in claims:
            for key in sorted(keys):
                first = claimed.setdefault(key, row)
                if first is not row:
                    yield (
                        f"{where}: {kind} {key!r} of {row.name!r} already belongs to "
                        f"{first.name!r} (line {first.line})"
                    )


# --- writing the module -----------------------------------------------------------------


def render_module(rows: Sequence[CompanyRow]) -> str:
    """The text of ``company_table.py`` for ``rows``, as `ruff format` would write it."""
    lines = [
        "# Generated from resources/companies/companies.csv by",
        "# packaging/generate_company_table.py; do not edit: edit the CSV and run",
        f"# `{COMMAND}` (see resources/companies/README.md).",
        '"""Well-known listed companies: ``(name, aliases, tickers, ISINs)`` (data only)."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, Final",
        "",
        "if TYPE_CHECKING:",
        "    from briefing.extract.vocab.companies import CompanyEntry",
        "",
        "COMPANIES: Final[tuple[CompanyEntry, ...]] = (",
    ]
    region = None
    for row in rows:
        if row.region and row.region != region:
            lines.append(f"{INDENT}# {row.region}")
        region = row.region
        lines.extend(_layout(row.entry(), INDENT))
    lines.append(")")
    return "\n".join(lines) + "\n"


def _flat(node: Node) -> str:
    if isinstance(node, str):
        return f'"{node}"'
    if len(node) == 1:
        return f"({_flat(node[0])},)"
    return "(" + ", ".join(_flat(child) for child in node) + ")"


def _width(text: str) -> int:
    # ruff measures lines in display columns: wide (CJK) characters count twice.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _layout(node: Node, indent: str) -> list[str]:
    """``node`` followed by a comma: on one line when it fits, else one item per line."""
    line = f"{indent}{_flat(node)},"
    if isinstance(node, str) or _width(line) <= LINE_LENGTH:
        return [line]
    inner = [text for child in node for text in _layout(child, indent + INDENT)]
    return [f"{indent}(", *inner, f"{indent}),"]


# --- command line -----------------------------------------------------------------------


def generate(csv_path: Path = CSV_PATH) -> str:
    """The module text for the CSV at ``csv_path`` (raises ``CompanyTableError``)."""
    return render_module(read_rows(csv_path.read_text(encoding="utf-8"), csv_path.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--csv", type=Path, default=CSV_PATH, help="the company table")
    parser.add_argument("--output", type=Path, default=MODULE_PATH, help="module to write")
    parser.add_argument(
        "--check", action="store_true", help="only report whether the module is up to date"
    )
    args = parser.parse_args(argv)
    try:
        text = generate(args.csv)
    except CompanyTableError as error:
        print(error, file=sys.stderr)
        return 2
    current = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(f"{args.output} is out of date: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    if current == text:
        print(f"{args.output} is up to date")
        return 0
    # Imported here: --check must run without the package installed.
    from briefing.atomic import atomic_writer

    with atomic_writer(args.output) as handle:
        handle.write(text)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

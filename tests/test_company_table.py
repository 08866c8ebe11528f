"""The company table: resources/companies/companies.csv -> extract/vocab/company_table.py.

The CSV is the one source; the generated module must match it (CI fails otherwise, and
says which command to run), and a bad row is refused with its CSV line.
"""

from __future__ import annotations

import doctest
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.analysis.entities import CompanyResolver
from briefing.extract.vocab import companies, company_table

PROJECT_ROOT = Path(__file__).resolve().parents[1]

_SPEC = importlib.util.spec_from_file_location(
    "generate_company_table", PROJECT_ROOT / "packaging" / "generate_company_table.py"
)
assert _SPEC is not None and _SPEC.loader is not None
generator = importlib.util.module_from_spec(_SPEC)
# Registered before running it: dataclasses look their module up in sys.modules.
sys.modules.setdefault(_SPEC.name, generator)
_SPEC.loader.exec_module(generator)

HEADER = "name,aliases,tickers,isins,region\n"


def test_generated_module_matches_the_csv() -> None:
    expected = generator.generate(generator.CSV_PATH)
    current = generator.MODULE_PATH.read_text(encoding="utf-8")
    assert current == expected, (
        "desktop/briefing/extract/vocab/company_table.py is out of date with "
        "resources/companies/companies.csv: run "
        "`.venv/bin/python packaging/generate_company_table.py` (make companies)"
    )


def test_the_engine_and_the_resolver_read_the_csv_table() -> None:
    rows = generator.read_rows(generator.CSV_PATH.read_text(encoding="utf-8"))
    assert companies.COMPANIES is company_table.COMPANIES
    assert tuple(row.entry() for row in rows) == companies.COMPANIES
    # analysis/entities.py resolves through the same table: names, tickers, ISINs.
    resolver = CompanyResolver()
    assert [resolver.resolve(w) for w in ("Alibaba Group Holding", "9988", "US01609W1027")] == [
        "Alibaba",
        "Alibaba",
        "Alibaba",
    ]


# (where the case comes from, CSV body after the header, what the error must say)
BAD_TABLES = [
    (
        "check digit changed",
        "Apple,Apple Inc,AAPL,US0378331006,United States\n",
        ["companies.csv:2: ISIN 'US0378331006' of 'Apple' is not valid"],
    ),
    (
        "ISIN in lower case",
        "Apple,,AAPL,us0378331005,United States\n",
        ["companies.csv:2: ISIN 'us0378331005'"],
    ),
    (
        "alias equal to another company's name, other case",
        "Kestrel,,KSTL,,Invented\nLumen Optics,kestrel,LUMO,,Invented\n",
        ["companies.csv:3: name 'kestrel' of 'Lumen Optics' already belongs to 'Kestrel' (line 2)"],
    ),
    (
        "same numeric ticker with and without leading zero",
        "Kestrel,,700,,Invented\nLumen Optics,,0700,,Invented\n",
        ["companies.csv:3: ticker '700' of 'Lumen Optics' already belongs to 'Kestrel'"],
    ),
    (
        "one ISIN on two companies",
        "Apple,,AAPL,US0378331005,X\nKestrel,,KSTL,US0378331005,X\n",
        ["companies.csv:3: ISIN 'US0378331005' of 'Kestrel' already belongs to 'Apple'"],
    ),
    ("empty name", "Kestrel,,KSTL,,X\n ,Lumen,LUMO,,X\n", ["companies.csv:3: the name is empty"]),
    ("missing column", "Kestrel,,KSTL,\n", ["companies.csv:2: 4 columns, expected 5"]),
    ("empty list item", "Kestrel,A||B,KSTL,,X\n", ["companies.csv:2: aliases 'A||B'"]),
    ("double quote", 'Kestrel,"The ""K""",KSTL,,X\n', ["companies.csv:2: aliases"]),
    (
        "line break inside a quoted cell: the next row keeps its own line number",
        'Kestrel,"A\nB",KSTL,,X\nLumen,,KSTL,,X\n',
        ["companies.csv:2: aliases", "companies.csv:4: ticker 'KSTL' of 'Lumen'"],
    ),
    (
        "every problem is reported, not only the first",
        "Kestrel,,KSTL,US0378331006,X\n,,LUMO,,X\nLumen,,KSTL,,X\n",
        ["companies.csv:2: ISIN", "companies.csv:3: the name is empty", "companies.csv:4: ticker"],
    ),
]


@pytest.mark.parametrize(("case", "body", "messages"), BAD_TABLES, ids=[c[0] for c in BAD_TABLES])
def test_bad_rows_are_refused_with_their_line(case: str, body: str, messages: list[str]) -> None:
    with pytest.raises(generator.CompanyTableError) as raised:
        generator.read_rows(HEADER + body)
    for message in messages:
        assert any(p.startswith(message) for p in raised.value.problems), raised.value.problems


def test_generator_doctests() -> None:
    assert doctest.testmod(generator).failed == 0


def test_a_wrong_header_is_refused() -> None:
    with pytest.raises(generator.CompanyTableError, match=r"companies\.csv:1: the header"):
        generator.read_rows("name,aliases,tickers\nKestrel,,KSTL\n")


def test_rows_become_entries_and_region_comments() -> None:
    rows = generator.read_rows(
        HEADER + "Kestrel, K-Semi | Kestrel Inc ,KSTL,,Invented\n\nLumen,,,,Invented\n"
    )
    assert [row.entry() for row in rows] == [
        ("Kestrel", ("K-Semi", "Kestrel Inc"), ("KSTL",), ()),
        ("Lumen", (), (), ()),
    ]
    text = generator.render_module(rows)
    assert text.count("# Invented") == 1
    assert '    ("Kestrel", ("K-Semi", "Kestrel Inc"), ("KSTL",), ()),\n' in text


def test_long_and_wide_rows_are_written_as_ruff_formats_them() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    long_aliases = "|".join(f"Kestrel Semiconductor Holdings {n}" for n in range(4))
    body = (
        f"Kestrel,{long_aliases},KSTL,,Invented\n"
        "阿里巴巴集团控股有限公司,阿里巴巴|阿里巴巴集团|阿里巴巴控股,AAAA|BBBB,,Wide\n"
        "Nestlé,Société des Produits Nestlé,NESX,,Accents\n"
    )
    text = generator.render_module(generator.read_rows(HEADER + body))
    formatted = subprocess.run(
        [ruff, "format", "--stdin-filename", "company_table.py", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    ).stdout
    assert formatted == text


def test_check_mode_reports_an_out_of_date_module(tmp_path: Path) -> None:
    csv_path = tmp_path / "companies.csv"
    module = tmp_path / "company_table.py"
    csv_path.write_text(HEADER + "Kestrel,,KSTL,,Invented\n", encoding="utf-8")
    arguments = ["--csv", str(csv_path), "--output", str(module)]
    assert generator.main([*arguments, "--check"]) == 1
    assert generator.main(arguments) == 0
    assert generator.main([*arguments, "--check"]) == 0
    csv_path.write_text(HEADER + "Kestrel,,KSTL,US0378331006,Invented\n", encoding="utf-8")
    assert generator.main(arguments) == 2
    assert '("Kestrel", (), ("KSTL",), ())' in module.read_text(encoding="utf-8")

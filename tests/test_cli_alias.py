"""``briefing library alias`` and ``library list --company`` as a user runs them.

The articles are our own (``tests/fixtures/analysis``): one fictional Norwegian utility
written "Solbrekke Kraft AS" by one site and "Solbrekke Power" by another (the bundled
table knows neither), Alibaba under its full name and by ticker only, and Quillon
Robotics, whose ticker only its article states ("Quillon Robotics Inc (NASDAQ: QLRB)").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.analysis.frames import build_frames
from briefing.cli.main import main
from briefing.store import Library

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
SOLBREKKE = ("alias_solbrekke_kraft_local_name.txt", "alias_solbrekke_power_english_name.txt")
ALIBABA = ("frames_alibaba_full_name.txt", "frames_baba_ticker_only.txt")
QUILLON = ("frames_three_currencies.txt",)


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def _run(capsys: pytest.CaptureFixture[str], library: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["library", "--library", str(library), *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _add_articles(capsys: pytest.CaptureFixture[str], library: Path, *names: str) -> None:
    status, out, err = _run(capsys, library, "add", *(str(FIXTURES / name) for name in names))
    assert status == 0, err
    assert out.startswith(f"added {len(names)},")


def _listed_companies(capsys: pytest.CaptureFixture[str], library: Path, *argv: str) -> list[str]:
    status, out, err = _run(capsys, library, "list", "--format", "json", *argv)
    assert status == 0, err
    return [row["company_id"] for row in json.loads(out)]


def _table_companies(table: str) -> set[str]:
    """The COMPANY column of ``library list``'s table (after ID and PUBLISHED)."""
    return {line[26:44].strip() for line in table.splitlines()[1:]}


def _with_aliases(library: Path, aliases: dict[str, str]) -> None:
    with Library.open(library) as opened:
        for alias, company in aliases.items():
            opened.add_alias(alias, company)


def _stored_aliases(library: Path) -> dict[str, str]:
    with Library.open(library) as opened:
        return opened.aliases()


# -- end to end: two names, one alias, one company --------------------------------------


def test_an_alias_makes_two_names_one_company_everywhere(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    _add_articles(capsys, library, *SOLBREKKE)
    _, before, _ = _run(capsys, library, "list")
    assert _table_companies(before) == {"Solbrekke Kraft", "Solbrekke Power"}
    assert sorted(_listed_companies(capsys, library)) == ["Solbrekke Kraft", "Solbrekke Power"]

    status, out, _ = _run(capsys, library, "alias", "add", "Solbrekke Power", "Solbrekke Kraft AS")

    assert status == 0
    assert out.splitlines() == [
        "added alias 'Solbrekke Power' -> 'Solbrekke Kraft'",
        "  (given as 'Solbrekke Kraft AS', which the resolver knows as 'Solbrekke Kraft')",
    ]
    _, after, _ = _run(capsys, library, "list")
    assert _table_companies(after) == {"Solbrekke Kraft"}
    assert len(_listed_companies(capsys, library, "--company", "Solbrekke Power")) == 2
    with Library.open(library) as opened:
        frames = build_frames(opened.results(), opened.aliases())
    assert set(frames.articles["company_id"]) == {"Solbrekke Kraft"}

    _run(capsys, library, "alias", "remove", "solbrekke power")
    assert sorted(_listed_companies(capsys, library)) == ["Solbrekke Kraft", "Solbrekke Power"]


# -- alias add ------------------------------------------------------------------------------

ADD_CASES = [
    # (where the case comes from, aliases before, ALIAS, COMPANY, stdout, alias -> stored)
    (
        "brief: a company the resolver knows by ticker is stored as its id, and says so",
        {},
        "Ali Cloud",
        "BABA",
        [
            "added alias 'Ali Cloud' -> 'Alibaba'",
            "  (given as 'BABA', which the resolver knows as 'Alibaba')",
        ],
        ("Ali Cloud", "Alibaba"),
    ),
    (
        "issue 3: ISIN US01609W1027 is Alibaba",
        {},
        "Ali Cloud",
        "US01609W1027",
        [
            "added alias 'Ali Cloud' -> 'Alibaba'",
            "  (given as 'US01609W1027', which the resolver knows as 'Alibaba')",
        ],
        ("Ali Cloud", "Alibaba"),
    ),
    (
        "a ticker only its article states: 'Quillon Robotics Inc (NASDAQ: QLRB)'",
        {},
        "Quillon",
        "NASDAQ: QLRB",
        [
            "added alias 'Quillon' -> 'Quillon Robotics'",
            "  (given as 'NASDAQ: QLRB', which the resolver knows as 'Quillon Robotics')",
        ],
        ("Quillon", "Quillon Robotics"),
    ),
    (
        "brief: adding an alias that exists replaces it and says what it was",
        {"Solbrekke Power": "Havbris Vind"},
        "Solbrekke Power",
        "Solbrekke Kraft",
        ["replaced alias 'Solbrekke Power': was 'Havbris Vind', now 'Solbrekke Kraft'"],
        ("Solbrekke Power", "Solbrekke Kraft"),
    ),
    (
        "aliases match in any case: the stored spelling is kept and named",
        {"Solbrekke Power": "Havbris Vind"},
        "SOLBREKKE POWER",
        "Solbrekke Kraft",
        ["replaced alias 'Solbrekke Power': was 'Havbris Vind', now 'Solbrekke Kraft'"],
        ("Solbrekke Power", "Solbrekke Kraft"),
    ),
    (
        "the same alias again changes nothing",
        {"Solbrekke Power": "Solbrekke Kraft"},
        "Solbrekke Power",
        "Solbrekke Kraft",
        ["alias 'Solbrekke Power' already names 'Solbrekke Kraft'; unchanged"],
        ("Solbrekke Power", "Solbrekke Kraft"),
    ),
    (
        "the company given by another alias of the user",
        {"SK": "Solbrekke Kraft"},
        "Solbrekke Power",
        "SK",
        [
            "added alias 'Solbrekke Power' -> 'Solbrekke Kraft'",
            "  (given as 'SK', which the resolver knows as 'Solbrekke Kraft')",
        ],
        ("Solbrekke Power", "Solbrekke Kraft"),
    ),
    (
        "issue 3: user aliases win over the bundled table; the user is told what changes",
        {},
        "BABA",
        "Solbrekke Kraft",
        [
            "added alias 'BABA' -> 'Solbrekke Kraft'",
            "  (without an alias, 'BABA' meant 'Alibaba'; now it means 'Solbrekke Kraft')",
        ],
        ("BABA", "Solbrekke Kraft"),
    ),
]


@pytest.mark.parametrize(
    ("source", "before", "alias", "company", "said", "stored"),
    ADD_CASES,
    ids=[case[0] for case in ADD_CASES],
)
def test_alias_add(
    capsys: pytest.CaptureFixture[str],
    library: Path,
    source: str,
    before: dict[str, str],
    alias: str,
    company: str,
    said: list[str],
    stored: tuple[str, str],
) -> None:
    _add_articles(capsys, library, *SOLBREKKE, *QUILLON)
    _with_aliases(library, before)

    status, out, err = _run(capsys, library, "alias", "add", alias, company)

    assert (status, out.splitlines(), err) == (0, said, "")
    assert _stored_aliases(library)[stored[0]] == stored[1]


def test_an_empty_alias_or_company_is_bad_usage(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    status, out, err = _run(capsys, library, "alias", "add", " ", "Solbrekke Kraft")
    assert (status, out) == (2, "")
    assert "must not be empty" in err
    assert _stored_aliases(library) == {}


# -- alias list -----------------------------------------------------------------------------


def test_alias_list_is_a_sorted_table_and_says_when_empty(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    status, out, _ = _run(capsys, library, "alias", "list")
    assert (status, out.strip()) == (0, f"no aliases in {library}")
    _with_aliases(
        library, {"solbrekke power": "Solbrekke Kraft", "Ali Cloud": "Alibaba", "QL": "Quillon"}
    )

    status, out, _ = _run(capsys, library, "alias", "list")

    assert status == 0
    assert out.splitlines() == [
        "ALIAS            COMPANY",
        "Ali Cloud        Alibaba",
        "QL               Quillon",
        "solbrekke power  Solbrekke Kraft",
    ]


LIST_COMPANY_CASES = [
    # (where the case comes from, --company, aliases listed)
    ("the company id as stored", "Alibaba", ["Ali Cloud", "Taobao parent"]),
    ("issue 3: the company by a Hong Kong ticker", "HKG:9988", ["Ali Cloud", "Taobao parent"]),
    (
        "the company by its full legal name",
        "Alibaba Group Holding Ltd",
        ["Ali Cloud", "Taobao parent"],
    ),
    ("the company by one of the user's aliases", "ali cloud", ["Ali Cloud", "Taobao parent"]),
    ("a company no alias names", "Quillon Robotics", []),
]


@pytest.mark.parametrize(
    ("source", "company", "listed"), LIST_COMPANY_CASES, ids=[c[0] for c in LIST_COMPANY_CASES]
)
def test_alias_list_company_matches_through_the_resolver(
    capsys: pytest.CaptureFixture[str], library: Path, source: str, company: str, listed: list[str]
) -> None:
    _with_aliases(
        library,
        {"Ali Cloud": "Alibaba", "Taobao parent": "Alibaba", "Solbrekke Power": "Solbrekke Kraft"},
    )

    status, out, _ = _run(
        capsys, library, "alias", "list", "--company", company, "--format", "json"
    )

    assert status == 0
    assert [row["alias"] for row in json.loads(out)] == listed
    if not listed:
        _, table, _ = _run(capsys, library, "alias", "list", "--company", company)
        assert table.strip() == f"no aliases naming {company} in {library}"


# -- alias remove ---------------------------------------------------------------------------


def test_alias_remove_names_what_it_removed(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    _with_aliases(library, {"Ali Cloud": "Alibaba", "Solbrekke Power": "Solbrekke Kraft"})

    status, out, _ = _run(capsys, library, "alias", "remove", "ali cloud", "Solbrekke Power")

    assert status == 0
    assert out.splitlines() == [
        "removed alias 'Ali Cloud' (it named 'Alibaba')",
        "removed alias 'Solbrekke Power' (it named 'Solbrekke Kraft')",
    ]
    assert _stored_aliases(library) == {}


def test_removing_an_unknown_alias_exits_1_naming_it_and_removes_nothing(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    _with_aliases(library, {"Ali Cloud": "Alibaba"})

    status, out, err = _run(capsys, library, "alias", "remove", "Ali Cloud", "Solbreke Power")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"briefing: no alias 'Solbreke Power' in {library}",
        "briefing: nothing removed",
    ]
    assert _stored_aliases(library) == {"Ali Cloud": "Alibaba"}


def test_library_option_is_accepted_after_the_action_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chosen = tmp_path / "chosen.sqlite3"
    status = main(["library", "alias", "add", "Ali Cloud", "BABA", "--library", str(chosen)])
    capsys.readouterr()
    assert status == 0
    assert _stored_aliases(chosen) == {"Ali Cloud": "Alibaba"}


# -- library list --company through the resolver -------------------------------------------

LIBRARY_LIST_CASES = [
    # (where the case comes from, --company, article files listed)
    ("issue 3: a ticker finds the article naming the full name", "BABA", ALIBABA),
    ("issue 3: a Hong Kong ticker with exchange", "HKG:9988", ALIBABA),
    ("issue 3: the ISIN", "US01609W1027", ALIBABA),
    ("the full legal name", "Alibaba Group Holding Ltd", ALIBABA),
    ("as before: the stored name in another case", "alibaba", ALIBABA),
    ("a ticker only the article states", "QLRB", QUILLON),
    ("the same ticker with its exchange", "NASDAQ: QLRB", QUILLON),
    ("a counterparty named in the article", "Havbris Vind", SOLBREKKE[:1]),
    ("a company no article names", "Nobody Inc", ()),
]


@pytest.mark.parametrize(
    ("source", "company", "files"), LIBRARY_LIST_CASES, ids=[c[0] for c in LIBRARY_LIST_CASES]
)
def test_library_list_company_matches_through_the_resolver(
    capsys: pytest.CaptureFixture[str],
    library: Path,
    source: str,
    company: str,
    files: tuple[str, ...],
) -> None:
    _add_articles(capsys, library, *ALIBABA, *SOLBREKKE, *QUILLON)

    status, out, _ = _run(capsys, library, "list", "--company", company, "--format", "json")

    assert status == 0
    assert sorted(Path(row["path"]).name for row in json.loads(out)) == sorted(files)

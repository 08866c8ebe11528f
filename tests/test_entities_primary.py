"""The primary company of an article, and the devset names found among the mentions.

Our own bodies test the scoring; the devset cases read ``../shared/devset`` and skip
when it is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.extract.entities import find_companies, primary_company

# --- primary company -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "body", "isins", "primary"),
    [
        pytest.param(
            "Halvern Bank cut to Hold",
            "Morgan Stanley downgraded Halvern Bank on Friday. Morgan Stanley said rivals "
            "such as Orrin Bank looked cheaper. Halvern shares fell 3%.",
            [], "Halvern Bank", id="ours-broker-issuer-not-primary",
        ),
        pytest.param(
            None,
            "Atlantic Equities downgraded Morgan Stanley stock to neutral. Morgan Stanley "
            "stock fell 2%, and Morgan Stanley shares trail peers.",
            [], "Morgan Stanley", id="devset-morganstanley-shape",
        ),
        pytest.param(
            "Weekly market wrap",
            "Brenlow Mining Corp. said output rose. Brenlow expects more. Also read: Corvo "
            "Steel Ltd posts profit.",
            [], "Brenlow Mining", id="ours-frequency",
        ),
        pytest.param(
            None, "Meitu US01609W1027 shares\nAlibaba Group invested in Meitu.",
            ["US01609W1027"], "Alibaba", id="ours-isin-vocabulary",
        ),
        pytest.param(None, "No company is named here.", [], None, id="ours-none"),
        pytest.param(
            "Index falls; pound firm, Brockhurst soars",
            "Index falls; pound firm, Brockhurst soars\nCitigroup cut Tallis Chemical Corp. "
            "to neutral. Tallis Chemical faces costs; Tallis shares fell.",
            [], "Tallis Chemical", id="devset-daicel-shape-headline-furniture",
        ),
    ],
)  # fmt: skip
def test_primary_company(
    title: str | None, body: str, isins: list[str], primary: str | None
) -> None:
    assert primary_company(title, body, find_companies(body), isins) == primary


_SUFFIXES = re.compile(r"\b(inc|corp|corporation|co|ltd|limited|group|plc|holdings?|sa|ag|nv)\b\.?")


def _same_name(left: str, right: str) -> bool:
    """The scorer's rule: lower-cased, without suffixes, one contains the other."""
    a, b = (" ".join(_SUFFIXES.sub("", n.lower()).replace(".", "").split()) for n in (left, right))
    return bool(a and b) and (a in b or b in a)


def _devset_cases() -> list[str]:
    gold = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "gold"
    return sorted(p.stem for p in gold.glob("*.json")) or ["devset-absent"]


def _title_and_body(text: str) -> tuple[str | None, str]:
    first, _, rest = text.partition("\n")
    return (first if rest and len(first) < 150 else None), text


@pytest.mark.devset
@pytest.mark.parametrize("name", _devset_cases())
def test_primary_company_on_devset(shared_dir: Path, name: str) -> None:
    gold_path = shared_dir / "devset" / "gold" / f"{name}.json"
    if not gold_path.exists():
        pytest.skip("devset gold not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (shared_dir / "devset" / "articles" / gold["article"]).read_text(encoding="utf-8")
    title, body = _title_and_body(text)
    found = primary_company(title, body, find_companies(body), [])
    assert found is not None and _same_name(found, gold["primary_company"])
    # and without a title, from the body alone
    alone = primary_company(None, body, find_companies(body), [])
    assert alone is not None and _same_name(alone, gold["primary_company"])


@pytest.mark.devset
@pytest.mark.parametrize("index", [0, 1], ids=["seed-000", "seed-001"])
def test_primary_company_on_seeds(shared_dir: Path, index: int) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    if len(seeds) <= index:
        pytest.skip("seed articles not present")
    text = seeds[index].read_text(encoding="utf-8")
    title, body = _title_and_body(text)
    assert primary_company(title, body, find_companies(body), []) == "Alibaba"


@pytest.mark.devset
@pytest.mark.parametrize("name", _devset_cases())
def test_gold_names_are_found_on_devset(shared_dir: Path, name: str) -> None:
    """Every company, counterparty, buyer and firm gold names is among the mentions."""
    gold_path = shared_dir / "devset" / "gold" / f"{name}.json"
    if not gold_path.exists():
        pytest.skip("devset gold not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (shared_dir / "devset" / "articles" / gold["article"]).read_text(encoding="utf-8")
    names = {m.name for m in find_companies(text) if not m.is_reference}
    wanted: set[str] = set()
    for deal in gold["deals"]:
        for role in ("buyer", "counterparty"):
            for part in (deal.get(role) or "").split(", "):
                wanted.add(re.sub(r"\s*\(\d+ anchor investors\)", "", part))
    for item in gold["analyst_views"] + gold["metrics"]:
        wanted.update(item.get(key) or "" for key in ("firm", "company"))
    missing = [w for w in wanted if w and not any(_same_name(w, n) for n in names)]
    assert not missing


_GENERALISATION = Path(__file__).resolve().parent / "fixtures" / "generalisation"


def _generalisation_cases() -> list[str]:
    return sorted(p.stem for p in (_GENERALISATION / "gold").glob("*.json")) or ["absent"]


@pytest.mark.parametrize("name", _generalisation_cases())
def test_primary_company_on_our_generalisation_articles(name: str) -> None:
    """The team's own held-out-style articles: written apart from these rules."""
    gold_path = _GENERALISATION / "gold" / f"{name}.json"
    if not gold_path.exists():
        pytest.skip("generalisation fixtures not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (_GENERALISATION / "articles" / gold["article"]).read_text(encoding="utf-8")
    title, body = _title_and_body(text)
    found = primary_company(title, body, find_companies(body), [])
    assert found is not None and _same_name(found, gold["primary_company"])

"""``briefing eval``: table, JSON, floors and exit codes."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from briefing.cli import eval_command
from briefing.domain.model import ArticleResult, Deal, Document, Evidence, Extraction, Quantity

ARTICLE = "Northwind Traders said it will buy back up to $400 million of its shares.\n"
QUOTE = "buy back up to $400 million of its shares"
GOLD = {
    "article": "northwind.txt",
    "origin": None,
    "published": "2024-05-02",
    "primary_company": "Northwind Traders",
    "deals": [
        {
            "type": "buyback",
            "buyer": "Northwind Traders",
            "counterparty": None,
            "amount": {"value": 400e6, "unit": "USD"},
            "date": None,
            "quote": QUOTE,
        }
    ],
    "metrics": [],
    "analyst_views": [],
}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="briefing")
    eval_command.add_parser(parser.add_subparsers())
    return parser.parse_args(["eval", *argv])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold" / "northwind.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "articles" / "northwind.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def fake_extract(amount: float) -> object:
    def extract(path: Path) -> tuple[ArticleResult, None]:
        start = ARTICLE.find(QUOTE)
        deal = Deal(
            type="buyback",
            buyer="Northwind Traders Inc.",
            counterparty=None,
            amount=Quantity(amount, "USD", "$400 million"),
            evidence=Evidence(start, start + len(QUOTE), QUOTE),
            confidence=0.9,
        )
        document = Document(id="x", path=str(path), format="text", body=ARTICLE)
        return ArticleResult(document, Extraction("Northwind", (), deals=(deal,))), None

    return extract


def test_table_and_floors_pass(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(eval_command, "_extract", fake_extract(400e6))
    floors = Path(__file__).with_name("quality_floors.json")
    status = eval_command.run(parse([str(corpus / "gold"), "--floors", str(floors)]))
    out = capsys.readouterr().out
    assert status == 0
    assert "deals" in out and "1.000" in out


def test_floor_failure_names_the_category(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(eval_command, "_extract", fake_extract(500e6))
    floors = corpus / "floors.json"
    floors.write_text(json.dumps({"deals": {"f1": 0.8}}), encoding="utf-8")
    status = eval_command.run(parse([str(corpus / "gold"), "--floors", str(floors), "--explain"]))
    captured = capsys.readouterr()
    assert status == 1
    assert "deals f1 0.000 < floor 0.800" in captured.err
    assert "MISSED" in captured.out and "amount 500m USD vs gold 400m USD" in captured.out


def test_json_report(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(eval_command, "_extract", fake_extract(400e6))
    status = eval_command.run(parse([str(corpus / "gold"), "--json", "--explain"]))
    payload = json.loads(capsys.readouterr().out)
    assert status == 0
    assert payload["categories"]["deals"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert payload["per_article"][0]["article"] == "northwind.txt"


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["missing-gold"], id="ours-missing-gold-dir"),
        pytest.param(["gold", "--articles", "nowhere"], id="ours-missing-articles-dir"),
        pytest.param(["gold", "--floors", "no-floors.json"], id="ours-missing-floors"),
    ],
)
def test_bad_usage_exits_2(
    corpus: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(corpus / a) if not a.startswith("--") else a for a in argv]
    assert eval_command.run(parse(argv)) == 2
    assert "briefing eval:" in capsys.readouterr().err


@pytest.mark.devset
def test_devset_runs_end_to_end(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        from briefing.extract.engine import extract_document  # noqa: F401
        from briefing.ingest import read_document  # noqa: F401
    except ImportError as error:
        pytest.skip(f"ingest or engine not importable yet: {error}")
    status = eval_command.run(parse([str(shared_dir / "devset" / "gold")]))
    out = capsys.readouterr().out
    assert status == 0
    assert "24 articles" in out and "analyst_views" in out

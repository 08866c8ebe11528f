"""``briefing extract`` as a user runs it: output formats, errors per file, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from briefing import __version__
from briefing.cli.main import main
from briefing.ingest import read_document

# Our own two short articles: one deal-centred, one with segment figures and a view.
DEAL_ARTICLE = """Harbor Tech agrees cloud deal

Harbor Tech Ltd said on Monday it will buy a 20% stake in Lumen Robotics for $120 million.
The shares of Harbor Tech rose 4% to $31.20 after the announcement.
"""
RESULTS_ARTICLE = """Harbor Tech results

Harbor Tech reported that revenue at its cloud division rose 12% to $2.4 billion in the quarter.
Analysts at Northwind Securities raised their price target to $40 from $35.
"""


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "deal.txt").write_text(DEAL_ARTICLE, encoding="utf-8")
    (folder / "results.md").write_text(RESULTS_ARTICLE, encoding="utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_output_follows_the_contract(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    status, out, err = _run(capsys, "extract", str(articles))
    assert status == 0, err
    payload = json.loads(out)
    assert payload["schema"] == "briefing.extraction/1"
    assert "errors" not in payload
    assert [Path(a["path"]).name for a in payload["articles"]] == ["deal.txt", "results.md"]
    for article in payload["articles"]:
        body = read_document(Path(article["path"])).body
        items = article["deals"] + article["metrics"] + article["analyst_views"]
        for item in items:
            evidence = item["evidence"]
            assert body[evidence["start"] : evidence["end"]] == evidence["quote"]
            assert 0 <= item["confidence"] <= 1


def test_a_bad_file_is_reported_and_the_rest_extracted(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    (articles / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    (articles / "empty.txt").write_text("")
    status, out, err = _run(capsys, "extract", str(articles), str(articles / "missing.txt"))
    assert status == 1
    payload = json.loads(out)
    assert len(payload["articles"]) == 2
    failed = {Path(e["path"]).name for e in payload["errors"]}
    assert failed == {"empty.txt", "missing.txt"} | ({"notes.docx"} & failed)
    assert "empty.txt" in err and "missing.txt" in err


def test_unsupported_file_named_explicitly_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    document = tmp_path / "report.docx"
    document.write_bytes(b"PK\x03\x04")
    status, out, err = _run(capsys, "extract", str(document))
    assert status == 1
    assert "report.docx" in err
    assert json.loads(out)["errors"][0]["path"].endswith("report.docx")


def test_csv_has_one_row_per_item_with_its_evidence(
    capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path
) -> None:
    target = tmp_path / "items.csv"
    status, _, err = _run(capsys, "extract", str(articles), "--format", "csv", "-o", str(target))
    assert status == 0, err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    json_status, out, _ = _run(capsys, "extract", str(articles))
    payload = json.loads(out)
    expected = sum(
        len(a["deals"]) + len(a["metrics"]) + len(a["analyst_views"]) for a in payload["articles"]
    )
    assert json_status == 0
    assert len(rows) == expected > 0
    assert all(row["quote"] and row["article_id"] and row["kind"] for row in rows)


def test_jsonl_writes_one_article_per_line(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    status, out, _ = _run(capsys, "extract", str(articles), "--format", "jsonl")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["id"] for line in lines)


def test_two_jobs_give_the_same_result_as_one(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    for index in range(4):
        (articles / f"copy{index}.txt").write_text(DEAL_ARTICLE.replace("20%", f"{index + 1}%"))
    _, single, _ = _run(capsys, "extract", str(articles), "--jobs", "1")
    _, double, _ = _run(capsys, "extract", str(articles), "--jobs", "2")
    assert json.loads(single) == json.loads(double)


def test_recursive_walks_sub_folders(capsys: pytest.CaptureFixture[str], articles: Path) -> None:
    nested = articles / "older"
    nested.mkdir()
    (nested / "old.txt").write_text(DEAL_ARTICLE)
    _, flat, _ = _run(capsys, "extract", str(articles))
    _, deep, _ = _run(capsys, "extract", str(articles), "--recursive")
    assert len(json.loads(flat)["articles"]) == 2
    assert len(json.loads(deep)["articles"]) == 3


def test_output_file_is_not_created_when_unwritable(
    capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "out.json"
    status, _, err = _run(capsys, "extract", str(articles), "-o", str(target))
    assert status == 1
    assert "cannot write" in err
    assert not target.exists()


@pytest.mark.parametrize(
    "argv",
    [["extract"], ["extract", "x.txt", "--jobs", "0"], ["extract", "x.txt", "--format", "xml"]],
    ids=["no-path", "zero-jobs", "unknown-format"],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2


def test_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 4: `briefing` alone opens the desktop window (tests/gui/test_app.py has the rest).
    from briefing.gui import app

    calls: list[object] = []
    monkeypatch.setattr(app, "run_app", lambda argv, **kwargs: calls.append(kwargs) or 0)
    assert main([]) == 0
    assert [(call["library"], call["files"]) for call in calls] == [(None, [])]


def test_window_route_knows_every_sub_command() -> None:
    # `briefing extract` must never be taken for a file to open: the constant the window
    # route checks, without building the parser, names exactly the parser's sub-commands.
    from briefing.cli.main import COMMAND_NAMES, build_parser, command_names

    assert command_names(build_parser()) == COMMAND_NAMES


def test_opening_the_window_does_not_import_the_engine() -> None:
    # Start-up time (issue 4): the window route loads neither the sub-commands nor the
    # extraction engine nor matplotlib before the window is populated.
    import subprocess
    import sys

    # The engine's vocabularies (company names) are data the window needs; its rules,
    # the readers and matplotlib are not.
    probe = (
        "import sys; from briefing.cli import main as m; "
        "m.opens_window([], m.COMMAND_NAMES); import briefing.gui.preload; "
        "import briefing.gui.main_window; "
        "print(sorted(n for n in sys.modules if n.startswith(('briefing.extract.', "
        "'briefing.ingest', 'briefing.cli.', 'matplotlib')) "
        "and not n.startswith(('briefing.extract.vocab', 'briefing.cli.main'))))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"


def test_no_display_is_said_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A Linux machine without X11/Wayland (an ssh session): Qt would abort; we explain.
    from briefing.gui import app

    for variable in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    calls: list[object] = []
    monkeypatch.setattr(app, "run_app", lambda argv, **kwargs: calls.append(kwargs) or 0)
    assert main([]) == 2
    assert calls == []
    assert "no display" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out

"""``briefing report`` as a user runs it: the seed acceptance on our rewrites, the same
report from the library, errors, untrusted article text and determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from briefing.cli.main import main

PROJECT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT / "resources" / "samples"
ALIBABA = sorted(str(path) for path in SAMPLES.glob("alibaba_*.txt"))
UNTRUSTED = PROJECT / "tests" / "fixtures" / "report" / "untrusted_markup.txt"
CITATION = re.compile(r"\[(\d+)\]")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["report", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def alibaba_json() -> dict[str, Any]:
    """The JSON report on the two Alibaba rewrites (built once: extraction takes a while)."""
    capture = _Capture()
    with capture:
        status = main(["report", *ALIBABA, "--format", "json"])
    assert status == 0, capture.err
    payload: dict[str, Any] = json.loads(capture.out)
    return payload


@pytest.fixture(scope="module")
def alibaba_markdown() -> str:
    capture = _Capture()
    with capture:
        status = main(["report", *ALIBABA])
    assert status == 0, capture.err
    return capture.out


class _Capture:
    """stdout/stderr for module-scoped fixtures (capsys is function-scoped)."""

    def __enter__(self) -> None:
        import contextlib
        import io

        self._out, self._err = io.StringIO(), io.StringIO()
        self._stack = contextlib.ExitStack()
        self._stack.enter_context(contextlib.redirect_stdout(self._out))
        self._stack.enter_context(contextlib.redirect_stderr(self._err))

    def __exit__(self, *exc: object) -> None:
        self._stack.close()
        self.out, self.err = self._out.getvalue(), self._err.getvalue()


def _without_paths(payload: dict[str, Any]) -> dict[str, Any]:
    for source in payload["sources"]:
        source.pop("path")
    return payload


# -- the seed acceptance on our rewrites (resources/samples/alibaba_*.txt) ---------------------


def test_one_company_alibaba_with_its_names_and_isin(alibaba_json: dict[str, Any]) -> None:
    assert alibaba_json["schema"] == "briefing.report/1"
    assert alibaba_json["company"] == "Alibaba"
    assert "US01609W1027" in alibaba_json["isins"]
    assert [source["number"] for source in alibaba_json["sources"]] == [1, 2]


# (case from the rewrites) -> (deal type, other party, date)
DATED_DEALS = [
    (
        "Meitu convertible bond, alibaba_meitu_convertible",
        "convertible_bond",
        "Meitu",
        "2026-01-03",
    ),
    ("MiniMax IPO anchor stake, alibaba_minimax_anchor", "ipo", "MiniMax", "2026-01-09"),
]


def test_deal_timeline_dated_first_then_undated(alibaba_json: dict[str, Any]) -> None:
    deals = alibaba_json["deals"]
    dated = [(deal["type"], deal["other_party"], deal["date"]) for deal in deals if deal["date"]]
    assert dated == [(kind, party, date) for _case, kind, party, date in DATED_DEALS]
    undated = [deal for deal in deals if deal["date"] is None]
    assert {deal["type"] for deal in undated} >= {"capex_plan", "commercial_agreement"}
    assert [deal["date"] is None for deal in deals] == sorted(
        deal["date"] is None for deal in deals
    )
    for deal in deals:
        assert deal["quote"] and deal["source_number"] in (1, 2), deal
    assert {deal["other_party"] for deal in deals} >= {"Meitu", "MiniMax"}


def test_markdown_lists_the_timeline(alibaba_markdown: str) -> None:
    assert "| 3 Jan 2026 | convertible bond | buyer | Meitu |" in alibaba_markdown
    assert "| 9 Jan 2026 | IPO stake | buyer | MiniMax |" in alibaba_markdown
    assert "| undated (article 1 Jan 2026) | capex plan |" in alibaba_markdown
    assert alibaba_markdown.index("3 Jan 2026 | convertible") < alibaba_markdown.index("undated (")


def test_share_performance_is_a_soft_conflict_with_both_sources(
    alibaba_json: dict[str, Any],
) -> None:
    conflicts = [c for c in alibaba_json["conflicts"] if c["fact"] == "price_performance"]
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict["verdict"] == "soft"
    statements = conflict["statements"]
    assert [s["value"] for s in statements] == ["77 percent", "more than 72%"]
    assert [s["source_number"] for s in statements] == [1, 2]
    assert "77 percent" in statements[0]["quote"] and "72%" in statements[1]["quote"]
    assert statements[0]["article_id"] != statements[1]["article_id"]


def test_markdown_shows_the_conflict_side_by_side(alibaba_markdown: str) -> None:
    section = alibaba_markdown.split("## Conflicts between sources")[1].split("\n## ")[0]
    assert "Soft conflict" in section
    assert "- 77 percent [1]" in section and "- more than 72% [2]" in section
    assert "The stock rose 77 percent over 2025" in section


def test_price_targets_are_consistent_not_conflicting(alibaba_json: dict[str, Any]) -> None:
    targets = [a for a in alibaba_json["agreements"] if a["fact"] == "price_target"]
    assert targets and all(a["verdict"] in ("same", "consistent") for a in targets)
    assert not [c for c in alibaba_json["conflicts"] if c["fact"] == "price_target"]


def test_summary_citations_point_at_existing_sources(
    alibaba_json: dict[str, Any], alibaba_markdown: str
) -> None:
    numbers = {source["number"] for source in alibaba_json["sources"]}
    assert alibaba_json["summary"]
    for sentence in alibaba_json["summary"][1:]:  # the first one counts the articles
        marks = {int(n) for n in CITATION.findall(sentence["text"])}
        assert marks and marks <= numbers, sentence
        assert {c["source_number"] for c in sentence["citations"]} <= numbers
    deals = next(s["text"] for s in alibaba_json["summary"] if "Meitu" in s["text"])
    assert "3 Jan 2026) [2]" in deals and "9 Jan 2026) [1]" in deals
    summary = alibaba_markdown.split("## Summary")[1].split("\n## ")[0]
    assert "convertible bond with Meitu" in summary and "[2]" in summary


# (case) -> what the user types for --company
COMPANY_NAMES = [
    ("ticker only", "BABA"),
    ("ISIN", "US01609W1027"),
    ("full legal name", "Alibaba Group Holding Ltd"),
    ("Hong Kong listing", "9988.HK"),
]


@pytest.mark.parametrize(("case", "name"), COMPANY_NAMES)
def test_company_by_any_of_its_names(
    capsys: pytest.CaptureFixture[str], alibaba_json: dict[str, Any], case: str, name: str
) -> None:
    status, out, err = _run(capsys, *ALIBABA, "--format", "json", "--company", name)
    assert status == 0, (case, err)
    assert json.loads(out) == alibaba_json, case


# -- the same report from the library ---------------------------------------------------------


def test_library_gives_the_same_report_as_the_files(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    alibaba_json: dict[str, Any],
) -> None:
    library = tmp_path / "library.sqlite3"
    assert main(["library", "--library", str(library), "add", *ALIBABA]) == 0
    capsys.readouterr()
    status, out, err = _run(capsys, "--library", str(library), "--format", "json")
    assert status == 0, err
    from_library = json.loads(out)
    assert _without_paths(from_library) == _without_paths(json.loads(json.dumps(alibaba_json)))

    monkeypatch.setenv("BRIEFING_LIBRARY", str(library))
    status, out, err = _run(capsys, "--format", "json", "--library")
    assert status == 0, err
    assert _without_paths(json.loads(out)) == from_library


# -- errors -----------------------------------------------------------------------------------


def test_no_paths_and_no_library_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys)
    assert (status, out) == (2, "")
    assert "--library" in err


def test_paths_and_library_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = _run(capsys, *ALIBABA, "--library", str(tmp_path / "lib.sqlite3"))
    assert (status, out) == (2, "")
    assert "not both" in err
    assert not (tmp_path / "lib.sqlite3").exists()


def test_unknown_company_names_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, *ALIBABA, "--company", "Alibabba")
    assert (status, out) == (1, "")
    assert "'Alibabba'" in err and "did you mean" in err and "Alibaba" in err


def test_unknown_reporting_currency_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, *ALIBABA, "--currency", "XQZ")
    assert (status, out) == (2, "")
    assert "XQZ" in err


# (case) -> (file name, content, reason the user sees)
BAD_FILES = [
    ("empty file", "empty.txt", b"", "empty"),
    ("binary content", "binary.txt", b"\x00\x01\x02 not text", "binary"),
]


@pytest.mark.parametrize(("case", "name", "content", "reason"), BAD_FILES)
def test_bad_file_among_good_ones_still_reports(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    alibaba_markdown: str,
    case: str,
    name: str,
    content: bytes,
    reason: str,
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    status, out, err = _run(capsys, *ALIBABA, str(bad))
    assert status == 1, case
    assert out == alibaba_markdown, case
    assert name in err and reason in err, (case, err)


# (case) -> where -o points, relative to tmp_path
UNWRITABLE = [
    ("folder that does not exist", "missing/report.md"),
    ("an existing folder", "."),
]


@pytest.mark.parametrize(("case", "target"), UNWRITABLE)
def test_unwritable_output_fails_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str, target: str
) -> None:
    before = sorted(tmp_path.rglob("*"))
    status, out, err = _run(capsys, *ALIBABA, "-o", str(tmp_path / target))
    assert (status, out) == (1, ""), case
    assert "cannot write the report" in err, case
    assert sorted(tmp_path.rglob("*")) == before, case


def test_output_file_is_written_whole_and_replaces_the_old_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, alibaba_markdown: str
) -> None:
    output = tmp_path / "report.md"
    output.write_text("an older report\n", encoding="utf-8")
    status, out, err = _run(capsys, *ALIBABA, "-o", str(output))
    assert (status, out, err) == (0, "", "")
    assert output.read_text(encoding="utf-8") == alibaba_markdown
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.md"]


# -- untrusted article text -------------------------------------------------------------------

TITLE = (
    'Harbour & Pine <img src="http://evil.example/t.png"> '
    "[read more](http://evil.example/t) | Q&amp;A"
)


def test_untrusted_text_is_verbatim_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, str(UNTRUSTED), "--format", "json")
    assert status == 0, err
    payload = json.loads(out)
    assert payload["sources"][0]["title"] == TITLE
    quotes = [deal["quote"] for deal in payload["deals"]]
    assert any("<img src=x onerror=alert" in quote for quote in quotes), quotes


def test_untrusted_text_is_literal_in_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, str(UNTRUSTED))
    assert status == 0, err
    assert (
        r"Harbour \& Pine \<img src=" + '"' + r"http\://evil.example/t.png" + '"' + r"\> "
        r"\[read more\](http\://evil.example/t) \| Q\&amp;A"
    ) in out
    assert r"\<img src=x onerror=alert" in out


def test_untrusted_markdown_renders_no_link_image_or_html(
    capsys: pytest.CaptureFixture[str],
) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    status, out, _err = _run(capsys, str(UNTRUSTED))
    assert status == 0
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(out)
    for live in ("<img", "<a ", "<b>", "onerror=alert(1)>"):
        assert live not in html, live
    # What the reader sees: the characters as the article wrote them.
    assert "Harbour &amp; Pine &lt;img src=&quot;http://evil.example/t.png&quot;&gt;" in html
    assert "[read more](http://evil.example/t) | Q&amp;amp;A" in html


# -- determinism ------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["md", "json"])
def test_two_runs_give_identical_output(
    capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    paths = sorted(str(path) for path in SAMPLES.glob("kestrel_*"))
    first = _run(capsys, *paths, "--format", output_format)
    second = _run(capsys, *reversed(paths), "--format", output_format)
    assert first[0] == 0 and first == second

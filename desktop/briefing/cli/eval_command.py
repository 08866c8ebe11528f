"""``briefing eval``: score the engine against gold annotations (the devset format).

Exit status: 0 when every category reaches its floor (or no floors were given), 1 when one
does not (each is named on stderr), 2 for bad usage (a missing folder or unreadable floors).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from briefing.domain.model import ArticleResult, Document, Extraction
from briefing.evaluation.floors import floor_failures, load_floors
from briefing.evaluation.gold import GoldArticle, load_gold
from briefing.evaluation.report import (
    Explanation,
    explain,
    explanation_to_dict,
    format_article_counts,
    format_explanation,
    format_table,
    score_to_dict,
)
from briefing.evaluation.scoring import CorpusScore


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the extraction engine against gold annotations",
        description="Run ingest and extraction over the articles a folder of gold JSON files "
        "annotates and print per-category precision, recall and F1.",
    )
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder of gold *.json")
    parser.add_argument(
        "--articles", type=Path, metavar="DIR", help="article folder (default GOLD_DIR/../articles)"
    )
    parser.add_argument(
        "--floors", type=Path, metavar="FILE", help="JSON floors; exit 1 when one is not reached"
    )
    parser.add_argument(
        "--explain", action="store_true", help="per-article counts, missed and spurious items"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def _empty_result(path: Path) -> ArticleResult:
    document = Document(id="", path=str(path), format="text", body="")
    return ArticleResult(document, Extraction(primary_company=None, companies=()))


def _extract(path: Path) -> tuple[ArticleResult, str | None]:
    """The article's extraction, or an empty one and the reason it could not be read."""
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    if not path.is_file():
        return _empty_result(path), f"{path}: article file not found"
    try:
        document = read_document(path)
    except Exception as error:  # any unreadable article is scored as nothing found
        return _empty_result(path), f"{path}: {error}"
    return ArticleResult(document, extract_document(document)), None


def evaluate(gold_articles: list[GoldArticle], articles_dir: Path) -> list[Explanation]:
    """Extract every annotated article and explain it against its gold."""
    explanations = []
    for gold in gold_articles:
        result, problem = _extract(articles_dir / gold.article)
        if problem:
            print(f"briefing eval: {problem} (scored as nothing extracted)", file=sys.stderr)
        explanations.append(explain(result, gold))
    return explanations


def _report_json(explanations: list[Explanation], corpus: CorpusScore, details: bool) -> str:
    payload: dict[str, Any] = {
        "articles": len(explanations),
        "categories": {name: score_to_dict(s) for name, s in corpus.categories.items()},
    }
    if details:
        payload["per_article"] = [explanation_to_dict(e) for e in explanations]
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _report_text(explanations: list[Explanation], corpus: CorpusScore, details: bool) -> str:
    parts = [f"{len(explanations)} articles", format_table(corpus.categories)]
    if details:
        parts.append(format_article_counts(corpus.articles))
        parts.extend(format_explanation(e) for e in explanations if e.missed or e.spurious)
    return "\n\n".join(parts)


def run(args: argparse.Namespace) -> int:
    gold_dir: Path = args.gold_dir
    articles_dir: Path = args.articles or gold_dir.parent / "articles"
    for folder in (gold_dir, articles_dir):
        if not folder.is_dir():
            print(f"briefing eval: not a folder: {folder}", file=sys.stderr)
            return 2
    floors = None
    if args.floors is not None:
        try:
            floors = load_floors(args.floors)
        except (OSError, ValueError) as error:
            print(f"briefing eval: cannot use floors {args.floors}: {error}", file=sys.stderr)
            return 2
    gold_articles = load_gold(gold_dir)
    if not gold_articles:
        print(f"briefing eval: no gold *.json in {gold_dir}", file=sys.stderr)
        return 2
    explanations = evaluate(gold_articles, articles_dir)
    corpus = CorpusScore(tuple(e.score for e in explanations))
    report = _report_json if args.json else _report_text
    print(report(explanations, corpus, args.explain))
    failures = floor_failures(corpus.categories, floors) if floors else []
    for failure in failures:
        print(f"briefing eval: below floor: {failure}", file=sys.stderr)
    return 1 if failures else 0

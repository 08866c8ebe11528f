"""The briefings the chart tests draw: the bundled sample articles, read and extracted once.

Other chart test modules import ``sample_briefing`` and ``article_body`` from here; the one
test below checks the samples still hold the facts those tests rely on.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from briefing.analysis.briefing import Briefing, build_briefing
from briefing.analysis.frames import Frames, build_frames
from briefing.analysis.fx import load_reference_rates
from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import read_document
from briefing.paths import resources_dir

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"


@cache
def _results() -> tuple[ArticleResult, ...]:
    results = []
    for path in sorted(SAMPLES.iterdir()):
        document = read_document(path)
        results.append(ArticleResult(document, extract_document(document)))
    return tuple(results)


@cache
def sample_frames() -> Frames:
    return build_frames(list(_results()), {})


@cache
def sample_briefing(company_id: str, currency: str = "USD") -> Briefing:
    """The briefing on one company of the samples, amounts converted to ``currency``."""
    rates = load_reference_rates(resources_dir(), SAMPLES / "no-user-rates.csv")
    return build_briefing(sample_frames(), company_id, None, currency, rates)


@cache
def article_body(article_id: str) -> str:
    for result in _results():
        if result.document.id == article_id:
            return result.document.body
    raise KeyError(article_id)


def test_the_samples_hold_the_facts_the_chart_tests_draw() -> None:
    alibaba = sample_briefing("Alibaba")
    assert set(alibaba.deals["other_party"].dropna()) >= {"Meitu", "MiniMax"}
    assert "Cloud Intelligence Group" in set(alibaba.metrics["segment"])
    assert 205.0 in set(alibaba.analysts.targets["value_value"])

"""Articles we wrote for the library tests (shared by the other test_store* files), and a
check that they extract what those tests rely on."""

from __future__ import annotations

from briefing.domain.model import ArticleResult
from briefing.extract.engine import extract_document
from briefing.ingest import document_from_text

# Our own short articles: invented companies, our own sentences.
HARBOR_DEAL = """Harbor Tech agrees robotics deal
04.01.2026 - 09:30:00
Harbor Tech Ltd said on Monday it will buy a 20% stake in Lumen Robotics for $120 million.
The shares of Harbor Tech rose 4% to $31.20 after the announcement.
"""
HARBOR_RESULTS = """Harbor Tech results
12.02.2026 - 07:00:00
Harbor Tech reported that revenue at its cloud division rose 12% to $2.4 billion in the quarter.
Analysts at Northwind Securities raised their price target to $40 from $35.
"""
FJORD_FERRIES = """Fjordline Ferries buys back shares
Fjordline Ferries ASA will buy back shares worth NOK 500 million over the next twelve months.
"""


def result(text: str, path: str = "article.txt") -> ArticleResult:
    document = document_from_text(text, path=path)
    return ArticleResult(document, extract_document(document))


def test_the_library_test_articles_name_the_companies_the_tests_rely_on() -> None:
    deal, results, ferries = result(HARBOR_DEAL), result(HARBOR_RESULTS), result(FJORD_FERRIES)
    assert deal.extraction.primary_company == "Harbor Tech"
    assert "Lumen Robotics" in deal.extraction.companies
    assert results.extraction.primary_company == "Harbor Tech"
    assert "Lumen Robotics" not in results.extraction.companies
    assert ferries.extraction.primary_company != "Harbor Tech"
    assert len({deal.document.id, results.document.id, ferries.document.id}) == 3

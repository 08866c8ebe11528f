"""The JSON contract: objects survive a round trip and the shape matches DESIGN.md."""

from __future__ import annotations

import json

from briefing.domain.contract import (
    SCHEMA,
    article_from_dict,
    article_to_dict,
    extraction_payload,
    quantity_to_dict,
)
from briefing.domain.model import (
    AnalystView,
    ArticleResult,
    Deal,
    Document,
    Evidence,
    Extraction,
    Metric,
    Quantity,
)

BODY = "Acme paid $250 million for Widget. Revenue rose 34% to $5.59 billion."


def _result() -> ArticleResult:
    deal_evidence = Evidence.of(BODY, 0, 34)
    metric_evidence = Evidence.of(BODY, 35, len(BODY))
    deal = Deal(
        type="acquisition",
        buyer="Acme",
        counterparty="Widget",
        amount=Quantity(250e6, "USD", "$250 million"),
        evidence=deal_evidence,
        confidence=0.9,
        terms={"stake_pct": Quantity(100, "%", "100%"), "structure": "all cash"},
    )
    metric = Metric(
        company="Acme",
        segment=None,
        name="revenue",
        raw_name="Revenue",
        period="Q1 2026",
        value=Quantity(5.59e9, "USD", "$5.59 billion"),
        change_pct=34,
        evidence=metric_evidence,
        confidence=0.8,
    )
    view = AnalystView(
        type="price_target",
        company="Acme",
        value=Quantity(None, "USD", "$190-205", low=190, high=205),
        stat=None,
        evidence=metric_evidence,
        confidence=0.7,
    )
    document = Document(id="abc", path="a.txt", format="text", body=BODY, isins=("US0000000000",))
    extraction = Extraction("Acme", ("Acme", "Widget"), (deal,), (metric,), (view,))
    return ArticleResult(document, extraction)


def test_round_trip_keeps_every_item() -> None:
    original = _result()
    data = json.loads(json.dumps(article_to_dict(original)))
    restored = article_from_dict(data, body=BODY)
    assert restored.extraction == original.extraction
    assert restored.document.isins == original.document.isins


def test_article_has_the_contract_keys() -> None:
    data = article_to_dict(_result())
    assert set(data) == {
        "id", "path", "format", "title", "published", "source", "isins",
        "primary_company", "companies", "deals", "metrics", "analyst_views", "warnings",
    }  # fmt: skip
    assert set(data["deals"][0]) == {
        "type", "buyer", "counterparty", "amount", "valuation", "date", "terms",
        "evidence", "confidence",
    }  # fmt: skip
    assert data["metrics"][0]["evidence"]["quote"] == BODY[35:]


def test_quantities_write_whole_numbers_without_fraction() -> None:
    written = quantity_to_dict(Quantity(250e6, "USD", "$250 million"))
    assert written is not None
    assert written["value"] == 250000000
    assert isinstance(written["value"], int)
    assert quantity_to_dict(Quantity(5.59, "USD", "$5.59"))["value"] == 5.59  # type: ignore[index]


def test_payload_lists_errors_only_when_there_are_some() -> None:
    clean = extraction_payload([_result()], "1.0")
    assert clean["schema"] == SCHEMA
    assert "errors" not in clean
    failed = extraction_payload([], "1.0", [{"path": "x.doc", "reason": "unsupported"}])
    assert failed["errors"] == [{"path": "x.doc", "reason": "unsupported"}]

"""The public JSON contract ``briefing.extraction/1``: objects to dicts and back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

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

SCHEMA = "briefing.extraction/1"

JsonDict = dict[str, Any]


def _number(value: float | None) -> float | int | None:
    """Whole numbers are written without a fraction so the JSON reads naturally."""
    if value is None:
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def quantity_to_dict(quantity: Quantity | None) -> JsonDict | None:
    if quantity is None:
        return None
    return {
        "value": _number(quantity.value),
        "low": _number(quantity.low),
        "high": _number(quantity.high),
        "unit": quantity.unit,
        "approx": quantity.approx,
        "bound": quantity.bound,
        "text": quantity.text,
    }


def quantity_from_dict(data: Mapping[str, Any] | None) -> Quantity | None:
    if data is None:
        return None
    return Quantity(
        value=data.get("value"),
        unit=data.get("unit"),
        text=data.get("text", ""),
        low=data.get("low"),
        high=data.get("high"),
        approx=bool(data.get("approx", False)),
        bound=data.get("bound"),
    )


def evidence_to_dict(evidence: Evidence) -> JsonDict:
    return {"start": evidence.start, "end": evidence.end, "quote": evidence.quote}


def evidence_from_dict(data: Mapping[str, Any]) -> Evidence:
    return Evidence(int(data["start"]), int(data["end"]), str(data["quote"]))


def _term_to_json(term: Quantity | str) -> JsonDict | str:
    return term if isinstance(term, str) else quantity_to_dict(term) or {}


def deal_to_dict(deal: Deal) -> JsonDict:
    return {
        "type": deal.type,
        "buyer": deal.buyer,
        "counterparty": deal.counterparty,
        "amount": quantity_to_dict(deal.amount),
        "valuation": quantity_to_dict(deal.valuation),
        "date": deal.date,
        "terms": {name: _term_to_json(term) for name, term in deal.terms.items()},
        "evidence": evidence_to_dict(deal.evidence),
        "confidence": round(deal.confidence, 3),
    }


def deal_from_dict(data: Mapping[str, Any]) -> Deal:
    terms: dict[str, Quantity | str] = {}
    for name, term in (data.get("terms") or {}).items():
        terms[name] = term if isinstance(term, str) else quantity_from_dict(term) or ""
    return Deal(
        type=data["type"],
        buyer=data.get("buyer"),
        counterparty=data.get("counterparty"),
        amount=quantity_from_dict(data.get("amount")),
        valuation=quantity_from_dict(data.get("valuation")),
        date=data.get("date"),
        terms=terms,
        evidence=evidence_from_dict(data["evidence"]),
        confidence=float(data.get("confidence", 0.0)),
    )


def metric_to_dict(metric: Metric) -> JsonDict:
    return {
        "company": metric.company,
        "segment": metric.segment,
        "name": metric.name,
        "raw_name": metric.raw_name,
        "period": metric.period,
        "value": quantity_to_dict(metric.value),
        "previous": quantity_to_dict(metric.previous),
        "change_pct": _number(metric.change_pct),
        "evidence": evidence_to_dict(metric.evidence),
        "confidence": round(metric.confidence, 3),
    }


def metric_from_dict(data: Mapping[str, Any]) -> Metric:
    return Metric(
        company=data.get("company"),
        segment=data.get("segment"),
        name=data["name"],
        raw_name=data.get("raw_name", data["name"]),
        period=data.get("period"),
        value=quantity_from_dict(data.get("value")),
        previous=quantity_from_dict(data.get("previous")),
        change_pct=data.get("change_pct"),
        evidence=evidence_from_dict(data["evidence"]),
        confidence=float(data.get("confidence", 0.0)),
    )


def view_to_dict(view: AnalystView) -> JsonDict:
    return {
        "type": view.type,
        "company": view.company,
        "firm": view.firm,
        "value": quantity_to_dict(view.value),
        "label": view.label,
        "previous_label": view.previous_label,
        "stat": view.stat,
        "metric": view.metric,
        "period": view.period,
        "count": view.count,
        "of": view.of,
        "evidence": evidence_to_dict(view.evidence),
        "confidence": round(view.confidence, 3),
    }


def view_from_dict(data: Mapping[str, Any]) -> AnalystView:
    return AnalystView(
        type=data["type"],
        company=data.get("company"),
        firm=data.get("firm"),
        value=quantity_from_dict(data.get("value")),
        label=data.get("label"),
        previous_label=data.get("previous_label"),
        stat=data.get("stat"),
        metric=data.get("metric"),
        period=data.get("period"),
        count=data.get("count"),
        of=data.get("of"),
        evidence=evidence_from_dict(data["evidence"]),
        confidence=float(data.get("confidence", 0.0)),
    )


def article_to_dict(result: ArticleResult) -> JsonDict:
    document, extraction = result.document, result.extraction
    return {
        "id": document.id,
        "path": document.path,
        "format": document.format,
        "title": document.title,
        "published": document.published,
        "source": document.source,
        "isins": list(document.isins),
        "primary_company": extraction.primary_company,
        "companies": list(extraction.companies),
        "deals": [deal_to_dict(d) for d in extraction.deals],
        "metrics": [metric_to_dict(m) for m in extraction.metrics],
        "analyst_views": [view_to_dict(v) for v in extraction.analyst_views],
        "warnings": [*document.warnings, *extraction.warnings],
    }


def article_from_dict(data: Mapping[str, Any], body: str = "") -> ArticleResult:
    """Rebuild an article from its JSON; the body is not part of the contract."""
    document = Document(
        id=data["id"],
        path=data["path"],
        format=data["format"],
        body=body,
        title=data.get("title"),
        published=data.get("published"),
        source=data.get("source"),
        isins=tuple(data.get("isins") or ()),
        warnings=tuple(data.get("warnings") or ()),
    )
    extraction = Extraction(
        primary_company=data.get("primary_company"),
        companies=tuple(data.get("companies") or ()),
        deals=tuple(deal_from_dict(d) for d in data.get("deals") or ()),
        metrics=tuple(metric_from_dict(m) for m in data.get("metrics") or ()),
        analyst_views=tuple(view_from_dict(v) for v in data.get("analyst_views") or ()),
    )
    return ArticleResult(document, extraction)


def extraction_payload(
    results: Iterable[ArticleResult],
    engine_version: str,
    errors: Iterable[Mapping[str, str]] = (),
) -> JsonDict:
    """The whole ``extract`` output; ``errors`` lists files that could not be read."""
    payload: JsonDict = {
        "schema": SCHEMA,
        "engine_version": engine_version,
        "articles": [article_to_dict(r) for r in results],
    }
    error_list = [dict(e) for e in errors]
    if error_list:
        payload["errors"] = error_list
    return payload

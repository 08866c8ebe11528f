"""The shipped JSON Schema of ``briefing.extraction/1`` (resources/schema/) held against the
engine's real output, hand-made broken documents, the code's vocabularies and the docs page."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple, get_args

import pytest
from jsonschema import Draft202012Validator, ValidationError

from briefing.cli.main import main
from briefing.domain import vocabulary
from briefing.domain.contract import SCHEMA
from briefing.domain.model import ArticleFormat, Bound
from briefing.extract.vocab import currencies
from briefing.ingest import FORMAT_BY_EXTENSION, read_document

PROJECT_ROOT: Final = Path(__file__).resolve().parents[1]
SCHEMA_PATH: Final = PROJECT_ROOT / "resources" / "schema" / "extraction.schema.json"
DOC_PATH: Final = PROJECT_ROOT / "docs" / "extraction-contract.md"
SAMPLES: Final = PROJECT_ROOT / "resources" / "samples"

JsonPath = tuple[str | int, ...]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def article_validator(schema: dict[str, Any]) -> Draft202012Validator:
    """One ``--format jsonl`` line, checked the way docs/extraction-contract.md shows."""
    return Draft202012Validator({"$ref": "#/$defs/article", "$defs": schema["$defs"]})


def _problems(validator: Draft202012Validator, instance: object) -> list[str]:
    return [f"{e.json_path}: {e.message[:160]}" for e in validator.iter_errors(instance)]


def _extract(tmp_path: Path, *paths: Path) -> tuple[int, dict[str, Any]]:
    """``briefing extract PATH... -o FILE`` in this process: the command's own output."""
    output = tmp_path / "extraction.json"
    status = main(["extract", *map(str, paths), "-o", str(output)])
    payload: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return status, payload


def _article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FORMAT_BY_EXTENSION)


def test_the_schema_is_a_valid_draft_2020_12_schema_for_this_contract(
    schema: dict[str, Any],
) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:investor-briefing:schema:{SCHEMA}"
    assert schema["properties"]["schema"]["const"] == SCHEMA


# Real output: every article folder the project ships or tests with.
@pytest.mark.parametrize(
    "folder",
    [
        pytest.param("resources/samples", id="bundled samples (txt, md, html, eml)"),
        pytest.param("tests/fixtures/articles", id="our seed-like fixture articles"),
        pytest.param(
            "tests/fixtures/generalisation/articles", id="our 109 generalisation articles"
        ),
    ],
)
def test_real_output_of_briefing_extract_validates(
    folder: str, tmp_path: Path, validator: Draft202012Validator
) -> None:
    files = _article_files(PROJECT_ROOT / folder)
    status, payload = _extract(tmp_path, PROJECT_ROOT / folder)
    assert status == 0
    assert len(payload["articles"]) == len(files) > 0
    assert _problems(validator, payload) == []


def test_each_jsonl_line_validates_as_an_article(
    tmp_path: Path, article_validator: Draft202012Validator
) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "briefing", "extract", "--format", "jsonl", str(SAMPLES)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == len(_article_files(SAMPLES))
    for line in lines:
        assert _problems(article_validator, json.loads(line)) == []


def test_refused_files_are_listed_in_errors_and_validate(
    tmp_path: Path, validator: Draft202012Validator
) -> None:
    garbage, empty = tmp_path / "garbage.pdf", tmp_path / "empty.pdf"
    garbage.write_bytes(b"this is not a PDF at all\n")
    empty.write_bytes(b"")
    article = SAMPLES / "alibaba_meitu_convertible_2026_01.txt"
    status, payload = _extract(tmp_path, article, garbage, empty)
    assert status == 1
    assert len(payload["articles"]) == 1
    assert [Path(e["path"]).name for e in payload["errors"]] == ["garbage.pdf", "empty.pdf"]
    assert _problems(validator, payload) == []


# A small valid document of our own; each broken case below changes one thing in it.
def _quantity(value: float | None, unit: str | None, text: str, **rest: Any) -> dict[str, Any]:
    fields = {"low": None, "high": None, "approx": False, "bound": None, **rest}
    return {"value": value, "unit": unit, "text": text, **fields}


def _evidence(start: int, quote: str) -> dict[str, Any]:
    return {"start": start, "end": start + len(quote), "quote": quote}


def _valid_document() -> dict[str, Any]:
    deal = {
        "type": "convertible_bond",
        "buyer": "Harbor Tech",
        "counterparty": "Lumen Robotics",
        "amount": _quantity(120_000_000, "USD", "$120 million"),
        "valuation": None,
        "date": "2026-02-02",
        "terms": {
            "conversion_price": _quantity(6.5, "HKD", "HK$6.50"),
            "duration": "5 years",
        },
        "evidence": _evidence(31, "Harbor Tech will buy $120 million of Lumen Robotics bonds"),
        "confidence": 0.85,
    }
    metric = {
        "company": "Harbor Tech",
        "segment": "Cloud",
        "name": "revenue",
        "raw_name": "revenue",
        "period": "Q3",
        "value": _quantity(None, "USD", "$2.3-2.4 billion", low=2.3e9, high=2.4e9),
        "previous": _quantity(2.1e9, "USD", "$2.1 billion", approx=True),
        "change_pct": 12.5,
        "evidence": _evidence(90, "cloud revenue of $2.3-2.4 billion"),
        "confidence": 0.8,
    }
    view = {
        "type": "price_target",
        "company": "Harbor Tech",
        "firm": None,
        "value": _quantity(40, "USD", "more than $40", bound="min"),
        "label": None,
        "previous_label": None,
        "stat": "average",
        "metric": None,
        "period": None,
        "count": None,
        "of": None,
        "evidence": _evidence(140, "an average target of more than $40"),
        "confidence": 0.8,
    }
    article = {
        "id": hashlib.sha256(b"Harbor Tech").hexdigest(),
        "path": "harbor.txt",
        "format": "text",
        "title": "Harbor Tech backs Lumen",
        "published": "2026-02-02T09:30:00",
        "source": "example.com",
        "isins": ["US01609W1027"],
        "primary_company": "Harbor Tech",
        "companies": ["Harbor Tech", "Lumen Robotics"],
        "deals": [deal],
        "metrics": [metric],
        "analyst_views": [view],
        "warnings": ["invalid utf-8 bytes replaced"],
    }
    error = {"path": "notes.docx", "reason": "not found", "message": "notes.docx: not found"}
    return {
        "schema": SCHEMA,
        "engine_version": "0.1.0",
        "articles": [article],
        "errors": [error],
    }


DELETE: Final = object()
ARTICLE: Final[JsonPath] = ("articles", 0)
DEAL: Final[JsonPath] = (*ARTICLE, "deals", 0)
METRIC: Final[JsonPath] = (*ARTICLE, "metrics", 0)
VIEW: Final[JsonPath] = (*ARTICLE, "analyst_views", 0)
AMOUNT: Final[JsonPath] = (*DEAL, "amount")
ERROR: Final[JsonPath] = ("errors", 0)
EVIDENCE: Final[JsonPath] = (*DEAL, "evidence")
TERMS: Final[JsonPath] = (*DEAL, "terms")

Edit = tuple[JsonPath, object]  # where, and the new value or DELETE


class Broken(NamedTuple):
    """A document that must fail: one edit (``path`` set to ``value``), and the keyword
    the schema must object with, at ``path`` or at ``at`` (so it fails for that reason)."""

    why: str
    path: JsonPath
    value: object
    keyword: str
    at: JsonPath | None = None
    also: tuple[Edit, ...] = ()  # further edits the case needs

    @property
    def edits(self) -> list[Edit]:
        return [(self.path, self.value), *self.also]


# Second edits of the cases that need two.
NO_AMOUNT: Final[tuple[Edit, ...]] = (((*DEAL, "amount"), None),)
NO_COUNTERPARTY: Final[tuple[Edit, ...]] = (((*DEAL, "counterparty"), None),)
HIGH_END: Final[tuple[Edit, ...]] = (((*AMOUNT, "high"), 2e8),)

# All hand-made: one contract rule each, as a careless writer or a hand edit would break it.
BROKEN_DOCUMENTS: Final = [
    Broken("another contract's name", ("schema",), "briefing.extraction/2", "const"),
    Broken("engine_version missing", ("engine_version",), DELETE, "required", at=()),
    Broken("a key the writer never writes", ("body",), "text", "additionalProperties", at=()),
    Broken("errors written although empty", ("errors",), [], "minItems"),
    Broken("articles not a list", ("articles",), {}, "type"),
    Broken("id not a sha256", (*ARTICLE, "id"), "cf32758d", "pattern"),
    Broken("unknown format", (*ARTICLE, "format"), "docx", "enum"),
    Broken("published not ISO", (*ARTICLE, "published"), "04/01/2026", "pattern"),
    Broken("published with a zone", (*ARTICLE, "published"), "2026-02-02T09:30+01:00", "pattern"),
    Broken("ISIN in lower case", (*ARTICLE, "isins", 0), "us01609w1027", "pattern"),
    Broken("a company twice", (*ARTICLE, "companies"), ["Harbor Tech"] * 2, "uniqueItems"),
    Broken("a warning that is not text", (*ARTICLE, "warnings", 0), 3, "type"),
    Broken("primary_company missing", (*ARTICLE, "primary_company"), DELETE, "required", ARTICLE),
    Broken("deal without evidence", (*DEAL, "evidence"), DELETE, "required", at=DEAL),
    Broken("unknown deal type", (*DEAL, "type"), "loan", "enum"),
    Broken(
        "an acquisition without amount", (*DEAL, "type"), "acquisition", "anyOf", DEAL, NO_AMOUNT
    ),
    Broken("a deal with no party", (*DEAL, "buyer"), None, "anyOf", DEAL, NO_COUNTERPARTY),
    Broken("deal date not ISO", (*DEAL, "date"), "2 Feb 2026", "pattern"),
    Broken("a term that is a bare number", (*TERMS, "premium"), 6, "anyOf"),
    Broken("a term name not snake_case", (*TERMS, "Stake %"), "20%", "pattern", at=TERMS),
    Broken("confidence above 1", (*DEAL, "confidence"), 1.2, "maximum"),
    Broken("confidence as text", (*DEAL, "confidence"), "0.85", "type"),
    Broken("negative evidence start", (*EVIDENCE, "start"), -1, "minimum"),
    Broken("empty quote", (*EVIDENCE, "quote"), "", "minLength"),
    Broken("a key added to evidence", (*EVIDENCE, "page"), 1, "additionalProperties", EVIDENCE),
    Broken('unit "usd" in lower case', (*AMOUNT, "unit"), "usd", "pattern"),
    Broken('unit "dollars", a word', (*AMOUNT, "unit"), "dollars", "pattern"),
    Broken('unit "bps", not a contract unit', (*AMOUNT, "unit"), "bps", "enum"),
    Broken("amount as a string", (*AMOUNT, "value"), "120000000", "type"),
    Broken("a value with range ends too", (*AMOUNT, "low"), 1e8, "oneOf", AMOUNT, HIGH_END),
    Broken("a range with one end", (*METRIC, "value", "high"), None, "oneOf", (*METRIC, "value")),
    Broken("an empty quantity", (*AMOUNT, "value"), None, "oneOf", at=AMOUNT),
    Broken('bound "at_least"', (*AMOUNT, "bound"), "at_least", "enum"),
    Broken('approx "yes"', (*AMOUNT, "approx"), "yes", "type"),
    Broken("quantity text missing", (*AMOUNT, "text"), DELETE, "required", at=AMOUNT),
    Broken("unknown metric name", (*METRIC, "name"), "sales", "enum"),
    Broken("metric without its previous", (*METRIC, "previous"), DELETE, "required", at=METRIC),
    Broken("change_pct as text", (*METRIC, "change_pct"), "12.5%", "type"),
    Broken("unknown view type", (*VIEW, "type"), "target", "enum"),
    Broken('unknown stat "mean"', (*VIEW, "stat"), "mean", "enum"),
    Broken('unknown multiple "p/e"', (*VIEW, "metric"), "p/e", "enum"),
    Broken("a count that is not whole", (*VIEW, "count"), 5.5, "type"),
    Broken("a negative count", (*VIEW, "of"), -3, "minimum"),
    Broken("error without its message", (*ERROR, "message"), DELETE, "required", at=ERROR),
]


def _edited(document: dict[str, Any], edits: Sequence[Edit]) -> object:
    edited = copy.deepcopy(document)
    for where, value in edits:
        parent: Any = edited
        for step in where[:-1]:
            parent = parent[step]
        if value is DELETE:
            del parent[where[-1]]
        else:
            parent[where[-1]] = value
    return edited


def _json_path(where: JsonPath) -> str:
    return "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in where)


def _with_causes(validator: Draft202012Validator, instance: object) -> Iterator[ValidationError]:
    """Every error with the errors behind it: a wrong unit inside an optional amount is
    reported as the amount matching neither a Quantity nor null, caused by the unit."""
    pending = list(validator.iter_errors(instance))
    while pending:
        error = pending.pop()
        yield error
        pending.extend(error.context or ())


def test_the_hand_made_document_is_valid(validator: Draft202012Validator) -> None:
    assert _problems(validator, _valid_document()) == []


@pytest.mark.parametrize("case", [pytest.param(case, id=case.why) for case in BROKEN_DOCUMENTS])
def test_a_broken_document_fails_where_it_is_broken(
    case: Broken, validator: Draft202012Validator
) -> None:
    broken = _edited(_valid_document(), case.edits)
    objections = {(e.json_path, e.validator) for e in _with_causes(validator, broken)}
    where = case.path if case.at is None else case.at
    assert (_json_path(where), case.keyword) in objections


# The schema's closed lists against the code's (so neither can change alone):
# label -> ($defs entry, property, the code's list).
CLOSED_LISTS: Final = {
    "deal types": ("deal", "type", vocabulary.DEAL_TYPES),
    "metric names": ("metric", "name", vocabulary.METRIC_NAMES),
    "view types": ("analyst_view", "type", vocabulary.VIEW_TYPES),
    "price-target stats": ("analyst_view", "stat", (*vocabulary.PRICE_TARGET_STATS, None)),
    "valuation multiples": ("analyst_view", "metric", (*vocabulary.MULTIPLE_METRICS, None)),
    "units besides currencies": ("quantity", "unit", vocabulary.QUANTITY_UNITS_NON_CURRENCY),
    "bounds": ("quantity", "bound", (*get_args(Bound), None)),
    "article formats": ("article", "format", get_args(ArticleFormat)),
}


def _enum(schema: dict[str, Any], definition: str, key: str) -> list[str | None]:
    node = schema["$defs"][definition]["properties"][key]
    values: list[str | None] = node["enum"] if "enum" in node else node["anyOf"][1]["enum"]
    return values


@pytest.mark.parametrize("label", CLOSED_LISTS)
def test_a_closed_list_of_the_schema_equals_the_code(label: str, schema: dict[str, Any]) -> None:
    definition, key, code_values = CLOSED_LISTS[label]
    assert _enum(schema, definition, key) == list(code_values)


def test_the_types_that_need_no_amount_are_the_codes(schema: dict[str, Any]) -> None:
    rule = schema["$defs"]["deal"]["allOf"][1]
    listed = rule["if"]["properties"]["type"]["not"]["enum"]
    assert set(listed) == set(vocabulary.DEAL_TYPES_WITHOUT_AMOUNT)


def _currency_codes_the_engine_writes() -> Iterator[str]:
    aliases = currencies.CODE_ALIASES
    yield from (aliases.get(code, code) for code in currencies.ISO_CODES)
    for table in (
        currencies.DOLLAR_PREFIXES,
        currencies.SYMBOLS,
        currencies.PREFIX_ABBREVIATIONS,
        currencies.CURRENCY_NAMES,
    ):
        yield from table.values()
    yield from (code for code, _factor in currencies.MINOR_UNITS.values())
    yield currencies.RAND_CODE


def test_every_currency_the_engine_writes_is_a_unit_of_the_schema(schema: dict[str, Any]) -> None:
    unit = Draft202012Validator(
        {"$ref": "#/$defs/quantity/properties/unit", "$defs": schema["$defs"]}
    )
    codes = set(_currency_codes_the_engine_writes())
    assert {"USD", "CNY", "GBP", "ZAR"} <= codes
    assert sorted(code for code in codes if not unit.is_valid(code)) == []


# The docs page: it points at the schema and explains every object of it.
def _doc_sections(text: str) -> dict[str, str]:
    """Level-2 sections of the page by heading."""
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_docs_page_links_to_the_schema_file() -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    link = "../resources/schema/extraction.schema.json"
    assert f"]({link})" in text
    assert (DOC_PATH.parent / link).resolve() == SCHEMA_PATH


def test_the_docs_page_explains_every_object_of_the_schema(schema: dict[str, Any]) -> None:
    sections = _doc_sections(DOC_PATH.read_text(encoding="utf-8"))
    unexplained = []
    for name, definition in schema["$defs"].items():
        matching = [body for heading, body in sections.items() if f"`$defs/{name}`" in heading]
        if "properties" not in definition:  # a plain value: named on the page is enough
            matching = matching or [body for body in sections.values() if f"$defs/{name}" in body]
        if len(matching) != 1:
            unexplained.append(f"$defs/{name} has {len(matching)} sections")
            continue
        keys = definition.get("properties", {})
        unexplained += [f"{name}.{key}" for key in keys if f"`{key}`" not in matching[0]]
    assert unexplained == []
    top_level = next(body for heading, body in sections.items() if heading.startswith("The file"))
    assert [key for key in schema["properties"] if f"`{key}`" not in top_level] == []


def test_the_docs_page_lists_every_value_of_the_closed_lists(schema: dict[str, Any]) -> None:
    closed = _doc_sections(DOC_PATH.read_text(encoding="utf-8"))["Closed vocabularies"]
    enums = [_enum(schema, definition, key) for definition, key, _ in CLOSED_LISTS.values()]
    values = {value for enum in enums for value in enum if value is not None}
    assert sorted(value for value in values if f"`{value}`" not in closed) == []


def test_the_docs_example_is_valid_and_quotes_the_sample(
    validator: Draft202012Validator,
) -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)\n```", text, flags=re.DOTALL)
    assert block is not None, "the page has no ```json example"
    example = json.loads(block[1])
    assert _problems(validator, example) == []
    (article,) = example["articles"]
    body = read_document(PROJECT_ROOT / article["path"]).body
    assert article["id"] == hashlib.sha256(body.encode("utf-8")).hexdigest()
    items = article["deals"] + article["metrics"] + article["analyst_views"]
    assert len(items) == 3
    for item in items:
        evidence = item["evidence"]
        assert body[evidence["start"] : evidence["end"]] == evidence["quote"]

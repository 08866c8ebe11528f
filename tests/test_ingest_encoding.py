"""Decoding text files: byte-order marks, UTF-8, legacy fallbacks with warnings, binary refusal."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest import IngestError, read_document
from briefing.ingest.encoding import decode_text

TEXT = "Kairo’s revenue rose 9% to €3.2 billion – “a record”"

DECODE_CASES = [
    ("ours-utf8", TEXT.encode("utf-8"), TEXT, "utf-8", ()),
    ("ours-utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8", ()),
    ("ours-utf16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16-le", ()),
    ("ours-utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16-be", ()),
    ("ours-utf32-le-bom", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, "utf-32-le", ()),
    (
        "ours-utf16-le-without-bom",
        TEXT.encode("utf-16-le"),
        TEXT,
        "utf-16-le",
        ("no byte-order mark: read as UTF-16-LE",),
    ),
    (
        "ours-cp1252",
        TEXT.encode("cp1252"),
        TEXT,
        "cp1252",
        ("not valid UTF-8: read as Windows-1252",),
    ),
    (
        "ours-latin1-last-resort",
        b"Caf\xe9 \x81 up 5%",
        "Caf\xe9 \x81 up 5%",
        "latin-1",
        ("not valid UTF-8 or Windows-1252: read as Latin-1",),
    ),
]


@pytest.mark.parametrize(
    ("data", "text", "encoding", "warnings"),
    [case[1:] for case in DECODE_CASES],
    ids=[case[0] for case in DECODE_CASES],
)
def test_decode(data: bytes, text: str, encoding: str, warnings: tuple[str, ...]) -> None:
    decoded = decode_text(data, "a.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, encoding, warnings)


def test_declared_charset_is_tried_before_windows_1252() -> None:
    # In Windows-1252 byte 0xA4 would read as "¤"; the page says it is Latin-9, where it is "€".
    data = "Zürich € 5%".encode("iso-8859-15")
    decoded = decode_text(data, "a.html", declared_charset="ISO-8859-15")
    assert (decoded.text, decoded.warnings) == ("Zürich € 5%", ())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"abc\x00\x13\x00\x00\x00\xff", "binary content (NUL bytes)", id="ours-nul"),
        pytest.param(b"\x89PNG\r\n\x1a\nrest", "looks like a PNG image", id="ours-png"),
        pytest.param(b"%PDF-1.7\nrest", "looks like a PDF file", id="ours-pdf-as-text"),
        pytest.param(b"PK\x03\x04rest", "ZIP archive", id="ours-zip"),
        pytest.param(bytes(range(1, 32)) * 20, "mostly non-printable", id="ours-controls"),
    ],
)
def test_binary_content_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as raised:
        decode_text(data, "x.txt")
    assert raised.value.path == "x.txt" and reason in raised.value.reason


def test_fallback_warning_reaches_the_document(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(("Quarry Metals\r\n\r\n" + TEXT).encode("cp1252"))
    document = read_document(path)
    assert document.body == "Quarry Metals\n\n" + TEXT
    assert document.warnings == ("not valid UTF-8: read as Windows-1252",)


def test_bom_is_not_part_of_the_body(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Title\nBody text with 5% growth.")
    document = read_document(path)
    assert document.body.startswith("Title") and document.title == "Title"


_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))


@settings(deadline=None)
@given(st.text(_PRINTABLE, min_size=1))
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_text(text.encode("utf-8"), "p.txt").text == text


@settings(deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_ingest_error(data: bytes) -> None:
    try:
        decoded = decode_text(data, "p.txt")
    except IngestError as error:
        assert error.path == "p.txt" and error.reason
    else:
        assert isinstance(decoded.text, str)

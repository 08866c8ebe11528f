"""Bytes of a text-like file to ``str``: byte-order marks, UTF-8, legacy fallbacks, binary refusal.

Order: a byte-order mark decides (UTF-8, UTF-16/32 LE/BE); otherwise strict UTF-8; then a
charset the file declares itself (HTML ``<meta charset>``); then Windows-1252; then Latin-1,
which never fails. Any fallback is recorded as a warning on the document. Files that are
binary (NUL bytes that are not UTF-16, known binary signatures, mostly control characters)
are refused with an ``IngestError``.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Final

from briefing.ingest.errors import IngestError

_BOMS: Final = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Files that are certainly not text whatever their extension says.
_BINARY_SIGNATURES: Final = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "a program"),
)

_SAMPLE: Final = 8192
_MAX_CONTROL_SHARE: Final = 0.10
_ALLOWED_CONTROLS: Final = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on every other byte, as in mostly-ASCII UTF-16."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls > 0.3 * pairs and even_nuls < 0.05 * pairs:
        return "utf-16-le"
    if even_nuls > 0.3 * pairs and odd_nuls < 0.05 * pairs:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    controls = sum(
        1 for ch in sample if (ch < " " and ch not in _ALLOWED_CONTROLS) or "\x7f" <= ch <= "\x9f"
    )
    return controls / len(sample)


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, path: str, *, declared_charset: str | None = None) -> DecodedText:
    """Decode a text file's bytes, or raise ``IngestError`` for binary content.

    >>> decode_text("Café 5%".encode("utf-8"), "a.txt").text
    'Café 5%'
    >>> decoded = decode_text("Café – 5%".encode("cp1252"), "b.txt")
    >>> decoded.text, decoded.encoding
    ('Café – 5%', 'cp1252')
    >>> decoded.warnings
    ('not valid UTF-8: read as Windows-1252',)
    >>> decode_text(codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le"), "c.txt").text
    'Hi'
    >>> decode_text(b"\\x00\\x01\\x02binary", "d.txt")
    Traceback (most recent call last):
    ...
    briefing.ingest.errors.IngestError: d.txt: binary content (NUL bytes), not text
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            warnings = (f"invalid {label} bytes replaced",) if "\ufffd" in text else ()
            return _checked(DecodedText(text, codec, warnings), path)

    head = data[:_SAMPLE]
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise IngestError(path, f"binary content (looks like {kind}), not text")

    if b"\x00" in data:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise IngestError(path, "binary content (NUL bytes), not text")
        text = data.decode(utf16, errors="replace")
        note = f"no byte-order mark: read as {utf16.upper()}"
        return _checked(DecodedText(text, utf16, (note,)), path)

    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"), path)
    except UnicodeDecodeError:
        pass
    declared = _known_codec(declared_charset)
    if declared and declared != "utf-8":
        try:
            return _checked(DecodedText(data.decode(declared), declared), path)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
        return _checked(
            DecodedText(text, "cp1252", ("not valid UTF-8: read as Windows-1252",)), path
        )
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        note = "not valid UTF-8 or Windows-1252: read as Latin-1"
        return _checked(DecodedText(text, "latin-1", (note,)), path)


def _checked(decoded: DecodedText, path: str) -> DecodedText:
    if _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        raise IngestError(path, "binary content (mostly non-printable characters), not text")
    return decoded

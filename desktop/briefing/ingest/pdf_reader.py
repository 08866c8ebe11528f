"""PDF articles to text through pypdf's text layer, normalised as STACK.md P7 advises.

No OCR: a PDF without a text layer (a scan) is refused with a message saying so, as are
truncated, damaged and password-protected files.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # pypdf is imported where a PDF is read: text batches never pay for it
    from pypdf import PdfReader

from briefing.ingest.errors import IngestError

_TABS_AND_SPACES: Final = re.compile(r"[ \t\u00a0]{2,}|\t")
_TRAILING_SPACE: Final = re.compile(r"[ \t]+$", re.MULTILINE)
_SENTENCE_END: Final = (".", "!", "?", ":", ";", "”", '"', "’", "'", ")")
_LIST_ITEM: Final = re.compile(r"[ \t]*(?:[•·▪\-*–]|\d{1,2}[.)])[ \t]")
# A line at least this share of the page's longest line was wrapped by the layout,
# so the line after it continues the same paragraph.
_WRAPPED_LINE_SHARE: Final = 0.6
_UNHELPFUL_TITLES: Final = re.compile(
    r"(?i)^(?:untitled|microsoft \w+ - |document\d*$|.*\.(?:docx?|pdf|odt|rtf|txt|html?)$)"
)


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str
    title: str | None
    warnings: tuple[str, ...]


def _joins_next(line: str, following: str, wrap_width: float) -> bool:
    if not line or not following or _LIST_ITEM.match(following):
        return False
    if line.endswith(_SENTENCE_END):
        return False
    first = following[0]
    return first.islower() or first.isdigit() or len(line) >= wrap_width


def reflow(text: str) -> str:
    """Join lines the PDF layout wrapped inside a paragraph; keep headings and list items.

    >>> print(reflow("Acme said revenue rose\\n12% to $5 billion in the\\nquarter.\\nOutlook\\n"
    ...              "• Margins: 20%"))
    Acme said revenue rose 12% to $5 billion in the quarter.
    Outlook
    • Margins: 20%
    """
    lines = text.split("\n")
    longest = max((len(line) for line in lines), default=0)
    wrap_width = max(_WRAPPED_LINE_SHARE * longest, 1.0)
    pieces: list[str] = []
    for index, line in enumerate(lines):
        pieces.append(line)
        following = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
        if index + 1 < len(lines):
            pieces.append(" " if _joins_next(line.rstrip(), following, wrap_width) else "\n")
    return "".join(pieces)


def normalize_pdf_text(text: str) -> str:
    """NFKC (ligatures, compatibility ideographs), tabs and runs of spaces collapsed, wraps joined.

    >>> normalize_pdf_text("Investor\\tbrieﬁng  on\\u2fa5 ")
    'Investor briefing on里'
    """
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", _TABS_AND_SPACES.sub(" ", text))
    return reflow(text)


def _open(data: bytes, path: str) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a PDF file (no %PDF header)")
    if b"%%EOF" not in data:
        raise IngestError(path, "truncated PDF (no end-of-file marker); save or download it again")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IngestError(path, f"damaged PDF ({exc})") from exc
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:
            raise IngestError(path, "encrypted PDF (needs a decryption library)") from exc
        except (PdfReadError, NotImplementedError) as exc:
            raise IngestError(path, f"encrypted PDF ({exc})") from exc
        if not opened:
            raise IngestError(path, "encrypted PDF (password required); save a copy without one")
    return reader


def _document_title(reader: PdfReader) -> str | None:
    from pypdf.errors import PdfReadError

    try:
        title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    return title if title and not _UNHELPFUL_TITLES.match(title) else None


def read_pdf_text(data: bytes, path: str) -> PdfText:
    """The normalised text layer of a PDF, page after page, or ``IngestError``."""
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    reader = _open(data, path)
    try:
        pages = list(reader.pages)
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(path, f"damaged PDF ({exc})") from exc
    if not pages:
        raise IngestError(path, "PDF has no pages")
    texts: list[str] = []
    empty_pages: list[int] = []
    broken_pages: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            page_text = normalize_pdf_text(page.extract_text() or "").strip()
        except Exception:  # one bad page must not lose the others
            broken_pages.append(number)
            continue
        if page_text:
            texts.append(page_text)
        else:
            empty_pages.append(number)
    if not texts:
        if broken_pages:
            raise IngestError(path, "damaged PDF (no page could be read)")
        raise IngestError(path, "PDF has no text layer (a scanned image?); OCR is not supported")
    warnings: list[str] = []
    if empty_pages:
        warnings.append(f"PDF pages without text: {', '.join(map(str, empty_pages))}")
    if broken_pages:
        warnings.append(f"PDF pages that could not be read: {', '.join(map(str, broken_pages))}")
    if reader.is_encrypted:
        warnings.append("PDF is encrypted without a password; read anyway")
    return PdfText("\n\n".join(texts), _document_title(reader), tuple(warnings))

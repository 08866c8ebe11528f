"""Files for the ingest tests: real PDFs made with matplotlib, and a folder of bad inputs.

Other ``test_ingest_*`` modules import the makers from here; the tests in this module check
that the made files are what they claim to be.
"""

from __future__ import annotations

import codecs
import functools
import io
from pathlib import Path

from matplotlib.figure import Figure
from pypdf import PdfReader, PdfWriter

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"

# Our own sentences; the second line is wrapped by the layout and has an "fi" ligature.
PDF_LINES = (
    "Orvia Telecom agrees $1.1 billion tower sale",
    "Orvia Telecom will sell 4,200 mobile towers to Castell Infrastructure for $1.1",
    "billion, the company said on Friday. The ﬁnal price is 14 times the towers' EBITDA.",
    "Revenue rose 7% to $3.4 billion in 2025.",
)


@functools.cache
def text_pdf(lines: tuple[str, ...] = PDF_LINES) -> bytes:
    """A one-page PDF with a real text layer (matplotlib embeds the glyphs and a ToUnicode map)."""
    figure = Figure(figsize=(8.27, 11.69))
    for index, line in enumerate(lines):
        figure.text(0.08, 0.92 - index * 0.025, line, fontsize=14 if index == 0 else 10)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return buffer.getvalue()


@functools.cache
def blank_pdf() -> bytes:
    """A PDF page with a drawing and no text, like a scan without OCR."""
    figure = Figure(figsize=(4, 4))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.plot([0, 1, 2], [2, 0, 1])
    axes.set_axis_off()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return buffer.getvalue()


def text_and_blank_pdf() -> bytes:
    """Two pages: the text page, then a page with a drawing only."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf())))
    writer.append(PdfReader(io.BytesIO(blank_pdf())))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """The text PDF encrypted with RC4-128 (readable by pypdf without extra libraries)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    data = text_pdf()
    return data[: len(data) // 2]


# name -> (bytes, words the error reason must contain)
BAD_INPUTS: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty.txt": (b"", ("empty",)),
    "blank.md": (b"  \n\t\r\n  ", ("empty", "whitespace")),
    "nul_bytes.txt": (b"Revenue rose\x00\x00\x01\x02\xff\xfe\x00 5%" * 20, ("binary",)),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ("binary", "PNG")),
    "pdf_named_txt.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", ("binary", "PDF")),
    "controls.html": (bytes(range(1, 9)) * 50 + b"<p>x</p>", ("binary", "non-printable")),
    "truncated.pdf": (b"", ("truncated",)),
    "encrypted.pdf": (b"", ("encrypted", "password")),
    "scan.pdf": (b"", ("no text layer",)),
    "not_really.pdf": (b"Just some text saved with the wrong extension.", ("not a PDF",)),
    "report.docx": (b"PK\x03\x04 fake office file", ("unsupported file type", ".docx")),
    "nav_only.html": (
        b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
        ("no article text",),
    ),
}


def write_bad_inputs(folder: Path) -> dict[Path, tuple[str, ...]]:
    """Write every bad input into ``folder``; returns path -> words its error must contain."""
    generated = {
        "truncated.pdf": truncated_pdf(),
        "encrypted.pdf": encrypted_pdf(),
        "scan.pdf": blank_pdf(),
    }
    written = {}
    for name, (data, words) in BAD_INPUTS.items():
        path = folder / name
        path.write_bytes(generated.get(name, data))
        written[path] = words
    return written


def write_good_inputs(folder: Path) -> dict[Path, str]:
    """Every good fixture plus generated files; returns path -> a phrase its content holds."""
    written: dict[Path, str] = {}
    for fixture in sorted(FIXTURES.iterdir()):
        if fixture.name == "attachment_only.eml":
            continue
        target = folder / fixture.name
        target.write_bytes(fixture.read_bytes())
        written[target] = ""
    article = "Castell Infrastructure bought 4,200 towers for €1.1 billion, up 5% on the bid."
    (folder / "orvia.pdf").write_bytes(text_pdf())
    written[folder / "orvia.pdf"] = "4,200 mobile towers"
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + article.encode("utf-16-le"))
    written[folder / "utf16.txt"] = "€1.1 billion"
    (folder / "legacy.txt").write_bytes(article.encode("cp1252"))
    written[folder / "legacy.txt"] = "€1.1 billion"
    return written


def test_text_pdf_has_a_text_layer() -> None:
    text = PdfReader(io.BytesIO(text_pdf())).pages[0].extract_text()
    assert "Orvia Telecom" in text and "$1.1" in text


def test_blank_pdf_has_no_text_layer() -> None:
    assert not PdfReader(io.BytesIO(blank_pdf())).pages[0].extract_text().strip()


def test_encrypted_pdf_needs_its_password() -> None:
    reader = PdfReader(io.BytesIO(encrypted_pdf()))
    assert reader.is_encrypted and not reader.decrypt("")

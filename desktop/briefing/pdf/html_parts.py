"""HTML pieces of the PDF briefing: escaped text, citation marks, capped tables, chart slots.

Every string derived from an article goes through ``text`` (``html.escape`` plus the
removal of the private-use character chart slots are made of), so an article can neither
inject markup nor forge a chart slot. Qt's rich text supports a subset of HTML 4 and CSS:
tables use attributes Qt reads (cellpadding, width) rather than modern CSS.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

# Chart slots are paragraphs holding SLOT_MARK + "chart:<key>" + SLOT_MARK: a private-use
# character no escaped article string can contain (``text`` strips it).
SLOT_MARK: Final = "\ue000"
_SLOT_PATTERN: Final = re.compile(f"{SLOT_MARK}chart:([a-z_]+){SLOT_MARK}")
# (anchor, title) of each section, in reading order: the outline lists them.
SECTIONS: Final = (
    ("sec-cover", "Cover"),
    ("sec-summary", "Executive summary"),
    ("sec-deals", "Deals"),
    ("sec-segments", "Segment metrics"),
    ("sec-analysts", "Analyst views"),
    ("sec-conflicts", "Conflicts"),
    ("sec-sources", "Sources"),
)
_WHITESPACE: Final = re.compile(r"\s+")
_MARK: Final = re.compile(r"(\[\d+\])")


def text(value: object, default: str = "") -> str:
    """Untrusted text as literal HTML on one line ("" or ``default`` when missing).

    >>> text('<img src="/etc/passwd"> &amp; 阿里巴巴')
    '&lt;img src=&quot;/etc/passwd&quot;&gt; &amp;amp; 阿里巴巴'
    >>> text(None, "unknown source"), text("a\\ue000chart:deals\\ue000")
    ('unknown source', 'achart:deals')
    """
    if not isinstance(value, str) or not value.strip():
        return html.escape(default)
    cleaned = _WHITESPACE.sub(" ", value.replace(SLOT_MARK, "")).strip()
    return html.escape(cleaned, quote=True)


def source_anchor(number: int) -> str:
    """The named destination of a source entry.

    >>> source_anchor(3)
    'src-3'
    """
    return f"src-{number}"


def mark(number: int) -> str:
    """A citation mark linking to its source entry.

    >>> mark(2)
    '<a href="#src-2">[2]</a>'
    """
    return f'<a href="#{source_anchor(number)}">[{number}]</a>'


def with_marks(sentence: str, numbers: Iterable[int]) -> str:
    """Escaped text whose own citation marks "[n]" become links; any other "[n]" (written
    by an article) stays literal text.

    >>> with_marks("up 5% [1] <b>[9]</b>", [1])
    'up 5% <a href="#src-1">[1]</a> &lt;b&gt;[9]&lt;/b&gt;'
    """
    cited = {f"[{number}]": number for number in numbers}
    return "".join(
        mark(cited[part]) if part in cited else html.escape(part, quote=True)
        for part in _MARK.split(sentence.replace(SLOT_MARK, ""))
    )


def chart_slot(key: str) -> str:
    """The paragraph a chart is drawn in place of."""
    return f'<p align="center">{SLOT_MARK}chart:{key}{SLOT_MARK}</p>'


def slot_key(paragraph: str) -> str | None:
    """The chart key of a slot paragraph's text, None for any other paragraph.

    >>> slot_key("\\ue000chart:deals\\ue000"), slot_key("chart:deals")
    ('deals', None)
    """
    found = _SLOT_PATTERN.fullmatch(paragraph.strip())
    return found.group(1) if found else None


def heading(anchor: str, level: int = 2) -> str:
    """A section's heading with its named destination (the outline points at it)."""
    # The anchor holds the heading's text: an empty one before it made text extraction split
    # the first letter off ("E / xecutive summary").
    return f'<h{level}><a name="{anchor}">{html.escape(dict(SECTIONS)[anchor])}</a></h{level}>'


def note(words: str) -> str:
    """A muted paragraph of our own words (already HTML)."""
    return f'<p class="note">{words}</p>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A table whose header row repeats on every page; cells are HTML already."""
    head = "".join(f"<th>{html.escape(name)}</th>" for name in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        '<table width="100%" cellspacing="0" cellpadding="3" border="0.5" class="grid">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


@dataclass
class Citations:
    """The source numbers the body cites, so the sources list can keep exactly those when
    a big briefing cannot list them all."""

    numbers: set[int] = field(default_factory=set)

    def mark(self, number: object) -> str:
        """The link to source ``number`` ("" for a missing number), remembered."""
        if number is None or not isinstance(number, int | float) or number != number:
            return ""
        self.numbers.add(int(number))
        return mark(int(number))

    def marks(self, numbers: Iterable[int]) -> None:
        self.numbers.update(numbers)


def capped_note(shown: int, total: int, what: str) -> str:
    """The note under a capped table ("" when nothing was left out).

    >>> capped_note(40, 312, "deals")
    '<p class="note">Showing the newest 40 of 312 deals; the other 272 are in the app.</p>'
    """
    if shown >= total:
        return ""
    return note(
        f"Showing the newest {shown} of {total} {what}; the other {total - shown} are in the app."
    )


STYLE_SHEET: Final = """
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; color: #1f4e8c; }
h3 { font-size: 10.5pt; margin-top: 8pt; margin-bottom: 3pt; }
p { margin-top: 2pt; margin-bottom: 3pt; }
p.note { color: #57606a; font-size: 8pt; }
p.quote { color: #3a3f45; margin-left: 14pt; font-size: 8pt; }
p.meta { color: #3a3f45; }
th { background-color: #eef1f4; font-weight: bold; text-align: left; white-space: nowrap; }
td, th { font-size: 8pt; }
table.grid { border-color: #c4c9cf; border-style: solid; border-collapse: collapse; }
a { color: #1f4e8c; text-decoration: none; }
li { margin-bottom: 3pt; }
"""

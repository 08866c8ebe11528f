"""Find publisher furniture in an article body and the content spans around it.

The body is never cut: furniture is excluded by leaving it outside ``content_spans``, so
every offset the extraction reports still indexes the full body. The patterns are data, in
``briefing.ingest.boilerplate_patterns``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from briefing.ingest import boilerplate_patterns as patterns

Span = tuple[int, int]


def _whole_line(alternatives: Iterable[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in alternatives) + ")", re.IGNORECASE)


_FURNITURE_LINE: Final = _whole_line(patterns.LINE_PATTERNS)
_KEYWORD_LINES: Final = tuple(
    (keyword, re.compile(pattern, re.IGNORECASE))
    for keyword, pattern in patterns.KEYWORD_LINE_PATTERNS
)
_SECTION_START: Final = _whole_line(patterns.SECTION_PATTERNS)
_PROMO_MARKER: Final = _whole_line(patterns.PROMO_MARKERS)
_LINE_END: Final = re.compile(
    "|".join(f"(?:{p})" for p in patterns.LINE_END_PATTERNS), re.IGNORECASE
)
_FIGURE: Final = re.compile(patterns.FIGURE_PATTERN, re.IGNORECASE)

# Leading markup that does not change what a line says: markdown headings, quotes,
# emphasis, bullets and list numbers.
_LEADING_MARKUP: Final = re.compile(
    r"[ \t]*(?:(?:#{1,6}|>|\*{1,3}|_{1,3}|[•·▪►]|[-+–](?=[ \t])|\d{1,2}[.)](?=[ \t]))[ \t]*)*"
)
_TRAILING_MARKUP: Final = " \t*_#"


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line of the body: its span and its text without surrounding markup."""

    start: int
    end: int
    core: str


def body_lines(body: str) -> list[Line]:
    """The lines of ``body`` that say something, with their spans.

    >>> body_lines("## Related Articles \\n\\n- Advertisement -")
    [Line(start=0, end=20, core='Related Articles'), Line(start=22, end=39, core='Advertisement -')]
    """
    lines = []
    start = 0
    for text in body.split("\n"):
        end = start + len(text)
        stripped = text.strip()
        if stripped:
            if not stripped[0].isalpha():
                markup = _LEADING_MARKUP.match(stripped)
                stripped = stripped[markup.end() if markup else 0 :]
            core = stripped.rstrip(_TRAILING_MARKUP).strip()
            if core:  # a line of markup only ("#", "* * *") says nothing
                lines.append(Line(start, end, core))
        start = end + 1
    return lines


def is_furniture_line(core: str) -> bool:
    """Whether a line (without markup) is publisher furniture.

    >>> is_furniture_line("Also Read: Peer Q2 net profit climbs 7% to Rs 403 crore")
    True
    >>> is_furniture_line("Revenue climbed 34% to $5.59 billion.")
    False
    """
    if len(core) > patterns.MAX_FURNITURE_LINE:
        return False
    if _FURNITURE_LINE.fullmatch(core):
        return True
    lowered = core.lower()
    return any(
        keyword in lowered and pattern.fullmatch(core) for keyword, pattern in _KEYWORD_LINES
    )


def _promo_tail_is_furniture(tail: Sequence[Line], body: str) -> bool:
    if len(tail) > patterns.MAX_PROMO_TAIL_LINES:
        return False
    if tail and len(body) - tail[0].start > patterns.MAX_PROMO_TAIL_CHARS:
        return False
    return all(is_furniture_line(line.core) or not _FIGURE.search(line.core) for line in tail)


def find_furniture(body: str, lines: Sequence[Line] | None = None) -> list[Span]:
    """Spans of ``body`` that are publisher furniture, sorted and merged.

    >>> text = "Acme sold its unit for $5 million.\\nShare on StockTwits\\nAd\\nAcme: Buy or sell?"
    >>> [text[s:e] for s, e in find_furniture(text)]
    ['Share on StockTwits', 'Ad\\nAcme: Buy or sell?']
    """
    lines = body_lines(body) if lines is None else lines
    spans: list[Span] = []
    content_seen = 0
    for index, line in enumerate(lines):
        core = line.core
        if len(core) <= patterns.MAX_FURNITURE_LINE:
            if _SECTION_START.fullmatch(core):
                if content_seen >= patterns.MIN_CONTENT_BEFORE_SECTION:
                    spans.append((line.start, len(body)))
                    break
                spans.append((line.start, line.end))
                continue
            if _PROMO_MARKER.fullmatch(core) and _promo_tail_is_furniture(lines[index + 1 :], body):
                spans.append((line.start, len(body)))
                break
            if is_furniture_line(core):
                spans.append((line.start, line.end))
                continue
        content_seen += len(core)
    for line in lines:
        tail = _LINE_END.search(
            body, max(line.start, line.end - patterns.LINE_END_WINDOW), line.end
        )
        if tail:
            spans.append(tail.span())
    return merge_spans(spans)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping and touching ones joined.

    >>> merge_spans([(5, 9), (0, 2), (2, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def content_spans(body: str, excluded: Iterable[Span]) -> tuple[Span, ...]:
    """The spans of ``body`` outside ``excluded``, trimmed of surrounding whitespace.

    >>> body = "Title\\nAd\\nText here.\\n"
    >>> [body[s:e] for s, e in content_spans(body, [(6, 8)])]
    ['Title', 'Text here.']
    """
    spans: list[Span] = []
    position = 0
    for start, end in [*merge_spans(excluded), (len(body), len(body))]:
        if start > position:
            piece = body[position:start]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                spans.append((position + lead, position + lead + len(stripped)))
        position = max(position, end)
    return tuple(spans)

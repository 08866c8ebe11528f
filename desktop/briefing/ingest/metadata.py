"""Metadata read from the article text itself: title, publication date, source, header lines.

Used for plain text and Markdown, and as the fallback for HTML, PDF and e-mail when their
own metadata lacks a value. Header lines (a date stamp, a "Company ISIN" line, a short
teaser repeating the title) are metadata, not content; their spans are reported so the
reader can leave them out of the content spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from briefing.ingest.boilerplate import Line, Span
from briefing.ingest.datestamps import find_date_stamp, iso_from_datetime_value
from briefing.ingest.identifiers import find_isins

# Only the first lines of an article carry its title and publication stamp.
TOP_LINES: Final = 8
MAX_TITLE_CHARS: Final = 200
# A teaser (a cut-off repeat of the title) or a "Company ISIN" line is a few words.
MAX_TEASER_CHARS: Final = 80
# A date on a long line (a paragraph) only counts as a dateline: near its start, followed
# by a separator ("NEW YORK, Jan. 9, 2026 /PRNewswire/ --").
MAX_STAMP_LINE_CHARS: Final = 160
MAX_DATELINE_OFFSET: Final = 60

_WORD: Final = re.compile(r"\w+")
_DIGIT: Final = re.compile(r"\d")
# A date right after these words is a period or an event ("quarter ended March 31, 2026",
# "closing on May 4, 2026"), not the publication stamp; "Published on ..." still is.
_EVENT_DATE_CONTEXT: Final = re.compile(
    r"(?<!published )(?<!posted )(?<!updated )(?<!released )(?<!modified )"
    r"\b(?:ended|ending|end|through|thru|until|till|since|before|after|from|to|as of|between"
    r"|and|for|due|on|by|in|at|of|expected|scheduled)[\W_]*\Z",
    re.IGNORECASE,
)
_DATELINE_SEPARATOR: Final = re.compile(r"[ \t]*(?:[-–—|/:(]|$)")
_FRONT_MATTER: Final = re.compile(r"\A---[ \t]*\n(?P<fields>(?:[^\n]*\n){0,40}?)---[ \t]*(?:\n|\Z)")
_FRONT_MATTER_FIELD: Final = re.compile(
    r"(?m)^(?P<key>[A-Za-z_]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$"
)
# Footer, credit and copyright lines are matched against a line's text (markup removed).
_FOOTER_DOMAIN: Final = re.compile(r"@[ \t]?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)+)\b", re.I)
_SOURCE_LINE: Final = re.compile(r"(?:source|via)[ \t]*:[ \t]*(?P<source>.{2,60}?)[ \t.]*", re.I)
# "(Bloomberg) -- ...", "NEW YORK (Reuters) - ...", "(PLX AI) – ..."
_WIRE_CREDIT: Final = re.compile(
    r"^(?:[A-Z][A-Za-z .,'/-]{0,40}[ \t])?\((?P<wire>[A-Z][\w .&'-]{1,30})\)[ \t]*(?:--|[-–—])[ \t]"
)
# "Investing.com -- ...", "Investing.com - ..."
_SITE_CREDIT: Final = re.compile(r"^(?P<site>[A-Z][\w-]*(?:\.[a-z]{2,6})+)[ \t]*(?:--|[-–—])[ \t]")
_COPYRIGHT: Final = re.compile(
    r"(?:©|\(c\)|copyright)[ \t]*(?:©[ \t]*)?(?:\d{4}[ \t,]+)?"
    r"(?P<holder>[a-z][^\n\d©|]{1,60}?)[ \t,.]*(?:\d{4})?[ \t,.]*(?:all rights reserved\.?)?[ \t]*",
    re.I,
)
_COPYRIGHT_OPENINGS: Final = ("©", "(c)", "(C)", "Copyright", "copyright", "COPYRIGHT")
_URL_HOST: Final = re.compile(r"(?i)^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)")


@dataclass(frozen=True, slots=True)
class TextMetadata:
    title: str | None = None
    published: str | None = None
    source: str | None = None
    header_spans: tuple[Span, ...] = ()


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _is_teaser(first: str, second: str) -> bool:
    """A short line whose words open the next line: a truncated repeat of the title."""
    if len(first) > MAX_TEASER_CHARS or len(second) > MAX_TITLE_CHARS:
        return False
    head, full = _words(first), _words(second[: len(first) + MAX_TEASER_CHARS])
    return 0 < len(head) < len(full) and full[: len(head)] == head


def _is_stamp_line(line: Line, stamp_text: str) -> bool:
    """A line that is only a date stamp, perhaps with a byline, weekday or "Company ISIN"."""
    rest = line.core.replace(stamp_text, " ")
    for isin in find_isins(rest):
        rest = rest.replace(isin, " ")
    return not _DIGIT.search(rest) and len(_words(rest)) <= 8


def _is_isin_line(line: Line) -> bool:
    """A "Company ISIN" header line: short and ending with a valid ISIN."""
    if len(line.core) > MAX_TEASER_CHARS or not line.core[-1:].isdigit():
        return False
    isins = find_isins(line.core)
    return bool(isins) and line.core.endswith(isins[-1]) and len(_words(line.core)) <= 7


def _front_matter(body: str) -> tuple[dict[str, str], Span | None]:
    match = _FRONT_MATTER.match(body)
    if match is None:
        return {}, None
    fields = {
        m["key"].lower(): m["value"].strip("\"'")
        for m in _FRONT_MATTER_FIELD.finditer(match["fields"])
    }
    return fields, (0, match.end())


def _stamp_in(line: Line) -> tuple[str, str] | None:
    """The ISO date of a stamp on this line and the stamp's text, if the line may carry one."""
    core = line.core
    if len(core) > MAX_STAMP_LINE_CHARS:
        # Only a dateline counts on a long line: no need to read the whole paragraph.
        core = core[: MAX_DATELINE_OFFSET + 40]
    stamp = find_date_stamp(core)
    if stamp is None or _EVENT_DATE_CONTEXT.search(core, 0, stamp.start):
        return None
    if len(line.core) > MAX_STAMP_LINE_CHARS and (
        stamp.start > MAX_DATELINE_OFFSET or not _DATELINE_SEPARATOR.match(line.core, stamp.end)
    ):
        return None
    return stamp.iso, line.core[stamp.start : stamp.end]


def _source_from_text(lines: Sequence[Line], top: Sequence[Line]) -> str | None:
    for line in reversed(lines):
        footer = _FOOTER_DOMAIN.match(line.core) if line.core.startswith("@") else None
        if footer:
            return footer["domain"].lower()
    for line in lines:
        credit = (
            _SOURCE_LINE.fullmatch(line.core) if line.core[:1] in ("S", "s", "V", "v") else None
        )
        if credit:
            value = credit["source"].strip()
            host = _URL_HOST.match(value)
            return host["host"].lower() if host and "." in value and " " not in value else value
    for line in top[:3]:
        wire = _WIRE_CREDIT.match(line.core) or _SITE_CREDIT.match(line.core)
        if wire:
            return wire.group(1).strip()
    for line in lines:
        if line.core.startswith(_COPYRIGHT_OPENINGS):
            holder = _COPYRIGHT.fullmatch(line.core)
            if holder:
                return holder["holder"].strip()
    return None


def _top_lines(lines: Sequence[Line], furniture: Sequence[Span], skip_before: int) -> list[Line]:
    """The first ``TOP_LINES`` lines that are neither front matter nor furniture."""
    starts = [start for start, _ in furniture]
    top: list[Line] = []
    for line in lines:
        if line.start < skip_before:
            continue
        index = bisect_right(starts, line.start) - 1
        if index >= 0 and line.start < furniture[index][1]:
            continue
        top.append(line)
        if len(top) == TOP_LINES:
            break
    return top


def read_text_metadata(body: str, lines: Sequence[Line], furniture: Sequence[Span]) -> TextMetadata:
    """Title, publication date, source and header-line spans from the text.

    ``lines`` are the body's non-empty lines; lines starting inside ``furniture`` (sorted,
    merged spans) are skipped.

    >>> from briefing.ingest.boilerplate import body_lines
    >>> body = "Acme’s, Deal\\n\\nAcme’s Deal With Widget\\n04.01.2026 - 12:24:06\\nAcme buys..."
    >>> meta = read_text_metadata(body, body_lines(body), [])
    >>> meta.title, meta.published
    ('Acme’s Deal With Widget', '2026-01-04T12:24:06')
    >>> [body[s:e] for s, e in meta.header_spans]
    ['Acme’s, Deal', '04.01.2026 - 12:24:06']
    """
    fields, front_span = _front_matter(body)
    header: list[Span] = [front_span] if front_span else []
    skip_before = front_span[1] if front_span else 0
    top = _top_lines(lines, furniture, skip_before)

    title: str | None = fields.get("title") or None
    title_line: Line | None = None
    published: str | None = None
    for value in (fields.get("date"), fields.get("published")):
        if value and published is None:
            published = iso_from_datetime_value(value)

    candidates = [line for line in top if not _stamp_only(line)]
    if candidates and title is None:
        title_line = candidates[0]
        following = candidates[1] if len(candidates) > 1 else None
        if following is not None and _is_teaser(title_line.core, following.core):
            header.append((title_line.start, title_line.end))
            title_line = following
        # A lede that opens with a wire credit ("LONDON (Reuters) - ...") is no headline.
        is_lede = _WIRE_CREDIT.match(title_line.core) or _SITE_CREDIT.match(title_line.core)
        if len(title_line.core) <= MAX_TITLE_CHARS and not is_lede:
            title = title_line.core

    for line in top:
        if line is title_line:
            continue
        stamp = _stamp_in(line) if published is None else None
        if stamp is not None:
            published = stamp[0]
            if _is_stamp_line(line, stamp[1]):
                header.append((line.start, line.end))
            continue
        if _is_isin_line(line):
            header.append((line.start, line.end))

    source = fields.get("source") or fields.get("site") or _source_from_text(lines, top)
    return TextMetadata(title or None, published, source or None, tuple(header))


def _stamp_only(line: Line) -> bool:
    if len(line.core) > MAX_STAMP_LINE_CHARS:
        return False
    stamp = find_date_stamp(line.core)
    return stamp is not None and _is_stamp_line(line, line.core[stamp.start : stamp.end])

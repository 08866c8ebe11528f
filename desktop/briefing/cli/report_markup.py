"""Markdown pieces for the report: untrusted text escaped, table rows, cells and marks.

Article text (titles, quotes, names) is untrusted: every character that could start a
link, an image, inline HTML or a table cell is backslash-escaped, and so are the "http:"
and "www." that GitHub-flavoured viewers link on their own, so a viewer shows the text
literally and never fetches anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from briefing.analysis.display_text import cell

_MARKDOWN_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|!#~&])")
# What GitHub-flavoured viewers turn into a live link even without brackets: "http:",
# "https:", "ftp:" and "www." (escaping the ":" or the "." stops the autolink).
_BARE_LINK: Final = re.compile(r"(?i)\b((?:https?|ftp)(?=:)|www(?=\.))([:.])")
_WHITESPACE: Final = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """Untrusted text for a Markdown line or table cell: literal, on one line.

    >>> md_escape('<img src="http://x/y.png"> [a](www.x.org) | *b*')
    '\\\\<img src="http\\\\://x/y.png"\\\\> \\\\[a\\\\](www\\\\.x.org) \\\\| \\\\*b\\\\*'
    """
    if not isinstance(text, str):
        return ""
    return _escaped(text).strip()


def _escaped(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", text))
    return _BARE_LINK.sub(r"\1\\\2", escaped)


_MARK: Final = re.compile(r"(\[\d+\])")


def with_marks(text: str, numbers: Iterable[int]) -> str:
    """Escaped text whose citation marks "[n]" stay marks: only the marks of the sentence's
    own citations, and none that untrusted text could turn into a link with "(" after it.

    >>> with_marks("a [1] b [2](http://x) [7]", [1, 2])
    'a [1] b \\\\[2\\\\](http\\\\://x) \\\\[7\\\\]'
    """
    cited = {f"[{number}]" for number in numbers}
    parts = _MARK.split(text)
    kept = []
    for index, part in enumerate(parts):
        following = parts[index + 1] if index + 1 < len(parts) else ""
        is_mark = part in cited and not following.startswith(("(", "[", ":"))
        kept.append(part if is_mark else _escaped(part))
    return "".join(kept)


def source_mark(row: Any, column: str = "source_number") -> str:
    number = cell(row, column)
    return "" if number is None else f"[{int(number)}]"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(cells) + " |" for cells in rows)
    return lines

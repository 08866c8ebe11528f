"""Markdown to the plain text a reader sees, with its lines and paragraphs.

The engine reads text: "**Industrial & Consumer** revenue" must reach it as "Industrial &
Consumer revenue", and an evidence quote must not show asterisks. Sentence splitting, the
boilerplate rules and the metadata reader all work on lines, so the markup is removed line
by line and every line break stays (only a table's delimiter row and the lines inside an
HTML comment go). A Markdown library was not used: one that renders gives HTML, and
markdown-it-py's tokens, which would give CommonMark's exact emphasis rules, need plugins
for front matter and tables, do not give back the source's lines as written, and would be a
new dependency of the app for what these rules cover.

Removed: emphasis (``**x**``, ``__x__``, ``*x*``, ``_x_``, ``~~x~~``), inline code
backticks, link and image syntax (their text stays), reference definitions and footnote
marks, heading markers (ATX and setext underlines), blockquote ``>``, list bullets,
horizontal rules, HTML comments, code fences and table pipes (cells are joined by a tab,
the delimiter row is dropped). Kept: YAML front matter at the top, as is (the metadata
reader takes the title and date from it), ordered-list numbers (a reader sees them), and
characters that only look like markup: ``2 * 3``, ``snake_case``, "* " bullets' words.
Emphasis follows CommonMark's flanking rules: an opening run is not followed by a space,
a closing one not preceded by one, and ``_`` does not work inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from briefing.ingest.document import normalize_newlines

TABLE_CELL_SEPARATOR: Final = "\t"

_FRONT_MATTER: Final = re.compile(r"\A---[ \t]*\n(?:[^\n]*\n){0,40}?---[ \t]*(?:\n|\Z)")
_HTML_COMMENT: Final = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCE: Final = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_RULE: Final = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_SETEXT_UNDERLINE: Final = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*")
_QUOTE: Final = re.compile(r"[ \t]{0,3}>[ \t]?")
_HEADING: Final = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_CLOSE: Final = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_BULLET: Final = re.compile(r"[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")
_ORDERED: Final = re.compile(r"[ \t]*\d{1,9}[.)][ \t]+")
# "[sec]: https://..." (a link's target, not text); "[Update]: Shares rose" is text.
_DEFINITION: Final = re.compile(
    r"[ \t]{0,3}\[(?!\^)([^\]]+)\]:[ \t]*(?:<[^>]*>|\S*[/.:#]\S*)(?:[ \t]+[\"'(].*)?[ \t]*"
)
_FOOTNOTE_DEFINITION: Final = re.compile(r"[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*")
_TABLE_DELIMITER: Final = re.compile(
    r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*"
)
_CELL_BORDER: Final = re.compile(r"(?<!\\)\|")

_CODE_SPAN: Final = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_ESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_HARD_BREAK: Final = re.compile(r"\\$", re.MULTILINE)
_IMAGE: Final = re.compile(
    r"!\[([^\[\]]*)\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+[^)]*)?\)|\[[^\]]*\])"
)
_LINK: Final = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[^)]*)?\)")
_REFERENCE_LINK: Final = re.compile(r"\[([^\[\]]+)\]\[([^\[\]]*)\]")
_SHORTCUT_LINK: Final = re.compile(r"\[([^\[\]]+)\](?![\[(:])")
_FOOTNOTE_MARK: Final = re.compile(r"\[\^[^\]\s]+\]")
_AUTOLINK: Final = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
# What emphasis may hold: a run stops at the next delimiter of its kind (an underscore
# inside a word aside), so an opener without a closer costs a look-ahead to the next
# delimiter, never a scan to the end of a long paragraph.
_NOT_STAR: Final = r"(?:[^*]|\*(?!\*))"
_NOT_UNDERSCORE: Final = r"(?:[^_]|_(?!_))"
_STRONG_STAR: Final = re.compile(rf"\*\*(?=[^\s*])({_NOT_STAR}+?)(?<=[^\s*])\*\*")
_STRONG_UNDERSCORE: Final = re.compile(
    rf"(?<!\w)__(?=[^\s_])({_NOT_UNDERSCORE}+?)(?<=[^\s_])__(?!\w)"
)
_EMPHASIS_STAR: Final = re.compile(r"(?<!\*)\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?!\*)")
_EMPHASIS_UNDERSCORE: Final = re.compile(
    r"(?<!\w)_(?=[^\s_])((?:[^_]|(?<=\w)_(?=\w))+?)(?<=[^\s_])_(?!\w)"
)
_STRIKETHROUGH: Final = re.compile(r"~~(?=\S)((?:[^~]|~(?!~))+?)(?<=\S)~~")

# Characters that stand for themselves (escaped, or inside code) are moved to a private
# plane while the markup is removed, then moved back; news text never uses that plane.
_PRIVATE_BASE: Final = 0xF0000
_ASCII_PUNCTUATION: Final = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_HIDE: Final = {ord(c): chr(_PRIVATE_BASE + ord(c)) for c in _ASCII_PUNCTUATION}
_SHOW: Final = {_PRIVATE_BASE + ord(c): c for c in _ASCII_PUNCTUATION}


@dataclass(slots=True)
class _Block:
    """Lines read as one paragraph (emphasis may cross their breaks), or taken as is."""

    lines: list[str]
    verbatim: bool = False


def inline_text(text: str, references: frozenset[str] = frozenset()) -> str:
    """``text`` without inline markup; ``references`` are the defined link labels (lower case).

    >>> inline_text("**Industrial & Consumer** revenue was *flat*; see [the table](t.html).")
    'Industrial & Consumer revenue was flat; see the table.'
    >>> inline_text("2 * 3 * 4, snake_case_name, __init__ and `a_b*c` and \\\\*not\\\\*")
    '2 * 3 * 4, snake_case_name, init and a_b*c and *not*'
    >>> inline_text("![Chart](c.png) [Acme][1], [Acme], [1] and a note[^2]", frozenset({"1"}))
    'Chart Acme, [Acme], 1 and a note'
    """
    # Most lines of an article hold no markup at all: each step runs only if it may apply.
    hidden = False
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: m.group(2).strip(" ").translate(_HIDE), text)
        hidden = True
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: m.group(1).translate(_HIDE), text)
        text = _HARD_BREAK.sub("", text)
        hidden = True
    if "[" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
        text = _REFERENCE_LINK.sub(r"\1", text)
        text = _FOOTNOTE_MARK.sub("", text)
        if references:
            text = _SHORTCUT_LINK.sub(
                lambda m: m.group(1) if m.group(1).lower() in references else m.group(0), text
            )
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text:
        text = _EMPHASIS_STAR.sub(r"\1", _STRONG_STAR.sub(r"\1", text))
    if "_" in text:
        text = _EMPHASIS_UNDERSCORE.sub(r"\1", _STRONG_UNDERSCORE.sub(r"\1", text))
    if "~~" in text:
        text = _STRIKETHROUGH.sub(r"\1", text)
    return text.translate(_SHOW) if hidden else text


def _table_row(line: str, references: frozenset[str]) -> str:
    """A table row's cells, each without markup, joined by ``TABLE_CELL_SEPARATOR``."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    cells = [inline_text(cell.strip(), references) for cell in _CELL_BORDER.split(row)]
    return TABLE_CELL_SEPARATOR.join(cells)


def _is_table_start(lines: list[str], index: int) -> bool:
    """A header row followed by a delimiter row ("|---|:---:|")."""
    return (
        index + 1 < len(lines)
        and "|" in lines[index]
        and "|" in lines[index + 1]
        and _TABLE_DELIMITER.fullmatch(lines[index + 1]) is not None
    )


def _without_block_marker(line: str) -> tuple[str, bool]:
    """The line without quote, heading and bullet markers (and indentation); whether a
    marker opened a block."""
    quote = _QUOTE.match(line)
    while quote is not None:
        line = line[quote.end() :]
        quote = _QUOTE.match(line)
    heading = _HEADING.match(line)
    if heading is not None:
        return _HEADING_CLOSE.sub("", line[heading.end() :]), True
    bullet = _BULLET.match(line)
    if bullet is not None:
        return line[bullet.end() :], True
    if _ORDERED.match(line):
        return line.lstrip(), True
    return line.lstrip(), False


def _blocks(lines: list[str], references: frozenset[str]) -> list[_Block]:
    """The lines grouped into paragraphs, with block markup already removed."""
    blocks: list[_Block] = []
    block: _Block | None = None
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        opening = _FENCE.match(line)
        if fence is not None or opening is not None:
            if opening is not None and (fence is None or opening.group(1).startswith(fence)):
                fence = None if fence is not None else opening.group(1)[:3]
                line = ""
            blocks.append(_Block([line], verbatim=True))
            block = None
            continue
        if not line.strip() or _RULE.fullmatch(line) or _DEFINITION.fullmatch(line):
            blocks.append(_Block([""], verbatim=True))
            block = None
            continue
        if block is not None and _SETEXT_UNDERLINE.fullmatch(line):
            blocks.append(_Block([""], verbatim=True))  # the line above was a heading
            block = None
            continue
        if _is_table_start(lines, index - 1):
            blocks.append(_Block([_table_row(line, references)], verbatim=True))
            index += 1  # the delimiter row says nothing
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                blocks.append(_Block([_table_row(lines[index], references)], verbatim=True))
                index += 1
            block = None
            continue
        footnote = _FOOTNOTE_DEFINITION.match(line)
        if footnote is not None:
            line = line[footnote.end() :]
        text, opened = _without_block_marker(line)
        if block is None or opened or footnote is not None:
            block = _Block([text])
            blocks.append(block)
        else:
            block.lines.append(text)
    return blocks


def markdown_to_text(markdown: str) -> str:
    """The text of a Markdown article without its markup, with the same lines and paragraphs.

    >>> print(markdown_to_text(
    ...     "# Acme lifts margins\\n\\n*Published 2025-11-06*\\n\\n"
    ...     "- Revenue in the **Data Center** segment rose 42%.\\n"
    ...     "- __Industrial & Consumer__ revenue was flat.\\n\\n"
    ...     "> Also read: [Rival cuts outlook](https://example.invalid/r)\\n\\n"
    ...     "---\\n<!-- note -->Written for the samples."))
    Acme lifts margins
    <BLANKLINE>
    Published 2025-11-06
    <BLANKLINE>
    Revenue in the Data Center segment rose 42%.
    Industrial & Consumer revenue was flat.
    <BLANKLINE>
    Also read: Rival cuts outlook
    <BLANKLINE>
    <BLANKLINE>
    Written for the samples.
    >>> markdown_to_text("| Segment | Revenue |\\n|---|---:|\\n| *Gaming* | $1.1 billion |")
    'Segment\\tRevenue\\nGaming\\t$1.1 billion'
    """
    text = normalize_newlines(markdown)
    front = _FRONT_MATTER.match(text)
    head = front.group() if front is not None else ""
    text = _HTML_COMMENT.sub("", text[len(head) :])
    lines = text.split("\n")
    references = frozenset(
        m.group(1).strip().lower() for line in lines if (m := _DEFINITION.fullmatch(line))
    )
    out: list[str] = []
    for block in _blocks(lines, references):
        if block.verbatim:
            out.extend(block.lines)
        else:
            out.extend(inline_text("\n".join(block.lines), references).split("\n"))
    return head + "\n".join(out)

"""Helpers that build faster patterns from word lists and alternations, with the same matches.

Python's ``re`` tries the branches of an alternation one after another at every position,
so a pattern of a hundred wordings costs a hundred tests per word. Two remedies here:

- ``literal_trie``: factor a list of literal words by their shared prefixes;
- ``leading_letters``: the lower-cased first letters an alternative can start with, so the
  caller can keep, per word prefix, only the alternatives that may match there.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any, Final

# The pattern parser is private API, stable across 3.11+ (the project's floor).
_sre: Any = importlib.import_module("re._constants")
_sre_parse: Any = importlib.import_module("re._parser")

_Trie = dict[str, "_Trie"]

# Any character: a position whose letter the analysis cannot bound.
ANY: Final = "\0"


def literal_trie(words: Iterable[str]) -> str:
    """A pattern matching the same strings as the alternation of ``words`` tried longest
    first, factored by shared prefixes: ``re`` then tests one branch per character instead
    of every word at every position.

    >>> literal_trie(["bought", "buy", "bond", "plan", "planned"])
    '(?:b(?:o(?:nd|ught)|uy)|plan(?:ned)?)'
    """
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_pattern(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # A word ends here: the longer words are tried first, as the longest-first alternation
    # does, so every match is the same.
    return body + "?" if body.startswith("(?:") else "(?:" + body + ")?"


def leading_letters(pattern: str, size: int) -> frozenset[str]:
    """Every lower-cased string of up to ``size`` characters a match of ``pattern`` can
    start with; ``ANY`` stands for a character the analysis does not bound. A superset:
    lookarounds are ignored, so a prefix outside the set surely cannot start a match.

    >>> sorted(leading_letters(r"(?:net|total) debt", 3))
    ['net', 'tot']
    >>> sorted(leading_letters(r"(?:adjusted )?ebitda|(?-i:PAT)", 2))
    ['ad', 'eb', 'pa']
    """
    parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    return frozenset(s[:size] for s in _sequence(list(parsed), size))


def prefix_fits(prefix: str, starts: frozenset[str]) -> bool:
    """Whether a word beginning with ``prefix`` may match, given ``leading_letters``.

    >>> prefix_fits("net", frozenset({"ne", "to"})), prefix_fits("abc", frozenset({"a\\0d"}))
    (True, False)
    """
    return any(all(a in (ANY, b) for a, b in zip(start, prefix, strict=False)) for start in starts)


def _sequence(items: list[tuple[Any, Any]], size: int) -> set[str]:
    """The prefixes of a sequence of parsed items: each item's strings appended in turn."""
    prefixes = {""}
    for op, arg in items:
        if all(len(p) >= size for p in prefixes):
            break
        item = _item(op, arg, size)
        prefixes = {(p + s)[:size] if len(p) < size else p for p in prefixes for s in item}
    return prefixes


def _item(op: Any, arg: Any, size: int) -> set[str]:
    if op is _sre.LITERAL:
        return {chr(arg).lower()}
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is _sre.LITERAL:
                chars.add(chr(value).lower())
            elif kind is _sre.NEGATE:
                return {ANY}
            elif kind is _sre.RANGE and value[1] - value[0] < 64:
                chars.update(chr(c).lower() for c in range(value[0], value[1] + 1))
            else:
                return {ANY}
        return chars
    if op is _sre.SUBPATTERN:
        return _sequence(list(arg[-1]), size)
    if op is _sre.BRANCH:
        return set().union(*(_sequence(list(branch), size) for branch in arg[1]))
    if op in (
        _sre.MAX_REPEAT,
        _sre.MIN_REPEAT,
        getattr(_sre, "POSSESSIVE_REPEAT", None),
    ):
        low, high, body = arg
        once = _sequence(list(body), size)
        found: set[str] = set()
        current = {""}
        for count in range(min(high, size) + 1):
            if count >= low:
                found |= current
            current = {(p + s)[:size] for p in current for s in once}
        if high > size:
            found |= current
        return found
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}  # consumes nothing; ignoring a lookaround only widens the set
    return {ANY}

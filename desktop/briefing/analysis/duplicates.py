"""Near-duplicate articles: the same story republished by several sites.

Two articles are one story when the Jaccard similarity of their sets of word shingles
(runs of ``SHINGLE_WORDS`` words) reaches ``DEFAULT_THRESHOLD``. Comparing every pair is
quadratic, so candidates come from MinHash signatures cut into bands (locality-sensitive
hashing): two articles become candidates when one band of their signatures is equal, and
every candidate pair is then checked with the exact Jaccard of its shingle sets.

With 20 bands of 5 rows, a pair at similarity 0.8 is a candidate with probability above
0.999, a pair at 0.3 with about 0.05, so the exact check stays cheap.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

SHINGLE_WORDS: Final = 5
DEFAULT_THRESHOLD: Final = 0.8
BANDS: Final = 20
ROWS_PER_BAND: Final = 5
# Shingle hashes are 31-bit: a run of word hashes folded modulo this Mersenne prime.
_PRIME: Final = (1 << 31) - 1
_FOLD: Final = 1_000_003
# Fixed, so the same articles always give the same signatures and the same groups.
_SEED: Final = 20260104

_WORD = re.compile(r"\w+")
Hashes = npt.NDArray[np.uint64]


def shingle_hashes(
    body: str, size: int = SHINGLE_WORDS, word_cache: dict[str, int] | None = None
) -> Hashes:
    """The sorted, distinct hashes of the runs of ``size`` words (case and punctuation ignored).

    Each distinct word is hashed once (``word_cache`` carries the hashes across articles,
    which share most of their words) and each run is folded from its words' hashes with
    numpy: hashing every joined run as a string costs seconds on 5,000 articles.
    """
    words = _WORD.findall(body.casefold())
    if not words:
        return np.empty(0, dtype=np.uint64)
    cache = {} if word_cache is None else word_cache
    for word in set(words).difference(cache):
        cache[word] = zlib.crc32(word.encode("utf-8")) & _PRIME
    word_hashes = np.array([cache[word] for word in words], dtype=np.uint64)
    count = max(1, len(words) - size + 1)
    folded = word_hashes[:count].copy()
    for offset in range(1, min(size, len(words))):
        # folded < 2**31 and _FOLD < 2**20: the product stays far below 2**64.
        folded = (folded * np.uint64(_FOLD) + word_hashes[offset : offset + count]) % np.uint64(
            _PRIME
        )
    unique: Hashes = np.unique(folded)
    return unique


def shingles(body: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The hashed runs of ``size`` words of a text, as a set.

    >>> len(shingles("One two three four five six"))
    2
    >>> shingles("Alibaba backs Meitu!") == shingles("alibaba, backs meitu")
    True
    >>> shingles("")
    frozenset()
    """
    return frozenset(int(value) for value in shingle_hashes(body, size))


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    """Shared shingles over all shingles of the two articles.

    >>> jaccard(frozenset({1, 2, 3}), frozenset({2, 3, 4}))
    0.5
    """
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def _sorted_jaccard(first: Hashes, second: Hashes) -> float:
    if not len(first) or not len(second):
        return 0.0
    shared = len(np.intersect1d(first, second, assume_unique=True))
    return shared / (len(first) + len(second) - shared)


class MinHasher:
    """MinHash signatures from multiply-shift hash functions: the high 32 bits of a*h + b.

    uint64 arithmetic wraps modulo 2**64, which is what multiply-shift hashing wants, so
    no modulo is needed.
    """

    def __init__(self, permutations: int = BANDS * ROWS_PER_BAND, seed: int = _SEED) -> None:
        rng = np.random.default_rng(seed)
        top = np.iinfo(np.uint64).max
        self._a = rng.integers(1, top, size=(permutations, 1), dtype=np.uint64) | np.uint64(1)
        self._b = rng.integers(0, top, size=(permutations, 1), dtype=np.uint64)

    def signature(self, hashes: Hashes) -> Hashes:
        with np.errstate(over="ignore"):
            permuted = (self._a * hashes[np.newaxis, :] + self._b) >> np.uint64(32)
        minimum: Hashes = permuted.min(axis=1)
        return minimum


class _UnionFind:
    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            parent = self._parent[item] = self.find(parent)
        return parent

    def union(self, first: str, second: str) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> list[frozenset[str]]:
        members: dict[str, set[str]] = defaultdict(set)
        for item in self._parent:
            members[self.find(item)].add(item)
        return [frozenset(group) for group in members.values() if len(group) > 1]


def duplicate_groups(
    articles: Iterable[tuple[str, str]],
    threshold: float = DEFAULT_THRESHOLD,
    shingle_size: int = SHINGLE_WORDS,
) -> list[frozenset[str]]:
    """Groups of two or more article ids whose bodies are near-duplicates.

    Similarity is transitive through the groups: if A~B and B~C, A, B and C are one story.
    Groups come sorted by their smallest id, so the result is stable.

    >>> story = "Alibaba Group has agreed to put 250 million dollars into Meitu this week."
    >>> groups = duplicate_groups(
    ...     [("a", story), ("b", story + " Republished."), ("c", "Other news.")]
    ... )
    >>> [sorted(group) for group in groups]
    [['a', 'b']]
    """
    hasher = MinHasher()
    word_cache: dict[str, int] = {}
    shingle_sets: dict[str, Hashes] = {}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for article_id, body in articles:
        hashes = shingle_hashes(body, shingle_size, word_cache)
        if not len(hashes) or article_id in shingle_sets:
            continue
        shingle_sets[article_id] = hashes
        signature = hasher.signature(hashes)
        for band in range(BANDS):
            rows = signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
            buckets[(band, rows.tobytes())].append(article_id)
    union = _UnionFind()
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for index, first in enumerate(members):
            for second in members[index + 1 :]:
                pair = (first, second) if first < second else (second, first)
                if pair in checked:
                    continue
                checked.add(pair)
                if _sorted_jaccard(shingle_sets[first], shingle_sets[second]) >= threshold:
                    union.union(first, second)
    return sorted(union.groups(), key=min)


def story_map(groups: Sequence[frozenset[str]], articles: pd.DataFrame) -> dict[str, str]:
    """Each grouped article id -> its story's representative: the earliest published copy.

    ``articles`` has ``article_id`` and ``published`` (the articles frame); an unknown date
    counts as latest, and equal dates fall back to the smaller id. Articles outside every
    group are their own story and are left out of the map.
    """
    published: Mapping[str, pd.Timestamp] = dict(
        zip(articles["article_id"].astype(str), articles["published"], strict=True)
    )

    def age(article_id: str) -> tuple[bool, pd.Timestamp, str]:
        stamp: Any = published.get(article_id, pd.NaT)
        missing = bool(pd.isna(stamp))
        return (missing, pd.Timestamp.max if missing else pd.Timestamp(stamp), article_id)

    mapping: dict[str, str] = {}
    for group in groups:
        representative = min(group, key=age)
        mapping.update(dict.fromkeys(group, representative))
    return mapping


def representatives_only(frame: pd.DataFrame, story_of: Mapping[str, str]) -> pd.DataFrame:
    """The rows of ``frame`` whose article is its story's representative.

    Facts of a republished copy are then counted once, under the earliest copy.
    """
    ids = frame["article_id"].astype(str)
    keep = ids.map(lambda article_id: story_of.get(article_id, article_id) == article_id)
    return frame[keep.astype(bool)]


def story_sources(
    groups: Sequence[frozenset[str]], articles: pd.DataFrame
) -> dict[str, tuple[str, ...]]:
    """Each representative id -> the sources of all its copies, earliest copy first."""
    story_of = story_map(groups, articles)
    ordered = articles.sort_values(["published", "article_id"], na_position="last")
    sources: dict[str, list[str]] = defaultdict(list)
    for article_id, source in zip(ordered["article_id"], ordered["source"], strict=True):
        story = story_of.get(str(article_id))
        if story is not None and isinstance(source, str) and source not in sources[story]:
            sources[story].append(source)
    return {story: tuple(names) for story, names in sources.items()}

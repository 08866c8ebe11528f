"""Sentence segmentation: boundaries, abbreviations, numbers and exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.extract.sentences import split_sentences

CASES = [
    ("seed-000", "Revenue climbed 34% to $5.59 billion. Its EBITDA rose 35%.", 2),
    ("devset-toyota", "Toyota Motor Corp. opened at 108.49 on Tuesday. It fell.", 2),
    ("devset-tsmc", "Taiwan Semiconductor Manufacturing Co. has said it will invest.", 1),
    ("ours-us", "The U.S. rival gained 3%. Shares fell.", 2),
    ("ours-domain", "Rivals include JD.com. Alibaba gained.", 2),
    ("ours-scale-word-end", "The size rose to €1bn. Sterling demand was strong.", 2),
    ("ours-corporate-end", "The buyer is Acme Inc. Shares rose 5%.", 2),
    ("ours-corporate-chain", "Acme Co. Ltd. said profit rose.", 1),
    ("ours-corporate-lower", "KDDI Corp. shares dropped after Acme Corp. said so.", 1),
    ("ours-rs", "It raised Rs. 566 crore. Shares rose.", 2),
    ("ours-lowercase-after-dot", "The price is approx. five dollars.", 1),
    ("ours-lines", "Headline without a stop\nBody sentence one. Body two.", 3),
    ("ours-bullets", "- Price target DKK 740 implies 20% upside\n- Second bullet", 2),
    ("ours-quote-end", 'He said "we grew." Then it fell.', 2),
]


@pytest.mark.parametrize(
    ("text", "count"), [(t, c) for _, t, c in CASES], ids=[i for i, *_ in CASES]
)
def test_sentence_counts(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


def test_spans_restrict_to_content() -> None:
    text = "Ad block here. Real content. More ads."
    spans = [(15, 28)]
    assert [text[s:e] for s, e in split_sentences(text, spans)] == ["Real content."]


def test_bullet_markers_are_not_part_of_the_sentence() -> None:
    text = "* Co-development of models\n1. First point"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Co-development of models",
        "First point",
    ]


@given(st.text())
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end

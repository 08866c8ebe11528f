"""Bad input: every unreadable file gives an IngestError naming the file and the reason,
and a batch over a folder of good and bad files still yields every good document."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from briefing.domain.model import Document
from briefing.ingest import IngestError, collect_article_paths, document_from_text, read_document
from test_ingest_support import BAD_INPUTS, FIXTURES, write_bad_inputs, write_good_inputs


@pytest.mark.parametrize("name", sorted(BAD_INPUTS), ids=[f"ours-{n}" for n in sorted(BAD_INPUTS)])
def test_bad_file_names_file_and_reason(tmp_path: Path, name: str) -> None:
    words = write_bad_inputs(tmp_path)[tmp_path / name]
    with pytest.raises(IngestError) as raised:
        read_document(tmp_path / name)
    error = raised.value
    assert error.path == str(tmp_path / name)
    assert str(error).startswith(f"{tmp_path / name}: ")
    for word in words:
        assert word.lower() in error.reason.lower(), error.reason


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        pytest.param(lambda p: p / "missing.txt", ("not found",), id="ours-missing"),
        pytest.param(lambda p: p, ("folder",), id="ours-folder-given-as-file"),
        pytest.param(
            lambda p: FIXTURES / "attachment_only.eml", ("no text body", "note.pdf"), id="ours-eml"
        ),
    ],
)
def test_unreadable_paths(tmp_path: Path, setup, words: tuple[str, ...]) -> None:
    path = setup(tmp_path)
    with pytest.raises(IngestError) as raised:
        read_document(path)
    assert raised.value.path == str(path)
    for word in words:
        assert word in raised.value.reason


def test_oversize_file_states_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Revenue rose 5%. " * 200, encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        read_document(path, max_bytes=1024)
    assert raised.value.reason == "too large: 3.3 KB (limit 1.0 KB)"


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"A" * 1023 + b".")
    assert read_document(path, max_bytes=1024).body.endswith("A.")


def test_encrypted_pdf_without_password_is_read_with_a_warning(tmp_path: Path) -> None:
    from test_ingest_support import encrypted_pdf

    path = tmp_path / "open.pdf"
    path.write_bytes(encrypted_pdf(user_password=""))
    document = read_document(path)
    assert "Orvia Telecom" in document.body
    assert any("encrypted" in w for w in document.warnings)


def test_empty_text_in_memory() -> None:
    with pytest.raises(IngestError, match=r"^<text>: empty"):
        document_from_text(" \n ")


def test_errors_survive_pickling() -> None:
    error = pickle.loads(pickle.dumps(IngestError("a.pdf", "encrypted PDF")))
    assert (error.path, error.reason, str(error)) == (
        "a.pdf",
        "encrypted PDF",
        "a.pdf: encrypted PDF",
    )


def test_batch_over_mixed_folder_keeps_every_good_document(tmp_path: Path) -> None:
    bad = write_bad_inputs(tmp_path)
    good = write_good_inputs(tmp_path)
    paths, errors = collect_article_paths([tmp_path], recursive=False)
    # A folder scan passes over report.docx; every other file is read one by one.
    assert errors == []
    assert tmp_path / "report.docx" not in paths
    documents: list[Document] = []
    failures: list[IngestError] = []
    for path in paths:
        try:
            documents.append(read_document(path))
        except IngestError as error:
            failures.append(error)
    assert sorted(d.path for d in documents) == sorted(str(p) for p in good)
    assert sorted(f.path for f in failures) == sorted(
        str(p) for p in bad if p.name != "report.docx"
    )
    for document in documents:
        phrase = good[Path(document.path)]
        assert phrase in document.body
        assert document.content_spans


def test_collect_expands_folders_sorted_and_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "A.md").write_text("A", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("H", encoding="utf-8")
    (tmp_path / "~$lock.txt").write_text("L", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.HTML").write_text("<p>C</p>", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.docx").write_bytes(b"PK")

    top, top_errors = collect_article_paths([tmp_path], recursive=False)
    assert [p.name for p in top] == ["A.md", "b.txt"]
    assert top_errors == []

    deep, deep_errors = collect_article_paths(
        [tmp_path, tmp_path / "b.txt", tmp_path / "nope.pdf", empty, tmp_path / "notes.docx"],
        recursive=True,
    )
    assert [p.relative_to(tmp_path).as_posix() for p in deep] == ["A.md", "b.txt", "sub/c.HTML"]
    assert [(Path(e.path).name, e.reason.split(" (")[0]) for e in deep_errors] == [
        ("nope.pdf", "not found"),
        ("empty", "no articles in folder or its subfolders"),
        ("notes.docx", "unsupported file type '.docx'"),
    ]

"""Reading articles never touches the network: with sockets patched to fail, ingest (and the
extraction after it) runs over every fixture, HTML pages full of remote resources included."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefing.ingest import IngestError, read_document
from test_ingest_support import write_bad_inputs, write_good_inputs


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def _read_everything(folder: Path) -> list[object]:
    write_good_inputs(folder)
    write_bad_inputs(folder)
    read: list[object] = []
    for path in sorted(folder.iterdir()):
        try:
            read.append(read_document(path))
        except IngestError as error:
            read.append(error)
    return read


def test_ingest_makes_no_network_calls(tmp_path: Path, no_network: list[str]) -> None:
    results = _read_everything(tmp_path)
    assert no_network == []
    assert sum(not isinstance(r, IngestError) for r in results) >= 10


def test_ingest_and_extraction_make_no_network_calls(tmp_path: Path, no_network: list[str]) -> None:
    try:
        from briefing.extract.engine import extract_document
    except ImportError as error:  # the extraction layer is built alongside; say so, don't fail
        pytest.skip(f"extraction engine not importable: {error}")
    documents = [r for r in _read_everything(tmp_path) if not isinstance(r, IngestError)]
    for document in documents:
        extract_document(document)  # type: ignore[arg-type]
    assert no_network == []

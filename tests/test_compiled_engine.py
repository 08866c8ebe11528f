"""The mypyc build of the engine (packaging/compile_engine.py).

`make compiled-check` runs this file and the quality tests with the compiled copy first on
the import path and ``BRIEFING_EXPECT_COMPILED=1``: then every compiled module must really
be an extension module, or the quality tests would silently measure the pure package.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]

_SPEC = importlib.util.spec_from_file_location(
    "compile_engine", PROJECT_ROOT / "packaging" / "compile_engine.py"
)
assert _SPEC is not None and _SPEC.loader is not None
compile_engine = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(compile_engine)

_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)
EXPECT_COMPILED = os.environ.get("BRIEFING_EXPECT_COMPILED") == "1"


def _module_names(package: Path) -> list[str]:
    return [
        "briefing." + path.removesuffix(".py").removeprefix("briefing/").replace("/", ".")
        for path in compile_engine.compiled_sources(package)
    ]


def test_compiled_sources_are_the_qt_free_rule_layers() -> None:
    sources = compile_engine.compiled_sources(PROJECT_ROOT / "desktop" / "briefing")
    assert "briefing/extract/engine.py" in sources
    assert "briefing/domain/model.py" in sources
    outside = ("briefing/cli", "briefing/ingest", "briefing/extract/vocab")
    assert not [source for source in sources if source.startswith(outside)]


def test_copy_package_leaves_no_caches_or_stale_builds(tmp_path: Path) -> None:
    stale = tmp_path / "out" / "briefing" / "old.so"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"")
    copied = compile_engine.copy_package(tmp_path / "out")
    assert (copied / "extract" / "engine.py").is_file()
    assert not list(copied.rglob("__pycache__")) and not list(copied.rglob("*.so"))


@pytest.mark.skipif(not EXPECT_COMPILED, reason="run by `make compiled-check` on the mypyc build")
def test_every_compiled_module_is_an_extension_module() -> None:
    package = Path(importlib.import_module("briefing").__file__ or "").parent
    loaded = {name: importlib.import_module(name).__file__ or "" for name in _module_names(package)}
    pure = sorted(name for name, file in loaded.items() if not file.endswith(_EXTENSIONS))
    assert loaded and not pure, f"not compiled: {pure} (sys.path[0:3] = {sys.path[:3]})"

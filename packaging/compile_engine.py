"""Build the compiled extraction engine: the Qt-free `domain` and `extract` layers compiled
to C extension modules with mypyc, in a copy of the package outside the source tree.

    .venv/bin/python packaging/compile_engine.py            # -> build/compiled/briefing
    PYTHONPATH=build/compiled .venv/bin/briefing extract resources/samples

Why mypyc: those layers are fully typed (mypy --strict), so mypyc compiles them unchanged
and the same rules run about a third faster (regex scanning, in C either way, is most of
what remains), with the same output (CI checks it). Why a copy:
an extension module next to its ``.py`` shadows it, so compiling in place would make every
later edit of the source invisible until the next build. The copy keeps the pure package
the one developers and tests use; the benchmark and the packaged app put the copy first on
``sys.path``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop" / "briefing"
# The layers worth compiling: pure rules over strings. Vocabulary modules are data read
# once at import, so compiling them would only lengthen the build.
COMPILED_GLOBS = ("domain/*.py", "extract/*.py")


def copy_package(target: Path) -> Path:
    """A fresh copy of the package under ``target``, without caches or old builds."""
    destination = target / "briefing"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(PACKAGE, destination, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    return destination


def compiled_sources(package: Path) -> list[str]:
    """Paths, relative to the package's parent, of the modules mypyc compiles."""
    return sorted(
        str(path.relative_to(package.parent))
        for pattern in COMPILED_GLOBS
        for path in package.glob(pattern)
    )


def build(target: Path, jobs: int) -> None:
    # Imported here: both come with the test extras, which the plain app does not need.
    from mypyc.build import mypycify
    from setuptools import setup

    package = copy_package(target)
    sources = compiled_sources(package)
    # Its own mypy settings: the project's pyproject.toml, found by walking up from the
    # build folder, points mypy at desktop/ and would type-check the source tree instead.
    config = target / "mypy.ini"
    config.write_text("[mypy]\npython_version = 3.11\nstrict = True\n", encoding="utf-8")
    previous = Path.cwd()
    os.chdir(target)
    try:
        setup(
            name="briefing-compiled-engine",
            ext_modules=mypycify(
                ["--config-file", str(config), *sources],
                opt_level="3",
                group_name="briefing_engine",
            ),
            script_args=["--quiet", "build_ext", "--inplace", "--parallel", str(jobs)],
        )
    finally:
        os.chdir(previous)
    shutil.rmtree(target / "build", ignore_errors=True)
    config.unlink()
    built = sorted(p.name for p in package.rglob("*.so"))
    print(f"compiled {len(sources)} modules into {target} ({len(built)} extension files)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "compiled")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    arguments = parser.parse_args(argv)
    build(arguments.out.resolve(), max(1, arguments.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main())

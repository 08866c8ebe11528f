"""The PyInstaller spec, the frozen entry script, the frozen-app locations of ``paths`` and
the file-change logic of ``packaging/check_frozen_app.py``: everything about packaging that
can be checked without building (``make package`` builds and runs the real app).

The spec is executed with stand-ins for PyInstaller's build classes that record what they
are given, so these tests need no PyInstaller and build nothing.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import briefing
from briefing import paths

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "investor-briefing.spec"

# What Analysis hands back in the stand-in: one entry the spec must drop and one it must
# keep of each kind (Linux names, as PyInstaller 6.22 collects them from PySide6 6.12).
MADE_UP_DATAS = [
    ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
    ("resources/samples/a.txt", "/x/a.txt", "DATA"),
]
MADE_UP_BINARIES = [
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "/x/libqvnc.so", "BINARY"),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", "/x/libqtuio.so", "BINARY"),
    ("PySide6/Qt/lib/libQt6Network.so.6", "/x/libQt6Network.so.6", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
    ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
]


class Recorded:
    """A PyInstaller build class's call: positional and keyword arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure: list[object] = []
        self.scripts: list[object] = []
        self.datas = list(MADE_UP_DATAS)
        self.binaries = list(MADE_UP_BINARIES)


def run_spec(workpath: Path, platform: str = sys.platform) -> dict[str, Any]:
    """The spec's globals after running it as PyInstaller would, with ``platform``."""
    calls: dict[str, Recorded] = {}

    def stand_in(name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> Recorded:
            calls[name] = Recorded(*args, **kwargs)
            return calls[name]

        return record

    namespace: dict[str, Any] = {
        name: stand_in(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    }
    namespace.update(SPECPATH=str(PACKAGING), workpath=str(workpath), BUILD_PLATFORM=platform)
    saved_path = list(sys.path)
    try:
        exec(compile(SPEC.read_bytes(), str(SPEC), "exec"), namespace)
    finally:
        sys.path[:] = saved_path
    namespace["calls"] = calls
    return namespace


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def linux_spec(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return run_spec(tmp_path_factory.mktemp("work"), "linux")


def test_the_spec_builds_the_entry_script_into_the_agreed_names(linux_spec: dict[str, Any]) -> None:
    calls = linux_spec["calls"]
    (scripts,) = calls["Analysis"].args
    assert [Path(script) for script in scripts] == [PACKAGING / "frozen_main.py"]
    assert "from briefing.cli.main import main" in (PACKAGING / "frozen_main.py").read_text()
    # Agreed with helper B and make package: build/package/dist/investor-briefing/investor-briefing.
    assert calls["EXE"].kwargs["name"] == calls["COLLECT"].kwargs["name"] == "investor-briefing"
    assert calls["EXE"].kwargs["exclude_binaries"] is True  # one folder, not one file
    assert calls["EXE"].kwargs["upx"] is False and calls["EXE"].kwargs["strip"] is False
    assert calls["EXE"].kwargs["console"] is True  # Linux: the CLI prints
    assert "BUNDLE" not in calls


def test_the_version_is_the_packages(linux_spec: dict[str, Any]) -> None:
    assert linux_spec["VERSION"] == briefing.__version__


def test_every_data_source_exists(linux_spec: dict[str, Any]) -> None:
    datas = linux_spec["calls"]["Analysis"].kwargs["datas"]
    missing = [source for source, _ in datas if not Path(source).exists()]
    assert missing == []


@pytest.mark.parametrize(
    ("source", "lookup"),
    [
        # briefing.paths: where the frozen app looks for what the spec bundles.
        (ROOT / "resources", lambda frozen: paths.resources_dir({}, frozen)),
        (ROOT / "README.md", lambda frozen: paths.readme_path({}, frozen)),
    ],
)
def test_the_app_finds_its_bundled_files_where_the_spec_puts_them(
    linux_spec: dict[str, Any], source: Path, lookup: Any
) -> None:
    frozen = Path("/opt/investor-briefing/_internal")
    destination = {Path(src): dest for src, dest in linux_spec["calls"]["Analysis"].kwargs["datas"]}
    placed = frozen / destination[source]
    expected = placed if source.is_dir() else placed / source.name
    assert lookup(frozen) == expected


def test_every_hidden_import_is_importable(linux_spec: dict[str, Any]) -> None:
    hidden = linux_spec["calls"]["Analysis"].kwargs["hiddenimports"]
    assert hidden, "the SVG backend is imported by name and must be listed"
    assert [name for name in hidden if importlib.util.find_spec(name) is None] == []


def test_no_excluded_module_is_imported_by_the_app(linux_spec: dict[str, Any]) -> None:
    excluded = set(linux_spec["calls"]["Analysis"].kwargs["excludes"])
    offenders = []
    for source in sorted((ROOT / "desktop" / "briefing").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                if name in excluded or name.split(".")[0] in excluded:
                    offenders.append(f"{source.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_unused_qt_files_are_dropped_and_the_rest_kept(linux_spec: dict[str, Any]) -> None:
    analysis = linux_spec["a"]
    assert [entry[0] for entry in analysis.datas] == ["resources/samples/a.txt"]
    assert [entry[0] for entry in analysis.binaries] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
    ]


def test_windows_gets_a_version_resource_and_an_icon(tmp_path: Path) -> None:
    exe = run_spec(tmp_path, "win32")["calls"]["EXE"].kwargs
    assert exe["console"] is False
    version_file = Path(exe["version"])
    assert version_file.parent == tmp_path  # the build folder, never the checkout
    major, minor, patch = (int(part) for part in briefing.__version__.split("."))
    assert f"filevers=({major}, {minor}, {patch}, 0)" in version_file.read_text(encoding="utf-8")
    assert exe["icon"].endswith(".ico") and Path(exe["icon"]).is_file()


def test_macos_gets_a_bundle_with_the_app_id(tmp_path: Path) -> None:
    calls = run_spec(tmp_path, "darwin")["calls"]
    bundle = calls["BUNDLE"].kwargs
    assert calls["EXE"].kwargs["console"] is False
    assert bundle["bundle_identifier"] == "org.investorbriefing.briefing"
    assert bundle["info_plist"]["CFBundleShortVersionString"] == briefing.__version__
    assert bundle["icon"].endswith(".icns") and Path(bundle["icon"]).is_file()
    assert list(tmp_path.iterdir()) == []  # no Windows version file


@pytest.mark.parametrize(
    ("environ", "frozen", "expected"),
    [
        # A frozen app: PyInstaller's one-folder layout keeps data in _internal/.
        ({}, Path("/opt/ib/_internal"), Path("/opt/ib/_internal/resources")),
        # BRIEFING_RESOURCES still wins, frozen or not.
        ({"BRIEFING_RESOURCES": "/r"}, Path("/opt/ib/_internal"), Path("/r")),
        # From source: beside desktop/.
        ({}, None, ROOT / "resources"),
    ],
)
def test_resources_frozen_or_not(
    environ: dict[str, str], frozen: Path | None, expected: Path
) -> None:
    assert paths.resources_dir(environ, frozen) == expected
    assert paths.readme_path(environ, frozen) == expected.parent / "README.md"


def test_the_tests_do_not_run_frozen() -> None:
    assert paths.frozen_root() is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        # Every command, the window included: the cache goes to the data folder.
        ([], Path("/d/cache/matplotlib")),
        (["export", "a.txt", "-o", "b.pdf"], Path("/d/cache/matplotlib")),
        # The smoke test never touches the user's profile: PyInstaller's temporary folder.
        (["--smoke-test"], None),
    ],
)
def test_matplotlib_cache_location(argv: list[str], expected: Path | None) -> None:
    assert load("frozen_main").matplotlib_cache_dir(argv, Path("/d")) == expected


BEFORE = {
    "data": ("dir", 1, 0),
    "tmp": ("dir", 1, 0),
    "config": ("dir", 1, 0),
    "config/investor-briefing": ("dir", 1, 0),
    "config/investor-briefing/x.ini": ("file", 1, 10),
    "home": ("dir", 1, 0),
    "home/old.txt": ("file", 1, 5),
}
AFTER = {
    **BEFORE,
    "data": ("dir", 2, 0),
    "data/investor-briefing": ("dir", 2, 0),
    "data/investor-briefing/library.sqlite3": ("file", 2, 4096),
    "data/investor-briefing-old": ("dir", 2, 0),  # a sibling whose name starts the same
    "tmp": ("dir", 2, 0),  # a temporary file came and went
    "config/investor-briefing/x.ini": ("file", 2, 12),
    "cache": ("dir", 2, 0),
    "cache/fontconfig": ("dir", 2, 0),
    "cache/fontconfig/abc-le64.cache-9": ("file", 2, 300),
}
del AFTER["home/old.txt"]
ALLOWED = ["data/investor-briefing", "config/investor-briefing", "outputs"]


def test_changes_between_snapshots() -> None:
    checker = load("check_frozen_app")
    found = {(c.path, c.what) for c in checker.changes(BEFORE, AFTER, folder_times=False)}
    assert found == {
        ("data/investor-briefing", "created"),
        ("data/investor-briefing/library.sqlite3", "created"),
        ("data/investor-briefing-old", "created"),
        ("config/investor-briefing/x.ini", "modified"),
        ("cache", "created"),
        ("cache/fontconfig", "created"),
        ("cache/fontconfig/abc-le64.cache-9", "created"),
        ("home/old.txt", "deleted"),
    }
    # The app's own folder must not change at all, folder times included.
    strict = {(c.path, c.what) for c in checker.changes(BEFORE, AFTER, folder_times=True)}
    assert strict - found == {("data", "modified"), ("tmp", "modified")}


def test_only_writes_outside_the_data_and_config_folders_are_reported() -> None:
    checker = load("check_frozen_app")
    found = checker.changes(BEFORE, AFTER, folder_times=False)
    assert [c.path for c in checker.outside(found, ALLOWED)] == [
        "cache",
        "cache/fontconfig",
        "cache/fontconfig/abc-le64.cache-9",
        "data/investor-briefing-old",
        "home/old.txt",
    ]


def test_snapshot_of_a_real_folder(tmp_path: Path) -> None:
    checker = load("check_frozen_app")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "f.txt").write_text("four", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a")
    taken = checker.snapshot(tmp_path)
    assert {path: entry[0] for path, entry in taken.items()} == {
        "a": "dir",
        "a/f.txt": "file",
        "link": "link",
    }
    assert taken["a/f.txt"][2] == 4


def test_the_check_runs_the_app_in_a_clean_environment(tmp_path: Path) -> None:
    developer = {
        "PATH": "/usr/bin",
        "BRIEFING_DATA_DIR": "/home/dev/data",
        "PYTHONPATH": "/work",
        "MPLCONFIGDIR": "/home/dev/.mpl",
        "DISPLAY": ":0",
    }
    environment = load("check_frozen_app").clean_environment(tmp_path, developer)
    assert environment["PATH"] == "/usr/bin"
    assert environment["QT_QPA_PLATFORM"] == "offscreen"
    leaked = {"BRIEFING_DATA_DIR", "PYTHONPATH", "MPLCONFIGDIR", "DISPLAY"} & environment.keys()
    assert leaked == set()
    folders = {key: value for key, value in environment.items() if key not in {"PATH", "LANG"}}
    folders.pop("QT_QPA_PLATFORM")
    assert sorted(folders) == sorted(
        ["HOME", "TMPDIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"]
    )
    assert all(Path(value).is_relative_to(tmp_path) for value in folders.values())

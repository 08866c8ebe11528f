"""packaging/linux/install.sh: a built one-folder app installed into a staging folder
(DESTDIR), where its files land, and --uninstall taking back exactly those."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
INSTALL_SH = PROJECT_ROOT / "packaging" / "linux" / "install.sh"
APP_ID = "org.investorbriefing.briefing"
ICON_THEME = PROJECT_ROOT / "resources" / "icons" / "hicolor"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="install.sh needs bash")


def run_install(
    *arguments: str | Path, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HOME": str(home)} if home else None
    return subprocess.run(
        ["bash", str(INSTALL_SH), *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=environment,
    )


@pytest.fixture
def app_folder(tmp_path: Path) -> Path:
    """A stand-in for dist/investor-briefing: the executable (a script that says what it
    was given) and a library beside it, as PyInstaller's one-folder layout has."""
    folder = tmp_path / "dist" / "investor-briefing"
    (folder / "_internal").mkdir(parents=True)
    executable = folder / "investor-briefing"
    executable.write_text('#!/bin/sh\necho "investor-briefing ran with: $*"\n', encoding="utf-8")
    executable.chmod(0o755)
    (folder / "_internal" / "libexample.so").write_bytes(b"\x7fELF stand-in")
    return folder


def files_under(root: Path) -> set[str]:
    """Every file and symlink under ``root``, relative to it."""
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() or path.is_symlink()
    }


def expected_files(prefix: str) -> set[str]:
    """What the script's header documents, for PREFIX ``prefix`` (without its leading /)."""
    icons = {
        f"{prefix}/share/icons/hicolor/{path.relative_to(ICON_THEME).as_posix()}"
        for path in ICON_THEME.rglob(f"{APP_ID}.*")
    }
    return {
        f"{prefix}/lib/investor-briefing/investor-briefing",
        f"{prefix}/lib/investor-briefing/_internal/libexample.so",
        f"{prefix}/lib/investor-briefing/.install-manifest",
        f"{prefix}/bin/investor-briefing",
        f"{prefix}/share/applications/{APP_ID}.desktop",
        f"{prefix}/share/metainfo/{APP_ID}.metainfo.xml",
        *icons,
    }


def test_files_land_where_documented(tmp_path: Path, app_folder: Path) -> None:
    stage = tmp_path / "stage"
    result = run_install("--destdir", stage, "--prefix", "/usr", app_folder)
    assert result.returncode == 0, result.stderr
    assert files_under(stage) == expected_files("usr")
    # Every theme size and the scalable drawing (what render_icons.py writes).
    assert len([f for f in files_under(stage) if "/icons/hicolor/" in f]) == 9
    desktop = (stage / "usr/share/applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Exec=/usr/bin/investor-briefing %F" in desktop.splitlines()
    assert "TryExec=/usr/bin/investor-briefing" in desktop.splitlines()


def test_bin_link_runs_the_installed_executable(tmp_path: Path, app_folder: Path) -> None:
    stage = tmp_path / "stage"
    assert run_install("--destdir", stage, "--prefix", "/usr", app_folder).returncode == 0
    link = stage / "usr" / "bin" / "investor-briefing"
    assert link.is_symlink()
    # Relative, so it works inside the staging folder and once packaged.
    assert not os.readlink(link).startswith("/")
    assert link.resolve() == (stage / "usr/lib/investor-briefing/investor-briefing").resolve()
    ran = subprocess.run([str(link), "a.pdf"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "investor-briefing ran with: a.pdf"


def test_uninstall_removes_exactly_what_was_installed(tmp_path: Path, app_folder: Path) -> None:
    stage = tmp_path / "stage"
    # Someone else's files in the same folders must survive.
    theirs = stage / "usr" / "share" / "applications" / "other.desktop"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[Desktop Entry]\n", encoding="utf-8")
    before = files_under(stage)
    assert run_install("--destdir", stage, "--prefix", "/usr", app_folder).returncode == 0
    assert files_under(stage) == before | expected_files("usr")
    result = run_install("--destdir", stage, "--prefix", "/usr", "--uninstall")
    assert result.returncode == 0, result.stderr
    assert files_under(stage) == before
    # Folders it created are gone; the one that was there stays.
    assert not (stage / "usr" / "lib").exists()
    assert not (stage / "usr" / "share" / "icons").exists()
    assert theirs.parent.is_dir()


def test_installing_again_replaces_the_first_copy(tmp_path: Path, app_folder: Path) -> None:
    stage = tmp_path / "stage"
    assert run_install("--destdir", stage, "--prefix", "/opt/ib", app_folder).returncode == 0
    (app_folder / "_internal" / "libexample.so").unlink()
    (app_folder / "_internal" / "libnew.so").write_bytes(b"new")
    result = run_install("--destdir", stage, "--prefix", "/opt/ib", app_folder)
    assert result.returncode == 0, result.stderr
    assert "replacing" in result.stdout
    expected = expected_files("opt/ib") - {"opt/ib/lib/investor-briefing/_internal/libexample.so"}
    assert files_under(stage) == expected | {"opt/ib/lib/investor-briefing/_internal/libnew.so"}
    assert run_install("--destdir", stage, "--prefix", "/opt/ib", "--uninstall").returncode == 0
    assert files_under(stage) == set()


def test_the_app_folders_own_resources_win(tmp_path: Path, app_folder: Path) -> None:
    # A frozen app carries resources/ in _internal/ (paths.resources_dir): installed from a
    # copied dist/ folder, its own .desktop file and icons belong to that build.
    bundled = app_folder / "_internal" / "resources"
    shutil.copytree(PROJECT_ROOT / "resources" / "linux", bundled / "linux")
    shutil.copytree(ICON_THEME, bundled / "icons" / "hicolor")
    metainfo = bundled / "linux" / f"{APP_ID}.metainfo.xml"
    metainfo.write_text(metainfo.read_text(encoding="utf-8") + "<!-- this build -->\n", "utf-8")
    stage = tmp_path / "stage"
    result = run_install("--destdir", stage, "--prefix", "/usr", app_folder)
    assert result.returncode == 0, result.stderr
    installed = stage / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert installed.read_bytes() == metainfo.read_bytes()


def test_default_prefix_depends_on_who_installs(tmp_path: Path, app_folder: Path) -> None:
    stage, home = tmp_path / "stage", tmp_path / "home" / "ann"
    result = run_install("--destdir", stage, app_folder, home=home)
    assert result.returncode == 0, result.stderr
    # root installs for everyone, anyone else for themselves
    prefix = "usr/local" if os.geteuid() == 0 else f"{home.as_posix().lstrip('/')}/.local"
    assert files_under(stage) == expected_files(prefix)


def test_refuses_to_overwrite_a_file_it_did_not_install(tmp_path: Path, app_folder: Path) -> None:
    stage = tmp_path / "stage"
    foreign = stage / "usr" / "bin" / "investor-briefing"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("someone else's", encoding="utf-8")
    result = run_install("--destdir", stage, "--prefix", "/usr", app_folder)
    assert result.returncode != 0
    assert "was not installed by this script" in result.stderr
    assert files_under(stage) == {"usr/bin/investor-briefing"}
    assert foreign.read_text(encoding="utf-8") == "someone else's"


def test_a_failed_install_is_undone(tmp_path: Path, app_folder: Path) -> None:
    stage = tmp_path / "stage"
    # A file where a folder must go: the install fails half-way, after the app is copied.
    blocker = stage / "usr" / "share" / "metainfo"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("not a folder", encoding="utf-8")
    result = run_install("--destdir", stage, "--prefix", "/usr", app_folder)
    assert result.returncode != 0
    assert "undoing" in result.stderr
    assert files_under(stage) == {"usr/share/metainfo"}
    assert not (stage / "usr" / "lib").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        # the usage line: an app folder that holds the executable, an absolute prefix
        (["--prefix", "/usr", "{empty}"], "holds no executable 'investor-briefing'"),
        (["--prefix", "/usr", "{missing}"], "app folder not found"),
        (["--prefix", "relative/path", "{app}"], "must be an absolute path"),
        (["--prefix", "/opt/a$b", "{app}"], "character the menu entry cannot name"),
        (["--prefix", "/usr", "--uninstall"], "nothing to uninstall"),
        (["--prefix", "/usr"], "no app folder given"),
        (["--bogus", "{app}"], "unknown option"),
    ],
)
def test_bad_usage_is_refused_with_a_reason(
    tmp_path: Path, app_folder: Path, arguments: list[str], message: str
) -> None:
    (tmp_path / "empty").mkdir()
    places = {"{empty}": tmp_path / "empty", "{missing}": tmp_path / "nope", "{app}": app_folder}
    stage = tmp_path / "stage"
    result = run_install("--destdir", stage, *[str(places.get(a, a)) for a in arguments])
    assert result.returncode != 0
    assert message in result.stderr
    assert files_under(stage) == set()


def test_install_script_is_shellcheck_clean() -> None:
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck not installed")
    result = subprocess.run(
        ["shellcheck", str(INSTALL_SH)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout

"""Check the built one-folder app as a new user would run it (``make package`` runs this).

    python packaging/check_frozen_app.py build/package/dist/investor-briefing/investor-briefing

Every run of the app gets a throw-away root holding its HOME, XDG data/config/cache
folders and TMPDIR, an environment with nothing of the developer's (no ``BRIEFING_*``, no
``PYTHONPATH``, no display: ``QT_QPA_PLATFORM=offscreen``) and, where possible, no network
at all (``unshare --net``). It runs ``--version``, ``extract`` on the bundled samples (one
process, then two workers), ``export`` of a briefing PDF (read back with the build venv's
pypdf) and ``--smoke-test``; then it lists every file created or modified under the root
and fails on any outside the app's data and config folders (and the outputs it asked for),
and on any change inside the app's own folder. Exit 0 only when everything held.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_FOLDER = "investor-briefing"  # briefing.paths.APP_FOLDER, in XDG data and config
SMOKE_TEST_OPTION = "--smoke-test"
COMMAND_TIMEOUT_S = 900.0  # the smoke test takes 20-40 s on CI's shared 2 cores
MIN_PDF_PAGES = 3

# (kind, modification time in ns, size) of one entry; kind is "file", "dir" or "link".
Entry = tuple[str, int, int]
Snapshot = dict[str, Entry]


@dataclass(frozen=True)
class Change:
    path: str  # relative to the snapshot's root, with "/"
    what: str  # "created", "modified" or "deleted"
    kind: str
    size: int

    def __str__(self) -> str:
        return f"{self.what} {self.kind} {self.path} ({self.size} bytes)"


def snapshot(root: Path) -> Snapshot:
    """Every entry under ``root`` (not following links), by relative path."""
    entries: Snapshot = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            info = path.lstat()
            kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
            entries[path.relative_to(root).as_posix()] = (kind, info.st_mtime_ns, info.st_size)
    return entries


def changes(before: Snapshot, after: Snapshot, folder_times: bool) -> list[Change]:
    """What differs between two snapshots, sorted by path. A folder whose only difference
    is its time (an entry made and removed inside it, like a temporary file) counts only
    when ``folder_times``: the app's own folder must not change at all, while the user's
    TMPDIR may be used and cleaned up."""
    found: list[Change] = []
    for path in sorted(before.keys() | after.keys()):
        old, new = before.get(path), after.get(path)
        if old is None and new is not None:
            found.append(Change(path, "created", new[0], new[2]))
        elif new is None and old is not None:
            found.append(Change(path, "deleted", old[0], old[2]))
        elif old != new and old is not None and new is not None:
            if new[0] == "dir" and old[0] == "dir" and not folder_times:
                continue
            found.append(Change(path, "modified", new[0], new[2]))
    return found


def outside(found: Sequence[Change], allowed: Sequence[str]) -> list[Change]:
    """The changes that are not inside (or one of) the ``allowed`` relative folders."""
    return [
        change
        for change in found
        if not any(change.path == top or change.path.startswith(top + "/") for top in allowed)
    ]


def clean_environment(root: Path, inherited: Mapping[str, str]) -> dict[str, str]:
    """A new user's environment inside ``root``: built from nothing, so no ``BRIEFING_*``,
    ``PYTHONPATH``, ``MPLCONFIGDIR`` or display of the developer's leaks in; only ``PATH``
    is kept (the app starts no program, but a shell-less lookup of one must not fail)."""
    return {
        "PATH": inherited.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "HOME": str(root / "home"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "TMPDIR": str(root / "tmp"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def package_version(init_file: Path) -> str:
    tree = ast.parse(init_file.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise ValueError(f"no __version__ in {init_file}")


def network_isolation() -> tuple[list[str], str]:
    """The command prefix that takes the network away, and a sentence saying what holds."""
    unshare = shutil.which("unshare")
    if unshare is None or os.geteuid() != 0:
        return [], "ran WITH network access (needs root and util-linux's unshare)"
    probe = subprocess.run([unshare, "--net", "--", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        reason = probe.stderr.decode(errors="replace").strip()
        return [], f"ran WITH network access (unshare --net failed: {reason})"
    return [unshare, "--net", "--"], "ran in a network namespace of its own (no network)"


class Checker:
    def __init__(self, app: Path, root: Path, prefix: Sequence[str]) -> None:
        self.app, self.root, self.prefix = app, root, list(prefix)
        self.environment = clean_environment(root, os.environ)
        self.outputs = root / "outputs"
        self.failures: list[str] = []
        self.timings: list[tuple[str, float]] = []

    def run(self, label: str, *arguments: str) -> subprocess.CompletedProcess[str] | None:
        started = time.monotonic()
        try:
            done = subprocess.run(
                [*self.prefix, str(self.app), *arguments],
                env=self.environment,
                cwd=self.root / "home",
                capture_output=True,
                text=True,
                timeout=COMMAND_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.failures.append(f"{label}: no answer after {COMMAND_TIMEOUT_S:.0f} s")
            return None
        self.timings.append((label, time.monotonic() - started))
        if done.returncode != 0:
            tail = "\n    ".join(done.stderr.strip().splitlines()[-8:])
            self.failures.append(f"{label}: exit {done.returncode}\n    {tail}")
            return None
        return done

    def check(self, condition: bool, failure: str) -> None:
        if not condition:
            self.failures.append(failure)


def bundled_resources(app: Path) -> Path:
    """resources/ inside the app: _internal/ (one folder), or Contents/Resources (macOS)."""
    for candidate in (
        app.parent / "_internal" / "resources",
        app.parent.parent / "Resources" / "resources",
    ):
        if candidate.is_dir():
            return candidate
    raise SystemExit(f"no bundled resources/ beside {app}")


def run_checks(checker: Checker, resources: Path, version: str) -> None:
    shown = checker.run("--version", "--version")
    if shown is not None:
        checker.check(
            shown.stdout.startswith(f"briefing {version} "),
            f"--version printed {shown.stdout.strip()!r}, expected version {version}",
        )

    samples = sorted(p for p in (resources / "samples").iterdir() if not p.name.startswith("."))
    extracted: list[str] = []
    for jobs in ("1", "2"):
        target = checker.outputs / f"extract-jobs{jobs}.json"
        label = f"extract ({jobs} process{'es' if jobs != '1' else ''})"
        arguments = ["extract", str(resources / "samples"), "--jobs", jobs, "-o", str(target)]
        if checker.run(label, *arguments) is None:
            continue
        try:
            text = target.read_text(encoding="utf-8")
            articles = json.loads(text)["articles"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            checker.failures.append(f"{label}: no extraction JSON in {target.name} ({error!r})")
            continue
        checker.check(
            len(articles) == len(samples),
            f"{label}: {len(articles)} articles from {len(samples)} bundled samples",
        )
        extracted.append(text)
    checker.check(
        len(set(extracted)) <= 1, "extract: 1 process and 2 workers gave different output"
    )

    pdf = checker.outputs / "alibaba.pdf"
    alibaba = [str(p) for p in samples if p.name.startswith("alibaba_")]
    if checker.run("export", "export", *alibaba, "--company", "Alibaba", "-o", str(pdf)):
        from pypdf import PdfReader  # the build venv's, not the frozen app's

        try:
            pages = len(PdfReader(pdf).pages)
        except Exception as error:  # a missing or broken file: whatever pypdf raises
            checker.failures.append(f"export: pypdf cannot read {pdf.name} ({error!r})")
        else:
            checker.check(pages >= MIN_PDF_PAGES, f"export: {pdf.name} has {pages} pages")

    help_text = checker.run("--help", "--help")
    if help_text is not None and SMOKE_TEST_OPTION not in help_text.stdout:
        print(f"note: this build has no {SMOKE_TEST_OPTION} yet; smoke test skipped")
    elif help_text is not None:
        checker.run("--smoke-test", SMOKE_TEST_OPTION)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", type=Path, help="the frozen app's executable")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away root")
    args = parser.parse_args(argv)
    app = args.app.resolve()
    if not app.is_file():
        parser.error(f"{app} does not exist (run make package)")
    app_folder = app.parent if app.parent.name != "MacOS" else app.parents[2]
    resources = bundled_resources(app)
    version = package_version(ROOT / "desktop" / "briefing" / "__init__.py")
    prefix, network_note = network_isolation()

    root = Path(tempfile.mkdtemp(prefix="briefing-frozen-check-"))
    for folder in ("home", "data", "config", "cache", "tmp", "outputs"):
        (root / folder).mkdir()
    checker = Checker(app, root, prefix)
    app_before, root_before = snapshot(app_folder), snapshot(root)
    started = time.monotonic()
    run_checks(checker, resources, version)
    elapsed = time.monotonic() - started

    app_changes = changes(app_before, snapshot(app_folder), folder_times=True)
    written = changes(root_before, snapshot(root), folder_times=False)
    allowed = [f"data/{APP_FOLDER}", f"config/{APP_FOLDER}", "outputs"]
    for change in outside(written, allowed):
        # fontconfig (a system library, not ours) writes there when the system's font cache
        # is older than the fonts: the machine's fix is `fc-cache -s` as root.
        hint = " (fontconfig: the system's cache is stale)" if "fontconfig" in change.path else ""
        checker.failures.append(f"wrote outside the data and config folders: {change}{hint}")
    for change in app_changes:
        checker.failures.append(f"changed the app's own folder: {change}")

    size, count = folder_size(app_folder)
    print(f"frozen app: {app_folder} ({size / 1e6:.0f} MB in {count} files), version {version}")
    print(f"network: {network_note}" + ("" if prefix else "; only the smoke test guards it"))
    for label, seconds in checker.timings:
        print(f"  {label:<24} {seconds:6.1f} s")
    print(f"  {'all runs':<24} {elapsed:6.1f} s")
    print(f"files written under the throw-away root ({root}):")
    for change in written:
        if change.kind != "dir" and not change.path.startswith("outputs/"):
            print(f"  {change.what:<8} {change.path} ({change.size} bytes)")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    if checker.failures:
        print("FAILED:\n  " + "\n  ".join(checker.failures), file=sys.stderr)
        return 1
    print("frozen app check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

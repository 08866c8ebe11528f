"""Desktop window speed and memory with a 1,000-article library, offscreen; see README.md.

    .venv/bin/python benchmarks/gui_speed.py                 # import 1,000, start-up x3
    .venv/bin/python benchmarks/gui_speed.py -n 300 --repeat 5 --keep /tmp/gui.sqlite3
    .venv/bin/python benchmarks/gui_speed.py --library /tmp/gui.sqlite3 --profile

Each figure comes from a fresh child process (this script with ``--child-import`` or
``--child-startup``) with a temporary ``BRIEFING_DATA_DIR``. It is a report: exit status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from generate_corpus import DEFAULT_DIR, write_corpus

START, STALL, RSS = 1.5, 100.0, 500.0  # goals: seconds to populated, ms of stall, MB of RSS
TICK_MS = 10
SETTLED_GAP_S = 0.015  # a tick this close to the last one: nothing else ran in between
RESULT_PREFIX = "gui_speed: "
POPULATED_LINE = "gui_speed populated"
CHILD_TIMEOUT_S = 600


# -- in the child processes ---------------------------------------------------------------


def seconds_since_process_start() -> float:
    """This process's age by the kernel's clock (10 ms resolution), interpreter start
    included; falls back to the time since this module started off Linux."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22, starttime
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, IndexError, ValueError, AttributeError):
        return time.perf_counter() - _MODULE_STARTED


_MODULE_STARTED = time.perf_counter()


def _usage() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def _report(figures: dict[str, Any]) -> None:
    print(RESULT_PREFIX + json.dumps(figures), flush=True)


def _give_up_after(seconds: float) -> None:
    """End the child if the window never gets there (a modal error dialog would wait)."""
    from PySide6.QtCore import QTimer

    def give_up() -> None:
        _report({"error": f"no figures after {seconds:.0f} s"})
        os._exit(1)

    QTimer.singleShot(int(seconds * 1000), give_up)


def child_startup(library: Path, profile: Path | None) -> int:
    """``briefing --library LIB`` until the window is populated; prints the figures."""
    marks: dict[str, float] = {"script": time.perf_counter() - _MODULE_STARTED}
    age_at_script = seconds_since_process_start()
    profiler = _ThreadProfiles() if profile is not None else None
    if profiler is not None:
        profiler.main.enable()
    from briefing.cli.main import start_window

    # What ``briefing --library LIB`` does (cli.main.run_window), step by step, so that the
    # window can be watched: the library read starts before Qt is imported.
    gui_app, reading = start_window(library)

    marks["qt_imported"] = time.perf_counter() - _MODULE_STARTED
    original = gui_app.create_main_window

    def create_and_watch(context: Any) -> Any:
        if profiler is not None:
            context.tasks.start = profiler.wrap_start(context.tasks.start)
        marks["context"] = time.perf_counter() - _MODULE_STARTED
        window: Any = original(context)
        marks["window_built"] = time.perf_counter() - _MODULE_STARTED
        _give_up_after(CHILD_TIMEOUT_S)
        window.workspace_loaded.connect(
            lambda: marks.setdefault("workspace_loaded", time.perf_counter() - _MODULE_STARTED)
        )
        window.company_shown.connect(lambda company: populated(window, company))
        return window

    def populated(window: Any, company: str) -> None:
        marks["company_shown"] = time.perf_counter() - _MODULE_STARTED
        window.repaint()  # the populated window painted once, synchronously
        painted = time.perf_counter()
        marks["painted"] = painted - _MODULE_STARTED
        age = seconds_since_process_start()
        print(POPULATED_LINE, flush=True)  # the parent's wall clock stops here
        figures: dict[str, Any] = {"since_process_start_s": age, "before_script_s": age_at_script}
        figures |= {"articles_listed": window.library_panel.table().model().total_rows()}
        figures |= {"company": company, "populated": _usage()}

        def settled(at: float, stall: float, stall_at: float) -> None:
            marks["settled"] = at - _MODULE_STARTED
            figures["settled_s"] = age + at - painted
            figures["stall_after_s"] = stall
            _report(figures | {"marks": marks} | _usage())
            window.close()

        def charts_shown() -> None:
            marks["charts_shown"] = time.perf_counter() - _MODULE_STARTED
            figures["charts_s"] = age + time.perf_counter() - painted
            watcher.when_settled(settled)

        watcher.start(painted)
        after_charts(window, company, charts_shown)

    watcher = StallWatcher()
    gui_app.create_main_window = create_and_watch
    status = gui_app.run_app(sys.argv[:1], library=library, first_reading=reading)
    if profiler is not None and profile is not None:
        profiler.main.disable()
        profiler.dump(profile)
    return status


def after_charts(window: Any, company: str, then: Any) -> None:
    """Call ``then()`` once the charts of ``company`` have followed its tables (at once
    for all companies, which have none)."""
    if not company:
        then()
        return

    def shown(charted: str) -> None:
        if charted == company:
            window.charts_shown.disconnect(shown)
            then()

    window.charts_shown.connect(shown)


class StallWatcher:
    """A 10 ms timer on the GUI thread: the longest gap between its ticks is the longest
    stall; the GUI thread has settled once two ticks in a row come on time."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.start(time.perf_counter())
        self.timer.stop()

    def start(self, now: float, on_settled: Any = None) -> None:
        """Measure from ``now``; with ``on_settled``, call it once the thread is idle."""
        self.last = self.started = self.longest_at = now
        self.longest = 0.0
        self.when_settled(on_settled)
        self.timer.start()

    def when_settled(self, on_settled: Any) -> None:
        """Call ``on_settled(at, longest, longest_at)`` once two ticks after this call
        came on time (work queued before the call, such as chart draws, has run)."""
        self._on_settled = on_settled
        self._since_request = 0

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        if gap > self.longest:
            self.longest, self.longest_at = gap, self.last - self.started
        on_time = gap <= SETTLED_GAP_S and self._since_request > 0
        self.last = now
        self._since_request += 1
        if on_time and self._on_settled is not None:
            self.timer.stop()
            callback, self._on_settled = self._on_settled, None
            callback(now - gap, self.longest, self.longest_at)


class _ThreadProfiles:
    """cProfile of the GUI thread and of every background task (cProfile sees one thread)."""

    def __init__(self) -> None:
        import cProfile

        self._profile = cProfile.Profile
        self.main = cProfile.Profile()
        self.workers: list[Any] = []

    def wrap_start(self, start: Any) -> Any:
        def profiled_start(work: Any, **callbacks: Any) -> Any:
            def profiled(control: Any) -> Any:
                profile = self._profile()
                self.workers.append(profile)
                return profile.runcall(work, control)

            return start(profiled, **callbacks)

        return profiled_start

    def dump(self, folder: Path) -> None:
        import pstats

        for name, profiles in (("gui", [self.main]), ("workers", self.workers)):
            if profiles:
                stats = pstats.Stats(profiles[0])
                for other in profiles[1:]:
                    stats.add(other)
                stats.dump_stats(folder / f"{name}.pstats")


def child_import(folder: Path, library: Path) -> int:
    """Open the window on an empty library, add ``folder`` as the menu does, time it."""
    from briefing.gui.app import build_context, create_application, create_main_window
    from briefing.gui.settings import THEME
    from briefing.gui.theme import apply_theme

    app = create_application([sys.argv[0]])
    context = build_context(app, library)
    apply_theme(app, context.settings.get(THEME))
    window: Any = create_main_window(context)
    window.show()
    figures: dict[str, Any] = {}
    state: dict[str, Any] = {"phase": "opening", "started": 0.0}
    watcher = StallWatcher()

    def shown(company: str) -> None:
        if state["phase"] == "opening":
            state["phase"] = "importing"
            figures["cpu_before_s"] = _usage()["cpu_s"]
            state["started"] = time.perf_counter()
            watcher.start(state["started"])
            window.add_files([folder])
        elif state["phase"] == "reloading":
            figures["until_shown_s"] = time.perf_counter() - state["started"]
            figures["company"] = company
            figures["articles_listed"] = window.library_panel.table().model().total_rows()
            after_charts(window, company, lambda: watcher.when_settled(settled))

    def settled(at: float, stall: float, stall_at: float) -> None:
        figures["until_settled_s"] = at - state["started"]
        figures["stall_settled_s"] = stall
        figures["stall_settled_at_s"] = stall_at
        _report(figures | _usage())
        window.close()

    def finished(summary: Any) -> None:
        watcher.tick()
        figures["import_s"] = time.perf_counter() - state["started"]
        figures["stall_import_s"] = watcher.longest
        figures["stall_import_at_s"] = watcher.longest_at
        figures["added"] = len(summary.added)
        figures["failed"] = len(summary.failed)
        state["phase"] = "reloading"

    def failed(message: str) -> None:
        _report({"error": f"the import failed: {message}"})
        window.close()

    window.company_shown.connect(shown)
    window.imports.import_finished.connect(finished)
    window.imports.import_failed.connect(failed)
    _give_up_after(CHILD_TIMEOUT_S)
    status = app.exec()
    context.tasks.shutdown()
    return status


# -- in the parent --------------------------------------------------------------------------


def corpus_folder(source: Path, count: int, into: Path) -> Path:
    """A folder holding exactly the first ``count`` corpus articles (written if missing)."""
    files = sorted(source.glob("article_*.txt")) if source.is_dir() else []
    if len(files) < count:
        print(f"generating {count} articles in {source} ...", file=sys.stderr)
        files = write_corpus(source, count)
    into.mkdir(parents=True)
    for path in files[:count]:
        shutil.copyfile(path, into / path.name)
    return into


def run_child(args: list[str], data_dir: Path) -> tuple[dict[str, Any], float]:
    """Run this script as a child; its figures and the wall time until it printed them."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg")
    env["BRIEFING_DATA_DIR"] = str(data_dir)
    env.pop("BRIEFING_LIBRARY", None)
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    figures: dict[str, Any] = {"error": "it printed no figures"}
    wall = 0.0
    # Qt's offscreen warnings and the log go to a file, shown only when the child fails.
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        with subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        ) as child:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith(POPULATED_LINE):
                    wall = time.perf_counter() - started
                elif line.startswith(RESULT_PREFIX):
                    wall = wall or time.perf_counter() - started
                    figures = json.loads(line[len(RESULT_PREFIX) :])
                    child.stdout.read()
                    break
            child.wait(CHILD_TIMEOUT_S)
        if "error" in figures or child.returncode:
            errors.seek(0)
            tail = "".join(errors.readlines()[-25:])
            raise SystemExit(
                f"{tail}\nchild {args[0]} failed (exit {child.returncode}): {figures.get('error')}"
            )
    return figures, wall


def compile_package() -> None:
    """Byte-compile the ``briefing`` package, as installing it does (pip, the frozen app).

    Without it a machine with PYTHONDONTWRITEBYTECODE set (as some CI images) compiles
    every module from source at each start, 0.1-0.2 s that no installed copy pays."""
    import compileall

    import briefing

    compileall.compile_dir(Path(briefing.__file__).parent, quiet=1)


def print_profile(folder: Path, lines: int) -> None:
    import pstats

    for name in ("gui", "workers"):
        path = folder / f"{name}.pstats"
        if path.exists():
            print(f"\ncProfile of one start-up, {name} thread(s), top {lines} by cumulative time:")
            stats = pstats.Stats(str(path), stream=sys.stdout)
            stats.sort_stats("cumulative").print_stats(lines)


Row = tuple[str, list[float], str, float | None]  # figure, values, unit, goal (upper bound)


def _text(values: list[float], unit: str) -> str:
    """One value, or the best and the median of several ("3.12 / 3.24 s")."""
    digits = 2 if unit == "s" else 0
    shown = [min(values)] + ([statistics.median(values)] if len(values) > 1 else [])
    return " / ".join(f"{value:.{digits}f}" for value in shown) + f" {unit}"


def table_rows(starts: list[tuple[dict[str, Any], float]], imported: dict[str, Any]) -> list[Row]:
    def each(key: str, scale: float = 1.0) -> list[float]:
        return [scale * figures[key] for figures, _ in starts]

    def one(key: str, scale: float = 1.0) -> list[float]:
        return [scale * imported[key]]

    walls, cpus = [w for _, w in starts], [f["populated"]["cpu_s"] for f, _ in starts]
    rows: list[Row] = [
        (f"start-up to populated, parent wall, best/median of {len(walls)}", walls, "s", START),
        ("start-up to populated, child's clock", each("since_process_start_s"), "s", START),
        ("start-up CPU to populated (all threads)", cpus, "s", None),
        ("start-up until the charts are built", each("charts_s"), "s", None),
        ("start-up until the GUI thread is idle after them", each("settled_s"), "s", None),
        (
            "longest GUI stall after populated, charts arriving",
            each("stall_after_s", 1000),
            "ms",
            STALL,
        ),
        ("peak RSS, company shown and charts drawn", [max(each("rss_mb"))], "MB", RSS),
    ]
    if imported:
        cpu = imported["cpu_s"] - imported["cpu_before_s"]
        rows += [
            (f"import of {imported['added']}: until import_finished", one("import_s"), "s", None),
            ("longest GUI stall during the import", one("stall_import_s", 1000), "ms", STALL),
            ("import + reload until company shown", one("until_shown_s"), "s", None),
            (
                "longest GUI stall, import + reload + draws",
                one("stall_settled_s", 1000),
                "ms",
                STALL,
            ),
            ("import process CPU", [cpu], "s", None),
            ("import process peak RSS", one("rss_mb"), "MB", None),
        ]
    return rows


def report(imported: dict[str, Any], starts: list[tuple[dict[str, Any], float]]) -> None:
    print(f"| {'figure':<52} | {'value':>16} | {'goal':>9} |      |")
    print(f"|{'-' * 54}|{'-' * 17}:|{'-' * 10}:|------|")
    for figure, values, unit, goal in table_rows(starts, imported):
        goal_text = "" if goal is None else f"< {goal:g} {unit}"
        verdict = "" if goal is None else ("PASS" if min(values) < goal else "MISS")
        print(f"| {figure:<52} | {_text(values, unit):>16} | {goal_text:>9} | {verdict:<4} |")
    first = starts[0][0]
    marks = ", ".join(f"{name} {seconds:.2f}" for name, seconds in first["marks"].items())
    print(
        f"\nfirst start-up, seconds since the script began (the interpreter ran "
        f"{first['before_script_s']:.2f} s before it): {marks}; "
        f"{first['articles_listed']} articles listed, company {first['company'] or 'all'!r}"
    )
    if imported:
        print(
            f"import: {imported['added']} added, {imported['failed']} failed; longest stall "
            f"{imported['stall_import_at_s']:.1f} s after add_files (import), "
            f"{imported['stall_settled_at_s']:.1f} s (with reload); shown "
            f"{imported['company'] or 'all'!r} with {imported['articles_listed']} articles"
        )


def copy_library(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup (a plain copy could miss the WAL)."""
    with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(target)) as new:
        old.backup(new)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=1000, help="articles to import")
    parser.add_argument("--repeat", type=int, default=3, help="start-ups measured")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--keep", type=Path, help="copy the imported library here")
    parser.add_argument("--library", type=Path, help="start up on a copy of this library")
    parser.add_argument("--profile", action="store_true", help="cProfile one more start-up")
    parser.add_argument("--profile-lines", type=int, default=15)
    parser.add_argument("--child-startup", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-import", type=Path, nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_startup is not None:
        return child_startup(args.child_startup, args.child_profile)
    if args.child_import is not None:
        return child_import(*args.child_import)

    compile_package()
    with tempfile.TemporaryDirectory(prefix="briefing-gui-bench-") as temp:
        folder = Path(temp)
        library = folder / "library.sqlite3"
        imported: dict[str, Any] = {}
        if args.library is None:
            corpus = corpus_folder(args.corpus, args.count, folder / "corpus")
            print(f"importing {args.count} articles through the window ...", file=sys.stderr)
            imported, _ = run_child(["--child-import", str(corpus), str(library)], folder / "a")
            if args.keep is not None:
                copy_library(library, args.keep)
        else:
            copy_library(args.library, library)
        starts = []
        for attempt in range(args.repeat):
            print(f"start-up {attempt + 1} of {args.repeat} ...", file=sys.stderr)
            starts.append(run_child(["--child-startup", str(library)], folder / "b"))
        report(imported, starts)
        if args.profile:
            profile = folder / "profile"
            profile.mkdir()
            command = ["--child-startup", str(library), "--child-profile", str(profile)]
            run_child(command, folder / "b")
            print_profile(profile, args.profile_lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

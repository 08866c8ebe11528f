"""Extraction speed and memory on a generated corpus of seed-like ~4 KB articles.

    .venv/bin/python benchmarks/extraction_speed.py            # 1000 articles, full report
    .venv/bin/python benchmarks/extraction_speed.py -n 300 --skip-cli --json out.json
    .venv/bin/python benchmarks/extraction_speed.py --engine build/compiled   # mypyc build

Figures (see benchmarks/README.md):
  (a) in-process throughput on one core: read + extract, and extract alone on documents
      already in memory (best of --repeat passes), in articles/s and ms/article;
  (b) peak memory of that process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``) and its whole
      wall time, interpreter start and imports included;
  (c) ``briefing extract CORPUS --jobs 1|2 -o /dev/null`` as a user runs it.
Every figure is given in CPU seconds and in wall seconds: on a busy machine the wall clock
also counts time spent waiting for the CPU, so the rates are computed from CPU time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generate_corpus import DEFAULT_COUNT, DEFAULT_DIR, write_corpus

GOAL_ARTICLES_PER_S = 500.0
GOAL_PEAK_MB = 300.0
SUFFIXES = (".txt", ".md", ".html", ".htm", ".eml", ".pdf")

Timing = dict[str, float]  # {"cpu_s": ..., "wall_s": ...}


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)


def ensure_corpus(folder: Path, count: int) -> list[Path]:
    """The corpus's first ``count`` articles, generating it when it has fewer."""
    files = corpus_files(folder) if folder.is_dir() else []
    if len(files) < count:
        print(f"generating {count} articles in {folder} ...", file=sys.stderr)
        write_corpus(folder, count)
        files = corpus_files(folder)
    return files[:count]


def _pin_to_one_core() -> int | None:
    """Run on a single CPU so the figure is one core's, whatever the machine."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def _rss_mb_self() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _best_of(repeat: int, work: Callable[[], object]) -> Timing:
    """The pass with the least CPU time, with its wall time."""
    best: Timing = {"cpu_s": float("inf"), "wall_s": float("inf")}
    for _ in range(repeat):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        work()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        if cpu < best["cpu_s"]:
            best = {"cpu_s": cpu, "wall_s": wall}
    return best


def measure_in_process(paths: list[Path], repeat: int) -> dict[str, Any]:
    """Runs inside the child process: the timed loops of figure (a)."""
    cpu = _pin_to_one_core()
    started = time.perf_counter()
    from briefing.extract import engine
    from briefing.extract.engine import extract_document
    from briefing.ingest import read_document

    import_s = time.perf_counter() - started
    rss_after_import = _rss_mb_self()
    extract_document(read_document(paths[0]))  # the first call pays for any lazy set-up

    def read_and_extract() -> None:
        for path in paths:
            extract_document(read_document(path))

    read_and_extract_t = _best_of(repeat, read_and_extract)
    documents: list[Any] = []
    read_t = _best_of(1, lambda: documents.extend(read_document(p) for p in paths))
    extract_t = _best_of(repeat, lambda: [extract_document(d) for d in documents])
    extractions = [extract_document(d) for d in documents]
    return {
        "articles": len(paths),
        "bytes": sum(p.stat().st_size for p in paths),
        "cpu": cpu,
        "engine": _engine_kind(engine.__file__ or ""),
        "repeat": repeat,
        "import_s": import_s,
        "read_and_extract": read_and_extract_t,
        "read": read_t,
        "extract": extract_t,
        "rss_after_import_mb": rss_after_import,
        "items": {
            "deals": sum(len(e.deals) for e in extractions),
            "metrics": sum(len(e.metrics) for e in extractions),
            "analyst_views": sum(len(e.analyst_views) for e in extractions),
        },
    }


def _engine_kind(module_file: str) -> str:
    """Which build of the engine a process imported: the mypyc one is an extension module."""
    if module_file.endswith((".so", ".pyd")):
        return f"compiled with mypyc ({Path(module_file).parents[2]})"
    return "pure Python"


def _environment(engine: Path | None) -> dict[str, str] | None:
    """The measured processes' environment: ``engine`` first on the import path."""
    if engine is None:
        return None
    environment = dict(os.environ)
    paths = [str(engine.resolve()), environment.get("PYTHONPATH", "")]
    environment["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return environment


def _run_measured(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[int, str, str, Timing, float]:
    """Exit code, stdout, stderr, CPU and wall time, and peak RSS (MB) of one subprocess.

    ``os.wait4`` gives the child's own usage, including the workers it waited for.
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    timing = {"cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": wall}
    return process.returncode, stdout, stderr, timing, usage.ru_maxrss / 1024


def run_child(folder: Path, count: int, repeat: int, engine: Path | None) -> dict[str, Any]:
    """Figures (a) and (b): the loops in a fresh process, its wall time and peak memory."""
    command = [sys.executable, __file__, "--child", str(folder), "-n", str(count)]
    code, stdout, stderr, timing, _ = _run_measured(
        [*command, "--repeat", str(repeat)], _environment(engine)
    )
    if code != 0:
        raise SystemExit(f"in-process benchmark failed:\n{stderr}")
    result: dict[str, Any] = json.loads(stdout)
    result["process"] = timing
    # Figure (b) as specified: the largest child so far, and this is the first child.
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


@contextlib.contextmanager
def _folder_of(paths: list[Path]) -> Iterator[Path]:
    """A folder holding exactly ``paths``: theirs, or a temporary one of links to them."""
    folder = paths[0].parent
    if len(corpus_files(folder)) == len(paths):
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as temporary:
        for path in paths:
            (Path(temporary) / path.name).symlink_to(path.resolve())
        yield Path(temporary)


def _briefing_command() -> list[str]:
    script = Path(sys.executable).with_name("briefing")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing.cli.main"]


def run_cli(folder: Path, jobs: int, engine: Path | None) -> dict[str, Any]:
    """Figure (c): ``briefing extract`` as a subprocess."""
    command = [*_briefing_command(), "extract", str(folder), "--jobs", str(jobs), "-o", os.devnull]
    code, _, stderr, timing, peak = _run_measured(command, _environment(engine))
    lines = stderr.strip().splitlines()
    return {
        "jobs": jobs,
        "command": " ".join(command),
        "exit_code": code,
        **timing,
        "peak_rss_mb": peak,
        "error": lines[-1] if code and lines else "",
    }


def report(child: dict[str, Any], cli_runs: list[dict[str, Any]]) -> list[str]:
    n = child["articles"]
    rows: list[tuple[str, ...]] = []

    def row(label: str, timing: Timing, basis: str = "cpu_s", against_goal: bool = False) -> None:
        """One figure; its rate is from CPU time ("cpu_s"), wall time ("wall_s") or none."""
        rate, ms = "-", "-"
        goal = ""
        if basis:
            per_s = n / timing[basis] if timing[basis] else float("inf")
            rate, ms = f"{per_s:,.0f}", f"{1000 * timing[basis] / n:.2f}"
            if against_goal:
                verdict = "ok" if per_s >= GOAL_ARTICLES_PER_S else "BELOW"
                goal = f"{verdict} (goal >= {GOAL_ARTICLES_PER_S:.0f}/s)"
        cpu, wall = f"{timing['cpu_s']:.2f}", f"{timing['wall_s']:.2f}"
        rows.append((label, cpu, wall, rate, ms, goal))

    row("(a) read + extract, in process, 1 core", child["read_and_extract"], against_goal=True)
    row("(a) extract only (documents preloaded)", child["extract"], against_goal=True)
    row("    read only (ingest)", child["read"])
    row("(b) the whole process of (a), all passes", child["process"], basis="")
    for run in cli_runs:
        label = f"(c) briefing extract --jobs {run['jobs']}"
        if run["exit_code"] == 0:
            row(label, run, basis="wall_s")
        else:
            rows.append((label, "failed", "-", "-", "-", run["error"]))
    heads = ("figure", "cpu s", "wall s", "articles/s", "ms/article", "goal")
    width = max(len(r[0]) for r in rows)
    fmt = f"{{:<{width}}}  {{:>8}}  {{:>8}}  {{:>10}}  {{:>10}}  {{}}"
    lines = [
        f"corpus: {n} articles, {child['bytes'] / n / 1024:.1f} KB each on average; "
        f"in-process run pinned to CPU {child['cpu']}, best of {child['repeat']} passes",
        f"engine: {child['engine']}",
        "rates: (a) from CPU time (one core, robust to a busy machine), (c) from wall time",
        "",
        fmt.format(*heads),
        fmt.format("-" * width, "-" * 8, "-" * 8, "-" * 10, "-" * 10, "----"),
    ]
    lines += [fmt.format(*r) for r in rows]
    peak = child["peak_rss_mb"]
    peak_ok = "ok" if peak < GOAL_PEAK_MB else "ABOVE"
    lines += [
        "",
        f"(b) peak memory of (a): {peak:.0f} MB  {peak_ok} (goal < {GOAL_PEAK_MB:.0f} MB); "
        f"{child['rss_after_import_mb']:.0f} MB after imports, which took "
        f"{child['import_s']:.2f} s",
    ]
    lines += [
        f"(c) peak memory, briefing extract --jobs {r['jobs']}: {r['peak_rss_mb']:.0f} MB"
        for r in cli_runs
        if r["exit_code"] == 0
    ]
    items = child["items"]
    lines.append(
        f"items per article: {items['deals'] / n:.1f} deals, {items['metrics'] / n:.1f} metrics, "
        f"{items['analyst_views'] / n:.1f} views"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_DIR)
    parser.add_argument("-n", "--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is kept")
    parser.add_argument("--skip-cli", action="store_true", help="leave out figure (c)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--engine",
        type=Path,
        help="a folder put first on the import path of the measured processes, "
        "e.g. build/compiled from packaging/compile_engine.py",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child is not None:
        paths = corpus_files(args.child)[: args.count]
        print(json.dumps(measure_in_process(paths, max(args.repeat, 1))))
        return 0

    paths = ensure_corpus(args.corpus, args.count)
    if args.engine is not None and not (args.engine / "briefing").is_dir():
        parser.error(f"--engine {args.engine}: no briefing package there (build it first)")
    child = run_child(args.corpus, args.count, args.repeat, args.engine)
    cli_runs = []
    if not args.skip_cli:
        with _folder_of(paths) as folder:
            cli_runs = [run_cli(folder, jobs, args.engine) for jobs in (1, 2)]
    print("\n".join(report(child, cli_runs)))
    if args.json:
        figures = {"in_process": child, "cli": cli_runs}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Entry script of the frozen app (packaging/investor-briefing.spec): ``briefing`` as one
executable, with three things only a frozen app needs done before the CLI starts.

1. Worker processes (``multiprocessing.freeze_support``).
2. Streams. A Windows GUI executable (``console=False``) starts with ``sys.stdout`` and
   ``sys.stderr`` set to None: ``print`` tolerates that but ``sys.stdout.write``, tqdm and
   ``isatty()`` raise. They are pointed at the null device, so the CLI runs (silently)
   instead of crashing.
3. Matplotlib's cache. PyInstaller's run-time hook ``pyi_rth_mplconfig`` sets
   ``MPLCONFIGDIR`` to a fresh temporary folder on every start (deleted at exit), so the
   font list would be rebuilt on every run: a scan of every system font (0.2 s for this
   build machine's 24 fonts, seconds on a desktop with hundreds).
   It goes to ``cache/matplotlib`` in the user's data folder instead, which matplotlib
   creates the first time a chart is drawn: the app writes only to the user's data and
   config folders. This must happen here, not in a run-time hook of ours: PyInstaller runs
   custom run-time hooks *before* its own, so ``pyi_rth_mplconfig`` would overwrite our
   value; this script runs after all hooks and before anything imports matplotlib.
   ``--smoke-test`` keeps PyInstaller's temporary folder: it must not touch the user's
   profile at all.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path

MATPLOTLIB_VARIABLE = "MPLCONFIGDIR"
SMOKE_TEST_OPTION = "--smoke-test"


def matplotlib_cache_dir(argv: Sequence[str], data_dir: Path) -> Path | None:
    """Where matplotlib keeps its cache in this run; None to leave ``MPLCONFIGDIR`` as is.
    (A ``MPLCONFIGDIR`` the user set is already gone: PyInstaller's hook replaced it.)

    >>> matplotlib_cache_dir(["extract", "a.txt"], Path("/home/ann/data")).as_posix()
    '/home/ann/data/cache/matplotlib'
    >>> matplotlib_cache_dir(["--smoke-test"], Path("/home/ann/data")) is None
    True
    """
    if argv[:1] == [SMOKE_TEST_OPTION]:
        return None
    return data_dir / "cache" / "matplotlib"


def _discard_missing_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _move_matplotlib_cache() -> None:
    from briefing import paths  # os, sys and pathlib only: nothing else is imported yet

    target = matplotlib_cache_dir(sys.argv[1:], paths.user_data_dir())
    if target is None:
        return
    temporary = os.environ.get(MATPLOTLIB_VARIABLE)
    os.environ[MATPLOTLIB_VARIABLE] = str(target)
    if temporary:
        # The hook's folder is still empty; its own clean-up at exit ignores that it is gone.
        with contextlib.suppress(OSError):
            os.rmdir(temporary)


def main() -> int:
    # `extract --jobs N` starts worker processes; on Windows and macOS they are spawned by
    # running this executable again, which this call turns into a worker (no-op on Linux,
    # which forks).
    multiprocessing.freeze_support()
    _discard_missing_streams()
    if getattr(sys, "frozen", False):
        _move_matplotlib_cache()
    from briefing.cli.main import main as briefing_main

    return briefing_main()


if __name__ == "__main__":
    sys.exit(main())

"""Render every tab of the main window, with the bundled sample articles, to PNG files.

    make screenshots                             # build/screenshots/
    make screenshots SCREENSHOT_DIR=/tmp/shots   # elsewhere

Runs offscreen (no display needed) in a throw-away data folder, so the user's library and
settings are never touched. The welcome page of the empty library and each tab are saved
at 1280x800 and at 1920x1080, named ``<size>-<n>-<page>.png``; ``--docs`` also refreshes
the copies the README shows (docs/).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

SIZES = ((1280, 800), (1920, 1080))
# Tabs, and the company the screenshots show (one with deals, segments and analysts).
COMPANY = "Alibaba"
ROOT = Path(__file__).resolve().parents[1]


def _wait(app: object, condition: object, timeout_s: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading")
        QApplication.processEvents()
        time.sleep(0.01)


def render(output: Path, docs: bool) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("MPLBACKEND", "Agg")
    data_dir = Path(tempfile.mkdtemp(prefix="briefing-screens-"))
    os.environ["BRIEFING_DATA_DIR"] = str(data_dir)
    os.environ.pop("BRIEFING_LIBRARY", None)

    from briefing.gui.app import build_context, create_application, create_main_window
    from briefing.gui.theme import apply_theme

    app = create_application(["screenshots"])
    apply_theme(app, "light")
    context = build_context(app)
    window = create_main_window(context)
    window.resize(*SIZES[0])
    window.show()
    output.mkdir(parents=True, exist_ok=True)
    written = []
    # The welcome page of the empty library first, then the samples loaded through it.
    _wait(app, lambda: window.first_run.welcome_shown)  # type: ignore[attr-defined]
    for width, height in SIZES:
        window.resize(width, height)
        for _ in range(20):
            app.processEvents()
        path = output / f"{width}x{height}-0-welcome.png"
        window.grab().save(str(path))
        written.append(path)
    loaded: list[str] = []
    window.imports.import_finished.connect(lambda summary: loaded.clear())  # type: ignore[attr-defined]
    window.company_shown.connect(loaded.append)  # type: ignore[attr-defined]
    imported: list[object] = []
    window.imports.import_finished.connect(imported.append)  # type: ignore[attr-defined]
    window.first_run.welcome.samples_button.click()  # type: ignore[attr-defined]
    _wait(app, lambda: bool(imported) and bool(loaded))
    company = next(
        (
            window.company_box.itemData(i)  # type: ignore[attr-defined]
            for i in range(window.company_box.count())  # type: ignore[attr-defined]
            if str(window.company_box.itemData(i)).startswith(COMPANY)  # type: ignore[attr-defined]
        ),
        None,
    )
    if company is not None:
        loaded.clear()
        window.select_company(company)  # type: ignore[attr-defined]
        _wait(app, lambda: bool(loaded))
    # The charts follow the tables from a worker.
    _wait(app, lambda: window.charts_company == window.current_company())  # type: ignore[attr-defined]
    # The tabs as a user sees them once the hint about the samples is dismissed.
    window.first_run.samples_bar.hide()  # type: ignore[attr-defined]
    tabs = window.tabs  # type: ignore[attr-defined]
    for width, height in SIZES:
        window.resize(width, height)
        for index in range(tabs.count()):
            if tabs.widget(index) is window.article_view:  # type: ignore[attr-defined]
                content = window.content  # type: ignore[attr-defined]
                deals = content.deals if content is not None else None
                if deals is not None and not deals.empty:
                    row = deals.iloc[0]
                    window.open_evidence(  # type: ignore[attr-defined]
                        row["article_id"], int(row["start"]), int(row["end"]), row["quote"]
                    )
            tabs.setCurrentIndex(index)
            for _ in range(20):
                app.processEvents()
            name = tabs.tabText(index).replace("&", "").lower()
            path = output / f"{width}x{height}-{index + 1}-{name}.png"
            window.grab().save(str(path))
            written.append(path)
    window.close()
    if docs:
        target = ROOT / "docs" / "screenshots"
        target.mkdir(parents=True, exist_ok=True)
        for path in written:
            if path.name.startswith(f"{SIZES[0][0]}x"):
                shutil.copyfile(path, target / path.name.split("-", 1)[1])
    shutil.rmtree(data_dir, ignore_errors=True)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?", default=ROOT / "build" / "screenshots")
    parser.add_argument("--docs", action="store_true", help="also refresh docs/screenshots/")
    args = parser.parse_args(argv)
    for path in render(args.output, args.docs):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The steps of ``briefing --smoke-test`` (``smoke_test.py`` sets the stage): the real
window, driven as a user would, with each step checked before the next."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from briefing import paths
from briefing.gui.app import build_context, create_application, create_main_window
from briefing.gui.main_window import ALL_COMPANIES, MainWindow
from briefing.gui.smoke_test import SmokeTestFailure, Watch, wait_for
from briefing.gui.theme import apply_theme

MIN_PDF_PAGES = 2
PDF_SECTIONS_AT_LEAST = 5


def distinct_colours(image: QImage, grid: int = 24) -> int:
    """How many colours a grid of pixels samples: a blank page has one or two."""
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return 0
    seen = {
        image.pixel(min(width - 1, x * width // grid), min(height - 1, y * height // grid))
        for x in range(grid)
        for y in range(grid)
    }
    return len(seen)


def squeezed(text: str) -> str:
    """Text compared without spaces or compatibility forms (PDF text extraction adds both)."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


class SmokeRun:
    def __init__(self, folder: Path, watch: Watch, say: Callable[[str], None]) -> None:
        self.folder = folder
        self.watch = watch
        self.say = say
        self.window: MainWindow | None = None

    def run(self) -> str:
        app = create_application(["briefing"])
        apply_theme(app, "light")
        context = build_context(app)
        samples = paths.sample_files(context.resources_dir)
        if not samples:
            raise SmokeTestFailure(f"no sample articles in {context.resources_dir / 'samples'}")
        window = create_main_window(context)
        assert isinstance(window, MainWindow)
        self.window = window
        try:
            window.resize(1280, 800)
            window.show()
            self._check_welcome(window)
            companies = self._load_samples(window, len(samples))
            charts = self._show_every_company(window, companies)
            pages = self._export_pdf(window, companies[0])
        finally:
            window.close()
            context.tasks.shutdown()
            QApplication.processEvents()
        return (
            f"{len(samples)} articles, {len(companies)} companies, {charts} kinds of chart, "
            f"PDF of {pages} pages"
        )

    def _check(self, step: str) -> None:
        """Fail at the first step after which the app logged a warning or used the network."""
        if self.watch.network:
            raise SmokeTestFailure(f"{step}: network access attempted: {self.watch.network[0]}")
        if self.watch.warnings:
            raise SmokeTestFailure(f"{step}: the app reported: {self.watch.warnings[0]}")
        self.say(f"ok  {step}")

    def _check_welcome(self, window: MainWindow) -> None:
        read: list[bool] = []
        window.workspace_loaded.connect(lambda: read.append(True))
        wait_for(lambda: bool(read), "reading the new, empty library")
        if not window.first_run.welcome_shown:
            raise SmokeTestFailure("an empty library did not show the welcome page")
        if not window.first_run.welcome.samples_button.isEnabled():
            raise SmokeTestFailure("the welcome page does not offer the sample articles")
        self._check("the window opened on an empty library with the welcome page")

    def _load_samples(self, window: MainWindow, count: int) -> list[str]:
        failures: list[object] = []
        window.imports.files_failed.connect(failures.extend)
        window.first_run.welcome.samples_button.click()

        def loaded() -> bool:
            workspace = window.workspace
            return bool(failures) or (
                workspace is not None
                and len(workspace.frames.articles) >= count
                and not window.first_run.welcome_shown
                and not window.imports.running
            )

        wait_for(loaded, "loading the sample articles")
        if failures:
            raise SmokeTestFailure(f"sample articles refused: {failures}")
        box = window.company_box
        companies = [
            str(box.itemData(index))
            for index in range(box.count())
            if box.itemData(index) != ALL_COMPANIES
        ]
        if not companies:
            raise SmokeTestFailure("the samples gave no company")
        self._check(f"{count} sample articles loaded, {len(companies)} companies")
        return companies

    def _show_every_company(self, window: MainWindow, companies: list[str]) -> int:
        slots_with_charts: set[tuple[str, int]] = set()
        slots: set[tuple[str, int]] = set()
        for company in companies:
            window.select_company(company)
            wait_for(
                lambda company=company: window.charts_company == company,  # type: ignore[misc]
                f"the tabs and charts of {company}",
            )
            name = window.company_box.currentText()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                QApplication.processEvents()
                self._check_painted(window.tabs.currentWidget(), f"{name}: tab {index + 1}")
            for tab in (window.deals_tab, window.segments_tab, window.analysts_tab):
                window.tabs.setCurrentWidget(tab)
                QApplication.processEvents()
                for index, view in enumerate(tab.charts):
                    slots.add((tab.objectName(), index))
                    if view.chart() is None:
                        continue
                    slots_with_charts.add((tab.objectName(), index))
                    self._check_painted(view, f"{name}: {view.chart().title}")  # type: ignore[union-attr]
            self._check(f"{name}: {window.tabs.count()} tabs shown")
        missing = sorted(slots - slots_with_charts)
        if missing:
            raise SmokeTestFailure(f"these charts were drawn for no company: {missing}")
        self._open_an_article(window)
        self._check(f"all {len(slots)} kinds of chart drawn")
        return len(slots_with_charts)

    def _check_painted(self, widget: QWidget, what: str) -> None:
        image = widget.grab().toImage()
        if distinct_colours(image) < 3:
            raise SmokeTestFailure(f"{what}: painted blank")
        shots = self.folder / "screens"
        shots.mkdir(exist_ok=True)
        image.save(str(shots / f"{len(list(shots.iterdir())):03d}.png"))

    def _open_an_article(self, window: MainWindow) -> None:
        workspace = window.workspace
        assert workspace is not None
        article_id = str(workspace.frames.articles["article_id"].iloc[0])
        shown: list[str] = []
        window.evidence_shown.connect(shown.append)
        window.open_article(article_id)
        wait_for(lambda: article_id in shown, "opening an article on the Article tab")
        if not window.article_view.shown_text().strip():
            raise SmokeTestFailure("the Article tab shows no text")

    def _export_pdf(self, window: MainWindow, company: str) -> int:
        window.select_company(company)
        wait_for(lambda: window.shown_company == company, "showing the company to export")
        content = window.content
        if content is None or content.briefing is None:
            raise SmokeTestFailure(f"no briefing for {company}")
        briefing = content.briefing
        controller = window.briefing_export.controller
        results: list[object] = []
        failures: list[str] = []
        controller.briefing_exported.connect(results.append)
        controller.export_failed.connect(failures.append)
        target = self.folder / "briefing.pdf"
        controller.export(briefing, target, "a4")
        wait_for(lambda: bool(results or failures), "exporting the PDF briefing")
        if failures:
            raise SmokeTestFailure(f"PDF export failed: {failures[0]}")
        name = briefing.names[0] if briefing.names else briefing.company_id
        pages = check_pdf(target, name)
        self._check(f"PDF briefing on {name}: {pages} pages, read back")
        return pages


def check_pdf(path: Path, company: str) -> int:
    """Read an exported briefing back: pages, the company's name, an outline of sections."""
    from pypdf import PdfReader

    if not path.is_file() or path.stat().st_size == 0:
        raise SmokeTestFailure(f"{path}: no PDF was written")
    reader = PdfReader(str(path))
    pages = len(reader.pages)
    if pages < MIN_PDF_PAGES:
        raise SmokeTestFailure(f"{path}: {pages} page(s), expected at least {MIN_PDF_PAGES}")
    text = squeezed(" ".join(page.extract_text() or "" for page in reader.pages))
    if squeezed(company) not in text:
        raise SmokeTestFailure(f"{path}: the text does not name {company}")
    if len(reader.outline) < PDF_SECTIONS_AT_LEAST:
        raise SmokeTestFailure(f"{path}: {len(reader.outline)} outline entries")
    return pages

"""The main window: the library on the left, a company selector on top, tabs for the
selected company (Overview, Deals, Segments, Analysts, Article), imports in the status bar.

It reads the analysis layer (``Workspace``, ``CompanyContent``) built in worker threads and
never computes a figure itself. Every result of a worker carries the generation it was
asked for, so a slow answer for a company the user has already left is dropped.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from briefing import paths
from briefing.analysis.workspace import Workspace, load_workspace
from briefing.gui.about import AboutDialog, open_help
from briefing.gui.article_view import ArticleView
from briefing.gui.briefing_tabs import TableAndCharts
from briefing.gui.columns import deal_columns, metric_columns, view_columns
from briefing.gui.company_content import (
    CompanyContent,
    company_content,
    company_to_show,
    library_content,
)
from briefing.gui.context import AppContext
from briefing.gui.error_panel import ErrorPanel
from briefing.gui.evidence_actions import EvidenceActions
from briefing.gui.export_actions import BriefingExport
from briefing.gui.first_run import FirstRun
from briefing.gui.import_controller import ImportController
from briefing.gui.library_actions import LibraryActions
from briefing.gui.library_panel import LibraryPanel
from briefing.gui.overview_tab import OverviewTab
from briefing.gui.settings import (
    LAST_COMPANY,
    REPORTING_CURRENCY,
    THEME,
)
from briefing.gui.theme import apply_theme, current_chart_theme_name
from briefing.gui.window_actions import build_actions
from briefing.gui.window_state import (
    ALL_SAVED,
    confirm_close,
    restore_window_state,
    save_window_state,
)

if TYPE_CHECKING:  # the importer pulls in the extraction engine, the charts matplotlib
    from briefing.gui.company_charts import CompanyCharts

_log = logging.getLogger(__name__)
ALL_COMPANIES = ""
CURRENCIES = ("USD", "EUR", "CNY", "HKD", "GBP", "JPY", "CHF")


class MainWindow(QMainWindow):
    workspace_loaded = Signal()
    company_shown = Signal(str)  # company id, "" for all companies: tables and overview
    charts_shown = Signal(str)  # company id: its charts followed the tables
    evidence_shown = Signal(str)  # article id

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.settings = context.settings
        self.workspace: Workspace | None = None
        self.content: CompanyContent | None = None
        self._generation = 0
        self._latest_reload = 0
        self._shown_company: str | None = None  # None until a first company is shown
        self.charts_company: str | None = None  # whose charts the tabs show
        self._all_for_lack_of_companies = False
        self._first_reading = context.first_reading
        self.setWindowTitle(self.tr("Investor Briefing"))
        self.setAcceptDrops(True)
        qsettings = self.settings.qsettings()

        self.company_box = QComboBox(self)
        self.company_box.setAccessibleName(self.tr("Company"))
        self.company_box.setMinimumContentsLength(28)
        self.company_box.activated.connect(self._on_company_chosen)
        self.currency_box = QComboBox(self)
        self.currency_box.setAccessibleName(self.tr("Reporting currency"))
        self.currency_box.addItems(CURRENCIES)
        self.currency_box.setCurrentText(self.settings.get(REPORTING_CURRENCY))
        self.currency_box.currentTextChanged.connect(self._on_currency_changed)
        # Next: the library is read in a worker while the other widgets are built (the
        # answer is handled by the event loop, after this constructor). The read started
        # before Qt was loaded is used once, by this first load.
        self.reload()
        toolbar = QToolBar(self.tr("Company"), self)
        toolbar.setObjectName("company_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Company: "), self))
        toolbar.addWidget(self.company_box)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Amounts also in: "), self))
        toolbar.addWidget(self.currency_box)
        self.addToolBar(toolbar)

        self.library_panel = LibraryPanel(qsettings, self)
        self.library_panel.setAccessibleName(self.tr("Library"))
        self.overview = OverviewTab(qsettings, self)
        self.deals_tab = TableAndCharts("deals", deal_columns(True), 1, qsettings, self, 1)
        self.segments_tab = TableAndCharts("segments", metric_columns(), 2, qsettings, self)
        self.analysts_tab = TableAndCharts("analysts", view_columns(), 4, qsettings, self)
        self.article_view = ArticleView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Company tabs"))
        for widget, title in self._tab_pages():
            self.tabs.addTab(widget, title)
        # The welcome page stands in for the tabs while the library is empty.
        self.first_run = FirstRun(self.tabs, paths.sample_files(context.resources_dir), self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(self.first_run.stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

        self.error_panel = ErrorPanel(self)
        self.error_panel.setObjectName("error_panel")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.error_panel)
        self.error_panel.hide()
        self.imports = ImportController(context.library_path, context.tasks, self)
        self.statusBar().addPermanentWidget(self.imports.progress_widget())
        self.imports.import_failed.connect(self.show_error)
        self.imports.import_failed.connect(lambda message: self.first_run.samples_not_loaded())

        self.actions_ = build_actions(self, [title for _, title in self._tab_pages()])
        self.library_actions = LibraryActions(self)
        self.evidence = EvidenceActions(self)
        self.briefing_export = BriefingExport(self)
        self.statusBar().addPermanentWidget(self.briefing_export.controller.progress_widget())
        self._connect()
        restore_window_state(self)

    def _tab_pages(self) -> list[tuple[QWidget, str]]:
        return [
            (self.overview, self.tr("Overview")),
            (self.deals_tab, self.tr("Deals")),
            (self.segments_tab, self.tr("Segments")),
            (self.analysts_tab, self.tr("Analysts")),
            (self.article_view, self.tr("Article")),
        ]

    def _connect(self) -> None:
        self.imports.import_finished.connect(self.library_actions.imported)
        self.imports.files_failed.connect(self.library_actions.failed)
        actions = self.actions_
        actions.add_files.triggered.connect(self.library_actions.choose_files)
        actions.add_folder.triggered.connect(self.library_actions.choose_folder)
        actions.export_table.triggered.connect(self._export_visible_table)
        actions.export_briefing.triggered.connect(self.briefing_export.choose_file_and_export)
        actions.open_export.triggered.connect(self.briefing_export.open_last)
        actions.paper_group.triggered.connect(
            lambda action: self.briefing_export.set_paper(action.data())
        )
        actions.reextract.triggered.connect(self.library_actions.reextract)
        self.first_run.samples_requested.connect(self._load_samples)
        self.first_run.add_files_requested.connect(self.library_actions.choose_files)
        self.first_run.add_folder_requested.connect(self.library_actions.choose_folder)
        actions.quit.triggered.connect(self.close)
        actions.find.triggered.connect(self.library_panel.focus_search)
        actions.remove.triggered.connect(
            lambda: self.library_actions.remove(self.library_panel.selected_ids())
        )
        actions.show_errors.triggered.connect(self.error_panel.show)
        for index, action in enumerate(actions.tab_actions):
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
        actions.theme_group.triggered.connect(lambda action: self._set_theme(action.data()))
        actions.help.triggered.connect(lambda: open_help(self, self.context.readme_path))
        actions.about.triggered.connect(self._show_about)
        actions.recent_menu.aboutToShow.connect(self.library_actions.fill_recent_menu)
        self.library_panel.article_activated.connect(self.open_article)
        self.library_panel.remove_requested.connect(self.library_actions.remove)
        self.overview.company_activated.connect(self.select_company)
        self.overview.conflict_activated.connect(self.evidence.open_conflict_row)
        for tab in (self.overview, self.deals_tab, self.segments_tab, self.analysts_tab):
            tab.evidence_requested.connect(self.open_evidence)
            tab.error_occurred.connect(self.show_error)
        for tab in (self.deals_tab, self.segments_tab, self.analysts_tab):
            tab.conflict_requested.connect(self.evidence.open_conflict_of)

    # -- state ----------------------------------------------------------------------------

    def save_state(self) -> None:
        save_window_state(self, ALL_SAVED)

    @property
    def shown_company(self) -> str | None:
        """The company whose tabs are shown ("" for all companies); None before the first."""
        return self._shown_company

    def closeEvent(self, event: QCloseEvent) -> None:
        if not confirm_close(self):
            event.ignore()
            return
        self.save_state()
        self.context.tasks.shutdown()
        event.accept()

    # -- loading --------------------------------------------------------------------------

    def add_files(self, files: list[Path]) -> None:
        """Import files and folders into the library (off the GUI thread)."""
        for path in files:
            self.settings.add_recent_file(path)
        self.first_run.files_added([Path(path) for path in files])
        self.imports.import_paths([Path(path) for path in files])

    def load_samples_when_empty(self) -> None:
        """Import the bundled sample articles if the library turns out empty."""
        self.first_run.load_samples_when_empty()

    def _load_samples(self, files: list[Path]) -> None:
        # Not add_files: the samples stay out of the recent-files menu.
        self.imports.import_paths(files)

    def reload(self, select: str | None = None) -> None:
        """Read the library again, then show ``select`` (else the company shown, else the
        last one saved).

        One worker reads the library and builds the chosen company's content, so the GUI
        thread lays out the new list and tabs after the worker is done instead of
        competing with it for the interpreter (a 170 ms stall after a 1,000-file import).
        """
        self.statusBar().showMessage(self.tr("Reading the library…"))
        path = self.context.library_path
        first_reading, self._first_reading = self._first_reading, None
        wanted = select if select is not None else self._shown_company
        if wanted is None:
            saved = self.settings.get(LAST_COMPANY)
            wanted = ALL_COMPANIES if saved == ALL_SAVED else (saved or None)
        if wanted == ALL_COMPANIES and self._all_for_lack_of_companies:
            wanted = None  # the library was empty: now show its first company
        currency = self.currency_box.currentText()
        self._generation += 1
        generation = self._latest_reload = self._generation

        def work(control: object) -> tuple[Workspace, CompanyContent | Exception, str]:
            workspace = first_reading.result() if first_reading else load_workspace(path)
            company = company_to_show(workspace, wanted)
            try:
                if company == ALL_COMPANIES:
                    return workspace, library_content(workspace), ""
                return workspace, company_content(workspace, company, currency), ""
            except Exception as error:  # the library was read: show it, say the briefing failed
                return workspace, error, traceback.format_exc()

        self.context.tasks.start(
            work,
            on_done=lambda result: self._on_workspace(generation, *result, currency),
            on_failed=lambda error, details: self.library_actions.library_failed(error, details),
        )

    def _on_workspace(
        self,
        generation: int,
        workspace: Workspace,
        content: CompanyContent | Exception,
        details: str,
        currency: str,
    ) -> None:
        if generation < self._latest_reload:
            return  # a later reload is under way: its library is newer
        self.workspace = workspace
        articles = workspace.frames.articles
        self.library_panel.set_articles(articles)
        companies = workspace.companies
        self.company_box.blockSignals(True)
        self.company_box.clear()
        self.company_box.addItem(
            self.tr("All companies (%d articles)") % len(articles), ALL_COMPANIES
        )
        for row in companies.itertuples():
            self.company_box.addItem(f"{row.name} ({row.articles})", row.company_id)
        if isinstance(content, CompanyContent):
            self.company_box.setCurrentIndex(max(self.company_box.findData(content.company_id), 0))
        self.company_box.blockSignals(False)
        if workspace.rates_error:
            self.show_error(self.tr("Amounts are not converted: %s") % workspace.rates_error)
        else:
            self.statusBar().showMessage(
                self.tr("%d articles in the library") % len(articles), 5000
            )
        self._all_for_lack_of_companies = companies.empty
        self.first_run.library_read(len(articles))
        self.workspace_loaded.emit()
        if generation != self._generation:
            # Another company or currency was chosen while the library was read.
            self._show_company(self.current_company())
        elif isinstance(content, CompanyContent):
            # In the next turn of the event loop: the new list is painted in between, and
            # neither half holds the GUI thread for long.
            QTimer.singleShot(0, lambda: self._on_content(generation, content, currency))
        else:
            self._on_content_failed(generation, content, details)

    # -- company --------------------------------------------------------------------------

    def current_company(self) -> str:
        data = self.company_box.currentData()
        return str(data) if data is not None else ALL_COMPANIES

    def select_company(self, company_id: str) -> None:
        index = self.company_box.findData(company_id)
        if index >= 0:
            self.company_box.setCurrentIndex(index)
        self._show_company(company_id)

    def _on_company_chosen(self, index: int) -> None:
        self._show_company(str(self.company_box.itemData(index) or ALL_COMPANIES))

    def _on_currency_changed(self, currency: str) -> None:
        self.settings.set(REPORTING_CURRENCY, currency)
        if self.workspace is not None:
            self._show_company(self.current_company())

    def _show_company(self, company_id: str) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self._generation += 1
        generation = self._generation
        currency = self.currency_box.currentText()
        self.statusBar().showMessage(self.tr("Building the briefing…"))

        def work(control: object) -> CompanyContent:
            if company_id == ALL_COMPANIES:
                return library_content(workspace)
            return company_content(workspace, company_id, currency)

        self.context.tasks.start(
            work,
            on_done=lambda content: self._on_content(generation, content, currency),
            on_failed=lambda error, details: self._on_content_failed(generation, error, details),
        )

    def _on_content(self, generation: int, content: CompanyContent, currency: str) -> None:
        if generation != self._generation:
            return  # the user has moved on
        self.content = content
        self._shown_company = content.company_id
        self.charts_company = None
        briefing = content.briefing
        if briefing is None:
            self.overview.show_companies(content.companies)
        else:
            self.overview.show_company(
                content.heading,
                briefing.summary,
                content.headlines,
                content.conflicts,
            )
        export = self.actions_.export_briefing
        export.setEnabled(briefing is not None)
        export.setToolTip(
            self.tr("Export the briefing on %s as a PDF") % content.heading.split(" · ")[0]
            if briefing is not None
            else self.tr("Choose a company to export its briefing")
        )
        charts_follow = briefing is not None
        self.deals_tab.set_table(content.deals, charts_follow)
        self.segments_tab.set_table(content.metrics, charts_follow)
        self.analysts_tab.set_table(content.views, charts_follow)
        self.statusBar().showMessage(content.heading, 8000)
        self.company_shown.emit(content.company_id)
        if briefing is None:
            return
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and current_chart_theme_name(app) == "dark"
        theme_name = "dark" if dark else "light"

        def work(control: object) -> CompanyCharts:
            # Imported in the worker: matplotlib loads while the window is already shown.
            from briefing.gui.company_charts import company_charts, warm_chart_canvas

            warm_chart_canvas()
            return company_charts(briefing, currency, theme_name)

        def start() -> None:
            if generation == self._generation:
                self.context.tasks.start(
                    work,
                    on_done=lambda charts: self._on_charts(generation, content.company_id, charts),
                    on_failed=lambda error, details: self._on_content_failed(
                        generation, error, details
                    ),
                )

        # After the repaint this content has queued: painting calls back into Python for
        # every cell and each call would wait for the chart worker (a 0.1-0.2 s stall).
        QTimer.singleShot(0, start)

    def _on_charts(self, generation: int, company_id: str, charts: CompanyCharts) -> None:
        if generation != self._generation:
            return
        self.deals_tab.set_charts(charts.deals)
        self.segments_tab.set_charts(charts.segments)
        self.analysts_tab.set_charts(charts.analysts)
        self.charts_company = company_id
        self.charts_shown.emit(company_id)

    def _on_content_failed(self, generation: int, error: BaseException, details: str) -> None:
        if generation == self._generation:
            _log.error("building the briefing failed:\n%s", details)
            self.show_error(self.tr("The briefing could not be built: %s") % error)

    # -- evidence ---------------------------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        self.evidence.open(article_id, -1, -1, "")

    def open_evidence(self, article_id: str, start: int, end: int, quote: str) -> None:
        """Show the article on the Article tab, scrolled to the quoted sentence."""
        self.evidence.open(article_id, start, end, quote)

    # -- messages, dialogs, drops -----------------------------------------------------------

    def show_error(self, message: str) -> None:
        """A problem the user can act on: in the status bar, and in the log."""
        _log.warning("%s", message)
        self.statusBar().showMessage(message, 15000)

    def _export_visible_table(self) -> None:
        page = self.tabs.currentWidget()
        table = getattr(page, "table", None)
        if table is not None and hasattr(table, "export_visible_rows"):
            table.export_visible_rows()
        else:
            self.show_error(self.tr("This tab has no table to export"))

    def _set_theme(self, name: str) -> None:
        self.settings.set(THEME, name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)
        if self.workspace is not None:
            self._show_company(self.current_company())

    def _show_about(self) -> None:
        AboutDialog(self.context.data_dir, self.context.library_path, self).exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

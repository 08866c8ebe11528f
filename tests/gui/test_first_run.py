"""The first start (issue 6): an empty library shows the welcome page, which offers the
bundled samples and says how to add one's own articles; the samples load through it (or
through ``--with-samples``); a bar then repeats the hint until dismissed."""

from __future__ import annotations

from pathlib import Path

import pytest
import window_fixtures
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot
from window_fixtures import ALIBABA_SAMPLES, LIBRARY_NAME, WAIT_MS, Dialogs, WindowOpener

from briefing import paths
from briefing.gui.app import build_context
from briefing.gui.first_run import WelcomePage, add_articles_hint
from briefing.gui.main_window import MainWindow
from briefing.gui.settings import RECENT_FILES

# The shared fixtures (window_fixtures), made visible to pytest in this module.
alibaba_library = window_fixtures.alibaba_library
alibaba_opener = window_fixtures.alibaba_opener
data_dir = window_fixtures.data_dir
dialogs = window_fixtures.dialogs
empty_opener = window_fixtures.empty_opener

SAMPLE_FILES = paths.sample_files(paths.resources_dir({}))
SHOTS = Path("/tmp/s7/look")


def library_size(window: MainWindow) -> int:
    return 0 if window.workspace is None else len(window.workspace.frames.articles)


def test_an_empty_library_shows_the_welcome_page(empty_opener: WindowOpener) -> None:
    window = empty_opener.open()
    first_run = window.first_run
    assert first_run.welcome_shown
    assert first_run.welcome.isVisible() and not window.tabs.isVisible()
    assert first_run.welcome.samples_button.isEnabled()
    assert f"{len(SAMPLE_FILES)} short articles" in first_run.welcome.samples_note.text()
    assert not first_run.samples_bar.isVisible()
    window.resize(1280, 800)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "welcome.png"))


def test_the_hint_names_the_ways_and_the_formats(qtbot: QtBot) -> None:
    page = WelcomePage(3)
    qtbot.addWidget(page)
    shown = "\n".join(label.text() for label in page.findChildren(QLabel))
    for line in add_articles_hint():
        assert line in shown
    for words in ("Add files…", "Add folder…", "Ctrl+O", "Ctrl+Shift+O", "drop files"):
        assert words in shown, words
    for suffix in (".html", ".txt", ".md", ".pdf", ".eml"):
        assert suffix in shown, suffix
    # Plain text everywhere: no label of the window renders markup.
    assert {label.textFormat() for label in page.findChildren(QLabel)} == {Qt.TextFormat.PlainText}


def test_loading_the_samples_from_the_welcome_page(
    empty_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = empty_opener.open()
    with qtbot.waitSignal(window.imports.import_finished, timeout=WAIT_MS):
        qtbot.mouseClick(window.first_run.welcome.samples_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: library_size(window) == len(SAMPLE_FILES), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.first_run.welcome_shown, timeout=WAIT_MS)
    assert window.tabs.isVisible()
    assert window.first_run.samples_bar.isVisible()
    assert window.company_box.count() >= 4  # "All companies" and the samples' companies
    # The samples are not the user's recent files.
    assert window.settings.get(RECENT_FILES) == []
    window.resize(1280, 800)
    assert window.grab().save(str(SHOTS / "samples-bar.png"))
    dismiss = next(
        button
        for button in window.first_run.samples_bar.findChildren(QToolButton)
        if button.accessibleName() == "Dismiss"
    )
    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert not window.first_run.samples_bar.isVisible()


def test_adding_own_articles_hides_the_samples_bar(
    empty_opener: WindowOpener, qtbot: QtBot
) -> None:
    window = empty_opener.open()
    window.first_run.load_samples()
    qtbot.waitUntil(lambda: window.first_run.samples_bar.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.imports.running, timeout=WAIT_MS)
    own = Path(empty_opener.library_path).parent / "mine.txt"
    own.write_text(
        "Kestrel Semiconductor said on 3 March 2026 that it will buy back $40 million of "
        "its shares.\n",
        encoding="utf-8",
    )
    window.add_files([own])
    assert not window.first_run.samples_bar.isVisible()


def test_with_samples_loads_them_into_an_empty_library(
    qtbot: QtBot,
    qapp: QApplication,
    data_dir: Path,
    dialogs: Dialogs,
) -> None:
    opener = WindowOpener(qtbot, qapp, data_dir / LIBRARY_NAME)
    window = MainWindow(build_context(qapp, library=opener.library_path))
    opener.windows.append(window)
    window.load_samples_when_empty()
    window.show()
    qtbot.waitUntil(lambda: library_size(window) == len(SAMPLE_FILES), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.first_run.welcome_shown, timeout=WAIT_MS)
    assert window.first_run.samples_bar.isVisible()
    opener.close_all()


def test_with_samples_leaves_a_library_with_articles_alone(
    qtbot: QtBot,
    qapp: QApplication,
    alibaba_opener: WindowOpener,
) -> None:
    window = MainWindow(build_context(qapp, library=alibaba_opener.library_path))
    alibaba_opener.windows.append(window)
    window.load_samples_when_empty()
    window.show()
    qtbot.waitUntil(lambda: window.content is not None, timeout=WAIT_MS)
    qtbot.wait(200)
    assert library_size(window) == len(ALIBABA_SAMPLES)
    assert not window.imports.running
    assert not window.first_run.welcome_shown and not window.first_run.samples_bar.isVisible()


def test_removing_every_article_brings_the_welcome_back(
    alibaba_opener: WindowOpener,
    dialogs: Dialogs,
    qtbot: QtBot,
) -> None:
    window = alibaba_opener.open()
    assert not window.first_run.welcome_shown
    dialogs.answer = dialogs.answer.Yes
    ids = [str(i) for i in window.workspace.frames.articles["article_id"]]  # type: ignore[union-attr]
    window.library_actions.remove(ids)
    qtbot.waitUntil(lambda: window.first_run.welcome_shown, timeout=WAIT_MS)
    assert library_size(window) == 0


@pytest.mark.parametrize(
    ("case", "count", "enabled", "note"),
    [
        ("samples installed", 7, True, "7 short articles"),
        ("a broken install without resources/samples", 0, False, "not installed"),
    ],
)
def test_the_offer_depends_on_the_installed_samples(
    qtbot: QtBot, case: str, count: int, enabled: bool, note: str
) -> None:
    page = WelcomePage(count)
    qtbot.addWidget(page)
    assert page.samples_button.isEnabled() is enabled, case
    assert note in page.samples_note.text(), case

"""Start-up of the desktop app: command-line dispatch, run_app, theme, About and help."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFileOpenEvent, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot
from window_fixtures import ALIBABA_SAMPLES, import_into

from briefing import __version__, paths
from briefing.analysis.workspace import load_workspace
from briefing.cli import main as cli_main
from briefing.gui import about, app
from briefing.gui.about import AboutDialog, ReadmeDialog, open_help
from briefing.gui.settings import THEME, Settings
from briefing.gui.theme import apply_theme, current_chart_theme_name, theme_controller

SHOTS = Path("/tmp/s5/shell")
SAMPLES = paths.resources_dir({}) / "samples"


@pytest.fixture
def run_app_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run_app(argv: Sequence[str], **kwargs: Any) -> int:
        calls.append(kwargs)
        return 0

    monkeypatch.setattr(app, "run_app", fake_run_app)
    return calls


@pytest.mark.parametrize(
    ("case", "argv", "library", "files", "with_samples"),
    [
        ("no arguments: the window on the default library", [], None, [], False),
        (
            "files open the window and are added",
            [str(SAMPLES), "x"],
            None,
            [SAMPLES, Path("x")],
            False,
        ),
        ("another library", ["--library", "/tmp/l.sqlite3"], Path("/tmp/l.sqlite3"), [], False),
        ("make run", ["--with-samples"], None, [], True),
    ],
)
def test_cli_opens_the_window(
    case: str,
    argv: list[str],
    library: Path | None,
    files: list[Path],
    with_samples: bool,
    run_app_calls: list[dict[str, Any]],
) -> None:
    assert cli_main.main(argv) == 0, case
    assert [
        {key: value for key, value in call.items() if key != "first_reading"}
        for call in run_app_calls
    ] == [{"library": library, "files": files, "with_samples": with_samples}], case
    # No library file there: nothing to read ahead (reading would create it).
    assert run_app_calls[0]["first_reading"] is None, case


def test_the_library_is_read_while_qt_loads(
    run_app_calls: list[dict[str, Any]], tmp_path: Path
) -> None:
    # Start-up time (issue 4): the library's first read starts before the window exists,
    # and is the same workspace a later read gives.
    library = tmp_path / "library.sqlite3"
    import_into(library, ALIBABA_SAMPLES)
    assert cli_main.main(["--library", str(library)]) == 0
    reading = run_app_calls[0]["first_reading"]
    workspace = reading.result(timeout=60)
    assert workspace.library_path == library
    expected = load_workspace(library)
    assert list(workspace.companies["company_id"]) == list(expected.companies["company_id"])
    assert len(workspace.frames.deals) == len(expected.frames.deals) > 0


def test_sub_commands_still_run(
    run_app_calls: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    sample = SAMPLES / "alibaba_meitu_convertible_2026_01.txt"
    assert cli_main.main(["extract", str(sample)]) == 0
    assert '"articles"' in capsys.readouterr().out
    assert run_app_calls == []


def test_a_missing_file_is_not_mistaken_for_the_window(
    run_app_calls: list[dict[str, Any]],
) -> None:
    with pytest.raises(SystemExit):
        cli_main.main(["/surely/not/here.txt"])
    assert run_app_calls == []


@pytest.fixture
def restored_theme(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "light")


def test_dark_theme_applies_a_dark_palette(restored_theme: QApplication, qtbot: QtBot) -> None:
    changes: list[str] = []
    theme_controller(restored_theme).theme_changed.connect(changes.append)
    assert apply_theme(restored_theme, "dark") == "dark"
    window = restored_theme.palette().color(QPalette.ColorRole.Window)
    text = restored_theme.palette().color(QPalette.ColorRole.WindowText)
    assert window.lightness() < 80 < 200 < text.lightness()
    assert current_chart_theme_name(restored_theme) == "dark"
    # Offscreen reports no colour scheme (STACK.md P19): "system" means light.
    assert apply_theme(restored_theme, "system") == "light"
    assert current_chart_theme_name(restored_theme) == "light"
    assert changes == ["dark", "light"]


def test_about_lists_the_versions(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path, tmp_path / "library.sqlite3")
    qtbot.addWidget(dialog)
    text = dialog.details_text()
    assert f"Investor Briefing: {__version__}" in text
    for name in ("Extraction engine", "Python", "PySide6 / Qt", "pandas", "matplotlib"):
        assert f"\n{name}: " in text, name
    assert "not installed" not in text
    assert f"Library: {tmp_path / 'library.sqlite3'}" in text
    dialog.copy_details()
    assert QApplication.clipboard().text() == text
    dialog.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "about_dialog.png"))


def test_help_opens_the_local_readme(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    readme = paths.readme_path({})
    assert open_help(None, readme)
    assert opened == [QUrl.fromLocalFile(str(readme.resolve()))]
    assert opened[0].isLocalFile()


def test_help_falls_back_to_plain_text(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Help\n<img src='/etc/passwd'>\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(
        ReadmeDialog, "exec", lambda dialog: shown.append(dialog.text_view.toPlainText()) or 0
    )
    assert open_help(None, readme)
    assert shown == ["# Help\n<img src='/etc/passwd'>\n"]


def test_missing_help_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    messages: list[str] = []
    monkeypatch.setattr(about.QMessageBox, "exec", lambda box: messages.append(box.text()) or 0)
    assert not open_help(None, tmp_path / "README.md")
    assert str(tmp_path / "README.md") in messages[0]


class RecordingWindow(QMainWindow):
    def __init__(self, context: app.AppContext) -> None:
        super().__init__()
        self.context = context
        self.added: list[Path] = []
        self.samples_when_empty = False

    def load_samples_when_empty(self) -> None:
        self.samples_when_empty = True

    def add_files(self, files: Sequence[Path]) -> None:
        self.added.extend(files)


@pytest.fixture
def started(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication
) -> Iterator[list[RecordingWindow]]:
    """run_app with a recording window and an exec() that returns at once."""
    monkeypatch.setenv("BRIEFING_DATA_DIR", str(tmp_path / "data"))
    windows: list[RecordingWindow] = []

    def window_for(context: app.AppContext) -> RecordingWindow:
        windows.append(RecordingWindow(context))
        return windows[-1]

    monkeypatch.setattr(app, "create_main_window", window_for)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    hook_before = sys.excepthook
    yield windows
    assert sys.excepthook is hook_before  # run_app puts the hook back
    for window in windows:
        window.close()
        window.deleteLater()
    apply_theme(qapp, "light")


@pytest.mark.parametrize(
    ("case", "with_samples"),
    [("briefing: the window offers the samples itself", False), ("make run", True)],
)
def test_the_samples_load_only_when_asked(
    started: list[RecordingWindow], tmp_path: Path, case: str, with_samples: bool
) -> None:
    assert app.run_app(["briefing"], with_samples=with_samples) == 0
    (window,) = started
    assert window.isVisible()
    assert window.context.library_path == tmp_path / "data" / "library.sqlite3"
    assert window.context.log_path == tmp_path / "data" / "briefing.log"
    assert window.added == [], case
    assert window.samples_when_empty is with_samples, case


def test_given_files_and_library_win(started: list[RecordingWindow], tmp_path: Path) -> None:
    library = tmp_path / "mine.sqlite3"
    Settings.open(tmp_path / "data" / "settings.ini").set(THEME, "dark")
    assert app.run_app(["briefing"], library=library, files=[tmp_path / "a.txt"]) == 0
    (window,) = started
    assert window.context.library_path == library
    assert window.added == [tmp_path / "a.txt"]
    assert current_chart_theme_name(QApplication.instance()) == "dark"  # type: ignore[arg-type]


def test_files_opened_from_the_finder_are_added(qapp: QApplication, tmp_path: Path) -> None:
    # macOS: "Open With" sends a QFileOpenEvent to the application, not an argument.
    class AddingWindow(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.added: list[Path] = []

        def add_files(self, files: list[Path]) -> None:
            self.added.extend(files)

    window = AddingWindow()
    forwarder = app.FileOpenForwarder(window)
    qapp.installEventFilter(forwarder)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(str(tmp_path / "note.eml")))
        QApplication.sendEvent(qapp, QFileOpenEvent(""))  # nothing named: ignored
    finally:
        qapp.removeEventFilter(forwarder)
        window.close()
    assert window.added == [tmp_path / "note.eml"]


def test_the_window_is_matched_to_its_desktop_entry(qapp: QApplication) -> None:
    app.create_application(["briefing"])
    assert qapp.desktopFileName() == "org.investorbriefing.briefing"
    desktop_file = paths.resources_dir({}) / "linux" / "org.investorbriefing.briefing.desktop"
    assert desktop_file.is_file()

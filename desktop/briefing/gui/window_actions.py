"""The main window's menus and shortcuts (File / Edit / View / Help), declared in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from briefing.gui.settings import THEMES


@dataclass(frozen=True)
class WindowActions:
    add_files: QAction
    add_folder: QAction
    recent_menu: QMenu
    export_briefing: QAction
    open_export: QAction
    paper_group: QActionGroup
    export_table: QAction
    reextract: QAction
    quit: QAction
    find: QAction
    remove: QAction
    show_errors: QAction
    tab_actions: tuple[QAction, ...]
    theme_group: QActionGroup
    help: QAction
    about: QAction


def _action(
    window: QMainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


def build_actions(window: QMainWindow, tab_titles: list[str]) -> WindowActions:
    tr = window.tr
    menu_bar = window.menuBar()
    file_menu = menu_bar.addMenu(tr("&File"))
    add_files = _action(window, tr("&Add files…"), QKeySequence.StandardKey.Open)
    add_folder = _action(window, tr("Add &folder…"), "Ctrl+Shift+O")
    export_briefing = _action(window, tr("&Export briefing as PDF…"), "Ctrl+E")
    export_briefing.setEnabled(False)  # until a company's briefing is shown
    export_briefing.setToolTip(tr("Choose a company to export its briefing"))
    open_export = _action(window, tr("&Open the exported briefing"))
    open_export.setEnabled(False)
    export_table = _action(window, tr("Export &visible table…"), "Ctrl+Shift+E")
    reextract = _action(window, tr("&Re-extract articles from an older engine"))
    quit_action = _action(window, tr("&Quit"), QKeySequence.StandardKey.Quit)
    file_menu.addAction(add_files)
    file_menu.addAction(add_folder)
    recent_menu = file_menu.addMenu(tr("Recent &files"))
    file_menu.addSeparator()
    file_menu.addAction(export_briefing)
    file_menu.addAction(open_export)
    paper_menu = file_menu.addMenu(tr("PDF &paper size"))
    paper_group = QActionGroup(window)
    for paper, title in (("a4", tr("A4")), ("letter", tr("US Letter"))):
        action = _action(window, title)
        action.setCheckable(True)
        action.setData(paper)
        paper_group.addAction(action)
        paper_menu.addAction(action)
    file_menu.addAction(export_table)
    file_menu.addSeparator()
    file_menu.addAction(reextract)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = menu_bar.addMenu(tr("&Edit"))
    find = _action(window, tr("&Find in library"), QKeySequence.StandardKey.Find)
    # Delete itself belongs to the library list (a second binding here would make Qt refuse
    # both as ambiguous); the menu only names the key.
    remove = _action(window, tr("&Remove selected articles…") + "\tDel")
    edit_menu.addAction(find)
    edit_menu.addAction(remove)

    view_menu = menu_bar.addMenu(tr("&View"))
    tab_actions = []
    for index, title in enumerate(tab_titles):
        action = _action(window, title, f"Ctrl+{index + 1}")
        view_menu.addAction(action)
        tab_actions.append(action)
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu(tr("&Theme"))
    theme_group = QActionGroup(window)
    names = {"system": tr("Follow the system"), "light": tr("Light"), "dark": tr("Dark")}
    for theme in THEMES:
        action = _action(window, names.get(theme, theme))
        action.setCheckable(True)
        action.setData(theme)
        theme_group.addAction(action)
        theme_menu.addAction(action)
    show_errors = _action(window, tr("Files that could not be read"))
    view_menu.addAction(show_errors)

    help_menu = menu_bar.addMenu(tr("&Help"))
    help_action = _action(window, tr("&Help"), QKeySequence.StandardKey.HelpContents)
    about = _action(window, tr("&About Investor Briefing"))
    help_menu.addAction(help_action)
    help_menu.addAction(about)
    return WindowActions(
        add_files=add_files,
        add_folder=add_folder,
        recent_menu=recent_menu,
        export_briefing=export_briefing,
        open_export=open_export,
        paper_group=paper_group,
        export_table=export_table,
        reextract=reextract,
        quit=quit_action,
        find=find,
        remove=remove,
        show_errors=show_errors,
        tab_actions=tuple(tab_actions),
        theme_group=theme_group,
        help=help_action,
        about=about,
    )

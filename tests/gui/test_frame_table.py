"""FrameTable: filter box, count, copy as TSV, export, settings, activation.

Frames are made up for this test; exports go to tmp_path; QSettings is an INI file there.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from briefing.analysis.formatting import format_date
from briefing.gui.frame_model import Column
from briefing.gui.frame_table import FrameTable

COLUMNS = [
    Column("published", "Date", format_date),
    Column("buyer", "Buyer"),
    Column("amount", "Amount", numeric=True),
]


def deals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a0", "a1", "a2"],
            "published": pd.to_datetime(["2026-01-03", None, "2025-11-07"]),
            "buyer": pd.Series(["Alibaba", "Meitu\tHoldings", "MiniMax"], dtype="str"),
            "amount": [250e6, 9.0, math.nan],
        }
    )


def ini_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def table(qtbot, tmp_path) -> FrameTable:
    widget = FrameTable(COLUMNS, ini_settings(tmp_path), "deals")
    qtbot.addWidget(widget)
    widget.set_frame(deals())
    widget.resize(600, 300)
    return widget


def select_rows(table: FrameTable, *rows: int) -> None:
    selection = table.view().selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(table.model().index(row, 0), flags)


def test_given_order_stays_until_the_user_sorts(table) -> None:
    # STACK.md P10: sorting enabled would otherwise sort by column 0 descending at once.
    assert table.view().isSortingEnabled()
    assert list(table.model().frame()["article_id"]) == ["a0", "a1", "a2"]
    assert table.view().horizontalHeader().sortIndicatorSection() == -1


def test_filter_box_filters_and_count_says_so(table, qtbot) -> None:
    assert table._count.text() == "3 rows"
    qtbot.keyClicks(table._filter, "mini")
    assert table.model().rowCount() == 1
    assert table._count.text() == "1 of 3 rows"
    assert table._filter.placeholderText() == "Filter rows"
    assert table._filter.isClearButtonEnabled()


def test_copy_gives_tsv_of_selected_rows_with_header(table) -> None:
    table.model().sort(2, Qt.SortOrder.AscendingOrder)  # Meitu (9), Alibaba (250e6), MiniMax
    select_rows(table, 2, 0)
    table._copy_action.trigger()
    assert QApplication.clipboard().text() == (
        "Date\tBuyer\tAmount\n\tMeitu Holdings\t9.0\n7 Nov 2025\tMiniMax\t\n"
    )


def test_ctrl_c_in_the_table_copies(table, qtbot) -> None:
    table.show()
    with qtbot.waitActive(table):  # shortcuts work in the active window only
        table.activateWindow()
    QApplication.clipboard().clear()
    select_rows(table, 0)
    table.view().setFocus()
    qtbot.keyClick(table.view(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert (
        QApplication.clipboard().text() == "Date\tBuyer\tAmount\n3 Jan 2026\tAlibaba\t250000000.0\n"
    )
    assert table._copy_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_selected_rows_returns_full_records(table) -> None:
    select_rows(table, 1)
    assert list(table.selected_rows()["article_id"]) == ["a1"]


@pytest.mark.parametrize(("name", "chosen"), [("out.csv", ""), ("out", "Excel workbook (*.xlsx)")])
def test_export_writes_visible_rows_readable_by_pandas(table, tmp_path, monkeypatch, name, chosen):
    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    table.model().set_filter("m")  # Meitu, MiniMax
    exported = []
    table.rows_exported.connect(exported.append)
    table._export_action.trigger()
    written = Path(exported[0])
    read = (
        pd.read_csv(written, keep_default_na=False, dtype=str)
        if written.suffix == ".csv"
        else (pd.read_excel(written, keep_default_na=False, dtype=str))
    )
    assert list(read.columns) == ["Date", "Buyer", "Amount"]
    assert read.values.tolist() == [["", "Meitu\tHoldings", "9.0"], ["7 Nov 2025", "MiniMax", ""]]
    assert written.suffix in (".csv", ".xlsx")


def test_export_cancelled_writes_nothing(table, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    table._export_action.trigger()
    assert list(tmp_path.glob("*.csv")) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_export_to_unwritable_folder_reports_file_and_reason(table, tmp_path, qtbot) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with qtbot.waitSignal(table.error_occurred) as signal:
            assert not table.export_to(locked / "rows.csv")
    finally:
        locked.chmod(0o700)
    assert "rows.csv" in signal.args[0]
    assert "denied" in signal.args[0].lower()


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("no such folder/rows.xlsx", "No such file or directory"),
        ("a folder.csv/", "Is a directory"),  # the chosen name is an existing folder
    ],
)
def test_export_failure_reports_file_and_reason(table, tmp_path, qtbot, where, reason) -> None:
    target = tmp_path / where
    if where.endswith("/"):
        target.mkdir()
    with qtbot.waitSignal(table.error_occurred) as signal:
        assert not table.export_to(target)
    assert str(target) in signal.args[0]
    assert reason in signal.args[0]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_widths_and_sort_survive_a_new_table(qtbot, tmp_path) -> None:
    first = FrameTable(COLUMNS, ini_settings(tmp_path), "deals")
    qtbot.addWidget(first)
    first.set_frame(deals())
    first.view().horizontalHeader().resizeSection(1, 211)
    first.view().sortByColumn(2, Qt.SortOrder.DescendingOrder)
    first._settings.sync()

    second = FrameTable(COLUMNS, ini_settings(tmp_path), "deals")
    qtbot.addWidget(second)
    second.set_frame(deals())
    header = second.view().horizontalHeader()
    assert header.sectionSize(1) == 211
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        2,
        Qt.SortOrder.DescendingOrder,
    )
    assert list(second.model().frame()["article_id"]) == ["a0", "a1", "a2"]  # 250e6, 9, NaN

    other = FrameTable(COLUMNS, ini_settings(tmp_path), "metrics")  # another key: untouched
    qtbot.addWidget(other)
    other.set_frame(deals())
    assert other.view().horizontalHeader().sortIndicatorSection() == -1


@pytest.mark.parametrize("how", ["double-click", "enter", "menu"])
def test_activation_emits_the_full_record(table, qtbot, how) -> None:
    table.show()
    view = table.view()
    index = table.model().index(1, 1)
    view.setCurrentIndex(index)
    with qtbot.waitSignal(table.row_activated) as signal:
        if how == "double-click":
            point = view.visualRect(index).center()
            # A real double-click arrives as a click, then the double-click event.
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
            qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        elif how == "enter":
            qtbot.keyClick(view, Qt.Key.Key_Return)
        else:
            table._activate_action.trigger()
    assert signal.args[0]["article_id"] == "a1"


def test_context_menu_offers_copy_export_and_evidence(table) -> None:
    texts = [action.text() for action in table.view().actions()]
    assert texts == ["Copy", "Export visible rows…", "Show evidence"]
    assert table.view().contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_long_cells_elide_and_keep_full_text_in_tooltip(table) -> None:
    assert table.view().textElideMode() == Qt.TextElideMode.ElideRight
    assert not table.view().wordWrap()
    tip = table.model().index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Meitu\tHoldings" in tip

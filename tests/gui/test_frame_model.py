"""FrameModel: the Qt model over a DataFrame, sorted and filtered in pandas.

Cases are written for this test (small frames we make up) unless labelled otherwise.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QTableView

from briefing.analysis.formatting import format_change, format_date
from briefing.gui.frame_model import Column, FrameModel

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DISPLAY, USER = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole

COLUMNS = [
    Column("published", "Date", format_date),
    Column("buyer", "Buyer"),
    Column("amount", "Amount", numeric=True),
    Column("change_pct", "Change", format_change, numeric=True),
]


def deals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "published": pd.to_datetime(["2026-01-03", None, "2025-11-07", "2026-02-10"]),
            "buyer": pd.Series(["alibaba", "Meitu", None, "MiniMax"], dtype="str"),
            "amount": [250e6, 9.0, 10.0, math.nan],
            "change_pct": [34.0, -71.0, math.nan, 5.0],
            "quote": pd.Series(["q0", "q1", "q2", "q3"], dtype="str"),  # not shown
        }
    )


def column_texts(model: FrameModel, column: int) -> list[str]:
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


@pytest.fixture
def model(qapp) -> FrameModel:
    built = FrameModel(COLUMNS)
    built.set_frame(deals())
    return built


def test_model_passes_qtmodeltester_empty_small_and_filtered(qtmodeltester) -> None:
    model = FrameModel(COLUMNS)
    qtmodeltester.check(model)  # never given a frame
    model.set_frame(deals().iloc[:0])
    qtmodeltester.check(model)
    model.set_frame(deals())
    qtmodeltester.check(model)
    model.set_filter("mini")
    qtmodeltester.check(model)
    model.set_filter("")
    model.sort(2, DESC)
    qtmodeltester.check(model)
    model.set_frame(deals().assign(conflict=[True, False, None, True]))  # marker roles
    qtmodeltester.check(model)


def test_display_texts_use_the_formatters_and_blank_missing_values(model) -> None:
    assert column_texts(model, 0) == ["3 Jan 2026", "", "7 Nov 2025", "10 Feb 2026"]
    assert column_texts(model, 1) == ["alibaba", "Meitu", "", "MiniMax"]
    assert column_texts(model, 3) == ["+34%", "−71%", "", "+5%"]
    assert model.index(0, 2).data(USER) == 250e6  # raw value under UserRole
    assert model.index(2, 1).data(USER) is None  # missing -> None
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Amount"
    right = model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight


@pytest.mark.parametrize(
    ("column", "order", "expected_buyers", "why"),
    [
        (2, ASC, ["Meitu", "", "alibaba", "MiniMax"], "9 < 10 < 250e6 numerically; NaN last"),
        (2, DESC, ["alibaba", "", "Meitu", "MiniMax"], "descending, NaN still last"),
        (1, ASC, ["alibaba", "Meitu", "MiniMax", ""], "text ignoring case; missing last"),
        (0, ASC, ["", "alibaba", "MiniMax", "Meitu"], "by date, not by '3 Jan' text; NaT last"),
        (-1, ASC, ["alibaba", "Meitu", "", "MiniMax"], "column -1 = the frame's own order"),
    ],
)
def test_sort_semantics(model, column, order, expected_buyers, why) -> None:
    model.sort(column, order)
    assert column_texts(model, 1) == expected_buyers, why
    assert model.sort_state() == (column, order)


def test_sort_key_sorts_a_text_column_by_another_column(qapp) -> None:
    # Source: gui/columns.py shows formatted amounts and sorts them by a number column.
    model = FrameModel([Column("amount", "Amount", numeric=True, sort_key="amount_sort")])
    frame = pd.DataFrame(
        {"amount": ["USD 2 billion", "USD 900 million", "n/a"], "amount_sort": [2e9, 9e8, None]}
    )
    model.set_frame(frame)
    model.sort(0, DESC)
    assert column_texts(model, 0) == ["USD 2 billion", "USD 900 million", "n/a"]
    model.sort(0, ASC)
    assert column_texts(model, 0) == ["USD 900 million", "USD 2 billion", "n/a"]


def test_sort_is_stable(qapp) -> None:
    model = FrameModel([Column("k", "K", numeric=True), Column("n", "N")])
    model.set_frame(pd.DataFrame({"k": [1, 0, 1, 0], "n": ["a", "b", "c", "d"]}))
    model.sort(0, DESC)
    assert column_texts(model, 1) == ["a", "c", "b", "d"]


def test_numeric_column_stored_as_text_sorts_as_numbers(qapp) -> None:
    model = FrameModel([Column("n", "N", numeric=True)])
    model.set_frame(pd.DataFrame({"n": pd.Series(["10", "9", "100"], dtype="str")}))
    model.sort(0, ASC)
    assert column_texts(model, 0) == ["9", "10", "100"]


@pytest.mark.parametrize(
    ("text", "expected_buyers", "why"),
    [
        ("ALIBABA", ["alibaba"], "case-insensitive"),
        ("mi", ["MiniMax"], "substring"),
        ("jan", ["alibaba"], "matches the shown date text '3 Jan 2026'"),
        ("−71", ["Meitu"], "matches the formatted change"),
        ("q1", [], "the quote column is not shown, so not searched"),
        ("  ", ["alibaba", "Meitu", "", "MiniMax"], "blank = no filter"),
    ],
)
def test_filter_semantics(model, text, expected_buyers, why) -> None:
    model.set_filter(text)
    assert column_texts(model, 1) == expected_buyers, why
    assert model.total_rows() == 4


def test_filter_and_sort_combine_and_frame_returns_full_records(model) -> None:
    model.sort(2, DESC)
    model.set_filter("m")  # Meitu, MiniMax (and not alibaba)
    assert column_texts(model, 1) == ["Meitu", "MiniMax"]
    assert list(model.frame()["quote"]) == ["q1", "q3"]
    assert model.row(1)["quote"] == "q3"
    assert set(model.row(0).index) == set(deals().columns)


def test_mask_and_text_filter_are_anded(model) -> None:
    model.set_filters("m", np.array([True, False, True, True]))
    assert column_texts(model, 1) == ["MiniMax"]
    model.set_mask(None)
    assert column_texts(model, 1) == ["Meitu", "MiniMax"]


def test_set_frame_keeps_sort_and_does_not_modify_input(model) -> None:
    frame = deals()
    before = frame.copy()
    model.sort(2, ASC)
    model.set_frame(frame)
    assert column_texts(model, 1)[0] == "Meitu"
    pd.testing.assert_frame_equal(frame, before)


def test_sort_moves_persistent_indexes_with_their_rows(model) -> None:
    kept = QPersistentModelIndex(model.index(0, 1))  # alibaba
    model.sort(1, DESC)
    assert kept.isValid()
    assert kept.data(DISPLAY) == "alibaba"


def test_conflicting_rows_are_marked(qapp) -> None:
    frame = deals().assign(conflict=[False, True, None, False])
    model = FrameModel(COLUMNS)
    model.set_frame(frame)
    flagged, plain = model.index(1, 0), model.index(0, 0)
    assert flagged.data(Qt.ItemDataRole.DecorationRole) is not None
    assert flagged.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 2).data(Qt.ItemDataRole.BackgroundRole) is not None  # whole row
    assert "Sources disagree on this figure" in flagged.data(Qt.ItemDataRole.ToolTipRole)
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None
    assert plain.data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # None = not flagged


def test_tooltips_escape_markup(qapp) -> None:
    model = FrameModel([Column("title", "Title")])
    model.set_frame(pd.DataFrame({"title": ["Revenue <b>up</b> & <img src='/etc/x'>"]}))
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip
    assert "&lt;b&gt;up&lt;/b&gt; &amp;" in tip


def test_multi_data_answers_each_role_as_data_does(qapp) -> None:
    # The delegate asks all roles of a cell in one multiData call (one Python call per cell
    # instead of seven, so a repaint does not stall while a worker computes).
    model = FrameModel(COLUMNS)
    model.set_frame(deals().assign(conflict=[False, True, None, False]))
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.UserRole,
    ]
    answered = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                role_data = QModelRoleData(int(role))
                index.multiData(QModelRoleDataSpan(role_data))
                expected = model.data(index, role)
                assert (role_data.data() is None) == (expected is None), (row, column, role)
                if isinstance(expected, (str, float, int)) and not isinstance(expected, bool):
                    assert role_data.data() == expected, (row, column, role)
                answered += expected is not None
    assert answered > 4 * 4  # display text and alignment of every cell at least


def test_painting_through_multi_data_looks_as_through_data(qapp, qtbot) -> None:
    # Same pixels whether the view reads the cells through multiData or role by role.
    class RoleByRole(FrameModel):
        multiData = QAbstractTableModel.multiData  # Qt's own: one data() call per role

    images = []
    for model_class in (FrameModel, RoleByRole):
        model = model_class(COLUMNS)
        model.set_frame(deals().assign(conflict=[False, True, None, False]))
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(640, 240)
        view.show()
        qtbot.waitExposed(view)
        images.append(view.grab().toImage())
    assert images[0] == images[1]

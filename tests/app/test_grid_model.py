"""The grid model passes qtmodeltester; cells are formatted lazily; diffs highlight cells."""

from __future__ import annotations

import numpy as np
import pandas as pd
from brewdesk.app.grid import (
    NEW,
    ChangedColumnRole,
    FrameModel,
    NewColumnRole,
    SummaryHeader,
    SummaryRole,
    TypeRole,
)
from brewdesk.engine.profile import summarize
from brewdesk.recipes.model.diff import diff
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "n": pd.array([1, None, 3], dtype="Int64"),
            "x": pd.array([1.5, 2.0, None], dtype="Float64"),
            "s": pd.array(["a", None, "ccc"], dtype="string"),
            "t": pd.to_datetime(["2024-01-01", None, "2024-01-03 10:30"], format="ISO8601").astype("datetime64[us]"),
            "b": pd.array([True, None, False], dtype="boolean"),
            "o": pd.Series([[1], None, {"k": 1}], dtype=object).to_numpy(),
        },
        index=pd.Index([5, 6, 7], name="_rowid"),
    )


def test_qtmodeltester(qtmodeltester):
    model = FrameModel()
    model.set_frame(frame())
    model.set_summaries(summarize(frame()))
    qtmodeltester.check(model, force_py=True)
    model.set_frame(frame().iloc[:0])
    qtmodeltester.check(model, force_py=True)


def test_cells_missing_and_types():
    m = FrameModel()
    m.set_frame(frame())
    assert m.rowCount() == 3 and m.columnCount() == 6
    assert m.data(m.index(0, 0)) == "1"
    assert m.data(m.index(1, 0)) == "—"
    assert m.data(m.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert m.data(m.index(1, 1)) == "2.0"
    assert m.data(m.index(0, 3)) == "2024-01-01" and m.data(m.index(2, 3)) == "2024-01-03 10:30:00"
    assert m.data(m.index(0, 4)) == "true"
    assert m.data(m.index(2, 5)) == '{"k": 1}'  # nested values show as JSON
    assert "row id 5" in m.data(m.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert m.headerData(0, Qt.Orientation.Horizontal, TypeRole) == "int64"
    assert m.headerData(0, Qt.Orientation.Vertical) == "1"
    # only requested columns were materialised
    assert set(m._arrays) == {0, 1, 3, 4, 5}


def test_diff_highlights():
    before = frame()
    after = before.assign(n=before["n"].fillna(0), z=1)
    m = FrameModel()
    m.set_frame(after, diff(before, after))
    bg = m.data(m.index(1, 0), Qt.ItemDataRole.BackgroundRole)
    assert bg is not None and m.data(m.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    z = m.columns.index("z")
    assert m.data(m.index(0, z), Qt.ItemDataRole.BackgroundRole).color() == NEW
    assert m.headerData(z, Qt.Orientation.Horizontal, NewColumnRole) is True
    assert m.headerData(0, Qt.Orientation.Horizontal, ChangedColumnRole) == 1


def test_header_paints_summaries(qtbot):
    view = QTableView()
    header = SummaryHeader(view)
    view.setHorizontalHeader(header)
    m = FrameModel()
    big = pd.DataFrame({"v": pd.array(np.arange(1000), dtype="Int64"), "s": pd.array(["a", "b"] * 500, dtype="string")})
    m.set_frame(big)
    m.set_summaries(summarize(big))
    view.setModel(m)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    assert header.sizeHint().height() > 2 * header.fontMetrics().height()
    assert m.headerData(0, Qt.Orientation.Horizontal, SummaryRole).rows == 1000
    img = view.grab().toImage()
    assert not img.isNull()

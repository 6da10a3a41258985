"""Every operation's form builds offscreen and previews on degenerate tables without raising
(Orange3-style widget tests): with zero rows and with all-null columns of every type, the form
either previews or shows the problem; nothing escapes as an exception."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from brewdesk.app.form_fields import (
    UNSET,
    ColumnPicker,
    MultiColumnPicker,
    TableEditor,
    TextEditor,
)
from brewdesk.app.main_window import MainWindow
from brewdesk.recipes import registry

TYPES = {"i": "Int64", "f": "Float64", "b": "boolean", "s": "string", "d": "datetime64[us]", "c": "category"}


def table(rows: int) -> pd.DataFrame:
    data = {name: pd.Series([None] * rows, dtype=dtype) for name, dtype in TYPES.items()}
    data["_rowid"] = np.arange(rows, dtype="int64")
    return pd.DataFrame(data)


def fill(form) -> None:
    """Give every empty field something plausible, as a user would."""
    for name, ed in form.editors.items():
        if isinstance(ed, TableEditor):
            row = (ed.value() or [{}])[0]
            for col in ed.required - set(row):
                ed.set_cell(0, col, "new_col" if "target" in col else form.schema.names[0])
            continue
        if ed.value() not in (UNSET, [], None):
            continue
        if isinstance(ed, MultiColumnPicker) and ed.list.count():
            ed.list.item(0).setCheckState(ed.list.item(0).checkState().Checked)
        elif isinstance(ed, ColumnPicker) and ed.combo.count() > 1:
            ed.combo.setCurrentIndex(1)
        elif isinstance(ed, TextEditor):
            if name.startswith("secondary_input"):
                ed.set_value(["other"] if ed.kind == "list" else "other")
            elif ed.kind == "string":
                ed.set_value("new_col" if "column" in name else "a")
            elif ed.kind == "list":
                ed.set_value(["a"])


@pytest.mark.parametrize("rows", [0, 3], ids=["empty", "all_null"])
def test_every_form_builds_and_previews(qtbot, rows):
    w = MainWindow(recover=False)
    qtbot.addWidget(w)
    s = w.session
    s.set_sample(table(rows))
    s.set_input("other", table(rows))
    assert s.wait(30)
    outcomes: dict[str, str] = {}
    for op in registry.operations().values():
        form = w.open_form(op)
        assert form is not None, op.id
        assert form.editors.keys() == op.Params.model_fields.keys()
        fill(form)
        step = form.revalidate()
        assert s.wait(30), op.id
        if step is None:
            assert form.problems, f"{op.id}: invalid but no problem shown"
            outcomes[op.id] = "invalid"
        else:
            cand = s.candidate
            assert cand is not None, op.id
            if cand.error:
                assert "Preview failed" in form.preview_label.text()
                assert "Preview failed" in w.banner.text()
                outcomes[op.id] = "error shown"
            else:
                assert cand.after is not None and "Preview:" in form.preview_label.text()
                assert w.model.rowCount() == len(cand.after)
                outcomes[op.id] = "previewed"
        w.close_form()
        assert s.candidate is None and not s.recipe.steps
    # most operations must actually run on these tables, not just be refused
    assert sum(v == "previewed" for v in outcomes.values()) >= len(outcomes) // 2, outcomes
    w.session.undo_stack.setClean()

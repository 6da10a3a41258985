""""Fill from sample" in the step form: PIVOT and ONE_HOT_ENCODING read their data-dependent
params (pivot values, categories) from the data before the step, in the session's worker."""

from __future__ import annotations

from dataclasses import replace

import pytest
from brewdesk.app.form_fields import format_list, parse_list
from brewdesk.app.step_form import FILL_KIND
from brewdesk.recipes.model.conditions import Condition
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.registry import operations
from PySide6.QtCore import Qt

OPERATIONS = operations()
CSV = """region,year,product,sales
north,2020,tea,1.5
north,2021,tea,2.5
south,2020,coffee,4.0
south,2021,tea,8.0
south,2021,coffee,1.0
east,2022,,3.0
"""


def wait(window) -> None:
    assert window.session.wait(60), "background work did not finish"


@pytest.fixture
def opened(window, tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text(CSV)
    window.opener.open_location(str(path))
    wait(window)
    assert window.session.sample is not None and len(window.session.sample) == 6
    return window


def open_form(window, op_id: str, values: dict):
    window.actions_.transform_actions[op_id].trigger()
    form = window.form
    assert form is not None and form.op.id == op_id
    for name, value in values.items():
        form.editors[name].set_value(value)
    return form


def settle(window, form) -> None:
    """Let the form's timer and the workers finish, then validate and preview."""
    wait(window)
    form.revalidate()
    wait(window)


def test_pivot_fill_button_fills_values_and_previews_the_pivot(opened, qtbot):
    window = opened
    form = open_form(window, "pivot", {"source_column": "year", "value_column": "sales"})
    assert form.fill_button is not None and form.fill_button.isVisibleTo(form)
    form.editors["pivot_values"].set_value(["1999"])  # stale values: the button replaces them
    settle(window, form)
    assert form.editors["pivot_values"].value() == ["1999"]  # never replaced without asking
    qtbot.mouseClick(form.fill_button, Qt.MouseButton.LeftButton)
    assert window.session.worker.pending(FILL_KIND) or form.editors["pivot_values"].value() != ["1999"]
    settle(window, form)
    assert form.editors["pivot_values"].value() == ["2020", "2021", "2022"]
    assert "3 pivot values" in form.fill_status.text()
    cand = window.session.candidate
    assert cand is not None and cand.error is None, cand.error if cand else "no preview"
    assert list(cand.after.columns) == ["region", "product", "2020", "2021", "2022"]
    assert window.model.columns == ["region", "product", "2020", "2021", "2022"]
    row = cand.after.reset_index(drop=True)
    north_tea = row[(row.region == "north") & (row["product"] == "tea")].iloc[0]
    assert (north_tea["2020"], north_tea["2021"]) == (1.5, 2.5)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    wait(window)
    assert window.form is None
    step = window.session.recipe.steps[-1]
    assert step.op == "pivot" and step.params.pivot_values == ["2020", "2021", "2022"]
    assert not window.session.problems


def test_one_hot_fills_by_itself_once_the_column_is_picked(opened, qtbot):
    window = opened
    form = open_form(window, "one_hot_encoding", {"source_column": "region"})
    settle(window, form)
    assert form.editors["categories"].value() == ["east", "north", "south"]
    form.editors["source_column"].set_value("product")  # values it filled follow the column
    settle(window, form)
    assert form.editors["categories"].value() == ["coffee", "tea"]
    form.editors["source_column"].set_value("region")
    settle(window, form)
    assert form.editors["categories"].value() == ["east", "north", "south"]
    form.editors["categories"].set_value(["north"])  # the user's own choice is kept
    form.editors["source_column"].set_value("product")
    settle(window, form)
    assert form.editors["categories"].value() == ["north"]
    form.editors["source_column"].set_value("region")
    settle(window, form)
    assert form.editors["categories"].value() == ["north"]
    qtbot.mouseClick(form.fill_button, Qt.MouseButton.LeftButton)
    settle(window, form)
    assert form.editors["categories"].value() == ["east", "north", "south"]
    cand = window.session.candidate
    assert cand is not None and cand.error is None, cand.error if cand else "no preview"
    new = ["region_east", "region_north", "region_south"]
    assert list(cand.after.columns) == ["region", *new, "year", "product", "sales"]
    assert cand.after["region_south"].tolist() == [0, 0, 1, 1, 1, 0]
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    wait(window)
    step = window.session.recipe.steps[-1]
    assert step.op == "one_hot_encoding" and step.params.categories == ["east", "north", "south"]


def test_fill_reads_the_data_before_the_step(opened):
    """A one-hot step after a filter sees only the rows that filter keeps."""
    window = opened
    s = window.session
    form = open_form(window, "one_hot_encoding", {"source_column": "product"})
    settle(window, form)
    assert form.editors["categories"].value() == ["coffee", "tea"]  # missing product left out
    form.cancelled.emit()
    drop_south = Step(
        op="remove_values",
        params=OPERATIONS["remove_values"].Params(source_column="region"),
        conditions=(Condition(condition="IS", target_column="region", value=["south"]),),
    )
    s.add_step(drop_south)
    wait(window)
    form = open_form(window, "one_hot_encoding", {"source_column": "product"})
    settle(window, form)
    assert form.editors["categories"].value() == ["tea"]  # the coffee rows were all in the south
    form.apply()
    wait(window)
    # an imported-like step without categories: the problem names the button, and its form
    # fills them by itself when it opens
    step = s.recipe.steps[-1]
    bare = replace(step, params=step.params.model_copy(update={"categories": None}))
    s.edit_step(bare)
    wait(window)
    assert "Fill from sample" in s.problems[step.id].message
    form = window.edit_step(step.id)
    settle(window, form)
    assert form.editors["categories"].value() == ["tea"]
    assert form.current is not None, form.problems
    assert form.current.params.categories == ["tea"]


def test_fill_errors_are_shown_beside_the_button(window, qtbot, tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,n\n" + "".join(f"k{i:02d},{i}\n" for i in range(12)))
    window.opener.open_location(str(path))
    wait(window)
    form = open_form(window, "transpose", {})
    qtbot.mouseClick(form.fill_button, Qt.MouseButton.LeftButton)
    assert form.fill_status.text().startswith("Fill the other fields first")
    assert not window.session.worker.pending(FILL_KIND)
    form.cancelled.emit()
    form = open_form(window, "pivot", {"source_column": "id", "value_column": "n"})
    settle(window, form)  # the automatic fill fails: the reason is shown, the field stays empty
    assert "Could not fill from the sample" in form.fill_status.text()
    assert "'id' has 12 distinct values" in form.fill_status.text()
    assert form.editors["pivot_values"].is_blank() and form.fill_button.isEnabled()
    assert form.current is None and "pivot_values" in form.problems


def test_ops_without_data_dependent_params_have_no_button(opened):
    form = open_form(opened, "upper_case", {})
    assert form.fill_button is None


def test_unnest_struct_fields_fill_the_table(window, qtbot, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        'id,payload\n1,"{""kind"": ""click"", ""x"": 3}"\n2,"{""kind"": ""view, long"", ""ok"": true}"\n'
    )
    window.opener.open_location(str(path))
    wait(window)
    s = window.session
    s.add_step(Step(op="json_to_structs", params=OPERATIONS["json_to_structs"].Params(source_columns=["payload"])))
    wait(window)
    form = open_form(window, "unnest_struct", {"source_column": "payload_struct"})
    settle(window, form)
    assert form.editors["fields"].value() == [
        {"name": "kind", "type": "string"},
        {"name": "x", "type": "int64"},
        {"name": "ok", "type": "boolean"},
    ]
    cand = s.candidate
    assert cand is not None and cand.error is None, cand.error if cand else "no preview"
    assert cand.after["payload_struct.kind"].tolist() == ["click", "view, long"]
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    wait(window)
    assert s.recipe.steps[-1].op == "unnest_struct" and not s.problems
    # levels: paths are list cells in the table
    form = open_form(window, "unnest_struct_n", {"source_columns": ["payload_struct"], "delimiter": "_"})
    settle(window, form)
    assert [r["path"] for r in form.editors["fields"].value()] == [["kind"], ["x"], ["ok"]]
    assert form.current is not None, form.problems
    wait(window)
    assert s.candidate is not None and s.candidate.error is None
    assert {"payload_struct_kind", "payload_struct_x", "payload_struct_ok"} <= set(s.candidate.after.columns)


def test_list_text_round_trips_values_with_commas():
    values = ["a, b", "c", " d"]
    assert parse_list(format_list(values)) == values
    assert format_list(["2020", "2021"]) == "2020, 2021"
    assert parse_list("2020, 2021") == ["2020", "2021"]
    assert parse_list("[broken") == ["[broken"]

"""Session, worker, reader options, conditions, autosave/recovery, drag and drop, CLI screenshot."""

from __future__ import annotations

import subprocess
import sys
import threading

import pandas as pd
from brewdesk.app import autosave
from brewdesk.app.workers import Worker
from brewdesk.engine.readers import parse_source
from brewdesk.recipes.model.recipe import Recipe, Step


def wait(window) -> None:
    assert window.session.wait(60)


def test_newer_request_supersedes_older(qtbot):
    w = Worker()
    got: list[object] = []
    w.done.connect(lambda kind, r: got.append(r))
    gate = threading.Event()
    w.submit("view", lambda: (gate.wait(5), "old")[1])
    w.submit("view", lambda: "new")
    gate.set()
    assert w.wait_idle(10)
    qtbot.wait(50)
    assert got == ["new"]
    failures: list[object] = []
    w.failed.connect(lambda kind, e: failures.append(e))
    w.submit("profile", lambda: 1 / 0)
    assert w.wait_idle(10)
    assert isinstance(failures[0], ZeroDivisionError)


def test_cancel_load_ignores_the_result(window, tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n")
    window.opener.open_location(str(p))
    assert window.cancel_button.isVisibleTo(window)
    window.session.cancel_load()
    wait(window)
    assert window.session.sample is None
    assert not window.cancel_button.isVisibleTo(window)


def test_reader_options_reload(window, tmp_path):
    p = tmp_path / "semi.csv"
    p.write_text("a;b;c\n1;x;2.5\n2;y;3.5\n")
    window.opener.open_location(str(p), delimiter=",")
    wait(window)
    assert window.model.columnCount() == 1
    window.session.reload(delimiter=";")
    wait(window)
    assert window.model.columns == ["a", "b", "c"] and window.model.rowCount() == 2
    window.session.reload(header=False)
    wait(window)
    assert window.model.columns[0] == "column_1" and window.model.rowCount() == 3


def test_filter_with_the_condition_editor(window, flights_path):
    window.opener.open_location(flights_path)
    wait(window)
    window.actions_.transform_actions["remove_values"].trigger()
    form = window.form
    row = form.conditions.rows[0]
    row.column.setCurrentIndex(row.column.findData("carrier"))
    row.condition.setCurrentIndex(row.condition.findData("IS"))
    row.value.setText("UA, AA")
    assert form.revalidate() is not None, form.problems
    wait(window)
    d = window.session.candidate.diff
    assert d.rows_removed > 0 and "rows removed" in window.banner.text()
    form.apply()
    wait(window)
    step = window.session.recipe.steps[0]
    assert step.conditions[0].value == ("UA", "AA")
    carriers = set(window.model.frame["carrier"].dropna())
    assert not carriers & {"UA", "AA"}
    # a bad condition is explained at the condition editor
    window.edit_step(step.id)
    window.form.conditions.rows[0].column.setCurrentIndex(window.form.conditions.rows[0].column.findData("dep_delay"))
    window.form.conditions.rows[0].condition.setCurrentIndex(window.form.conditions.rows[0].condition.findData("LESS_THAN"))
    window.form.conditions.rows[0].value.setText("abc")
    window.form.revalidate()
    wait(window)
    assert "Preview failed" in window.form.preview_label.text() and "abc" in window.form.preview_label.text()
    window.close_form()


def test_broken_step_is_marked_with_its_reason(window, flights_path):
    window.opener.open_location(flights_path)
    wait(window)
    s = window.session
    ren = Step.create("rename", {"source_column": "dep_delay", "target_column": "dd"})
    s.add_step(ren)
    s.add_step(Step.create("fill_with_median", {"source_column": "dd"}))
    wait(window)
    assert not s.problems
    s.toggle_step(ren.id, False)
    wait(window)
    assert len(s.problems) == 1
    assert "⚠" in window.recipe_panel.list.item(1).text()
    assert "fails" in window.banner.text() or "broken" in window.recipe_panel.header.text()
    s.move_step(s.recipe.steps[1].id, 0)
    assert s.recipe.steps[0].op == "fill_with_median"
    window.session.undo_stack.undo()
    assert s.recipe.steps[0].op == "rename"


def test_autosave_and_recovery(window, flights_path, qtbot):
    from brewdesk.app.main_window import MainWindow

    window.opener.open_location(flights_path)
    wait(window)
    window.session.add_step(Step.create("upper_case", {"source_column": "tailnum"}))
    window.autosave()
    found = autosave.read()
    assert found is not None and len(found.recipe.steps) == 1
    assert found.source is not None and found.source.location.endswith("flights.csv.zip")
    other = MainWindow(recover=False)
    qtbot.addWidget(other)
    other.recover(found)
    other.session.wait(60)
    assert other.session.sample is not None and len(other.session.recipe.steps) == 1
    assert other.session.dirty and other.isWindowModified()
    other.session.undo_stack.setClean()
    window.session.undo_stack.setClean()
    window.close()
    assert autosave.read() is None


def test_drop_recipe_and_data(window, tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("name,n\na,1\nb,\n")
    window.open_dropped(str(data))
    wait(window)
    assert window.model.rowCount() == 2
    assert window.opener.recent()[0] == str(data)
    r = Recipe(name="r").inserted(Step.create("fill_with_custom", {"source_column": "n", "value": 0}))
    path = tmp_path / "r.json"
    r.save(path)
    window.open_dropped(str(path))
    wait(window)
    assert window.session.recipe.name == "r"
    assert window.model.data(window.model.index(1, 1)) == "0"


def test_gui_screenshot_command(tmp_path, flights_path):
    recipe = Recipe(name="shot").inserted(Step.create("lower_case", {"source_column": "carrier"}))
    rpath = tmp_path / "shot.json"
    recipe.save(rpath)
    out = tmp_path / "shot.png"
    r = subprocess.run(
        [sys.executable, "-m", "brewdesk", "gui", flights_path, "--recipe", str(rpath),
         "--screenshot", str(out), "--size", "500"],
        capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sample_frame_roundtrip_keeps_rowids(window):
    df = pd.DataFrame({"a": pd.array([3, 1, 2], dtype="Int64"), "_rowid": [10, 20, 30]})
    window.session.set_sample(df, parse_source("memory.csv"))
    wait(window)
    assert list(window.model.frame.index) == [10, 20, 30]

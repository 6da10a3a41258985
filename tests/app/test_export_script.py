"""File ▸ Export as Python script…: the exported pandas and Dask scripts run and match a run."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from brewdesk.app import export_script
from brewdesk.recipes.model.recipe import Step

CSV = "name,score,city\nann,3,paris\nbob,,rome\ncid,7,paris\ndan,1,\neve,,rome\nfay,4,oslo\n"


def _open(window, tmp_path):
    data = tmp_path / "scores.csv"
    data.write_text(CSV)
    window.opener.open_location(str(data))
    assert window.session.wait(60)
    s = window.session
    # a statistic over the whole data, a global sort and numbering in the new order
    s.add_step(Step.create("fill_with_median", {"source_column": "score"}))
    s.add_step(
        Step.create(
            "sort",
            {
                "expressions": [
                    {"source_column": "city", "nulls_ordering": "NULLS_TOP"},
                    {"source_column": "score", "ordering": "DESCENDING"},
                ]
            },
        )
    )
    s.add_step(Step.create("row_number", {"target_column": "n"}))
    assert window.session.wait(60)


EXPECTED = {
    "name": ["dan", "fay", "cid", "ann", "bob", "eve"],
    "score": [1, 4, 7, 3, 4, 4],
    "city": [None, "oslo", "paris", "paris", "rome", "rome"],
    "n": [1, 2, 3, 4, 5, 6],
}


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_export_runs_and_matches(window, qtbot, tmp_path, engine):
    _open(window, tmp_path)
    script = tmp_path / f"clean_{engine}.py"
    out = tmp_path / f"out_{engine}.csv"
    assert window.export_python_as(script, engine=engine, destination=str(out))
    with qtbot.waitSignal(window.script_exporter.exported, timeout=30_000) as blocker:
        pass
    assert blocker.args == [str(script), engine]
    assert f"Exported {script}" in window.statusBar().currentMessage()
    text = script.read_text()
    assert ("import dask.dataframe as dd" in text) == (engine == "dask")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    got = pd.read_csv(out)
    # the median is 3.5 over the whole file (4 in an integer column, half to even), whatever the partitions
    assert got["name"].tolist() == EXPECTED["name"]
    assert got["score"].tolist() == EXPECTED["score"]
    assert got["n"].tolist() == EXPECTED["n"]
    assert got["city"].fillna("").tolist() == [c or "" for c in EXPECTED["city"]]


def test_refused_steps_are_reported(window, qtbot, tmp_path, monkeypatch):
    _open(window, tmp_path)
    window.session.add_step(
        Step.create(
            "join", {"secondary_input": "carriers", "join_keys": [{"key": "city", "value": "city"}]}
        )
    )
    warnings: list[str] = []
    monkeypatch.setattr(
        export_script.QMessageBox, "warning", lambda _w, _t, msg: warnings.append(msg)
    )
    script = tmp_path / "no.py"
    assert window.export_python_as(script, engine="dask")
    with qtbot.waitSignal(window.script_exporter.failed, timeout=30_000) as blocker:
        pass
    # the join's second input is not open in the window: the script would have nothing to read
    assert "step 4" in blocker.args[0] and "input 'carriers'" in blocker.args[0]
    assert warnings == blocker.args
    assert not script.exists()


def test_file_menu_has_the_action(window):
    menu = window.menuBar().actions()[0].menu()
    assert window.actions_.actions["export_python"] in menu.actions()
    assert window.actions_.actions["export_python"].text() == "Export as Python script…"

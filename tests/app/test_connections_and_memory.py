"""Named database connections and the memory limit in the app: open, run, and no password stored.

The connections are SQLite files named in ``connections.toml`` (``BREWDESK_HOME`` is a temporary
folder, see conftest.py) or in ``BREWDESK_CONNECTION_<NAME>``; a fake password in
``BREWDESK_PASSWORD_<NAME>`` is resolved into the URL the readers and writers use (SQLite
ignores it), and must never reach QSettings, the recent files, the autosave or the job history.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402
import sqlite3  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from brewdesk.app import autosave  # noqa: E402
from brewdesk.app.dialogs import DatabaseDialog  # noqa: E402
from brewdesk.app.opening import app_settings  # noqa: E402
from brewdesk.app.run_dialog import RunDialog  # noqa: E402
from brewdesk.app.run_outputs import OutputDraft, check_draft  # noqa: E402
from brewdesk.engine.connections import without_password  # noqa: E402
from brewdesk.engine.jobs import JobHistory  # noqa: E402
from brewdesk.engine.readers import SourceSpec, parse_source  # noqa: E402
from brewdesk.engine.run import MIN_MEMORY_LIMIT  # noqa: E402
from brewdesk.recipes.model.recipe import Recipe, Step  # noqa: E402
from dask.utils import format_bytes  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

PASSWORD = "Zq8-not-a-real-pw"
JOB_TIMEOUT_MS = 120_000


def make_recipe() -> Recipe:
    steps = [
        {"id": "upper", "op": "upper_case", "v": 1, "params": {"source_column": "city"}},
        {"id": "drop", "op": "remove_values", "v": 1, "params": {"source_column": "amount"},
         "conditions": [{"condition": "LESS_THAN", "target_column": "amount", "value": 0}]},
    ]
    return Recipe.from_json({"format": "brewdesk-recipe", "format_version": 1, "name": "clean orders", "steps": steps})


ORDERS = pd.DataFrame({
    "order": [1, 2, 3, 4, 5],
    "amount": [10.0, -5.0, 30.0, None, 50.0],
    "city": ["paris", "lyon", "nice", "paris", "lille"],
})


@pytest.fixture
def shop(tmp_path, monkeypatch) -> Path:
    """A SQLite file with table ``orders``, configured as connection ``shop`` with a password."""
    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as con:
        ORDERS.to_sql("orders", con, index=False)
    home = Path(os.environ["BREWDESK_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "connections.toml").write_text(f'[shop]\nurl = "sqlite:///{db}"\n', encoding="utf-8")
    monkeypatch.setenv("BREWDESK_PASSWORD_SHOP", PASSWORD)
    return db


def stored_text() -> str:
    """Everything the app and the engine wrote to the data folder (settings, history, autosave)."""
    home = Path(os.environ["BREWDESK_HOME"])
    app_settings().sync()
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in home.rglob("*")
                     if p.is_file() and p.suffix != ".sqlite" and p.suffix != ".db")


def test_open_a_named_connection_from_the_database_dialog(window, qtbot, shop):
    dlg = DatabaseDialog(window)
    qtbot.addWidget(dlg)
    assert dlg.connection.count() == 2 and dlg.named() == "shop"  # named first, then "other URL"
    assert PASSWORD not in dlg.connection.itemText(0) and "shop.db" in dlg.connection.itemText(0)
    assert not dlg.url.isVisibleTo(dlg)  # no URL to type for a named connection
    qtbot.waitUntil(lambda: dlg.table.count() == 1, timeout=20_000)  # listed in a pool thread
    assert dlg.table.itemText(0) == "orders" and "1 table" in dlg.tables_label.text()
    spec = dlg.result_spec()
    assert spec == SourceSpec("db:shop?table=orders")
    dlg.connection.setCurrentIndex(1)  # "Other database": the URL field comes back
    assert dlg.named() is None and dlg.url.isVisibleTo(dlg)

    window.opener.open_spec(spec)
    assert window.session.wait(60)
    assert window.session.load_error is None
    assert window.session.sample is not None and window.session.sample["order"].tolist() == [1, 2, 3, 4, 5]
    assert window.session.source.location == "db:shop?table=orders"
    assert window.opener.recent()[0] == "db:shop?table=orders"
    run = RunDialog.for_session(window.session)  # its column check reads the connection too
    qtbot.addWidget(run)
    qtbot.waitUntil(lambda: run.columns_checked, timeout=20_000)
    assert run.outputs.columns == ["order", "amount", "city"] and run.recipe_warning.isHidden()
    assert [d.path for d in run.outputs.drafts] == [""]  # no folder beside a database to suggest
    window.session.add_step(Step.create("upper_case", {"source_column": "city"}))
    window.autosave()
    found = autosave.read()
    assert found is not None and found.source == SourceSpec("db:shop?table=orders")
    text = stored_text()
    assert "db:shop?table=orders" in text and PASSWORD not in text


def test_environment_connection_opens_from_a_location_and_an_unknown_one_fails(window, tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    with sqlite3.connect(db) as con:
        ORDERS.to_sql("orders", con, index=False)
    monkeypatch.setenv("BREWDESK_CONNECTION_X", f"sqlite:///{db}")
    monkeypatch.setenv("BREWDESK_PASSWORD_X", PASSWORD)
    window.opener.open_location("db:x?table=orders")
    assert window.session.wait(60)
    assert window.session.sample is not None and len(window.session.sample) == 5
    assert window.opener.recent()[0] == "db:x?table=orders"
    window.opener.open_location("db:nope?table=orders")
    assert window.session.wait(60)
    assert "no database connection named 'nope'" in window.session.load_error
    assert PASSWORD not in stored_text()


def test_a_typed_url_is_remembered_without_its_password(window):
    window.opener.add_recent(f"postgresql://etl:{PASSWORD}@db.internal/sales")
    window.opener.add_recent("/data/orders.csv")
    assert window.opener.recent() == ["/data/orders.csv", "postgresql://etl@db.internal/sales"]
    assert without_password("sqlite:///x.db") == "sqlite:///x.db"
    assert PASSWORD not in stored_text()


def run_dialog(qtbot, source: SourceSpec) -> RunDialog:
    dlg = RunDialog(make_recipe(), source, {})
    qtbot.addWidget(dlg)
    dlg.resize(900, 760)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.columns_checked, timeout=20_000)
    return dlg


def choose_connection(dlg: RunDialog, name: str) -> None:
    combo = dlg.outputs.connection_combo
    index = next(i for i in range(combo.count()) if combo.itemData(i) == ("named", name))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a user's pick sends


def test_run_with_a_memory_limit_into_a_named_connection(qtbot, shop, tmp_path):
    csv = tmp_path / "orders.csv"
    ORDERS.to_csv(csv, index=False)
    dlg = run_dialog(qtbot, parse_source(str(csv)))
    dlg.outputs.remove_output()
    qtbot.mouseClick(dlg.outputs.add_db_button, Qt.MouseButton.LeftButton)
    assert dlg.outputs.drafts[0].database == "embedded" and not dlg.outputs.url_edit.isVisibleTo(dlg)
    choose_connection(dlg, "shop")
    dlg.outputs.table_edit.clear()
    qtbot.keyClicks(dlg.outputs.table_edit, "clean")
    draft = dlg.outputs.drafts[0]
    assert draft.connection == "shop" and draft.location() == "db:shop?table=clean"
    assert draft.label() == "table clean  [shop, if exists: fail]"
    qtbot.keyClicks(dlg.memory_edit, "1GB")
    qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
    assert dlg.job is not None and dlg.job.outputs[0].location == "db:shop?table=clean"
    qtbot.waitUntil(lambda: dlg.job.done() and dlg.summary_box.isVisible(), timeout=JOB_TIMEOUT_MS)
    assert dlg.job.status == "succeeded", dlg.status_label.text()
    with sqlite3.connect(shop) as con:
        got = pd.read_sql("SELECT * FROM clean ORDER BY \"order\"", con)
    assert got["order"].tolist() == [1, 3, 4, 5]
    assert got["city"].tolist() == ["PARIS", "NICE", "PARIS", "LILLE"]
    # the budget reached the child's RunOptions: the report names it
    budget = f"memory limit {format_bytes(10**9)}"  # 1GB in Dask's units: 0.93 GiB
    assert budget in dlg.report["scheduler"] and budget in dlg.status_label.text()
    assert dlg.report["outputs"][0]["location"] == "db:shop?table=clean"
    assert "db:shop?table=clean" in dlg.outputs_label.text()
    (rec,) = JobHistory().load()
    assert rec.outputs == ["db:shop?table=clean"] and rec.status == "succeeded" and rec.rows_out == 4
    assert rec.scheduler is not None and budget in rec.scheduler  # the history says how it ran
    # a second run into the same table refuses (if exists: fail): the message holds no password
    dlg.start()
    qtbot.waitUntil(lambda: dlg.job.done() and dlg.summary_box.isVisible(), timeout=JOB_TIMEOUT_MS)
    assert dlg.job.status == "failed" and "clean" in (dlg.job.error or "")
    shown = dlg.status_label.text() + dlg.outputs_label.text()
    history = (Path(os.environ["BREWDESK_HOME"]) / "jobs.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["outputs"] for line in history.splitlines()] == [["db:shop?table=clean"]] * 2
    for text in (shown, history, stored_text(), dlg.job.error or ""):
        assert PASSWORD not in text


def test_a_bad_memory_limit_is_shown_beside_the_field(qtbot, tmp_path):
    csv = tmp_path / "orders.csv"
    ORDERS.to_csv(csv, index=False)
    dlg = run_dialog(qtbot, parse_source(str(csv)))
    label = dlg.errors["memory_limit"]
    for text, message in (("lots", "Memory limit 'lots' is not a size: write it like 1GB or 800MB."),
                          ("100MB", f"Memory limit 100MB is too small: a run needs at least {format_bytes(MIN_MEMORY_LIMIT)} (e.g. 512MB or 1GB)."),
                          ("-2GB", "Memory limit -2GB is too small")):
        dlg.memory_edit.clear()
        qtbot.keyClicks(dlg.memory_edit, text)
        assert not label.isVisible()  # typing clears the message
        qtbot.mouseClick(dlg.start_button, Qt.MouseButton.LeftButton)
        assert dlg.job is None
        assert label.isVisible() and message in label.text(), label.text()
    dlg.memory_edit.clear()
    qtbot.keyClicks(dlg.memory_edit, "800 MB")
    assert dlg.memory_limit() == 800 * 10**6
    # a Dask cluster's workers have their own limits: the field is off and ignored
    dlg.dask_radio.setChecked(True)
    assert not dlg.memory_edit.isEnabled() and dlg.memory_limit() is None
    dlg.local_radio.setChecked(True)
    assert dlg.memory_edit.isEnabled()


def test_named_output_drafts_are_checked_without_a_password_lookup(shop, monkeypatch):
    ok, spec = check_draft(OutputDraft(kind="database", connection="shop", table="sales.t", if_exists="replace"), None)
    assert ok == {} and spec is not None
    assert spec.location == "db:shop?table=sales.t" and spec.format == "sql" and spec.if_exists == "replace"
    errors, spec = check_draft(OutputDraft(kind="database", connection="shoop", table="t"), None)
    assert spec is None and "No connection named 'shoop' (configured: shop)" in errors["connection"]
    errors, _ = check_draft(OutputDraft(kind="database", connection="shop", table=" "), None)
    assert errors == {"table": "Name the table to write."}
    errors, _ = check_draft(OutputDraft(kind="database", custom_url=True, table="t"), None)
    assert "Give a SQLAlchemy URL" in errors["url"]
    assert OutputDraft(kind="database", custom_url=True, table="t").label() == "table t  [no URL given, if exists: fail]"
    monkeypatch.setenv("BREWDESK_CONNECTION_LEAKY", f"postgresql://etl:{PASSWORD}@db/sales")
    errors, _ = check_draft(OutputDraft(kind="database", connection="leaky", table="t"), None)
    assert "holds a password in its URL" in errors["connection"] and PASSWORD not in errors["connection"]

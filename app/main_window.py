"""The main window: grid, recipe panel, profile/form panel, menus and toolbar.

The window is a view over a :class:`~brewdesk.app.session.Session`; every recipe change goes
through the session's undo stack, every computation through its worker. It composes its
collaborators, none of which imports this module: :class:`~brewdesk.app.opening.DataOpener`
(opening data, recent files), :class:`~brewdesk.app.actions.WindowActions` (menus, toolbar,
shortcuts), :class:`~brewdesk.app.export_script.ScriptExporter` (Python export) and the Run
dialog (:mod:`brewdesk.app.run_dialog`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from brewdesk.app import autosave, transforms
from brewdesk.app.actions import WindowActions
from brewdesk.app.export_script import ScriptExporter
from brewdesk.app.grid import TYPE_LABELS, ChangedColumnRole, FrameModel, SummaryHeader
from brewdesk.app.opening import DataOpener
from brewdesk.app.profile_panel import ProfilePanel
from brewdesk.app.recipe_panel import RecipePanel
from brewdesk.app.run_dialog import RunDialog
from brewdesk.app.session import Session
from brewdesk.app.step_form import StepForm
from brewdesk.recipes.model.databrew import dumps_databrew, read_recipe
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.history import AddStep
from brewdesk.recipes.model.recipe import Recipe
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Operation
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QCursor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

AUTOSAVE_MS = 30_000
BANNER_INFO = "background:#eef3f8; padding:6px; border-bottom:1px solid #d0d7de;"
BANNER_PREVIEW = "background:#fff8e1; padding:6px; border-bottom:1px solid #f0c36d;"
BANNER_ERROR = "background:#fdecea; color:#b71c1c; padding:6px; border-bottom:1px solid #f5c2c0;"


class MainWindow(QMainWindow):
    """Brewdesk's main window.

    Parameters
    ----------
    session
        The session to show (a new one by default).
    recover
        Offer to recover an autosaved recipe at start.

    Attributes
    ----------
    opener
        Opens data into the session (:meth:`~brewdesk.app.opening.DataOpener.open_location`, ...).
    actions_
        The window's actions, menus and toolbar.
    script_exporter
        File ▸ Export as Python script….
    """

    def __init__(self, session: Session | None = None, *, recover: bool = True) -> None:
        super().__init__()
        self.session = session or Session(self)
        self.opener = DataOpener(self.session, self)
        self.script_exporter = ScriptExporter(self.session, self)
        self.form: StepForm | None = None
        self._form_index: int | None = None
        self._widths: dict[str, int] = {}
        self._autosaved = False
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self._build_grid()
        self._build_docks()
        self.actions_ = WindowActions(self)
        self._build_status()
        self._connect()
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()
        self.update_title()
        self.update_banner()
        if recover:
            QTimer.singleShot(0, self.offer_recovery)

    # ------------------------------------------------------------------ layout
    def _build_grid(self) -> None:
        self.model = FrameModel(self)
        self.table = QTableView()
        self.header = SummaryHeader(self.table)
        self.table.setHorizontalHeader(self.header)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setMinimumWidth(48)
        self.table.setWordWrap(False)
        self.table.setStyleSheet(
            "QTableView { selection-background-color: #cfe3fc; selection-color: #111; gridline-color: #e3e3e3; }"
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.banner)
        lay.addWidget(self.table, 1)
        self.setCentralWidget(central)

    def _build_docks(self) -> None:
        self.recipe_panel = RecipePanel(self.session)
        self.undo_view = QUndoView(self.session.undo_stack)
        self.undo_view.setEmptyLabel("Opened")
        tabs = QTabWidget()
        tabs.addTab(self.recipe_panel, "Recipe")
        tabs.addTab(self.undo_view, "History")
        self.left_tabs = tabs
        self.recipe_dock = QDockWidget("Recipe", self)
        self.recipe_dock.setObjectName("recipe_dock")
        self.recipe_dock.setWidget(tabs)
        self.recipe_dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.recipe_dock)
        self.profile_panel = ProfilePanel()
        self.side = QStackedWidget()
        self.side.addWidget(self.profile_panel)
        self.side_dock = QDockWidget("Column profile", self)
        self.side_dock.setObjectName("side_dock")
        self.side_dock.setWidget(self.side)
        self.side_dock.setMinimumWidth(360)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_dock)
        self.resizeDocks([self.recipe_dock, self.side_dock], [330, 380], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        self.status_label = QLabel("No data open — File ▸ Open data…, or drop a file here")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.session.cancel_load)
        sb = self.statusBar()
        sb.addWidget(self.status_label, 1)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        s = self.session
        s.loading.connect(self._loading)
        s.load_failed.connect(self._load_failed)
        s.source_changed.connect(self._source_changed)
        s.recipe_changed.connect(self._recipe_changed)
        s.view_ready.connect(self._show_frame)
        s.candidate_ready.connect(self._show_frame)
        s.summaries_ready.connect(self.model.set_summaries)
        s.profile_ready.connect(self.profile_panel.show_profile)
        s.undo_stack.cleanChanged.connect(lambda _clean: self.update_title())
        self.header.sectionClicked.connect(self._column_clicked)
        self.header.customContextMenuRequested.connect(lambda p: self._column_menu(self.header.logicalIndexAt(p), self.header.mapToGlobal(p)))
        self.table.customContextMenuRequested.connect(
            lambda p: self._column_menu(self.table.columnAt(p.x()), self.table.viewport().mapToGlobal(p))
        )
        self.recipe_panel.edit_requested.connect(self.edit_step)
        self.recipe_panel.insert_requested.connect(self._insert_menu)
        self.opener.recent_changed.connect(self.actions_.update_recent)

    # ------------------------------------------------------------------ session events
    def _loading(self, busy: bool, message: str) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if message:
            self.status_label.setText(message)
        elif not busy:
            self._update_status()

    def _load_failed(self, message: str) -> None:
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.setText(f"<b>Could not read the data:</b> {_esc(message)}<br>Try File ▸ Reader and sample options…")
        self.banner.show()
        self.status_label.setText("Loading failed")

    def _source_changed(self) -> None:
        self._widths.clear()
        self._update_status()
        self.update_title()
        if self.session.source is not None:
            self.opener.add_recent(self.session.source.location)

    def _recipe_changed(self) -> None:
        self.update_title()
        self.actions_.update_enabled()

    def _show_frame(self) -> None:
        s = self.session
        cand = s.candidate
        if cand is not None and cand.after is not None:
            self.model.set_frame(cand.after, cand.diff)
        else:
            self.model.set_frame(s.shown_frame)
        self.model.set_summaries(s.summaries if s.summaries else {})
        self._apply_widths()
        if self.form is not None and cand is not None:
            self.form.show_preview(cand)
        self.update_banner()
        self._update_status()

    def _apply_widths(self) -> None:
        fm = self.table.fontMetrics()
        frame = self.model.frame
        for i, name in enumerate(self.model.columns):
            w = self._widths.get(name)
            if w is None:
                texts = [self.model.data(self.model.index(r, i)) or "" for r in range(min(len(frame), 40))]
                content = max((fm.horizontalAdvance(t) for t in texts), default=0) + 18
                w = max(self.header.sectionSizeFromContents(i).width(), content)
                w = max(84, min(w, 260))
                self._widths[name] = w
            changed = self.model.headerData(i, Qt.Orientation.Horizontal, ChangedColumnRole)
            if changed:  # room for "Aa text · 918 changed" while previewing
                w = max(w, int(fm.horizontalAdvance(f"{TYPE_LABELS.get(self.model.column_type(i), '')}  · {changed:,} changed") * 0.9) + 16)
            self.header.resizeSection(i, w)

    def update_banner(self) -> None:
        """The line above the grid: what is shown, the preview counts or an error."""
        s = self.session
        cand = s.candidate
        if s.sample is None and s.load_error is None:
            self.banner.setStyleSheet(BANNER_INFO)
            self.banner.setText("Open a dataset to start: <b>File ▸ Open data…</b> (CSV, TSV, Excel, Parquet, JSON, databases) or drop a file on the window.")
            return
        if s.sample is None:
            return
        if self.form is not None and cand is not None:
            if cand.error or cand.diff is None:
                self.banner.setStyleSheet(BANNER_ERROR)
                self.banner.setText(f"<b>Preview failed:</b> {_esc(cand.error or '')}")
            else:
                self.banner.setStyleSheet(BANNER_PREVIEW)
                self.banner.setText(
                    f"<b>Preview of “{_esc(self.form.op.title)}”:</b> {cand.diff.text}. "
                    "Changed cells are yellow, new columns green. <b>Apply</b> keeps the step; <b>Cancel</b> leaves the recipe untouched."
                )
            return
        view = s.view
        n = len(s.recipe.steps)
        shown = s.selected_index()
        where = "Source data (no steps applied)" if shown == 0 else (
            f"Data after <b>step {shown} of {n}</b>" if shown < n else f"Data after <b>all {n} step{'s' if n != 1 else ''}</b>")
        if view is not None and view.error:
            i = next((k for k, st in enumerate(s.recipe.steps) if st.id == view.failed_step), None)
            self.banner.setStyleSheet(BANNER_ERROR)
            label = f"Step {i + 1}" if i is not None else "A step"
            self.banner.setText(f"<b>{label} fails on the sample:</b> {_esc(view.error)} — showing the data before it.")
            return
        frame = s.shown_frame
        rows = len(frame) if frame is not None else 0
        cols = len(frame.columns) if frame is not None else 0
        self.banner.setStyleSheet(BANNER_INFO)
        self.banner.setText(f"{where} · {rows:,} rows × {cols} columns. "
                            "Click a column for its profile; right-click for the transforms that fit it.")

    def _update_status(self) -> None:
        s = self.session
        if s.sample is None or s.source is None:
            return
        m = {"FIRST_N": "first", "LAST_N": "last", "RANDOM": "random"}[s.sample_spec.method.value]
        self.status_label.setText(f"{s.source.name} · sample: {m} {len(s.sample):,} rows · {len(s.sample.columns)} source columns")

    def update_title(self) -> None:
        """Window title: recipe name or file, source, unsaved marker."""
        s = self.session
        name = s.recipe_path.name if s.recipe_path else (s.recipe.name or "untitled")
        src = f" — {s.source.name}" if s.source else ""
        self.setWindowTitle(f"{name}[*]{src} — Brewdesk")
        self.setWindowModified(s.dirty)

    # ------------------------------------------------------------------ columns
    def _column_clicked(self, section: int) -> None:
        cols = self.model.columns
        if 0 <= section < len(cols):
            self.session.request_profile(cols[section])
            if self.form is None:
                self.side_dock.setWindowTitle(f"Column profile — {cols[section]}")

    def _column_menu(self, section: int, global_pos) -> None:  # noqa: ANN001
        cols = self.model.columns
        if not 0 <= section < len(cols):
            return
        name, logical = cols[section], self.model.column_type(section)
        menu = QMenu(self)
        menu.addSection(f"{name} ({logical})")
        transforms.fill_menu(menu, lambda op: self.open_form(op, prefill=transforms.prefill_for(op, name)), logical=logical)
        menu.addSeparator()
        menu.addAction("Profile this column", lambda: self._column_clicked(section))
        menu.exec(global_pos)

    def _insert_menu(self, index: int) -> None:
        menu = QMenu(self)
        transforms.fill_menu(menu, lambda op: self.open_form(op, index=index))
        menu.exec(QCursor.pos())

    # ------------------------------------------------------------------ forms
    def open_form(self, op: Operation, *, prefill: dict | None = None, index: int | None = None) -> StepForm | None:
        """Open the form of a new step (inserted at ``index``, default after the selected step)."""
        s = self.session
        if s.sample is None:
            QMessageBox.information(self, "No data", "Open a dataset first.")
            return None
        index = s.insert_index() if index is None else index
        return self._show_form(StepForm(op, s.schema_before(index), prefill=prefill, inputs=self._input_schemas()), index)

    def edit_step(self, step_id: str) -> StepForm | None:
        """Open the form of an existing step, prefilled."""
        s = self.session
        step = s.recipe.step(step_id)
        op = step.operation
        if op is None or s.sample is None:
            QMessageBox.information(self, "Cannot edit", f"'{step.op}' is not an operation this Brewdesk knows.")
            return None
        index = s.recipe.index(step_id)
        return self._show_form(StepForm(op, s.schema_before(index), step=step, inputs=self._input_schemas()), index)

    def _input_schemas(self) -> dict[str, Schema]:
        return {k: Schema.from_frame(v) for k, v in self.session.input_frames.items()}

    def _show_form(self, form: StepForm, index: int) -> StepForm:
        self.close_form()
        self.form = form
        self._form_index = index
        form.preview_requested.connect(lambda step: self.session.preview(step, index))
        form.preview_cleared.connect(self.session.clear_preview)
        form.applied.connect(self._form_applied)
        form.cancelled.connect(self.close_form)
        form.attach_sample(self.session, index)  # "Fill from sample" reads the data before the step
        self.side.addWidget(form)
        self.side.setCurrentWidget(form)
        self.side_dock.setWindowTitle("Step")
        self.side_dock.show()
        self.update_banner()
        return form

    def _form_applied(self, step) -> None:  # noqa: ANN001
        form, index = self.form, self._form_index
        self.close_form()
        if form is None or index is None:
            return
        if form.editing is not None:
            self.session.edit_step(step)
        else:
            self.session.add_step(step, index)

    def close_form(self) -> None:
        """Close the form without changing the recipe."""
        form = self.form
        self.form = None
        self._form_index = None
        if form is not None:
            self.side.removeWidget(form)
            form.deleteLater()
        self.side.setCurrentWidget(self.profile_panel)
        self.side_dock.setWindowTitle("Column profile")
        self.session.clear_preview()
        self.update_banner()

    # ------------------------------------------------------------------ recipes
    def ask_save_changes(self) -> str:
        """Ask what to do with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
        b = QMessageBox.question(
            self, "Unsaved changes", "The recipe has unsaved changes. Save them?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(b, "cancel")

    def confirm_discard(self) -> bool:
        """Whether the current recipe may be replaced (saving it first if the user wants)."""
        if not self.session.dirty:
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save_recipe()
        return answer == "discard"

    def new_recipe(self) -> None:
        """File ▸ New recipe."""
        if self.confirm_discard():
            self.close_form()
            self.session.load_recipe(Recipe())

    def open_recipe_dialog(self) -> None:
        """File ▸ Open recipe…"""
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "Open recipe", "", "Recipes: Brewdesk or DataBrew (*.json *.yaml *.yml);;All files (*)"
        )
        if path:
            self.open_recipe_file(path, confirm=False)

    def open_recipe_file(self, path: str | Path, *, confirm: bool = True) -> bool:
        """Open a recipe file: native, or an AWS DataBrew recipe (JSON or YAML), told apart by content.

        A DataBrew recipe is imported: Save then asks for a new (native) file name, so the
        DataBrew file is never overwritten in another format.
        """
        if confirm and not self.confirm_discard():
            return False
        try:
            recipe = read_recipe(path)
            imported = not _is_native_recipe(Path(path))
        except BrewdeskError as e:
            QMessageBox.warning(self, "Cannot open recipe", str(e))
            return False
        self.close_form()
        self.session.load_recipe(recipe, None if imported else Path(path))
        if imported:
            self.statusBar().showMessage(f"Imported the DataBrew recipe {path}", 6000)
        return True

    def export_databrew_as(self, path: str | Path | None = None) -> bool:
        """File ▸ Export as DataBrew recipe… (string-valued parameters, as DataBrew's API wants)."""
        try:
            text = dumps_databrew(self.session.recipe)
        except BrewdeskError as e:
            QMessageBox.warning(self, "Cannot export", str(e))
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export DataBrew recipe", f"{self.session.recipe.name}.databrew.json", "DataBrew recipes (*.json)"
            )
            if not path:
                return False
        target = Path(path)
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, target)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            QMessageBox.warning(self, "Cannot export", f"{target}: {e}")
            return False
        self.statusBar().showMessage(f"Exported {target}", 4000)
        return True

    def export_python_as(self, path: str | Path | None = None, *, engine: str | None = None, destination: str | None = None) -> bool:
        """File ▸ Export as Python script… (pandas or Dask; written off the GUI thread)."""
        return self.script_exporter.export(path, engine=engine, destination=destination)

    def save_recipe(self) -> bool:
        """File ▸ Save recipe (asks for a file name the first time)."""
        if self.session.recipe_path is None:
            return self.save_recipe_as()
        return self._save(self.session.recipe_path)

    def save_recipe_as(self, path: str | Path | None = None) -> bool:
        """File ▸ Save recipe as…"""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save recipe", f"{self.session.recipe.name}.recipe.json", "Brewdesk recipes (*.json)")
            if not path:
                return False
        return self._save(Path(path))

    def _save(self, path: Path) -> bool:
        try:
            self.session.save_recipe(path)
        except (OSError, BrewdeskError) as e:
            QMessageBox.warning(self, "Cannot save", f"{path}: {e}")
            return False
        autosave.clear()
        self.update_title()
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    # ------------------------------------------------------------------ run
    def open_run_dialog(self) -> None:
        """Run ▸ Run job… (the dialog lives in :mod:`brewdesk.app.run_dialog`)."""
        RunDialog.for_session(self.session, self).exec()

    # ------------------------------------------------------------------ autosave and recovery
    def autosave(self) -> None:
        """Write the working recipe if it has unsaved changes."""
        s = self.session
        if s.dirty and s.recipe.steps:
            try:
                autosave.write(s.recipe, s.source, str(s.recipe_path) if s.recipe_path else None)
                self._autosaved = True
            except OSError:
                pass

    def offer_recovery(self) -> None:
        """At start: offer the autosaved recipe, if any."""
        found = autosave.read()
        if found is None:
            return
        n = len(found.recipe.steps)
        b = QMessageBox.question(
            self, "Recover recipe",
            f"Brewdesk did not close cleanly. Recover the autosaved recipe “{found.recipe.name}” ({n} steps)?",
        )
        if b == QMessageBox.StandardButton.Yes:
            self.recover(found)
        else:
            autosave.clear()

    def recover(self, found: autosave.Recovered) -> None:
        """Load an autosaved recipe (marked unsaved) and its source."""
        self.session.load_recipe(Recipe(name=found.recipe.name, inputs=found.recipe.inputs))
        self.session.recipe_path = Path(found.recipe_path) if found.recipe_path else None
        for step in found.recipe.steps:
            self.session.push(AddStep(step))
        if found.source is not None and self.session.sample is None:
            self.opener.open_spec(found.source)

    # ------------------------------------------------------------------ window events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not urls:
            return
        event.acceptProposedAction()
        self.open_dropped(urls[0])

    def open_dropped(self, path: str) -> None:
        """A dropped file: a Brewdesk recipe opens as a recipe, anything else as data."""
        if path.lower().endswith(".json"):
            try:
                with open(path, encoding="utf-8-sig") as f:
                    head = f.read(4096)
            except OSError:
                head = ""
            if '"brewdesk-recipe"' in head:
                self.open_recipe_file(path)
                return
        self.opener.open_location(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.confirm_discard():
            event.ignore()
            return
        self._autosave.stop()
        if self._autosaved:  # only this window's own autosave (never a crashed session's)
            autosave.clear()
        self.session.worker.cancel("load")
        event.accept()


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _is_native_recipe(path: Path) -> bool:
    """Whether ``path`` holds a native Brewdesk recipe (rather than a DataBrew one)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == "brewdesk-recipe"

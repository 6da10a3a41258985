"""The Run dialog: outputs, where to run (and a memory limit), progress with a real Cancel, a summary.

The job runs in a child process (:func:`brewdesk.engine.jobs.start_job`); a :class:`QTimer` on
the GUI thread polls its progress events ten times a second, so the GUI thread never computes.
Cancel kills the child; every write is atomic, so the destinations keep their old content.
The recipe's output columns (for the partition column picker) are worked out in a pool thread.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from brewdesk.app.jobs import JobHistoryDialog
from brewdesk.engine.jobs import Job, ProgressEvent, start_job
from brewdesk.engine.readers import SourceSpec
from brewdesk.engine.run import MIN_MEMORY_LIMIT, RunOptions, parse_memory_limit
from brewdesk.engine.writers import DestSpec
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe
from dask.utils import format_bytes
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .run_outputs import ERROR_STYLE, OutputDraft, OutputsEditor, error_label, output_columns

POLL_MS = 100
"""Milliseconds between two polls of the job's progress."""


class _Relay(QObject):
    done = Signal(object, object)  # columns or None, error text or None


class _ColumnsTask(QRunnable):
    def __init__(self, recipe: Recipe, source: SourceSpec, inputs: dict[str, SourceSpec]) -> None:
        super().__init__()
        self.args = (recipe, source, inputs)
        self.relay = _Relay()  # no parent: lives as long as this task, whatever the dialog does

    def run(self) -> None:
        try:
            cols, err = output_columns(*self.args), None
        except BrewdeskError as e:
            cols, err = None, str(e)
        except Exception as e:  # noqa: BLE001 - shown as a warning, never raised in the GUI
            cols, err = None, f"{type(e).__name__}: {e}"
        self.relay.done.emit(cols, err)


def _fmt_rows(v: Any) -> str:
    return "—" if v is None else f"{v:,}"


class RunDialog(QDialog):
    """Run a recipe over its full input, with progress, Cancel and a summary.

    Parameters
    ----------
    recipe
        The recipe to run.
    source
        The main input (``None``: nothing to run; the dialog says so).
    inputs
        Secondary inputs by name (joins, unions).
    """

    def __init__(self, recipe: Recipe, source: SourceSpec | None, inputs: dict[str, SourceSpec] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipe = recipe
        self.source = source
        self.inputs = dict(inputs or {})
        self.job: Job | None = None
        self.report: dict[str, Any] | None = None
        self.columns_checked = False
        """True once the output columns were worked out (or failed to be)."""
        self.errors: dict[str, QLabel] = {}
        self._run_drafts: list[OutputDraft] = []
        self._t0 = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.setWindowTitle(f"Run recipe – {recipe.name}")
        self.setMinimumSize(880, 640)
        self._build()
        if source is not None:
            stem = Path(source.location)
            if "://" not in source.location and not source.location.startswith("db:") and stem.parent.is_dir():
                self.outputs.add_file_output(str(stem.parent / f"{stem.name.split('.')[0]}-{_slug(recipe.name)}.parquet"))
            else:
                self.outputs.add_file_output("")
            task = _ColumnsTask(recipe, source, self.inputs)
            task.relay.done.connect(self._columns_ready)
            QThreadPool.globalInstance().start(task)
        self._update_buttons()

    @classmethod
    def for_session(cls, session: Any, parent: QWidget | None = None) -> RunDialog:
        """The dialog for the main window's session (``source``, ``inputs``, ``recipe``)."""
        return cls(session.recipe, session.source, dict(getattr(session, "inputs", None) or {}), parent)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        root = QVBoxLayout(self)
        where = self.source.location if self.source else "no dataset open"
        steps = len(self.recipe.enabled_steps)
        self.header = QLabel(f"<b>{self.recipe.name}</b>: {steps} step{'s' * (steps != 1)} over "
                             f"<code>{_html(where)}</code>")
        self.header.setWordWrap(True)
        root.addWidget(self.header)
        self.recipe_warning = error_label()
        root.addWidget(self.recipe_warning)
        if self.source is None:
            self.recipe_warning.setText("Open a dataset first: there is nothing to run the recipe on.")
            self.recipe_warning.show()

        self.outputs = OutputsEditor(_slug(self.recipe.name))
        root.addWidget(self.outputs)

        run_on = QGroupBox("Where to run")
        grid = QGridLayout(run_on)
        grid.setColumnStretch(2, 1)
        self.local_radio = QRadioButton("Local threads (this computer)")
        self.local_radio.setChecked(True)
        self.dask_radio = QRadioButton("Dask scheduler:")
        self.scheduler_edit = QLineEdit()
        self.scheduler_edit.setPlaceholderText("tcp://127.0.0.1:8786")
        self.scheduler_edit.setEnabled(False)
        self.dask_radio.toggled.connect(self._where_changed)
        grid.addWidget(self.local_radio, 0, 0)
        grid.addWidget(self.dask_radio, 0, 1)
        grid.addWidget(self.scheduler_edit, 0, 2)
        self.errors["scheduler"] = error_label()
        grid.addWidget(self.errors["scheduler"], 1, 2)
        self.memory_label = QLabel("&Memory limit:")
        self.memory_edit = QLineEdit()
        self.memory_edit.setPlaceholderText("none (e.g. 1GB)")
        self.memory_edit.setMaximumWidth(160)
        self.memory_edit.setToolTip(
            "A memory budget for a local run, such as 1GB or 800MB (at least "
            f"{format_bytes(MIN_MEMORY_LIMIT)}). Empty: no limit.")
        self.memory_edit.textEdited.connect(lambda _t: self.errors["memory_limit"].hide())
        self.memory_label.setBuddy(self.memory_edit)
        self.memory_hint = QLabel("Local runs: smaller input blocks and fewer threads; dedupe and sort "
                                  "spill to disk.")
        self.memory_hint.setStyleSheet("color: #6b6b6b;")
        self.memory_hint.setWordWrap(True)
        memory_row = QHBoxLayout()
        memory_row.addWidget(self.memory_label)
        memory_row.addWidget(self.memory_edit)
        memory_row.addSpacing(8)
        memory_row.addWidget(self.memory_hint, 1)
        grid.addLayout(memory_row, 2, 0, 1, 3)
        self.errors["memory_limit"] = error_label()
        grid.addWidget(self.errors["memory_limit"], 3, 0, 1, 3)
        root.addWidget(run_on)

        self.progress_box = QGroupBox("Progress")
        prog = QVBoxLayout(self.progress_box)
        self.progress_label = QLabel("Starting…")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        prog.addWidget(self.progress_label)
        prog.addWidget(self.progress_bar)
        self.progress_box.hide()
        root.addWidget(self.progress_box)

        self.summary_box = QGroupBox("Summary")
        summ = QVBoxLayout(self.summary_box)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summ.addWidget(self.status_label)
        self.summary_table = QTableWidget(0, 4)
        self.summary_table.setHorizontalHeaderLabels(["#", "Step", "Rows in", "Rows out"])
        self.summary_table.verticalHeader().hide()
        self.summary_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.summary_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        summ.addWidget(self.summary_table, 1)
        self.outputs_label = QLabel()
        self.outputs_label.setWordWrap(True)
        self.outputs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summ.addWidget(self.outputs_label)
        self.summary_box.hide()
        root.addWidget(self.summary_box, 100)
        root.addStretch(1)  # takes the room while there is no summary

        bottom = QHBoxLayout()
        self.history_button = QPushButton("Job history…")
        self.history_button.clicked.connect(self._show_history)
        self.open_folder_button = QPushButton("Open output folder")
        self.open_folder_button.clicked.connect(self.open_output_folder)
        self.open_folder_button.hide()
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.open_folder_button)
        bottom.addStretch(1)
        self.start_button = QPushButton("Start")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel run")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        for b in (self.start_button, self.cancel_button, self.close_button):
            bottom.addWidget(b)
        root.addLayout(bottom)

    def _columns_ready(self, columns: list[str] | None, error: str | None) -> None:
        self.columns_checked = True
        self.outputs.set_columns(columns)
        if error:
            self.recipe_warning.setText(f"The recipe may not fit the data: {error}")
            self.recipe_warning.show()

    # ------------------------------------------------------------------ validation and start
    def _where_changed(self, dask: bool) -> None:
        self.scheduler_edit.setEnabled(dask)
        for w in (self.memory_label, self.memory_edit, self.memory_hint):
            w.setEnabled(not dask)  # a cluster's workers have their own limits
        self.errors["memory_limit"].hide()

    def memory_limit(self) -> int | None:
        """The memory budget in bytes (``None``: none, or a distributed run); shows its error.

        Raises
        ------
        BrewdeskError
            The text is not a size, or is below the smallest budget a run can have.
        """
        text = self.memory_edit.text().strip()
        if not text or self.dask_radio.isChecked():
            return None
        try:
            limit = parse_memory_limit(text)
        except BrewdeskError:
            raise BrewdeskError(f"{text!r} is not a size: write it like 1GB or 800MB") from None
        if limit < MIN_MEMORY_LIMIT:  # what Budget.for_limit refuses, in the user's own words
            raise BrewdeskError(f"{text} is too small: a run needs at least {format_bytes(MIN_MEMORY_LIMIT)} "
                                "(e.g. 512MB or 1GB)")
        return limit

    def validate(self) -> tuple[list[DestSpec], str | None] | None:
        """Check every output, the scheduler and the memory limit; show messages beside the fields.

        Returns
        -------
        tuple or None
            ``(destinations, scheduler)`` when everything is valid, else ``None`` (the first
            invalid output is selected so its messages are visible).
        """
        self.errors["scheduler"].hide()
        self.errors["memory_limit"].hide()
        if self.source is None:
            return None
        try:
            self.memory_limit()
        except BrewdeskError as e:
            label = self.errors["memory_limit"]
            label.setText(f"Memory limit {e.message}.")
            label.show()
            return None
        specs = self.outputs.destinations()
        scheduler = None
        if self.dask_radio.isChecked():
            scheduler = self.scheduler_edit.text().strip()
            if not scheduler:
                label = self.errors["scheduler"]
                label.setText("Give the scheduler's address, e.g. tcp://127.0.0.1:8786.")
                label.show()
                return None
            if "://" not in scheduler:
                scheduler = f"tcp://{scheduler}"
        return None if specs is None else (specs, scheduler)

    def start(self) -> None:
        """Validate, then start the job in a child process (never computes here)."""
        if self.job is not None and not self.job.done():
            return
        checked = self.validate()
        if checked is None or self.source is None:
            return
        specs, scheduler = checked
        try:
            self.recipe.check_runnable()
            for draft, spec in zip(self.outputs.drafts, specs, strict=True):
                if draft.kind == "file":  # like DataBrew's S3 paths, missing folders are created
                    Path(spec.location).expanduser().absolute().parent.mkdir(parents=True, exist_ok=True)
        except (BrewdeskError, OSError) as e:
            self.outputs.show_error("outputs", str(e))
            return
        self._run_drafts = list(self.outputs.drafts)
        self.report = None
        self.summary_box.hide()
        self.open_folder_button.hide()
        self.progress_box.show()
        self.progress_label.setText("Starting the job…")
        self.progress_bar.setRange(0, 0)
        options = RunOptions(scheduler=scheduler, memory_limit=self.memory_limit())
        self.job = start_job(self.recipe, main=self.source, inputs=self.inputs, outputs=specs,
                             options=options)
        self._t0 = time.monotonic()
        self._timer.start()
        self._update_buttons()

    def cancel(self) -> None:
        """Cancel the running job (its destinations keep their old content)."""
        if self.job is not None and not self.job.done():
            self.job.cancel()
            self.progress_label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)

    def _poll(self) -> None:
        job = self.job
        if job is None:
            return
        events = job.poll()
        if events:
            self._show_progress(events[-1])
        if job.done():
            self._timer.stop()
            self._finished(job)

    def _show_progress(self, e: ProgressEvent) -> None:
        if self.job is not None and self.job.cancel_requested:
            return
        elapsed = time.monotonic() - self._t0
        if e.total:
            self.progress_bar.setRange(0, e.total)
            self.progress_bar.setValue(e.done)
            self.progress_label.setText(f"{_html(e.label)}: {e.done:,} of {e.total:,} tasks   ({elapsed:.1f} s)")
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(f"{_html(e.label)}…   ({elapsed:.1f} s)")

    def _finished(self, job: Job) -> None:
        self.progress_box.hide()
        self.summary_box.show()
        self.summary_table.setRowCount(0)
        self.outputs_label.clear()
        if job.status == "succeeded":
            self.report = job.result()
            self._show_report(self.report, job.seconds())
        elif job.status == "cancelled":
            self.status_label.setText("<b>Cancelled: destination left as it was.</b>")
        else:
            self.status_label.setText(f"<b style='{ERROR_STYLE}'>Failed:</b> {_html(job.error or '')}")
        self.summary_table.setVisible(job.status == "succeeded")
        self._update_buttons()

    def _show_report(self, rep: dict[str, Any], wall: float) -> None:
        self.status_label.setText(
            f"<b>Succeeded</b> in {rep.get('seconds', 0):.1f} s ({wall:.1f} s with start-up) on "
            f"{_html(rep.get('scheduler', ''))}: {_fmt_rows(rep.get('rows_in'))} rows in, "
            f"{_fmt_rows(rep.get('rows_out'))} rows out, {rep.get('passes', '?')} pass(es) over the data."
        )
        steps = rep.get("steps", [])
        self.summary_table.setRowCount(len(steps))
        for r, s in enumerate(steps):
            desc = s.get("description", s.get("op", "")) + ("" if s.get("enabled", True) else " (disabled)")
            cells = [str(s.get("index", r + 1)), desc, _fmt_rows(s.get("rows_in")), _fmt_rows(s.get("rows_out"))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if text == "—":
                    item.setToolTip("not counted for this step (whole-dataset steps, or distributed workers)")
                self.summary_table.setItem(r, c, item)
        lines = [
            f"Wrote {o.get('rows', 0):,} rows to <code>{_html(o.get('location', ''))}</code> "
            + ("(database table)" if o.get("format") == "sql" else
               f"({o.get('format', '')}, {len(o.get('files', []))} file(s), {_size(o.get('bytes', 0))})")
            for o in rep.get("outputs", [])
        ]
        self.outputs_label.setText("<br>".join(lines))
        self.open_folder_button.setVisible(self.output_folder() is not None)

    def output_folder(self) -> Path | None:
        """The folder holding the first local output, or ``None`` (remote databases)."""
        for draft, out in zip(self._run_drafts, (self.report or {}).get("outputs", []), strict=False):
            if draft.kind == "file":
                p = Path(draft.location()).absolute()
                return p if p.is_dir() else p.parent
            files = out.get("files") or []
            if files:
                return Path(files[0]).parent
            loc = draft.location()
            if loc.startswith("sqlite:///"):
                return Path(loc.removeprefix("sqlite:///").split("?", 1)[0]).absolute().parent
        return None

    def open_output_folder(self) -> None:
        """Show the output folder in the system's file manager."""
        folder = self.output_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _update_buttons(self) -> None:
        running = self.job is not None and not self.job.done()
        self.start_button.setEnabled(not running and self.source is not None)
        self.start_button.setText("Run again" if self.job is not None and not running else "Start")
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        editable = not running and self.source is not None
        self.outputs.set_editable(editable)
        for w in (self.local_radio, self.dask_radio):
            w.setEnabled(editable)
        self.scheduler_edit.setEnabled(editable and self.dask_radio.isChecked())
        self.memory_edit.setEnabled(editable and not self.dask_radio.isChecked())

    def _show_history(self) -> None:
        JobHistoryDialog(self).exec()

    def reject(self) -> None:
        """Close; a running job is cancelled first (after asking)."""
        if self.job is not None and not self.job.done():
            answer = QMessageBox.question(self, "Cancel the run?",
                                          "The job is still running. Cancel it and close?")
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.job.cancel()
        self._timer.stop()
        super().reject()


def _slug(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "_" for ch in text.strip().lower()).strip("_")
    return out or "output"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n} bytes"

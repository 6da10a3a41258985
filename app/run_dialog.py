"""The Run dialog: outputs, where to run, progress with a real Cancel, and the run summary.

The job runs in a child process (:func:`brewdesk.engine.jobs.start_job`); a :class:`QTimer` on
the GUI thread polls its progress events ten times a second, so the GUI thread never computes.
Cancel kills the child; every write is atomic, so the destinations keep their old content.
The recipe's output columns (for the partition column picker) are worked out in a pool thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from brewdesk.engine.jobs import Job, ProgressEvent, start_job
from brewdesk.engine.readers import SourceSpec
from brewdesk.engine.run import RunOptions
from brewdesk.engine.writers import DestSpec, check_destination, parse_dest
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.recipe import Recipe
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

FILE_FORMATS = ("csv", "parquet", "jsonl", "excel")
CODECS = {"parquet": ("snappy", "zstd", "gzip", "brotli", "lz4", "none"), "csv": ("none", "gzip", "bz2"),
          "jsonl": ("none", "gzip", "bz2"), "excel": ("none",)}
IF_EXISTS = ("fail", "replace", "append")
_SUFFIX = {("csv", "none"): ".csv", ("csv", "gzip"): ".csv.gz", ("csv", "bz2"): ".csv.bz2",
           ("jsonl", "none"): ".jsonl", ("jsonl", "gzip"): ".jsonl.gz", ("jsonl", "bz2"): ".jsonl.bz2",
           ("excel", "none"): ".xlsx"}
_KNOWN_SUFFIXES = sorted({*_SUFFIX.values(), ".parquet", ".pq", ".json", ".ndjson"}, key=len, reverse=True)
POLL_MS = 100
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class OutputDraft:
    """One output as edited in the dialog (``kind`` ``file`` or ``database``).

    An empty ``url`` means Brewdesk's embedded SQLite database (``table:NAME``).
    """

    kind: str = "file"
    path: str = ""
    format: str = "parquet"
    compression: str = "snappy"
    partition_cols: tuple[str, ...] = ()
    overwrite: bool = False
    url: str = ""
    table: str = ""
    if_exists: str = "fail"

    def tooltip(self) -> str:
        """The full destination (passwords masked)."""
        from brewdesk.engine.report import safe_location

        if self.kind == "file":
            return self.path.strip() or "no file chosen"
        return safe_location(self.url.strip()) if self.url.strip() else f"table:{self.table}"

    def label(self) -> str:
        """One short line for the outputs list (passwords masked)."""
        from brewdesk.engine.report import safe_location

        if self.kind == "file":
            extra = [self.format] + ([self.compression] if self.compression != "none" else [])
            if self.partition_cols:
                extra.append("by " + ", ".join(self.partition_cols))
            if self.overwrite:
                extra.append("overwrite")
            name = Path(self.path.strip()).name if self.path.strip() else "(no file chosen)"
            return f"{name}  [{', '.join(extra)}]"
        where = safe_location(self.url) if self.url.strip() else "embedded database"
        return f"table {self.table or '?'} in {where}  [if exists: {self.if_exists}]"

    def location(self) -> str:
        """The destination text :func:`parse_dest` is given (shorthands resolved)."""
        from brewdesk.engine.locations import resolve

        if self.kind == "file":
            return str(Path(self.path.strip()).expanduser())
        url = self.url.strip()
        if not url:
            return resolve(f"table:{self.table.strip()}")
        return resolve(url) if url.startswith("table:") else url


def suffix_for(fmt: str, compression: str) -> str:
    """The usual file suffix of a format and codec (``.parquet`` whatever the codec)."""
    return _SUFFIX.get((fmt, compression), ".parquet" if fmt == "parquet" else f".{fmt}")


def with_suffix(path: str, fmt: str, compression: str) -> str:
    """``path`` with a known output suffix swapped for the one of ``fmt``/``compression``."""
    low = path.lower()
    for s in _KNOWN_SUFFIXES:
        if low.endswith(s):
            return path[: -len(s)] + suffix_for(fmt, compression)
    return path


def check_draft(draft: OutputDraft, columns: list[str] | None) -> tuple[dict[str, str], DestSpec | None]:
    """Validate an output; returns ``({field: message}, spec)`` (spec ``None`` when invalid).

    Cheap checks only: no database is contacted (the job reports those problems at once).
    File destinations are pre-flighted with :func:`check_destination` when their folder exists.
    """
    errors: dict[str, str] = {}
    if draft.kind == "file":
        if not draft.path.strip():
            return {"path": "Choose where to write the output."}, None
        if columns is not None:
            unknown = [c for c in draft.partition_cols if c not in columns]
            if unknown:
                errors["partition"] = f"Not an output column: {', '.join(unknown)}."
        opts: dict[str, Any] = {"format": draft.format, "compression": draft.compression,
                                "partition_cols": draft.partition_cols, "overwrite": draft.overwrite}
    else:
        if not draft.table.strip():
            errors["table"] = "Name the table to write."
        url = draft.url.strip()
        if url and "://" not in url and not url.startswith("table:"):
            errors["url"] = "Give a SQLAlchemy URL such as sqlite:///out.db or postgresql://user@host/db."
        if errors:
            return errors, None
        opts = {"if_exists": draft.if_exists}
        if not url.startswith("table:"):
            opts["table"] = draft.table.strip()
    try:
        spec = parse_dest(draft.location(), **opts)
        if draft.kind == "file" and Path(spec.location).expanduser().absolute().parent.is_dir():
            check_destination(spec)
    except BrewdeskError as e:
        text = str(e)
        key = "url" if draft.kind == "database" else "path"
        if "compression" in text:
            key = "compression"
        elif "partition" in text:
            key = "partition"
        elif "already exists" in text:
            text = f"{Path(draft.path).name} already exists: tick Overwrite to replace it."
            key = "overwrite"
        errors.setdefault(key, text[:1].upper() + text[1:])
        return errors, None
    return errors, (None if errors else spec)


def output_columns(recipe: Recipe, source: SourceSpec, inputs: dict[str, SourceSpec]) -> list[str]:
    """The columns the recipe writes for these inputs (opens the sources: not on the GUI thread).

    Raises
    ------
    BrewdeskError
        A source cannot be opened, or the recipe does not fit it.
    """
    from brewdesk.engine.readers import open_handle
    from brewdesk.recipes.validate import validate

    schema = open_handle(source).schema
    others = {n: open_handle(s).schema for n, s in inputs.items()}
    return list(validate(recipe, schema, others))


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


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


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
        self.columns: list[str] | None = None
        self.columns_checked = False
        """True once the output columns were worked out (or failed to be)."""
        self.drafts: list[OutputDraft] = []
        self.errors: dict[str, QLabel] = {}
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.setWindowTitle(f"Run recipe – {recipe.name}")
        self.setMinimumSize(880, 640)
        self._build()
        if source is not None:
            stem = Path(source.location)
            if "://" not in source.location and stem.parent.is_dir():
                self.add_file_output(str(stem.parent / f"{stem.name.split('.')[0]}-{_slug(recipe.name)}.parquet"))
            else:
                self.add_file_output("")
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
        self.recipe_warning = _error_label()
        root.addWidget(self.recipe_warning)
        if self.source is None:
            self.recipe_warning.setText("Open a dataset first: there is nothing to run the recipe on.")
            self.recipe_warning.show()

        outputs = QGroupBox("Outputs")
        row = QHBoxLayout(outputs)
        left = QVBoxLayout()
        self.output_list = QListWidget()
        self.output_list.setMinimumWidth(300)
        self.output_list.setMaximumHeight(180)
        self.output_list.currentRowChanged.connect(self._select_output)
        left.addWidget(self.output_list)
        self.errors["outputs"] = _error_label()
        left.addWidget(self.errors["outputs"])
        buttons = QHBoxLayout()
        self.add_file_button = QPushButton("Add file")
        self.add_file_button.clicked.connect(lambda: self.add_file_output(""))
        self.add_db_button = QPushButton("Add database table")
        self.add_db_button.clicked.connect(lambda: self.add_database_output())
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_output)
        for b in (self.add_file_button, self.add_db_button, self.remove_button):
            buttons.addWidget(b)
        left.addLayout(buttons)
        row.addLayout(left, 2)
        self.editor = QStackedWidget()
        self.editor.addWidget(QLabel("Add a file or a database table to write the result to."))
        self.editor.addWidget(self._file_form())
        self.editor.addWidget(self._database_form())
        row.addWidget(self.editor, 3)
        root.addWidget(outputs)

        run_on = QGroupBox("Where to run")
        form = QHBoxLayout(run_on)
        self.local_radio = QRadioButton("Local threads (this computer)")
        self.local_radio.setChecked(True)
        self.dask_radio = QRadioButton("Dask scheduler:")
        self.scheduler_edit = QLineEdit()
        self.scheduler_edit.setPlaceholderText("tcp://127.0.0.1:8786")
        self.scheduler_edit.setEnabled(False)
        self.dask_radio.toggled.connect(self.scheduler_edit.setEnabled)
        form.addWidget(self.local_radio)
        form.addSpacing(16)
        form.addWidget(self.dask_radio)
        col = QVBoxLayout()
        col.addWidget(self.scheduler_edit)
        self.errors["scheduler"] = _error_label()
        col.addWidget(self.errors["scheduler"])
        form.addLayout(col, 1)
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
        root.addWidget(self.summary_box, 1)

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

    def _field(self, form: QFormLayout, title: str, widget: QWidget | QHBoxLayout, key: str) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            lay.addLayout(widget)
        else:
            lay.addWidget(widget)
        self.errors[key] = _error_label()
        lay.addWidget(self.errors[key])
        form.addRow(title, box)

    def _file_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("output file or folder")
        self.path_edit.textEdited.connect(lambda t: self._edit(path=t))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self._field(form, "File:", path_row, "path")
        self.format_combo = QComboBox()
        self.format_combo.addItems(FILE_FORMATS)
        self.format_combo.currentTextChanged.connect(self._format_changed)
        self._field(form, "Format:", self.format_combo, "format")
        self.compression_combo = QComboBox()
        self.compression_combo.currentTextChanged.connect(self._compression_changed)
        self._field(form, "Compression:", self.compression_combo, "compression")
        self.partition_stack = QStackedWidget()
        self.partition_edit = QLineEdit()
        self.partition_edit.setPlaceholderText("columns, comma separated (optional)")
        self.partition_edit.textEdited.connect(
            lambda t: self._edit(partition_cols=tuple(c.strip() for c in t.split(",") if c.strip())))
        self.partition_list = QListWidget()
        self.partition_list.setMaximumHeight(96)
        self.partition_list.itemChanged.connect(self._partition_checked)
        self.partition_stack.addWidget(self.partition_edit)
        self.partition_stack.addWidget(self.partition_list)
        self.partition_stack.setMaximumHeight(96)
        self._field(form, "Partition by:", self.partition_stack, "partition")
        self.overwrite_check = QCheckBox("Replace an existing output (atomically)")
        self.overwrite_check.toggled.connect(lambda v: self._edit(overwrite=v))
        self._field(form, "Overwrite:", self.overwrite_check, "overwrite")
        return page

    def _database_form(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("empty: embedded database; or sqlite:///out.db, postgresql://…")
        self.url_edit.textEdited.connect(lambda t: self._edit(url=t))
        self._field(form, "Database URL:", self.url_edit, "url")
        self.table_edit = QLineEdit()
        self.table_edit.textEdited.connect(lambda t: self._edit(table=t))
        self._field(form, "Table:", self.table_edit, "table")
        self.if_exists_combo = QComboBox()
        self.if_exists_combo.addItems(IF_EXISTS)
        self.if_exists_combo.currentTextChanged.connect(lambda t: self._edit(if_exists=t))
        self._field(form, "If the table exists:", self.if_exists_combo, "if_exists")
        return page

    # ------------------------------------------------------------------ outputs
    def add_file_output(self, path: str = "") -> None:
        """Append a file output (Parquet by default) and select it."""
        self._append(OutputDraft(kind="file", path=path))

    def add_database_output(self, url: str = "", table: str = "") -> None:
        """Append a database output (embedded SQLite unless ``url``) and select it."""
        self._append(OutputDraft(kind="database", url=url, table=table or _slug(self.recipe.name)))

    def _append(self, draft: OutputDraft) -> None:
        self.drafts.append(draft)
        item = QListWidgetItem(draft.label())
        item.setToolTip(draft.tooltip())
        self.output_list.addItem(item)
        self.output_list.setCurrentRow(len(self.drafts) - 1)
        self._update_buttons()

    def remove_output(self) -> None:
        """Remove the selected output."""
        row = self.output_list.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self.output_list.takeItem(row)
            self._select_output(self.output_list.currentRow())
        self._update_buttons()

    def current_draft(self) -> OutputDraft | None:
        row = self.output_list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _select_output(self, row: int) -> None:
        self._clear_errors()
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        if draft is None:
            self.editor.setCurrentIndex(0)
            return
        self._loading = True
        try:
            if draft.kind == "file":
                self.editor.setCurrentIndex(1)
                self.path_edit.setText(draft.path)
                self.format_combo.setCurrentText(draft.format)
                self._fill_codecs(draft.format, draft.compression)
                self.partition_edit.setText(", ".join(draft.partition_cols))
                self._fill_partitions(draft)
                self.overwrite_check.setChecked(draft.overwrite)
            else:
                self.editor.setCurrentIndex(2)
                self.url_edit.setText(draft.url)
                self.table_edit.setText(draft.table)
                self.if_exists_combo.setCurrentText(draft.if_exists)
        finally:
            self._loading = False

    def _edit(self, **changes: Any) -> None:
        row = self.output_list.currentRow()
        if self._loading or not 0 <= row < len(self.drafts):
            return
        draft = replace(self.drafts[row], **changes)
        self.drafts[row] = draft
        self.output_list.item(row).setText(draft.label())
        self.output_list.item(row).setToolTip(draft.tooltip())
        for key in changes:
            label = self.errors.get({"partition_cols": "partition"}.get(key, key))
            if label is not None:
                label.hide()

    def _fill_codecs(self, fmt: str, current: str) -> None:
        self.compression_combo.blockSignals(True)
        self.compression_combo.clear()
        self.compression_combo.addItems(CODECS[fmt])
        self.compression_combo.setCurrentText(current if current in CODECS[fmt] else CODECS[fmt][0])
        self.compression_combo.setEnabled(len(CODECS[fmt]) > 1)
        self.compression_combo.blockSignals(False)
        self.partition_stack.setEnabled(fmt != "excel")

    def _format_changed(self, fmt: str) -> None:
        draft = self.current_draft()
        if self._loading or draft is None or draft.kind != "file":
            return
        codec = draft.compression if draft.compression in CODECS[fmt] else CODECS[fmt][0]
        self._fill_codecs(fmt, codec)
        path = with_suffix(draft.path, fmt, codec)
        self.path_edit.setText(path)
        self._edit(format=fmt, compression=codec, path=path,
                   partition_cols=() if fmt == "excel" else draft.partition_cols)

    def _compression_changed(self, codec: str) -> None:
        draft = self.current_draft()
        if self._loading or draft is None or draft.kind != "file" or not codec:
            return
        path = with_suffix(draft.path, draft.format, codec)
        self.path_edit.setText(path)
        self._edit(compression=codec, path=path)

    def _fill_partitions(self, draft: OutputDraft) -> None:
        if self.columns is None:
            self.partition_stack.setCurrentIndex(0)
            return
        self.partition_list.blockSignals(True)
        self.partition_list.clear()
        for c in self.columns:
            item = QListWidgetItem(c)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c in draft.partition_cols else Qt.CheckState.Unchecked)
            self.partition_list.addItem(item)
        self.partition_list.blockSignals(False)
        self.partition_stack.setCurrentIndex(1)

    def _partition_checked(self, _item: QListWidgetItem) -> None:
        items = (self.partition_list.item(i) for i in range(self.partition_list.count()))
        self._edit(partition_cols=tuple(i.text() for i in items if i.checkState() == Qt.CheckState.Checked))

    def set_partition_columns(self, columns: list[str]) -> None:
        """Tick exactly ``columns`` in the selected file output's partition picker."""
        if self.partition_stack.currentIndex() == 1:
            for i in range(self.partition_list.count()):
                item = self.partition_list.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.text() in columns else Qt.CheckState.Unchecked)
        else:
            self.partition_edit.setText(", ".join(columns))
            self._edit(partition_cols=tuple(columns))

    def _columns_ready(self, columns: list[str] | None, error: str | None) -> None:
        self.columns = columns
        self.columns_checked = True
        if error:
            self.recipe_warning.setText(f"The recipe may not fit the data: {error}")
            self.recipe_warning.show()
        draft = self.current_draft()
        if draft is not None and draft.kind == "file":
            self._fill_partitions(draft)

    def _browse(self) -> None:
        draft = self.current_draft()
        if draft is None:
            return
        filters = "Parquet (*.parquet);;CSV (*.csv *.csv.gz *.csv.bz2);;JSON Lines (*.jsonl *.jsonl.gz);;Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, "Write the output to", draft.path, filters,
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)
            self._edit(path=path)

    # ------------------------------------------------------------------ validation and start
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(text)
        label.show()

    def validate(self) -> tuple[list[DestSpec], str | None] | None:
        """Check every output and the scheduler; show messages beside the fields.

        Returns
        -------
        tuple or None
            ``(destinations, scheduler)`` when everything is valid, else ``None`` (the first
            invalid output is selected so its messages are visible).
        """
        self._clear_errors()
        if self.source is None:
            return None
        if not self.drafts:
            self._show_error("outputs", "Add at least one output.")
            return None
        scheduler = None
        if self.dask_radio.isChecked():
            scheduler = self.scheduler_edit.text().strip()
            if not scheduler:
                self._show_error("scheduler", "Give the scheduler's address, e.g. tcp://127.0.0.1:8786.")
                return None
            if "://" not in scheduler:
                scheduler = f"tcp://{scheduler}"
        specs: list[DestSpec] = []
        for row, draft in enumerate(self.drafts):
            errors, spec = check_draft(draft, self.columns)
            if errors or spec is None:
                self.output_list.setCurrentRow(row)
                for key, text in errors.items():
                    self._show_error(key if key in self.errors else "outputs", text)
                return None
            specs.append(spec)
        return specs, scheduler

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
            for draft, spec in zip(self.drafts, specs, strict=True):
                if draft.kind == "file":  # like DataBrew's S3 paths, missing folders are created
                    Path(spec.location).expanduser().absolute().parent.mkdir(parents=True, exist_ok=True)
        except (BrewdeskError, OSError) as e:
            self._show_error("outputs", str(e))
            return
        self.report = None
        self.summary_box.hide()
        self.open_folder_button.hide()
        self.progress_box.show()
        self.progress_label.setText("Starting the job…")
        self.progress_bar.setRange(0, 0)
        self.job = start_job(self.recipe, main=self.source, inputs=self.inputs, outputs=specs,
                             options=RunOptions(scheduler=scheduler))
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
            f"({o.get('format', '')}, {len(o.get('files', []))} file(s), {_size(o.get('bytes', 0))})"
            for o in rep.get("outputs", [])
        ]
        self.outputs_label.setText("<br>".join(lines))
        self.open_folder_button.setVisible(self.output_folder() is not None)

    def output_folder(self) -> Path | None:
        """The folder holding the first local output, or ``None`` (remote databases)."""
        for draft, out in zip(self.drafts, (self.report or {}).get("outputs", []), strict=False):
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
        for w in (self.output_list, self.editor, self.add_file_button, self.add_db_button,
                  self.remove_button, self.local_radio, self.dask_radio):
            w.setEnabled(not running and self.source is not None)
        self.scheduler_edit.setEnabled(not running and self.dask_radio.isChecked())
        self.remove_button.setEnabled(not running and bool(self.drafts))

    def _show_history(self) -> None:
        from brewdesk.app.jobs import JobHistoryDialog

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

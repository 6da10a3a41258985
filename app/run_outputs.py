"""The outputs part of the Run dialog: files and database tables, edited and validated.

:class:`OutputDraft` is what the user is editing (pure data); :func:`check_draft` turns it into a
:class:`~brewdesk.engine.writers.DestSpec` or field-by-field messages; :class:`OutputsEditor` is
the list of outputs with a form for the selected one (file: path, format, compression,
partition columns, overwrite; database: the embedded database, a named connection
(``db:NAME?table=T``, :mod:`brewdesk.engine.connections`) or a SQLAlchemy URL, table,
if-exists). Messages are shown beside the fields they are about.

A named connection stays ``db:NAME?table=T`` in the draft, the :class:`DestSpec` and the job
history: the job process looks up its URL and password, so the dialog never holds the password.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from brewdesk.engine import connections
from brewdesk.engine.locations import resolve
from brewdesk.engine.readers import SourceSpec, open_handle
from brewdesk.engine.report import safe_location
from brewdesk.engine.writers import DestSpec, check_destination, parse_dest
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe
from brewdesk.recipes.model.validate import validate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
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
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class OutputDraft:
    """One output as edited in the dialog (``kind`` ``file`` or ``database``).

    A database output goes to the named connection ``connection`` when set (``db:NAME``), else
    to ``url``; an empty ``url`` means Brewdesk's embedded SQLite database (``table:NAME``)
    unless ``custom_url`` says the user chose to type a URL.
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
    connection: str = ""
    custom_url: bool = False

    @property
    def database(self) -> str:
        """Where a database output goes: ``embedded``, ``named`` or ``url``."""
        if self.connection:
            return "named"
        return "url" if self.custom_url or self.url.strip() else "embedded"

    def tooltip(self) -> str:
        """The full destination (passwords masked)."""
        if self.kind == "file":
            return self.path.strip() or "no file chosen"
        if self.connection:
            return self.location()
        return safe_location(self.url.strip()) if self.url.strip() else f"table:{self.table}"

    def label(self) -> str:
        """One short line for the outputs list (passwords masked)."""
        if self.kind == "file":
            extra = [self.format] + ([self.compression] if self.compression != "none" else [])
            if self.partition_cols:
                extra.append("by " + ", ".join(self.partition_cols))
            if self.overwrite:
                extra.append("overwrite")
            name = Path(self.path.strip()).name if self.path.strip() else "(no file chosen)"
            return f"{name}  [{', '.join(extra)}]"
        url = self.url.strip()
        if self.connection:
            where = self.connection
        elif self.database == "url" and not url:
            where = "no URL given"
        elif not url or url.startswith("table:"):
            where = "embedded database"
        else:
            where = safe_location(url).split("://", 1)[0].split("+", 1)[0]  # the dialect
        return f"table {self.table or '?'}  [{where}, if exists: {self.if_exists}]"

    def location(self) -> str:
        """The destination text :func:`parse_dest` is given (shorthands resolved).

        A named connection is ``db:NAME?table=T``: it is resolved by the job process only.
        """
        if self.kind == "file":
            return str(Path(self.path.strip()).expanduser())
        if self.connection:
            return f"db:{self.connection}?{urlencode({'table': self.table.strip()})}"
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
        if draft.connection:
            problem = check_connection(draft.connection)
            if problem:
                errors["connection"] = problem
            if errors:
                return errors, None
            return errors, DestSpec(draft.location(), format="sql", if_exists=draft.if_exists)
        url = draft.url.strip()
        if draft.custom_url and not url:
            errors["url"] = "Give a SQLAlchemy URL such as sqlite:///out.db or postgresql://user@host/db."
        elif url and "://" not in url and not url.startswith("table:"):
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


def check_connection(name: str) -> str | None:
    """What is wrong with named connection ``name`` as configured, or ``None``.

    Reads ``connections.toml`` and the environment only: no password lookup, no database
    contacted (the job reports an unreachable database or a missing password at once).
    """
    try:
        known = connections.configured()
        conn = known.get(name)
        if conn is None:
            names = ", ".join(sorted(known)) or "none"
            return (f"No connection named {name!r} (configured: {names}); add it to "
                    f"{connections.config_file()} or set BREWDESK_CONNECTION_{connections.env_key(name)}.")
        connections._url_of(conn)
    except BrewdeskError as e:
        return str(e)[:1].upper() + str(e)[1:]
    return None


def output_columns(recipe: Recipe, source: SourceSpec, inputs: dict[str, SourceSpec]) -> list[str]:
    """The columns the recipe writes for these inputs (opens the sources: not on the GUI thread).

    Raises
    ------
    BrewdeskError
        A source cannot be opened, or the recipe does not fit it.
    """
    schema = open_handle(source).schema
    others = {n: open_handle(s).schema for n, s in inputs.items()}
    return list(validate(recipe, schema, others))


def error_label() -> QLabel:
    """A hidden, red, word-wrapped label for a message beside a field."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class OutputsEditor(QGroupBox):
    """The outputs of a run: a list, and a form for the selected output.

    Attributes
    ----------
    drafts
        The outputs, in list order.
    errors
        Message labels by field: ``outputs``, ``path``, ``format``, ``compression``,
        ``partition``, ``overwrite``, ``connection``, ``url``, ``table``, ``if_exists``.
    """

    def __init__(self, default_table: str = "output", parent: QWidget | None = None) -> None:
        super().__init__("Outputs", parent)
        self.default_table = default_table
        self.drafts: list[OutputDraft] = []
        self.columns: list[str] | None = None
        self.errors: dict[str, QLabel] = {}
        self._loading = False
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        self.output_list = QListWidget()
        self.output_list.setMinimumWidth(300)
        self.output_list.setMaximumHeight(180)
        self.output_list.currentRowChanged.connect(self._select_output)
        left.addWidget(self.output_list)
        self.errors["outputs"] = error_label()
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
        left.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _field(self, form: QFormLayout, title: str, widget: QWidget | QHBoxLayout, key: str) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            lay.addLayout(widget)
        else:
            lay.addWidget(widget)
        self.errors[key] = error_label()
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
        self.connection_combo = QComboBox()
        self.connection_combo.setToolTip("Named connections come from connections.toml or "
                                         "BREWDESK_CONNECTION_<NAME>; their passwords are never shown or stored.")
        self.fill_connections()
        self.connection_combo.activated.connect(self._connection_chosen)
        self._field(form, "Database:", self.connection_combo, "connection")
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("sqlite:///out.db, postgresql://user@host/db …")
        self.url_edit.textEdited.connect(lambda t: self._edit(url=t))
        self._field(form, "Database URL:", self.url_edit, "url")
        self.db_form, self.url_row = form, form.rowCount() - 1
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

    def add_database_output(self, url: str = "", table: str = "", connection: str = "") -> None:
        """Append a database output and select it: to named connection ``connection``
        (``db:NAME``), else to ``url``, else to the embedded SQLite database."""
        self._append(OutputDraft(kind="database", url=url, table=table or self.default_table,
                                 connection=connection))

    def fill_connections(self) -> None:
        """List the embedded database, the named connections (re-read) and "other URL"."""
        combo = self.connection_combo
        combo.clear()
        combo.addItem("Embedded database (this computer)", ("embedded", ""))
        try:
            named = connections.configured()
        except BrewdeskError as e:
            named = {}
            combo.setToolTip(str(e))
        for name in sorted(named):
            conn = named[name]
            combo.addItem(f"{name}  —  {safe_location(conn.url)}", ("named", name))
            combo.setItemData(combo.count() - 1, f"db:{name} from {conn.origin}", Qt.ItemDataRole.ToolTipRole)
        combo.addItem("Other database (SQLAlchemy URL)…", ("url", ""))

    def _connection_chosen(self, index: int) -> None:
        kind, name = self.connection_combo.itemData(index)
        self._show_url_row(kind == "url")
        self._edit(connection=name, custom_url=kind == "url", **({} if kind == "url" else {"url": ""}))
        if kind == "url":
            self.url_edit.setFocus()

    def _show_url_row(self, visible: bool) -> None:
        self.db_form.setRowVisible(self.url_row, visible)

    def _select_database(self, draft: OutputDraft) -> None:
        mode = draft.database
        wanted = (mode, draft.connection if mode == "named" else "")
        index = next((i for i in range(self.connection_combo.count())
                      if self.connection_combo.itemData(i) == wanted), -1)
        if index < 0 and mode == "named":  # configured elsewhere, or since removed
            self.connection_combo.addItem(f"{draft.connection}  (not configured)", wanted)
            index = self.connection_combo.count() - 1
        self.connection_combo.setCurrentIndex(max(index, 0))
        self._show_url_row(mode == "url")

    def _append(self, draft: OutputDraft) -> None:
        self.drafts.append(draft)
        item = QListWidgetItem(draft.label())
        item.setToolTip(draft.tooltip())
        self.output_list.addItem(item)
        self.output_list.setCurrentRow(len(self.drafts) - 1)
        self.remove_button.setEnabled(True)

    def remove_output(self) -> None:
        """Remove the selected output."""
        row = self.output_list.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self.output_list.takeItem(row)
            self._select_output(self.output_list.currentRow())
        self.remove_button.setEnabled(bool(self.drafts))

    def current_draft(self) -> OutputDraft | None:
        row = self.output_list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _select_output(self, row: int) -> None:
        self.clear_errors()
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
                self._select_database(draft)
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

    def set_columns(self, columns: list[str] | None) -> None:
        """The recipe's output columns (``None``: unknown; partitions are then typed)."""
        self.columns = columns
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

    # ------------------------------------------------------------------ validation
    def clear_errors(self) -> None:
        """Hide every message."""
        for label in self.errors.values():
            label.hide()

    def show_error(self, key: str, text: str) -> None:
        """Show ``text`` beside field ``key`` (``outputs``: under the list)."""
        label = self.errors.get(key, self.errors["outputs"])
        label.setText(text)
        label.show()

    def destinations(self) -> list[DestSpec] | None:
        """Every output as a :class:`DestSpec`, or ``None`` after showing what is wrong.

        The first invalid output is selected, so its messages are the ones visible.
        """
        self.clear_errors()
        if not self.drafts:
            self.show_error("outputs", "Add at least one output.")
            return None
        specs: list[DestSpec] = []
        for row, draft in enumerate(self.drafts):
            errors, spec = check_draft(draft, self.columns)
            if errors or spec is None:
                self.output_list.setCurrentRow(row)
                for key, text in errors.items():
                    self.show_error(key, text)
                return None
            specs.append(spec)
        return specs

    def set_editable(self, editable: bool) -> None:
        """Lock the outputs while a job runs."""
        for w in (self.output_list, self.editor, self.add_file_button, self.add_db_button):
            w.setEnabled(editable)
        self.remove_button.setEnabled(editable and bool(self.drafts))

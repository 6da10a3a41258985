"""Dialogs for opening data: reader options and sample settings, databases (named connections
or URLs, tables listed in a pool thread), Excel sheets."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from brewdesk.engine import connections
from brewdesk.engine.dbhints import connection_hint
from brewdesk.engine.errors import SourceError
from brewdesk.engine.locations import resolve
from brewdesk.engine.readers import SourceSpec, parse_source
from brewdesk.engine.readers.sources import infer_format
from brewdesk.engine.report import safe_location
from brewdesk.engine.sample_spec import MAX_SAMPLE_SIZE, SampleMethod, SampleSpec
from brewdesk.recipes.model.errors import BrewdeskError
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DELIMITERS = [("Detect", None), ("Comma ,", ","), ("Tab", "\t"), ("Semicolon ;", ";"), ("Pipe |", "|")]
ENCODINGS = [("Detect (UTF-8 / BOM)", None), ("UTF-8", "utf-8"), ("Latin-1", "latin-1"),
             ("Windows-1252", "cp1252"), ("UTF-16", "utf-16")]
METHODS = [("First rows", SampleMethod.FIRST_N), ("Last rows", SampleMethod.LAST_N), ("Random rows", SampleMethod.RANDOM)]


def excel_sheets(path: str) -> list[str]:
    """Sheet names of an Excel workbook (empty when it cannot be read)."""
    try:
        # heavy dependency: openpyxl is imported only when an Excel file is opened
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            return list(wb.sheetnames)
        finally:
            wb.close()
    except Exception:  # noqa: BLE001 - the reader reports the real problem later
        return []


class SourceOptionsDialog(QDialog):
    """Reader options (delimiter, header, encoding, sheet) and sample settings.

    Parameters
    ----------
    spec
        The source as opened (or about to be).
    sample
        Current sample settings.
    """

    def __init__(self, spec: SourceSpec, sample: SampleSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Reader and sample options — {spec.name}")
        self.spec = spec
        try:
            fmt = "sql" if spec.location.startswith("db:") else infer_format(spec)
        except BrewdeskError:
            fmt = "csv"
        form = QFormLayout()
        self.delimiter = QComboBox()
        for label, value in DELIMITERS:
            self.delimiter.addItem(label, value)
        if spec.delimiter is not None and self.delimiter.findData(spec.delimiter) < 0:
            self.delimiter.addItem(repr(spec.delimiter), spec.delimiter)
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(spec.delimiter), 0))
        self.delimiter.setEditable(False)
        self.header = QCheckBox("First row holds the column names")
        self.header.setChecked(spec.header)
        self.encoding = QComboBox()
        for label, value in ENCODINGS:
            self.encoding.addItem(label, value)
        if spec.encoding is not None and self.encoding.findData(spec.encoding) < 0:
            self.encoding.addItem(spec.encoding, spec.encoding)
        self.encoding.setCurrentIndex(max(self.encoding.findData(spec.encoding), 0))
        self.sheet = QComboBox()
        if fmt in ("csv", "tsv"):
            form.addRow("Delimiter", self.delimiter)
            form.addRow("Encoding", self.encoding)
            form.addRow("", self.header)
        elif fmt == "excel":
            sheets = excel_sheets(spec.location)
            self.sheet.addItems(sheets)
            if isinstance(spec.sheet, str):
                self.sheet.setCurrentText(spec.sheet)
            elif isinstance(spec.sheet, int) and spec.sheet < len(sheets):
                self.sheet.setCurrentIndex(spec.sheet)
            form.addRow("Sheet", self.sheet)
            form.addRow("", self.header)
        self.fmt = fmt
        self.method = QComboBox()
        for label, value in METHODS:
            self.method.addItem(label, value)
        self.method.setCurrentIndex(max(self.method.findData(sample.method), 0))
        self.size = QSpinBox()
        self.size.setRange(1, MAX_SAMPLE_SIZE)
        self.size.setSingleStep(1000)
        self.size.setGroupSeparatorShown(True)
        self.size.setValue(min(sample.size, MAX_SAMPLE_SIZE))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(sample.seed)
        form.addRow("Sample", self.method)
        form.addRow("Rows", self.size)
        form.addRow("Random seed", self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def result_spec(self) -> SourceSpec:
        """The source with the chosen reader options."""
        changes: dict[str, object] = {}
        if self.fmt in ("csv", "tsv"):
            changes.update(delimiter=self.delimiter.currentData(), encoding=self.encoding.currentData(), header=self.header.isChecked())
        elif self.fmt == "excel":
            changes.update(header=self.header.isChecked())
            if self.sheet.count():
                changes["sheet"] = self.sheet.currentText()
        return dataclasses.replace(self.spec, **changes)

    def result_sample(self) -> SampleSpec:
        """The chosen sample settings."""
        return SampleSpec(self.method.currentData(), self.size.value(), self.seed.value())


class _TablesRelay(QObject):
    done = Signal(int, object, object)  # request number, table names or None, error text or None


class _TablesTask(QRunnable):
    """Lists the tables and views of a named connection (a pool thread: it connects)."""

    def __init__(self, number: int, name: str) -> None:
        super().__init__()
        self.number, self.name = number, name
        self.relay = _TablesRelay()  # no parent: lives as long as this task, whatever the dialog does

    def run(self) -> None:
        try:
            names, err = list_tables(f"db:{self.name}"), None
        except BrewdeskError as e:
            names, err = None, str(e)
        except Exception as e:  # noqa: BLE001 - shown beside the field, never raised in the GUI
            names, err = None, f"{type(e).__name__}: {e}"
        self.relay.done.emit(self.number, names, err)


def list_tables(location: str) -> list[str]:
    """Tables and views of a database (``db:NAME`` or a SQLAlchemy URL); connects, so not on
    the GUI thread. Tables of other schemas than the default one are not listed.

    Raises
    ------
    SourceError
        Unknown connection, unreachable database, missing password (messages hold no password).
    """
    # heavy dependency: SQLAlchemy is imported only when a database is browsed
    import sqlalchemy as sa

    url = resolve(location)
    try:
        engine = sa.create_engine(url)
        try:
            inspector = sa.inspect(engine)
            return sorted(inspector.get_table_names()) + sorted(inspector.get_view_names())
        finally:
            engine.dispose()
    except sa.exc.SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).splitlines()[0]
        password = sa.engine.make_url(url).password
        if password:
            reason = reason.replace(str(password), "***")
        where = location if location.startswith("db:") else safe_location(url)
        raise SourceError(f"{where}: {reason}", hint=connection_hint(reason, url)) from None


class DatabaseDialog(QDialog):
    """A named connection or a SQLAlchemy URL, and a table or a query.

    Named connections (:func:`brewdesk.engine.connections.configured`) are listed with their
    URL, never a password; choosing one lists its tables in a pool thread. The result of a
    named connection is ``db:NAME?table=T`` (or ``?query=``): the password is looked up only
    when the data is read, so nothing the app stores holds it.
    """

    def __init__(self, parent: QWidget | None = None, *, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a database table or query")
        self._request = 0
        self.connection = QComboBox()
        try:
            named = connections.configured()
        except BrewdeskError as e:
            named, problem = {}, str(e)
        else:
            problem = ""
        for name in sorted(named):
            self.connection.addItem(f"{name}  —  {safe_location(named[name].url)}", name)
            self.connection.setItemData(self.connection.count() - 1, f"db:{name} from {named[name].origin}",
                                        Qt.ItemDataRole.ToolTipRole)
        self.connection.addItem("Other database (SQLAlchemy URL)", None)
        self.connection.setCurrentIndex(self.connection.count() - 1 if url or not named else 0)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("sqlite:///path/to/file.db  or  postgresql://user@host/db")
        self.table_radio = QRadioButton("Table")
        self.query_radio = QRadioButton("Query")
        self.table_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.table_radio)
        group.addButton(self.query_radio)
        self.table = QComboBox()
        self.table.setEditable(True)
        self.table.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.table.lineEdit().setPlaceholderText("table or schema.table")
        self.query = QPlainTextEdit()
        self.query.setPlaceholderText("SELECT ...")
        self.query.setEnabled(False)
        self.table_radio.toggled.connect(lambda on: (self.table.setEnabled(on), self.query.setEnabled(not on)))
        self.tables_label = QLabel()
        self.tables_label.setWordWrap(True)
        self.tables_label.setStyleSheet("color:#6b6b6b")
        self.form = QFormLayout()
        self.form.addRow("Connection", self.connection)
        self.form.addRow("SQLAlchemy URL", self.url)
        self.form.addRow(self.table_radio, self.table)
        self.form.addRow("", self.tables_label)
        self.form.addRow(self.query_radio, self.query)
        where = connections.config_file()
        hint = QLabel(
            "Passwords are never shown or stored: a named connection takes its password from "
            "BREWDESK_PASSWORD_&lt;NAME&gt; or the OS keyring. "
            + (f"<span style='color:#b00020'>{_esc(problem)}</span>" if problem else
               f"Add connections to <code>{_esc(str(where))}</code> or set BREWDESK_CONNECTION_&lt;NAME&gt;.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b6b6b")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.resize(620, 340)
        self.connection.currentIndexChanged.connect(self._connection_changed)
        self._connection_changed()

    def named(self) -> str | None:
        """The chosen named connection (``None``: a typed URL)."""
        return self.connection.currentData()

    def _connection_changed(self, _index: int = 0) -> None:
        name = self.named()
        self.form.setRowVisible(self.url, name is None)
        self._request += 1
        self.tables_label.clear()
        if name is None:
            return
        self.tables_label.setText(f"Listing the tables of {name}…")
        task = _TablesTask(self._request, name)
        task.relay.done.connect(self._tables_listed)
        QThreadPool.globalInstance().start(task)

    def _tables_listed(self, number: int, names: list[str] | None, error: str | None) -> None:
        if number != self._request:  # another connection was chosen meanwhile
            return
        if names is None:
            self.tables_label.setText(f"<span style='color:#b00020'>Cannot list the tables: {_esc(error or '')}</span>")
            return
        typed = self.table.currentText()
        self.table.clear()
        self.table.addItems(names)
        self.table.setEditText(typed if typed else (names[0] if names else ""))
        plural = "s" * (len(names) != 1)
        self.tables_label.setText(f"{len(names)} table{plural} or view{plural} in {self.named()}.")

    def result_location(self) -> str | None:
        """``db:NAME?table=T`` (or ``?query=Q``) for a named connection, else ``None``."""
        name = self.named()
        if name is None:
            return None
        if self.table_radio.isChecked():
            pair = {"table": self.table.currentText().strip()}
        else:
            pair = {"query": self.query.toPlainText().strip()}
        if not next(iter(pair.values())):
            raise SourceError(f"say which {next(iter(pair))} of connection {name} to open")
        return f"db:{name}?{urlencode(pair)}"

    def result_spec(self) -> SourceSpec:
        """The database source (a named connection stays ``db:NAME?...``, resolved when read).

        Raises
        ------
        SourceError
            When the URL is empty or malformed, or no table or query is given.
        """
        named = self.result_location()
        if named is not None:
            return SourceSpec(named)
        if self.table_radio.isChecked():
            return parse_source(self.url.text().strip(), table=self.table.currentText().strip() or None)
        return parse_source(self.url.text().strip(), query=self.query.toPlainText().strip() or None)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

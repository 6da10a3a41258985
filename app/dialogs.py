"""Dialogs for opening data: reader options and sample settings, databases, Excel sheets."""

from __future__ import annotations

import dataclasses

from brewdesk.engine.readers import SourceSpec
from brewdesk.engine.readers.sources import infer_format
from brewdesk.engine.sampler import SampleMethod, SampleSpec
from brewdesk.recipes.errors import BrewdeskError
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
MAX_SAMPLE = 100_000


def excel_sheets(path: str) -> list[str]:
    """Sheet names of an Excel workbook (empty when it cannot be read)."""
    try:
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
            fmt = infer_format(spec)
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
        self.size.setRange(1, MAX_SAMPLE)
        self.size.setSingleStep(1000)
        self.size.setGroupSeparatorShown(True)
        self.size.setValue(min(sample.size, MAX_SAMPLE))
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


class DatabaseDialog(QDialog):
    """A SQLAlchemy URL and a table or a query."""

    def __init__(self, parent: QWidget | None = None, *, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a database table or query")
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("sqlite:///path/to/file.db  or  postgresql://user@host/db")
        self.table_radio = QRadioButton("Table")
        self.query_radio = QRadioButton("Query")
        self.table_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.table_radio)
        group.addButton(self.query_radio)
        self.table = QLineEdit()
        self.table.setPlaceholderText("table or schema.table")
        self.query = QPlainTextEdit()
        self.query.setPlaceholderText("SELECT ...")
        self.query.setEnabled(False)
        self.table_radio.toggled.connect(lambda on: (self.table.setEnabled(on), self.query.setEnabled(not on)))
        form = QFormLayout()
        form.addRow("SQLAlchemy URL", self.url)
        form.addRow(self.table_radio, self.table)
        form.addRow(self.query_radio, self.query)
        hint = QLabel("The password, if any, is never shown in titles or logs.")
        hint.setStyleSheet("color:#6b6b6b")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.resize(560, 300)

    def result_spec(self) -> SourceSpec:
        """The database source.

        Raises
        ------
        SourceError
            When the URL is empty or malformed.
        """
        from brewdesk.engine.readers import parse_source

        if self.table_radio.isChecked():
            return parse_source(self.url.text().strip(), table=self.table.text().strip() or None)
        return parse_source(self.url.text().strip(), query=self.query.toPlainText().strip() or None)

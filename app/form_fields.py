"""Field editors generated from an operation's parameter JSON schema.

:func:`make_editor` maps one JSON-schema property to an editor:

- ``x-brewdesk-column`` (single): a combo of the columns existing at that step, filtered by
  ``types``; optional fields start with "(none)";
- ``x-brewdesk-column`` (multiple): a checkable list of those columns;
- ``enum``: a combo; ``boolean``: a check box; ``integer``/``number``: a spin box, or a line edit
  when the field may be empty; ``string``: a line edit;
- a list of objects (sort keys, aggregates, join keys): a small editable table;
- a list of plain strings: a comma-separated line edit;
- a free scalar (string, number or boolean): a line edit read as JSON when it parses.

Every editor has ``value()`` (returning :data:`UNSET` to leave the field out so the model's
default applies), ``set_value()`` and a ``changed`` signal.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import COLUMN_KEY
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()
NONE_LABEL = "(none)"


def humanize(name: str) -> str:
    """``source_column1`` -> ``Source column 1``."""
    text = name.replace("_", " ").strip()
    if text and text[-1].isdigit() and not text[-2:-1].isdigit():
        text = text[:-1] + " " + text[-1]
    return text[:1].upper() + text[1:]


def resolve(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """Follow a ``$ref`` into ``$defs``."""
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return dict(defs.get(ref.split("/")[-1], {}))
    return dict(prop)


def variants(prop: Mapping[str, Any]) -> tuple[list[dict[str, Any]], bool]:
    """The non-null alternatives of a property and whether null is allowed."""
    if "anyOf" in prop:
        alts = [dict(a) for a in prop["anyOf"]]
        nullable = any(a.get("type") == "null" for a in alts)
        return [a for a in alts if a.get("type") != "null"], nullable
    return [dict(prop)], False


class FieldEditor(QWidget):
    """Base of the editors: a value, a setter and a ``changed`` signal."""

    changed = Signal()

    def value(self) -> Any:  # pragma: no cover - overridden
        return UNSET

    def is_blank(self) -> bool:
        """Whether the field is left empty (nothing given beyond defaults)."""
        return self.value() is UNSET

    def set_value(self, value: Any) -> None:  # pragma: no cover - overridden
        pass

    @staticmethod
    def _layout(widget: QWidget, inner: QWidget) -> None:
        lay = QHBoxLayout(widget)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(inner)


class ColumnPicker(FieldEditor):
    """One existing column, from those whose type fits."""

    def __init__(self, columns: list[tuple[str, str]], *, optional: bool) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.optional = optional
        if optional:
            self.combo.addItem(NONE_LABEL, None)
        for name, logical in columns:
            self.combo.addItem(f"{name}  ·  {logical}", name)
        self.combo.currentIndexChanged.connect(self.changed)
        self._layout(self, self.combo)

    def value(self) -> Any:
        v = self.combo.currentData()
        return UNSET if v is None else v

    def set_value(self, value: Any) -> None:
        i = self.combo.findData(value)
        if i < 0 and value is not None:  # a column that no longer fits: keep it visible
            self.combo.addItem(f"{value}  ·  ?", value)
            i = self.combo.count() - 1
        self.combo.setCurrentIndex(max(i, 0))


class MultiColumnPicker(FieldEditor):
    """Several existing columns (checkable list, in column order)."""

    def __init__(self, columns: list[tuple[str, str]]) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for name, logical in columns:
            item = QListWidgetItem(f"{name}  ·  {logical}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = min(max(len(columns), 3), 7)
        self.list.setFixedHeight(rows * (self.list.fontMetrics().height() + 6) + 6)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self._layout(self, self.list)

    def value(self) -> Any:
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def set_value(self, value: Any) -> None:
        wanted = list(value or [])
        known = {self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())}
        for name in wanted:
            if name not in known:
                item = QListWidgetItem(f"{name}  ·  ?")
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                self.list.addItem(item)
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.changed.emit()


class EnumPicker(FieldEditor):
    """One of a fixed list of values."""

    def __init__(self, values: list[Any], *, optional: bool) -> None:
        super().__init__()
        self.combo = QComboBox()
        if optional:
            self.combo.addItem(NONE_LABEL, None)
        for v in values:
            self.combo.addItem(str(v), v)
        self.combo.currentIndexChanged.connect(self.changed)
        self._layout(self, self.combo)

    def value(self) -> Any:
        v = self.combo.currentData()
        return UNSET if v is None else v

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))


class BoolEditor(FieldEditor):
    """A check box."""

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.box = QCheckBox(label)
        self.box.toggled.connect(self.changed)
        self._layout(self, self.box)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class NumberEditor(FieldEditor):
    """A spin box for a required integer or number with bounds from the schema."""

    def __init__(self, prop: Mapping[str, Any], *, integer: bool) -> None:
        super().__init__()
        self.integer = integer
        box: QSpinBox | QDoubleSpinBox = QSpinBox() if integer else QDoubleSpinBox()
        lo = prop.get("minimum", prop.get("exclusiveMinimum", -1e9))
        hi = prop.get("maximum", prop.get("exclusiveMaximum", 1e9))
        if integer:
            box.setRange(int(max(lo, -(2**31) + 1)), int(min(hi, 2**31 - 1)))  # type: ignore[arg-type]
        else:
            assert isinstance(box, QDoubleSpinBox)
            box.setDecimals(4)
            box.setRange(float(lo), float(hi))
        box.valueChanged.connect(self.changed)
        self.box = box
        self._layout(self, box)

    def value(self) -> Any:
        return int(self.box.value()) if self.integer else float(self.box.value())

    def set_value(self, value: Any) -> None:
        if value is not None:
            self.box.setValue(value)  # type: ignore[arg-type]


class TextEditor(FieldEditor):
    """Free text; empty means 'not given' (the default, or a 'required' message).

    ``kind``: ``"string"``, ``"integer"``, ``"number"``, ``"scalar"`` (JSON when it parses, else
    text) or ``"list"`` (comma-separated strings).
    """

    def __init__(self, kind: str = "string", *, placeholder: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.textChanged.connect(self.changed)
        self._layout(self, self.edit)

    def value(self) -> Any:
        text = self.edit.text()
        if self.kind == "list":
            items = parse_list(text)
            return items if items else UNSET
        if text == "":
            return UNSET
        if self.kind in ("integer", "number", "scalar"):
            try:
                v = json.loads(text)
            except ValueError:
                return text  # let validation explain it
            if self.kind == "scalar" or isinstance(v, int | float):
                return v if not isinstance(v, list | dict) else text
            return text
        return text

    def set_value(self, value: Any) -> None:
        if value is None:
            self.edit.setText("")
        elif self.kind == "list":
            self.edit.setText(format_list(value))
        elif self.kind == "scalar" and not isinstance(value, str):
            self.edit.setText(json.dumps(value))
        else:
            self.edit.setText(str(value))


def format_list(values: Any) -> str:
    """A list of texts for a one-line editor: comma-separated, or a JSON array when a text
    holds a comma, a quote or edge spaces (so :func:`parse_list` gives the same list back)."""
    texts = [str(v) for v in values]
    if any("," in t or t != t.strip() or not t or t.startswith(("[", '"')) for t in texts):
        return json.dumps(texts, ensure_ascii=False)
    return ", ".join(texts)


def parse_list(text: str) -> list[str]:
    """The texts of a one-line list editor: a JSON array of texts, else comma-separated."""
    if text.strip().startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [v if isinstance(v, str) else json.dumps(v) for v in parsed]
    return [t.strip() for t in text.split(",") if t.strip()]


def _is_column_like(name: str) -> bool:
    return "column" in name or name in ("key",)


class TableEditor(FieldEditor):
    """A list of small objects (sort keys, aggregates, join keys) as an editable table."""

    def __init__(self, item_schema: Mapping[str, Any], defs: Mapping[str, Any], columns: list[str], *, min_rows: int) -> None:
        super().__init__()
        self.props: dict[str, dict[str, Any]] = {
            k: resolve(v, defs) for k, v in item_schema.get("properties", {}).items()
        }
        self.required = set(item_schema.get("required", []))
        self.columns = columns
        self.table = QTableWidget(0, len(self.props))
        self.table.setHorizontalHeaderLabels([humanize(k) for k in self.props])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        add = QPushButton("Add row")
        remove = QPushButton("Remove row")
        add.clicked.connect(lambda: self.add_row())
        remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        for _ in range(max(min_rows, 1)):
            self.add_row()
        first = self.value()
        self._blank_row: dict[str, Any] = first[0] if first else {}

    def _cell_widget(self, name: str, prop: Mapping[str, Any]) -> QWidget:
        alts, nullable = variants(prop)
        first = alts[0] if alts else {}
        if "enum" in first:
            w = QComboBox()
            if nullable:
                w.addItem("", None)
            for v in first["enum"]:
                w.addItem(str(v), v)
            default = prop.get("default")
            if default is not None:
                w.setCurrentIndex(max(w.findData(default), 0))
            w.currentIndexChanged.connect(self.changed)
            return w
        if _is_column_like(name) and "target" not in name:
            w = QComboBox()
            w.setEditable(True)
            w.addItem("")
            w.addItems(self.columns)
            if name in self.required and self.columns:
                w.setCurrentIndex(1)
            w.currentTextChanged.connect(self.changed)
            return w
        e = QLineEdit()
        e.textChanged.connect(self.changed)
        return e

    def add_row(self, values: Mapping[str, Any] | None = None) -> None:
        """Append a row (optionally filled)."""
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, (name, prop) in enumerate(self.props.items()):
            w = self._cell_widget(name, prop)
            if values and values.get(name) is not None:
                _set_cell(w, format_list(values[name]) if self._is_list(name) else values[name])
            self.table.setCellWidget(r, c, w)
        self.table.setRowHeight(r, max(self.table.rowHeight(r), 30))
        self.changed.emit()

    def remove_row(self) -> None:
        """Remove the current (or last) row."""
        r = self.table.currentRow()
        if r < 0:
            r = self.table.rowCount() - 1
        if r >= 0:
            self.table.removeRow(r)
            self.changed.emit()

    def _is_list(self, name: str) -> bool:
        alts, _ = variants(self.props[name])
        return bool(alts) and alts[0].get("type") == "array"

    def value(self) -> Any:
        rows = []
        for r in range(self.table.rowCount()):
            row: dict[str, Any] = {}
            for c, name in enumerate(self.props):
                v = _cell_value(self.table.cellWidget(r, c))
                if v not in (None, ""):
                    row[name] = parse_list(v) if self._is_list(name) and isinstance(v, str) else v
            if row:
                rows.append(row)
        return rows

    def is_blank(self) -> bool:
        """Every row holds only what a new row starts with (defaults, the first column)."""
        return all(row == self._blank_row for row in self.value())

    def set_value(self, value: Any) -> None:
        self.table.setRowCount(0)
        for row in value or []:
            self.add_row(row if isinstance(row, Mapping) else {})

    def set_cell(self, row: int, name: str, value: Any) -> None:
        """Set one cell (tests, prefill)."""
        while self.table.rowCount() <= row:
            self.add_row()
        _set_cell(self.table.cellWidget(row, list(self.props).index(name)), value)


def _set_cell(w: QWidget, value: Any) -> None:
    if isinstance(w, QComboBox):
        if w.isEditable():
            w.setCurrentText(str(value))
        else:
            w.setCurrentIndex(max(w.findData(value), 0))
    elif isinstance(w, QLineEdit):
        w.setText("" if value is None else str(value))


def _cell_value(w: QWidget) -> Any:
    if isinstance(w, QComboBox):
        return w.currentText().strip() if w.isEditable() else w.currentData()
    if isinstance(w, QLineEdit):
        text = w.text().strip()
        return text
    return None


def make_editor(name: str, prop: Mapping[str, Any], defs: Mapping[str, Any], schema: Schema, *, required: bool) -> FieldEditor:
    """Build the editor for one parameter.

    Parameters
    ----------
    name
        Field name.
    prop
        Its JSON-schema property.
    defs
        The model's ``$defs``.
    schema
        Columns existing at the step (for column pickers).
    required
        Whether the field has no default.
    """
    prop = resolve(prop, defs)
    alts, nullable = variants(prop)
    optional = nullable or not required
    marker = prop.get(COLUMN_KEY)
    if marker:
        types = marker.get("types")
        fitting = [(c, t) for c, t in schema.items() if not types or t in types]
        if marker.get("multiple"):
            return MultiColumnPicker(fitting)
        return ColumnPicker(fitting, optional=optional)
    main = alts[0] if alts else {}
    kinds = {a.get("type") for a in alts}
    if len(alts) > 1 and kinds & {"string", "boolean"}:
        return TextEditor("scalar", placeholder="text, number or true/false")
    if "enum" in main:
        return EnumPicker(list(main["enum"]), optional=nullable)
    t = main.get("type")
    if t == "boolean":
        return BoolEditor()
    if t in ("integer", "number") and not nullable and len(alts) == 1:
        return NumberEditor(main, integer=t == "integer")
    if t in ("integer", "number"):
        return TextEditor("number" if "number" in kinds else "integer", placeholder="empty: not used")
    if t == "array":
        items = resolve(main.get("items", {}), defs)
        if items.get("type") == "object" or "properties" in items:
            return TableEditor(items, defs, list(schema), min_rows=int(main.get("minItems", 0)))
        return TextEditor("list", placeholder="comma-separated")
    placeholder = "new column name" if prop.get("x-brewdesk-new-column") else ("optional" if optional else "")
    return TextEditor("string", placeholder=placeholder)

"""Editor for DataBrew's condition expressions (ANDed) restricting the rows a step touches."""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.model.conditions import CONDITIONS, Condition
from brewdesk.recipes.model.types import NUMERIC, Schema
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

LABELS = {
    "IS": "is one of",
    "IS_NOT": "is not one of",
    "IS_BETWEEN": "is between",
    "CONTAINS": "contains",
    "NOT_CONTAINS": "does not contain",
    "STARTS_WITH": "starts with",
    "NOT_STARTS_WITH": "does not start with",
    "ENDS_WITH": "ends with",
    "NOT_ENDS_WITH": "does not end with",
    "LESS_THAN": "<",
    "LESS_THAN_EQUAL": "≤",
    "GREATER_THAN": ">",
    "GREATER_THAN_EQUAL": "≥",
    "IS_INVALID": "is not a valid",
    "IS_MISSING": "is missing",
}
INVALID_KINDS = ("number", "integer", "boolean", "date")


def _scalar(text: str, logical: str) -> Any:
    text = text.strip()
    if logical in NUMERIC:
        try:
            return int(text)
        except ValueError:
            try:
                return float(text)
            except ValueError:
                return text
    return text


class ConditionRow(QWidget):
    """One condition: column, comparison and value(s)."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, schema: Schema) -> None:
        super().__init__()
        self.schema = schema
        self.column = QComboBox()
        for c, t in schema.items():
            self.column.addItem(f"{c}  ·  {t}", c)
        self.condition = QComboBox()
        for c in CONDITIONS:
            self.condition.addItem(LABELS[c], c)
        self.value = QLineEdit()
        self.value.setPlaceholderText("value")
        self.upper = QLineEdit()
        self.upper.setPlaceholderText("and")
        self.kind = QComboBox()
        self.kind.addItems(INVALID_KINDS)
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip("Remove this condition")
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.column, 0, 0, 1, 2)
        lay.addWidget(remove, 0, 2)
        lay.addWidget(self.condition, 1, 0)
        values = QHBoxLayout()
        values.addWidget(self.value)
        values.addWidget(self.upper)
        values.addWidget(self.kind)
        lay.addLayout(values, 1, 1, 1, 2)
        for w in (self.column, self.condition, self.kind):
            w.currentIndexChanged.connect(self._update)
        for e in (self.value, self.upper):
            e.textChanged.connect(self.changed)
        self._update()

    def _update(self) -> None:
        c = self.condition.currentData()
        self.value.setVisible(c not in ("IS_MISSING", "IS_INVALID"))
        self.upper.setVisible(c == "IS_BETWEEN")
        self.kind.setVisible(c == "IS_INVALID")
        self.value.setPlaceholderText("comma-separated values" if c in ("IS", "IS_NOT") else "value")
        self.changed.emit()

    def to_json(self) -> dict[str, Any]:
        """The condition as recipe JSON (validated later)."""
        col = self.column.currentData() or ""
        cond = self.condition.currentData()
        logical = self.schema.get(col, "string")
        value: Any = None
        if cond in ("IS", "IS_NOT"):
            value = [_scalar(v, logical) for v in self.value.text().split(",") if v.strip()]
        elif cond == "IS_BETWEEN":
            value = {"start": _scalar(self.value.text(), logical), "end": _scalar(self.upper.text(), logical)}
        elif cond == "IS_INVALID":
            value = self.kind.currentText()
        elif cond != "IS_MISSING":
            value = _scalar(self.value.text(), logical) if self.value.text() != "" else ""
        return {"condition": cond, "target_column": col, "value": value}

    def set_condition(self, cond: Condition) -> None:
        """Fill from an existing condition."""
        i = self.column.findData(cond.target_column)
        if i < 0:
            self.column.addItem(f"{cond.target_column}  ·  ?", cond.target_column)
            i = self.column.count() - 1
        self.column.setCurrentIndex(i)
        self.condition.setCurrentIndex(max(self.condition.findData(cond.condition), 0))
        v = cond.value
        if cond.condition in ("IS", "IS_NOT"):
            self.value.setText(", ".join(str(x) for x in (v if isinstance(v, list | tuple) else [v])))
        elif cond.condition == "IS_BETWEEN":
            lo, hi = (v.get("start"), v.get("end")) if isinstance(v, dict) else (list(v) + [None, None])[:2]
            self.value.setText("" if lo is None else str(lo))
            self.upper.setText("" if hi is None else str(hi))
        elif cond.condition == "IS_INVALID":
            self.kind.setCurrentText(str(v or "number"))
        elif v is not None:
            self.value.setText(str(v))


class ConditionEditor(QWidget):
    """A list of conditions combined with AND.

    Parameters
    ----------
    schema
        Columns existing at the step.
    title
        Heading, e.g. "Only rows where" or "Remove rows where".
    """

    changed = Signal()

    def __init__(self, schema: Schema, title: str = "Only change rows where (all must hold)") -> None:
        super().__init__()
        self.schema = schema
        self.rows: list[ConditionRow] = []
        self.heading = QLabel(title)
        self.add_button = QPushButton("Add condition")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self._rows = QVBoxLayout()
        self._rows.setSpacing(8)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.heading)
        lay.addLayout(self._rows)
        lay.addWidget(self.error)
        lay.addWidget(self.add_button)

    def add_row(self, cond: Condition | None = None) -> ConditionRow:
        """Append a condition row (optionally filled)."""
        row = ConditionRow(self.schema)
        if cond is not None:
            row.set_condition(cond)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows.addWidget(row)
        self.changed.emit()
        return row

    def _remove(self, row: ConditionRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def values(self) -> list[dict[str, Any]]:
        """Conditions as recipe JSON."""
        return [r.to_json() for r in self.rows]

    def set_conditions(self, conditions: tuple[Condition, ...]) -> None:
        """Replace the rows."""
        for r in list(self.rows):
            self._remove(r)
        for c in conditions:
            self.add_row(c)

    def set_error(self, text: str | None) -> None:
        """Show (or clear) a problem with the conditions."""
        self.error.setText(text or "")
        self.error.setVisible(bool(text))

"""Job history views: a table of past runs (:class:`JobHistoryWidget`) and its dialog.

The records come from :class:`brewdesk.engine.jobs.JobHistory` (``data_home()/jobs.jsonl``),
newest first. Reading the file is small and bounded (:data:`MAX_ROWS` records), so it is done
on the GUI thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from brewdesk.engine.jobs import JobHistory, JobRecord
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

MAX_ROWS = 500
COLUMNS = ("Started", "Recipe", "Status", "Time", "Rows in", "Rows out", "Outputs", "Error", "Where")
STATUS_COLORS = {"succeeded": "#1b7f3b", "failed": "#b00020", "cancelled": "#8a6d00", "running": "#1f5fbf"}

Index = QModelIndex | QPersistentModelIndex


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


def _seconds(s: float) -> str:
    if s < 60:
        return f"{s:.1f} s"
    m, sec = divmod(int(round(s)), 60)
    return f"{m} min {sec:02d} s" if m < 60 else f"{m // 60} h {m % 60:02d} min"


class JobHistoryModel(QAbstractTableModel):
    """Read-only table of :class:`JobRecord` (newest first)."""

    def __init__(self, records: list[JobRecord] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[JobRecord] = list(records or [])

    def set_records(self, records: list[JobRecord]) -> None:
        """Replace the rows (given oldest first, shown newest first)."""
        self.beginResetModel()
        self.records = list(reversed(records))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def text(self, rec: JobRecord, column: int) -> str:
        """The display text of one cell."""
        rows = lambda v: "" if v is None else f"{v:,}"  # noqa: E731
        return (
            _local_time(rec.started),
            rec.recipe,
            rec.status,
            _seconds(rec.seconds),
            rows(rec.rows_in),
            rows(rec.rows_out),
            "; ".join(rec.outputs),
            rec.error or "",
            rec.scheduler or "",
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        rec = self.records[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(rec, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (6, 7, 8):
            return self.text(rec, col) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(STATUS_COLORS.get(rec.status, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class JobHistoryWidget(QWidget):
    """Past runs with their status; :meth:`refresh` re-reads the history file.

    Parameters
    ----------
    history
        The history to show (default: ``data_home()/jobs.jsonl``).
    """

    def __init__(self, history: JobHistory | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history or JobHistory()
        self.model = JobHistoryModel(parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty_label = QLabel("No jobs yet: runs started from the Run dialog are listed here.")
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.empty_label, 1)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """Reload the records (the last :data:`MAX_ROWS`)."""
        self.model.set_records(self.history.load(limit=MAX_ROWS))
        n = self.model.rowCount()
        self.empty_label.setText(
            f"{n} job{'s' * (n != 1)}, newest first." if n else "No jobs yet: runs started from the Run dialog are listed here."
        )
        self.view.resizeColumnsToContents()
        for col, cap in ((1, 220), (6, 360)):
            if self.view.columnWidth(col) > cap:
                self.view.setColumnWidth(col, cap)


class JobHistoryDialog(QDialog):
    """A dialog showing :class:`JobHistoryWidget`."""

    def __init__(self, parent: QWidget | None = None, history: JobHistory | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Job history")
        self.resize(980, 420)
        self.widget = JobHistoryWidget(history, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget, 1)
        layout.addWidget(buttons)

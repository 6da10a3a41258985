"""The data grid: a virtual table model over a pandas frame, and headers with quality bars.

:class:`FrameModel` formats only the cells the view asks for (a 100,000-row sample costs
nothing until scrolled). Missing values are shown greyed; in preview mode the cells a step
changes and the columns it adds are highlighted from a :class:`~brewdesk.recipes.model.diff.PreviewDiff`.
:class:`SummaryHeader` paints, under each column name and type, a quality bar (valid / missing /
invalid) and a tiny distribution (histogram for numbers and dates, top values for text).
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.engine.profile import ColumnSummary
from brewdesk.recipes.model.diff import PreviewDiff
from brewdesk.recipes.model.types import ROWID, logical_type
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

TypeRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
NewColumnRole = Qt.ItemDataRole.UserRole + 3
ChangedColumnRole = Qt.ItemDataRole.UserRole + 4

CHANGED = QColor(255, 236, 179)
NEW = QColor(200, 240, 205)
MISSING_TEXT = QColor(150, 150, 150)
VALID = QColor(76, 175, 80)
MISSING = QColor(189, 189, 189)
INVALID = QColor(229, 57, 53)
BARS = QColor(66, 133, 244)
BARS_NEW = QColor(46, 125, 50)

TYPE_LABELS = {
    "int64": "# int",
    "float64": "# float",
    "boolean": "✓ bool",
    "string": "Aa text",
    "datetime": "◷ datetime",
    "category": "▤ category",
    "object": "{} nested",
}

_Index = QModelIndex | QPersistentModelIndex


def format_cell(value: Any, logical: str) -> str:
    """Display text of one cell (``""`` for missing values)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if logical == "float64":
        f = float(value)
        if math.isnan(f):
            return "NaN"
        if f.is_integer() and abs(f) < 1e15:
            return f"{f:.1f}"
        return repr(f)
    if logical == "datetime":
        ts = pd.Timestamp(value)
        if ts is pd.NaT:
            return ""
        return ts.isoformat(sep=" ") if (ts.hour or ts.minute or ts.second or ts.microsecond) else ts.date().isoformat()
    if logical == "boolean":
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, list | dict | tuple):  # nested values (arrays, maps, structs) as JSON
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


class FrameModel(QAbstractTableModel):
    """Read-only table model over a pandas frame (``_rowid`` hidden).

    The vertical header shows 1-based row positions; the row id is in each row's tooltip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._columns: list[str] = []
        self._types: list[str] = []
        self._arrays: dict[int, Any] = {}
        self._missing: dict[int, np.ndarray] = {}
        self._diff: PreviewDiff | None = None
        self._summaries: dict[str, ColumnSummary] = {}
        self._rowids: np.ndarray = np.empty(0, dtype="int64")

    # ------------------------------------------------------------------ data in
    @property
    def frame(self) -> pd.DataFrame:
        """The frame shown."""
        return self._frame

    @property
    def columns(self) -> list[str]:
        """Visible column names."""
        return list(self._columns)

    def set_frame(self, frame: pd.DataFrame | None, diff: PreviewDiff | None = None) -> None:
        """Show ``frame`` (indexed by row id, or with a ``_rowid`` column) and highlight ``diff``."""
        self.beginResetModel()
        frame = frame if frame is not None else pd.DataFrame()
        if ROWID in frame.columns:
            frame = frame.set_index(ROWID)
        self._frame = frame
        self._columns = [str(c) for c in frame.columns]
        self._types = [logical_type(t) for t in frame.dtypes]
        self._arrays = {}
        self._missing = {}
        self._diff = diff
        self._rowids = np.asarray(frame.index)
        self.endResetModel()

    def set_summaries(self, summaries: dict[str, ColumnSummary]) -> None:
        """Header summaries (quality bars and distributions) for the columns shown."""
        self._summaries = dict(summaries)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def column_type(self, column: int) -> str:
        """Logical type of a visible column."""
        return self._types[column]

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def _array(self, col: int) -> Any:
        arr = self._arrays.get(col)
        if arr is None:
            arr = self._frame.iloc[:, col].array
            self._arrays[col] = arr
            self._missing[col] = np.asarray(pd.isna(arr), dtype=bool) if arr.ndim == 1 else np.zeros(len(arr), bool)
        return arr

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r >= len(self._frame) or c >= len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            arr = self._array(c)
            if self._missing[c][r]:
                return "missing" if role == Qt.ItemDataRole.ToolTipRole else "—"
            text = format_cell(arr[r], self._types[c])
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{text}\n(row id {int(self._rowids[r])})" if len(text) < 2000 else text[:2000] + "…"
            return text if len(text) <= 300 else text[:300] + "…"
        if role == Qt.ItemDataRole.ForegroundRole:
            self._array(c)
            if self._missing[c][r]:
                return QBrush(MISSING_TEXT)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            d = self._diff
            if d is None:
                return None
            name = self._columns[c]
            if name in d.new_columns:
                return QBrush(NEW)
            mask = d.changed.get(name)
            if mask is not None and r < len(mask) and mask[r]:
                return QBrush(CHANGED)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._types[c] in ("int64", "float64"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            self._array(c)
            if self._missing[c][r]:
                f = QFont()
                f.setItalic(True)
                return f
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._frame):
                return str(section + 1)
            return None
        if not 0 <= section < len(self._columns):
            return None
        name = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == TypeRole:
            return self._types[section]
        if role == SummaryRole:
            return self._summaries.get(name)
        if role == NewColumnRole:
            return bool(self._diff and name in self._diff.new_columns)
        if role == ChangedColumnRole:
            mask = self._diff.changed.get(name) if self._diff else None
            return int(mask.sum()) if mask is not None else 0
        if role == Qt.ItemDataRole.ToolTipRole:
            s = self._summaries.get(name)
            tip = f"{name} ({self._types[section]})"
            if s is not None and s.rows:
                v, m, i = s.shares()
                tip += f"\nvalid {v:.1%} · missing {m:.1%} · invalid {i:.1%}"
            return tip
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SummaryHeader(QHeaderView):
    """Horizontal header: name, type, quality bar and a tiny distribution per column."""

    BAR = 5
    DIST = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumSectionSize(60)
        self.setDefaultSectionSize(120)

    def sizeHint(self) -> QSize:  # noqa: N802
        base = super().sizeHint()
        fm = self.fontMetrics()
        return QSize(base.width(), fm.height() * 2 + self.BAR + self.DIST + 16)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # noqa: N802, N803
        size = super().sectionSizeFromContents(logicalIndex)
        model = self.model()
        fm = self.fontMetrics()
        if model is not None:
            name = str(model.headerData(logicalIndex, Qt.Orientation.Horizontal) or "")
            width = max(fm.horizontalAdvance(name) + 22, 80)
            return QSize(min(width, 260), self.sizeHint().height())
        return size

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:  # noqa: N802, N803
        if not rect.isValid():
            return
        model = self.model()
        painter.save()
        try:
            opt = QStyleOptionHeader()
            self.initStyleOption(opt)
            opt.rect = rect
            opt.section = logicalIndex
            opt.text = ""
            sel = self.selectionModel()
            if sel is not None and sel.isColumnSelected(logicalIndex, QModelIndex()):
                opt.state |= QStyle.StateFlag.State_On
            self.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, self)
            if model is None:
                return
            self._paint_contents(painter, rect, logicalIndex)
        finally:
            painter.restore()

    def _paint_contents(self, painter: QPainter, rect: QRect, section: int) -> None:
        model = self.model()
        name = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        logical = model.headerData(section, Qt.Orientation.Horizontal, TypeRole) or ""
        summary: ColumnSummary | None = model.headerData(section, Qt.Orientation.Horizontal, SummaryRole)
        is_new = bool(model.headerData(section, Qt.Orientation.Horizontal, NewColumnRole))
        changed = int(model.headerData(section, Qt.Orientation.Horizontal, ChangedColumnRole) or 0)
        fm = self.fontMetrics()
        pad = 6
        inner = rect.adjusted(pad, 4, -pad, -4)
        if is_new:
            painter.fillRect(rect.adjusted(1, 1, -1, -1), NEW)
        elif changed:
            painter.fillRect(rect.adjusted(1, 1, -1, -1), CHANGED)
        line = fm.height()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        text = painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.85, 6.5))
        painter.setFont(small)
        painter.setPen(QColor(110, 110, 110))
        label = TYPE_LABELS.get(str(logical), str(logical))
        if changed and not is_new:
            label += f"  · {changed:,} changed"
        elif is_new:
            label += "  · new"
        y = inner.top() + line
        painter.drawText(QRect(inner.left(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, inner.width()))
        y += line + 3
        bar = QRect(inner.left(), y, inner.width(), self.BAR)
        self._paint_quality(painter, bar, summary)
        dist = QRect(inner.left(), y + self.BAR + 3, inner.width(), self.DIST - 3)
        if summary is not None:
            self._paint_distribution(painter, dist, summary, is_new)

    @staticmethod
    def _paint_quality(painter: QPainter, bar: QRect, summary: ColumnSummary | None) -> None:
        if summary is None or not summary.rows:
            painter.fillRect(bar, QColor(230, 230, 230))
            return
        v, m, _ = summary.shares()
        x = bar.left()
        w_valid = round(bar.width() * v)
        w_missing = round(bar.width() * m)
        painter.fillRect(QRect(x, bar.top(), w_valid, bar.height()), VALID)
        painter.fillRect(QRect(x + w_valid, bar.top(), w_missing, bar.height()), MISSING)
        rest = bar.width() - w_valid - w_missing
        if rest > 0 and summary.invalid:
            painter.fillRect(QRect(x + w_valid + w_missing, bar.top(), rest, bar.height()), INVALID)

    @staticmethod
    def _paint_distribution(painter: QPainter, rect: QRect, summary: ColumnSummary, is_new: bool) -> None:
        dist = summary.distribution
        counts = list(dist.counts)
        if dist.kind == "top" and dist.other:
            counts.append(dist.other)
        if not counts or max(counts) == 0:
            return
        top = max(counts)
        n = len(counts)
        gap = 1 if rect.width() / n > 3 else 0
        width = rect.width() / n
        color = BARS_NEW if is_new else BARS
        for i, c in enumerate(counts):
            h = round((rect.height() - 1) * c / top)
            if c and h == 0:
                h = 1
            x = rect.left() + round(i * width)
            w = max(round((i + 1) * width) - round(i * width) - gap, 1)
            is_other = dist.kind == "top" and dist.other and i == n - 1
            painter.fillRect(QRect(x, rect.bottom() - h + 1, w, h), QColor(190, 190, 190) if is_other else color)

"""Column profile panel: statistics table and a pyqtgraph histogram (or top values)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyqtgraph as pg
from brewdesk.engine.profile import ColumnProfile, format_value
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

pg.setConfigOptions(antialias=True, background="w", foreground="k")


class ProfilePanel(QWidget):
    """Shows a :class:`~brewdesk.engine.profile.ColumnProfile` of the selected column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Select a column to see its profile")
        self.title.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setMinimumHeight(160)
        self.plot.setMaximumHeight(230)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Statistic", "Value"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.top = QLabel()
        self.top.setWordWrap(True)
        self.top.setTextFormat(Qt.TextFormat.RichText)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.top)
        lay.addStretch(0)
        self.profile: ColumnProfile | None = None
        self.show_profile(None)

    def show_profile(self, result: Any) -> None:
        """Show a profile, an error text, or nothing (``None``)."""
        self.plot.clear()
        self.table.setRowCount(0)
        self.top.setText("")
        self.plot.setVisible(result is not None and not isinstance(result, str))
        self.table.setVisible(result is not None and not isinstance(result, str))
        if result is None:
            self.profile = None
            self.title.setText("Select a column to see its profile")
            return
        if isinstance(result, str):
            self.profile = None
            self.title.setText(f"<span style='color:#c62828'>Profile failed: {result}</span>")
            return
        p: ColumnProfile = result
        self.profile = p
        self.title.setText(f"<b>{p.name}</b> · {p.logical} · profile of the sample ({p.rows:,} rows)")
        rows = p.stats_rows()
        self.table.setRowCount(len(rows))
        for i, (k, v) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(k))
            item = QTableWidgetItem(v)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 1, item)
        self._plot(p)
        if p.top:
            n = 5 if p.histogram.kind == "histogram" else 8
            items = "".join(f"<tr><td>{_esc(v)}</td><td align='right'>{c:,}</td></tr>" for v, c in p.top[:n])
            self.top.setText(f"<b>Top values</b><table width='100%'>{items}</table>")

    def _plot(self, p: ColumnProfile) -> None:
        h = p.histogram
        plot = self.plot.getPlotItem()
        plot.invertY(False)
        plot.getAxis("left").setTicks(None)
        plot.setLabel("left", "rows")
        if h.kind == "histogram" and h.counts:
            edges = list(h.edges)
            x0 = edges[:-1]
            widths = [b - a for a, b in zip(edges[:-1], edges[1:], strict=True)]
            bars = pg.BarGraphItem(x0=x0, width=widths, height=list(h.counts), brush=(66, 133, 244, 200), pen=pg.mkPen("w"))
            self.plot.addItem(bars)
            axis = plot.getAxis("bottom")
            if h.dates:
                ticks = [(e, dt.datetime.fromtimestamp(e, dt.UTC).strftime("%Y-%m-%d")) for e in edges[:: max(len(edges) // 4, 1)]]
                axis.setTicks([ticks])
            else:
                axis.setTicks(None)
            plot.setLabel("bottom", p.name)
            plot.enableAutoRange()
        elif h.kind == "top" and h.counts:
            n = len(h.counts)
            ys = list(range(n))
            bars = pg.BarGraphItem(x0=0, y=ys, height=0.7, width=list(h.counts), brush=(66, 133, 244, 200))
            self.plot.addItem(bars)
            plot.getAxis("left").setTicks([[(i, format_value(lab)[:16]) for i, lab in enumerate(h.labels)]])
            plot.getAxis("bottom").setTicks(None)
            plot.setLabel("left", "")
            plot.setLabel("bottom", "rows")
            plot.invertY(True)
            plot.enableAutoRange()


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""The recipe panel: the steps with their descriptions, and the actions on them.

Each row shows a check box (enabled), the step number and its ``describe()`` sentence, its note,
and, for a broken step, the validation problem in red. Steps after the selected one are greyed:
the grid shows the data as it is after the selected step. Rows can be dragged to reorder; every
change goes through the session's undo stack.
"""

from __future__ import annotations

from brewdesk.app.session import Session
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

StepIdRole = Qt.ItemDataRole.UserRole + 10


class StepList(QListWidget):
    """List whose drops are turned into MoveStep commands (the list itself is rebuilt)."""

    moved = Signal(str, int)

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001
        src = self.currentItem()
        if src is None:
            event.ignore()
            return
        target = self.itemAt(event.position().toPoint())
        to = self.row(target) if target is not None else self.count() - 1
        step_id = src.data(StepIdRole)
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        QTimer.singleShot(0, lambda: self.moved.emit(step_id, to))


class RecipePanel(QWidget):
    """Steps of the session's recipe.

    Signals
    -------
    edit_requested(str)
        Open the form of a step.
    insert_requested(int)
        Show the transforms to insert a step at a position.
    """

    edit_requested = Signal(str)
    insert_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = StepList()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(False)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemDoubleClicked.connect(lambda it: self.edit_requested.emit(it.data(StepIdRole)))
        self.list.moved.connect(self.session.move_step)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setSpacing(2)
        for key, text, tip, slot in (
            ("edit", "Edit", "Edit the selected step", self._edit),
            ("delete", "Delete", "Delete the selected step", self._delete),
            ("note", "Note…", "Add a note to the selected step", self._note),
            ("up", "↑", "Move the step up", lambda: self._move(-1)),
            ("down", "↓", "Move the step down", lambda: self._move(1)),
            ("insert", "Insert…", "Insert a step after the selected one", self._insert),
        ):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons[key] = b
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        session.recipe_changed.connect(self.rebuild)
        session.selection_changed.connect(self.rebuild)
        self.rebuild()

    # ------------------------------------------------------------------ view
    def rebuild(self) -> None:
        """Rebuild the rows from the session's recipe."""
        s = self.session
        recipe = s.recipe
        shown = s.selected_index()
        self.list.blockSignals(True)
        self.list.clear()
        for i, step in enumerate(recipe.steps):
            text = f"{i + 1}. {step.describe()}"
            problem = s.problems.get(step.id)
            if step.note:
                text += f"\n    ✎ {step.note}"
            if problem is not None:
                text += f"\n    ⚠ {problem.message}"
            item = QListWidgetItem(text)
            item.setData(StepIdRole, step.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setCheckState(Qt.CheckState.Checked if step.enabled else Qt.CheckState.Unchecked)
            tip = [step.describe(), f"id {step.id} · {step.op}"]
            if problem is not None:
                tip.append(f"Problem: {problem.message}")
                item.setForeground(QBrush(QColor(198, 40, 40)))
            elif i >= shown or not step.enabled:
                item.setForeground(QBrush(QColor(150, 150, 150)))
            if not step.enabled:
                f = QFont()
                f.setStrikeOut(True)
                item.setFont(f)
            item.setToolTip("\n".join(tip))
            item.setSizeHint(QSize(0, self.list.fontMetrics().height() * (1 + text.count("\n")) + 10))
            self.list.addItem(item)
            if i == shown - 1:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        n = len(recipe.steps)
        if not n:
            hint = QListWidgetItem("No steps yet.\nPick a transform from the toolbar,\nor right-click a column.")
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            hint.setForeground(QBrush(QColor(140, 140, 140)))
            hint.setSizeHint(QSize(0, self.list.fontMetrics().height() * 3 + 12))
            self.list.addItem(hint)
        broken = len(s.problems)
        head = f"<b>{recipe.name}</b> · {n} step{'s' if n != 1 else ''}"
        if broken:
            head += f" · <span style='color:#c62828'>{broken} broken</span>"
        if n and shown < n:
            head += f"<br>Showing data after step {shown}"
        self.header.setText(head)
        has = self.current_step_id() is not None
        for key in ("edit", "delete", "note", "up", "down"):
            self.buttons[key].setEnabled(has)

    def current_step_id(self) -> str | None:
        """Id of the highlighted step."""
        item = self.list.currentItem()
        return item.data(StepIdRole) if item is not None else None

    # ------------------------------------------------------------------ actions
    def _clicked(self, item: QListWidgetItem) -> None:
        self.session.select_step(item.data(StepIdRole))

    def _item_changed(self, item: QListWidgetItem) -> None:
        sid = item.data(StepIdRole)
        enabled = item.checkState() == Qt.CheckState.Checked
        QTimer.singleShot(0, lambda: self.session.toggle_step(sid, enabled))

    def _edit(self) -> None:
        sid = self.current_step_id()
        if sid:
            self.edit_requested.emit(sid)

    def _delete(self) -> None:
        sid = self.current_step_id()
        if sid:
            self.session.remove_step(sid)

    def _note(self) -> None:
        sid = self.current_step_id()
        if not sid:
            return
        text, ok = QInputDialog.getText(self, "Step note", "Note:", text=self.session.recipe.step(sid).note)
        if ok:
            self.session.set_note(sid, text)

    def _move(self, delta: int) -> None:
        sid = self.current_step_id()
        if not sid:
            return
        i = self.session.recipe.index(sid)
        to = i + delta
        if 0 <= to < len(self.session.recipe.steps):
            self.session.move_step(sid, to)

    def _insert(self) -> None:
        self.insert_requested.emit(self.session.insert_index())

    def _menu(self, pos) -> None:  # noqa: ANN001
        item = self.list.itemAt(pos)
        if item is None:
            return
        self.list.setCurrentItem(item)
        sid = item.data(StepIdRole)
        m = QMenu(self)
        m.addAction("Show data after this step", lambda: self.session.select_step(sid))
        m.addAction("Edit…", lambda: self.edit_requested.emit(sid))
        enabled = self.session.recipe.step(sid).enabled
        m.addAction("Disable" if enabled else "Enable", lambda: self.session.toggle_step(sid, not enabled))
        m.addAction("Note…", self._note)
        m.addAction("Insert step after…", lambda: self.insert_requested.emit(self.session.recipe.index(sid) + 1))
        m.addSeparator()
        m.addAction("Delete", lambda: self.session.remove_step(sid))
        m.exec(self.list.mapToGlobal(pos))

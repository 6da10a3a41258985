"""Menus, toolbar and shortcuts of the main window.

The Transforms menu and the toolbar's category buttons are generated from the operation
registry (:mod:`brewdesk.app.transforms`); the data actions call the window's
:class:`~brewdesk.app.opening.DataOpener`, every other action a command of the window. The
window is known only through :class:`ActionTarget`, the commands and parts the actions need,
so this module does not import the window's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import qtawesome as qta
from brewdesk.app import transforms
from brewdesk.app.opening import DataOpener
from brewdesk.app.session import Session
from brewdesk.recipes.ops.base import Operation
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QToolButton,
    QUndoView,
)


class ActionTarget(Protocol):
    """What the actions act on: a ``QMainWindow`` with these panels and commands."""

    session: Session
    opener: DataOpener
    left_tabs: QTabWidget
    undo_view: QUndoView
    recipe_dock: QDockWidget
    side_dock: QDockWidget

    def new_recipe(self) -> None: ...
    def open_recipe_dialog(self) -> None: ...
    def save_recipe(self) -> bool: ...
    def save_recipe_as(self, path: str | Path | None = None) -> bool: ...
    def export_databrew_as(self, path: str | Path | None = None) -> bool: ...
    def export_python_as(self, path: str | Path | None = None, *, engine: str | None = None,
                         destination: str | None = None) -> bool: ...
    def open_run_dialog(self) -> None: ...
    def open_form(self, op: Operation, *, prefill: dict | None = None, index: int | None = None) -> Any: ...
    def close_form(self) -> None: ...
    def close(self) -> bool: ...
    def addAction(self, action: QAction) -> None: ...  # noqa: N802 - Qt's name
    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name
    def addToolBar(self, area: Qt.ToolBarArea, toolbar: QToolBar) -> None: ...  # noqa: N802 - Qt's name


def _icon(name: str) -> QIcon:
    try:
        return qta.icon(name, color="#37474f")
    except Exception:  # noqa: BLE001
        return QIcon()


class WindowActions:
    """Creates and owns the window's actions, menus and toolbar.

    Attributes
    ----------
    actions
        ``{name: QAction}``: ``open``, ``open_db``, ``options``, ``new_recipe``,
        ``open_recipe``, ``save``, ``save_as``, ``run``, ``quit``, ``undo``, ``redo`` ...
    transform_actions
        ``{operation id: QAction}`` of the Transforms menu.
    """

    def __init__(self, window: ActionTarget) -> None:
        self.w = window
        self.actions: dict[str, QAction] = {}
        self.transform_actions: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.update_enabled()

    def _act(self, name: str, text: str, slot, *, icon: str | None = None, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        a = QAction(_icon(icon) if icon else QIcon(), text, self.w)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        a.triggered.connect(lambda _=False: slot())
        self.actions[name] = a
        return a

    def _build_actions(self) -> None:
        w = self.w
        self._act("open", "Open data…", w.opener.open_data_dialog, icon="mdi6.folder-open-outline", shortcut=QKeySequence.StandardKey.Open,
                  tip="Open a CSV, TSV, Excel, Parquet or JSON file")
        self._act("open_db", "Open database…", w.opener.open_database_dialog, icon="mdi6.database-outline",
                  tip="Open a table or query through a SQLAlchemy URL")
        self._act("options", "Reader and sample options…", w.opener.options_dialog, icon="mdi6.tune-variant",
                  tip="Delimiter, header, encoding, sheet; first, last or random rows")
        self._act("add_input", "Add secondary input…", w.opener.add_input_dialog, icon="mdi6.table-plus",
                  tip="A second dataset for join and union steps")
        self._act("new_recipe", "New recipe", w.new_recipe, shortcut=QKeySequence.StandardKey.New)
        self._act("open_recipe", "Open recipe…", w.open_recipe_dialog, icon="mdi6.book-open-outline",
                  shortcut="Ctrl+Shift+O")
        self._act("save", "Save recipe", w.save_recipe, icon="mdi6.content-save-outline", shortcut=QKeySequence.StandardKey.Save)
        self._act("save_as", "Save recipe as…", lambda: w.save_recipe_as(), shortcut=QKeySequence.StandardKey.SaveAs)
        self._act("export_databrew", "Export as DataBrew recipe…", lambda: w.export_databrew_as(),
                  tip="Write the recipe as AWS Glue DataBrew recipe JSON")
        self._act("export_python", "Export as Python script…", lambda: w.export_python_as(),
                  icon="mdi6.language-python",
                  tip="Write the recipe as a standalone pandas or Dask script that reads the data and writes the result")
        self._act("run", "Run…", w.open_run_dialog, icon="mdi6.play-circle-outline", shortcut="Ctrl+R",
                  tip="Run the recipe over the full dataset")
        self._act("quit", "Quit", w.close, shortcut=QKeySequence.StandardKey.Quit)
        stack = w.session.undo_stack
        undo = stack.createUndoAction(w, "Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(_icon("mdi6.undo"))
        redo = stack.createRedoAction(w, "Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setIcon(_icon("mdi6.redo"))
        self.actions["undo"] = undo
        self.actions["redo"] = redo
        self._act("history", "History", lambda: (w.left_tabs.setCurrentWidget(w.undo_view), w.recipe_dock.show()),
                  shortcut="Ctrl+H")
        self._act("close_form", "Cancel step", w.close_form, shortcut="Esc")
        w.addAction(self.actions["close_form"])

    def _build_menus(self) -> None:
        w = self.w
        a = self.actions
        bar = w.menuBar()
        file = bar.addMenu("&File")
        for key in ("open", "open_db"):
            file.addAction(a[key])
        self.recent_menu = file.addMenu("Recent data")
        file.addAction(a["options"])
        file.addAction(a["add_input"])
        file.addSeparator()
        for key in ("new_recipe", "open_recipe", "save", "save_as", "export_databrew", "export_python"):
            file.addAction(a[key])
        file.addSeparator()
        file.addAction(a["run"])
        file.addSeparator()
        file.addAction(a["quit"])
        edit = bar.addMenu("&Edit")
        edit.addAction(a["undo"])
        edit.addAction(a["redo"])
        edit.addAction(a["history"])
        tmenu = bar.addMenu("&Transforms")
        self.transforms_menu = tmenu
        transforms.fill_menu(tmenu, lambda op: w.open_form(op))
        for sub in tmenu.findChildren(QMenu):
            for act in sub.actions():
                if act.data():
                    self.transform_actions[str(act.data())] = act
        run = bar.addMenu("&Run")
        run.addAction(a["run"])
        view = bar.addMenu("&View")
        view.addAction(w.recipe_dock.toggleViewAction())
        view.addAction(w.side_dock.toggleViewAction())
        helpm = bar.addMenu("&Help")
        helpm.addAction("About Brewdesk", lambda: QMessageBox.about(
            w, "Brewdesk", "Brewdesk: DataBrew on the desktop.\nClean a sample by clicking; run the recipe over the full data."))
        self.update_recent()

    def _build_toolbar(self) -> None:
        w = self.w
        a = self.actions
        tb = QToolBar("Main")
        tb.setObjectName("main_toolbar")
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        short = {"open": "Open", "options": "Options", "save": "Save", "undo": "Undo", "redo": "Redo", "run": "Run"}
        for key in ("open", "options", "save", "undo", "redo", "run"):
            a[key].setIconText(short[key])
            tb.addAction(a[key])
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        tb = QToolBar("Transforms")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        tb.setObjectName("transforms_toolbar")
        tb.setIconSize(QSize(20, 20))
        self.category_buttons: dict[str, QToolButton] = {}
        for category, ops in transforms.by_category().items():
            b = QToolButton()
            b.setText(category)
            b.setIcon(transforms.category_icon(category))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            b.setMenu(transforms.category_menu(b, ops, lambda op: w.open_form(op)))
            b.setToolTip(f"{category}: " + ", ".join(op.title for op in ops))
            tb.addWidget(b)
            self.category_buttons[category] = b
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.transforms_toolbar = tb

    def update_recent(self) -> None:
        """Rebuild the Recent data menu."""
        m = self.recent_menu
        m.clear()
        items = self.w.opener.recent()
        for loc in items:
            m.addAction(loc, lambda _=False, x=loc: self.w.opener.open_location(x))
        m.setEnabled(bool(items))

    def update_enabled(self) -> None:
        """Enable what makes sense with or without data."""
        has_data = self.w.session.sample is not None
        for act in self.transform_actions.values():
            act.setEnabled(has_data)
        for b in getattr(self, "category_buttons", {}).values():
            b.setEnabled(has_data)
        self.actions["options"].setEnabled(self.w.session.source is not None)

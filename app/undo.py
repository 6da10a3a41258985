"""The Qt undo stack over the pure :class:`~brewdesk.recipes.model.history.History` (docs/architecture.md section 6).

Each recipe change is a :class:`RecipeCommand` pushed on a :class:`~PySide6.QtGui.QUndoStack`.
The stack and the History move in lockstep: the first ``redo()`` (on push) calls
``History.do``, later ``redo()``/``undo()`` calls ``History.redo``/``History.undo``; pushing
after an undo discards the redo commands in both. Undo only swaps immutable recipe states, so it
is instant, and the preview cache serves the frames.
"""

from __future__ import annotations

from collections.abc import Callable

from brewdesk.recipes.model.history import Command, History
from brewdesk.recipes.model.recipe import Recipe
from PySide6.QtGui import QUndoCommand


class RecipeCommand(QUndoCommand):
    """A history command as a ``QUndoCommand``.

    Parameters
    ----------
    history
        The session's History.
    command
        The pure command (AddStep, EditStep, RemoveStep, MoveStep, ToggleStep, SetNote).
    on_change
        Called with the new current recipe after every redo and undo.
    """

    def __init__(self, history: History, command: Command, on_change: Callable[[Recipe], None]) -> None:
        super().__init__(command.label)
        self.history = history
        self.command = command
        self.on_change = on_change
        self._done_once = False

    def redo(self) -> None:
        if self._done_once:
            recipe = self.history.redo()
        else:
            recipe = self.history.do(self.command)
            self._done_once = True
        self.on_change(recipe)

    def undo(self) -> None:
        self.on_change(self.history.undo())

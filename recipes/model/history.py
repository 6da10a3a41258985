"""Undo and redo over immutable recipe states (docs/architecture.md section 6).

A :class:`Command` is a labelled, pure transformation of a :class:`~brewdesk.recipes.model.recipe.Recipe`
(AddStep, EditStep, RemoveStep, MoveStep, ToggleStep, SetNote, RenameColumns). :class:`History`
keeps the states, so undo and redo are instant and never touch data. The app wraps each command
in a ``QUndoCommand``; every GUI path that changes the recipe goes through one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from brewdesk.recipes.model.recipe import Recipe, Step


class Command(Protocol):
    """A labelled change of a recipe."""

    label: str

    def apply(self, recipe: Recipe) -> Recipe:
        """Return the changed recipe (the input is never modified)."""
        ...


@dataclass(frozen=True)
class AddStep:
    """Insert ``step`` at ``index`` (append when ``None``)."""

    step: Step
    index: int | None = None

    @property
    def label(self) -> str:
        return f"Add step: {self.step.describe()}"

    def apply(self, recipe: Recipe) -> Recipe:
        return recipe.inserted(self.step, self.index)


@dataclass(frozen=True)
class EditStep:
    """Replace the step with the same id (new params, conditions or note)."""

    step: Step

    @property
    def label(self) -> str:
        return f"Edit step: {self.step.describe()}"

    def apply(self, recipe: Recipe) -> Recipe:
        recipe.index(self.step.id)
        return recipe.replaced(self.step)


@dataclass(frozen=True)
class RemoveStep:
    """Remove the step with ``step_id``."""

    step_id: str

    @property
    def label(self) -> str:
        return "Remove step"

    def apply(self, recipe: Recipe) -> Recipe:
        recipe.index(self.step_id)
        return recipe.removed(self.step_id)


@dataclass(frozen=True)
class MoveStep:
    """Move the step with ``step_id`` to position ``to``."""

    step_id: str
    to: int

    @property
    def label(self) -> str:
        return f"Move step to position {self.to + 1}"

    def apply(self, recipe: Recipe) -> Recipe:
        return recipe.moved(self.step_id, self.to)


@dataclass(frozen=True)
class ToggleStep:
    """Enable or disable the step with ``step_id``."""

    step_id: str
    enabled: bool

    @property
    def label(self) -> str:
        return "Enable step" if self.enabled else "Disable step"

    def apply(self, recipe: Recipe) -> Recipe:
        return recipe.replaced(replace(recipe.step(self.step_id), enabled=self.enabled))


@dataclass(frozen=True)
class SetNote:
    """Set the note of the step with ``step_id``."""

    step_id: str
    note: str

    @property
    def label(self) -> str:
        return "Edit note"

    def apply(self, recipe: Recipe) -> Recipe:
        return recipe.replaced(replace(recipe.step(self.step_id), note=self.note))


@dataclass
class History:
    """Undo/redo stacks of immutable recipe states.

    Attributes
    ----------
    current
        The recipe now.
    """

    current: Recipe = field(default_factory=Recipe)
    _undo: list[tuple[str, Recipe]] = field(default_factory=list)
    _redo: list[tuple[str, Recipe]] = field(default_factory=list)

    def do(self, command: Command) -> Recipe:
        """Apply ``command``; clears the redo stack.

        Raises
        ------
        KeyError
            When the command names a step that does not exist (the recipe is unchanged).
        """
        new = command.apply(self.current)
        self._undo.append((command.label, self.current))
        self._redo.clear()
        self.current = new
        return new

    def undo(self) -> Recipe:
        """Go back one command (no-op when there is nothing to undo)."""
        if self._undo:
            label, previous = self._undo.pop()
            self._redo.append((label, self.current))
            self.current = previous
        return self.current

    def redo(self) -> Recipe:
        """Re-apply the last undone command (no-op when there is none)."""
        if self._redo:
            label, nxt = self._redo.pop()
            self._undo.append((label, self.current))
            self.current = nxt
        return self.current

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def labels(self) -> list[str]:
        """Labels of the commands that can be undone, oldest first."""
        return [label for label, _ in self._undo]

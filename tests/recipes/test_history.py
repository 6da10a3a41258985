"""Undo/redo over immutable recipe states."""

from __future__ import annotations

import pytest
from brewdesk.recipes.model.history import (
    AddStep,
    EditStep,
    History,
    MoveStep,
    RemoveStep,
    SetNote,
    ToggleStep,
)
from brewdesk.recipes.model.recipe import Step


def test_commands_undo_and_redo():
    h = History()
    a = Step.create("fill_with_median", {"source_column": "x"})
    b = Step.create("rename", {"source_column": "x", "target_column": "y"})
    h.do(AddStep(a))
    h.do(AddStep(b))
    h.do(MoveStep(b.id, 0))
    h.do(ToggleStep(a.id, False))
    h.do(SetNote(b.id, "why"))
    edited = Step.create("rename", {"source_column": "x", "target_column": "z"}, id=b.id)
    h.do(EditStep(edited))
    assert [s.id for s in h.current.steps] == [b.id, a.id]
    assert h.current.step(b.id).params.target_column == "z"
    assert not h.current.step(a.id).enabled
    states = []
    while h.can_undo:
        states.append(h.undo())
    assert h.current.steps == ()
    for _ in states:
        h.redo()
    assert h.current.step(b.id).params.target_column == "z" and not h.can_redo
    h.undo()
    h.do(RemoveStep(a.id))
    assert not h.can_redo and [s.id for s in h.current.steps] == [b.id]
    assert h.labels[-1] == "Remove step"


def test_command_on_missing_step_leaves_history_unchanged():
    h = History()
    with pytest.raises(KeyError):
        h.do(RemoveStep("nope"))
    assert not h.can_undo

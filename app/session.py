"""The session: one dataset sample, one recipe, and everything the views show.

:class:`Session` is the app's model. It holds the source and sample settings, the sample (a
pandas frame indexed by row id), the recipe History with its QUndoStack, the selected step, the
preview cache, validation results and the frames on screen, and announces every change with Qt
signals. Widgets are thin views: they read the session and call its methods. All computing
(sampling, previews, profiles) runs in a :class:`~brewdesk.app.workers.Worker`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pandas as pd
from brewdesk.app.preview import CandidateResult, PrefixResult, PreviewCache, error_text
from brewdesk.app.undo import RecipeCommand
from brewdesk.app.workers import Worker
from brewdesk.engine import profile as profiling
from brewdesk.engine.readers import SourceSpec
from brewdesk.engine.sample_spec import (
    DEFAULT_SAMPLE_SIZE,
    MAX_SAMPLE_SIZE,
    SampleMethod,
    SampleSpec,
)
from brewdesk.engine.sampler import sample
from brewdesk.recipes.model import history as h
from brewdesk.recipes.model.errors import Problem
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.runner import with_rowid_index
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import schemas as validate_schemas
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

DEFAULT_SAMPLE = SampleSpec(SampleMethod.FIRST_N, DEFAULT_SAMPLE_SIZE)


def load_sample(spec: SourceSpec, sample_spec: SampleSpec) -> pd.DataFrame:
    """Read a sample and index it by row id (runs in a worker)."""
    return with_rowid_index(sample(spec, sample_spec))


class Session(QObject):
    """State of one Brewdesk window.

    Signals
    -------
    loading(bool, str)
        A load started (``True`` with a message) or ended.
    load_failed(str)
        The source could not be read.
    source_changed()
        A new sample is in place.
    recipe_changed()
        The recipe changed (any command, undo, redo, open); validation is up to date.
    selection_changed()
        Another step was selected.
    view_ready()
        :attr:`view` holds the frame after the selected step.
    candidate_ready()
        :attr:`candidate` holds the preview of the step being edited.
    summaries_ready(object)
        Header summaries ``{column: ColumnSummary}`` of the frame on screen.
    profile_ready(object)
        A :class:`~brewdesk.engine.profile.ColumnProfile` (or an error text).
    """

    loading = Signal(bool, str)
    load_failed = Signal(str)
    source_changed = Signal()
    recipe_changed = Signal()
    selection_changed = Signal()
    view_ready = Signal()
    candidate_ready = Signal()
    summaries_ready = Signal(object)
    profile_ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = Worker(self)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.source: SourceSpec | None = None
        self.sample_spec: SampleSpec = DEFAULT_SAMPLE
        self.sample: pd.DataFrame | None = None
        self.inputs: dict[str, SourceSpec] = {}
        self.input_frames: dict[str, pd.DataFrame] = {}
        self.history = h.History()
        self.undo_stack = QUndoStack(self)
        self.recipe_path: Path | None = None
        self.selected_step: str | None = None
        self.cache: PreviewCache | None = None
        self.schemas_after: list[Schema] = []
        self.problems: dict[str, Problem] = {}
        self.view: PrefixResult | None = None
        self.candidate: CandidateResult | None = None
        self.candidate_step: Step | None = None
        self.summaries: dict[str, profiling.ColumnSummary] = {}
        self.profile_column: str | None = None
        self.load_error: str | None = None
        self._candidate_at: int | None = None
        self._loading: tuple[SourceSpec, SampleSpec] | None = None

    # ------------------------------------------------------------------ properties
    @property
    def recipe(self) -> Recipe:
        """The current recipe."""
        return self.history.current

    @property
    def busy(self) -> bool:
        """Whether anything is loading or computing."""
        return self.worker.busy

    @property
    def input_schema(self) -> Schema:
        """Schema of the sample (empty before any data is open)."""
        return Schema.from_frame(self.sample) if self.sample is not None else Schema()

    @property
    def dirty(self) -> bool:
        """Whether the recipe changed since it was opened or saved."""
        return not self.undo_stack.isClean()

    def wait(self, timeout: float = 60.0) -> bool:
        """Block (processing events) until loads and previews are done; for scripts and tests."""
        return self.worker.wait_idle(timeout)

    # ------------------------------------------------------------------ data
    def open_source(self, spec: SourceSpec, sample_spec: SampleSpec | None = None) -> None:
        """Load a sample of ``spec`` in the background (replaces the current data when done)."""
        sample_spec = sample_spec or self.sample_spec
        if sample_spec.size > MAX_SAMPLE_SIZE:
            sample_spec = dataclasses.replace(sample_spec, size=MAX_SAMPLE_SIZE)
        self._loading = (spec, sample_spec)
        self.loading.emit(True, f"Reading {sample_spec.size:,} rows of {spec.name}…")
        self.worker.submit("load", lambda: load_sample(spec, sample_spec))

    def reload(self, sample_spec: SampleSpec | None = None, **changes: Any) -> None:
        """Read the current source again with other reader options or sample settings."""
        if self.source is None:
            return
        spec = dataclasses.replace(self.source, **changes) if changes else self.source
        self.open_source(spec, sample_spec)

    def cancel_load(self) -> None:
        """Stop waiting for the current load (its result will be ignored)."""
        if self.worker.pending("load"):
            self.worker.cancel("load")
            self.loading.emit(False, "Loading cancelled")

    def set_sample(self, frame: pd.DataFrame, spec: SourceSpec | None = None) -> None:
        """Use ``frame`` as the sample (synchronously; tests and embedding)."""
        self.sample = with_rowid_index(frame)
        self.source = spec
        self.load_error = None
        self.cache = PreviewCache(self.sample)
        self.summaries = {}
        self._revalidate()
        self.source_changed.emit()
        self.recipe_changed.emit()
        self.refresh()

    def open_input(self, name: str, spec: SourceSpec) -> None:
        """Load a sample of a secondary input (join, union) in the background."""
        self.loading.emit(True, f"Reading {spec.name} as input '{name}'…")
        sample_spec = self.sample_spec
        self.worker.submit(f"input:{name}", lambda: (spec, load_sample(spec, sample_spec)))

    def set_input(self, name: str, frame: pd.DataFrame, spec: SourceSpec | None = None) -> None:
        """Add a secondary input (for join and union steps): its sample, and its source for runs."""
        self.input_frames[name] = with_rowid_index(frame)
        if spec is not None:
            self.inputs[name] = spec
        if self.sample is not None:
            self.cache = PreviewCache(self.sample)
        self._revalidate()
        self.recipe_changed.emit()
        self.refresh()

    # ------------------------------------------------------------------ recipe
    def push(self, command: h.Command) -> bool:
        """Apply a recipe command through the undo stack.

        Returns
        -------
        bool
            ``False`` when the command does not fit the recipe (e.g. names a missing step).
        """
        try:
            command.apply(self.recipe)
        except (KeyError, ValueError, IndexError):
            return False
        self.undo_stack.push(RecipeCommand(self.history, command, self._recipe_set))
        return True

    def add_step(self, step: Step, index: int | None = None) -> None:
        """Insert ``step`` (at ``index``, or after the selected step, or at the end)."""
        if index is None:
            index = self.insert_index()
        n = len(self.recipe.steps)
        self.push(h.AddStep(step, None if index >= n else index))
        if index >= n:
            self.select_step(None)
        else:
            self.select_step(step.id)

    def edit_step(self, step: Step) -> None:
        """Replace the step with the same id."""
        self.push(h.EditStep(step))

    def remove_step(self, step_id: str) -> None:
        """Delete a step."""
        if self.selected_step == step_id:
            i = self.recipe.index(step_id)
            self.selected_step = self.recipe.steps[i - 1].id if i > 0 else None
        self.push(h.RemoveStep(step_id))

    def move_step(self, step_id: str, to: int) -> None:
        """Move a step to position ``to``."""
        if self.recipe.index(step_id) != to:
            self.push(h.MoveStep(step_id, to))

    def toggle_step(self, step_id: str, enabled: bool) -> None:
        """Enable or disable a step."""
        if self.recipe.step(step_id).enabled != enabled:
            self.push(h.ToggleStep(step_id, enabled))

    def set_note(self, step_id: str, note: str) -> None:
        """Set a step's note."""
        if self.recipe.step(step_id).note != note:
            self.push(h.SetNote(step_id, note))

    def load_recipe(self, recipe: Recipe, path: Path | None = None) -> None:
        """Replace the recipe (its undo history starts afresh)."""
        self.undo_stack.clear()
        self.history = h.History(current=recipe)
        self.recipe_path = path
        self.selected_step = None
        self.undo_stack.setClean()
        self._recipe_set(recipe)

    def recipe_for_saving(self) -> Recipe:
        """The recipe with the main input's expected schema set from the sample."""
        inputs: dict[str, Schema | None] = dict(self.recipe.inputs)
        if self.sample is not None:
            inputs[MAIN] = self.input_schema
        return dataclasses.replace(self.recipe, inputs=inputs)

    def save_recipe(self, path: Path) -> None:
        """Write the recipe file and mark the session clean."""
        recipe = self.recipe_for_saving()
        if recipe.name in ("", "untitled"):
            recipe = dataclasses.replace(recipe, name=path.stem.removesuffix(".recipe"))
        recipe.save(path)
        self.recipe_path = path
        self.undo_stack.setClean()

    def _recipe_set(self, recipe: Recipe) -> None:
        if self.selected_step is not None and all(s.id != self.selected_step for s in recipe.steps):
            self.selected_step = None
        self._revalidate()
        self.recipe_changed.emit()
        self.refresh()

    def _revalidate(self) -> None:
        if self.sample is None:
            self.schemas_after, self.problems = [], {}
            return
        inputs = {k: Schema.from_frame(v) for k, v in self.input_frames.items()}
        after, problems = validate_schemas(self.recipe, self.input_schema, inputs)
        self.schemas_after = after
        self.problems = {p.step_id: p for p in problems if p.step_id}

    def schema_before(self, index: int) -> Schema:
        """Columns that exist before the step at position ``index`` (as validation folds them)."""
        if index <= 0 or not self.schemas_after:
            return self.input_schema
        return self.schemas_after[min(index, len(self.schemas_after)) - 1]

    # ------------------------------------------------------------------ selection and views
    def selected_index(self) -> int:
        """Number of steps shown in the grid (all of them when no step is selected)."""
        if self.selected_step is None:
            return len(self.recipe.steps)
        return self.recipe.index(self.selected_step) + 1

    def insert_index(self) -> int:
        """Where a new step goes: after the selected step."""
        return self.selected_index()

    def select_step(self, step_id: str | None) -> None:
        """Show the data after ``step_id`` (``None``: after the whole recipe)."""
        if step_id is not None and step_id == (self.recipe.steps[-1].id if self.recipe.steps else None):
            step_id = None
        if step_id != self.selected_step:
            self.selected_step = step_id
            self.selection_changed.emit()
            self.refresh()

    def refresh(self) -> None:
        """Recompute the frame on screen (after the selected step) in the background."""
        if self.cache is None:
            return
        cache, steps, inputs = self.cache, self.recipe.steps[: self.selected_index()], dict(self.input_frames)
        self.worker.submit("view", lambda: cache.frame_after(steps, inputs))

    def preview(self, step: Step, index: int) -> None:
        """Preview ``step`` as the step at position ``index`` (replacing a step of the same id)."""
        if self.cache is None:
            return
        prefix = [s for s in self.recipe.steps[:index] if s.id != step.id]
        self.candidate_step = step
        self._candidate_at = index
        cache, inputs = self.cache, dict(self.input_frames)
        self.worker.submit("candidate", lambda: cache.candidate(prefix, step, inputs))

    def clear_preview(self) -> None:
        """Leave preview mode: the grid shows the selected step's data again."""
        self.worker.cancel("candidate")
        had = self.candidate is not None or self.candidate_step is not None
        self.candidate = None
        self.candidate_step = None
        if had:
            self.candidate_ready.emit()
            self._summarize()

    @property
    def shown_frame(self) -> pd.DataFrame | None:
        """The frame the grid shows: the preview's result, or the selected step's data."""
        if self.candidate is not None and self.candidate.after is not None:
            return self.candidate.after
        if self.view is not None:
            return self.view.frame
        return self.sample

    def request_profile(self, column: str | None) -> None:
        """Profile one column of the frame on screen in the background."""
        self.profile_column = column
        frame = self.shown_frame
        if column is None or frame is None or column not in frame.columns:
            self.worker.cancel("profile")
            self.profile_ready.emit(None)
            return
        series = frame[column]
        self.worker.submit("profile", lambda: profiling.profile(series))

    def _summarize(self) -> None:
        frame = self.shown_frame
        if frame is None:
            return
        self.worker.submit("summary", lambda: profiling.summarize(frame))

    # ------------------------------------------------------------------ worker results
    def _done(self, kind: str, result: Any) -> None:
        if kind == "load":
            assert self._loading is not None
            spec, self.sample_spec = self._loading
            self.loading.emit(False, "")
            self.set_sample(result, spec)
        elif kind.startswith("input:"):
            self.loading.emit(False, "")
            spec, frame = result
            self.set_input(kind.removeprefix("input:"), frame, spec)
        elif kind == "view":
            self.view = result
            self.view_ready.emit()
            if self.candidate is None:
                self._summarize()
            if self.profile_column is not None:
                self.request_profile(self.profile_column)
        elif kind == "candidate":
            self.candidate = result
            self.candidate_ready.emit()
            self._summarize()
        elif kind == "summary":
            self.summaries = result
            self.summaries_ready.emit(result)
        elif kind == "profile":
            self.profile_ready.emit(result)

    def _failed(self, kind: str, exc: BaseException) -> None:
        text = error_text(exc)
        if kind == "load" or kind.startswith("input:"):
            self.load_error = text if kind == "load" else self.load_error
            self.loading.emit(False, "")
            self.load_failed.emit(text)
        elif kind == "profile":
            self.profile_ready.emit(text)
        elif kind == "candidate":
            self.candidate = CandidateResult(self.shown_frame, None, None, text)  # type: ignore[arg-type]
            self.candidate_ready.emit()
        elif kind == "view":
            base = self.sample if self.sample is not None else pd.DataFrame()
            self.view = PrefixResult(base, text)
            self.view_ready.emit()


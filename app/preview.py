"""Preview computation and its cache: the sample after each recipe prefix.

Frames are cached by the *content* of the enabled steps of a prefix (each step's id, operation,
parameters and conditions), so undo, redo, re-enabling a step or clicking back to an earlier step
finds its frame in the cache and is instant; a new step costs only itself, computed from the
longest cached prefix. Thread-safe: the app computes in worker threads.

:func:`fill_from_sample` reads a step's data-dependent parameters (pivot values, categories,
struct fields: ``Operation.from_sample``) from the cached sample before the step.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from brewdesk.recipes.model.diff import PreviewDiff, diff
from brewdesk.recipes.model.errors import BrewdeskError, StepError
from brewdesk.recipes.model.recipe import Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, StepProblem, check_columns

MAX_CACHE_BYTES = 512 * 2**20


def step_key(step: Step) -> str:
    """What a step contributes to a prefix's frame (enabled flag and note left out)."""
    data = step.to_json()
    data.pop("enabled", None)
    data.pop("note", None)
    return json.dumps(data, sort_keys=True, default=str)


@dataclass(frozen=True)
class PrefixResult:
    """A prefix's frame.

    Attributes
    ----------
    frame
        The sample after the last step that ran (indexed by row id).
    error
        Message of the step that failed (``frame`` is then the frame before it).
    failed_step
        Id of that step.
    """

    frame: pd.DataFrame
    error: str | None = None
    failed_step: str | None = None


@dataclass(frozen=True)
class CandidateResult:
    """A step previewed on the sample before it is applied."""

    before: pd.DataFrame
    after: pd.DataFrame | None
    diff: PreviewDiff | None
    error: str | None = None


def error_text(exc: BaseException) -> str:
    """One line for the user: the project's own message, or the exception type and message."""
    if isinstance(exc, BrewdeskError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class PreviewCache:
    """LRU cache of prefix frames for one sample, bounded by memory."""

    def __init__(self, sample: pd.DataFrame, *, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.sample = sample
        self.max_bytes = max_bytes
        self._frames: OrderedDict[tuple[str, ...], pd.DataFrame] = OrderedDict()
        self._sizes: dict[tuple[str, ...], int] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._frames)

    def _get(self, key: tuple[str, ...]) -> pd.DataFrame | None:
        with self._lock:
            frame = self._frames.get(key)
            if frame is not None:
                self._frames.move_to_end(key)
            return frame

    def _put(self, key: tuple[str, ...], frame: pd.DataFrame) -> None:
        size = int(frame.memory_usage(index=True, deep=False).sum())
        with self._lock:
            self._frames[key] = frame
            self._sizes[key] = size
            while len(self._frames) > 1 and sum(self._sizes.values()) > self.max_bytes:
                old, _ = self._frames.popitem(last=False)
                self._sizes.pop(old, None)

    def frame_after(
        self, steps: Sequence[Step], inputs: Mapping[str, pd.DataFrame] | None = None
    ) -> PrefixResult:
        """The sample after ``steps`` (disabled ones skipped); never raises for step failures."""
        enabled = [s for s in steps if s.enabled]
        keys = tuple(step_key(s) for s in enabled)
        n = len(keys)
        start, frame = 0, self.sample
        for k in range(n, 0, -1):
            hit = self._get(keys[:k])
            if hit is not None:
                start, frame = k, hit
                break
        if start == n:
            self.hits += 1
        else:
            self.misses += 1
        for i in range(start, n):
            try:
                frame = run_pandas([enabled[i]], frame, inputs=inputs)  # type: ignore[assignment]
            except Exception as exc:  # noqa: BLE001 - shown in the app, never raised there
                return PrefixResult(frame, error_text(exc), enabled[i].id)
            self._put(keys[: i + 1], frame)
        return PrefixResult(frame)

    def candidate(
        self,
        prefix: Sequence[Step],
        step: Step,
        inputs: Mapping[str, pd.DataFrame] | None = None,
    ) -> CandidateResult:
        """``step`` applied after ``prefix``, with the diff against the frame before it."""
        base = self.frame_after(prefix, inputs)
        if base.error is not None:
            return CandidateResult(base.frame, None, None, f"an earlier step fails: {base.error}")
        try:
            after = run_pandas([step], base.frame, inputs=inputs)
        except Exception as exc:  # noqa: BLE001
            return CandidateResult(base.frame, None, None, error_text(exc))
        op = step.operation
        align = op is None or op.kind is not Kind.GLOBAL
        return CandidateResult(base.frame, after, diff(base.frame, after, align=align))  # type: ignore[arg-type]


def fill_from_sample(
    cache: PreviewCache,
    prefix: Sequence[Step],
    op: Operation,
    params: Params,
    inputs: Mapping[str, pd.DataFrame] | None = None,
) -> Params | None:
    """``op.from_sample(params, frame)`` on the sample after ``prefix`` (runs in a worker).

    Raises
    ------
    StepError
        When an earlier step fails, a column the params name is not in the data before the step,
        or the operation refuses the data (e.g. more distinct values than it allows).
    """
    base = cache.frame_after(prefix, inputs)
    if base.error is not None:
        raise StepError(f"an earlier step fails: {base.error}")
    try:
        check_columns(params, Schema.from_frame(base.frame))
    except StepProblem as e:
        raise StepError(f"{humanize_field(e.field)}{e.message}") from None
    return op.from_sample(params, base.frame)


def humanize_field(field: str | None) -> str:
    """``"source_column"`` -> ``"Source column: "`` (empty for ``None``)."""
    return f"{field.replace('_', ' ').capitalize()}: " if field else ""

"""Execute a :class:`~brewdesk.engine.plan.Plan` with Dask (docs/architecture.md, "Execution").

Every step runs through :func:`brewdesk.recipes.model.runner.apply_step`, the same pandas code as the
preview; this module only decides where and when: fused ``map_partitions`` for stages, one
``dask.compute`` per probe pass for statistics and carries, and the GLOBAL primitives.

Each partition's output is coerced to the planned schema (:mod:`brewdesk.engine.frames`), so the
``meta`` built from the plan (before any data is read) equals every partition's dtypes.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import dask
import dask.dataframe as dd
import pandas as pd
from brewdesk.engine import faults, primitives, spill
from brewdesk.engine.counts import RowCounts
from brewdesk.engine.frames import Compute, conform, indexed, meta_for, renumber
from brewdesk.engine.plan import Plan, Stage
from brewdesk.recipes.model import stats as stats_mod
from brewdesk.recipes.model.runner import apply_step
from brewdesk.recipes.ops.base import GroupOp, Kind, Primitive, Stat

__all__ = ["BACK", "Executor"]

BACK = "/back"
"""Key suffix of a NEIGHBOUR step's backward summaries and carries (steps that read ahead)."""


@dataclass
class StageTiming:
    """Wall time of a stage's probe or primitive pass."""

    stage: int
    what: str
    seconds: float


def _run_chain(
    df: pd.DataFrame,
    stage: Stage,
    fitted: Mapping[str, Any],
    carries: Mapping[str, Sequence[Any]],
    partition: int,
    counts: RowCounts | None,
) -> pd.DataFrame:
    for p in stage.steps:
        f = fitted.get(p.step.id, {})
        if p.step.id in carries:
            f = {"carry": carries[p.step.id][partition]}
            back = carries.get(p.step.id + BACK)
            if back is not None:
                f["carry_back"] = back[partition]
        faults.check(p.step, partition)  # test-only hook; a no-op unless its variable is set
        n = len(df)
        df = apply_step(p.step, df, f)
        if p.step.operation is not None and p.step.operation.adds_rows:
            df = renumber(df, {"number": partition})  # one row became several: unique ids again
        if counts is not None:
            counts.record(p.step.id, partition, n, len(df))
    return conform(df, stage.output_schema)


def _probe(df: pd.DataFrame, stage: Stage, run: set[str]) -> dict[str, Any]:
    """One partition's partials (FIT_MAP) and summaries (NEIGHBOUR).

    Unfitted steps are skipped, and so are ROW steps outside ``run`` (they cannot change what
    is measured; see :meth:`Stage.probe_steps`).
    """
    out: dict[str, Any] = {}
    schema = stage.input_schema
    for p in stage.steps:
        if p.kind is Kind.ROW and p.step.id not in run:
            schema = p.schema
            continue
        op = p.step.operation
        assert op is not None
        if op.kind is Kind.FIT_MAP:
            for key, st in op.stats(p.step.params, schema).items():
                out[f"{p.step.id}/{key}"] = stats_mod.partial(st, df)
        elif op.kind is Kind.NEIGHBOUR:
            out[p.step.id] = op.summarize(p.step.params, df)
            if op.reads_ahead(p.step.params):
                out[p.step.id + BACK] = op.summarize_back(p.step.params, df)
        else:
            df = apply_step(p.step, df, {})
        schema = p.schema
    return out


class Executor:
    """Builds the Dask graph of a plan, running the probe and primitive passes it needs.

    Parameters
    ----------
    plan
        The validated plan.
    compute
        How to run a pass: a function with ``dask.compute``'s signature (the CLI passes one
        that adds a progress bar and the chosen scheduler).
    """

    def __init__(self, plan: Plan, *, compute: Compute = dask.compute, checkpoints: Any = None) -> None:
        self.plan = plan
        self.compute = compute
        self.checkpoints = checkpoints
        self.counts = RowCounts()
        self.timings: list[StageTiming] = []
        self.data_free: dict[Stat, Any] = {}
        """Data-free statistics (the clock), taken once per run and shared by every step."""

    def build(self, frame: dd.DataFrame, inputs: Mapping[str, dd.DataFrame] | None = None) -> dd.DataFrame:
        """Return the lazy output frame (``_rowid`` as index) for the main input ``frame``.

        ``frame`` and ``inputs`` carry ``_rowid`` as a column (readers' layout) or index.
        Probe passes and primitive passes run here; the final pass is left to the writer.
        """
        inputs = dict(inputs or {})
        ddf = indexed(frame, self.plan.input_schema)
        pending = self.checkpoints is not None
        for n, stage in enumerate(self.plan.stages, 1):
            t0 = time.perf_counter()
            if pending and (stage.is_global or stage.needs_probe):
                pending = False
                if _big_passes(self.plan.stages[n - 1 :]) >= 2:
                    # the first pass over the data also writes this stage's input to a local
                    # checkpoint, so later passes read Parquet instead of re-parsing the source
                    ddf, probed = self._checkpoint(ddf, stage, n)
                    self.timings.append(StageTiming(n, "first pass (checkpoint)", time.perf_counter() - t0))
                    if probed is not None:
                        ddf = self._map(stage, ddf, *probed)
                        continue
                    t0 = time.perf_counter()
            if stage.is_global:
                with spill.spilling(self.checkpoints.root if self.checkpoints is not None else None):
                    ddf = primitives.run(stage, ddf, inputs, compute=self.compute, counts=self.counts)
                self.timings.append(StageTiming(n, f"global {stage.steps[0].step.op}", time.perf_counter() - t0))
                continue
            fitted, carries = self._probe_pass(stage, ddf) if stage.needs_probe else (self._data_free_fits(stage), {})
            if stage.needs_probe:
                self.timings.append(StageTiming(n, "probe pass", time.perf_counter() - t0))
            ddf = self._map(stage, ddf, fitted, carries)
        return ddf

    def _map(self, stage: Stage, ddf: dd.DataFrame, fitted: Any, carries: Any) -> dd.DataFrame:
        return ddf.map_partitions(
            _map_stage,
            stage,
            fitted,
            carries,
            self.counts,
            meta=meta_for(stage.output_schema),
            enforce_metadata=False,
            align_dataframes=False,
        )

    def _checkpoint(self, ddf: dd.DataFrame, stage: Stage, n: int) -> tuple[dd.DataFrame, Any]:
        """Write ``ddf`` (the input of ``stage``) to a checkpoint in one pass, probing on the way.

        Returns the checkpointed frame and the probe's ``(fitted, carries)`` (``None`` when the
        stage needs no probe).
        """
        writes, paths = self.checkpoints.tasks(ddf, f"stage-{n}")
        parts = ddf.to_delayed()
        probes = [dask.delayed(_probe)(p, stage, stage.probe_steps()) for p in parts] if stage.needs_probe else []
        results = self.compute(*writes, *probes)
        probed = self._finish_probe(stage, list(results[len(writes) :])) if stage.needs_probe else None
        return self.checkpoints.frame(paths, meta_for(stage.input_schema), stage.input_schema), probed
    def _probe_pass(self, stage: Stage, ddf: dd.DataFrame) -> tuple[dict[str, dict[str, Any]], dict[str, list[Any]]]:
        parts = ddf.to_delayed()
        run = stage.probe_steps()
        probes = [dask.delayed(_probe)(p, stage, run) for p in parts]
        return self._finish_probe(stage, list(self.compute(*probes)))

    def _data_free(self, st: Stat) -> Any:
        """A data-free statistic, taken the first time a step of this run asks for it."""
        if st not in self.data_free:
            self.data_free[st] = stats_mod.finalize(st, [])
        return self.data_free[st]

    def _data_free_fits(self, stage: Stage) -> dict[str, dict[str, Any]]:
        """The statistics of a stage that needs no pass over the data (each one data-free)."""
        fitted: dict[str, dict[str, Any]] = {}
        for sid, key, st in stage.stats():
            fitted.setdefault(sid, {})[key] = self._data_free(st)
        return fitted

    def _finish_probe(
        self, stage: Stage, results: list[Any]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, list[Any]]]:
        fitted: dict[str, dict[str, Any]] = {}
        carries: dict[str, list[Any]] = {}
        schema = stage.input_schema
        for p in stage.steps:
            op = p.step.operation
            assert op is not None
            sid = p.step.id
            if op.kind is Kind.FIT_MAP:
                fitted[sid] = {
                    key: self._data_free(st)
                    if st.name in stats_mod.DATA_FREE_STATS
                    else stats_mod.finalize(st, [r[f"{sid}/{key}"] for r in results])
                    for key, st in op.stats(p.step.params, schema).items()
                }
            elif op.kind is Kind.NEIGHBOUR:
                state: Any = None
                per: list[Any] = []
                for r in results:
                    per.append(state)
                    state = op.carry(p.step.params, state, r[sid])
                carries[sid] = per
                if op.reads_ahead(p.step.params):
                    # what the following partitions pass back, folded from the last one
                    state, back = None, []
                    for r in reversed(results):
                        back.append(state)
                        state = op.carry_back(p.step.params, state, r[sid + BACK])
                    carries[sid + BACK] = back[::-1]
            schema = p.schema
        return fitted, carries


def _big_passes(stages: Sequence[Stage]) -> int:
    """Passes over full-size data from here on, counting the final write.

    After a group by into a new frame, later passes read the small aggregated result.
    """
    n = 0
    for s in stages:
        n += s.passes
        p = s.steps[0].step
        if s.primitive is Primitive.GROUP and cast(GroupOp, p.operation).new_frame(p.params):
            return n
    return n + 1


def _map_stage(
    df: pd.DataFrame,
    stage: Stage,
    fitted: Mapping[str, Any],
    carries: Mapping[str, Sequence[Any]],
    counts: RowCounts | None,
    partition_info: dict[str, Any] | None = None,
) -> pd.DataFrame:
    if partition_info is None:  # dask probing with meta: no data
        return meta_for(stage.output_schema)
    return _run_chain(df, stage, fitted, carries, partition_info["number"], counts)



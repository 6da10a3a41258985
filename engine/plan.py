"""The planner: Recipe -> Plan of stages (docs/architecture.md, "The planner").

A *stage* is a run of steps executed as one fused ``map_partitions``. Before the map, a stage
may need one *probe* pass over the data that computes, in a single ``dask.compute``, the
whole-dataset statistics of its FIT_MAP steps and the per-partition summaries of its NEIGHBOUR
steps (combined in partition order into forward carries, and for steps that read rows below
the current one, also from the last partition back into backward carries). A GLOBAL step is a
stage of its own, run by the :class:`~brewdesk.recipes.ops.base.Primitive` the operation declares
(:mod:`brewdesk.engine.primitives`); the planner reads what it needs of the primitive (its passes,
its explain text, whether it compares whole rows) from the primitive, never from an operation id.

Steps are batched into one stage as long as what a later FIT_MAP or NEIGHBOUR step measures
cannot be affected by an earlier, not yet fitted step of the same stage (the probe runs the
chain with unfitted steps skipped, so that must not change what is measured): the planner
tracks the columns such steps touch (and columns derived from them), and whether they change
the row set, and starts a new stage otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.stats import DATA_FREE_STATS
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import schemas, validate
from brewdesk.recipes.ops.base import (
    Carry,
    DedupeOp,
    Kind,
    Primitive,
    Stat,
    new_column_fields,
    referenced_columns,
)


@dataclass
class PlannedStep:
    """A step with its position and the schema after it."""

    index: int
    step: Step
    schema: Schema

    @property
    def kind(self) -> Kind:
        op = self.step.operation
        assert op is not None
        return op.kind


@dataclass
class Stage:
    """Steps run together: an optional probe pass, then one fused map (or one GLOBAL primitive)."""

    steps: list[PlannedStep] = field(default_factory=list)
    input_schema: Schema = field(default_factory=Schema)

    @property
    def is_global(self) -> bool:
        return len(self.steps) == 1 and self.steps[0].kind is Kind.GLOBAL

    @property
    def primitive(self) -> Primitive | None:
        """The primitive a GLOBAL stage runs as (``None`` for a map stage)."""
        if not self.is_global:
            return None
        op = self.steps[0].step.operation
        assert op is not None
        return op.primitive

    @property
    def needs_probe(self) -> bool:
        """A pass over the data is needed: a NEIGHBOUR step, or a FIT_MAP step with a statistic
        that reads data (the data-free ``clock`` of NOW/TODAY is read without a pass)."""
        if any(p.kind is Kind.NEIGHBOUR for p in self.steps):
            return True
        schema = self.input_schema
        for p in self.steps:
            if p.kind is Kind.FIT_MAP:
                op = p.step.operation
                assert op is not None
                requests = op.stats(p.step.params, schema)
                if not requests or any(st.name not in DATA_FREE_STATS for st in requests.values()):
                    return True
            schema = p.schema
        return False

    @property
    def output_schema(self) -> Schema:
        return self.steps[-1].schema if self.steps else self.input_schema

    def stats(self) -> list[tuple[str, str, Stat]]:
        """``(step id, key, Stat)`` for every statistic the stage's FIT_MAP steps request."""
        out = []
        schema = self.input_schema
        for p in self.steps:
            op = p.step.operation
            assert op is not None
            if op.kind is Kind.FIT_MAP:
                for key, st in op.stats(p.step.params, schema).items():
                    out.append((p.step.id, key, st))
            schema = p.schema
        return out

    def probe_steps(self) -> set[str]:
        """Ids of the ROW steps a probe pass must run; the others cannot change what it measures.

        Walking back from the stage's FIT_MAP and NEIGHBOUR steps: a ROW step matters if it
        changes the row set or writes a column something later in the probe reads.
        """
        needed: set[str] = set()
        keep: set[str] = set()
        schemas = [self.input_schema] + [p.schema for p in self.steps]
        for i in range(len(self.steps) - 1, -1, -1):
            p = self.steps[i]
            op = p.step.operation
            assert op is not None
            before = schemas[i]
            if op.kind in (Kind.FIT_MAP, Kind.NEIGHBOUR):
                needed |= _reads(p.step, before)
                continue
            if op.changes_rows or _touched(p.step, before, p.schema) & needed:
                keep.add(p.step.id)
                needed |= _reads(p.step, before)
        return keep

    @property
    def passes(self) -> int:
        """Passes over the data this stage adds before the final write."""
        if self.is_global:
            return self.primitive.passes if self.primitive is not None else 1
        return 1 if self.needs_probe else 0


@dataclass
class Plan:
    """The executable plan of a validated recipe."""

    recipe: Recipe
    input_schema: Schema
    output_schema: Schema
    stages: list[Stage]

    @property
    def passes(self) -> int:
        """Passes over the data, counting the final one that writes the output."""
        return sum(s.passes for s in self.stages) + 1

    def to_json(self) -> dict[str, Any]:
        """Machine-readable plan (``brewdesk explain --json``)."""
        stages = []
        for s in self.stages:
            stages.append(
                {
                    "type": "global" if s.is_global else "map",
                    "primitive": s.primitive.explain if s.primitive is not None else None,
                    "probe_pass": s.needs_probe,
                    "statistics": [
                        {"step": sid, "name": st.name, "column": st.column, "arg": st.arg} for sid, _, st in s.stats()
                    ],
                    "steps": [
                        {"index": p.index + 1, "id": p.step.id, "op": p.step.op, "kind": p.kind.value,
                         "description": p.step.describe()}
                        for p in s.steps
                    ],
                }
            )
        return {
            "recipe": self.recipe.name,
            "passes": self.passes,
            "input_columns": self.input_schema.to_dict(),
            "output_columns": self.output_schema.to_dict(),
            "stages": stages,
        }

    def explain(self) -> str:
        """Human-readable plan: stages, passes over the data, statistics."""
        lines = [f"Plan for recipe '{self.recipe.name}': {len(self.stages)} stage(s), {self.passes} pass(es) over the data"]
        for n, s in enumerate(self.stages, 1):
            if s.is_global:
                p = s.steps[0]
                explain = s.primitive.explain if s.primitive is not None else ""
                lines.append(f"stage {n}: GLOBAL {p.step.op}: {explain}")
                lines.append(f"  {p.index + 1:>3}. {p.step.describe()}")
                continue
            head = f"stage {n}: fused map_partitions of {len(s.steps)} step(s)"
            if s.needs_probe:
                head += ", after one probe pass"
            lines.append(head)
            for sid, _, st in s.stats():
                arg = f", {st.arg}" if st.arg is not None else ""
                lines.append(f"  statistic: {st.name}({st.column}{arg}) over the whole dataset, for step {sid}")
            for p in s.steps:
                if p.kind is Kind.NEIGHBOUR:
                    lines += _carry_lines(p.step)
            for p in s.steps:
                lines.append(f"  {p.index + 1:>3}. [{p.kind.value}] {p.step.describe()}")
        lines.append(f"output columns: {json.dumps(self.output_schema.to_dict())}")
        return "\n".join(lines)


def _carry_lines(step: Step) -> list[str]:
    """What a NEIGHBOUR step carries across partitions, from its declared window."""
    op = step.operation
    assert op is not None
    w = op.window(step.params)
    if w.carry is Carry.ROW_COUNT:
        return [f"  carry: the number of rows above each partition, for step {step.id}"]
    if w.carry is Carry.LAST_VALID:
        return [f"  carry: the last valid value of {w.column} above each partition, for step {step.id}"]
    lines = []
    if w.before:
        lines.append(f"  carry: the last {w.before} value(s) of {w.column} from the partitions above, for step {step.id}")
    if w.after:
        lines.append(
            f"  carry back: the first {w.after} value(s) of {w.column} from the partitions below, for step {step.id}"
        )
    return lines


def _touched(step: Step, before: Schema, after: Schema) -> set[str]:
    """Columns whose values a step may change.

    A step that names a new column (DataBrew's ``targetColumn``) writes only that column;
    otherwise it may change every column it references. Created, removed and retyped columns
    always count.
    """
    created = {c for c in after if c not in before}
    removed = {c for c in before if c not in after}
    retyped = {c for c in before if c in after and before[c] != after[c]}
    targets = [getattr(step.params, f) for f in new_column_fields(type(step.params))]
    if any(targets) and created:
        return created | removed | retyped
    return set(referenced_columns(step.params)) | created | removed | retyped


def _reads(step: Step, schema: Schema) -> set[str]:
    op = step.operation
    assert op is not None
    cols = set(referenced_columns(step.params))
    cols |= {c.target_column for c in step.conditions}
    if op.kind is Kind.FIT_MAP:
        cols |= {st.column for st in op.stats(step.params, schema).values()}
    if not cols:
        cols |= set(schema)
    return cols


def _named_columns(step: Step, schema: Schema) -> set[str]:
    """Columns a step may read: every string in its params that names a column (nested
    values included: sort keys, aggregates, join keys), its condition columns and statistics;
    the compared columns of a primitive that compares rows (dedupe: every column when none are named)."""
    op = step.operation
    assert op is not None
    found: set[str] = set()

    def walk(v: object) -> None:
        if isinstance(v, str):
            if v in schema:
                found.add(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list | tuple):
            for x in v:
                walk(x)

    walk(step.params.model_dump(mode="json"))
    found |= {c.target_column for c in step.conditions}
    if op.kind is Kind.FIT_MAP:
        found |= {st.column for st in op.stats(step.params, schema).values()}
    if op.primitive is not None and op.primitive.compares_rows:  # every column when none named
        compared = cast(DedupeOp, op).compared_columns(step.params)
        found |= set(schema) if compared is None else set(compared)
    return found


def required_columns(recipe: Recipe, schema: Schema, inputs: Mapping[str, Schema] | None = None) -> list[str]:
    """Input columns the recipe's output depends on, in input order (projection pushdown).

    Walking back from the output: a column is needed before a step if it is needed after it
    and exists before it, or if the step names it. A recipe that ends in a group by needs only
    its keys and aggregated columns, so the reader parses only those.
    """
    after, _ = schemas(recipe, schema, dict(inputs or {}))
    if not after:
        return list(schema)
    needed = set(after[-1])
    befores = [schema, *after[:-1]]
    for i in range(len(recipe.steps) - 1, -1, -1):
        step = recipe.steps[i]
        if not step.enabled or not step.available:
            continue
        before = befores[i]
        # every column a step names stays, even when its result is unused: the recipe must
        # still validate on the narrower input
        needed = (needed & set(before)) | _named_columns(step, before)
    return [c for c in schema if c in needed]


def plan(recipe: Recipe, schema: Schema, inputs: Mapping[str, Schema] | None = None) -> Plan:
    """Validate ``recipe`` against the input schemas and cut it into stages.

    Parameters
    ----------
    recipe
        The recipe; disabled steps are left out.
    schema
        Schema of the main input.
    inputs
        Schemas of the secondary inputs by name.

    Raises
    ------
    RecipeValidationError
        Every problem found, before any data is read.
    UnknownOperationError
        When an enabled step's operation is unknown.
    """
    inputs = dict(inputs or {})
    recipe.check_runnable()
    output = validate(recipe, schema, inputs)
    after, _ = schemas(recipe, schema, inputs)
    stages: list[Stage] = []
    current = Stage(input_schema=schema)
    tainted: set[str] = set()
    rows_tainted = False
    before = schema
    for i, step in enumerate(recipe.steps):
        if not step.enabled:
            continue
        op = step.operation
        assert op is not None
        planned = PlannedStep(i, step, after[i])
        if op.kind is Kind.GLOBAL:
            if current.steps:
                stages.append(current)
            stages.append(Stage(steps=[planned], input_schema=before))
            current = Stage(input_schema=after[i])
            tainted, rows_tainted = set(), False
        else:
            reads = _reads(step, before)
            if op.kind in (Kind.FIT_MAP, Kind.NEIGHBOUR) and (rows_tainted or reads & tainted):
                stages.append(current)
                current = Stage(input_schema=before)
                tainted, rows_tainted = set(), False
            current.steps.append(planned)
            touched = _touched(step, before, after[i])
            if op.kind in (Kind.FIT_MAP, Kind.NEIGHBOUR) or reads & tainted:
                tainted |= touched
                rows_tainted |= op.changes_rows
        before = after[i]
    if current.steps:
        stages.append(current)
    return Plan(recipe=recipe, input_schema=schema, output_schema=output, stages=stages)

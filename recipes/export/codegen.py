"""Export a recipe as a plain pandas script (Mito-style: every step produces pandas code).

The script needs only pandas and numpy; it reads the input, runs each enabled step's
``to_code()`` (restricted to the rows of its conditions), and writes the result. Steps whose
operation has no code export are listed at the top of the script and make :func:`script` raise,
so an exported script never silently differs from the recipe.

``to_code()`` calls kernels (:mod:`brewdesk.recipes.kernels`) by name; the script defines each
kernel its steps call once, after the imports, from the kernel's own source
(:mod:`brewdesk.recipes.export.source`, docs/architecture.md, code export).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from brewdesk.recipes.export.inputs import join_arguments, join_code, union_code
from brewdesk.recipes.export.source import definitions, header, imports, needed, with_kernels
from brewdesk.recipes.model import conditions as cond_mod
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.ops.base import JoinOp, Primitive
from pydantic import BaseModel


def step_code(step: Step, fitted: Mapping[str, Any] | None = None) -> str | None:
    """Standalone pandas statements doing one step on ``df`` (``None`` if the operation has no
    export): the definitions of the kernels the step calls, then :func:`step_statements`.

    They need only ``re``, ``np`` and ``pd`` bound (the script header).
    """
    body = step_statements(step, fitted)
    return None if body is None else with_kernels(body)


def step_statements(step: Step, fitted: Mapping[str, Any] | None = None) -> str | None:
    """pandas statements doing one step on ``df``, calling kernels it does not define
    (``None`` if the operation has no export).

    With conditions, the mask is computed first (``_mask``); the step's changes are then kept
    only on those rows, as :func:`brewdesk.recipes.model.runner.apply_step` does.
    """
    op = step.operation
    if op is None or not isinstance(step.params, BaseModel):
        return None
    body = op.to_code(step.params, dict(fitted or {}))
    if body is None:
        return None
    if not step.conditions:
        return body
    lines = [f"_mask = pd.Series(np.asarray({cond_mod.to_code(step.conditions)}, dtype=bool), index=df.index)"]
    if op.handles_condition:
        return "\n".join([*lines, body, "del _mask"])
    lines += ["_before = df.copy()", body]
    lines.append(
        "df = df.assign(**{_c: (df[_c].where(_mask, _before[_c]) if _c in _before.columns "
        "and df[_c].dtype == _before[_c].dtype else df[_c].where(_mask)) for _c in df.columns})"
    )
    lines.append("del _mask, _before")
    return "\n".join(lines)


def script(
    recipe: Recipe,
    *,
    source: str,
    destination: str,
    inputs: Mapping[str, str] | None = None,
) -> str:
    """A standalone pandas script for ``recipe`` reading ``source`` and writing ``destination``.

    (The Dask export is :mod:`brewdesk.engine.export_dask`; :func:`brewdesk.engine.export_code.script`
    picks either.)

    Raises
    ------
    BrewdeskError
        Naming every enabled step whose operation cannot be exported.
    """
    unbound = unbound_inputs(recipe, inputs or {})
    if unbound:
        raise BrewdeskError(
            "the script reads every secondary input from a path; none given for " + "; ".join(unbound),
            hint="give each as --input NAME=PATH (in the app: File > Add secondary input)",
        )
    missing = []
    blocks = []
    for i, step in enumerate(recipe.steps):
        if not step.enabled:
            continue
        code = _inputs_code(step) if _reads_inputs(step) and not step.conditions else step_statements(step)
        if code is None:
            missing.append(f"step {i + 1} ({step.id}, {step.op})")
            continue
        blocks.append(f"# step {i + 1}: {step.describe()}\n{code}")
    if missing:
        raise BrewdeskError("these steps have no Python export yet: " + ", ".join(missing))
    reads = [f"df = {_reader(source)}"]
    reads += [f"inputs[{name!r}] = {_reader(path)}" for name, path in (inputs or {}).items()]
    body = "\n\n".join(blocks)
    kernels = needed(*blocks)
    defs = f"\n\n{definitions(kernels)}\n" if kernels else ""
    return (
        f'"""Exported from the Brewdesk recipe {recipe.name!r}."""\n\n{header(imports(kernels))}{defs}\n'
        + "inputs = {}\n" + "\n".join(reads) + f"\n\n{body}\n\n{_writer(destination)}\n"
    )


def unbound_inputs(recipe: Recipe, inputs: Mapping[str, str]) -> list[str]:
    """``"step N (id, op): input 'name'"`` for every enabled step reading an input without a path."""
    out = []
    for i, step in enumerate(recipe.steps):
        if not step.enabled or step.operation is None:
            continue
        names = step.operation.input_names(step.params)
        out += [f"step {i + 1} ({step.id}, {step.op}): input '{n}'" for n in names if n not in inputs]
    return out


def _reads_inputs(step: Step) -> bool:
    """A JOIN or UNION step: its code reads the script's ``inputs``."""
    op = step.operation
    return op is not None and op.primitive in (Primitive.JOIN, Primitive.UNION)


def _inputs_code(step: Step) -> str:
    """pandas statements for a UNION or JOIN step (they read the script's ``inputs``)."""
    op = step.operation
    assert op is not None
    names = op.input_names(step.params)
    if op.primitive is Primitive.UNION:
        return union_code(names)
    (name,) = names
    return join_code(name, join_arguments(*cast(JoinOp, op).join_arguments(step.params)))


def _reader(path: str) -> str:
    low = path.lower()
    if low.endswith((".parquet", ".pq")):
        return f"pd.read_parquet({path!r})"
    if low.endswith((".jsonl", ".ndjson")):
        return f"pd.read_json({path!r}, lines=True)"
    if low.endswith(".json"):
        return f"pd.read_json({path!r})"
    if low.endswith((".xlsx", ".xlsm")):
        return f"pd.read_excel({path!r})"
    sep = "\\t" if low.endswith((".tsv", ".tab")) else ","
    return f"pd.read_csv({path!r}, sep={sep!r}, dtype_backend='numpy_nullable')"


def _writer(path: str) -> str:
    low = path.lower()
    if low.endswith((".parquet", ".pq")):
        return f"df.to_parquet({path!r}, index=False)"
    if low.endswith((".jsonl", ".ndjson", ".json")):
        return f"df.to_json({path!r}, orient='records', lines=True)"
    if low.endswith(".xlsx"):
        return f"df.to_excel({path!r}, index=False)"
    return f"df.to_csv({path!r}, index=False)"

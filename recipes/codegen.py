"""Export a recipe as a plain pandas script (Mito-style: every step produces pandas code).

The script needs only pandas and numpy; it reads the input, runs each enabled step's
``to_code()`` (restricted to the rows of its conditions), and writes the result. Steps whose
operation has no code export are listed at the top of the script and make :func:`script` raise,
so an exported script never silently differs from the recipe.

``to_code()`` calls kernels (:mod:`brewdesk.recipes.kernels`) by name; the script defines each
kernel its steps call once, after the imports, from the kernel's own source
(:mod:`brewdesk.recipes.kernel_source`, docs/architecture.md, code export).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes import conditions as cond_mod
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.kernel_source import definitions, header, imports, needed, with_kernels
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.types import Schema
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
    only on those rows, as :func:`brewdesk.recipes.runner.apply_step` does.
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


ENGINES = ("pandas", "dask")
"""What an exported script runs on: plain pandas (in memory) or Dask (partitions, out of core)."""


def script(
    recipe: Recipe,
    *,
    source: str,
    destination: str,
    inputs: Mapping[str, str] | None = None,
    engine: str = "pandas",
    schema: Schema | None = None,
) -> str:
    """A standalone script for ``recipe`` reading ``source`` and writing ``destination``.

    Parameters
    ----------
    engine
        ``"pandas"`` (the default; needs only pandas and numpy) or ``"dask"`` (see
        :mod:`brewdesk.recipes.codegen_dask`).
    schema
        The main input's columns (the Dask export plans statistics steps from them).

    Raises
    ------
    BrewdeskError
        Naming every enabled step whose operation cannot be exported (for Dask: cannot be
        written as correct Dask code), or for an unknown ``engine``.
    """
    if engine == "dask":
        from brewdesk.recipes import codegen_dask

        return codegen_dask.script(recipe, source=source, destination=destination, inputs=inputs, schema=schema)
    if engine != "pandas":
        raise BrewdeskError(f"unknown engine {engine!r} for code export", hint="use " + " or ".join(ENGINES))
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
        code = _global_code(step) if step.op in ("union", "join") and not step.conditions else step_statements(step)
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
        if not step.enabled or step.op not in ("union", "join"):
            continue
        p: Any = step.params
        names = list(p.secondary_inputs) if step.op == "union" else [p.secondary_input]
        out += [f"step {i + 1} ({step.id}, {step.op}): input '{n}'" for n in names if n not in inputs]
    return out


def _global_code(step: Step) -> str:
    """pandas statements for a UNION or JOIN step (they read the script's ``inputs``)."""
    from brewdesk.recipes.codegen_join import join_code

    p: Any = step.params
    if step.op == "union":
        return union_code(list(p.secondary_inputs), dask=False)
    return join_code(p, n=0, dask=False)


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


UNION_HELPERS = '''
def _union_dtypes(frames):
    """Columns and dtypes of a union: the first frame's columns, then columns only the others
    have, in order of appearance; an integer column unioned with a float one becomes float."""
    out = {}
    for f in frames:
        for c, t in f.dtypes.items():
            if c not in out:
                out[c] = t
            elif out[c] != t and {pd.api.types.is_integer_dtype(out[c]), pd.api.types.is_integer_dtype(t)} == {True, False}:
                out[c] = pd.Float64Dtype()
    return out


def _aligned(df, dtypes):
    """``df`` with the union's columns (missing where it lacks one) and dtypes."""
    return pd.DataFrame(
        {c: df[c].astype(t) if c in df.columns else pd.Series(pd.NA, index=df.index, dtype=t) for c, t in dtypes.items()},
        index=df.index,
    )
'''
"""Helpers of an exported UNION step (pandas and Dask)."""


def union_code(names: list[str], *, dask: bool) -> str:
    """Statements appending the rows of ``inputs[name]`` for each name to ``df`` (or ``ddf``).

    Columns are matched by name, rows keep their order (this dataset's first), as
    :mod:`brewdesk.recipes.ops.union` does.
    """
    others = ", ".join(f"inputs[{n!r}]" for n in names)
    if not dask:
        return (
            f"{UNION_HELPERS.strip()}\n\n\n_frames = [df, {others}]\n_dtypes = _union_dtypes(_frames)\n"
            "df = pd.concat([_aligned(_f, _dtypes) for _f in _frames], ignore_index=True)"
        )
    return (
        f"_frames = [ddf, {others}]\n_dtypes = _union_dtypes([_f._meta for _f in _frames])\n"
        "ddf = dd.concat(\n"
        "    [_f.map_partitions(_aligned, _dtypes, meta=_aligned(_f._meta, _dtypes)) for _f in _frames],\n"
        "    interleave_partitions=False,\n)"
    )

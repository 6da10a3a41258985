"""Export a recipe as a standalone Dask script (``brewdesk export-code --engine dask``).

The script needs only Dask and pandas (and numpy). It runs each enabled step the way the
engine does (docs/architecture.md, "Code export"), with each step's own exported pandas code
(``to_code()``, which calls kernels) and the runtime functions of
:mod:`brewdesk.engine.script_runtime`. The kernels every step calls and the runtime functions the
steps use are defined once, at the script's top, from their own source
(:mod:`brewdesk.recipes.export.source`, which gets the runtime functions handed in, as recipes/
never imports Dask); the step functions hold only the steps' statements:

- ROW steps: the step's pandas code on every partition (``_map``).
- FIT_MAP steps: first the whole-dataset statistics the step requests (``stats()``), all in one
  ``dask.compute`` (exact median, quantiles, mode and distinct values from combined value counts,
  as :mod:`brewdesk.recipes.model.stats` does), then the step's pandas code on every partition with
  those values. The step's ``to_code`` must take its statistics from ``fitted``
  (:func:`brewdesk.recipes.ops._fit_common.fitted_lines`); the export refuses a step whose code
  would compute them from the one partition it is given.
- NEIGHBOUR steps: from the step's declared :class:`~brewdesk.recipes.ops.base.Window`, as the
  engine's carry: each partition runs between the rows it needs from the partitions around it
  (a ``ROWS`` window's ``before`` / ``after`` rows, the last valid row of a ``LAST_VALID``
  window), or with the count of the rows above it (``ROW_COUNT``).
- GLOBAL steps: by the step's :class:`~brewdesk.recipes.ops.base.Primitive`, with Dask's own
  operations: SORT through ``sort_values`` (ties kept in source order by a row id), DEDUPE by the
  first row id of each key, FLAG_DUPLICATES and SESSION with every key's rows in one partition
  (``shuffle``), GROUP and PIVOT through ``shuffle`` on the keys, JOIN as a broadcast join, UNION
  by concatenating partitions. SHUFFLE has no Dask form.

A step that cannot be written as correct Dask code (no pandas export, a primitive without a Dask
form, a FIT_MAP step whose code ignores its statistics) makes :func:`script` raise one error
listing every such step, so an exported script never silently differs from the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, cast

from brewdesk.engine import script_runtime as rt
from brewdesk.recipes.export.codegen import step_statements, unbound_inputs
from brewdesk.recipes.export.inputs import join_arguments
from brewdesk.recipes.export.source import (
    calls,
    definitions,
    header,
    imports,
    needed,
    ordered,
    with_kernels,
)
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import MAIN, Recipe, Step
from brewdesk.recipes.model.types import Schema, pandas_dtype
from brewdesk.recipes.model.validate import schemas as fold
from brewdesk.recipes.ops.base import (
    Carry,
    DedupeOp,
    GroupOp,
    JoinOp,
    Kind,
    PivotOp,
    Primitive,
    SessionOp,
    SortOp,
    UnionOp,
)

HEADER_MODULES: dict[str, str] = {
    "re": "re",
    "dask": "dask",
    "dd": "dask.dataframe",
    "np": "numpy",
    "pd": "pandas",
}
"""Names the exported Dask scripts' header binds; it also starts with ``from __future__ import
annotations``, so the runtime's annotations are never evaluated."""

_INLINE_STAT = re.compile(
    r"\.(median|mean|std|var|sum|min|max|count|quantile|unique|value_counts|mode|nunique)\("
)
"""A reduction in a step's pandas code: over one partition it would be a per-partition value."""

_ROW_POSITION = re.compile(r"(?<!index=)\bdf\.index\b|\.index\.(?:to_numpy|values|astype)\b")
"""A step's code reading the row positions (not just aligning on them): a seeded random value
per row, for instance. Partitions then get the positions a whole-file pandas read gives."""

Runtime = Callable[..., Any]
"""A function of :mod:`brewdesk.engine.script_runtime` a step's statements call."""


class _Ref:
    """A fitted value in exported code: written as the expression that reads it at run time."""

    def __init__(self, expr: str) -> None:
        self.expr = expr

    def __repr__(self) -> str:
        return self.expr


class DaskExportError(BrewdeskError):
    """A recipe has steps the Dask export cannot write as correct Dask code."""


class _Refused(Exception):
    """Why one step has no Dask form."""


def script(
    recipe: Recipe,
    *,
    source: str,
    destination: str,
    inputs: Mapping[str, str] | None = None,
    schema: Schema | None = None,
) -> str:
    """A standalone Dask script for ``recipe`` reading ``source`` and writing ``destination``.

    Parameters
    ----------
    recipe
        The recipe (disabled steps are left out).
    source, destination
        Paths the script reads and writes (the format follows the extension).
    inputs
        Paths of the secondary inputs, by name.
    schema
        The main input's columns; needed when the recipe has statistics steps (FIT_MAP), whose
        statistics are planned from the schema before each step. Defaults to the recipe's
        declared main input. With it, the script converts its input to the planned types
        (``_typed``) and every map of a step gets the planned schema after the step as Dask's
        ``meta`` (``_empty``); without it, ``meta`` is worked out by running the step on no rows.

    Raises
    ------
    DaskExportError
        Listing every enabled step that cannot be written as correct Dask code, with why.
    """
    schema = schema if schema is not None else recipe.inputs.get(MAIN)
    secondary = {k: v for k, v in recipe.inputs.items() if k != MAIN and v is not None}
    before: list[Schema | None] = [None] * len(recipe.steps)
    planned: list[Schema | None] = [None] * len(recipe.steps)
    if schema is not None:
        after, problems_found = fold(recipe, schema, secondary)
        before = [schema, *after[:-1]]
        # the plan holds up to the first step it finds broken; after it, meta is inferred
        found = [p.step_index for p in problems_found if p.step_index is not None]
        broken = min(found, default=None)
        planned = [s if broken is None or i < broken else None for i, s in enumerate(after)]
    problems = [f"{u} has no path (give it as --input NAME=PATH)" for u in unbound_inputs(recipe, inputs or {})]
    blocks: list[str] = []
    used: list[Runtime] = []
    for i, step in enumerate(recipe.steps):
        if not step.enabled:
            continue
        try:
            block, runtime = _step_block(i + 1, step, before[i], planned[i])
        except _Refused as e:
            problems.append(f"step {i + 1} ({step.id}, {step.op}): {e}")
            continue
        used += runtime
        blocks.append(f"# step {i + 1}: {step.describe()}\n{block}")
    if problems:
        raise DaskExportError(
            "these steps cannot be exported as Dask code: " + "; ".join(problems),
            hint="export with --engine pandas, or run the recipe with `brewdesk run`",
        )
    reads = [f"ddf = {_reader(source)}"]
    reads += [f"inputs[{name!r}] = {_reader(path)}" for name, path in (inputs or {}).items()]
    typed = [("ddf", schema)] + [(f"inputs[{k!r}]", secondary.get(k)) for k in inputs or {}]
    if any(s is not None for _, s in typed):
        used += [rt._typed]
        reads.append("# the inputs in their planned types (as Brewdesk's readers give them)")
        reads += [f"{name} = _typed({name}, {_dtypes(s)})" for name, s in typed if s is not None]
    kernels = needed(*blocks)
    if _ROW_POSITION.search("\n".join([*blocks, *(k.source for k in kernels)])):
        used.append(rt._positioned)
        reads.append("# a step reads the row positions (df.index): number the rows across partitions")
        reads.append("ddf = _positioned(ddf)")
    # each kernel the steps call and each runtime function they use, defined once at the top
    found = ordered([*calls(*blocks), *used])
    helpers = definitions(found)
    doc = (
        f'"""Exported from the Brewdesk recipe {recipe.name!r} for Dask.\n\n'
        "Runs out of core on partitions, as Brewdesk's engine does: statistics over the whole\n"
        'dataset first, rows carried across partitions in source order."""\n\n'
    )
    head = header(imports(found, modules=HEADER_MODULES), modules=HEADER_MODULES, future=["annotations"])
    return (
        doc
        + head
        + (f"\n\n{helpers}" if helpers else "")
        + "\n\ninputs = {}\n"
        + "\n".join(reads)
        + "\n\n"
        + "\n\n".join(blocks)
        + f"\n\n{_writer(destination)}\n"
    )


def _function(name: str, code: str, *, hoist: bool = False) -> str:
    """The step's pandas code as a function of one partition ``df``.

    With ``hoist``, the helper functions the code defines (``def`` blocks at its top level, which
    must not read the step's own variables) stay at the script's top level, where a carry can
    use them too.
    """
    helpers, body = _split_defs(code) if hoist else ("", code)
    text = "\n".join(
        "    " + line if line else ""
        for line in f"df = df.copy(deep=False)\n{body}\nreturn df".splitlines()
    )
    return (f"{helpers}\n\n\n" if helpers else "") + f"def {name}(df):\n{text}\n"


def _split_defs(code: str) -> tuple[str, str]:
    """``(top-level def blocks, other statements)`` of ``code``, each in its order."""
    defs: list[str] = []
    rest: list[str] = []
    in_def = False
    for line in code.splitlines():
        top = bool(line) and not line[0].isspace()
        if top:
            in_def = line.startswith(("def ", "@"))
        (defs if in_def else rest).append(line)
    return "\n".join(defs).strip("\n"), "\n".join(rest).strip("\n")


def _code(step: Step) -> str:
    code = step_statements(step)
    if code is None:
        raise _Refused("the operation has no Python export yet")
    return code


def _step_block(
    n: int, step: Step, schema: Schema | None, planned: Schema | None
) -> tuple[str, list[Runtime]]:
    """Dask statements for step ``n`` and the runtime functions they call.

    ``schema`` is the plan before the step, ``planned`` after it (``None``: unknown).
    """
    op = step.operation
    if op is None:
        raise _Refused("unknown operation")
    fn = f"_step_{n}"
    if op.kind is Kind.GLOBAL:
        return _global(n, step, planned)
    if op.kind is Kind.FIT_MAP:
        return _fit_map(n, step, schema, planned)
    if op.kind is Kind.ROW:
        block = f"{_function(fn, _code(step))}ddf = _map(ddf, {fn}{_meta(planned)})"
        return block, _with_empty([rt._map], planned)
    return _neighbour(n, step, planned)


def _fit_map(
    n: int, step: Step, schema: Schema | None, planned: Schema | None
) -> tuple[str, list[Runtime]]:
    op = step.operation
    assert op is not None
    if schema is None:
        raise _Refused(
            "its statistics are planned from the input's columns: give the input (--source) "
            "or a recipe that declares its main input's columns"
        )
    stats = op.stats(step.params, schema)
    refs = {k: _Ref(f"_fitted_{n}[{k!r}]") for k in stats}
    try:
        code = step_statements(step, refs)
    except (TypeError, ValueError, AttributeError, KeyError):
        code = None
    plain = step_statements(step)
    if code is None or plain is None:
        raise _Refused("its exported code cannot take whole-dataset statistics")
    unread = [k for k in stats if refs[k].expr not in code]
    # every statistic read from the whole-dataset values, or none needed at all (the code and
    # the kernels it calls reduce nothing: e.g. one-hot encoding with its categories given)
    if unread and (code != plain or _INLINE_STAT.search(with_kernels(code))):
        raise _Refused(
            "its exported code computes its statistics from the rows it is given (one partition in Dask)"
        )
    wanted = ", ".join(f"{k!r}: ({st.name!r}, {st.column!r}, {st.arg!r})" for k, st in stats.items())
    fn = f"_step_{n}"
    lines = [f"_fitted_{n} = _statistics(ddf, {{{wanted}}})"] if stats else []
    lines += [_function(fn, code), f"ddf = _map(ddf, {fn}{_meta(planned)})"]
    return "\n".join(lines), _with_empty([rt._statistics, rt._map] if stats else [rt._map], planned)


def _neighbour(n: int, step: Step, planned: Schema | None) -> tuple[str, list[Runtime]]:
    """A NEIGHBOUR step from its declared window (the engine's carry, written with Dask)."""
    op = step.operation
    assert op is not None
    fn = f"_step_{n}"
    code = _code(step)
    try:
        w = op.window(step.params)
    except NotImplementedError:
        raise _Refused("the operation declares no window, so its partition carry is unknown") from None
    if w.carry is Carry.ROW_COUNT:
        lines = [
            _function(fn, code),
            "# numbers continue from the rows of the partitions above",
            f"ddf = _map_counted(ddf, {fn}, {w.column!r}{_meta(planned)})",
        ]
        return "\n".join(lines), _with_empty([rt._map_counted], planned)
    keep = ""
    block = _function(fn, code, hoist=w.carry is Carry.LAST_VALID)
    if w.carry is Carry.LAST_VALID:
        assert w.valid is not None
        # the step's own rule of a valid value: copied at the top unless the step's code defines it
        rule = [] if f"def {w.valid.__name__}(" in block else [w.valid]
        args = "".join(f", {a!r}" for a in w.valid_args)
        keep = f", keep=_valid_rows({w.column!r}, {w.valid.__name__}{args})"
        before, after = 1, 0
    else:
        before, after = w.before, w.after
    lines = [
        block,
        "# each partition runs between the rows it needs from the partitions above and below it",
        f"ddf = _map_around(ddf, {fn}, _contexts(ddf, {before}, {after}{keep}){_meta(planned)})",
    ]
    runtime = [rt._contexts, rt._map_around] + ([rt._valid_rows, *rule] if keep else [])
    return "\n".join(lines), _with_empty(runtime, planned)


def _global(n: int, step: Step, planned: Schema | None) -> tuple[str, list[Runtime]]:
    """A GLOBAL step by its primitive (its protocol gives the parameters).

    The maps that run the step's code (group by, pivot, session, flag duplicates) get the
    planned schema after the step as meta; Dask's own operations keep their frame's.
    """
    op, p = step.operation, step.params
    assert op is not None
    fn = f"_step_{n}"
    kind = op.primitive
    if kind is Primitive.SORT:
        keys = cast(SortOp, op).sort_keys(p)
        cols = [k.column for k in keys]
        asc = [k.ascending for k in keys]
        tops = [k.nulls_first for k in keys]
        return f"ddf = _sorted(ddf, {cols!r}, ascending={asc!r}, nulls_first={tops!r})", [rt._sorted]
    if kind is Primitive.DEDUPE:
        compared = cast(DedupeOp, op).compared_columns(p)
        lines = [
            "# the first row of each set of duplicates, found without moving rows, so order is kept",
            f"ddf = _first_rows(ddf, {compared!r})",
        ]
        return "\n".join(lines), [rt._first_rows]
    if kind is Primitive.GROUP:
        g = cast(GroupOp, op)
        code = g.groups_code(p)
        if code is None or step.conditions:
            raise _Refused("no Dask form for this group by")
        lines = [
            "# every group in one partition (shuffle on the keys), then pandas' group by per partition",
            _function(fn, code),
            f"ddf = _groups(ddf, {g.group_keys(p)!r}, {fn}, new_frame={g.new_frame(p)!r}"
            f"{_meta(planned, keyword=True)})",
        ]
        return "\n".join(lines), _with_empty([rt._groups], planned)
    if kind is Primitive.PIVOT:
        pivoted = cast(PivotOp, op).pivoted_columns(p)
        if pivoted is None:
            raise _Refused(f"no Dask form for the {op.kind.value} operation {op.id} in the Dask export")
        lines = [
            _function(fn, _code(step)),
            "# groups of every other column, each in one partition; then sorted by the keys",
            f"ddf = _pivoted(ddf, {pivoted!r}, {fn}{_meta(planned)})",
        ]
        return "\n".join(lines), _with_empty([rt._pivoted], planned)
    if kind is Primitive.JOIN:
        j = cast(JoinOp, op)
        (name,) = j.input_names(p)
        r = f"_right_{n}"
        lines = [
            "# the second input in memory, joined with every partition (a broadcast join);",
            "# then the rows of the second input that no partition matched",
            f"{r} = inputs[{name!r}].compute()",
            f"ddf = _broadcast_join(ddf, {r}, {join_arguments(*j.join_arguments(p))})",
        ]
        return "\n".join(lines), [rt._broadcast_join]
    if kind is Primitive.UNION:
        others = ", ".join(f"inputs[{name!r}]" for name in cast(UnionOp, op).input_names(p))
        lines = [
            "# this dataset's partitions first, then each other input's, columns matched by name",
            f"ddf = _union_all(ddf, [{others}])",
        ]
        return "\n".join(lines), [rt._union_all]
    if kind is Primitive.SESSION:
        lines = [
            _function(fn, _code(step)),
            "# each group's rows in one partition, in source order; then back to source order",
            f"ddf = _by_key(ddf, {cast(SessionOp, op).group_columns(p)!r}, {fn}{_meta(planned)})",
        ]
        return "\n".join(lines), _with_empty([rt._by_key], planned)
    if kind is Primitive.FLAG_DUPLICATES:
        lines = [
            _function(fn, _code(step)),
            "# every copy of a key in one partition (shuffle), the first in source order unflagged",
            f"ddf = _by_key(ddf, {cast(DedupeOp, op).compared_columns(p)!r}, {fn}{_meta(planned)})",
        ]
        return "\n".join(lines), _with_empty([rt._by_key], planned)
    if op.to_code(p, {}) is None:
        raise _Refused("the operation has no Python export yet")
    raise _Refused(f"no Dask form for the {op.kind.value} operation {op.id} in the Dask export")


def _dtypes(schema: Schema) -> str:
    """The pandas dtypes of ``schema``'s logical types, as a dict literal (data for the script)."""
    names = {
        c: "string[pyarrow]" if t == "string" else str(pandas_dtype(t)) for c, t in schema.items()
    }
    return repr(names)


def _meta(planned: Schema | None, *, keyword: bool = False) -> str:
    """The ``meta`` argument of a map: the planned schema after the step, empty when unknown.

    Dask takes a map's output types from an empty frame given before any data (docs/architecture.md,
    "Code export"); without a plan the script works them out by running the step on no rows.
    """
    if planned is None:
        return ""
    return f", {'meta=' if keyword else ''}_empty({_dtypes(planned)})"


def _with_empty(runtime: list[Runtime], planned: Schema | None) -> list[Runtime]:
    """``runtime`` and :func:`~brewdesk.engine.script_runtime._empty` when a plan is given."""
    return runtime if planned is None else [*runtime, rt._empty]


def _reader(path: str) -> str:
    low = path.lower()
    if low.endswith((".parquet", ".pq")) or "." not in low.rsplit("/", 1)[-1]:
        return f"dd.read_parquet({path!r})"
    if low.endswith((".jsonl", ".ndjson")):
        return f"dd.read_json({path!r}, lines=True)"
    if low.endswith(".json"):
        return f"dd.from_pandas(pd.read_json({path!r}), npartitions=1)"
    if low.endswith((".xlsx", ".xlsm")):
        return f"dd.from_pandas(pd.read_excel({path!r}), npartitions=1)"
    sep = "\\t" if low.endswith((".tsv", ".tab")) else ","
    return f"dd.read_csv({path!r}, sep={sep!r}, dtype_backend='numpy_nullable')"


def _writer(path: str) -> str:
    low = path.lower()
    if low.endswith((".parquet", ".pq")) or "." not in low.rsplit("/", 1)[-1]:
        return (
            "# columns of Python objects (lists, maps): each file's Parquet types from its own values\n"
            "_schema = None if any(t == object for t in ddf.dtypes) else 'infer'\n"
            f"ddf.to_parquet({path!r}, write_index=False, schema=_schema)"
        )
    if low.endswith((".jsonl", ".ndjson", ".json")):
        return f"ddf.to_json({path!r}, orient='records', lines=True)"
    if low.endswith(".xlsx"):
        return f"ddf.compute().to_excel({path!r}, index=False)"
    return f"ddf.to_csv({path!r}, index=False, single_file=True)"

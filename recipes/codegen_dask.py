"""Export a recipe as a standalone Dask script (``brewdesk export-code --engine dask``).

The script needs only Dask and pandas (and numpy). It runs each enabled step the way the
engine does (DESIGN.md section 4), with each step's own exported pandas code (``to_code()``):

- ROW steps: the step's pandas code on every partition (``map_partitions``).
- FIT_MAP steps: first the whole-dataset statistics the step requests (``stats()``), all in one
  ``dask.compute`` (exact median, quantiles, mode and distinct values from combined value counts,
  as :mod:`brewdesk.recipes.stats` does), then the step's pandas code on every partition with
  those values. The step's ``to_code`` must take its statistics from ``fitted``
  (:func:`brewdesk.recipes.ops._fit_common.fitted_lines`); the export refuses a step whose code
  would compute them from the one partition it is given.
- NEIGHBOUR steps: each partition is run after the rows it needs from the partitions before it
  (the last n rows for ``prev`` and the rolling windows, the last valid row for fill down), or
  with the count of the rows before it (``row_number``): source order across partitions, as the
  engine's carry.
- GLOBAL steps with Dask's own operations: ``sort_values`` (ties kept in source order by a row
  id, ``partition * 2**40 + position``), dedupe by the first row id of each key (``groupby``
  then a filter, so rows stay in source order), group by through ``shuffle`` (every group in one
  partition, then the step's pandas group by) and ``sort_values`` on the keys.

A step that cannot be written as correct Dask code (no pandas export, a GLOBAL or NEIGHBOUR
operation without a Dask form here, a FIT_MAP step whose code ignores its statistics) makes
:func:`script` raise one error listing every such step, so an exported script never silently
differs from the engine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.codegen import step_code, unbound_inputs, union_code
from brewdesk.recipes.codegen_dask_helpers import HELPERS, NEEDS
from brewdesk.recipes.codegen_join import join_code
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.ops.base import Kind
from brewdesk.recipes.recipe import MAIN, Recipe, Step
from brewdesk.recipes.types import Schema

HEADER = "import re\n\nimport dask\nimport dask.dataframe as dd\nimport numpy as np\nimport pandas as pd\n"

_INLINE_STAT = re.compile(
    r"\.(median|mean|std|var|sum|min|max|count|quantile|unique|value_counts|mode|nunique)\("
)
"""A reduction in a step's pandas code: over one partition it would be a per-partition value."""

_ROW_POSITION = re.compile(r"(?<!index=)\bdf\.index\b|\.index\.(?:to_numpy|values|astype)\b")
"""A step's code reading the row positions (not just aligning on them): a seeded random value
per row, for instance. Partitions then get the positions a whole-file pandas read gives."""


class _Ref:
    """A fitted value in exported code: written as the expression that reads it at run time."""

    def __init__(self, expr: str) -> None:
        self.expr = expr

    def __repr__(self) -> str:
        return self.expr


class DaskExportError(BrewdeskError):
    """A recipe has steps the Dask export cannot write as correct Dask code."""


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
        declared main input.

    Raises
    ------
    DaskExportError
        Listing every enabled step that cannot be written as correct Dask code, with why.
    """
    from brewdesk.recipes.validate import schemas as fold

    schema = schema if schema is not None else recipe.inputs.get(MAIN)
    before: list[Schema | None] = [None] * len(recipe.steps)
    if schema is not None:
        after, _problems = fold(recipe, schema, {})
        before = [schema, *after[:-1]]
    problems: list[str] = []
    blocks: list[str] = []
    helpers: dict[str, None] = {}
    problems += [
        f"{u} has no path (give it as --input NAME=PATH)"
        for u in unbound_inputs(recipe, inputs or {})
    ]
    for i, step in enumerate(recipe.steps):
        if not step.enabled:
            continue
        try:
            block, used = _step_block(i + 1, step, before[i])
        except _Refused as e:
            problems.append(f"step {i + 1} ({step.id}, {step.op}): {e}")
            continue
        for h in used:
            for dep in (*NEEDS.get(h, ()), h):
                helpers[dep] = None
        blocks.append(f"# step {i + 1}: {step.describe()}\n{block}")
    if problems:
        raise DaskExportError(
            "these steps cannot be exported as Dask code: " + "; ".join(problems),
            hint="export with --engine pandas, or run the recipe with `brewdesk run`",
        )
    positions = bool(_ROW_POSITION.search("\n".join(blocks)))
    if positions:
        helpers.update({"offsets": None, "positions": None})
    order = [h for h in HELPERS if h in helpers]
    helper_text = "".join(HELPERS[h] for h in order)
    reads = [f"ddf = {_reader(source)}"]
    reads += [f"inputs[{name!r}] = {_reader(path)}" for name, path in (inputs or {}).items()]
    if positions:
        reads.append(
            "# a step reads the row positions (df.index): number the rows across partitions"
        )
        reads.append("ddf = _positioned(ddf)")
    doc = (
        f'"""Exported from the Brewdesk recipe {recipe.name!r} for Dask.\n\n'
        "Runs out of core on partitions, as Brewdesk's engine does: statistics over the whole\n"
        'dataset first, rows carried across partitions in source order."""\n\n'
    )
    return (
        doc
        + HEADER
        + helper_text
        + "\n\ninputs = {}\n"
        + "\n".join(reads)
        + "\n\n"
        + "\n\n".join(blocks)
        + f"\n\n{_writer(destination)}\n"
    )


class _Refused(Exception):
    """Why one step has no Dask form."""


def _function(name: str, code: str, *, hoist: bool = False) -> str:
    """The step's pandas code as a function of one partition ``df``.

    With ``hoist``, the helper functions the code defines (``def`` blocks at its top level, which
    must not read the step's own variables) stay at the script's top level, where a carry
    (``_window``) can use them too.
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


def _step_block(n: int, step: Step, schema: Schema | None) -> tuple[str, list[str]]:
    """Dask statements for step ``n`` and the script helpers they use."""
    op = step.operation
    if op is None:
        raise _Refused("unknown operation")
    fn = f"_step_{n}"
    if op.kind is Kind.GLOBAL:
        return _global(n, step)
    if op.kind is Kind.FIT_MAP:
        if schema is None:
            raise _Refused(
                "its statistics are planned from the input's columns: give the input (--source) "
                "or a recipe that declares its main input's columns"
            )
        stats = op.stats(step.params, schema)
        refs = {k: _Ref(f"_fitted_{n}[{k!r}]") for k in stats}
        try:
            code = step_code(step, refs)
        except (TypeError, ValueError, AttributeError, KeyError):
            code = None
        plain = step_code(step)
        if code is None or plain is None:
            raise _Refused("its exported code cannot take whole-dataset statistics")
        unread = [k for k in stats if refs[k].expr not in code]
        # every statistic read from the whole-dataset values, or none needed at all (the code
        # reduces nothing: e.g. one-hot encoding with its categories given)
        if unread and (code != plain or _INLINE_STAT.search(code)):
            raise _Refused(
                "its exported code computes its statistics from the rows it is given (one partition in Dask)"
            )
        wanted = ", ".join(
            f"{k!r}: ({st.name!r}, {st.column!r}, {st.arg!r})" for k, st in stats.items()
        )
        lines = [f"_fitted_{n} = _statistics(ddf, {{{wanted}}})"] if stats else []
        lines += [_function(fn, code), f"ddf = _map(ddf, {fn})"]
        return "\n".join(lines), ["statistics"] if stats else ["map"]
    code = step_code(step)
    if code is None:
        raise _Refused("the operation has no Python export yet")
    if op.kind is Kind.ROW:
        return f"{_function(fn, code)}ddf = _map(ddf, {fn})", ["map"]
    return _neighbour(n, step, code)


def _neighbour(n: int, step: Step, code: str) -> tuple[str, list[str]]:
    op, p = step.operation, step.params
    assert op is not None
    fn = f"_step_{n}"
    if op.id == "row_number":
        target = p.target_column  # type: ignore[attr-defined]
        lines = [
            _function(fn, code),
            "# numbers continue from the rows of the partitions above",
            f"_before_{n} = _offsets(ddf)",
            "ddf = ddf.map_partitions(",
            f"    lambda df, partition_info=None: {fn}(df).assign(**{{{target!r}: lambda d: d[{target!r}] + "
            f"(_before_{n}[partition_info['number']] if partition_info else 0)}}),",
            f"    meta=_meta(ddf, {fn}),",
            ")",
        ]
        return "\n".join(lines), ["offsets"]
    before, after, keep = _window(op.id, p)
    keep_arg = f", keep={keep}" if keep else ""
    lines = [
        # replace_with_last_valid's carry uses the step's own rule of a valid value (_rlv_valid)
        _function(fn, code, hoist=op.id == "replace_with_last_valid"),
        "# each partition runs between the rows it needs from the partitions above and below it",
        f"ddf = _map_around(ddf, {fn}, _contexts(ddf, {before}, {after}{keep_arg}))",
    ]
    return "\n".join(lines), ["context"]


def _window(op_id: str, p: Any) -> tuple[int, int, str | None]:
    """``(rows before, rows after, keep)`` a neighbour step needs around each partition.

    Follows each operation's own carry (``summarize``): the last n source rows for the windows
    (``num_rows_before`` / ``num_rows_after``, ``period``) and ``prev``, the next n rows for
    ``next``, the last non-missing row for fill down.
    """
    fields = type(p).model_fields
    if op_id == "fill_with_last_valid":
        return 1, 0, f"lambda df: df[df[{p.source_column!r}].notna()]"
    if op_id == "replace_with_last_valid":  # the step's own rule of a valid value
        return 1, 0, f"lambda df: df[_rlv_valid(df[{p.source_column!r}], {p.column_data_type!r})]"
    if "num_rows_before" in fields:
        return int(p.num_rows_before), int(getattr(p, "num_rows_after", 0) or 0), None
    if op_id.startswith("replace_with_rolling_") and "period" in fields:
        return int(p.period), 0, None
    if op_id == "prev":
        return int(p.num_rows), 0, None
    if op_id == "next":
        return 0, int(p.num_rows), None
    raise _Refused(
        "no partition carry for this neighbour operation in the Dask export (the earlier rows its "
        "pandas code needs are not bounded); add one in brewdesk/recipes/codegen_dask.py"
    )


def _global(n: int, step: Step) -> tuple[str, list[str]]:
    op, p = step.operation, step.params
    assert op is not None
    if op.id == "sort":
        keys = [k.source_column for k in p.expressions]  # type: ignore[attr-defined]
        asc = [k.ordering == "ASCENDING" for k in p.expressions]  # type: ignore[attr-defined]
        tops = [k.nulls_ordering == "NULLS_TOP" for k in p.expressions]  # type: ignore[attr-defined]
        return f"ddf = _sorted(ddf, {keys!r}, ascending={asc!r}, nulls_first={tops!r})", ["sort"]
    if op.id == "remove_duplicates":
        cols = list(p.source_columns) if p.source_columns else None  # type: ignore[attr-defined]
        subset = repr(cols) if cols else '[c for c in ddf.columns if c != "_rowid"]'
        lines = [
            "ddf = _numbered(ddf)",
            "# the first row of each set of duplicates, found without moving rows, so order is kept",
            f"_first_{n} = ddf.groupby({subset}, dropna=False, observed=True)['_rowid'].min().compute().to_numpy()",
            f"ddf = ddf.map_partitions(lambda df: df[df['_rowid'].isin(_first_{n})], meta=ddf._meta)",
            "ddf = ddf.drop(columns=['_rowid'])",
        ]
        return "\n".join(lines), ["rowid"]
    if op.id == "group_by":
        keys = list(p.source_columns)  # type: ignore[attr-defined]
        code = op.to_code(p.model_copy(update={"use_new_dataframe": True}), {})
        if code is None or step.conditions:
            raise _Refused("no Dask form for this group by")
        fn = f"_step_{n}"
        lines = [
            "# every group in one partition (shuffle on the keys), then pandas' group by per partition",
            _function(fn, code),
            f"_groups_{n} = _map(ddf.shuffle(on={keys!r}), {fn})",
        ]
        if p.use_new_dataframe:  # type: ignore[attr-defined]
            flags = [False] * len(keys)
            lines.append(
                f"ddf = _sorted(_groups_{n}, {keys!r}, ascending={[True] * len(keys)!r}, nulls_first={flags!r})"
            )
        else:
            lines += [
                f"_groups_{n} = _groups_{n}.compute()",
                f"ddf = _map(ddf, lambda df: df.merge(_groups_{n}, on={keys!r}, how='left'))",
            ]
        return "\n".join(lines), ["map", "sort"] if p.use_new_dataframe else ["map"]  # type: ignore[attr-defined]
    if op.id == "pivot":
        code = step_code(step)
        if code is None:
            raise _Refused("the operation has no Python export yet")
        fn = f"_step_{n}"
        drop = [p.source_column, p.value_column]  # type: ignore[attr-defined]
        keys = f"_keys_{n}"
        lines = [
            _function(fn, code),
            "# groups of every other column, each in one partition; then sorted by the keys",
            f"{keys} = [c for c in ddf.columns if c not in {drop!r}]",
            f"ddf = _in_groups(ddf, {keys}, {fn})",
            f"if {keys}:",
            f"    ddf = _sorted(ddf, {keys}, ascending=[True] * len({keys}), nulls_first=[False] * len({keys}))",
        ]
        return "\n".join(lines), ["groups", "sort"]
    if op.id == "join":
        return join_code(p, n=n, dask=True), ["join"]
    if op.id == "union":
        names = list(p.secondary_inputs)  # type: ignore[attr-defined]
        lines = [
            "# this dataset's partitions first, then each other input's, columns matched by name",
            union_code(names, dask=True),
        ]
        return "\n".join(lines), ["union"]
    if op.id == "session":
        code = step_code(step)
        if code is None:
            raise _Refused("the operation has no Python export yet")
        fn = f"_step_{n}"
        keys = list(p.group_by_columns)  # type: ignore[attr-defined]
        lines = [
            _function(fn, code),
            "# each group's rows in one partition, in source order; then back to source order",
            f"ddf = _by_key(ddf, {keys!r}, {fn})",
        ]
        return "\n".join(lines), ["bykey"]
    if op.id in ("flag_duplicates_in_column", "flag_duplicate_rows"):
        code = step_code(step)
        assert code is not None
        fn = f"_step_{n}"
        target = p.target_column  # type: ignore[attr-defined]
        if op.id == "flag_duplicates_in_column":
            keys = repr([p.source_column])  # type: ignore[attr-defined]
        else:
            keys = f"[c for c in ddf.columns if c != {target!r}]"
        lines = [
            _function(fn, code),
            "# every copy of a key in one partition (shuffle), the first in source order unflagged",
            f"ddf = _by_key(ddf, {keys}, {fn})",
        ]
        return "\n".join(lines), ["bykey"]
    if op.to_code(p, {}) is None:
        raise _Refused("the operation has no Python export yet")
    raise _Refused(f"no Dask form for the {op.kind.value} operation {op.id} in the Dask export")


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

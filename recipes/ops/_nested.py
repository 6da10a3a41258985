"""Helpers shared by the data-structure operations (nest, unnest, pivot, unpivot); not an operation.

How Brewdesk holds nested values
--------------------------------
Arrays, maps and structs live in columns of the ``object`` logical type (pandas ``object``
dtype), one plain Python value per cell, as the readers already hold nested JSON and Parquet
values (:mod:`brewdesk.recipes.model.types`):

=========  ======================================================================
DataBrew   Python value in the cell
=========  ======================================================================
array      ``list`` (elements in order; a missing element is ``None``)
map        ``dict`` (text keys; a map has no order, so ``==`` ignores it)
struct     ``dict`` (field names as keys, in field order)
=========  ======================================================================

Elements are plain Python scalars: ``int``, ``float``, ``bool``, ``str``,
:class:`datetime.datetime`, or nested ``list``/``dict``; missing is ``None``. This keeps every
place that already handles ``object`` working unchanged: the engine conforms partitions to
``object`` (no cast), the grid shows the value, Parquet writes Arrow list/struct columns (Arrow
infers them; a map is written as a struct), and CSV, JSON Lines, Excel and SQL write the value as
compact JSON text (``engine/writers``). The schema says only ``object``: the parts of a nested
value a step needs to name its output columns (struct fields, pivot values) are stored in the
step, as ONE_HOT_ENCODING stores its categories.

The kernels :mod:`brewdesk.recipes.kernels.nested` (``_bn_*``) are the implementation:
``apply()`` calls them and ``to_code()`` returns the same calls. This module holds what the
operations decide without data: types, layouts and names.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
from collections.abc import Iterator, Sequence
from typing import Any

from brewdesk.recipes.model.types import NUMERIC, Schema
from brewdesk.recipes.ops.base import (
    StepProblem,
)

VALUE_TYPES = ("object", "string", "int64", "float64", "boolean", "datetime")
"""Logical types an unnested value can be converted to (``object``: kept as it is)."""


# =========================================================================== schema rules
def common_type(types: Sequence[str], *, field: str) -> str:
    """The one type several columns are cast to when their values share a column or an array.

    DataBrew: "different column data types are typecast to a common type that supports the data
    types of all columns". Brewdesk's rule: one type (``category`` counting as ``string``) stays;
    ``int64`` with ``float64`` gives ``float64``; any other mix gives ``string`` (values as
    CHANGE_DATA_TYPE to string writes them). Nested (``object``) columns mix only with each other.

    Raises
    ------
    StepProblem
        For nested columns mixed with other types.
    """
    kinds = {"string" if t == "category" else t for t in types}
    if len(kinds) == 1:
        return kinds.pop()
    if "object" in kinds:
        raise StepProblem(
            "nested (array, map or struct) columns cannot be combined with columns of other types; "
            "convert the others first, or nest the nested columns in a step of their own",
            field=field,
        )
    if kinds <= set(NUMERIC):
        return "float64"
    return "string"


def nest_layout(names: Sequence[str], sources: Sequence[str], target: str, remove: bool) -> tuple[list[str], int]:
    """Columns kept and the position of the new column for the NEST_TO_* steps.

    The new column takes the place right after the first source column (where the first source
    column was, when the sources are removed); an existing column of the target's name is
    replaced there.
    """
    drop = set(sources) if remove else set()
    drop.add(target)
    kept = [c for c in names if c not in drop]
    first = names.index(sources[0])
    pos = sum(1 for c in names[:first] if c not in drop) + (0 if sources[0] in drop else 1)
    return kept, pos


def layout_schema(schema: Schema, kept: Sequence[str], pos: int, new: Sequence[tuple[str, str]]) -> Schema:
    """Schema of ``kept`` columns with the ``new`` ``(name, type)`` pairs inserted at ``pos``."""
    items = [(c, schema[c]) for c in kept]
    return Schema(items[:pos] + list(new) + items[pos:])


def check_new_names(schema: Schema, kept: Sequence[str], names: Sequence[str], *, field: str) -> None:
    """Refuse new column names that repeat each other or a kept column."""
    seen = set(kept)
    for n in names:
        if n in seen:
            raise StepProblem(f"column '{n}' already exists", field=field)
        seen.add(n)


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a step builds millions of lists and dicts:
    each allocation would otherwise trigger collections that cost ~10x the building itself
    (measured: 1M two-element arrays in 2.3 s with it, 0.16 s without)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# =========================================================================== reading stored parts from data
def value_type(values: Sequence[Any]) -> str:
    """The logical type that holds these Python values (missing ignored): ``int64``,
    ``float64`` (numbers with decimals), ``boolean``, ``string``, ``datetime``, else ``object``."""
    kinds = set()
    for v in values:
        if v is None or (isinstance(v, float) and v != v):
            continue
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("int64")
        elif isinstance(v, float):
            kinds.add("float64")
        elif isinstance(v, str):
            kinds.add("string")
        elif isinstance(v, datetime.datetime):
            kinds.add("datetime")
        else:
            kinds.add("object")
    if kinds and kinds <= {"int64", "float64"}:
        return "float64" if "float64" in kinds else "int64"
    return kinds.pop() if len(kinds) == 1 else "object"


def struct_paths(cells: Sequence[Any], level: int) -> list[tuple[list[str], str]]:
    """Every field path of the structs in ``cells`` down to ``level`` levels (in order of first
    appearance) with the type of its values (:func:`value_type`): what UNNEST_STRUCT and
    UNNEST_STRUCT_N store. A field that is a struct in some rows and a plain value in others
    stays one ``object`` column."""
    order: dict[tuple[str, ...], None] = {}
    values: dict[tuple[str, ...], list[Any]] = {}
    prefixes: set[tuple[str, ...]] = set()

    def walk(v: dict[Any, Any], at: tuple[str, ...]) -> None:
        for k, x in v.items():
            here = (*at, str(k))
            order.setdefault(here, None)
            if isinstance(x, dict) and len(here) < level:
                prefixes.add(here)
                walk(x, here)
            elif x is not None:
                values.setdefault(here, []).append(x)

    for v in cells:
        if isinstance(v, dict):
            walk(v, ())
    mixed = prefixes & set(values)
    out = []
    for path in order:
        if any(path[:i] in mixed for i in range(1, len(path))):
            continue  # below a field kept whole
        if path in prefixes and path not in mixed:
            continue
        out.append((list(path), "object" if path in mixed else value_type(values.get(path, []))))
    return out


"""Source text of every ``_bn_*`` helper, exported by ``to_code()``."""

"""SESSION: number the sessions of each group: a new session starts after a long enough gap.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SESSION.html

Semantics
---------
- Rows are split into groups by ``group_by_columns`` (none: one group; a missing key is a group
  of its own) and ordered within each group by ``order_by_columns`` (ascending, missing values
  last; none, or equal keys: source order, the ``_rowid`` order).
- Walking a group in that order, the first row with a time (``source_column``, a datetime)
  opens session 1; a row opens the next session when its time is at least ``value`` ``units``
  after the time of the previous row with a time (an inactivity gap, as Trifacta's SESSION,
  which DataBrew's function follows: "session IDs begin at 1 and increment, within each
  group"). A gap of exactly the timeframe starts a new session (the session has expired), as
  Spark's session windows do; DataBrew's page does not say. A time earlier than the previous
  one (an order that is not the time's) continues the session.
- ``units``: MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS, WEEKS are fixed
  lengths; MONTHS, QUARTERS (3 months) and YEARS (12 months) are calendar steps (a month after
  31 January is the end of February).
- A row without a time gets a missing session number and does not break its group's sequence.
- The result is a new ``int64`` column right after the source. The rows keep their order.
- With a condition, rows it does not select get a missing number; every row still counts when
  the sessions are found.

Engine
------
SESSION is GLOBAL (DataBrew does not ask for sorted data, so a group may be spread over every
partition): one pass collects the row id, group, order and time columns of every row (about
8 bytes per column per row) into memory, :func:`_bs_session` numbers the sessions there (the
same function as the preview and the exported code), and a map attaches each row's number by
row id. Correct for any partitioning; the narrow key columns must fit in memory.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import put_code, put_column, schema_put
from brewdesk.recipes.ops.base import (
    SESSION_IDS,
    Kind,
    Operation,
    Params,
    Primitive,
    StepProblem,
    check_columns,
    column,
    columns,
    new_column,
)
from pydantic import Field

Unit = Literal[
    "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS", "QUARTERS", "YEARS"
]


def _bs_session(df, source, units, value, group, order):
    """Session numbers (Int64, 1 = first session of each group) of the rows of ``df``.

    Groups by ``group``, orders by ``order`` (missing last, then source order); a row opens a new
    session when its time is at least ``value`` ``units`` after the previous time of its group.
    """
    fixed = {"MICROSECONDS": "us", "MILLISECONDS": "ms", "SECONDS": "s", "MINUTES": "min", "HOURS": "h",
             "DAYS": "D", "WEEKS": "W"}
    months = {"MONTHS": 1, "QUARTERS": 3, "YEARS": 12}
    n = len(df)
    keys = pd.DataFrame({f"_g{i}": df[c].to_numpy() for i, c in enumerate(group)}, index=pd.RangeIndex(n))
    for i, c in enumerate(order):
        keys[f"_o{i}"] = df[c].to_numpy()
    keys["_t"] = df[source].to_numpy()
    keys["_pos"] = np.arange(n)
    gcols = [f"_g{i}" for i in range(len(group))]
    keys = keys.sort_values([*gcols, *[f"_o{i}" for i in range(len(order))], "_pos"], na_position="last", kind="stable")
    keys = keys[keys["_t"].notna()]
    t = keys["_t"]
    prev = keys.groupby(gcols, dropna=False, sort=False)["_t"].shift() if gcols else t.shift()
    gap = pd.Timedelta(value, unit=fixed[units]) if units in fixed else pd.DateOffset(months=value * months[units])
    new = (prev.isna() | (t >= prev + gap)).astype("int64")
    ids = new.groupby([keys[g] for g in gcols], dropna=False, sort=False).cumsum() if gcols else new.cumsum()
    out = np.zeros(n, dtype="int64")
    has = np.zeros(n, dtype=bool)
    out[keys["_pos"].to_numpy()] = ids.to_numpy(dtype="int64")
    has[keys["_pos"].to_numpy()] = True
    return pd.Series(pd.arrays.IntegerArray(out, ~has), index=df.index)


class SessionParams(Params):
    source_column: str = column(types=("datetime",), description="Time of each row")
    units: Unit = Field("MINUTES", description="Unit of the gap that ends a session")
    value: int = Field(30, ge=1, description="How many units of inactivity end a session")
    group_by_columns: list[str] = columns([], min_length=0, description="Number the sessions of each group separately")
    order_by_columns: list[str] = columns(
        [], min_length=0, description="Order of the rows within a group (default: source order)"
    )
    target_column: str = new_column(description="New column with the session number (1, 2, ... per group)")


class Session(Operation):
    """Session numbers per group: a new session after ``value`` ``units`` without a row."""

    id = "session"
    kind = Kind.GLOBAL
    primitive = Primitive.SESSION
    category = "Functions"
    title = "Session number"
    databrew = ("SESSION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.SESSION.html"
    Params = SessionParams

    def columns(self, params: SessionParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.source_column in params.group_by_columns:
            raise StepProblem("the time column cannot also be a group column", field="group_by_columns")
        return schema_put(schema, params.target_column, "int64", after=params.source_column)

    def key_columns(self, params: SessionParams) -> list[str]:
        """The columns the session numbers depend on (the engine collects only these)."""
        return list(dict.fromkeys([params.source_column, *params.group_by_columns, *params.order_by_columns]))

    def group_columns(self, params: SessionParams) -> list[str]:
        """Columns whose rows form independent sessions."""
        return list(params.group_by_columns)

    def session_ids(self, params: SessionParams, frame: pd.DataFrame) -> pd.Series:
        """Session numbers of ``frame``'s rows (Int64, indexed like ``frame``)."""
        return _bs_session(
            frame, params.source_column, params.units, params.value, params.group_by_columns, params.order_by_columns
        )

    def apply(self, params: SessionParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        ids = fitted.get(SESSION_IDS)
        if ids is None:  # the preview: the frame is the whole (sample) dataset
            ids = self.session_ids(params, frame)
        return put_column(frame, params.target_column, ids, after=params.source_column)

    def describe(self, params: SessionParams) -> str:
        per = f" per {', '.join(params.group_by_columns)}" if params.group_by_columns else ""
        by = f", ordered by {', '.join(params.order_by_columns)}" if params.order_by_columns else ""
        return (
            f"Number sessions of {params.source_column}{per}{by} (new after {params.value} "
            f"{params.units.lower()} without a row) into {params.target_column}"
        )

    def to_code(self, params: SessionParams, fitted: Mapping[str, Any]) -> str:
        call = (
            f"_bs_session(df, {params.source_column!r}, {params.units!r}, {params.value!r}, "
            f"{list(params.group_by_columns)!r}, {list(params.order_by_columns)!r})"
        )
        return "\n".join(
            [
                inspect.getsource(_bs_session),
                "",
                f"_r = {call}",
                put_code(params.target_column, "_r", after=params.source_column),
            ]
        )


OPERATION = Session()

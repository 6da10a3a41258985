"""SHUFFLE_ROWS: shuffle the values of columns among the rows (within groups).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SHUFFLE_ROWS.html

Semantics
---------
- The values of ``source_columns`` are moved to other rows at random: every value stays in the
  column (the column's set of values is unchanged), but no longer in its row. Several source
  columns move together, so values that belong together (a city and its postcode) stay together;
  DataBrew's page does not say, this is Brewdesk's choice. The other columns do not move.
- With ``group_by_columns``, values move only among the rows of the same group (equal values in
  every group column; missing is a group of its own), e.g. ages shuffled within each country as in
  DataBrew's example.
- With a condition, only the rows it selects take part: the others keep their values.
- Rows keep their order and their row ids; missing values move like any other value.
- DataBrew shuffles differently on every run. Brewdesk's shuffle is reproducible: each row gets a
  random key, a hash of (``seed``, row id) (see :mod:`brewdesk.recipes.ops._pii_random`); within
  a group the k-th row in row order receives the values of the row with the k-th smallest key, a
  uniformly random permutation. The preview, the engine with any partitioning and the exported
  script agree. The optional ``seed`` (default 0) is Brewdesk's own: it is not exported to
  DataBrew.
- The shuffle needs the whole dataset, so the engine runs it as the ``shuffle`` primitive
  (:mod:`brewdesk.engine.primitives`): one pass collects each row's id, group hashes (two 64-bit
  hashes, 128 bits) and key (32 bytes per row, in memory), the permutation is computed, then the
  moved values go from the partitions that hold them to the partitions that receive them in one
  all-to-all exchange of the source columns only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._pii_random import (
    STREAM_SHUFFLE,
    _bp_shuffle,
    _bp_shuffle_keys,
    _bp_shuffle_order,
    helper_code,
)
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Primitive,
    StepProblem,
    check_columns,
    columns,
)
from pydantic import Field

CONDITION_MASK = "condition_mask"
"""Key of the condition mask in ``fitted`` (``brewdesk.recipes.model.runner.CONDITION_MASK``)."""


class ShuffleRowsParams(Params):
    source_columns: list[str] = columns(description="Columns whose values are shuffled (together)")
    group_by_columns: list[str] | None = columns(
        None, description="Shuffle only within groups of these columns"
    )
    seed: int | None = Field(
        None, description="Brewdesk only: another seed gives another shuffle (default 0)"
    )


class ShuffleRows(Operation):
    """Shuffle column values among rows, reproducibly, optionally within groups."""

    id = "shuffle_rows"
    kind = Kind.GLOBAL
    primitive = Primitive.SHUFFLE
    category = "PII"
    title = "Shuffle rows"
    databrew = ("SHUFFLE_ROWS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.SHUFFLE_ROWS.html"
    Params = ShuffleRowsParams
    handles_condition = True

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        both = set(params.source_columns) & set(params.group_by_columns or [])
        if both:
            name = sorted(both)[0]
            raise StepProblem(
                f"column '{name}' is both shuffled and a group column", field="group_by_columns"
            )
        return schema

    def shuffle_keys(self, params: Any, frame: pd.DataFrame, mask: Any) -> tuple[np.ndarray, ...]:
        """Row id, group hashes and random key of the rows of ``frame`` taking part (engine pass 1)."""
        part = frame if mask is None else frame[np.asarray(mask, dtype=bool)]
        return _bp_shuffle_keys(
            part, list(params.group_by_columns or []), params.seed, STREAM_SHUFFLE
        )

    def shuffle_order(self, rowid: Any, g1: Any, g2: Any, key: Any) -> tuple[Any, Any]:
        """``(receiving, giving)`` positions of the collected rows (the seeded permutation)."""
        return _bp_shuffle_order(rowid, g1, g2, key)

    def shuffled_columns(self, params: Any) -> list[str]:
        """The columns whose values move between rows."""
        return list(params.source_columns)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        groups = list(params.group_by_columns or [])
        return _bp_shuffle(
            frame,
            list(params.source_columns),
            groups,
            params.seed,
            STREAM_SHUFFLE,
            fitted.get(CONDITION_MASK),
        )

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        # codegen.step_code sets ``_mask`` (the step's conditions) just before this code
        code = helper_code(
            "_bp_random",
            "_bp_shuffle_keys",
            "_bp_shuffle_order",
            "_bp_shuffle_pairs",
            "_bp_shuffle",
        )
        args = f"{list(params.source_columns)!r}, {list(params.group_by_columns or [])!r}, {params.seed!r}, {STREAM_SHUFFLE}"
        return code + f"df = _bp_shuffle(df, {args}, _mask if '_mask' in dir() else None)"

    def describe(self, params: Any) -> str:
        within = f" within {', '.join(params.group_by_columns)}" if params.group_by_columns else ""
        return f"Shuffle {', '.join(params.source_columns)} among rows{within}"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        name, out = super().to_databrew(params)
        out.pop("seed", None)
        return name, out

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        # DataBrew's example writes the key as "*groupByColumns*" (markdown emphasis left in)
        fixed = {k.strip("*"): v for k, v in parameters.items() if k.strip("*") != "seed"}
        out = super().from_databrew(operation, fixed)
        if out.get("group_by_columns") == []:
            out["group_by_columns"] = None
        return out


OPERATION = ShuffleRows()

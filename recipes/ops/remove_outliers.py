"""REMOVE_OUTLIERS: delete the rows whose value is an outlier, or clear those values.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.outliers.REMOVE_OUTLIERS.html

Semantics
---------
Outliers are found exactly as in FLAG_OUTLIERS (``Z_SCORE``, ``MODIFIED_Z_SCORE`` or ``IQR``
with ``threshold``, default 3; whole-dataset statistics; values on a fence are kept; see
:mod:`brewdesk.recipes.ops.flag_outliers`). Then:

- ``DELETE_ROWS`` (default): the rows holding an outlier are removed; the others keep their
  order. Rows with a missing value are kept.
- ``CLEAR``: the outlier values become missing; every row is kept.

Choices and limits (documented):

- DataBrew's ``trimValue`` = TRUE with percentile bounds ``minValue`` / ``maxValue`` is kept in
  the step but refused at validation: the page does not define how the percentile range
  combines with the strategy, and guessing would silently remove other rows than DataBrew.
- The step can remove rows (``changes_rows``), so it takes no condition, also with ``CLEAR``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.errors import StepError
from brewdesk.recipes.ops._fit_common import (
    OutlierParams,
    describe_strategy,
    fences_lines,
    outlier_fences,
    outlier_mask,
    outlier_mask_code,
    outlier_stats,
    require_column,
)
from brewdesk.recipes.ops.base import Kind, Operation, Stat, StepProblem, check_columns
from brewdesk.recipes.types import Schema
from pydantic import Field

TRIM_PROBLEM = (
    "trimValue TRUE (percentile bounds minValue/maxValue) is not supported: DataBrew's page does "
    "not define it precisely; remove the bounds or filter with a condition step"
)


class RemoveOutliersParams(OutlierParams):
    remove_type: Literal["DELETE_ROWS", "CLEAR"] = Field(
        "DELETE_ROWS", description="DELETE_ROWS removes the rows; CLEAR makes the values missing"
    )
    trim_value: bool = Field(False, description="DataBrew's percentile trimming (not supported)")
    min_value: float | None = Field(None, description="DataBrew's lower percentile (with trim_value)")
    max_value: float | None = Field(None, description="DataBrew's upper percentile (with trim_value)")


class RemoveOutliers(Operation):
    """Delete the rows holding outliers of a numeric column, or clear the outlier values."""

    id = "remove_outliers"
    kind = Kind.FIT_MAP
    category = "Outliers"
    title = "Remove outliers"
    changes_rows = True
    databrew = ("REMOVE_OUTLIERS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.outliers.REMOVE_OUTLIERS.html"
    Params = RemoveOutliersParams

    def columns(self, params: RemoveOutliersParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.trim_value:
            raise StepProblem(TRIM_PROBLEM, field="trim_value")
        return schema

    def stats(self, params: RemoveOutliersParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return outlier_stats(params)

    def apply(self, params: RemoveOutliersParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        if params.trim_value:
            raise StepError(TRIM_PROBLEM)
        col = params.source_column
        hit = outlier_mask(frame[col], outlier_fences(params, fitted)).fillna(False).to_numpy(dtype=bool)
        if params.remove_type == "DELETE_ROWS":
            return frame[~hit]
        out = frame.copy(deep=False)
        out[col] = frame[col].mask(hit)
        return out

    def describe(self, params: RemoveOutliersParams) -> str:
        what = "Delete rows with outliers" if params.remove_type == "DELETE_ROWS" else "Clear outliers"
        return f"{what} in {params.source_column} ({describe_strategy(params)})"

    def to_code(self, params: RemoveOutliersParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = fences_lines(params, fitted)
        lines.append(f"_hit = {outlier_mask_code(col)}.fillna(False).to_numpy(dtype=bool)")
        if params.remove_type == "DELETE_ROWS":
            lines.append("df = df[~_hit].reset_index(drop=True)")
        else:
            lines.append(f"df[{col!r}] = df[{col!r}].mask(_hit)")
        return "\n".join(lines)

    def to_databrew(self, params: RemoveOutliersParams) -> tuple[str, dict[str, str]]:
        out = {
            "sourceColumn": params.source_column,
            "outlierStrategy": params.outlier_strategy,
            "threshold": repr(params.threshold),
            "removeType": params.remove_type,
        }
        if params.trim_value:
            out["trimValue"] = "TRUE"
            if params.min_value is not None:
                out["minValue"] = repr(params.min_value)
            if params.max_value is not None:
                out["maxValue"] = repr(params.max_value)
        return "REMOVE_OUTLIERS", out


OPERATION = RemoveOutliers()

"""REMOVE_OUTLIERS: delete the rows whose value is an outlier, or clear those values.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.outliers.REMOVE_OUTLIERS.html

Semantics
---------
Outliers are found exactly as in FLAG_OUTLIERS (``Z_SCORE``, ``MODIFIED_Z_SCORE`` or ``IQR``
with ``threshold``, default 3; whole-dataset statistics; values on a fence are kept; see
:mod:`brewdesk.recipes.ops.outliers.flag_outliers`). Then:

- ``DELETE_ROWS`` (default): the rows holding an outlier are removed; the others keep their
  order. Rows with a missing value are kept.
- ``CLEAR``: the outlier values become missing; every row is kept.

Choices and limits (documented):

- DataBrew's ``trimValue`` TRUE: only the outliers ranked beyond the ``minValue`` /
  ``maxValue`` percentiles (0-100, whole column, linear interpolation) are removed: an outlier
  below the ``minValue``-th percentile or above the ``maxValue``-th; a bound not given leaves
  its side unrestricted (the same rule as REPLACE_OUTLIERS).
- The step can remove rows (``changes_rows``), so it takes no condition, also with ``CLEAR``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_outliers
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import (
    OutlierParams,
    describe_strategy,
    fences_lines,
    outlier_fences,
    outlier_stats,
    require_column,
    trim_sides,
    trim_sides_code,
    trim_stats,
)
from brewdesk.recipes.ops._rescale import floats
from brewdesk.recipes.ops.base import Kind, Operation, Stat, StepProblem, check_columns
from pydantic import Field


class RemoveOutliersParams(OutlierParams):
    remove_type: Literal["DELETE_ROWS", "CLEAR"] = Field(
        "DELETE_ROWS", description="DELETE_ROWS removes the rows; CLEAR makes the values missing"
    )
    trim_value: bool = Field(False, description="Remove only the outliers beyond the min_value/max_value percentiles")
    min_value: float | None = Field(None, ge=0, le=100, description="With trim_value: lower percentile (0-100)")
    max_value: float | None = Field(None, ge=0, le=100, description="With trim_value: upper percentile (0-100)")


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
        if params.min_value is not None and params.max_value is not None and params.min_value > params.max_value:
            raise StepProblem(f"min_value {params.min_value:g} is above max_value {params.max_value:g}", field="min_value")
        return schema

    def stats(self, params: RemoveOutliersParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return {**outlier_stats(params), **trim_stats(params)}

    def apply(self, params: RemoveOutliersParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        fences = outlier_fences(params, fitted)
        hit = _bd_outliers(frame[col], *fences)
        x = floats(frame[col])
        sides = trim_sides(x, fitted)
        if sides is not None:
            with np.errstate(invalid="ignore"):
                hit = ((x < fences[0]) & sides[0]) | ((x > fences[1]) & sides[1])
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
        lines.append(f"_hit = _bd_outliers(df[{col!r}], _lo, _hi)")
        trim = trim_sides_code(params, fitted)
        if trim:
            lines.append(f"_x = df[{col!r}].astype('Float64').to_numpy(dtype='float64', na_value=np.nan)")
            lines += trim
            lines.append("with np.errstate(invalid='ignore'):")
            lines.append("    _hit = ((_x < _lo) & _low_ok) | ((_x > _hi) & _high_ok)")
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

"""FLAG_OUTLIERS: a new column saying whether each value of a numeric column is an outlier.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_OUTLIERS.html

Semantics
---------
A value is an outlier when its score **exceeds** ``threshold`` (default 3, DataBrew's default),
with statistics of the **whole dataset** (requested, never taken per partition):

- ``Z_SCORE``: ``|x - mean| / std``, sample standard deviation (n - 1).
- ``MODIFIED_Z_SCORE``: ``0.6745 |x - median| / MAD`` (Iglewicz and Hoaglin), MAD the median
  absolute deviation from the median. When MAD is 0 (more than half the values equal),
  ``|x - median| / (1.253314 * meanAD)`` with the mean absolute deviation (IBM SPSS's rule).
  Median and MAD are derived exactly from the column's whole-dataset value counts: MAD is a
  statistic of a statistic, which one pass of per-partition partials cannot give otherwise.
- ``IQR``: outside Tukey's fences ``Q1 - threshold * IQR`` .. ``Q3 + threshold * IQR``, the
  quartiles by linear interpolation (pandas' default). DataBrew's page gives the one default 3
  for every strategy (Tukey's "far out" fence; 1.5 is the classic "outer" one).

Every score is evaluated as the equivalent fences ``low`` .. ``high`` (a value is an outlier
when below ``low`` or above ``high``); values on a fence are not outliers.

Choices where DataBrew's page is silent (documented):

- The flag column is text: ``true_string`` / ``false_string`` (defaults ``True`` / ``False``),
  placed right after the source column.
- A missing value gets a missing flag (it is neither an outlier nor not one).
- No spread (fewer than 2 values, a constant column, MAD and meanAD both 0) means no outliers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.flags import _bc_flag
from brewdesk.recipes.kernels.numbers import _bd_outliers
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import (
    OutlierParams,
    describe_strategy,
    fences_lines,
    outlier_fences,
    outlier_stats,
    put_code,
    put_column,
    require_column,
    schema_put,
)
from brewdesk.recipes.ops.base import Kind, Operation, Stat, check_columns, new_column
from pydantic import Field


class FlagOutliersParams(OutlierParams):
    target_column: str = new_column(description="New column holding the flag")
    true_string: str = Field("True", description="Text for outliers")
    false_string: str = Field("False", description="Text for other values")


class FlagOutliers(Operation):
    """Flag the outliers of a numeric column (Z-score, modified Z-score or IQR)."""

    id = "flag_outliers"
    kind = Kind.FIT_MAP
    category = "Outliers"
    title = "Flag outliers"
    databrew = ("FLAG_OUTLIERS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_OUTLIERS.html"
    Params = FlagOutliersParams

    def columns(self, params: FlagOutliersParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return schema_put(schema, params.target_column, "string", after=params.source_column)

    def stats(self, params: FlagOutliersParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return outlier_stats(params)

    def apply(self, params: FlagOutliersParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        hit = _bd_outliers(s, *outlier_fences(params, fitted))
        flag = _bc_flag(hit, s.notna().to_numpy(dtype=bool), params.true_string, params.false_string, s.index)
        return put_column(frame, params.target_column, flag, after=params.source_column)

    def describe(self, params: FlagOutliersParams) -> str:
        return f"Flag outliers of {params.source_column} ({describe_strategy(params)}) in {params.target_column}"

    def to_code(self, params: FlagOutliersParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = fences_lines(params, fitted)
        lines.append(f"_hit = _bd_outliers(df[{col!r}], _lo, _hi)")
        lines.append(
            f"_flag = _bc_flag(_hit, df[{col!r}].notna().to_numpy(dtype=bool), {params.true_string!r}, "
            f"{params.false_string!r}, df.index)"
        )
        lines.append(put_code(params.target_column, "_flag", after=col))
        return "\n".join(lines)


OPERATION = FlagOutliers()

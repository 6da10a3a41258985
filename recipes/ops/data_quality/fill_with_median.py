"""FILL_WITH_MEDIAN: replace missing values with the column's exact median.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_MEDIAN.html

The median is taken over the whole dataset (not per partition), exactly (from combined value
counts; the mean of the two middle values for an even count, as pandas does). An integer column
stays integer when the median is whole; otherwise the median is rounded half to even, as
``Series.round`` does (DataBrew's page does not say; documented choice). A column with no
values stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_fill_number
from brewdesk.recipes.model.types import NUMERIC, Schema
from brewdesk.recipes.ops._fit_common import fitted_lines
from brewdesk.recipes.ops.base import Kind, Operation, Params, Stat, column


class FillWithMedianParams(Params):
    source_column: str = column(types=tuple(NUMERIC), description="Numeric column to fill")


class FillWithMedian(Operation):
    """Fill missing values of a numeric column with its whole-dataset median."""

    id = "fill_with_median"
    kind = Kind.FIT_MAP
    category = "Missing"
    title = "Fill with median"
    databrew = ("FILL_WITH_MEDIAN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_MEDIAN.html"
    Params = FillWithMedianParams

    def stats(self, params: FillWithMedianParams, schema: Schema) -> dict[str, Stat]:
        return {"median": Stat("median", params.source_column)}

    def apply(self, params: FillWithMedianParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        if fitted["median"] is None:
            return frame
        return frame.assign(**{col: _bd_fill_number(frame[col], fitted["median"])})

    def describe(self, params: FillWithMedianParams) -> str:
        return f"Fill missing values in {params.source_column} with the median"

    def to_code(self, params: FillWithMedianParams, fitted: Mapping[str, Any]) -> str:
        # the median from ``fitted`` when given (the Dask export passes the whole-dataset value),
        # else computed over ``df``, which in an exported pandas script is the whole dataset
        col = params.source_column
        lines = fitted_lines({"median": Stat("median", col)}, fitted)
        lines.append(f"df[{col!r}] = _bd_fill_number(df[{col!r}], _median)")
        return "\n".join(lines)


OPERATION = FillWithMedian()

"""FILL_WITH_NULL: make empty text missing (null).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_NULL.html

DataBrew counts empty text as a missing value; this step turns such values, and text made only
of whitespace, into real nulls, so later steps and writers see them as missing. Other text is
unchanged; a category column loses its blank categories. Columns of other types hold no empty text, so the step leaves them as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import (
    _bd_blank_to_missing,
)
from brewdesk.recipes.ops.base import Kind, Operation, Params, column


class FillWithNullParams(Params):
    source_column: str = column(description="Column to clean")


class FillWithNull(Operation):
    """Replace empty or blank text in ``source_column`` with null."""

    id = "fill_with_null"
    kind = Kind.ROW
    category = "Missing"
    title = "Fill with null"
    databrew = ("FILL_WITH_NULL",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_NULL.html"
    Params = FillWithNullParams

    def apply(self, params: FillWithNullParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        return frame.assign(**{params.source_column: _bd_blank_to_missing(frame[params.source_column])})

    def describe(self, params: FillWithNullParams) -> str:
        return f"Make empty values in {params.source_column} null"

    def to_code(self, params: FillWithNullParams, fitted: Mapping[str, Any]) -> str:
        c = params.source_column
        return f"df[{c!r}] = _bd_blank_to_missing(df[{c!r}])"


OPERATION = FillWithNull()

"""FILL_WITH_EMPTY: replace missing values of a text column with empty text.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_EMPTY.html

Missing means null, or text made only of whitespace (as REMOVE_MISSING): both become ``""``.
Only text columns can hold empty text, so another column type is a validation problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.types import _bd_missing
from brewdesk.recipes.ops.base import Kind, Operation, Params, column


class FillWithEmptyParams(Params):
    source_column: str = column(types=("string",), description="Text column to fill")


class FillWithEmpty(Operation):
    """Fill missing values of a text column with ``""``."""

    id = "fill_with_empty"
    kind = Kind.ROW
    category = "Missing"
    title = "Fill with empty"
    databrew = ("FILL_WITH_EMPTY",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FILL_WITH_EMPTY.html"
    Params = FillWithEmptyParams

    def apply(self, params: FillWithEmptyParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        return frame.assign(**{params.source_column: s.mask(_bd_missing(s), "")})

    def describe(self, params: FillWithEmptyParams) -> str:
        return f"Fill missing values in {params.source_column} with empty text"

    def to_code(self, params: FillWithEmptyParams, fitted: Mapping[str, Any]) -> str:
        c = params.source_column
        return f"df[{c!r}] = df[{c!r}].mask(_bd_missing(df[{c!r}]), '')"


OPERATION = FillWithEmpty()

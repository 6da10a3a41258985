"""Shared code of SKEWNESS and the RESCALE_OUTLIERS_WITH_* operations (not an operation).

- :func:`skew_problem` / :func:`skew_code`: DataBrew's skew functions (ROOT with ``value`` = the
  root, LOG with ``value`` = the base, SQUARE): their parameter check and the exported call of
  their kernel :func:`~brewdesk.recipes.kernels.numbers._bd_skew`.
- :class:`Rescale`: the base of the two rescale operations: outliers found with the whole-dataset
  fences of FLAG_OUTLIERS (:mod:`brewdesk.recipes.ops._fit_common`) are capped at the fence they
  cross, then every value goes through the operation's transform into a new float64 column.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import StepError
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
from brewdesk.recipes.ops.base import Kind, Operation, Stat, StepProblem, check_columns, new_column

SkewFunction = Literal["ROOT", "LOG", "SQUARE"]


def skew_problem(function: str, value: float | None) -> str | None:
    """Why ``(function, value)`` cannot be applied, or ``None``."""
    if value is None or function == "SQUARE":
        return None
    if not math.isfinite(value):
        return f"{function} value must be a finite number, got {value!r}"
    if function == "LOG" and (value <= 0 or value == 1):
        return f"LOG base must be positive and not 1, got {value!r}"
    if function == "ROOT" and value <= 0:
        return f"ROOT value (the root) must be positive, got {value!r}"
    return None


def skew_code(var: str, function: str, value: float | None) -> list[str]:
    """Exported code replacing the float64 ndarray ``var`` by the skew function of it
    (:func:`~brewdesk.recipes.kernels.numbers._bd_skew`)."""
    return [f"{var} = _bd_skew({var}, {function!r}, {value!r})"]


def floats(s: pd.Series) -> np.ndarray:
    """A numeric Series as float64 values, NaN for missing."""
    return s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)


class RescaleParams(OutlierParams):
    """Parameters shared by the RESCALE_OUTLIERS_WITH_* operations."""

    target_column: str = new_column(description="New float64 column with the rescaled values")


class Rescale(Operation):
    """Base of the rescale operations: cap outliers at the fences, then :meth:`transform`.

    Subclasses give :meth:`extra_stats`, :meth:`transform` and :meth:`transform_code` (statements
    turning the capped float64 ndarray ``_x`` into the result ``_x``).
    """

    kind = Kind.FIT_MAP
    category = "Outliers"

    def problem(self, params: Any) -> str | None:
        return None

    def extra_stats(self, params: Any) -> dict[str, Stat]:
        return {}

    def requests(self, params: Any) -> dict[str, Stat]:
        return {**outlier_stats(params), **self.extra_stats(params)}

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        msg = self.problem(params)
        if msg:
            raise StepProblem(msg, field="value")
        return schema_put(schema, params.target_column, "float64", after=params.source_column)

    def stats(self, params: Any, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return self.requests(params)

    def transform(self, params: Any, x: np.ndarray, fitted: Mapping[str, Any]) -> np.ndarray:
        raise NotImplementedError

    def transform_code(self, params: Any, fitted: Mapping[str, Any]) -> list[str]:
        raise NotImplementedError

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        msg = self.problem(params)
        if msg:
            raise StepError(msg)
        s = frame[params.source_column]
        lo, hi = outlier_fences(params, fitted)
        x = self.transform(params, np.clip(floats(s), lo, hi), fitted)
        out = pd.Series(x, index=s.index, dtype="Float64")
        return put_column(frame, params.target_column, out, after=params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        lines = fences_lines(params, fitted)
        lines.append(f"_x = np.clip(df[{col!r}].astype('Float64').to_numpy(dtype='float64', na_value=np.nan), _lo, _hi)")
        lines += self.transform_code(params, fitted)
        lines.append(put_code(params.target_column, "pd.Series(_x, index=df.index, dtype='Float64')", after=col))
        return "\n".join(lines)

    def describe_rescale(self, params: Any, what: str) -> str:
        return f"{what} of {params.source_column}, outliers ({describe_strategy(params)}) capped, into {params.target_column}"


__all__ = ["Rescale", "RescaleParams", "SkewFunction", "floats", "skew_code", "skew_problem"]

"""REPLACE_OUTLIERS: replace the outliers of a numeric column (capped, a statistic, a value, missing).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_OUTLIERS.html

Semantics
---------
Outliers are found exactly as in FLAG_OUTLIERS (``Z_SCORE``, ``MODIFIED_Z_SCORE`` or ``IQR``
with ``threshold``, default 3; whole-dataset statistics requested from the engine; values on a
fence are kept; see :mod:`brewdesk.recipes.ops.outliers.flag_outliers`). Each outlier is then replaced,
in place, according to ``replace_type``:

- ``WINSORIZE_VALUES``: capped. An outlier below the lower fence becomes the ``min_value``-th
  percentile of the column, one above the upper fence the ``max_value``-th percentile (0-100,
  whole dataset, linear interpolation); without a percentile, the fence itself (the nearest
  value that is not an outlier).
- ``REPLACE_WITH_CUSTOM``: ``value``.
- ``REPLACE_WITH_EMPTY``, ``REPLACE_WITH_NULL``: missing (a numeric column holds no empty text).
- ``REPLACE_WITH_MODE`` (ties broken by ``mode_type``: MIN, MAX or AVERAGE),
  ``REPLACE_WITH_AVERAGE``, ``REPLACE_WITH_MEDIAN``, ``REPLACE_WITH_SUM``, ``REPLACE_WITH_MAX``:
  that statistic of the whole column.

Choices where DataBrew's page is silent (documented):

- The replacement statistics are taken over every non-missing value of the column, outliers
  included (as REPLACE_WITH_AVERAGE and the other replace steps).
- An ``int64`` column stays ``int64``: a fractional replacement (a mean, a percentile) is
  rounded half to even, as fill_with_average; a fractional custom ``value`` is refused.
- ``trim_value`` TRUE (DataBrew's default for REPLACE_WITH_NULL, REPLACE_WITH_MODE and
  WINSORIZE_VALUES): only the outliers ranked beyond the ``min_value`` / ``max_value``
  percentiles are replaced: a low outlier below the ``min_value``-th percentile, a high one
  above the ``max_value``-th (whole column, linear interpolation); a bound not given leaves its
  side unrestricted. With WINSORIZE_VALUES the percentiles are the caps, as without trim.
- A step condition restricts the rows changed; the statistics still use the whole column.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_replace_outliers
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import (
    OutlierParams,
    describe_strategy,
    fences_lines,
    fitted_lines,
    literal,
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

ReplaceType = Literal[
    "WINSORIZE_VALUES",
    "REPLACE_WITH_CUSTOM",
    "REPLACE_WITH_EMPTY",
    "REPLACE_WITH_NULL",
    "REPLACE_WITH_MODE",
    "REPLACE_WITH_AVERAGE",
    "REPLACE_WITH_MEDIAN",
    "REPLACE_WITH_SUM",
    "REPLACE_WITH_MAX",
]
_STAT = {
    "REPLACE_WITH_AVERAGE": "mean",
    "REPLACE_WITH_MEDIAN": "median",
    "REPLACE_WITH_SUM": "sum",
    "REPLACE_WITH_MAX": "max",
    "REPLACE_WITH_MODE": "mode",
}
_TIE = {"MIN": "MINIMUM", "MAX": "MAXIMUM", "AVERAGE": "AVERAGE"}


class ReplaceOutliersParams(OutlierParams):
    replace_type: ReplaceType = Field("WINSORIZE_VALUES", description="How outliers are replaced")
    mode_type: Literal["MIN", "MAX", "AVERAGE"] = Field("MIN", description="REPLACE_WITH_MODE: the value kept when several are most frequent")
    min_value: float | None = Field(None, ge=0, le=100, description="Percentile (0-100): WINSORIZE_VALUES caps low outliers here; with trim_value only outliers below it are replaced")
    max_value: float | None = Field(None, ge=0, le=100, description="Percentile (0-100): WINSORIZE_VALUES caps high outliers here; with trim_value only outliers above it are replaced")
    value: float | None = Field(None, description="REPLACE_WITH_CUSTOM: the value outliers get")
    trim_value: bool = Field(False, description="Replace only the outliers beyond the min_value/max_value percentiles")


class ReplaceOutliers(Operation):
    """Replace the outliers of a numeric column: capped, a statistic, a value or missing."""

    id = "replace_outliers"
    kind = Kind.FIT_MAP
    category = "Outliers"
    title = "Replace outliers"
    databrew = ("REPLACE_OUTLIERS",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_OUTLIERS.html"
    Params = ReplaceOutliersParams

    # ----------------------------------------------------------------- checks and statistics
    def problem(self, params: ReplaceOutliersParams, logical: str | None) -> tuple[str, str] | None:
        """``(message, field)`` when the step cannot run on a column of type ``logical``."""
        t = params.replace_type
        if t == "REPLACE_WITH_CUSTOM":
            if params.value is None:
                return ("REPLACE_WITH_CUSTOM needs a value", "value")
            if logical == "int64" and not float(params.value).is_integer():
                return (f"value {params.value!r} is not a whole number; column '{params.source_column}' is int64", "value")
        if params.min_value is not None and params.max_value is not None and params.min_value > params.max_value:
            return (f"min_value {params.min_value:g} is above max_value {params.max_value:g}", "min_value")
        return None

    def replacements(self, params: ReplaceOutliersParams) -> dict[str, Stat]:
        col, t = params.source_column, params.replace_type
        if t == "WINSORIZE_VALUES":
            out = {}
            if params.min_value is not None:
                out["cap_low"] = Stat("quantile", col, params.min_value / 100)
            if params.max_value is not None:
                out["cap_high"] = Stat("quantile", col, params.max_value / 100)
            return out
        if t in _STAT:
            arg = _TIE[params.mode_type] if t == "REPLACE_WITH_MODE" else None
            return {"replacement": Stat(_STAT[t], col, arg), **self.trims(params)}
        return self.trims(params)

    def trims(self, params: ReplaceOutliersParams) -> dict[str, Stat]:
        """The trim percentiles (with WINSORIZE_VALUES the same percentiles are the caps instead)."""
        return {} if params.replace_type == "WINSORIZE_VALUES" else trim_stats(params)

    def columns(self, params: ReplaceOutliersParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        bad = self.problem(params, schema[params.source_column])
        if bad:
            raise StepProblem(bad[0], field=bad[1])
        return schema

    def stats(self, params: ReplaceOutliersParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return {**outlier_stats(params), **self.replacements(params)}

    # ----------------------------------------------------------------- data
    def values(self, params: ReplaceOutliersParams, fences: tuple[float, float], fitted: Mapping[str, Any]) -> tuple[Any, Any]:
        """The replacements of low and high outliers (``None``: missing), before typing."""
        t = params.replace_type
        if t == "WINSORIZE_VALUES":
            lo, hi = (None if not np.isfinite(f) else f for f in fences)  # an infinite fence: no outliers
            return fitted.get("cap_low", lo), fitted.get("cap_high", hi)
        if t == "REPLACE_WITH_CUSTOM":
            return params.value, params.value
        if t in _STAT:
            return fitted.get("replacement"), fitted.get("replacement")
        return None, None

    def apply(self, params: ReplaceOutliersParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        s = frame[col]
        bad = self.problem(params, "int64" if pd.api.types.is_integer_dtype(s.dtype) else "float64")
        if bad:
            raise StepError(bad[0])
        fences = outlier_fences(params, fitted)
        sides = trim_sides(floats(s), fitted) if params.replace_type != "WINSORIZE_VALUES" else None
        low_ok, high_ok = sides if sides is not None else (None, None)
        v_low, v_high = self.values(params, fences, fitted)
        out = frame.copy(deep=False)
        out[col] = _bd_replace_outliers(s, fences[0], fences[1], v_low, v_high, low_ok, high_ok)
        return out

    def describe(self, params: ReplaceOutliersParams) -> str:
        how = params.replace_type.replace("_", " ").lower()
        return f"Replace outliers of {params.source_column} ({describe_strategy(params)}): {how}"

    def to_code(self, params: ReplaceOutliersParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        ref = f"df[{col!r}]"
        lines = fences_lines(params, fitted)
        lines += fitted_lines({k: v for k, v in self.replacements(params).items() if not k.startswith("trim_")}, fitted)
        trim_lines = trim_sides_code(params, fitted) if params.replace_type != "WINSORIZE_VALUES" else []
        t = params.replace_type
        if t == "WINSORIZE_VALUES":  # as values(): an infinite fence is no replacement
            low = "_cap_low" if params.min_value is not None else "(_lo if np.isfinite(_lo) else None)"
            high = "_cap_high" if params.max_value is not None else "(_hi if np.isfinite(_hi) else None)"
        elif t == "REPLACE_WITH_CUSTOM":
            low = high = literal(params.value)
        elif t in _STAT:
            low = high = "_replacement"
        else:
            low = high = "None"
        sides = "None, None"
        if trim_lines:
            lines.append(f"_x = {ref}.astype('Float64').to_numpy(dtype='float64', na_value=np.nan)")
            lines += trim_lines
            sides = "_low_ok, _high_ok"
        lines.append(f"df[{col!r}] = _bd_replace_outliers({ref}, _lo, _hi, {low}, {high}, {sides})")
        return "\n".join(lines)


OPERATION = ReplaceOutliers()

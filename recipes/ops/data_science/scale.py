"""SCALE (DataBrew's example calls it NORMALIZATION): rescale a numeric column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.data-science.html#recipe-actions.SCALE

Semantics
---------
With ``min``, ``max``, ``mean`` and ``std`` of the non-missing values of the **whole dataset**
(requested statistics, never per partition):

- ``MIN_MAX``: ``(x - min) / (max - min)``, into [0, 1];
- ``SCALE_BETWEEN``: the MIN_MAX value mapped onto [``min_value``, ``max_value``]:
  ``(x - min) / (max - min) * (max_value - min_value) + min_value``;
- ``MEAN_NORMALIZATION``: ``(x - mean) / (max - min)`` (mean 0, range 1);
- ``Z_SCORE``: ``(x - mean) / std`` with the **sample** standard deviation (n - 1 in the
  denominator, as pandas' ``std`` and Spark's ``stddev``; DataBrew's page does not say).

Choices where DataBrew's page is silent (documented):

- The result is a new ``float64`` column ``target_column`` placed right after the source;
  without a target it is named ``<source>_scaled``. A target equal to the source replaces the
  source column (which becomes ``float64``).
- ``SCALE_BETWEEN``'s bounds are ``min_value`` / ``max_value`` (DataBrew keys ``minValue`` /
  ``maxValue``; ``lowerBound`` / ``upperBound`` are read too); defaults 0 and 1.
- A constant column (max = min, including a single value) scales to 0 (to ``min_value`` for
  SCALE_BETWEEN), as scikit-learn's scalers do, instead of dividing by zero.
- Missing values stay missing; a column with no values gives a column of missing values.
- DataBrew's operation name is exported as ``NORMALIZATION`` (the only spelling its example
  shows); ``SCALE`` is read too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.kernels.numbers import _bd_scale, _bd_scale_linear
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import (
    NUMERIC_TYPES,
    fitted_lines,
    literal,
    put_code,
    put_column,
    require_column,
    schema_put,
)
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Stat,
    StepProblem,
    check_columns,
    column,
    new_column,
    snake_case,
)
from pydantic import Field, model_validator

Strategy = Literal["MIN_MAX", "SCALE_BETWEEN", "MEAN_NORMALIZATION", "Z_SCORE"]

class ScaleParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column to scale")
    strategy: Strategy = Field("MIN_MAX", description="MIN_MAX, SCALE_BETWEEN, MEAN_NORMALIZATION or Z_SCORE")
    target_column: str | None = new_column(None, description="New column (default: <source>_scaled)")
    min_value: float = Field(0.0, description="SCALE_BETWEEN: lower bound of the result")
    max_value: float = Field(1.0, description="SCALE_BETWEEN: upper bound of the result")

    @model_validator(mode="after")
    def _bounds(self) -> ScaleParams:
        if self.strategy == "SCALE_BETWEEN" and not self.min_value < self.max_value:
            raise ValueError(f"min_value ({self.min_value:g}) must be below max_value ({self.max_value:g})")
        return self


def target(params: ScaleParams) -> str:
    """The column the step writes."""
    return params.target_column or f"{params.source_column}_scaled"


def requests(params: ScaleParams) -> dict[str, Stat]:
    col = params.source_column
    out = {"min": Stat("min", col), "max": Stat("max", col)}
    if params.strategy in {"MEAN_NORMALIZATION", "Z_SCORE"}:
        out["mean"] = Stat("mean", col)
    if params.strategy == "Z_SCORE":
        out["std"] = Stat("std", col)
    return out


def linear(params: ScaleParams, fitted: Mapping[str, Any]) -> tuple[float, float] | None:
    """``(center, denominator)`` of ``(x - center) / denominator`` (the kernel
    :func:`_bd_scale_linear`); ``None`` for no values.

    Raises
    ------
    StepError
        When the standard deviation is 0 although the values differ.
    """
    try:
        return _bd_scale_linear(params.strategy, fitted.get("min"), fitted.get("max"), fitted.get("mean"), fitted.get("std"))
    except ValueError:
        raise StepError(
            f"the standard deviation of '{params.source_column}' came out as 0 although its "
            "values differ (they are too large for their spread)"
        ) from None


class Scale(Operation):
    """Rescale a numeric column (min-max, between bounds, mean normalization, z-score)."""

    id = "scale"
    kind = Kind.FIT_MAP
    category = "Scale"
    title = "Scale values"
    databrew = ("NORMALIZATION", "SCALE")
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.data-science.html#recipe-actions.SCALE"
    Params = ScaleParams

    def columns(self, params: ScaleParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        name = target(params)
        if name != params.source_column and name in schema:
            raise StepProblem(f"column '{name}' already exists", field="target_column")
        return schema_put(schema, name, "float64", after=params.source_column)

    def stats(self, params: ScaleParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return requests(params)

    def apply(self, params: ScaleParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        linear(params, fitted)  # the StepError naming the column, before the kernel's ValueError
        y = _bd_scale(
            frame[col],
            params.strategy,
            fitted.get("min"),
            fitted.get("max"),
            fitted.get("mean"),
            fitted.get("std"),
            params.min_value,
            params.max_value,
        )
        return put_column(frame, target(params), y, after=col)

    def describe(self, params: ScaleParams) -> str:
        how = {
            "MIN_MAX": "to 0..1",
            "SCALE_BETWEEN": f"to {params.min_value:g}..{params.max_value:g}",
            "MEAN_NORMALIZATION": "by mean normalization",
            "Z_SCORE": "to z-scores",
        }[params.strategy]
        return f"Scale {params.source_column} {how} into {target(params)}"

    def to_code(self, params: ScaleParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        wanted = requests(params)
        lines = fitted_lines(wanted, fitted)
        mean = "_mean" if "mean" in wanted else "None"
        std = "_std" if "std" in wanted else "None"
        call = (
            f"_bd_scale(df[{col!r}], {params.strategy!r}, _min, _max, {mean}, {std}, "
            f"{literal(params.min_value)}, {literal(params.max_value)})"
        )
        lines.append(f"_y = {call}")
        lines.append(put_code(target(params), "_y", after=col))
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        aliases = {"lowerBound": "minValue", "upperBound": "maxValue"}
        out: dict[str, Any] = {}
        for key, value in parameters.items():
            name = snake_case(aliases.get(key, key))
            if name in self.Params.model_fields:
                out[name] = value
        if out.get("target_column") and out.get("target_column") == f"{out.get('source_column')}_scaled":
            out.pop("target_column")  # the default target, written out by export: keep it implicit
        return out

    def to_databrew(self, params: ScaleParams) -> tuple[str, dict[str, str]]:
        out = {"sourceColumn": params.source_column, "strategy": params.strategy, "targetColumn": target(params)}
        if params.strategy == "SCALE_BETWEEN":
            out["minValue"] = repr(params.min_value)
            out["maxValue"] = repr(params.max_value)
        return "NORMALIZATION", out


OPERATION = Scale()

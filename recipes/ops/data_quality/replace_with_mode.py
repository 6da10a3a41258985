"""REPLACE_WITH_MODE: replace the values of the selected rows with the column's mode.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_MODE.html

Semantics
---------
- Every value of the rows the step's condition selects becomes the mode; without a condition,
  every value of the column does. The runner applies the condition; this step writes the whole
  column.
- The mode is the most frequent non-missing value of the whole dataset, including the values
  being replaced (``Stat("mode", column, modeType)``, from combined value counts, never per
  partition; DataBrew's page does not say which values count; documented choice).
- ``modeType`` decides ties as in fill_with_mode: ``MINIMUM`` (default) / ``MAXIMUM`` of the tied
  values, ``AVERAGE`` of them (numeric columns only; ``int64`` rounds half to even), ``NONE`` ->
  no mode, so nothing is replaced.
- A column with no values is left as it is. DataBrew's ``columnDataType`` is ignored on import
  and not written on export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brewdesk.recipes.ops.base import column
from brewdesk.recipes.ops.data_quality.fill_with_mode import FillWithMode, FillWithModeParams


class ReplaceWithModeParams(FillWithModeParams):
    source_column: str = column(
        types=("int64", "float64", "string", "boolean", "datetime"), description="Column whose selected values are replaced"
    )


class ReplaceWithMode(FillWithMode):
    """Replace the selected values with the whole-dataset mode (ties: MINIMUM, MAXIMUM, AVERAGE, NONE)."""

    id = "replace_with_mode"
    title = "Replace with mode"
    statistic = "the mode"
    replace = True
    databrew = ("REPLACE_WITH_MODE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_MODE.html"
    Params = ReplaceWithModeParams

    def describe(self, params: Any) -> str:
        tie = {"MINIMUM": "smallest", "MAXIMUM": "largest", "AVERAGE": "average", "NONE": "no replacement"}
        return f"Replace values in {params.source_column} with the mode (ties: {tie[params.mode_type]})"

    def value(self, params: Any, fitted: Mapping[str, Any]) -> Any:
        return fitted["mode"]


OPERATION = ReplaceWithMode()

"""REPLACE_WITH_SUM: replace the values of the selected rows with the sum of the column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_SUM.html

Semantics
---------
- Every value of the rows the step's condition selects becomes the sum; without a condition,
  every value of the column does. The runner applies the condition; this step writes the whole
  column.
- The sum is over all non-missing values of the whole dataset, including the values being
  replaced (``Stat("sum")``, never per partition; DataBrew's page does not say; documented
  choice, as replace_with_average).
- ``int64`` columns stay ``int64``. A column with no values is left as it is (as fill_with_sum;
  needs ``Stat("count")`` too).
- DataBrew's ``columnDataType`` (always ``number`` here) is dropped on import and written back as
  ``number`` on export.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops.data_quality.fill_with_sum import FillWithSum


class ReplaceWithSum(FillWithSum):
    """Replace the selected values of a numeric column with the sum of its values."""

    id = "replace_with_sum"
    title = "Replace with sum"
    replace = True
    databrew = ("REPLACE_WITH_SUM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_SUM.html"

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "REPLACE_WITH_SUM", {"sourceColumn": params.source_column, "columnDataType": "number"}


OPERATION = ReplaceWithSum()

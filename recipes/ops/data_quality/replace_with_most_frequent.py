"""REPLACE_WITH_MOST_FREQUENT: replace the values of the selected rows with the most frequent value.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_MOST_FREQUENT.html

Semantics
---------
- Every value of the rows the step's condition selects becomes the column's most frequent
  value; without a condition, every value of the column does. The runner applies the condition;
  this step writes the whole column.
- The most frequent non-missing value of the whole dataset, including the values being replaced
  (from combined value counts, never per partition).
- Ties: DataBrew's page does not say; the smallest tied value, as fill_with_most_frequent
  (documented choice; it does not depend on row order or partitioning).
- Any orderable column. A column with no values is left as it is. DataBrew's ``columnDataType``
  is ignored on import and not written on export.
"""

from __future__ import annotations

from brewdesk.recipes.ops.data_quality.fill_with_most_frequent import FillWithMostFrequent


class ReplaceWithMostFrequent(FillWithMostFrequent):
    """Replace the selected values with the whole-dataset most frequent value (ties: the smallest)."""

    id = "replace_with_most_frequent"
    title = "Replace with most frequent value"
    replace = True
    databrew = ("REPLACE_WITH_MOST_FREQUENT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_MOST_FREQUENT.html"


OPERATION = ReplaceWithMostFrequent()

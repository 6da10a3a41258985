"""REPLACE_WITH_ROLLING_AVERAGE: replace each value with the average of the rows above it.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_ROLLING_AVERAGE.html

Semantics
---------
- Every value of the column becomes the mean of the non-missing source values of the
  ``period`` rows above it ("the rolling average is computed using the previous 10 rows" for
  ``period`` 10): the row itself is left out of its window (DataBrew's page does not say; a value
  being replaced is not used to replace itself). Windows are in source order (the ``_rowid``
  order) across partitions (the engine carries the last ``period`` values forward) and shorter
  near the top of the data.
- Windows read the source values as they were before the step (no cascade of replacements).
- A row whose window has no value keeps its value (the first row always does).
- The column keeps its type: an ``int64`` average is rounded half to even, as
  REPLACE_WITH_AVERAGE does.
- With a condition (DataBrew's console adds one, e.g. IS_INVALID or GREATER_THAN), only the
  rows it selects are replaced; windows still read every row.
- Numeric columns only; ``columnDataType`` must be ``number`` (DataBrew's page says so).
"""

from __future__ import annotations

from brewdesk.recipes.ops._window_common import RollingReplace


class ReplaceWithRollingAverage(RollingReplace):
    """Replace values with the mean of the ``period`` rows above each of them."""

    id = "replace_with_rolling_average"
    title = "Replace with rolling average"
    how = "mean"
    words = "average"
    databrew = ("REPLACE_WITH_ROLLING_AVERAGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_ROLLING_AVERAGE.html"


OPERATION = ReplaceWithRollingAverage()

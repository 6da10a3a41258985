"""REPLACE_WITH_ROLLING_SUM: replace each value with the sum of the rows above it.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_ROLLING_SUM.html

Semantics
---------
- Every value of the column becomes the sum of the non-missing source values of the ``period``
  rows above it ("computed using the previous 10 rows" for ``period`` 10): the row itself is
  left out of its window (DataBrew's page does not say; as REPLACE_WITH_ROLLING_AVERAGE).
  Windows are in source order across partitions (the engine carries the last ``period`` values
  forward) and shorter near the top of the data.
- Windows read the source values as they were before the step (no cascade of replacements).
- A row whose window has no value keeps its value (the first row always does); a sum is never
  made up from nothing (not 0).
- The column keeps its type (``int64`` sums exact up to 2**53).
- With a condition only the rows it selects are replaced; windows still read every row.
- Numeric columns only; ``columnDataType`` must be ``number``.
"""

from __future__ import annotations

from brewdesk.recipes.ops._window_common import RollingReplace


class ReplaceWithRollingSum(RollingReplace):
    """Replace values with the sum of the ``period`` rows above each of them."""

    id = "replace_with_rolling_sum"
    title = "Replace with rolling sum"
    how = "sum"
    words = "sum"
    databrew = ("REPLACE_WITH_ROLLING_SUM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_ROLLING_SUM.html"


OPERATION = ReplaceWithRollingSum()

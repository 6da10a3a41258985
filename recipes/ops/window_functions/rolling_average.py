"""ROLLING_AVERAGE: the mean of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_AVERAGE.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order (the ``_rowid`` order), across partition
  boundaries: the engine carries the last ``num_rows_before`` values of the earlier partitions
  forward and the first ``num_rows_after`` values of the following partitions back into each
  partition.
- The result is the mean of the window's non-missing values, a new ``float64`` column placed
  right after the source; a window without any value gives a missing result. Near the top and
  the bottom of the data the window is shorter (only the rows that exist).
- Numeric columns only (``int64``, ``float64``).
"""

from __future__ import annotations

from brewdesk.recipes.ops._window_common import Window


class RollingAverage(Window):
    """Mean of the current row and the rows around it."""

    id = "rolling_average"
    title = "Rolling average"
    how = "mean"
    words = "average"
    databrew = ("ROLLING_AVERAGE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_AVERAGE.html"

    def out_type(self, params: object, source_type: str) -> str:
        return "float64"


OPERATION = RollingAverage()

"""ROLLING_MIN: the smallest value of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_MIN.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order (the ``_rowid`` order), across partition
  boundaries (the engine carries the last ``num_rows_before`` values of the earlier partitions
  forward and the first ``num_rows_after`` values of the following partitions back). Near the
  ends of the data the window is shorter.
- The result is the smallest non-missing value of the window, in a new column of the source's
  type placed right after the source; a window without any value gives a missing result.
- Numeric columns only (``int64`` values are exact up to 2**53).
"""

from __future__ import annotations

from brewdesk.recipes.ops._window_common import Window


class RollingMin(Window):
    """Smallest value of the current row and the rows around it."""

    id = "rolling_min"
    title = "Rolling minimum"
    how = "min"
    words = "minimum"
    databrew = ("ROLLING_MIN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_MIN.html"


OPERATION = RollingMin()

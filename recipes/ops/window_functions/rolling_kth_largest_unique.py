"""ROLLING_KTH_LARGEST_UNIQUE: the k-th largest distinct value of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_KTH_LARGEST_UNIQUE.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (forward and
  backward carries of the source values); near the ends of the data the window is shorter.
- The result is the ``value``-th (k-th) largest *distinct* non-missing value of the window:
  equal values count once (in 10, 9, 9, 8 the 2nd is 9 and the 3rd is 8, as Trifacta's
  ROLLINGKTHLARGESTUNIQUE, which DataBrew's function follows). A window with fewer than k
  distinct values gives a missing result.
- The new column has the source's type and follows the source column. Numeric columns only.
- Cost: every window is sorted (work grows with rows times window size, in blocks of about
  a million values); windows of thousands of rows are slow, where MAX/MIN/averages are not.
"""

from __future__ import annotations

from brewdesk.recipes.ops.window_functions.rolling_kth_largest import RollingKthLargest


class RollingKthLargestUnique(RollingKthLargest):
    """k-th largest distinct value of the current row and the rows around it."""

    id = "rolling_kth_largest_unique"
    title = "Rolling k-th largest distinct"
    how = "kth_unique"
    databrew = ("ROLLING_KTH_LARGEST_UNIQUE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_KTH_LARGEST_UNIQUE.html"
    words_k = "largest distinct"


OPERATION = RollingKthLargestUnique()

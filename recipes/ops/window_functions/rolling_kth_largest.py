"""ROLLING_KTH_LARGEST: the k-th largest value of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_KTH_LARGEST.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (forward and
  backward carries of the source values); near the ends of the data the window is shorter.
- The result is the ``value``-th (k-th) largest non-missing value of the window; equal values
  count separately (in 10, 9, 9 the 2nd and the 3rd largest are both 9, as Trifacta's
  ROLLINGKTHLARGEST, which DataBrew's function follows). ``k = 1`` is the maximum. A window
  with fewer than k values gives a missing result.
- The new column has the source's type and follows the source column. Numeric columns only.
- Cost: every window is sorted (work grows with rows times window size, in blocks of about
  a million values); windows of thousands of rows are slow, where MAX/MIN/averages are not.
"""

from __future__ import annotations

from typing import Any, ClassVar

from brewdesk.recipes.ops._window_common import MAX_WINDOW, Window, WindowParams, window_words
from pydantic import Field


class RollingKthParams(WindowParams):
    value: int = Field(1, ge=1, le=MAX_WINDOW, description="k: 1 for the largest value, 2 for the second largest, ...")


class RollingKthLargest(Window):
    """k-th largest value (duplicates counted) of the current row and the rows around it."""

    id = "rolling_kth_largest"
    title = "Rolling k-th largest"
    how = "kth"
    databrew = ("ROLLING_KTH_LARGEST",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_KTH_LARGEST.html"
    Params = RollingKthParams
    words_k: ClassVar[str] = "largest"

    def extra(self, params: Any) -> tuple[int, str]:
        return params.value, "MINIMUM"

    def describe(self, params: Any) -> str:
        return (
            f"Rolling {ordinal(params.value)} {self.words_k} value of {params.source_column} over "
            f"{window_words(params)}, into {params.target_column}"
        )


def ordinal(k: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st, ..."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


OPERATION = RollingKthLargest()

"""ROLLING_COUNT_A: how many non-missing values a window of rows around each row holds.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_COUNT_A.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (forward and
  backward carries of the source values); near the ends of the data the window is shorter, so
  it counts only rows that exist.
- The result is the number of non-null values in the window, a new ``int64`` column right
  after the source (0 for a window of missing values, never missing itself).
- Any column type. Empty text is a value (it is not null) and counts; DataBrew's page says
  "non-null values" and nothing about blanks.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._window_common import Window, WindowParams
from brewdesk.recipes.ops.base import column


class RollingCountAParams(WindowParams):
    source_column: str = column(description="Column whose non-missing values are counted")


class RollingCountA(Window):
    """Number of non-missing values of the current row and the rows around it."""

    id = "rolling_count_a"
    title = "Rolling count of values"
    how = "count"
    words = "count of values"
    databrew = ("ROLLING_COUNT_A",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_COUNT_A.html"
    Params = RollingCountAParams

    def out_type(self, params: Any, source_type: str) -> str:
        return "int64"


OPERATION = RollingCountA()

"""ROLLING_MODE: the most frequent value of a window of rows around each row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_MODE.html

Semantics
---------
- The window of a row is the row itself, the ``num_rows_before`` rows above it and the
  ``num_rows_after`` rows below it, in source order, across partition boundaries (forward and
  backward carries of the source values); near the ends of the data the window is shorter.
- The result is the most frequent non-missing value of the window, in a new column of the
  source's type right after the source; a window without any value gives a missing result.
- ``modeType`` decides between values that are equally frequent, as FILL_WITH_MODE does:
  ``MINIMUM`` (default) the smallest, ``MAXIMUM`` the largest, ``AVERAGE`` their mean (an
  ``int64`` result is rounded half to even), ``NONE`` no result (missing) when there is a tie.
- Numeric columns only (values compared exactly; ``int64`` exact up to 2**53).
- Cost: every window is sorted (work grows with rows times window size, in blocks of about
  a million values); windows of thousands of rows are slow, where MAX/MIN/averages are not.
"""

from __future__ import annotations

from typing import Any, Literal

from brewdesk.recipes.ops._window_common import Window, WindowParams, window_words
from pydantic import Field


class RollingModeParams(WindowParams):
    mode_type: Literal["MINIMUM", "NONE", "AVERAGE", "MAXIMUM"] = Field(
        "MINIMUM", description="Between equally frequent values: the smallest, none, their average, or the largest"
    )


class RollingMode(Window):
    """Most frequent value of the current row and the rows around it (ties by modeType)."""

    id = "rolling_mode"
    title = "Rolling mode"
    how = "mode"
    words = "mode"
    databrew = ("ROLLING_MODE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.ROLLING_MODE.html"
    Params = RollingModeParams

    def extra(self, params: Any) -> tuple[int, str]:
        return 1, params.mode_type

    def describe(self, params: Any) -> str:
        tie = {"MINIMUM": "smallest", "MAXIMUM": "largest", "AVERAGE": "average", "NONE": "none"}
        return (
            f"Rolling mode of {params.source_column} over {window_words(params)} "
            f"(ties: {tie[params.mode_type]}), into {params.target_column}"
        )


OPERATION = RollingMode()

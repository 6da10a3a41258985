"""FLAG_DUPLICATE_ROWS: flag, in a new column, every row that is an exact copy of an earlier row.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_DUPLICATE_ROWS.html

Semantics
---------
- A row is a duplicate when every one of its columns equals the same column of an earlier row
  of the dataset; it gets ``true_string``, every other row ``false_string`` (defaults ``True`` /
  ``False``, as DataBrew's other flag steps). The first occurrence is not flagged: DataBrew's page
  says "The initial occurrence is not flagged, because it doesn't match an earlier row".
- "Earlier" is the current row order (source order, or the order a sort step gave). Missing
  values compare equal to each other (as in DELETE_DUPLICATE_ROWS); ``1`` and ``1.0`` in one
  float column are equal, text is compared exactly (case and spaces count).
- The whole dataset is compared, whatever its partitioning: the engine runs the step as the
  ``flag_duplicates`` primitive (one hashing pass over every row, 128-bit row hashes, then the
  flag is written partition by partition; rows keep their order). See
  :mod:`brewdesk.recipes.ops._flag_duplicates`.
- The flag is text and goes to the new ``target_column`` at the end of the table. With a
  condition, only the rows it selects get a flag (the others are missing), but every row counts
  as an "earlier row".
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._flag_duplicates import FlagDuplicates
from brewdesk.recipes.ops._value_functions import FlagParams
from brewdesk.recipes.ops.base import new_column


class FlagDuplicateRowsParams(FlagParams):
    target_column: str = new_column(description="New column with the flag")


class FlagDuplicateRows(FlagDuplicates):
    """Flag the rows that repeat an earlier row on every column."""

    id = "flag_duplicate_rows"
    title = "Flag duplicate rows"
    databrew = ("FLAG_DUPLICATE_ROWS",)
    doc_url = (
        "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_DUPLICATE_ROWS.html"
    )
    Params = FlagDuplicateRowsParams

    def compared_columns(self, params: Any) -> list[str] | None:
        return None

    def after(self, params: Any) -> str | None:
        return None

    def subset_code(self, params: Any) -> str:
        return f"[_c for _c in df.columns if _c != {params.target_column!r}]"

    def describe(self, params: Any) -> str:
        return f"Flag rows that repeat an earlier row in {params.target_column}"


OPERATION = FlagDuplicateRows()

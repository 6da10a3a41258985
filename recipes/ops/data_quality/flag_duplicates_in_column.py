"""FLAG_DUPLICATES_IN_COLUMN: flag, in a new column, every row whose value repeats an earlier one.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_DUPLICATES_IN_COLUMN.html

Semantics
---------
- A row is flagged ``true_string`` when its ``source_column`` value equals the value of an
  earlier row; every other row gets ``false_string`` (defaults ``True`` / ``False``). The first
  occurrence of a value is not flagged: DataBrew's page says "The initial occurrence is not
  flagged, because it doesn't match an earlier row".
- "Earlier" is the current row order. A missing value repeats an earlier missing value (missing
  values compare equal, as in REMOVE_DUPLICATES; DataBrew's page is silent). Text is compared
  exactly (case and spaces count).
- The whole column is compared, whatever the partitioning: the engine runs the step as the
  ``flag_duplicates`` primitive (one hashing pass over every row, 128-bit value hashes, then the
  flag is written partition by partition; rows keep their order). See
  :mod:`brewdesk.recipes.ops._flag_duplicates`.
- The source may be of any type; the flag is text and goes to the new ``target_column`` right
  after the source. With a condition, only the rows it selects get a flag (the others are
  missing), but every row's value counts as an "earlier" value.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._flag_duplicates import FlagDuplicates
from brewdesk.recipes.ops._value_functions import FlagParams
from brewdesk.recipes.ops.base import column, new_column


class FlagDuplicatesInColumnParams(FlagParams):
    source_column: str = column(description="Column whose repeated values are flagged")
    target_column: str = new_column(description="New column with the flag")


class FlagDuplicatesInColumn(FlagDuplicates):
    """Flag the rows whose value in one column repeats an earlier row's value."""

    id = "flag_duplicates_in_column"
    title = "Flag duplicates in column"
    databrew = ("FLAG_DUPLICATES_IN_COLUMN",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.FLAG_DUPLICATES_IN_COLUMN.html"
    Params = FlagDuplicatesInColumnParams

    def compared_columns(self, params: Any) -> list[str] | None:
        return [params.source_column]

    def after(self, params: Any) -> str | None:
        return params.source_column

    def subset_code(self, params: Any) -> str:
        return repr([params.source_column])

    def describe(self, params: Any) -> str:
        return f"Flag repeated values of {params.source_column} in {params.target_column}"


OPERATION = FlagDuplicatesInColumn()

"""MERGE_COLUMNS_AND_VALUES: join the text of several columns, with a delimiter, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MERGE.html

The text function MERGE_COLUMNS_AND_VALUES ("concatenates the strings in the source columns ...
you can insert a delimiter between the merged values") does what the column step MERGE does, and
Brewdesk gives both the same semantics (:mod:`brewdesk.recipes.ops.column_structure.merge`):

- ``source_columns`` (two or more, in order) are read as text as change_data_type to string writes
  them; ``delimiter`` (optional, default none) goes between each two values.
- Missing values are skipped with their delimiter, as Spark's ``concat_ws``; when every value is
  missing the result is missing. Empty text is a value.
- The source columns are kept; the new string column goes right after the first of them.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops.column_structure.merge import Merge


class MergeColumnsAndValues(Merge):
    """Join ``source_columns`` as text with ``delimiter`` into ``target_column``."""

    id = "merge_columns_and_values"
    category = "Functions"
    title = "Merge columns and values"
    databrew = ("MERGE_COLUMNS_AND_VALUES",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MERGE.html"

    def describe(self, params: Any) -> str:
        sep = f" with {params.delimiter!r}" if params.delimiter else ""
        return f"Merge {', '.join(params.source_columns)}{sep} into {params.target_column}"


OPERATION = MergeColumnsAndValues()

"""COUNT_DISTINCT: count distinct values across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.COUNT_DISTINCT.html

For every row, ``target_column`` gets how many different values the row holds in ``source_columns``
(``int64``). Missing cells and empty or blank text are ignored. Numbers are compared as numbers
(``1`` and ``1.0`` are one value) when every listed column is numeric; otherwise values are
compared by their text form (the integer ``1`` and the text ``"1"`` are one value; case-sensitive).

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowCount


class RowCountDistinct(RowCount):
    """Count distinct values across columns (COUNT_DISTINCT)."""

    id = "row_count_distinct"
    title = "Count distinct values across columns"
    databrew = ("COUNT_DISTINCT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.COUNT_DISTINCT.html"
    distinct = True


OPERATION = RowCountDistinct()

"""COUNT: count values across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.COUNT.html

For every row, ``target_column`` gets how many of the row's cells in ``source_columns`` hold a
value (``int64``, 0 to the number of columns). Missing cells and empty or blank text are not
counted (DataBrew: "empty and null values are ignored"); columns of any type may be listed.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import RowCount


class RowCountValues(RowCount):
    """Count values across columns (COUNT)."""

    id = "row_count"
    title = "Count values across columns"
    databrew = ("COUNT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.COUNT.html"
    distinct = False


OPERATION = RowCountValues()

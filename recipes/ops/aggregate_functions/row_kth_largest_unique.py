"""KTH_LARGEST_UNIQUE: k-th largest distinct value across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.KTH_LARGEST_UNIQUE.html

For every row, ``target_column`` gets the ``value``-th (k-th) largest *distinct* number of the row
in ``source_columns`` (``[5, 5, 3]`` with k = 2 gives 3). k is at least 1 and at most the number of
listed columns (checked when the recipe is validated); a row with fewer than k distinct numbers
gives missing. Integer columns give ``int64``, others ``float64``.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import KthParams, RowAggregate


class RowKthLargestUnique(RowAggregate):
    """K-th largest distinct value across columns (KTH_LARGEST_UNIQUE)."""

    id = "row_kth_largest_unique"
    title = "K-th largest distinct value across columns"
    databrew = ("KTH_LARGEST_UNIQUE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.KTH_LARGEST_UNIQUE.html"
    how = "KTH_LARGEST_UNIQUE"
    Params = KthParams


OPERATION = RowKthLargestUnique()

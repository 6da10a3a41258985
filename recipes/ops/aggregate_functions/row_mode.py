"""MODE: mode across columns of each row, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MODE.html

For every row, ``target_column`` gets the number seen most often among the row's numbers in
``source_columns``. Ties (and a row whose numbers all differ) are resolved by ``mode_type``,
DataBrew's ``modeType`` (its example passes MINIMUM; the valid values are ROLLING_MODE's): MINIMUM
(default) the smallest tied number, MAXIMUM the largest, AVERAGE their mean (``float64``), NONE
missing. Integer columns give ``int64`` (except AVERAGE), others ``float64``.

The new column goes right after the first of ``source_columns``; DataBrew's ``sourceColumns`` is
a JSON list in a string. The rules shared by the aggregate functions (what is ignored, result
types, placement) are in :mod:`brewdesk.recipes.ops._row_aggregates`.
"""

from __future__ import annotations

from brewdesk.recipes.ops._row_aggregates import ModeParams, RowAggregate


class RowMode(RowAggregate):
    """Mode across columns (MODE)."""

    id = "row_mode"
    title = "Mode across columns"
    databrew = ("MODE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.functions.MODE.html"
    how = "MODE"
    Params = ModeParams


OPERATION = RowMode()

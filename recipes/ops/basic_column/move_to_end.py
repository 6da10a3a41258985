"""MOVE_TO_END: move a column to the end (last position).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_TO_END.html

Values are unchanged; only the column order changes.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._reorder import ReorderOperation
from brewdesk.recipes.ops.base import Params, column


class MoveToEndParams(Params):
    source_column: str = column(description="Column to move")


class MoveToEnd(ReorderOperation):
    """Move ``source_column`` to the end (last position)."""

    id = "move_to_end"
    title = "Move column to the end"
    databrew = ("MOVE_TO_END",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_TO_END.html"
    Params = MoveToEndParams

    def move(self, params: MoveToEndParams) -> dict[str, Any]:
        return {}

    def describe(self, params: MoveToEndParams) -> str:
        return f"Move {params.source_column} to the end"


OPERATION = MoveToEnd()

"""MOVE_AFTER: move a column after another column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_AFTER.html

Moving a column after itself changes nothing.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._reorder import ReorderOperation
from brewdesk.recipes.ops.base import Params, column


class MoveAfterParams(Params):
    source_column: str = column(description="Column to move")
    target_column: str = column(description="Column to move it after")


class MoveAfter(ReorderOperation):
    """Move ``source_column`` right after ``target_column``."""

    id = "move_after"
    title = "Move column after"
    databrew = ("MOVE_AFTER",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_AFTER.html"
    Params = MoveAfterParams
    offset = 1
    """Where ``source_column`` lands relative to ``target_column`` (MOVE_BEFORE: 0)."""
    word = "after"

    def move(self, params: MoveAfterParams) -> dict[str, Any]:
        return {"anchor": params.target_column, "offset": self.offset}

    def describe(self, params: MoveAfterParams) -> str:
        return f"Move {params.source_column} {self.word} {params.target_column}"


OPERATION = MoveAfter()

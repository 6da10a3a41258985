"""MOVE_TO_START: move a column to the start (first position).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_TO_START.html

Values are unchanged; only the column order changes.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.ops._reorder import ReorderOperation
from brewdesk.recipes.ops.base import Params, column


class MoveToStartParams(Params):
    source_column: str = column(description="Column to move")


class MoveToStart(ReorderOperation):
    """Move ``source_column`` to the start (first position)."""

    id = "move_to_start"
    title = "Move column to the start"
    databrew = ("MOVE_TO_START",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_TO_START.html"
    Params = MoveToStartParams

    def move(self, params: MoveToStartParams) -> dict[str, Any]:
        return {"index": 0}

    def describe(self, params: MoveToStartParams) -> str:
        return f"Move {params.source_column} to the start"


OPERATION = MoveToStart()

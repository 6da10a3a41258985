"""MOVE_TO_INDEX: move a column to a position.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_TO_INDEX.html

``target_index`` is 0-based (0 = first column), counted in the final order (the column ends up
at that position). An index past the last position is a validation problem, not clamped.
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._reorder import ReorderOperation
from brewdesk.recipes.ops.base import Params, StepProblem, column
from pydantic import Field


class MoveToIndexParams(Params):
    source_column: str = column(description="Column to move")
    target_index: int = Field(ge=0, description="New 0-based position")


class MoveToIndex(ReorderOperation):
    """Move ``source_column`` to 0-based position ``target_index``."""

    id = "move_to_index"
    title = "Move column to position"
    databrew = ("MOVE_TO_INDEX",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_TO_INDEX.html"
    Params = MoveToIndexParams

    def check(self, params: MoveToIndexParams, schema: Schema) -> None:
        if params.target_index >= len(schema):
            raise StepProblem(
                f"position {params.target_index} is past the last column (0 to {len(schema) - 1})",
                field="target_index",
            )

    def move(self, params: MoveToIndexParams) -> dict[str, Any]:
        return {"index": params.target_index}

    def describe(self, params: MoveToIndexParams) -> str:
        return f"Move {params.source_column} to position {params.target_index}"


OPERATION = MoveToIndex()

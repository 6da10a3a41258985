"""MOVE_BEFORE: move a column before another column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_BEFORE.html

Moving a column before itself changes nothing.
"""

from __future__ import annotations

from brewdesk.recipes.ops.base import column
from brewdesk.recipes.ops.basic_column.move_after import MoveAfter, MoveAfterParams


class MoveBeforeParams(MoveAfterParams):
    target_column: str = column(description="Column to move it before")


class MoveBefore(MoveAfter):
    """Move ``source_column`` right before ``target_column`` (MOVE_AFTER with offset 0)."""

    id = "move_before"
    title = "Move column before"
    databrew = ("MOVE_BEFORE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_BEFORE.html"
    Params = MoveBeforeParams
    offset = 0
    word = "before"


OPERATION = MoveBefore()

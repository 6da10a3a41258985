"""MOVE_BEFORE: move a column before another column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_BEFORE.html

Moving a column before itself changes nothing.
"""

from __future__ import annotations

from brewdesk.recipes.ops._common import ReorderOperation
from brewdesk.recipes.ops.base import Params, column


class MoveBeforeParams(Params):
    source_column: str = column(description="Column to move")
    target_column: str = column(description="Column to move it before")


class MoveBefore(ReorderOperation):
    """Move ``source_column`` right before ``target_column``."""

    id = "move_before"
    title = "Move column before"
    databrew = ("MOVE_BEFORE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_BEFORE.html"
    Params = MoveBeforeParams

    def order(self, params: MoveBeforeParams, names: list[str]) -> list[str]:
        c, t = params.source_column, params.target_column
        if c == t:
            return list(names)
        rest = [x for x in names if x != c]
        i = rest.index(t) + 0
        return rest[:i] + [c] + rest[i:]

    def order_code(self, params: MoveBeforeParams) -> str:
        c, t = params.source_column, params.target_column
        if c == t:
            return "list(df.columns)"
        rest = f"[x for x in df.columns if x != {c!r}]"
        return f"(lambda r: r[:r.index({t!r}) + 0] + [{c!r}] + r[r.index({t!r}) + 0:])({rest})"

    def describe(self, params: MoveBeforeParams) -> str:
        return f"Move {params.source_column} before {params.target_column}"


OPERATION = MoveBefore()

"""MOVE_AFTER: move a column after another column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MOVE_AFTER.html

Moving a column after itself changes nothing.
"""

from __future__ import annotations

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

    def order(self, params: MoveAfterParams, names: list[str]) -> list[str]:
        c, t = params.source_column, params.target_column
        if c == t:
            return list(names)
        rest = [x for x in names if x != c]
        i = rest.index(t) + self.offset
        return rest[:i] + [c] + rest[i:]

    def order_code(self, params: MoveAfterParams) -> str:
        c, t = params.source_column, params.target_column
        if c == t:
            return "list(df.columns)"
        rest = f"[x for x in df.columns if x != {c!r}]"
        k = self.offset
        return f"(lambda r: r[:r.index({t!r}) + {k}] + [{c!r}] + r[r.index({t!r}) + {k}:])({rest})"

    def describe(self, params: MoveAfterParams) -> str:
        return f"Move {params.source_column} {self.word} {params.target_column}"


OPERATION = MoveAfter()

"""EXTRACT_VALUE: the value at a path inside an array, map, struct or JSON text, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_VALUE.html

Semantics
---------
- ``source_column`` holds nested values (an ``object`` column: lists for arrays, dicts for maps
  and structs, as ``_nested`` describes) or JSON text (a string column: each value is parsed as
  JSON; text that is not valid JSON gives missing).
- ``path`` is a chain of field names and array indexes: ``` `user`.`address`.`zipcode` ```,
  ``` `user`.`citizenship`[1] ``` (indexes are 0-based: ``[1]`` is the second element, as the
  page's example says). Names are written between back ticks, as the page asks for nested
  columns, or bare when they contain no ``.``, ``[`` or back tick (``user.address.zipcode``). As
  in the page's examples the path starts with the column's own name; a first name equal to
  ``source_column`` is skipped, so ``` `zipcode` ``` alone also works on the ``user`` column.
- The result is a string column ``target_column`` placed right after the source: text values as
  they are, other values as JSON text (``12345``, ``true``, ``["a", "b"]``,
  ``{"state": "CA"}``; datetimes as ISO text). A path that does not lead anywhere (missing field,
  index past the end, a name on an array or an index on a map) gives missing, as does a missing
  or JSON ``null`` value.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.nested import _bt_extract_value
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._maps import MapOperation, describe_target
from brewdesk.recipes.ops.base import Params, StepProblem, column, new_column
from pydantic import Field

_TOKEN = re.compile(r"\s*(?:`((?:[^`]|``)*)`|([^.`\[\]]+))((?:\s*\[\s*\d+\s*\])*)\s*")


def parse_path(path: str) -> list[str | int]:
    """``` `a`.`b`[1] ``` -> ``["a", "b", 1]``; a doubled back tick inside quotes is one back tick.

    Raises
    ------
    ValueError
        When the path is not names (quoted or bare) separated by dots, each followed by indexes.
    """
    out: list[str | int] = []
    pos = 0
    while True:
        m = _TOKEN.match(path, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"cannot read the path {path!r} at character {pos}")
        name = m.group(1).replace("``", "`") if m.group(1) is not None else m.group(2).strip()
        out.append(name)
        out.extend(int(i) for i in re.findall(r"\d+", m.group(3)))
        pos = m.end()
        if pos == len(path):
            return out
        if path[pos] != ".":
            raise ValueError(f"expected '.' at character {pos} of the path {path!r}")
        pos += 1


def steps(params: Any) -> list[str | int]:
    """The path's steps inside the value (the column's own name dropped)."""
    parts = parse_path(params.path)
    return parts[1:] if parts and parts[0] == params.source_column else parts


class ExtractValueParams(Params):
    source_column: str = column(types=("object", "string", "category"), description="Nested or JSON text column")
    path: str = Field(min_length=1, description="Path, e.g. `user`.`address`.`zipcode` or `user`.`citizenship`[1]")
    target_column: str = new_column(description="New column with the extracted value")


class ExtractValue(MapOperation):
    """The value at ``path`` of each value of ``source_column``, as text in ``target_column``."""

    id = "extract_value"
    category = "Extract"
    title = "Extract value at a path"
    databrew = ("EXTRACT_VALUE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.EXTRACT_VALUE.html"
    Params = ExtractValueParams

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"

    def check(self, params: Any, schema: Schema) -> None:
        try:
            parts = parse_path(params.path)
        except ValueError as e:
            raise StepProblem(f"{e}; write names between back ticks separated by dots, e.g. `a`.`b`[0]", field="path") from None
        if parts == [params.source_column]:
            raise StepProblem("the path names only the column itself; add the field or index to extract", field="path")

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return _bt_extract_value(s, steps(params))

    def expr(self, params: Any, src: str) -> str:
        return f"_bt_extract_value({src}, {steps(params)!r})"

    def describe(self, params: Any) -> str:
        return f"Extract {params.path} from {params.source_column}{describe_target(params)}"


OPERATION = ExtractValue()

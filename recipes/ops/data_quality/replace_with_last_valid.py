"""REPLACE_WITH_LAST_VALID: replace each invalid value with the last valid value above it.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_LAST_VALID.html

Semantics
---------
- A value is invalid when it is text that cannot be read as ``column_data_type``, by the rule
  of REMOVE_INVALID and the IS_INVALID condition (after trimming whitespace): ``number``
  (default) a decimal number, ``integer`` a number without a fraction, ``boolean``
  true/false/1/0/yes/no in any case, ``date`` a date or timestamp. A typed (non-text) column
  holds no invalid values, so it is left as it is.
- A value is valid when it is neither invalid nor missing (null, empty or blank text).
- Every invalid value becomes the last valid value above it in source order (the ``_rowid``
  order), across partitions: the engine carries the last valid value of the earlier partitions
  into each partition. An invalid value with no valid value above it is left as it is (there is
  nothing to replace it with); missing values are not invalid and stay missing (FILL_WITH_LAST_VALID
  fills those). Replacements do not chain: only source values that were valid are used.
- With a condition, only the rows it selects change (the runner restricts the step).
- DataBrew's ``advancedDataType`` (semantic types such as e-mail) is not supported: it is dropped
  on import and not written on export.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd
from brewdesk.recipes.ops.base import Carry, Kind, Operation, Params, Window, column
from brewdesk.recipes.ops.data_quality.remove_invalid import _ri_invalid
from pydantic import Field

SOURCE_TYPES = ("int64", "float64", "boolean", "string", "datetime")


def _rlv_valid(s, kind):
    """Rows (a boolean numpy array) holding a valid value: present, not blank, not invalid."""
    ok = s.notna().to_numpy(dtype=bool)
    if pd.api.types.is_string_dtype(s.dtype) or pd.api.types.is_object_dtype(s.dtype):
        ok = ok & s.astype("string").str.strip().ne("").fillna(False).to_numpy(dtype=bool)
    return ok & ~_ri_invalid(s, kind)


def _rlv_replace(s, kind, last=None):
    """``s`` with every invalid value replaced by the last valid value above it (``last``: the
    last valid value before ``s``, or None)."""
    invalid = _ri_invalid(s, kind)
    if not invalid.any():
        return s
    values = s.where(pd.Series(_rlv_valid(s, kind), index=s.index)).reset_index(drop=True)
    if last is not None:
        values = pd.concat([pd.Series([last], dtype=s.dtype), values], ignore_index=True)
    values = values.ffill().iloc[len(values) - len(s) :].set_axis(s.index)
    use = pd.Series(invalid & values.notna().to_numpy(dtype=bool), index=s.index)
    return s.mask(use, values)


class ReplaceWithLastValidParams(Params):
    source_column: str = column(types=SOURCE_TYPES, description="Column whose invalid values are replaced")
    column_data_type: Literal["number", "integer", "boolean", "date"] = Field(
        "number", description="Type the text values must be readable as to be valid"
    )


class ReplaceWithLastValid(Operation):
    """Replace invalid text values with the last valid value above them (source order)."""

    id = "replace_with_last_valid"
    kind = Kind.NEIGHBOUR
    category = "Missing"
    title = "Replace with last valid value"
    databrew = ("REPLACE_WITH_LAST_VALID",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.REPLACE_WITH_LAST_VALID.html"
    Params = ReplaceWithLastValidParams

    def window(self, params: ReplaceWithLastValidParams) -> Window:
        return Window(
            Carry.LAST_VALID, params.source_column, valid=_rlv_valid, valid_args=(params.column_data_type,)
        )

    def apply(self, params: ReplaceWithLastValidParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        out = _rlv_replace(frame[col], params.column_data_type, fitted.get("carry"))
        return frame if out is frame[col] else frame.assign(**{col: out})

    def describe(self, params: ReplaceWithLastValidParams) -> str:
        return (
            f"Replace values of {params.source_column} that are not a valid {params.column_data_type} "
            "with the last valid value above"
        )

    def to_code(self, params: ReplaceWithLastValidParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        helpers = "\n\n".join(inspect.getsource(f) for f in (_ri_invalid, _rlv_valid, _rlv_replace))
        return f"{helpers}\n\ndf[{col!r}] = _rlv_replace(df[{col!r}], {params.column_data_type!r})"


OPERATION = ReplaceWithLastValid()

"""MASK_CUSTOM: mask the occurrences of a custom value (literal or regular expression).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_CUSTOM.html

Semantics
---------
- Every occurrence of ``custom_value`` in each of ``source_columns`` is masked: each of its
  characters becomes ``mask_symbol`` (``"call 555-1234"``, value ``"555"``, symbol ``"#"``
  gives ``"call ###-1234"``). The page does not say whether a match becomes one symbol or one
  symbol per character; Brewdesk keeps the length (one symbol per character), like the other
  MASK_* steps.
- With ``regex`` true, ``custom_value`` is a Python regular expression (see
  :func:`~brewdesk.recipes.ops._plumbing.check_regex`); every non-overlapping match is masked,
  character by character. An empty match masks nothing. With ``regex`` false (the default) it is
  literal text.
- ``mask_symbol`` defaults to ``"#"`` and may be several characters (repeated per masked
  character).
- Missing stays missing. The columns are changed in place; they must be text or category, and
  a category column gives a string column.
- DataBrew's ``sourceColumns`` is accepted as a real JSON array or as a JSON-encoded string and
  written back as a JSON-encoded string. ``entityTypeFilter`` (PII detection) is not supported:
  a recipe using it is refused on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.masking import _bp_mask_custom
from brewdesk.recipes.model.types import STRING_DTYPE, Schema
from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import KernelCall, check_regex, databrew_error
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    as_bool,
    check_columns,
    columns,
    json_list,
    to_databrew_string,
)
from pydantic import Field


class MaskOperation(KernelCall, Operation):
    """Base of the MASK_* steps: each of ``source_columns`` (text) is masked in place.

    Subclasses declare the ``kernel`` masking a ``string[pyarrow]`` Series and its
    :meth:`arguments` (:class:`KernelCall`): the same call masks in ``apply()`` and in the
    exported code.
    """

    kind = Kind.ROW
    category = "PII"

    def check(self, params: Any, schema: Schema) -> None:
        """Extra validation without data (raise :class:`StepProblem`)."""


    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params, schema)
        for c in params.source_columns:
            schema = schema.with_column(c, "string")
        return schema

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = frame.copy(deep=False)
        for c in params.source_columns:
            out[c] = self.kernel_result(params, frame[c].astype(STRING_DTYPE)).astype(STRING_DTYPE)
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        lines = [f"for _c in {list(params.source_columns)!r}:"]
        lines.append("    _s = df[_c].astype('string[pyarrow]')")
        lines.append(f"    df[_c] = {self.kernel_code(params, '_s')}.astype('string[pyarrow]')")
        return "\n".join(lines)

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if json_list(parameters.get("entityTypeFilter")):
            raise databrew_error(f"{operation}: entityTypeFilter (PII entity detection) is not supported")
        if "sourceColumns" in parameters:
            cols = json_list(parameters["sourceColumns"])
        else:
            cols = [parameters["sourceColumn"]]
        out: dict[str, Any] = {"source_columns": cols}
        out.update(self.extra_from_databrew(parameters))
        return out

    def extra_from_databrew(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        """The params other than ``source_columns``."""
        raise NotImplementedError

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        out: dict[str, str] = {"sourceColumns": to_databrew_string(list(params.source_columns))}
        out.update(self.extra_to_databrew(params))
        return self.databrew[0], out

    def extra_to_databrew(self, params: Any) -> dict[str, str]:
        raise NotImplementedError


class MaskCustomParams(Params):
    source_columns: list[str] = columns(types=TEXT_TYPES, description="Text columns to mask")
    custom_value: str = Field(min_length=1, description="Text (or regular expression) to mask")
    regex: bool = Field(False, description="custom_value is a regular expression")
    mask_symbol: str = Field("#", min_length=1, description="Symbol replacing each masked character")


class MaskCustom(MaskOperation):
    """Mask every occurrence of ``custom_value`` with ``mask_symbol``, character by character."""

    id = "mask_custom"
    title = "Mask custom value"
    databrew = ("MASK_CUSTOM",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_CUSTOM.html"
    Params = MaskCustomParams

    def check(self, params: Any, schema: Schema) -> None:
        if params.regex:
            check_regex(params.custom_value, "custom_value")

    kernel = staticmethod(_bp_mask_custom)

    def arguments(self, params: Any) -> tuple[Any, ...]:
        return (params.custom_value, params.mask_symbol, params.regex)

    def describe(self, params: Any) -> str:
        kind = "pattern" if params.regex else "value"
        return f"Mask {kind} {params.custom_value!r} with {params.mask_symbol!r} in {', '.join(params.source_columns)}"

    def extra_from_databrew(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"custom_value": parameters.get("customValue", "")}
        if "regex" in parameters:
            out["regex"] = as_bool(parameters["regex"])
        if parameters.get("maskSymbol") not in (None, ""):
            out["mask_symbol"] = parameters["maskSymbol"]
        return out

    def extra_to_databrew(self, params: Any) -> dict[str, str]:
        return {
            "customValue": params.custom_value,
            "regex": to_databrew_string(params.regex),
            "maskSymbol": params.mask_symbol,
        }


OPERATION = MaskCustom()

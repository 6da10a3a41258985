"""Bases of the operations turning one column into one column (not an operation: the registry
skips ``_`` modules): :class:`MapOperation` and :class:`TextMapOperation`, and
:class:`SourceColumnsParams`, params with a list of source columns that also take a lone one.

Placement rule (DataBrew's pages are silent): a created column is placed right after the first
column the step reads; a step that reads no column appends it at the end. A target equal to an
existing column the step reads overwrites that column in place (:mod:`._plumbing`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import STRING_DTYPE, Schema
from brewdesk.recipes.ops._plumbing import (
    KernelCall,
    place,
    place_code,
    place_schema,
)
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns
from pydantic import model_validator

TEXT_TYPES: tuple[str, ...] = ("string", "category")
"""Column types the text operations accept (a category column comes out as string)."""


class MapOperation(KernelCall, Operation):
    """Base of operations turning ``source_column`` into one column, in place or into
    ``target_column`` (placed right after the source) when the params have one and it is set.

    Subclasses declare a ``kernel`` (:class:`KernelCall`: it does both :meth:`transform` and
    :meth:`expr`) or define :meth:`transform` (pandas, vectorized: a kernel call) and :meth:`expr`
    (the same call as exported code); and, when the type changes, :meth:`out_type`.
    """

    kind = Kind.ROW

    def out_type(self, params: Any, in_type: str) -> str:
        """Logical type of the result, given the source's."""
        return "string" if in_type == "category" else in_type

    def check(self, params: Any, schema: Schema) -> None:
        """Extra validation without data (raise :class:`StepProblem`)."""

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return self.kernel_result(params, s)

    def expr(self, params: Any, src: str) -> str:
        """Exported-code expression of :meth:`transform`, ``src`` being the source expression."""
        return self.kernel_code(params, src)

    def _target(self, params: Any) -> str:
        return getattr(params, "target_column", None) or params.source_column

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params, schema)
        out = self.out_type(params, schema[params.source_column])
        return place_schema(schema, self._target(params), out, params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        s = frame[params.source_column]
        values = self.transform(params, s)
        return place(frame, self._target(params), values, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        src = f"df[{params.source_column!r}]"
        return place_code(self._target(params), self.expr(params, src), params.source_column)


class TextMapOperation(MapOperation):
    """A :class:`MapOperation` on text: the source is read as string (categories included); the
    ``kernel`` (or :meth:`text` / :meth:`text_expr`) gets that text."""

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return self.text(params, s.astype(STRING_DTYPE))

    def text(self, params: Any, s: pd.Series) -> pd.Series:
        return self.kernel_result(params, s)

    def expr(self, params: Any, src: str) -> str:
        return self.text_expr(params, f"{src}.astype('string[pyarrow]')")

    def text_expr(self, params: Any, src: str) -> str:
        return self.kernel_code(params, src)

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"


def describe_target(params: Any) -> str:
    """`` into X`` when the step writes to another column."""
    target = getattr(params, "target_column", None)
    return f" into {target}" if target and target != params.source_column else ""


class SourceColumnsParams(Params):
    """Base of params with a ``source_columns`` list that also take a lone ``source_column`` (the
    single-column form of DataBrew's steps and of older recipes), read as a one-column list."""

    @model_validator(mode="before")
    @classmethod
    def _one_column(cls, data: Any) -> Any:
        if isinstance(data, dict) and "source_column" in data and "source_columns" not in data:
            data = {**data}
            data["source_columns"] = [data.pop("source_column")]
        return data

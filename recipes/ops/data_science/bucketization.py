"""BUCKETIZATION: the bucket (named range) a number falls in, in a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BUCKETIZATION.html

Semantics
---------
- ``splits`` are increasing split points (``-Infinity`` / ``Infinity`` allowed, as in DataBrew's
  JSON); ``bucket_names`` has one name per bucket, so one fewer than ``splits``. Bucket ``i`` is
  ``splits[i] <= x < splits[i + 1]``; the last bucket also includes its upper split (Spark's
  ``Bucketizer``, which DataBrew runs on; DataBrew's page does not spell it out).
- A value outside ``[splits[0], splits[-1]]`` and a missing value give a missing bucket
  (Spark would fail the job; documented choice).
- The result is text (the bucket names) in the new ``target_column`` right after the source.
- Only explicit ``splits`` are supported: DataBrew's ``percentage`` form (buckets by quantile)
  is refused on import.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.mapping import _bm_bucket
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import NUMERIC_TYPES
from brewdesk.recipes.ops._plumbing import databrew_error, place, place_code, place_schema
from brewdesk.recipes.ops.base import Kind, Operation, Params, check_columns, column, new_column
from pydantic import Field, model_validator


class BucketizationParams(Params):
    source_column: str = column(types=NUMERIC_TYPES, description="Numeric column")
    target_column: str = new_column(description="New column with the bucket names")
    splits: list[float] = Field(min_length=2, description="Increasing split points (-Infinity / Infinity allowed)")
    bucket_names: list[str] = Field(min_length=1, description="One name per bucket (one fewer than splits)")

    @model_validator(mode="after")
    def _check(self) -> BucketizationParams:
        if any(math.isnan(s) for s in self.splits):
            raise ValueError("splits must be numbers")
        if any(b <= a for a, b in zip(self.splits, self.splits[1:], strict=False)):
            raise ValueError("splits must be strictly increasing")
        if len(self.bucket_names) != len(self.splits) - 1:
            raise ValueError(
                f"{len(self.splits)} splits make {len(self.splits) - 1} buckets, "
                f"but {len(self.bucket_names)} bucket names are given"
            )
        return self


class Bucketization(Operation):
    """Name the range each number falls in."""

    id = "bucketization"
    kind = Kind.ROW
    category = "Encode"
    title = "Bucketization (binning)"
    databrew = ("BUCKETIZATION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BUCKETIZATION.html"
    Params = BucketizationParams

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        return place_schema(schema, params.target_column, "string", params.source_column)

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        out = _bm_bucket(frame[params.source_column], list(params.splits), list(params.bucket_names))
        return place(frame, params.target_column, out, params.source_column)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        splits = "[" + ", ".join(
            "float('inf')" if s == math.inf else "float('-inf')" if s == -math.inf else repr(s) for s in params.splits
        ) + "]"
        expr = f"_bm_bucket(df[{col!r}], {splits}, {list(params.bucket_names)!r})"
        return place_code(params.target_column, expr, col)

    def describe(self, params: Any) -> str:
        return f"Bucket {params.source_column} into {', '.join(params.bucket_names)} in {params.target_column}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        if "splits" not in parameters:
            raise databrew_error("BUCKETIZATION by percentage is not supported; give explicit splits")
        return super().from_databrew(operation, parameters)

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return "BUCKETIZATION", {
            "sourceColumn": params.source_column,
            "targetColumn": params.target_column,
            "splits": json.dumps(params.splits),
            "bucketNames": json.dumps(params.bucket_names),
        }


OPERATION = Bucketization()

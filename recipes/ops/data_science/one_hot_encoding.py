"""ONE_HOT_ENCODING: one 0/1 column per distinct value of a column (at most 10 values).

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ONE_HOT_ENCODING.html

Semantics
---------
- For each value ``v`` of ``source_column``, a new ``int64`` column named ``<source>_<v>``
  holds 1 on the rows whose value is ``v`` and 0 elsewhere; the new columns follow the source
  column, in the order of ``categories``; the source column is kept.
- A missing source value gives 0 in every new column (it is none of the values; DataBrew's page
  does not say; documented choice, as ``pandas.get_dummies``).
- At most 10 distinct values, DataBrew's limit: more is an error naming the count.
- Values are matched as text (``1`` in an integer column makes ``<source>_1``; booleans make
  ``<source>_True`` / ``<source>_False``).

The columns a step creates are its ``categories``
-----------------------------------------------------
The output schema depends on the data's distinct values, but a schema must be known without
data (docs/architecture.md section 3). So the step stores them: ``categories`` lists the values, and the
app's step form fills it from the sample as it is before the step (``from_sample``, the
"Fill from sample" button; automatically once the source column is picked and the categories
are empty). A step without categories (for example one
imported from DataBrew, whose step has only ``sourceColumn``) is a validation problem naming
the fix, never a silently different schema. Brewdesk exports the categories as an extra
parameter ``categories`` (a JSON list, as PIVOT's ``pivotValues``), so a DataBrew round trip
keeps the step whole.

At run time the step also requests the whole-dataset ``distinct`` values: a value that is not
among the stored categories (the full data has more than the sample had) is an error asking
to update the categories, so every partition produces the same columns or the run stops.
Stored categories absent from the data give all-zero columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.mapping import _bm_one_hot, _bm_one_hot_categories, _bm_one_hot_keys
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.stats import compute_on_frame
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import fitted_lines, literal, require_column
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Stat,
    StepProblem,
    check_columns,
    column,
    insert_after,
    to_databrew_string,
)
from pydantic import Field, field_validator

MAX_VALUES = 10
"""DataBrew's limit on the distinct values of a one-hot encoded column."""

SOURCE_TYPES = ("string", "int64", "boolean", "category")


class OneHotEncodingParams(Params):
    source_column: str = column(types=SOURCE_TYPES, description="Column with at most 10 distinct values")
    categories: list[str] | None = Field(
        None,
        max_length=MAX_VALUES,
        description="The values to make columns for, in order (filled from the data when the step is created)",
    )

    @field_validator("categories")
    @classmethod
    def _unique(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and len(set(v)) != len(v):
            dup = next(x for x in v if v.count(x) > 1)
            raise ValueError(f"category {dup!r} is listed twice")
        return v


def value_keys(values: Sequence[Any], dtype: Any) -> list[str]:
    """The text form of column values (as the step matches them), in order (the kernel
    :func:`_bm_one_hot_keys`)."""
    return _bm_one_hot_keys(values, dtype)


def with_categories(params: OneHotEncodingParams, values: Sequence[Any], dtype: Any) -> OneHotEncodingParams:
    """Params with ``categories`` set from the column's distinct values (for the app/engine).

    Raises
    ------
    StepError
        When there are more than 10 values.
    """
    keys = value_keys(values, dtype)
    _check_count(params.source_column, keys)
    return params.model_copy(update={"categories": keys})


def _check_count(col: str, keys: Sequence[str]) -> None:
    if len(keys) > MAX_VALUES:
        shown = ", ".join(keys[:5])
        raise StepError(
            f"column '{col}' has {len(keys)} distinct values ({shown}, ...); one-hot encoding takes "
            f"at most {MAX_VALUES}",
            hint="group rare values first, or use categorical mapping",
        )


def new_names(params: OneHotEncodingParams, categories: Sequence[str]) -> list[str]:
    """``<source>_<value>`` for every category."""
    return [f"{params.source_column}_{c}" for c in categories]


class OneHotEncoding(Operation):
    """One 0/1 ``int64`` column per value of a column with at most 10 distinct values."""

    id = "one_hot_encoding"
    kind = Kind.FIT_MAP
    category = "Encode"
    title = "One-hot encode"
    databrew = ("ONE_HOT_ENCODING",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.ONE_HOT_ENCODING.html"
    Params = OneHotEncodingParams
    sample_fields = ("categories",)

    def from_sample(self, params: OneHotEncodingParams, frame: pd.DataFrame) -> OneHotEncodingParams:
        """``categories``: the sorted distinct values of ``source_column`` in ``frame`` (as the
        whole-dataset ``distinct`` statistic orders them); more than 10 is a StepError."""
        distinct = compute_on_frame({"d": Stat("distinct", params.source_column)}, frame)["d"]
        return with_categories(params, distinct, frame[params.source_column].dtype)

    def columns(self, params: OneHotEncodingParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        if params.categories is None:
            raise StepProblem(
                f"one-hot encoding needs the values of '{params.source_column}' to name its new "
                "columns; press 'Fill from sample' in the step's form (it reads them from the data "
                "before the step) or list them in the step's categories",
                field="categories",
            )
        after = params.source_column
        for name in new_names(params, params.categories):
            if name in schema:
                raise StepProblem(f"column '{name}' already exists", field="categories")
            schema = schema.with_column(name, "int64", after=after)
            after = name
        return schema

    def stats(self, params: OneHotEncodingParams, schema: Schema) -> dict[str, Stat]:
        require_column(schema, params.source_column)
        return {"distinct": Stat("distinct", params.source_column)}

    def apply(self, params: OneHotEncodingParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        col = params.source_column
        s = frame[col]
        distinct = fitted.get("distinct")
        if distinct is not None:
            _check_count(col, value_keys(distinct, s.dtype))  # its own hint
        try:
            categories = _bm_one_hot_categories(col, s.dtype, params.categories, distinct, MAX_VALUES)
        except ValueError as e:
            hint = "update the step's categories from the whole dataset" if distinct is not None else None
            raise StepError(str(e), hint=hint) from None
        out = frame
        after = col
        for name, values in zip(new_names(params, categories), _bm_one_hot(s, categories), strict=True):
            out = insert_after(out, name, values, after)
            after = name
        return out

    def describe(self, params: OneHotEncodingParams) -> str:
        if params.categories:
            n = len(params.categories)
            return f"One-hot encode {params.source_column} into {n} column{'s' * (n != 1)}"
        return f"One-hot encode {params.source_column}"

    def to_code(self, params: OneHotEncodingParams, fitted: Mapping[str, Any]) -> str:
        col = params.source_column
        ref = f"df[{col!r}]"
        categories = None if params.categories is None else list(params.categories)
        lines = fitted_lines({"distinct": Stat("distinct", col)}, fitted)
        lines += [
            f"_categories = _bm_one_hot_categories({col!r}, {ref}.dtype, {literal(categories)}, _distinct, {MAX_VALUES})",
            f"for _i, (_cat, _v) in enumerate(zip(_categories, _bm_one_hot({ref}, _categories))):",
            f"    df.insert(df.columns.get_loc({col!r}) + 1 + _i, {col + '_'!r} + _cat, _v)",
        ]
        return "\n".join(lines)

    def to_databrew(self, params: OneHotEncodingParams) -> tuple[str, dict[str, str]]:
        out = {"sourceColumn": params.source_column}
        if params.categories is not None:  # Brewdesk's extra parameter, as PIVOT's pivotValues
            out["categories"] = to_databrew_string(params.categories)
        return "ONE_HOT_ENCODING", out


OPERATION = OneHotEncoding()

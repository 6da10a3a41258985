"""Helpers shared by the row operations (not an operation: the registry skips ``_`` modules).

This module is the one place operations import the shared row helpers from; it keeps
``from brewdesk.recipes.ops._common import X`` working for every name, while the code lives in
sibling modules by theme:

``_bd_*`` functions
    Plain pandas/numpy/pyarrow functions that *are* the implementation of a conversion:
    :mod:`._common_types` (type casts, missing cells), :mod:`._common_numbers` (rounding,
    arithmetic), :mod:`._common_text` (case changes, splitting, merging) and
    :mod:`._common_dates` (date differences, datetimes and times from parts) and
    :mod:`._common_random` (the SplitMix64 hash of the reproducible random numbers, which the
    RANDOM and PII random helpers call). ``apply()`` calls
    them, and ``to_code()`` exports their source text (:data:`HELPER_SOURCES`, generated here from
    those modules by ``python -m brewdesk.recipes.ops._common`` and kept identical to the
    functions by ``tests/recipes/test_common_helpers.py``), so the exported script and the engine
    run the same code. They only use ``pd``, ``np``, ``re`` and pyarrow, never each other.
Operation plumbing
    Placement of created columns, operands given as "a column or a literal" and DataBrew
    parameter decoding (:mod:`._common_plumbing`), DataBrew/Java date patterns
    (:mod:`._common_dates`), regular-expression checks (:mod:`._common_text`), and here the bases
    :class:`MapOperation`/:class:`TextMapOperation` (one column into one column),
    :class:`ReorderOperation`, :class:`ArithmeticOperation` and :class:`DatePartOperation`.

Placement rule (DataBrew's pages are silent): a created column is placed right after the first
column the step reads; a step that reads no column appends it at the end. A target equal to an
existing column the step reads overwrites that column in place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from types import ModuleType
from typing import Any, ClassVar

import pandas as pd
from brewdesk.recipes.ops import (
    _common_dates,
    _common_numbers,
    _common_random,
    _common_text,
    _common_types,
)
from brewdesk.recipes.ops._common_dates import _JAVA_LETTERS as _JAVA_LETTERS
from brewdesk.recipes.ops._common_dates import _bd_date_diff as _bd_date_diff
from brewdesk.recipes.ops._common_dates import _bd_make_datetime as _bd_make_datetime
from brewdesk.recipes.ops._common_dates import _bd_time as _bd_time
from brewdesk.recipes.ops._common_dates import java_to_strftime, strftime_or_problem
from brewdesk.recipes.ops._common_numbers import _bd_arith
from brewdesk.recipes.ops._common_numbers import _bd_round as _bd_round
from brewdesk.recipes.ops._common_plumbing import _literal_dtype as _literal_dtype
from brewdesk.recipes.ops._common_plumbing import (
    check_one_of,
    databrew_error,
    databrew_operands,
    decode_json,
    first_column,
    operand,
    operand_code,
    operand_type,
    operands_to_databrew,
    place,
    place_code,
    place_schema,
)
from brewdesk.recipes.ops._common_random import _bd_splitmix as _bd_splitmix
from brewdesk.recipes.ops._common_text import _bd_capital as _bd_capital
from brewdesk.recipes.ops._common_text import _bd_merge as _bd_merge
from brewdesk.recipes.ops._common_text import _bd_sentence as _bd_sentence
from brewdesk.recipes.ops._common_text import _bd_split as _bd_split
from brewdesk.recipes.ops._common_text import check_regex
from brewdesk.recipes.ops._common_types import _bd_convert
from brewdesk.recipes.ops._common_types import _bd_missing as _bd_missing
from brewdesk.recipes.ops._generated import function_sources, rewrite_sources
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    check_columns,
    column,
    new_column,
)
from brewdesk.recipes.types import STRING_DTYPE, Schema
from pydantic import Field, model_validator

TEXT_TYPES: tuple[str, ...] = ("string", "category")
"""Column types the text operations accept (a category column comes out as string)."""
DATE_SOURCE_TYPES: tuple[str, ...] = ("datetime", "string", "category")
"""Column types the date functions accept (text is parsed first)."""

HELPER_MODULES: tuple[ModuleType, ...] = (
    _common_types,
    _common_numbers,
    _common_text,
    _common_dates,
    _common_random,
)
"""The modules holding the ``_bd_*`` helpers, in the order :data:`HELPER_SOURCES` lists them."""

__all__ = [
    "DATE_SOURCE_TYPES",
    "HELPER_MODULES",
    "HELPER_SOURCES",
    "TEXT_TYPES",
    "ArithmeticOperation",
    "BinaryParams",
    "DatePartOperation",
    "DatePartParams",
    "MapOperation",
    "ReorderOperation",
    "SourceColumnsParams",
    "TextMapOperation",
    "check_one_of",
    "check_regex",
    "databrew_error",
    "databrew_operands",
    "decode_json",
    "describe_target",
    "first_column",
    "helper_code",
    "helper_sources",
    "java_to_strftime",
    "operand",
    "operand_code",
    "operand_type",
    "operands_to_databrew",
    "part_operands",
    "parts_after",
    "parts_from_databrew",
    "parts_to_databrew",
    "place",
    "place_code",
    "place_schema",
    "shared_helper_code",
    "strftime_or_problem",
]


# =========================================================================== helper sources
def helper_code(*names: str) -> str:
    """Source text of the named ``_bd_*`` helpers, for ``to_code()`` (definitions then a blank line)."""
    return "\n\n".join(HELPER_SOURCES[n] for n in names) + "\n\n"


def helper_sources() -> dict[str, str]:
    """Each ``_bd_*`` helper's source text as it is in its module (what :data:`HELPER_SOURCES` must equal)."""
    out: dict[str, str] = {}
    for module in HELPER_MODULES:
        out.update(function_sources(vars(module), "_bd_", module.__name__))
    return out


def shared_helper_code(*sources: str) -> str:
    """Source text of the ``_bd_*`` helpers that the given helper sources (of another module's
    helpers) call, for ``to_code()`` to paste before them; empty when they call none."""
    called = set(re.findall(r"\b_bd_\w+", "".join(sources)))
    names = [n for n in HELPER_SOURCES if n in called]
    return helper_code(*names) if names else ""


# =========================================================================== one column -> one
class MapOperation(Operation):
    """Base of operations turning ``source_column`` into one column, in place or into
    ``target_column`` (placed right after the source) when the params have one and it is set.

    Subclasses define :meth:`transform` (pandas, vectorized), :meth:`expr` (the same as exported
    code) and, when the type changes, :meth:`out_type`.
    """

    kind = Kind.ROW
    helpers: ClassVar[tuple[str, ...]] = ()
    """Names of ``_bd_*`` helpers the exported code needs."""

    def out_type(self, params: Any, in_type: str) -> str:
        """Logical type of the result, given the source's."""
        return "string" if in_type == "category" else in_type

    def check(self, params: Any, schema: Schema) -> None:
        """Extra validation without data (raise :class:`StepProblem`)."""

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        raise NotImplementedError

    def expr(self, params: Any, src: str) -> str:
        """Exported-code expression of :meth:`transform`, ``src`` being the source expression."""
        raise NotImplementedError

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
        prelude = helper_code(*self.helpers) if self.helpers else ""
        src = f"df[{params.source_column!r}]"
        return prelude + place_code(self._target(params), self.expr(params, src), params.source_column)


class TextMapOperation(MapOperation):
    """A :class:`MapOperation` on text: the source is read as string (categories included)."""

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        return self.text(params, s.astype(STRING_DTYPE))

    def text(self, params: Any, s: pd.Series) -> pd.Series:
        raise NotImplementedError

    def expr(self, params: Any, src: str) -> str:
        return self.text_expr(params, f"{src}.astype('string[pyarrow]')")

    def text_expr(self, params: Any, src: str) -> str:
        raise NotImplementedError

    def out_type(self, params: Any, in_type: str) -> str:
        return "string"


def parts_from_databrew(operation: str, parts: tuple[str, ...], parameters: Mapping[str, Any]) -> dict[str, Any]:
    """DATE_TIME / TIME ``dateTimeParameters`` (``{"hour": {"sourceColumn": "h"}, ...}``) to params.

    Raises
    ------
    RecipeFormatError
        When ``dateTimeParameters`` is not a JSON object.
    """
    spec = decode_json(parameters.get("dateTimeParameters", {}))
    if not isinstance(spec, dict):
        raise databrew_error(f"{operation}: dateTimeParameters must be a JSON object")
    out: dict[str, Any] = {"target_column": parameters["targetColumn"]}
    for p in parts:
        v = spec.get(p)
        if isinstance(v, dict) and v.get("sourceColumn"):
            out[f"{p}_column"] = v["sourceColumn"]
        elif isinstance(v, dict) and v.get("value") not in (None, ""):
            out[p] = int(v["value"])
    if parameters.get("dateTimeFormat"):
        out["date_time_format"] = parameters["dateTimeFormat"]
    return out


def parts_to_databrew(params: Any, parts: tuple[str, ...]) -> dict[str, str]:
    """The ``dateTimeParameters`` and ``targetColumn`` of DATE_TIME / TIME from params."""
    spec: dict[str, Any] = {}
    for p in parts:
        col, v = getattr(params, f"{p}_column"), getattr(params, p)
        if col is not None:
            spec[p] = {"sourceColumn": col}
        elif v is not None:
            spec[p] = {"value": str(v)}
    return {"dateTimeParameters": json.dumps(spec), "targetColumn": params.target_column}


PART_TYPES = ("int64", "float64", "string")
"""Column types a DATE, DATE_TIME or TIME part may come from (text is read as a number)."""


def part_column(part: str) -> Any:
    """The ``<part>_column`` field of DATE, DATE_TIME and TIME: an optional column of the part."""
    from brewdesk.recipes.ops.base import column

    return column(None, types=PART_TYPES, description=f"Column holding the {part}")


def part_value(part: str) -> Any:
    """The ``<part>`` field of DATE, DATE_TIME and TIME: the part as a literal number instead."""
    from pydantic import Field

    return Field(None, description=f"The {part} as a number (instead of a column)")


def parts_after(params: Any, parts: tuple[str, ...]) -> str | None:
    """The first ``<part>_column`` given (DATE, DATE_TIME and TIME place their result right
    after it), ``None`` when every part is a literal."""
    return first_column(*(getattr(params, f"{p}_column") for p in parts))


def part_operands(params: Any, parts: tuple[str, ...], frame: pd.DataFrame | None) -> list[Any]:
    """The parts of DATE, DATE_TIME and TIME for ``_bd_make_datetime`` / ``_bd_time``.

    Each part is its column ``<part>_column`` or its literal ``<part>`` (0 when neither is given):
    Series and numbers over ``frame``, or their exported-code expressions (over ``df``) when
    ``frame`` is ``None``. When every part is a literal, the first becomes an ``Int64`` Series
    over the frame's rows, so the helper gives one value per row.
    """
    out: list[Any] = []
    for p in parts:
        col, value = getattr(params, f"{p}_column"), getattr(params, p)
        value = 0 if value is None else value
        if col is not None:
            out.append(frame[col] if frame is not None else f"df[{col!r}]")
        else:
            out.append(value if frame is not None else repr(value))
    if parts_after(params, parts) is None:
        out[0] = (
            pd.Series([out[0]] * len(frame), index=frame.index, dtype="Int64")
            if frame is not None
            else f"pd.Series([{out[0]}] * len(df), index=df.index, dtype='Int64')"
        )
    return out


def describe_target(params: Any) -> str:
    """`` into X`` when the step writes to another column."""
    target = getattr(params, "target_column", None)
    return f" into {target}" if target and target != params.source_column else ""


class ReorderOperation(Operation):
    """Base of the MOVE_* operations: a new column order computed from the names alone."""

    kind = Kind.ROW
    category = "Column"

    def order(self, params: Any, names: list[str]) -> list[str]:
        """The new order of ``names`` (a permutation)."""
        raise NotImplementedError

    def order_code(self, params: Any) -> str:
        """Exported-code expression of the new order (``df``'s columns as a list)."""
        raise NotImplementedError

    def check(self, params: Any, schema: Schema) -> None:
        """Extra validation without data."""

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        self.check(params, schema)
        return schema.reordered(self.order(params, schema.names))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        names = [str(c) for c in frame.columns]
        return frame.loc[:, self.order(params, names)]

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        return f"df = df[{self.order_code(params)}]"


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


class BinaryParams(Params):
    """Two operands, each a numeric column or a literal number, and the new column."""

    source_column1: str | None = column(None, types=("int64", "float64"), description="First operand column")
    value1: int | float | None = Field(None, description="First operand value (instead of a column)")
    source_column2: str | None = column(None, types=("int64", "float64"), description="Second operand column")
    value2: int | float | None = Field(None, description="Second operand value (instead of a column)")
    target_column: str = new_column(description="New column")

    @model_validator(mode="after")
    def _operands(self) -> BinaryParams:
        check_one_of(self, "source_column1", "value1")
        check_one_of(self, "source_column2", "value2")
        return self


class ArithmeticOperation(Operation):
    """Base of ADD, SUBTRACT, MULTIPLY, DIVIDE and MOD (:func:`_bd_arith`)."""

    kind = Kind.ROW
    category = "Functions"
    symbol: ClassVar[str]
    int_result: ClassVar[bool] = True

    @property
    def op_name(self) -> str:
        return self.databrew[0]

    def _after(self, params: Any) -> str | None:
        return first_column(params.source_column1, params.source_column2)

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        types = {operand_type(schema, params.source_column1, params.value1),
                 operand_type(schema, params.source_column2, params.value2)}
        out = "int64" if self.int_result and types == {"int64"} else "float64"
        return place_schema(schema, params.target_column, out, self._after(params))

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        a = operand(frame, params.source_column1, params.value1)
        b = operand(frame, params.source_column2, params.value2)
        return place(frame, params.target_column, _bd_arith(a, b, self.op_name), self._after(params))

    def describe(self, params: Any) -> str:
        a = params.source_column1 if params.source_column1 is not None else repr(params.value1)
        b = params.source_column2 if params.source_column2 is not None else repr(params.value2)
        return f"{params.target_column} = {a} {self.symbol} {b}"

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        a = operand_code(params.source_column1, params.value1)
        b = operand_code(params.source_column2, params.value2)
        expr = f"_bd_arith({a}, {b}, {self.op_name!r})"
        return helper_code("_bd_arith") + place_code(params.target_column, expr, self._after(params))

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        return {**databrew_operands(parameters), "target_column": parameters["targetColumn"]}

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        return self.op_name, {**operands_to_databrew(params), "targetColumn": params.target_column}


class DatePartParams(Params):
    """A date part function's params: a datetime (or date text) column into a new column."""

    source_column: str = column(types=DATE_SOURCE_TYPES, description="Datetime column (or date text)")
    target_column: str = new_column(description="New column")
    date_time_format: str | None = Field(
        None, description="Pattern of a text column's dates, e.g. dd/MM/yyyy (default ISO 8601)"
    )


class DatePartOperation(MapOperation):
    """Base of YEAR, MONTH, DAY, HOUR, MINUTE, WEEK_DAY: an integer part of a datetime.

    A text column is parsed first: with ``date_time_format`` when given, else as ISO 8601;
    text that does not parse gives missing.
    """

    category = "Functions"
    helpers = ("_bd_convert",)
    part: ClassVar[str]
    """pandas ``Series.dt`` attribute."""
    offset: ClassVar[int] = 0

    def out_type(self, params: Any, in_type: str) -> str:
        return "int64"

    def check(self, params: Any, schema: Schema) -> None:
        strftime_or_problem(params.date_time_format, "date_time_format")

    def transform(self, params: Any, s: pd.Series) -> pd.Series:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        value = getattr(_bd_convert(s, "datetime", fmt).dt, self.part).astype("Int64")
        return value + self.offset if self.offset else value

    def expr(self, params: Any, src: str) -> str:
        fmt = strftime_or_problem(params.date_time_format, "date_time_format")
        plus = f" + {self.offset}" if self.offset else ""
        return f"_bd_convert({src}, 'datetime', {fmt!r}).dt.{self.part}.astype('Int64'){plus}"

    def describe(self, params: Any) -> str:
        return f"{self.title} of {params.source_column} into {params.target_column}"


def _regenerate() -> None:
    """Rewrite :data:`HELPER_SOURCES` from the ``_bd_*`` functions of :data:`HELPER_MODULES` (run
    this module after editing or adding one; re-export a new one above)."""
    rewrite_sources(__file__, helper_sources(), command="python -m brewdesk.recipes.ops._common")


# --- generated: HELPER_SOURCES (python -m brewdesk.recipes.ops._common)
HELPER_SOURCES: dict[str, str] = {
    '_bd_convert': 'def _bd_convert(s, to, fmt=None):\n    """Convert a column the way CHANGE_DATA_TYPE does; values that do not convert become missing.\n\n    ``to``: int64/long/int/short/byte, float64/double/float/decimal/number, string, boolean,\n    datetime/timestamp, date. ``fmt``: strftime pattern for text <-> datetime (default: ISO 8601\n    when parsing, ``%Y-%m-%d %H:%M:%S`` plus nonzero fractions when formatting).\n    """\n    na = s.isna().to_numpy(dtype=bool)\n    if isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == object:\n        s = s.astype("string[pyarrow]")\n    idx = s.index\n    is_bool = pd.api.types.is_bool_dtype(s.dtype)\n    is_dt = pd.api.types.is_datetime64_any_dtype(s.dtype)\n    is_text = pd.api.types.is_string_dtype(s.dtype)\n    ints = {"byte": 7, "short": 15, "int": 31, "long": 63, "int64": 63}\n    if to == "string":\n        if is_bool:\n            flags = s.fillna(False).to_numpy(dtype=bool)\n            out = pd.Series(np.where(flags, "true", "false"), index=idx, dtype="string[pyarrow]")\n        elif is_dt:\n            import pyarrow as pa\n            import pyarrow.compute as pc\n\n            v = np.where(na, np.datetime64(0, "us"), s.to_numpy(dtype="datetime64[us]"))\n            t = pd.Series(v, index=idx).dt\n            months = ["January", "February", "March", "April", "May", "June", "July", "August",\n                      "September", "October", "November", "December"]\n            days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]\n            tables = {}\n            pieces = []\n            for part in re.split(r"(%.)", fmt or "%Y-%m-%d %H:%M:%S"):\n                if len(part) == 2 and part[0] == "%":\n                    c = part[1]\n                    if c == "%":\n                        pieces.append(pa.scalar("%", pa.large_string()))\n                        continue\n                    if c in "BbAap":\n                        names = {"B": months, "b": [m[:3] for m in months], "A": days,\n                                 "a": [d[:3] for d in days], "p": ["AM", "PM"]}[c]\n                        pos = {"B": t.month - 1, "b": t.month - 1, "A": t.day_of_week,\n                               "a": t.day_of_week, "p": t.hour // 12}[c]\n                        table = pa.array(names, pa.large_string())\n                    else:\n                        num = {"Y": (t.year, 4), "y": (t.year % 100, 2), "m": (t.month, 2),\n                               "d": (t.day, 2), "H": (t.hour, 2), "I": ((t.hour + 11) % 12 + 1, 2),\n                               "M": (t.minute, 2), "S": (t.second, 2), "f": (t.microsecond, 6),\n                               "j": (t.day_of_year, 3)}.get(c)\n                        if num is None:\n                            raise ValueError(f"unsupported date format code %{c}")\n                        pos, width = num\n                        if width == 6 or not ((pos >= 0) & (pos < 10**width)).all():\n                            piece = pos.astype("string[pyarrow]").str.zfill(width)\n                            pieces.append(pa.array(piece.array, type=pa.large_string()))\n                            continue\n                        if width not in tables:\n                            tables[width] = pa.array([str(i).zfill(width) for i in range(10**width)], pa.large_string())\n                        table = tables[width]\n                    pieces.append(pc.take(table, pa.array(pos.to_numpy(dtype="int64"))))\n                elif part:\n                    pieces.append(pa.scalar(part, pa.large_string()))\n            if not pieces:\n                pieces.append(pa.scalar("", pa.large_string()))\n            if not any(isinstance(p, pa.Array) for p in pieces):\n                pieces.append(pa.array([""] * len(v), pa.large_string()))\n            joined = pc.binary_join_element_wise(*pieces, pa.scalar("", pa.large_string()))\n            out = pd.Series(pd.array(joined, dtype="string[pyarrow]"), index=idx)\n            micro = t.microsecond\n            if fmt is None and (micro != 0).any():\n                frac = ("." + micro.astype("string[pyarrow]").str.zfill(6)).str.rstrip("0")\n                out = out.where(micro == 0, out + frac)\n        else:\n            out = s.astype("string[pyarrow]")\n        return out.mask(na)\n    if to in ("datetime", "timestamp", "date"):\n        if is_bool:\n            raise TypeError("a boolean column cannot become a datetime")\n        if is_dt:\n            out = s.astype("datetime64[us]")\n        elif is_text:\n            parsed = pd.to_datetime(s.str.strip(), format=fmt or "ISO8601", errors="coerce", utc=True)\n            out = parsed.dt.tz_localize(None).astype("datetime64[us]")\n        else:\n            x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)\n            ok = np.isfinite(x) & (np.abs(x) < 9.2e12)\n            us = np.where(ok, np.round(np.where(ok, x, 0) * 1e6), 0).astype("int64")\n            out = pd.Series(us.astype("datetime64[us]"), index=idx).mask(~ok)\n        if to == "date":\n            out = out.dt.floor("D")\n        return out.mask(na)\n    if to == "boolean":\n        if is_dt:\n            raise TypeError("a datetime column cannot become a boolean")\n        if is_bool:\n            return s.astype("boolean")\n        if is_text:\n            t = s.str.strip().str.lower()\n            yes = t.isin(["true", "t", "yes", "y", "1"]).fillna(False).to_numpy(dtype=bool)\n            no = t.isin(["false", "f", "no", "n", "0"]).fillna(False).to_numpy(dtype=bool)\n            return pd.Series(yes, index=idx, dtype="boolean").mask(~(yes | no))\n        x = s.astype("Float64")\n        return (x != 0).astype("boolean").mask(x.isna())\n    if to in ("float64", "double", "float", "decimal", "number"):\n        if is_dt:\n            us = s.to_numpy(dtype="datetime64[us]").astype("int64")\n            return pd.Series(us / 1e6, index=idx, dtype="Float64").mask(na)\n        if is_text:\n            x = pd.to_numeric(s.str.strip(), errors="coerce")\n            x = pd.Series(x, index=idx).astype("Float64")\n            return x.mask(~np.isfinite(x.to_numpy(dtype="float64", na_value=np.nan)))\n        return s.astype("Float64")\n    if to in ints:\n        bits = ints[to]\n        lo, hi = -(2**bits), 2**bits - 1\n        if is_bool or pd.api.types.is_integer_dtype(s.dtype):\n            out = s.astype("Int64")\n        else:\n            if is_dt:\n                x = np.floor(s.to_numpy(dtype="datetime64[us]").astype("int64") / 1e6)\n            elif is_text:\n                text = s.str.strip()\n                x = pd.to_numeric(text, errors="coerce")\n                x = pd.Series(x, index=idx).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)\n            else:\n                x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)\n            x = np.trunc(x)\n            ok = np.isfinite(x) & (x >= float(lo)) & (x < 2.0**bits)\n            out = pd.Series(np.where(ok, x, 0).astype("int64"), index=idx, dtype="Int64").mask(~ok)\n            if is_text:\n                exact = text.where(text.str.fullmatch(r"[+-]?\\d{1,18}").fillna(False))\n                exact = pd.Series(pd.to_numeric(exact, errors="coerce"), index=idx).astype("Int64")\n                out = exact.where(exact.notna(), out)\n        return out.where((out >= lo) & (out <= hi)).mask(na)\n    raise ValueError(f"unknown column data type {to!r}")\n',
    '_bd_missing': 'def _bd_missing(s):\n    """Missing cells (a boolean numpy array): missing, or empty or blank text."""\n    na = s.isna().to_numpy(dtype=bool)\n    if pd.api.types.is_string_dtype(s.dtype) or isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == object:\n        blank = s.astype("string[pyarrow]").str.strip().eq("").fillna(False).to_numpy(dtype=bool)\n        return na | blank\n    return na\n',
    '_bd_round': 'def _bd_round(s, decimals=0):\n    """Round half away from zero (DataBrew: ".5 rounds up"), not numpy\'s half-to-even.\n\n    A value within 1e-14 (relative) of a half counts as the half, so 2.675 (stored as\n    2.67499999...) rounds to 2.68 as written. Integer columns stay integer.\n    """\n    is_int = pd.api.types.is_integer_dtype(s.dtype)\n    if is_int and decimals >= 0:\n        return s.astype("Int64")\n    x = s.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)\n    scale = 10.0 ** abs(decimals)\n    y = np.abs(x) * scale if decimals >= 0 else np.abs(x) / scale\n    low = np.floor(y)\n    up = (y - low >= 0.5) | (np.abs(y - low - 0.5) <= y * 1e-14)\n    r = np.where(up, low + 1, low)\n    r = (r / scale if decimals >= 0 else r * scale) * np.sign(x) + 0.0\n    out = pd.Series(r, index=s.index, dtype="Float64").mask(s.isna())\n    return out.astype("Int64") if is_int else out\n',
    '_bd_arith': 'def _bd_arith(a, b, op):\n    """``a op b`` for ADD, SUBTRACT, MULTIPLY, DIVIDE, MOD on numeric Series (missing in, missing\n    out). Two integer operands give integers, except DIVIDE; a zero divisor gives missing; MOD\n    keeps the sign of ``a`` (Spark\'s ``%``)."""\n    ints = pd.api.types.is_integer_dtype(a.dtype) and pd.api.types.is_integer_dtype(b.dtype) and op != "DIVIDE"\n    kind = "Int64" if ints else "Float64"\n    x, y = a.astype(kind), b.astype(kind)\n    na = (x.isna() | y.isna()).to_numpy(dtype=bool)\n    if op in ("DIVIDE", "MOD"):\n        na = na | (y == 0).fillna(False).to_numpy(dtype=bool)\n    if op == "ADD":\n        out = x + y\n    elif op == "SUBTRACT":\n        out = x - y\n    elif op == "MULTIPLY":\n        out = x * y\n    elif op == "DIVIDE":\n        out = x / y.mask(na, 1)\n    elif op == "MOD":\n        np_kind = "int64" if ints else "float64"\n        xv = x.to_numpy(dtype=np_kind, na_value=0)\n        yv = np.where(na, 1, y.to_numpy(dtype=np_kind, na_value=1))\n        out = pd.Series(np.fmod(xv, yv), index=a.index, dtype=kind)\n    else:\n        raise ValueError(f"unknown arithmetic operation {op!r}")\n    return out.mask(na)\n',
    '_bd_capital': 'def _bd_capital(s):\n    """Capital case like Spark\'s ``initcap``: lower-case, then upper-case the first letter of\n    each word; words are separated by spaces (``\' \'``)."""\n    import pyarrow as pa\n    import pyarrow.compute as pc\n\n    a = pa.array(s.astype("string[pyarrow]").array, type=pa.large_string())\n    words = pc.split_pattern(a, " ")\n    flat = pc.utf8_capitalize(words.flatten())\n    rebuilt = type(words).from_arrays(words.offsets, flat, mask=pc.is_null(words))\n    out = pc.binary_join(rebuilt, pa.scalar(" ", pa.large_string()))\n    return pd.Series(pd.array(out, dtype="string[pyarrow]"), index=s.index)\n',
    '_bd_sentence': 'def _bd_sentence(s):\n    """Sentence case: lower-case the value, then upper-case its first letter (after any leading\n    spaces, digits or punctuation)."""\n    import pyarrow as pa\n    import pyarrow.compute as pc\n\n    a = pc.utf8_lower(pa.array(s.astype("string[pyarrow]").array, type=pa.large_string()))\n    parts = pc.extract_regex(a, r"(?s)^(?P<head>\\P{L}*)(?P<first>\\p{L}?)(?P<rest>.*)$")\n    head, first, rest = (pc.struct_field(parts, i) for i in range(3))\n    out = pc.binary_join_element_wise(head, pc.utf8_upper(first), rest, pa.scalar("", pa.large_string()))\n    return pd.Series(pd.array(out, dtype="string[pyarrow]"), index=s.index)\n',
    '_bd_split': 'def _bd_split(s, pattern, limit):\n    """Split text at a literal ``pattern`` at most ``limit`` times from the left; return the\n    ``limit + 1`` pieces as string Series (missing where a value has fewer pieces)."""\n    import pyarrow as pa\n    import pyarrow.compute as pc\n\n    a = pa.array(s.astype("string[pyarrow]").array, type=pa.large_string())\n    lists = pc.split_pattern(a, pattern, max_splits=limit)\n    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False)\n    starts = lists.offsets.to_numpy()[:-1]\n    out = []\n    for i in range(limit + 1):\n        ok = lengths > i\n        taken = pc.take(lists.values, pa.array(np.where(ok, starts + i, 0), mask=~ok))\n        out.append(pd.Series(pd.array(taken, dtype="string[pyarrow]"), index=s.index))\n    return out\n',
    '_bd_merge': 'def _bd_merge(parts, delimiter):\n    """Join text Series with ``delimiter``, skipping missing values; all missing -> missing."""\n    out = parts[0]\n    for p in parts[1:]:\n        out = (out + delimiter + p).fillna(out).fillna(p)\n    return out\n',
    '_bd_date_diff': 'def _bd_date_diff(a, b, units):\n    """``b - a`` in whole ``units`` (truncated toward zero): elapsed time for MILLISECONDS to\n    WEEKS, complete calendar months for MONTHS, QUARTERS and YEARS."""\n    x = a.to_numpy(dtype="datetime64[us]")\n    y = b.to_numpy(dtype="datetime64[us]")\n    na = np.isnat(x) | np.isnat(y)\n    x = np.where(na, np.datetime64(0, "us"), x)\n    y = np.where(na, np.datetime64(0, "us"), y)\n    idx = a.index\n    per = {"MILLISECONDS": 1_000, "SECONDS": 1_000_000, "MINUTES": 60_000_000,\n           "HOURS": 3_600_000_000, "DAYS": 86_400_000_000, "WEEKS": 604_800_000_000}\n    if units in per:\n        d = (y - x).astype("int64")\n        q = np.abs(d) // per[units] * np.sign(d)\n        return pd.Series(q, index=idx, dtype="Int64").mask(na)\n    mx = x.astype("datetime64[M]")\n    my = y.astype("datetime64[M]")\n    months = (my - mx).astype("int64")\n    rx = (x - mx.astype("datetime64[us]")).astype("int64")\n    ry = (y - my.astype("datetime64[us]")).astype("int64")\n    months = months - ((months > 0) & (ry < rx)) + ((months < 0) & (ry > rx))\n    div = {"MONTHS": 1, "QUARTERS": 3, "YEARS": 12}[units]\n    q = np.abs(months) // div * np.sign(months)\n    return pd.Series(q, index=idx, dtype="Int64").mask(na)\n',
    '_bd_make_datetime': 'def _bd_make_datetime(year, month, day, hour, minute, second):\n    """A datetime from parts (Series or numbers). The date must be a real calendar date (else\n    missing); hour, minute and second are added as durations, so 24:00 is next midnight."""\n    idx = next((p.index for p in (year, month, day, hour, minute, second) if isinstance(p, pd.Series)), None)\n    n = 1 if idx is None else len(idx)\n\n    def part(v):\n        if isinstance(v, pd.Series):\n            f = pd.to_numeric(v.astype("string[pyarrow]").str.strip(), errors="coerce") if pd.api.types.is_string_dtype(v.dtype) else v\n            return pd.Series(f, index=v.index).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)\n        return np.full(n, np.nan if v is None else float(v))\n\n    y, mo, d, h, mi, se = (part(v) for v in (year, month, day, hour, minute, second))\n    ok = np.ones(n, dtype=bool)\n    for v in (y, mo, d, h, mi, se):\n        ok &= np.isfinite(v) & (v == np.floor(v))\n    ok &= (mo >= 1) & (mo <= 12) & (d >= 1) & (d <= 31) & (y >= 1) & (y <= 9999)\n    yi, moi, di = (np.where(ok, v, 1).astype("int64") for v in (y, mo, d))\n    first = (yi - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (moi - 1)\n    date = first.astype("datetime64[D]") + (di - 1)\n    ok &= date.astype("datetime64[M]") == first\n    secs = np.where(ok, h * 3600 + mi * 60 + se, 0).astype("int64")\n    out = date.astype("datetime64[us]") + secs.astype("timedelta64[s]")\n    return pd.Series(out, index=idx).mask(~ok).astype("datetime64[us]")\n',
    '_bd_time': 'def _bd_time(hour, minute, second, fmt=None):\n    """Time-of-day text from parts (Series or numbers): ``HH:MM:SS``, or ``fmt`` (strftime codes\n    %H %I %M %S %p %%). Out of range (hour 0-23, minute and second 0-59) or fractional parts give\n    missing."""\n    idx = next((p.index for p in (hour, minute, second) if isinstance(p, pd.Series)), None)\n    n = 1 if idx is None else len(idx)\n\n    def part(v):\n        if isinstance(v, pd.Series):\n            f = pd.to_numeric(v.astype("string[pyarrow]").str.strip(), errors="coerce") if pd.api.types.is_string_dtype(v.dtype) else v\n            return pd.Series(f, index=v.index).astype("Float64").to_numpy(dtype="float64", na_value=np.nan)\n        return np.full(n, np.nan if v is None else float(v))\n\n    h, m, s = (part(v) for v in (hour, minute, second))\n    ok = np.ones(n, dtype=bool)\n    for v, top in ((h, 23), (m, 59), (s, 59)):\n        ok &= np.isfinite(v) & (v == np.floor(v)) & (v >= 0) & (v <= top)\n    h, m, s = (pd.Series(np.where(ok, v, 0).astype("int64"), index=idx) for v in (h, m, s))\n    pieces = {"H": h, "I": (h + 11) % 12 + 1, "M": m, "S": s}\n    out = pd.Series("", index=idx, dtype="string[pyarrow]")\n    for token in re.split(r"(%.)", fmt or "%H:%M:%S"):\n        if token in ("%H", "%I", "%M", "%S"):\n            out = out + pieces[token[1]].astype("string[pyarrow]").str.zfill(2)\n        elif token == "%p":\n            out = out + pd.Series(np.where(h < 12, "AM", "PM"), index=idx, dtype="string[pyarrow]")\n        elif token == "%%":\n            out = out + "%"\n        elif token.startswith("%") and len(token) == 2:\n            raise ValueError(f"unsupported time format code {token}")\n        elif token:\n            out = out + token\n    return out.mask(~ok)\n',
    '_bd_splitmix': 'def _bd_splitmix(rowid, key):\n    """SplitMix64 at each row id (uint64 array): the finalizer of ``rowid * 0x9E3779B97F4A7C15 +\n    key``, ``key`` any integer (taken modulo 2**64). Same id and key, same number."""\n    gamma = np.uint64(0x9E3779B97F4A7C15)\n    with np.errstate(over="ignore"):\n        x = np.asarray(rowid, dtype=np.int64).astype(np.uint64) * gamma + np.uint64(int(key) % 2**64)\n        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)\n        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)\n        return x ^ (x >> np.uint64(31))\n',
}
"""Source text of every ``_bd_*`` helper, exported by ``to_code()``."""


if __name__ == "__main__":
    _regenerate()

"""Column type inference, shared by every reader and by the sampler.

Types are inferred once, from a bounded sample of the source, and then held fixed: every
partition and every sample is converted to the same Arrow types and then to the same pandas
dtypes (``recipes.types``). Two families of input exist:

* text cells (CSV/TSV): :func:`infer_text_type` on an Arrow string array;
* Python values (JSON, Excel, SQL query results): :func:`infer_value_type`.

Text rules, applied to the non-missing cells of a column (all must match):

=============  ===========================================================================
``boolean``    ``true``/``false`` in lower, Title or UPPER case (``0``/``1`` stay integers)
``int64``      ``[+-]digits`` without leading zeros (``007`` and zip codes stay text) that fit
               in int64
``float64``    decimal or exponent notation (``1.5``, ``.5``, ``1e-3``), no leading zeros
``datetime``   ISO 8601 ``YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]]`` optionally with ``Z`` or an
               offset; a column either has offsets on every value (converted to UTC) or on
               none; other formats (``01/02/2020``) are ambiguous and stay text
``string``     everything else, and all-missing columns
=============  ===========================================================================
"""

from __future__ import annotations

import datetime as _dt
import decimal
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

INT_RE = r"^[+-]?(?:0|[1-9][0-9]*)$"
FLOAT_RE = r"^[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
DATETIME_RE = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$"
)
_OFFSET_RE = r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)$"
_TIME_PART_RE = r"[T ][0-9]{2}:[0-9]{2}"
TRUE_VALUES: tuple[str, ...] = ("true", "True", "TRUE")
FALSE_VALUES: tuple[str, ...] = ("false", "False", "FALSE")

TIMESTAMP = pa.timestamp("us")
TIMESTAMP_UTC = pa.timestamp("us", tz="UTC")

ARROW_TYPES: dict[str, pa.DataType] = {
    "int64": pa.int64(),
    "float64": pa.float64(),
    "boolean": pa.bool_(),
    "string": pa.large_string(),
    "datetime": TIMESTAMP,
}
"""Arrow type each logical type is held in before conversion to pandas."""


def _all_match(arr: pa.Array, pattern: str) -> bool:
    return bool(pc.all(pc.match_substring_regex(arr, pattern)).as_py())


def _casts(arr: pa.Array, target: pa.DataType) -> bool:
    try:
        pc.cast(arr, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False
    return True


def infer_text_type(arr: pa.Array | pa.ChunkedArray) -> tuple[str, pa.DataType]:
    """Infer the logical type of a column of text cells (missing cells already null).

    Parameters
    ----------
    arr
        Arrow ``string``/``large_string`` array, any length.

    Returns
    -------
    tuple
        ``(logical type, Arrow type to parse the column as)``; datetimes with offsets give
        ``timestamp[us, UTC]`` (converted to naive UTC afterwards), others
        :data:`ARROW_TYPES`.
    """
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks else pa.array([], pa.large_string())
    values = arr.drop_null()
    if len(values) == 0:
        return "string", ARROW_TYPES["string"]
    if bool(pc.all(pc.is_in(values, value_set=pa.array(TRUE_VALUES + FALSE_VALUES))).as_py()):
        return "boolean", ARROW_TYPES["boolean"]
    if _all_match(values, INT_RE):
        if _casts(values, pa.int64()):
            return "int64", ARROW_TYPES["int64"]
        return "string", ARROW_TYPES["string"]
    if _all_match(values, FLOAT_RE):
        if _casts(values, pa.float64()):
            return "float64", ARROW_TYPES["float64"]
        return "string", ARROW_TYPES["string"]
    if _all_match(values, DATETIME_RE):
        offsets = pc.match_substring_regex(values, _TIME_PART_RE + r".*" + _OFFSET_RE)
        n_off = int(pc.sum(offsets).as_py() or 0)
        if n_off == 0 and _casts(values, TIMESTAMP):
            return "datetime", TIMESTAMP
        if n_off == len(values) and _casts(values, TIMESTAMP_UTC):
            return "datetime", TIMESTAMP_UTC
    return "string", ARROW_TYPES["string"]


# ---------------------------------------------------------------------------------------------
# Python values (JSON, Excel, SQL)


def _kind(v: Any) -> str | None:
    """Classify one Python value; None for missing."""
    if v is None:
        return None
    if isinstance(v, bool | np.bool_):
        return "bool"
    if isinstance(v, int | np.integer):
        return "int"
    if isinstance(v, float | np.floating | decimal.Decimal):
        return None if isinstance(v, float | np.floating) and math.isnan(v) else "float"
    if isinstance(v, str):
        return "str"
    if isinstance(v, _dt.datetime | _dt.date | np.datetime64):
        return "datetime"
    if isinstance(v, _dt.time):
        return "time"
    if isinstance(v, dict | list | tuple | bytes | bytearray | memoryview):
        return "nested"
    return "other"


def infer_value_type(values: Iterable[Any], *, detect_datetime: bool = True) -> str:
    """Infer the logical type of a column of Python values.

    Parameters
    ----------
    values
        Cell values (``None`` and float NaN are missing).
    detect_datetime
        Apply the ISO 8601 text rule to all-string columns.

    Returns
    -------
    str
        ``"boolean"`` (only bools), ``"int64"`` (only ints within int64), ``"float64"`` (ints and
        floats/decimals), ``"datetime"`` (datetimes/dates, or ISO text), ``"object"`` (any dict,
        list or bytes), ``"string"`` (text, times, mixed scalars, all missing).
    """
    kinds: set[str] = set()
    strings: list[str] = []
    big_int = False
    for v in values:
        k = _kind(v)
        if k is None:
            continue
        kinds.add(k)
        if k == "str" and detect_datetime and len(strings) < 10_000:
            strings.append(v)
        elif k == "int" and not -(2**63) <= int(v) < 2**63:
            big_int = True
    if not kinds:
        return "string"
    if "nested" in kinds or "other" in kinds:
        return "object"
    if kinds == {"bool"}:
        return "boolean"
    if kinds == {"int"}:
        return "string" if big_int else "int64"
    if kinds <= {"int", "float"}:
        return "float64"
    if kinds == {"datetime"}:
        return "datetime"
    if kinds == {"str"} and detect_datetime:
        logical, _ = infer_text_type(pa.array(strings, pa.large_string()))
        return "datetime" if logical == "datetime" else "string"
    return "string"


class ValueMismatch(ValueError):
    """A value does not fit its column's type (``index``: position; ``column`` when known)."""

    def __init__(self, index: int, value: Any, logical: str, column: str | None = None) -> None:
        super().__init__(f"value {value!r} is not {logical}")
        self.index = index
        self.value = value
        self.logical = logical
        self.column = column


def _text(v: Any) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return repr(v)
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, _dt.datetime | _dt.date | _dt.time):
        return v.isoformat()
    return str(v)


def _to_datetime(v: Any) -> Any:
    if isinstance(v, _dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(_dt.UTC).replace(tzinfo=None)
        return v
    if isinstance(v, _dt.date):
        return _dt.datetime(v.year, v.month, v.day)
    if isinstance(v, np.datetime64):
        return v.astype("datetime64[us]").item()
    return v


def values_to_arrow(values: Sequence[Any], logical: str) -> pa.Array:
    """Convert Python values to the Arrow array of a logical type, strictly.

    ``None``/NaN are missing. Strings accept any scalar (rendered as text); floats accept
    ints and decimals; datetimes accept ``datetime``/``date`` and ISO 8601 text; booleans
    accept bools and the integers 0/1 (SQLite). ``object`` columns are not Arrow arrays: keep
    them as Python values (see :func:`brewdesk.engine.readers.base.columns_to_frame`).

    Raises
    ------
    ValueMismatch
        For the first value that does not fit (its position and value attached).
    """
    out: list[Any] = []
    if logical == "string":
        for v in values:
            out.append(None if _kind(v) is None else _text(v))
        return pa.array(out, type=pa.large_string())
    if logical == "boolean":
        for i, v in enumerate(values):
            k = _kind(v)
            if k is None:
                out.append(None)
            elif k == "bool":
                out.append(bool(v))
            elif k == "int" and int(v) in (0, 1):
                out.append(bool(v))
            else:
                raise ValueMismatch(i, v, logical)
        return pa.array(out, type=pa.bool_())
    if logical == "int64":
        for i, v in enumerate(values):
            k = _kind(v)
            if k is None:
                out.append(None)
            elif k == "int" and -(2**63) <= int(v) < 2**63:
                out.append(int(v))
            elif k == "float" and float(v).is_integer() and abs(float(v)) < 2**63:
                out.append(int(v))
            else:
                raise ValueMismatch(i, v, logical)
        return pa.array(out, type=pa.int64())
    if logical == "float64":
        for i, v in enumerate(values):
            k = _kind(v)
            if k is None:
                out.append(None)
            elif k in ("int", "float"):
                out.append(float(v))
            else:
                raise ValueMismatch(i, v, logical)
        return pa.array(out, type=pa.float64())
    if logical == "datetime":
        texts: dict[int, str] = {}
        for i, v in enumerate(values):
            k = _kind(v)
            if k is None:
                out.append(None)
            elif k == "datetime":
                out.append(_to_datetime(v))
            elif k == "str":
                texts[i] = v
                out.append(None)
            else:
                raise ValueMismatch(i, v, logical)
        if texts:
            _parse_iso_into(out, texts, logical)
        return pa.array(out, type=TIMESTAMP)
    raise ValueError(f"cannot build a column of type {logical!r} from values")


def _parse_iso_into(out: list[Any], texts: dict[int, str], logical: str) -> None:
    idx = list(texts)
    arr = pa.array([texts[i] for i in idx], pa.large_string())
    ok = pc.match_substring_regex(arr, DATETIME_RE).to_pylist()
    for i, good in zip(idx, ok, strict=True):
        if not good:
            raise ValueMismatch(i, texts[i], logical)
    try:
        merged = iso_to_timestamp(arr).to_pylist()
    except pa.ArrowInvalid:
        for i in idx:  # find the culprit (error path only)
            try:
                iso_to_timestamp(pa.array([texts[i]], pa.large_string()))
            except pa.ArrowInvalid:
                raise ValueMismatch(i, texts[i], logical) from None
        raise
    for i, v in zip(idx, merged, strict=True):
        out[i] = v


def iso_to_timestamp(arr: pa.Array) -> pa.Array:
    """Parse ISO 8601 text to naive ``timestamp[us]``; values with an offset become UTC.

    Raises
    ------
    pyarrow.ArrowInvalid
        When a value is not a valid timestamp.
    """
    null = pa.scalar(None, arr.type)
    has_off = pc.match_substring_regex(arr, _TIME_PART_RE + r".*" + _OFFSET_RE)
    naive = pc.cast(pc.if_else(has_off, null, arr), TIMESTAMP)
    aware = pc.cast(pc.cast(pc.if_else(has_off, arr, null), TIMESTAMP_UTC), TIMESTAMP)
    return pc.if_else(has_off, aware, naive)

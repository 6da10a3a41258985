"""MASK_DATE: mask components of dates.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_DATE.html

Semantics
---------
- Each of ``source_columns`` must be a datetime column. It becomes a **string** column: every
  date is written ``YYYY-MM-DD HH:MM:SS.mmm`` (24-hour clock, milliseconds), and the digits of
  each redacted component are replaced by ``mask_symbol``, one per digit (year 4, millisecond
  3, the others 2): 1990-05-17 08:30:15.250 with the year redacted gives
  ``"####-05-17 08:30:15.250"``. The page does not give the output format; this fixed ISO-like
  layout is Brewdesk's choice.
- DataBrew's ``redact`` array (``YEAR``, ``MONTH``, ``DAY``, ``HOUR``, ``MINUTE``, ``SECOND``,
  ``MILLISECOND``) is one boolean per component here (``redact_year`` ...). At least one must be
  set (a validation problem otherwise).
- ``locale`` (default ``en``) only affects month and day names in DataBrew's formatting; the
  layout above is numeric, so it has no effect. It is kept for the round trip.
- Missing stays missing. ``mask_symbol`` defaults to ``"#"``. ``sourceColumns`` and ``redact``
  import from real JSON arrays or JSON-encoded strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.kernels.dates import _bd_mask_date
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops.base import Params, StepProblem, columns, json_list, to_databrew_string
from brewdesk.recipes.ops.pii.mask_custom import MaskOperation
from pydantic import Field

_PARTS = (
    ("YEAR", "%Y", 4, ""),
    ("MONTH", "%m", 2, "-"),
    ("DAY", "%d", 2, "-"),
    ("HOUR", "%H", 2, " "),
    ("MINUTE", "%M", 2, ":"),
    ("SECOND", "%S", 2, ":"),
    ("MILLISECOND", "%f", 3, "."),
)


class MaskDateParams(Params):
    source_columns: list[str] = columns(types=("datetime",), description="Datetime columns to mask")
    redact_year: bool = Field(False, description="Mask the year")
    redact_month: bool = Field(False, description="Mask the month")
    redact_day: bool = Field(False, description="Mask the day")
    redact_hour: bool = Field(False, description="Mask the hour")
    redact_minute: bool = Field(False, description="Mask the minute")
    redact_second: bool = Field(False, description="Mask the second")
    redact_millisecond: bool = Field(False, description="Mask the millisecond")
    mask_symbol: str = Field("#", min_length=1, description="Symbol replacing each masked digit")
    locale: str = Field("en", description="DataBrew locale (no effect on the numeric layout)")


def _redacted(params: Any) -> list[str]:
    return [name for name, *_ in _PARTS if getattr(params, f"redact_{name.lower()}")]


def _format(params: Any) -> tuple[str, bool]:
    """strftime format, and whether the trailing microseconds must be cut to milliseconds."""
    sym = params.mask_symbol.replace("%", "%%")
    red = set(_redacted(params))
    fmt = ""
    for name, code, width, sep in _PARTS:
        fmt += sep + (sym * width if name in red else code)
    return fmt, "MILLISECOND" not in red


class MaskDate(MaskOperation):
    """Write dates as text with the redacted components masked."""

    id = "mask_date"
    title = "Mask date"
    databrew = ("MASK_DATE",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.MASK_DATE.html"
    Params = MaskDateParams

    def check(self, params: Any, schema: Schema) -> None:
        if not _redacted(params):
            raise StepProblem("choose at least one date component to redact", field="redact_year")

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        fmt, cut = _format(params)
        out = frame.copy(deep=False)
        for c in params.source_columns:
            out[c] = _bd_mask_date(frame[c], fmt, cut)
        return out

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        fmt, cut = _format(params)
        return f"for _c in {list(params.source_columns)!r}:\n    df[_c] = _bd_mask_date(df[_c], {fmt!r}, {cut!r})"

    def describe(self, params: Any) -> str:
        parts = ", ".join(n.lower() for n in _redacted(params))
        return f"Mask {parts} of {', '.join(params.source_columns)} with {params.mask_symbol!r}"

    def extra_from_databrew(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        known = {name for name, *_ in _PARTS}
        for part in json_list(parameters.get("redact")):
            name = str(part).upper()
            if name in known:
                out[f"redact_{name.lower()}"] = True
        if parameters.get("maskSymbol") not in (None, ""):
            out["mask_symbol"] = parameters["maskSymbol"]
        if parameters.get("locale") not in (None, ""):
            out["locale"] = parameters["locale"]
        return out

    def extra_to_databrew(self, params: Any) -> dict[str, str]:
        out = {"maskSymbol": params.mask_symbol, "redact": to_databrew_string(_redacted(params))}
        if params.locale != "en":
            out["locale"] = params.locale
        return out


OPERATION = MaskDate()

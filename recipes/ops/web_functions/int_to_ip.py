"""INT_TO_IP: a 32-bit number as a dotted IPv4 address, into a new text column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.INT_TO_IP.html

- The input is a column (``source_column``: integer, decimal or text) or one literal number for
  every row (``value``), not both, as DataBrew's ``sourceColumn | value``.
- ``n`` gives ``a.b.c.d`` with ``n = a * 256^3 + b * 256^2 + c * 256 + d`` (DataBrew's example:
  167772410 -> ``10.0.0.250``). Text is read when it is a whole number (surrounding spaces and a
  leading ``+`` allowed); a decimal must be whole (``1.0``).
- DataBrew's page says the function "works for IPv4 only": a number below 0 or above
  4294967295, a fraction or non-numeric text gives missing. Missing stays missing.
- The new column goes right after the source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.web import _bf_int_to_ip
from brewdesk.recipes.ops._plumbing import check_one_of
from brewdesk.recipes.ops._value_functions import ValueFunction
from brewdesk.recipes.ops.base import Params, column, new_column
from pydantic import Field, model_validator


class IntToIpParams(Params):
    source_column: str | None = column(
        None, types=("int64", "float64", "string", "category"), description="Column of numbers (or give value)"
    )
    value: int | None = Field(None, description="One number used for every row (instead of a column)")
    target_column: str = new_column(description="New column with the IPv4 address")

    @model_validator(mode="after")
    def _operand(self) -> IntToIpParams:
        check_one_of(self, "source_column", "value")
        return self


class IntToIp(ValueFunction):
    """A number to dotted IPv4 text."""

    id = "int_to_ip"
    title = "Number to IPv4 address"
    databrew = ("INT_TO_IP",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.INT_TO_IP.html"
    Params = IntToIpParams
    out_logical = "string"
    text_input = False

    kernel = staticmethod(_bf_int_to_ip)

    def describe(self, params: Any) -> str:
        return f"{params.target_column} = IPv4 address of {self.source_words(params)}"


OPERATION = IntToIp()

"""IP_TO_INT: an IPv4 address written as text, as its 32-bit number, into a new column.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.IP_TO_INT.html

- The input is a text column (``source_column``) or one literal text for every row (``value``),
  not both, as DataBrew's ``sourceColumn | value``.
- ``a.b.c.d`` gives ``a * 256^3 + b * 256^2 + c * 256 + d`` (DataBrew's example: ``192.168.1.1``
  -> 3232235777) in a new ``int64`` column. Surrounding spaces are ignored; a part written with
  leading zeros is read as a decimal number (``010`` is 10, never octal).
- DataBrew's page says the function "works for IPv4 only": an IPv6 address, fewer or more than
  four parts, a part above 255, a sign or any other text gives missing. Missing stays missing.
- The new column goes right after the source column (at the end for a literal).
"""

from __future__ import annotations

from typing import Any

from brewdesk.recipes.kernels.web import _bf_ip_to_int
from brewdesk.recipes.ops._value_functions import TextValueParams, ValueFunction


class IpToInt(ValueFunction):
    """Dotted IPv4 text to its number."""

    id = "ip_to_int"
    title = "IPv4 address to number"
    databrew = ("IP_TO_INT",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.IP_TO_INT.html"
    Params = TextValueParams
    out_logical = "int64"

    kernel = staticmethod(_bf_ip_to_int)

    def describe(self, params: Any) -> str:
        return f"{params.target_column} = IPv4 number of {self.source_words(params)}"


OPERATION = IpToInt()

"""DataBrew's advanced data types: the rules that recognise them and the details they expose.

Not an operation (the registry skips ``_`` modules). GET_ADVANCED_DATATYPE,
ADVANCED_DATATYPE_FLAG, ADVANCED_DATATYPE_FILTER and EXTRACT_ADVANCED_DATATYPE_DETAILS all call
the kernel :func:`~brewdesk.recipes.kernels.advanced_types._ba_classify`, and their exported
code calls it too, so the exported script runs the same rules. DataBrew's page (projects.adv-data-types.html) only says the
types are detected "by means of pattern matching"; the rules below are Brewdesk's, stated exactly.
Values are trimmed of surrounding whitespace before they are tested; missing values are of no type.

=============  ==========================================================================
type           a value is of the type when
=============  ==========================================================================
Email          ``local@domain.tld``: the local part is letters, digits and
               ``!#$%&'*+/=?^_`{|}~.-`` (no leading, trailing or doubled dot); the domain is
               dot-separated labels of letters, digits and inner hyphens, ending in a TLD of
               two or more letters.
Phone          Google's libphonenumber (``phonenumbers``) parses it, reading numbers without
               ``+`` and a country code as US numbers, and ``is_valid_number`` holds.
CreditCard     12 to 19 digits (single spaces or hyphens between groups allowed) passing the
               Luhn checksum, with the prefix and length of a known network (American Express,
               Visa, Mastercard, Discover, Diners Club, JCB, UnionPay, Maestro).
SSN            US Social Security number ``AAA-GG-SSSS`` or ``AAAGGSSSS``: area not 000, 666
               or 900-999, group not 00, serial not 0000.
ZipCode        US ZIP or ZIP+4 (``12345``, ``12345-6789``) whose 3-digit prefix is assigned
               to a state, territory or military post office.
DateTime       an ISO 8601 date or date-time (``2026-11-21``, ``2026-11-21T10:05:00``), or
               ``yyyy/mm/dd``, ``mm/dd/yyyy``, ``mm-dd-yyyy`` (US order; with ``HH:MM`` or
               ``HH:MM:SS``), ``d Month yyyy``, ``Month d, yyyy`` (full or 3-letter English
               month names), that is a real calendar date.
State          a US state, DC or territory: USPS code (``CA``) or English name, any case.
Gender         ``male``, ``female``, ``m``, ``f``, ``man``, ``woman`` (any case).
URL            ``http``, ``https``, ``ftp`` or ``ftps`` ``://`` followed by a host, or a host
               starting ``www.``; the host is a domain name with a letter TLD, ``localhost`` or
               an IPv4 address; then an optional port, path, query and fragment.
IpAddress      an IPv4 (dotted quad, no leading zeros) or IPv6 address (Python ``ipaddress``).
Country        an English country or region name as libphonenumber names them (250 regions),
               or an ISO 3166 two-letter code in capitals.
Currency       an amount with a currency symbol (``$ € £ ¥ ₹ ₩ ₽ ₺ ₪ ₫ ฿ ₴ ₦ ₱ ₿``) or an ISO
               4217 code before or after it (``$1,234.50``, ``EUR 12``, ``12.5 USD``).
=============  ==========================================================================

City is in DataBrew's list but cannot be recognised without a gazetteer, which Brewdesk does not
ship: no value is ever of type City.

Details (the ``pattern`` of the filter, flag and extract steps), as text:

- Phone: ``AREA_CODE`` (libphonenumber's English geographic description of the number, e.g.
  ``Ohio`` or ``New York, NY``, as DataBrew's example filters phones on ``Ohio``),
  ``TIME_ZONE`` (its first IANA time zone, e.g. ``America/New_York``), ``COUNTRY_CODE`` (the
  calling code, e.g. ``1``).
- ZipCode: ``STATE`` (English name), ``TIME_ZONE`` (the state's main IANA zone), ``COUNTRY``
  (``United States``), ``REGION`` (US Census region: Northeast, Midwest, South, West).
  ``CITY`` and ``TYPE`` need a ZIP database that Brewdesk does not ship and are refused.
- DateTime: ``DAY`` (of the month), ``MONTH`` (1-12), ``MONTH_NAME`` (English), ``WEEK`` (ISO
  8601 week), ``QUARTER``, ``YEAR``.
- State: ``TIME_ZONE`` (main IANA zone). CreditCard: ``LENGTH`` (digits), ``NETWORK``.
- URL: ``PROTOCOL`` (the scheme in lower case; missing without one), ``TLD`` (the host's last
  label; missing for an IP address or ``localhost``), ``DOMAIN`` (the host in lower case).

A value of the type whose detail is unknown (a military ZIP code's time zone) has a missing detail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Literal

from brewdesk.recipes.ops._maps import TEXT_TYPES
from brewdesk.recipes.ops._plumbing import databrew_error
from brewdesk.recipes.ops.base import Params, StepProblem, column
from pydantic import Field

TYPES: dict[str, tuple[str, ...]] = {
    "Phone": ("AREA_CODE", "TIME_ZONE", "COUNTRY_CODE"),
    "ZipCode": ("TIME_ZONE", "COUNTRY", "STATE", "REGION"),
    "DateTime": ("DAY", "MONTH", "MONTH_NAME", "WEEK", "QUARTER", "YEAR"),
    "State": ("TIME_ZONE",),
    "CreditCard": ("LENGTH", "NETWORK"),
    "URL": ("PROTOCOL", "TLD", "DOMAIN"),
    "Email": (),
    "SSN": (),
    "Gender": (),
}
"""The types the filter, flag and extract steps accept (DataBrew's list), with their details."""

DETECTED: tuple[str, ...] = (
    "DateTime", "SSN", "Phone", "Email", "CreditCard", "Gender", "IpAddress", "URL", "ZipCode",
    "Country", "Currency", "State",
)
"""The types GET_ADVANCED_DATATYPE looks for, in DataBrew's order (which breaks ties)."""

REFUSED_DETAILS: dict[tuple[str, str], str] = {
    ("ZipCode", "CITY"): "a ZIP code's city needs a ZIP database, which Brewdesk does not ship",
    ("ZipCode", "TYPE"): "a ZIP code's type (standard, PO box, unique) needs a ZIP database, which Brewdesk does not ship",
}


def canonical_type(name: str, *, accepted: tuple[str, ...] = tuple(TYPES)) -> str | None:
    """``"Zip Code"``, ``"zip_code"``, ``"ZIPCODE"`` -> ``"ZipCode"`` (``None`` when unknown)."""
    key = "".join(ch for ch in str(name).lower() if ch.isalnum())
    aliases = {"phonenumber": "Phone", "datetimestamp": "DateTime", "timestamp": "DateTime", "date": "DateTime",
               "zip": "ZipCode", "postalcode": "ZipCode", "emailaddress": "Email", "ip": "IpAddress"}
    for t in accepted:
        if t.lower() == key:
            return t
    found = aliases.get(key)
    return found if found in accepted else None


AdvancedType = Literal["Phone", "ZipCode", "DateTime", "State", "CreditCard", "URL", "Email", "SSN", "Gender"]


class AdvancedParams(Params):
    """The column, the advanced data type and the detail (``pattern``) of the advanced-type steps."""

    source_column: str = column(types=TEXT_TYPES, description="Text column")
    advanced_data_type: AdvancedType = Field(description="Advanced data type")
    pattern: str | None = Field(None, description="Detail of the type (e.g. AREA_CODE for Phone, STATE for ZipCode)")


def check_pattern(params: Any, *, required: bool) -> None:
    """The pattern is one of the type's details (:data:`TYPES`), or absent when allowed.

    Raises
    ------
    StepProblem
        Naming the type's details, or why Brewdesk refuses the detail.
    """
    kind, pattern = params.advanced_data_type, params.pattern
    allowed = TYPES[kind]
    if pattern is None:
        if required:
            hint = f"one of {', '.join(allowed)}" if allowed else f"{kind} has no details to extract"
            raise StepProblem(f"pattern is required: {hint}", field="pattern")
        return
    if (kind, pattern) in REFUSED_DETAILS:
        raise StepProblem(f"{kind} {pattern} is not supported: {REFUSED_DETAILS[(kind, pattern)]}", field="pattern")
    if pattern not in allowed:
        hint = f"one of {', '.join(allowed)}" if allowed else "none (leave pattern empty)"
        raise StepProblem(f"{kind} has no detail {pattern!r}; its details are {hint}", field="pattern")


def filter_values_from_databrew(parameters: Mapping[str, Any]) -> list[str]:
    """DataBrew's ``filterValues`` (the page spells it ``filter values``): a JSON list, a real list,
    or the page's example form ``['Ohio']`` with single quotes."""
    raw = parameters.get("filterValues", parameters.get("filter values"))
    if raw in (None, ""):
        return []
    if isinstance(raw, list):
        return [str(v) for v in raw]
    text = str(raw).strip()
    for candidate in (text, re.sub(r"'((?:[^'\\]|\\.)*)'", r'"\1"', text)):
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return [text]


def common_from_databrew(operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """``sourceColumn``, ``advancedDataType`` and ``pattern`` of an advanced-type step as params."""
    kind = canonical_type(parameters.get("advancedDataType", ""))
    if kind is None:
        raise databrew_error(
            f"{operation}: advancedDataType {parameters.get('advancedDataType')!r} is not one of {', '.join(TYPES)}"
        )
    out: dict[str, Any] = {"source_column": parameters["sourceColumn"], "advanced_data_type": kind}
    pattern = str(parameters.get("pattern") or "").strip().upper()
    if pattern:
        squashed = {p.replace("_", ""): p for p in (*TYPES[kind], "CITY", "TYPE")}
        out["pattern"] = squashed.get(pattern.replace("_", ""), pattern)
    return out


def common_to_databrew(params: Any) -> dict[str, str]:
    """The parameters shared by the advanced-type steps, as DataBrew writes them."""
    out = {"sourceColumn": params.source_column, "advancedDataType": params.advanced_data_type}
    if params.pattern is not None:
        out["pattern"] = params.pattern
    return out

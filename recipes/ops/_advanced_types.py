"""DataBrew's advanced data types: the rules that recognise them and the details they expose.

Not an operation (the registry skips ``_`` modules). GET_ADVANCED_DATATYPE,
ADVANCED_DATATYPE_FLAG, ADVANCED_DATATYPE_FILTER and EXTRACT_ADVANCED_DATATYPE_DETAILS all call
:func:`_ba_classify`, and their exported code pastes its source (:data:`HELPER_SOURCE`), so the
exported script runs the same rules. DataBrew's page (projects.adv-data-types.html) only says the
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

import inspect
import json
import re
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from brewdesk.recipes.ops._common import TEXT_TYPES, databrew_error
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


# =========================================================================== exported helper
def _ba_classify(s, kind, pattern=None, wanted=()):
    """``(ok, detail, hit)`` for the values of ``s`` and advanced data type ``kind``: ``ok`` the
    values of the type (a boolean numpy array); ``detail`` each value's ``pattern`` detail as text
    (``None`` where unknown; the trimmed value itself without a pattern); ``hit`` the values of
    the type whose detail is one of ``wanted`` (any case; all values of the type when empty)."""
    import ipaddress
    import re

    # each distinct value is tested once, then the answers are spread back over the rows
    rows, uniques = pd.factorize(s.astype("string[pyarrow]").str.strip(), use_na_sentinel=True)
    values = [str(v) for v in uniques]
    n = len(values)
    ok = np.zeros(n, dtype=bool)
    detail = [None] * n
    states = {
        "AL": ("Alabama", "America/Chicago", "South"), "AK": ("Alaska", "America/Anchorage", "West"),
        "AZ": ("Arizona", "America/Phoenix", "West"), "AR": ("Arkansas", "America/Chicago", "South"),
        "CA": ("California", "America/Los_Angeles", "West"), "CO": ("Colorado", "America/Denver", "West"),
        "CT": ("Connecticut", "America/New_York", "Northeast"), "DE": ("Delaware", "America/New_York", "South"),
        "DC": ("District of Columbia", "America/New_York", "South"), "FL": ("Florida", "America/New_York", "South"),
        "GA": ("Georgia", "America/New_York", "South"), "HI": ("Hawaii", "Pacific/Honolulu", "West"),
        "ID": ("Idaho", "America/Boise", "West"), "IL": ("Illinois", "America/Chicago", "Midwest"),
        "IN": ("Indiana", "America/Indiana/Indianapolis", "Midwest"), "IA": ("Iowa", "America/Chicago", "Midwest"),
        "KS": ("Kansas", "America/Chicago", "Midwest"), "KY": ("Kentucky", "America/New_York", "South"),
        "LA": ("Louisiana", "America/Chicago", "South"), "ME": ("Maine", "America/New_York", "Northeast"),
        "MD": ("Maryland", "America/New_York", "South"), "MA": ("Massachusetts", "America/New_York", "Northeast"),
        "MI": ("Michigan", "America/Detroit", "Midwest"), "MN": ("Minnesota", "America/Chicago", "Midwest"),
        "MS": ("Mississippi", "America/Chicago", "South"), "MO": ("Missouri", "America/Chicago", "Midwest"),
        "MT": ("Montana", "America/Denver", "West"), "NE": ("Nebraska", "America/Chicago", "Midwest"),
        "NV": ("Nevada", "America/Los_Angeles", "West"), "NH": ("New Hampshire", "America/New_York", "Northeast"),
        "NJ": ("New Jersey", "America/New_York", "Northeast"), "NM": ("New Mexico", "America/Denver", "West"),
        "NY": ("New York", "America/New_York", "Northeast"), "NC": ("North Carolina", "America/New_York", "South"),
        "ND": ("North Dakota", "America/Chicago", "Midwest"), "OH": ("Ohio", "America/New_York", "Midwest"),
        "OK": ("Oklahoma", "America/Chicago", "South"), "OR": ("Oregon", "America/Los_Angeles", "West"),
        "PA": ("Pennsylvania", "America/New_York", "Northeast"), "RI": ("Rhode Island", "America/New_York", "Northeast"),
        "SC": ("South Carolina", "America/New_York", "South"), "SD": ("South Dakota", "America/Chicago", "Midwest"),
        "TN": ("Tennessee", "America/Chicago", "South"), "TX": ("Texas", "America/Chicago", "South"),
        "UT": ("Utah", "America/Denver", "West"), "VT": ("Vermont", "America/New_York", "Northeast"),
        "VA": ("Virginia", "America/New_York", "South"), "WA": ("Washington", "America/Los_Angeles", "West"),
        "WV": ("West Virginia", "America/New_York", "South"), "WI": ("Wisconsin", "America/Chicago", "Midwest"),
        "WY": ("Wyoming", "America/Denver", "West"), "PR": ("Puerto Rico", "America/Puerto_Rico", None),
        "VI": ("U.S. Virgin Islands", "America/St_Thomas", None), "GU": ("Guam", "Pacific/Guam", None),
        "AS": ("American Samoa", "Pacific/Pago_Pago", None), "MP": ("Northern Mariana Islands", "Pacific/Saipan", None),
    }
    if kind == "State":
        by_name = {v[0].lower(): k for k, v in states.items()}
        for i, v in enumerate(values):
            if v is None:
                continue
            code = v.upper() if v.upper() in states else by_name.get(v.lower())
            if code is not None:
                ok[i] = True
                detail[i] = states[code][1]
    elif kind == "ZipCode":
        ranges = [(5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"), (10, 27, "MA"), (28, 29, "RI"),
                  (30, 38, "NH"), (39, 49, "ME"), (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"),
                  (70, 89, "NJ"), (90, 99, "AE"), (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"),
                  (200, 200, "DC"), (201, 201, "VA"), (202, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"),
                  (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"), (320, 339, "FL"),
                  (340, 340, "AA"), (341, 349, "FL"), (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"),
                  (398, 399, "GA"), (400, 427, "KY"), (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"),
                  (500, 528, "IA"), (530, 549, "WI"), (550, 567, "MN"), (569, 569, "DC"), (570, 577, "SD"),
                  (580, 588, "ND"), (590, 599, "MT"), (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"),
                  (680, 693, "NE"), (700, 715, "LA"), (716, 729, "AR"), (730, 732, "OK"), (733, 733, "TX"),
                  (734, 741, "OK"), (743, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"),
                  (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"),
                  (889, 898, "NV"), (900, 961, "CA"), (962, 966, "AP"), (967, 968, "HI"), (969, 969, "GU"),
                  (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK")]
        prefix = {p: st for lo, hi, st in ranges for p in range(lo, hi + 1)}
        zip_re = re.compile(r"(\d{5})(?:-\d{4})?")
        for i, v in enumerate(values):
            m = zip_re.fullmatch(v) if v is not None else None
            st = prefix.get(int(m.group(1)[:3])) if m else None
            if st is None:
                continue
            ok[i] = True
            info = states.get(st)
            if pattern == "STATE":
                detail[i] = info[0] if info else None
            elif pattern == "TIME_ZONE":
                detail[i] = info[1] if info else None
            elif pattern == "REGION":
                detail[i] = info[2] if info else None
            elif pattern == "COUNTRY":
                detail[i] = "United States"
    elif kind == "Phone":
        import phonenumbers
        from phonenumbers import geocoder, timezone

        for i, v in enumerate(values):
            if not v:
                continue
            try:
                num = phonenumbers.parse(v, "US")
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(num):
                continue
            ok[i] = True
            if pattern == "AREA_CODE":
                detail[i] = geocoder.description_for_number(num, "en") or None
            elif pattern == "TIME_ZONE":
                zones = [z for z in timezone.time_zones_for_number(num) if z != "Etc/Unknown"]
                detail[i] = zones[0] if zones else None
            elif pattern == "COUNTRY_CODE":
                detail[i] = str(num.country_code)
    elif kind == "CreditCard":
        networks = [("American Express", ("34", "37"), (15,)),
                    ("Visa", ("4",), (13, 16, 19)),
                    ("Mastercard", tuple(str(p) for p in [*range(51, 56), *range(2221, 2721)]), (16,)),
                    ("Discover", ("6011", "65", *(str(p) for p in range(644, 650)), *(str(p) for p in range(622126, 622926))), (16, 17, 18, 19)),
                    ("Diners Club", ("36", "38", "39", *(str(p) for p in range(300, 306))), (14, 15, 16, 17, 18, 19)),
                    ("JCB", tuple(str(p) for p in range(3528, 3590)), (16, 17, 18, 19)),
                    ("UnionPay", ("62",), (16, 17, 18, 19)),
                    ("Maestro", ("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763"), tuple(range(12, 20)))]
        card_re = re.compile(r"\d+(?:[ -]\d+)*")
        for i, v in enumerate(values):
            if v is None or not card_re.fullmatch(v):
                continue
            digits = re.sub(r"[ -]", "", v)
            if not 12 <= len(digits) <= 19:
                continue
            total = 0
            for k, ch in enumerate(reversed(digits)):
                d = int(ch) * (2 if k % 2 else 1)
                total += d - 9 if d > 9 else d
            if total % 10:
                continue
            name = next((nm for nm, pre, lens in networks if len(digits) in lens and digits.startswith(pre)), None)
            if name is None:
                continue
            ok[i] = True
            detail[i] = str(len(digits)) if pattern == "LENGTH" else name
    elif kind == "SSN":
        ssn_re = re.compile(r"(\d{3})-(\d{2})-(\d{4})|(\d{3})(\d{2})(\d{4})")
        for i, v in enumerate(values):
            m = ssn_re.fullmatch(v) if v is not None else None
            if m:
                a, g, sn = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
                ok[i] = a != "000" and a != "666" and a < "900" and g != "00" and sn != "0000"
    elif kind == "Email":
        email_re = re.compile(
            r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
        )
        ok[:] = [v is not None and email_re.fullmatch(v) is not None for v in values]
    elif kind == "Gender":
        ok[:] = [v is not None and v.lower() in {"male", "female", "m", "f", "man", "woman"} for v in values]
    elif kind == "URL":
        url_re = re.compile(
            r"(?:(?P<scheme>https?|ftps?)://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,63})"
            r"|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]\S*)?",
            re.IGNORECASE,
        )
        for i, v in enumerate(values):
            m = url_re.fullmatch(v) if v is not None else None
            if m is None or not (m.group("scheme") or m.group("host").lower().startswith("www.")):
                continue
            ok[i] = True
            part = {"PROTOCOL": "scheme", "TLD": "tld", "DOMAIN": "host"}.get(pattern)
            if part is not None and m.group(part) is not None:
                detail[i] = m.group(part).lower()
    elif kind == "IpAddress":
        for i, v in enumerate(values):
            if v is not None:
                try:
                    ipaddress.ip_address(v)
                    ok[i] = True
                except ValueError:
                    pass
    elif kind == "Country":
        from phonenumbers.geodata.locale import LOCALE_DATA

        names = set()
        for d in LOCALE_DATA.values():
            name = d.get("en", "")
            names.add((d.get(name[1:], "") if name.startswith("*") else name).lower())
        ok[:] = [v is not None and (v.lower() in names or (len(v) == 2 and v in LOCALE_DATA)) for v in values]
    elif kind == "Currency":
        codes = ("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD "
                 "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD "
                 "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT "
                 "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR "
                 "NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP "
                 "STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF "
                 "XPF YER ZAR ZMW ZWL").split()
        unit = "(?:[$€£¥₹₩₽₺₪₫฿₴₦₱₿]|" + "|".join(codes) + ")"
        amount = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
        cur_re = re.compile(rf"[-+]?{unit}\s?{amount}|{amount}\s?{unit}")
        ok[:] = [v is not None and cur_re.fullmatch(v) is not None for v in values]
    elif kind == "DateTime":
        text = pd.Series([v if v is not None else None for v in values], dtype="string[pyarrow]")
        iso = text.where(text.str.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?").fillna(False))
        parsed = pd.to_datetime(iso, format="ISO8601", errors="coerce", utc=True).dt.tz_localize(None)
        for fmt in ("%Y/%m/%d", "%m/%d/%Y", "%m-%d-%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S",
                    "%Y/%m/%d %H:%M:%S", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y"):
            todo = parsed.isna() & text.notna()
            if not todo.any():
                break
            more = pd.to_datetime(text.where(todo), format=fmt, errors="coerce")
            parsed = parsed.where(~todo, more)
        ok[:] = parsed.notna().to_numpy(dtype=bool)
        if pattern is not None:
            t = parsed.dt
            months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
            part = {"DAY": t.day, "MONTH": t.month, "WEEK": t.isocalendar().week, "QUARTER": t.quarter,
                    "YEAR": t.year, "MONTH_NAME": t.month}[pattern]
            for i, p in enumerate(part.tolist()):
                if ok[i]:
                    detail[i] = months[int(p) - 1] if pattern == "MONTH_NAME" else str(int(p))
    else:
        raise ValueError(f"unknown advanced data type {kind!r}")
    if pattern is None:
        detail = values
    hit = ok.copy()
    if wanted:
        keys = {str(w).strip().lower() for w in wanted}
        hit &= np.array([d is not None and d.lower() in keys for d in detail], dtype=bool)
    seen = rows >= 0
    at = np.where(seen, rows, 0)
    spread = [detail[c] if c >= 0 else None for c in rows.tolist()]
    if n == 0:
        return np.zeros(len(rows), dtype=bool), spread, np.zeros(len(rows), dtype=bool)
    return ok[at] & seen, spread, hit[at] & seen


def _ba_detect(counts, kinds):
    """GET_ADVANCED_DATATYPE: the first of ``kinds`` with the largest share of the values counted
    in ``counts`` (a Series: value -> count; blank text not counted), if that share is at least
    half; ``None`` otherwise. Calls :func:`_ba_classify`, whose source is exported with it."""
    values = pd.Series(counts.index.astype(str), dtype="string[pyarrow]")
    weights = counts.to_numpy(dtype="int64")
    seen = (values.str.strip() != "").to_numpy(dtype=bool)
    total = int(weights[seen].sum())
    if total == 0:
        return None
    best, share = None, 0.0
    for kind in kinds:
        ok = _ba_classify(values, kind)[0] & seen
        part = int(weights[ok].sum()) / total
        if part > share:
            best, share = kind, part
    return best if share >= 0.5 else None


def helper_code(*, detect: bool = False) -> str:
    """Source of :func:`_ba_classify` (and :func:`_ba_detect`) for exported code."""
    names = ["_ba_classify", "_ba_detect"] if detect else ["_ba_classify"]
    return "\n\n".join(HELPER_SOURCES[n] for n in names) + "\n\n"


def _regenerate() -> None:
    """Rewrite :data:`HELPER_SOURCES` from :func:`_ba_classify` (run after editing it)."""
    from pathlib import Path

    marker = "# --- generated" + ": HELPER_SOURCES"
    path = Path(__file__)
    head, _, rest = path.read_text(encoding="utf-8").partition(marker)
    tail = rest[rest.index("\n\n\nif __name__"):]
    body = "".join(f"    {n!r}: {inspect.getsource(globals()[n])!r},\n" for n in ("_ba_classify", "_ba_detect"))
    path.write_text(
        head + marker + " (python -m brewdesk.recipes.ops._advanced_types)\n"
        "HELPER_SOURCES: dict[str, str] = {\n" + body + "}" + tail,
        encoding="utf-8",
    )


# --- generated: HELPER_SOURCES (python -m brewdesk.recipes.ops._advanced_types)
HELPER_SOURCES: dict[str, str] = {
    '_ba_classify': 'def _ba_classify(s, kind, pattern=None, wanted=()):\n    """``(ok, detail, hit)`` for the values of ``s`` and advanced data type ``kind``: ``ok`` the\n    values of the type (a boolean numpy array); ``detail`` each value\'s ``pattern`` detail as text\n    (``None`` where unknown; the trimmed value itself without a pattern); ``hit`` the values of\n    the type whose detail is one of ``wanted`` (any case; all values of the type when empty)."""\n    import ipaddress\n    import re\n\n    # each distinct value is tested once, then the answers are spread back over the rows\n    rows, uniques = pd.factorize(s.astype("string[pyarrow]").str.strip(), use_na_sentinel=True)\n    values = [str(v) for v in uniques]\n    n = len(values)\n    ok = np.zeros(n, dtype=bool)\n    detail = [None] * n\n    states = {\n        "AL": ("Alabama", "America/Chicago", "South"), "AK": ("Alaska", "America/Anchorage", "West"),\n        "AZ": ("Arizona", "America/Phoenix", "West"), "AR": ("Arkansas", "America/Chicago", "South"),\n        "CA": ("California", "America/Los_Angeles", "West"), "CO": ("Colorado", "America/Denver", "West"),\n        "CT": ("Connecticut", "America/New_York", "Northeast"), "DE": ("Delaware", "America/New_York", "South"),\n        "DC": ("District of Columbia", "America/New_York", "South"), "FL": ("Florida", "America/New_York", "South"),\n        "GA": ("Georgia", "America/New_York", "South"), "HI": ("Hawaii", "Pacific/Honolulu", "West"),\n        "ID": ("Idaho", "America/Boise", "West"), "IL": ("Illinois", "America/Chicago", "Midwest"),\n        "IN": ("Indiana", "America/Indiana/Indianapolis", "Midwest"), "IA": ("Iowa", "America/Chicago", "Midwest"),\n        "KS": ("Kansas", "America/Chicago", "Midwest"), "KY": ("Kentucky", "America/New_York", "South"),\n        "LA": ("Louisiana", "America/Chicago", "South"), "ME": ("Maine", "America/New_York", "Northeast"),\n        "MD": ("Maryland", "America/New_York", "South"), "MA": ("Massachusetts", "America/New_York", "Northeast"),\n        "MI": ("Michigan", "America/Detroit", "Midwest"), "MN": ("Minnesota", "America/Chicago", "Midwest"),\n        "MS": ("Mississippi", "America/Chicago", "South"), "MO": ("Missouri", "America/Chicago", "Midwest"),\n        "MT": ("Montana", "America/Denver", "West"), "NE": ("Nebraska", "America/Chicago", "Midwest"),\n        "NV": ("Nevada", "America/Los_Angeles", "West"), "NH": ("New Hampshire", "America/New_York", "Northeast"),\n        "NJ": ("New Jersey", "America/New_York", "Northeast"), "NM": ("New Mexico", "America/Denver", "West"),\n        "NY": ("New York", "America/New_York", "Northeast"), "NC": ("North Carolina", "America/New_York", "South"),\n        "ND": ("North Dakota", "America/Chicago", "Midwest"), "OH": ("Ohio", "America/New_York", "Midwest"),\n        "OK": ("Oklahoma", "America/Chicago", "South"), "OR": ("Oregon", "America/Los_Angeles", "West"),\n        "PA": ("Pennsylvania", "America/New_York", "Northeast"), "RI": ("Rhode Island", "America/New_York", "Northeast"),\n        "SC": ("South Carolina", "America/New_York", "South"), "SD": ("South Dakota", "America/Chicago", "Midwest"),\n        "TN": ("Tennessee", "America/Chicago", "South"), "TX": ("Texas", "America/Chicago", "South"),\n        "UT": ("Utah", "America/Denver", "West"), "VT": ("Vermont", "America/New_York", "Northeast"),\n        "VA": ("Virginia", "America/New_York", "South"), "WA": ("Washington", "America/Los_Angeles", "West"),\n        "WV": ("West Virginia", "America/New_York", "South"), "WI": ("Wisconsin", "America/Chicago", "Midwest"),\n        "WY": ("Wyoming", "America/Denver", "West"), "PR": ("Puerto Rico", "America/Puerto_Rico", None),\n        "VI": ("U.S. Virgin Islands", "America/St_Thomas", None), "GU": ("Guam", "Pacific/Guam", None),\n        "AS": ("American Samoa", "Pacific/Pago_Pago", None), "MP": ("Northern Mariana Islands", "Pacific/Saipan", None),\n    }\n    if kind == "State":\n        by_name = {v[0].lower(): k for k, v in states.items()}\n        for i, v in enumerate(values):\n            if v is None:\n                continue\n            code = v.upper() if v.upper() in states else by_name.get(v.lower())\n            if code is not None:\n                ok[i] = True\n                detail[i] = states[code][1]\n    elif kind == "ZipCode":\n        ranges = [(5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"), (10, 27, "MA"), (28, 29, "RI"),\n                  (30, 38, "NH"), (39, 49, "ME"), (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"),\n                  (70, 89, "NJ"), (90, 99, "AE"), (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"),\n                  (200, 200, "DC"), (201, 201, "VA"), (202, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"),\n                  (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"), (320, 339, "FL"),\n                  (340, 340, "AA"), (341, 349, "FL"), (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"),\n                  (398, 399, "GA"), (400, 427, "KY"), (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"),\n                  (500, 528, "IA"), (530, 549, "WI"), (550, 567, "MN"), (569, 569, "DC"), (570, 577, "SD"),\n                  (580, 588, "ND"), (590, 599, "MT"), (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"),\n                  (680, 693, "NE"), (700, 715, "LA"), (716, 729, "AR"), (730, 732, "OK"), (733, 733, "TX"),\n                  (734, 741, "OK"), (743, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"),\n                  (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"),\n                  (889, 898, "NV"), (900, 961, "CA"), (962, 966, "AP"), (967, 968, "HI"), (969, 969, "GU"),\n                  (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK")]\n        prefix = {p: st for lo, hi, st in ranges for p in range(lo, hi + 1)}\n        zip_re = re.compile(r"(\\d{5})(?:-\\d{4})?")\n        for i, v in enumerate(values):\n            m = zip_re.fullmatch(v) if v is not None else None\n            st = prefix.get(int(m.group(1)[:3])) if m else None\n            if st is None:\n                continue\n            ok[i] = True\n            info = states.get(st)\n            if pattern == "STATE":\n                detail[i] = info[0] if info else None\n            elif pattern == "TIME_ZONE":\n                detail[i] = info[1] if info else None\n            elif pattern == "REGION":\n                detail[i] = info[2] if info else None\n            elif pattern == "COUNTRY":\n                detail[i] = "United States"\n    elif kind == "Phone":\n        import phonenumbers\n        from phonenumbers import geocoder, timezone\n\n        for i, v in enumerate(values):\n            if not v:\n                continue\n            try:\n                num = phonenumbers.parse(v, "US")\n            except phonenumbers.NumberParseException:\n                continue\n            if not phonenumbers.is_valid_number(num):\n                continue\n            ok[i] = True\n            if pattern == "AREA_CODE":\n                detail[i] = geocoder.description_for_number(num, "en") or None\n            elif pattern == "TIME_ZONE":\n                zones = [z for z in timezone.time_zones_for_number(num) if z != "Etc/Unknown"]\n                detail[i] = zones[0] if zones else None\n            elif pattern == "COUNTRY_CODE":\n                detail[i] = str(num.country_code)\n    elif kind == "CreditCard":\n        networks = [("American Express", ("34", "37"), (15,)),\n                    ("Visa", ("4",), (13, 16, 19)),\n                    ("Mastercard", tuple(str(p) for p in [*range(51, 56), *range(2221, 2721)]), (16,)),\n                    ("Discover", ("6011", "65", *(str(p) for p in range(644, 650)), *(str(p) for p in range(622126, 622926))), (16, 17, 18, 19)),\n                    ("Diners Club", ("36", "38", "39", *(str(p) for p in range(300, 306))), (14, 15, 16, 17, 18, 19)),\n                    ("JCB", tuple(str(p) for p in range(3528, 3590)), (16, 17, 18, 19)),\n                    ("UnionPay", ("62",), (16, 17, 18, 19)),\n                    ("Maestro", ("5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763"), tuple(range(12, 20)))]\n        card_re = re.compile(r"\\d+(?:[ -]\\d+)*")\n        for i, v in enumerate(values):\n            if v is None or not card_re.fullmatch(v):\n                continue\n            digits = re.sub(r"[ -]", "", v)\n            if not 12 <= len(digits) <= 19:\n                continue\n            total = 0\n            for k, ch in enumerate(reversed(digits)):\n                d = int(ch) * (2 if k % 2 else 1)\n                total += d - 9 if d > 9 else d\n            if total % 10:\n                continue\n            name = next((nm for nm, pre, lens in networks if len(digits) in lens and digits.startswith(pre)), None)\n            if name is None:\n                continue\n            ok[i] = True\n            detail[i] = str(len(digits)) if pattern == "LENGTH" else name\n    elif kind == "SSN":\n        ssn_re = re.compile(r"(\\d{3})-(\\d{2})-(\\d{4})|(\\d{3})(\\d{2})(\\d{4})")\n        for i, v in enumerate(values):\n            m = ssn_re.fullmatch(v) if v is not None else None\n            if m:\n                a, g, sn = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))\n                ok[i] = a != "000" and a != "666" and a < "900" and g != "00" and sn != "0000"\n    elif kind == "Email":\n        email_re = re.compile(\n            r"[A-Za-z0-9!#$%&\'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&\'*+/=?^_`{|}~-]+)*"\n            r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}"\n        )\n        ok[:] = [v is not None and email_re.fullmatch(v) is not None for v in values]\n    elif kind == "Gender":\n        ok[:] = [v is not None and v.lower() in {"male", "female", "m", "f", "man", "woman"} for v in values]\n    elif kind == "URL":\n        url_re = re.compile(\n            r"(?:(?P<scheme>https?|ftps?)://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?P<tld>[a-z]{2,63})"\n            r"|localhost|\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?(?:[/?#]\\S*)?",\n            re.IGNORECASE,\n        )\n        for i, v in enumerate(values):\n            m = url_re.fullmatch(v) if v is not None else None\n            if m is None or not (m.group("scheme") or m.group("host").lower().startswith("www.")):\n                continue\n            ok[i] = True\n            part = {"PROTOCOL": "scheme", "TLD": "tld", "DOMAIN": "host"}.get(pattern)\n            if part is not None and m.group(part) is not None:\n                detail[i] = m.group(part).lower()\n    elif kind == "IpAddress":\n        for i, v in enumerate(values):\n            if v is not None:\n                try:\n                    ipaddress.ip_address(v)\n                    ok[i] = True\n                except ValueError:\n                    pass\n    elif kind == "Country":\n        from phonenumbers.geodata.locale import LOCALE_DATA\n\n        names = set()\n        for d in LOCALE_DATA.values():\n            name = d.get("en", "")\n            names.add((d.get(name[1:], "") if name.startswith("*") else name).lower())\n        ok[:] = [v is not None and (v.lower() in names or (len(v) == 2 and v in LOCALE_DATA)) for v in values]\n    elif kind == "Currency":\n        codes = ("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD "\n                 "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD "\n                 "GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT "\n                 "LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR "\n                 "NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP "\n                 "STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF "\n                 "XPF YER ZAR ZMW ZWL").split()\n        unit = "(?:[$€£¥₹₩₽₺₪₫฿₴₦₱₿]|" + "|".join(codes) + ")"\n        amount = r"[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?"\n        cur_re = re.compile(rf"[-+]?{unit}\\s?{amount}|{amount}\\s?{unit}")\n        ok[:] = [v is not None and cur_re.fullmatch(v) is not None for v in values]\n    elif kind == "DateTime":\n        text = pd.Series([v if v is not None else None for v in values], dtype="string[pyarrow]")\n        iso = text.where(text.str.fullmatch(r"\\d{4}-\\d{2}-\\d{2}(?:[T ].*)?").fillna(False))\n        parsed = pd.to_datetime(iso, format="ISO8601", errors="coerce", utc=True).dt.tz_localize(None)\n        for fmt in ("%Y/%m/%d", "%m/%d/%Y", "%m-%d-%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S",\n                    "%Y/%m/%d %H:%M:%S", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y"):\n            todo = parsed.isna() & text.notna()\n            if not todo.any():\n                break\n            more = pd.to_datetime(text.where(todo), format=fmt, errors="coerce")\n            parsed = parsed.where(~todo, more)\n        ok[:] = parsed.notna().to_numpy(dtype=bool)\n        if pattern is not None:\n            t = parsed.dt\n            months = ["January", "February", "March", "April", "May", "June", "July", "August",\n                      "September", "October", "November", "December"]\n            part = {"DAY": t.day, "MONTH": t.month, "WEEK": t.isocalendar().week, "QUARTER": t.quarter,\n                    "YEAR": t.year, "MONTH_NAME": t.month}[pattern]\n            for i, p in enumerate(part.tolist()):\n                if ok[i]:\n                    detail[i] = months[int(p) - 1] if pattern == "MONTH_NAME" else str(int(p))\n    else:\n        raise ValueError(f"unknown advanced data type {kind!r}")\n    if pattern is None:\n        detail = values\n    hit = ok.copy()\n    if wanted:\n        keys = {str(w).strip().lower() for w in wanted}\n        hit &= np.array([d is not None and d.lower() in keys for d in detail], dtype=bool)\n    seen = rows >= 0\n    at = np.where(seen, rows, 0)\n    spread = [detail[c] if c >= 0 else None for c in rows.tolist()]\n    if n == 0:\n        return np.zeros(len(rows), dtype=bool), spread, np.zeros(len(rows), dtype=bool)\n    return ok[at] & seen, spread, hit[at] & seen\n',
    '_ba_detect': 'def _ba_detect(counts, kinds):\n    """GET_ADVANCED_DATATYPE: the first of ``kinds`` with the largest share of the values counted\n    in ``counts`` (a Series: value -> count; blank text not counted), if that share is at least\n    half; ``None`` otherwise. Calls :func:`_ba_classify`, whose source is exported with it."""\n    values = pd.Series(counts.index.astype(str), dtype="string[pyarrow]")\n    weights = counts.to_numpy(dtype="int64")\n    seen = (values.str.strip() != "").to_numpy(dtype=bool)\n    total = int(weights[seen].sum())\n    if total == 0:\n        return None\n    best, share = None, 0.0\n    for kind in kinds:\n        ok = _ba_classify(values, kind)[0] & seen\n        part = int(weights[ok].sum()) / total\n        if part > share:\n            best, share = kind, part\n    return best if share >= 0.5 else None\n',
}


if __name__ == "__main__":
    _regenerate()

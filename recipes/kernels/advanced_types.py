"""Kernels of the advanced data types (e-mail, URL, IP address, phone number, ...): classifying
values and detecting a column's type.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import ipaddress
import re

import numpy as np
import pandas as pd


def _ba_classify(s, kind, pattern=None, wanted=()):
    """``(ok, detail, hit)`` for the values of ``s`` and advanced data type ``kind``: ``ok`` the
    values of the type (a boolean numpy array); ``detail`` each value's ``pattern`` detail as text
    (``None`` where unknown; the trimmed value itself without a pattern); ``hit`` the values of
    the type whose detail is one of ``wanted`` (any case; all values of the type when empty)."""
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
        # optional heavy dependency: phonenumbers, loaded only for phone numbers
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
        # optional heavy dependency: phonenumbers' country names, loaded only for countries
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


def _ba_flag(s, kind, pattern, wanted, true_string, false_string):
    """ADVANCED_DATATYPE_FLAG: values of the advanced type ``kind`` (matching ``pattern`` and
    among ``wanted`` when given) flagged true, the others false; missing stays missing."""
    hit = _ba_classify(s, kind, pattern, wanted)[2]
    out = pd.Series(np.where(hit, true_string, false_string), index=s.index, dtype="string[pyarrow]")
    return out.mask(s.isna())


def _ba_details(s, kind, pattern):
    """EXTRACT_ADVANCED_DATATYPE_DETAILS: the details of each value of the advanced type ``kind``
    (as text), missing for the others."""
    return pd.Series(_ba_classify(s, kind, pattern)[1], index=s.index, dtype="string[pyarrow]")


def _ba_filter(s, kind, pattern, wanted, strategy, clear_with_empty):
    """ADVANCED_DATATYPE_FILTER: ``(rows kept, new values)``. KEEP_ROWS / DISCARD_ROWS keep the
    rows whose value is (is not) of the type, the column unchanged (``None``); CLEAR_FILTERS /
    CLEAR_OTHERS keep every row and clear the values that are (are not) of the type, to empty
    text with ``clear_with_empty``, else to missing."""
    hit = _ba_classify(s, kind, pattern, wanted)[2]
    if strategy == "KEEP_ROWS":
        return hit, None
    if strategy == "DISCARD_ROWS":
        return ~hit, None
    clear = hit if strategy == "CLEAR_FILTERS" else ~hit & s.notna().to_numpy(dtype=bool)
    values = s.astype("string[pyarrow]").where(~clear, "" if clear_with_empty else None)
    return np.ones(len(s), dtype=bool), values

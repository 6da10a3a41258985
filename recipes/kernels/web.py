"""Kernels of network and web values: IPv4 addresses to and from integers, URL query parameters.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import json
from urllib import parse as urllib_parse

import numpy as np
import pandas as pd


def _bf_ip_to_int(s):
    """Dotted IPv4 text (``192.168.1.1``, surrounding spaces allowed) to its 32-bit number
    (Int64); anything else (IPv6, fewer or more parts, a part above 255) gives missing."""
    # optional heavy dependency: pyarrow, loaded only when this kernel runs
    import pyarrow as pa
    import pyarrow.compute as pc

    a = pa.array(s.astype("string[pyarrow]").array, type=pa.large_string())
    pattern = r"^\s*(?P<a>\d{1,3})\.(?P<b>\d{1,3})\.(?P<c>\d{1,3})\.(?P<d>\d{1,3})\s*$"
    parts = pc.extract_regex(a, pattern)
    n = np.zeros(len(s), dtype="int64")
    ok = ~np.asarray(pc.is_null(parts), dtype=bool)
    for i in range(4):
        p = pc.cast(pc.fill_null(pc.struct_field(parts, i), "0"), pa.int64()).to_numpy(zero_copy_only=False)
        ok &= p <= 255
        n = n * 256 + p
    return pd.Series(n, index=s.index, dtype="Int64").mask(~ok)


def _bf_int_to_ip(s):
    """A number from 0 to 4294967295 (an integer column, a whole decimal, or integer text) to
    dotted IPv4 text; anything else gives missing."""
    if pd.api.types.is_string_dtype(s.dtype) or isinstance(s.dtype, pd.CategoricalDtype):
        text = s.astype("string[pyarrow]").str.strip()
        x = pd.to_numeric(text.where(text.str.fullmatch(r"\+?\d{1,10}").fillna(False)), errors="coerce")
        x = pd.Series(x, index=s.index).astype("Float64")
    else:
        x = s.astype("Float64")
    v = x.to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(v) & (v == np.floor(v)) & (v >= 0) & (v <= 4294967295)
    n = np.where(ok, v, 0).astype("int64")
    out = pd.Series("", index=s.index, dtype="string[pyarrow]")
    for shift in (24, 16, 8, 0):
        octet = pd.Series((n >> shift) & 255, index=s.index).astype("string[pyarrow]")
        out = out + octet + ("." if shift else "")
    return out.mask(~ok)


def _bf_url_params(s):
    """The query parameters of URL text as a JSON object of lists, in order of first appearance
    (``?a=1&b=2&a=3`` -> ``{"a": ["1", "3"], "b": ["2"]}``), percent-decoded, ``+`` read as a
    space, blank values kept. The query is what follows the first ``?`` up to any ``#``; text
    without ``?`` is read as a bare query when it has ``=`` and no ``://``. No parameters give
    ``{}``; missing stays missing."""
    def one(u):
        if "?" in u:
            q = u.split("?", 1)[1]
        elif "=" in u and "://" not in u:
            q = u
        else:
            q = ""
        q = q.split("#", 1)[0]
        return json.dumps(urllib_parse.parse_qs(q, keep_blank_values=True), ensure_ascii=False)

    text = s.astype("string[pyarrow]")
    codes, uniques = pd.factorize(text, use_na_sentinel=True)
    mapped = np.array([one(u) for u in uniques] + [None], dtype=object)
    return pd.Series(mapped[codes], index=s.index, dtype="string[pyarrow]")

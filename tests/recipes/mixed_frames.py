"""Frames of hostile values for the operations' special-case tests: unicode headers, every
logical type, a mixed-type (object) column, extreme numbers and dates, empty strings.

``FRAMES`` holds the frame with values (``unicode-mixed``), the same columns with every value
missing (``all-null``) and with zero rows (``zero-rows``); the contract test
(``tests/recipes/test_contract.py``) checks every operation on degenerate frames of its own
golden inputs.
"""

from __future__ import annotations

import pandas as pd

from tests.golden.cases import frame

N, F, S, B, D, C, T, OBJ = "整数 n", "浮動 f", "文字 s", "真偽 b", "日時 d", "区分 c", "数字 t", "混合 o"


def _frames() -> dict[str, pd.DataFrame]:
    full = frame(
        {
            N: ("int64", [1, None, 3, -4, 5]),
            F: ("float64", [0.5, None, -2.25, 1e300, 3.0]),
            S: ("string", ["ÄÖ ü", None, "", "  x  y ", "2024-01-31"]),
            B: ("boolean", [True, None, False, True, None]),
            D: ("datetime", ["2024-01-31 13:45:00", None, "1900-02-28 00:00:00", "2262-04-11 00:00:00", "1970-01-01 00:00:00"]),
            C: ("category", ["é", None, "名", "é", ""]),
            T: ("string", ["12", None, "3.5", "x", "-7"]),
        }
    )
    full[OBJ] = pd.Series([1, "a", None, 2.5, {"k": 1}], dtype=object)
    nulls = full.copy()
    for c in nulls.columns:
        nulls[c] = nulls[c].iloc[:0].reindex(range(5))
    return {"zero-rows": full.iloc[:0].copy(), "all-null": nulls, "unicode-mixed": full}


FRAMES = _frames()
"""``{"zero-rows", "all-null", "unicode-mixed"}``: the frames described above."""

"""Row operations on degenerate frames: zero rows, all-null columns, unicode headers, mixed types.

Each step either works (its output schema equals the schema ``validate`` computed without data,
the input is untouched and the exported code gives the same frame) or fails with a
:class:`BrewdeskError`, never a raw pandas exception (DESIGN.md section 8).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from tests.golden.cases import frame
from tests.recipes.degenerate import check_degenerate

N, F, S, B, D, C, T, OBJ = "整数 n", "浮動 f", "文字 s", "真偽 b", "日時 d", "区分 c", "数字 t", "混合 o"

PARAMS: dict[str, list[dict[str, Any]]] = {
    "delete": [{"source_columns": [S, OBJ]}],
    "duplicate": [{"source_column": C, "target_column": "复制"}, {"source_column": OBJ, "target_column": "x"}],
    "move_to_start": [{"source_column": D}],
    "move_to_end": [{"source_column": N}],
    "move_to_index": [{"source_column": N, "target_index": 3}],
    "move_before": [{"source_column": D, "target_column": F}],
    "move_after": [{"source_column": N, "target_column": C}],
    "change_data_type": [
        {"source_column": S, "column_data_type": "int"},
        {"source_column": T, "column_data_type": "double"},
        {"source_column": S, "column_data_type": "boolean"},
        {"source_column": S, "column_data_type": "timestamp", "date_time_format": "yyyy-MM-dd"},
        {"source_column": D, "column_data_type": "string"},
        {"source_column": D, "column_data_type": "long"},
        {"source_column": F, "column_data_type": "short"},
        {"source_column": B, "column_data_type": "string"},
        {"source_column": C, "column_data_type": "date"},
        {"source_column": OBJ, "column_data_type": "string"},
        {"source_column": OBJ, "column_data_type": "int"},
    ],
    "remove_values": [{"source_column": S}],
    "upper_case": [{"source_column": S}, {"source_column": C}],
    "lower_case": [{"source_column": S}],
    "capital_case": [{"source_column": S}, {"source_column": C}],
    "sentence_case": [{"source_column": S}],
    "trim": [{"source_column": S, "target_column": "trimmed"}],
    "remove_whitespace": [{"source_column": C}],
    "replace_text": [{"source_column": S, "pattern": "a", "value": "b"}, {"source_column": S, "pattern": r"(\w)", "value": r"<\1>", "regex": True}],
    "add_prefix": [{"source_column": S, "pattern": "é"}],
    "add_suffix": [{"source_column": C, "pattern": "é"}],
    "extract_pattern": [{"source_column": S, "pattern": r"\w+", "target_column": "m"}],
    "split_column_single_delimiter": [{"source_column": S, "pattern": " ", "limit": 2}],
    "merge": [{"source_columns": [S, N, D, B, C], "delimiter": "|", "target_column": "m"}],
    "remove_missing": [{"source_columns": [S, N]}, {"source_column": OBJ}],
    "fill_with_custom": [
        {"source_column": N, "value": 0},
        {"source_column": S, "value": "?"},
        {"source_column": D, "value": "2000-01-01"},
        {"source_column": C, "value": "新"},
        {"source_column": B, "value": "true"},
    ],
    "fill_with_empty": [{"source_column": S}],
    "fill_with_null": [{"source_column": S}, {"source_column": C}, {"source_column": OBJ}],
    "add": [{"source_column1": N, "source_column2": F, "target_column": "r"}],
    "subtract": [{"source_column1": N, "value2": 1, "target_column": "r"}],
    "multiply": [{"value1": 2.5, "source_column2": N, "target_column": "r"}],
    "divide": [{"source_column1": F, "source_column2": N, "target_column": "r"}],
    "round": [{"source_column": F, "target_column": "r", "decimals": 1}],
    "floor": [{"source_column": F, "target_column": "r"}],
    "mod": [{"source_column1": N, "value2": 3, "target_column": "r"}],
    "year": [{"source_column": D, "target_column": "r"}, {"source_column": S, "target_column": "r"}],
    "month": [{"source_column": D, "target_column": "r"}],
    "day": [{"source_column": C, "target_column": "r"}],
    "hour": [{"source_column": D, "target_column": "r"}],
    "minute": [{"source_column": D, "target_column": "r"}],
    "week_day": [{"source_column": D, "target_column": "r"}],
    "date_format": [{"source_column": D, "date_time_format": "EEEE dd MMMM yyyy hh:mm:ss a", "target_column": "r"}],
    "format_date": [{"source_column": D, "target_date_format": "dd month yyyy"}],
    "date_diff": [{"source_column1": D, "value2": "2024-01-01", "units": "MONTHS", "target_column": "r"}],
    "date_time": [{"year_column": N, "month": 1, "day_column": T, "hour_column": F, "target_column": "r"}],
    "time": [{"hour_column": N, "minute_column": T, "target_column": "r"}],
}


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


def _params():
    for op_id, plist in PARAMS.items():
        for i, params in enumerate(plist):
            for name in FRAMES:
                yield pytest.param(op_id, params, name, id=f"{op_id}-{i}-{name}")


@pytest.mark.parametrize(("op_id", "params", "name"), list(_params()))
def test_degenerate(op_id: str, params: dict[str, Any], name: str) -> None:
    check_degenerate(op_id, params, FRAMES[name])


def test_every_row_op_covered() -> None:
    from tests.recipes.test_ops_row import ROW_OPS

    assert sorted(PARAMS) == sorted(ROW_OPS)

"""Operations on hostile values: unicode headers, every logical type, a mixed-type (object)
column, extreme numbers (1e300) and dates (1900, 2262), empty strings, nested structs.

Each step works (its output schema equals the schema ``validate`` computed without data, the
input is untouched and the exported code gives the same frame) or fails with a
:class:`BrewdeskError`, never a raw pandas exception. Steps reading the mixed-type column also
run on its zero-row and all-null versions. The degenerate frames of every operation's own
golden inputs are the contract test's (``tests/recipes/test_contract.py``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.export import codegen
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.model.validate import validate

from tests.golden.cases import frame
from tests.recipes.mixed_frames import FRAMES, OBJ, B, C, D, F, N, S, T

ROW_PARAMS: dict[str, list[dict[str, Any]]] = {
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

NUMS = [N, F, T, C]
ANYS = [N, F, S, B, D, C, T]
FUNCTION_PARAMS: dict[str, list[dict[str, Any]]] = {
    **{
        op: [{"source_columns": NUMS, "target_column": "r"}, {"source_columns": [S], "target_column": "r"}]
        for op in ("row_average", "row_max", "row_median", "row_min", "row_standard_deviation", "row_sum", "row_variance")
    },
    "row_mode": [{"source_columns": NUMS, "target_column": "r", "mode_type": m} for m in ("MINIMUM", "AVERAGE", "NONE")],
    "row_kth_largest": [{"source_columns": NUMS, "target_column": "r", "value": 2}],
    "row_kth_largest_unique": [{"source_columns": NUMS, "target_column": "r", "value": 4}],
    "row_any": [{"source_columns": ANYS, "target_column": "r"}, {"source_columns": [N, F], "target_column": "r"}, {"source_columns": [OBJ, S], "target_column": "r"}],
    "row_count": [{"source_columns": [*ANYS, OBJ], "target_column": "r"}],
    "row_count_distinct": [{"source_columns": ANYS, "target_column": "r"}, {"source_columns": [N, F], "target_column": "r"}],
    "ip_to_int": [{"source_column": S, "target_column": "r"}, {"source_column": C, "target_column": "r"}],
    "int_to_ip": [{"source_column": N, "target_column": "r"}, {"source_column": T, "target_column": "r"}, {"source_column": F, "target_column": "r"}],
    "url_params": [{"source_column": S, "target_column": "r"}],
    "merge_columns_and_values": [{"source_columns": [S, N, D, B, C], "delimiter": "|", "target_column": "r"}],
    "date": [{"year_column": N, "month": 1, "day_column": T, "target_column": "r"}, {"year_column": T, "month_column": F, "day": 1, "target_column": "r", "date_time_format": "dd/MM/yyyy"}],
    "random_number": [{"target_column": "r"}],
    "random_between": [{"lower_bound": 1, "upper_bound": 3, "target_column": "r"}, {"lower_bound": 0.5, "upper_bound": 1.5, "target_column": "r"}],
    "now": [{"target_column": "r", "time_zone": "Europe/Paris"}],
    "today": [{"target_column": "r"}],
}


TEXT_PARAMS: list[tuple[str, dict[str, Any]]] = [
    ("split_column_from_start", {"source_column": S, "position": 1}),
    ("split_column_from_start", {"source_column": C, "position": 3}),
    ("split_column_from_start", {"source_column": N, "position": 1}),
    ("split_column_from_end", {"source_column": S, "position": 2}),
    ("split_column_between_positions", {"source_column": C, "start_position": 1, "end_position": 2}),
    ("split_column_with_intervals", {"source_column": S, "start_position": 1, "interval": 2, "limit": 3}),
    ("split_column_multiple_delimiter", {"source_column": S, "pattern_options": [{"pattern": " "}, {"pattern": "é", "include_in_split": True}], "limit": 2}),
    ("split_column_between_delimiter", {"source_column": C, "start_pattern": "é", "end_pattern": "名"}),
    ("remove_combined", {"source_column": S, "remove_letters": True, "collapse_consecutive_whitespace": True}),
    ("remove_combined", {"source_column": C, "remove_custom_value": True, "custom_value": "é"}),
    ("number_format", {"source_column": N, "decimal_places": 2, "numeric_thousand_separator": ","}),
    ("number_format", {"source_column": F, "decimal_places": 1, "numeric_abbreviated_unit": "BILLION", "numeric_unit_abbreviation": "bn"}),
    ("extract_value", {"source_column": OBJ, "path": "`k`", "target_column": "v"}),
    ("extract_value", {"source_column": S, "path": "a[0]", "target_column": "v"}),
    ("format_phone_number", {"source_column": S, "default_region": "JP"}),
    ("format_phone_number", {"source_column": T, "default_region_column": C, "phone_number_format": "NATIONAL"}),
    ("tokenization", {"source_column": S, "target_column": "tok", "stemming_mode": "PORTER", "stop_word_removal_mode": "DEFAULT"}),
    ("tokenization", {"source_column": C, "target_column": "tok", "expand_contractions": True, "delimiter": "|"}),
    ("advanced_datatype_flag", {"source_column": S, "advanced_data_type": "DateTime", "pattern": "YEAR", "filter_values": ["2020"], "target_column": "f"}),
    ("advanced_datatype_flag", {"source_column": T, "advanced_data_type": "ZipCode", "target_column": "f"}),
    ("extract_advanced_datatype_details", {"source_column": S, "advanced_data_type": "URL", "pattern": "TLD", "target_column": "x"}),
    ("extract_advanced_datatype_details", {"source_column": C, "advanced_data_type": "DateTime", "pattern": "WEEK", "target_column": "x"}),
    ("advanced_datatype_filter", {"source_column": S, "advanced_data_type": "Gender", "strategy": "DISCARD_ROWS"}),
    ("advanced_datatype_filter", {"source_column": C, "advanced_data_type": "State", "strategy": "CLEAR_OTHERS", "clear_with_empty": True}),
    ("get_advanced_datatype", {"source_column": S}),
    ("get_advanced_datatype", {"source_column": C}),
]

CLOCK_OPS = {"now", "today"}
"""The exported script reads the clock itself: same type and one value per frame."""


def exported(step: Step, df: pd.DataFrame) -> pd.DataFrame:
    """Run ``step``'s exported pandas code on a copy of ``df``."""
    code = codegen.step_code(step)
    assert code is not None
    env = {"pd": pd, "np": np, "re": re, "df": df.reset_index(drop=True).copy()}
    exec(code, env)  # noqa: S102 - the test runs the exported code
    return env["df"]


def check(op_id: str, params: dict[str, Any], df: pd.DataFrame) -> None:
    """``op_id`` on ``df``: refused with a BrewdeskError, or the planned schema, the input left
    unmodified, and the exported code giving the same frame."""
    before = df.copy()
    step = Step.create(op_id, params)
    try:
        schema = validate(Recipe(steps=(step,)), Schema.from_frame(df))
        out = run_pandas([step], df)
    except BrewdeskError:
        return
    pd.testing.assert_frame_equal(df, before)
    assert Schema.from_frame(out) == schema
    code = exported(step, df).reset_index(drop=True)
    out = out.reset_index(drop=True)
    if op_id in CLOCK_OPS:
        assert code["r"].nunique() <= 1 and code["r"].dtype == out["r"].dtype
        code, out = code.drop(columns="r"), out.drop(columns="r")
    pd.testing.assert_frame_equal(code, out)


def _params():
    variants = [(op, p) for op, plist in {**ROW_PARAMS, **FUNCTION_PARAMS}.items() for p in plist] + TEXT_PARAMS
    for i, (op_id, params) in enumerate(variants):
        reads_mixed = OBJ in json.dumps(params, ensure_ascii=False)
        for name in FRAMES if reads_mixed else ["unicode-mixed"]:
            yield pytest.param(op_id, params, name, id=f"{op_id}-{i}-{name}")


@pytest.mark.parametrize(("op_id", "params", "name"), list(_params()))
def test_hostile_values(op_id: str, params: dict[str, Any], name: str) -> None:
    check(op_id, params, FRAMES[name])


def test_expected_outcomes_on_the_unicode_frame() -> None:
    """A few results on the mixed frame, so the loop above cannot pass by failing everywhere."""
    df = FRAMES["unicode-mixed"]
    sums = run_pandas([Step.create("row_sum", {"source_columns": NUMS, "target_column": "r"})], df)["r"]
    # n + f + t (numeric text) + c (the category texts "é", "名", "" are no numbers)
    assert sums.tolist()[0] == 13.5 and pd.isna(sums.iloc[1])
    assert sums.tolist()[2:] == [4.25, 1e300, 1.0]
    counts = run_pandas([Step.create("row_count", {"source_columns": [*ANYS, OBJ], "target_column": "r"})], df)["r"]
    assert list(counts) == [8, 1, 6, 8, 6]


# --------------------------------------------------------------------------- nested values
NEST = "入れ子 o"


def table(rows: int, *, nulls: bool = False) -> pd.DataFrame:
    """Every type, ``rows`` rows (all missing with ``nulls``); the nested column holds structs."""
    def vals(v: Any) -> list[Any]:
        return [None if nulls else v] * rows

    df = frame({N: ("int64", vals(1)), S: ("string", vals('{"a": [1]}')), F: ("float64", vals(1.5)),
                C: ("category", vals("x"))})
    df[NEST] = pd.Series(vals({"a": [1, 2], "b": {"k": "é"}}), dtype=object)
    return df


NESTED_PARAMS: list[tuple[str, dict[str, Any]]] = [
    ("nest_to_array", {"source_columns": [N, F], "target_column": "数组"}),
    ("nest_to_map", {"source_columns": [S, C], "target_column": "m", "remove_source_columns": True}),
    ("nest_to_struct", {"source_columns": [N, S, NEST], "target_column": "s"}),
    ("unnest_array", {"source_column": NEST, "target_column": "e", "value_type": "string"}),
    ("unnest_map", {"source_column": NEST, "value_type": "string"}),
    ("unnest_struct", {"source_column": NEST, "fields": [{"name": "a"}, {"name": "b", "type": "string"}]}),
    ("unnest_struct_n", {"source_columns": [NEST], "unnest_level": 2,
                         "fields": [{"column": NEST, "path": ["a"]}, {"column": NEST, "path": ["b", "k"], "type": "string"}]}),
    ("json_to_structs", {"source_columns": [S], "unnest_level": 2}),
    ("unpivot", {"source_columns": [N, F], "unpivot_column": "名前", "value_column": "値"}),
    ("pivot", {"source_column": C, "value_column": F, "aggregate_function": "AVERAGE", "pivot_values": ["x"]}),
    ("pivot", {"source_column": S, "value_column": NEST, "aggregate_function": "COLLECT_LIST",
               "pivot_values": ['{"a": [1]}']}),
    ("transpose", {"pivot_columns": [C], "value_columns": [N, F], "new_column": "列", "pivot_values": ["x"],
                   "aggregate_function": "MAX"}),
]


NESTED_ERRORS: dict[tuple[str, str | None], dict[str, str]] = {
    # the nested column holds structs: unnesting them as arrays is refused, naming the column
    ("unnest_array", NEST): {"values": f"column '{NEST}' holds a dict value, not an array"},
    # pivot groups by every other column, and one of them is nested
    ("pivot", C): {"values": "holds nested values", "other": "holds nested values"},
}

@pytest.mark.parametrize(("op", "params"), NESTED_PARAMS, ids=[f"{p[0]}-{i}" for i, p in enumerate(NESTED_PARAMS)])
def test_nested_values(op: str, params: dict[str, Any]) -> None:
    """The data-structure operations on three rows holding structs: they work with the planned
    schema, or refuse as NESTED_ERRORS says; the input is never modified."""
    data = table(3)
    before = data.copy()
    recipe = Recipe(steps=(Step.create(op, params),))
    expected_error = NESTED_ERRORS.get((op, params.get("source_column")), {}).get("values")
    try:
        out = run_pandas(recipe, data)
    except BrewdeskError as e:
        assert expected_error and expected_error in str(e), e
        return
    finally:
        pd.testing.assert_frame_equal(data, before)
    assert not expected_error, f"expected an error containing {expected_error!r}"
    planned = validate(recipe, Schema.from_frame(data), {})
    assert Schema.from_frame(out) == planned


@pytest.mark.parametrize(("rows", "nulls"), [(0, False), (3, True)], ids=["empty", "all_null"])
def test_pivot_by_a_nested_column_is_refused(rows: int, nulls: bool) -> None:
    """PIVOT groups by every other column; a nested one is refused even without values."""
    op, params = next(p for p in NESTED_PARAMS if p[0] == "pivot" and p[1]["source_column"] == C)
    with pytest.raises(BrewdeskError, match=NESTED_ERRORS[("pivot", C)]["other"]):
        run_pandas(Recipe(steps=(Step.create(op, params),)), table(rows, nulls=nulls))


def test_unnest_array_of_empty_frame_keeps_schema() -> None:
    data = table(0)
    out = run_pandas(Recipe(steps=(Step.create("unnest_array", {"source_column": NEST, "target_column": NEST}),)), data)
    assert len(out) == 0 and list(out.columns) == [N, S, F, C, NEST]

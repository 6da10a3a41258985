"""Golden cases for json_to_structs (JSON text -> structs down to unnest_level; bad JSON missing)."""

from tests.golden.cases import GoldenCase, frame

DOCS = ['{"a": {"b": {"c": 1}}, "n": 2}', None, "not json", '[{"x": 1}, {"x": [2, 3]}]', "3"]

CASES = [
    GoldenCase(
        name="two_levels_replacing_the_text",
        input=frame({"id": ("int64", [1, 2, 3, 4, 5]), "doc": ("string", DOCS)}),
        params={"source_columns": ["doc"], "remove_source_column": True, "unnest_level": 2},
        # the third level stays JSON text; bad JSON and a bare number give missing values
        expected=frame({
            "id": ("int64", [1, 2, 3, 4, 5]),
            "doc": ("object", [{"a": {"b": '{"c":1}'}, "n": 2}, None, None, [{"x": 1}, {"x": [2, 3]}], None]),
        }),
    ),
    GoldenCase(
        name="one_level_new_column_by_regex",
        input=frame({"j_a": ("string", ['{"k": {"z": true}, "v": null}', '{"k": "é"}']),
                     "j_n": ("int64", [1, 2]), "other": ("string", ['{"q": 1}', None])}),
        params={"regex_column_selector": "j_.*"},
        # only text columns are taken by the regex (j_n is an integer column)
        expected=frame({
            "j_a": ("string", ['{"k": {"z": true}, "v": null}', '{"k": "é"}']),
            "j_a_struct": ("object", [{"k": '{"z":true}', "v": None}, {"k": "é"}]),
            "j_n": ("int64", [1, 2]),
            "other": ("string", ['{"q": 1}', None]),
        }),
    ),
    GoldenCase(
        name="condition_restricts_the_rows",
        input=frame({"doc": ("string", ['{"a": 1}', '{"a": 2}']), "ok": ("boolean", [True, False])}),
        params={"source_columns": ["doc"]},
        conditions=[{"condition": "IS", "target_column": "ok", "value": [True]}],
        expected=frame({
            "doc": ("string", ['{"a": 1}', '{"a": 2}']),
            # rows outside the condition: the runner's missing value for a new object column (NaN)
            "doc_struct": ("object", [{"a": 1}, float("nan")]),
            "ok": ("boolean", [True, False]),
        }),
    ),
    GoldenCase(
        name="nothing_selected",
        input=frame({"n": ("int64", [1])}),
        params={"regex_column_selector": "n"},
        error="no column selected",
    ),
    GoldenCase(
        name="not_text",
        input=frame({"n": ("int64", [1])}),
        params={"source_columns": ["n"]},
        error="column 'n' is int64, expected string",
    ),
    GoldenCase(
        name="new_column_exists",
        input=frame({"d": ("string", ["{}"]), "d_struct": ("string", ["x"])}),
        params={"source_columns": ["d"]},
        error="column 'd_struct' already exists",
    ),
]

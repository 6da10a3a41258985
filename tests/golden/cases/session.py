"""Golden cases for session (per group, in order: a new session after a gap of value units)."""

from tests.golden.cases import GoldenCase, frame

U = ["a", "b", "a", "a", None, "b", "a", "b"]
T = [
    "2024-01-01 10:00", "2024-01-01 10:00", "2024-01-01 10:20", "2024-01-01 10:50",
    None, "2024-01-01 10:29", "2024-01-01 10:10", "2024-01-01 11:00",
]
P = {"source_column": "t", "units": "MINUTES", "value": 30, "target_column": "sid"}

CASES = [
    GoldenCase(
        name="groups_ordered_by_time_gap_of_exactly_value_is_new",
        input=frame({"u": ("string", U), "t": ("datetime", T)}),
        params={**P, "group_by_columns": ["u"], "order_by_columns": ["t"]},
        # a: 10:00 10:10 10:20 | 10:50 (30 min gap); b: 10:00 10:29 | 11:00; the row with no
        # time (and no group) gets no number
        expected=frame({"u": ("string", U), "t": ("datetime", T), "sid": ("int64", [1, 1, 1, 2, None, 1, 1, 2])}),
    ),
    GoldenCase(
        name="no_groups_source_order",
        input=frame({"t": ("datetime", T)}),
        params=P,
        # source order: 10:00 10:00 10:20 10:50 - 10:29 (earlier: same session) 10:10 11:00
        expected=frame({"t": ("datetime", T), "sid": ("int64", [1, 1, 1, 2, None, 2, 2, 3])}),
    ),
    GoldenCase(
        name="missing_group_key_is_a_group",
        input=frame({"u": ("string", [None, "a", None, "a"]), "t": ("datetime", T[:4])}),
        params={**P, "value": 15, "group_by_columns": ["u"], "order_by_columns": ["t"]},
        expected=frame({
            "u": ("string", [None, "a", None, "a"]),
            "t": ("datetime", T[:4]),
            "sid": ("int64", [1, 1, 2, 2]),
        }),
    ),
    GoldenCase(
        name="calendar_months",
        input=frame({"t": ("datetime", ["2024-01-31", "2024-02-28", "2024-02-29", "2024-06-01", "2024-06-30"])}),
        params={"source_column": "t", "units": "MONTHS", "value": 1, "target_column": "sid"},
        # one month after 31 January is 29 February 2024
        expected=frame({
            "t": ("datetime", ["2024-01-31", "2024-02-28", "2024-02-29", "2024-06-01", "2024-06-30"]),
            "sid": ("int64", [1, 1, 1, 2, 2]),
        }),
    ),
    GoldenCase(
        name="order_by_another_column",
        input=frame({
            "n": ("int64", [3, 1, 2, 4]),
            "t": ("datetime", ["2024-01-01 00:00:05", "2024-01-01 00:00:00", "2024-01-01 00:00:01", "2024-01-01 00:00:09"]),
        }),
        params={"source_column": "t", "units": "SECONDS", "value": 2, "order_by_columns": ["n"], "target_column": "sid"},
        # order 1, 2, 3, 4: 0s 1s | 5s | 9s
        expected=frame({
            "n": ("int64", [3, 1, 2, 4]),
            "t": ("datetime", ["2024-01-01 00:00:05", "2024-01-01 00:00:00", "2024-01-01 00:00:01", "2024-01-01 00:00:09"]),
            "sid": ("int64", [2, 1, 1, 3]),
        }),
    ),
    GoldenCase(
        name="condition_masks_numbers_not_sessions",
        input=frame({"u": ("string", U), "t": ("datetime", T)}),
        params={**P, "group_by_columns": ["u"], "order_by_columns": ["t"]},
        conditions=[{"condition": "IS", "target_column": "u", "value": ["a"]}],
        expected=frame({
            "u": ("string", U),
            "t": ("datetime", T),
            "sid": ("int64", [1, None, 1, 2, None, None, 1, None]),
        }),
    ),
    GoldenCase(
        name="all_null_times",
        input=frame({"t": ("datetime", [None] * 4)}),
        params=P,
        expected=frame({"t": ("datetime", [None] * 4), "sid": ("int64", [None] * 4)}),
    ),
    GoldenCase(
        name="text_time_refused",
        input=frame({"t": ("string", ["10:00", "10:30"])}),
        params=P,
        error="column 't' is string",
    ),
    GoldenCase(
        name="unknown_unit_refused",
        input=frame({"t": ("datetime", T)}),
        params={**P, "units": "FORTNIGHTS"},
        error="units",
    ),
]

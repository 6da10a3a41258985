"""Property checks shared by the NOW and TODAY golden cases (their output depends on the clock).

Each check asserts, on one way's output: the input columns are unchanged and in place, the new
column is last and a datetime, every row holds the same value (so one-row partitions and the
preview agree on one instant), and that value is the wall-clock time (or date) in the step's
time zone, taken at most a minute before the check runs.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from . import frame

A = [1, None, 3, 4]
IN = frame({"a": ("int64", A), "s": ("string", ["x", None, "z", ""])})


def clock_check(column: str, time_zone: str, *, date_only: bool) -> Callable[[pd.DataFrame], None]:
    """A :class:`GoldenCase` ``check`` for a NOW (``date_only=False``) or TODAY step."""

    def check(out: pd.DataFrame) -> None:
        pd.testing.assert_frame_equal(out[["a", "s"]], IN, check_dtype=False)
        assert list(out.columns) == ["a", "s", column]
        v = out[column]
        assert pd.api.types.is_datetime64_dtype(v.dtype), v.dtype
        assert v.notna().all() and v.nunique() == 1, "every row must hold the same instant"
        got = v.iloc[0]
        now = pd.Timestamp.now(tz=time_zone).tz_localize(None)
        if date_only:
            assert got == got.normalize()
            assert got in {now.normalize(), (now - pd.Timedelta(minutes=1)).normalize()}, (got, now)
        else:
            assert got == got.floor("s"), "whole seconds"
            assert now - pd.Timedelta(minutes=1) <= got <= now, (got, now)

    return check


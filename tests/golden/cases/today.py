"""Golden cases for today (the run's date, the same in every row).

The value depends on the clock, so the non-error cases assert properties (``check``): type, one
value in every row in all four ways (pandas, engine on 1, 3 and one-row partitions, exported
code), and the wall-clock date in the step's time zone (see _clock).
"""

from __future__ import annotations

from . import GoldenCase
from ._clock import IN, clock_check

CASES = [
    GoldenCase("utc-by-default", IN, {"target_column": "t"}, check=clock_check("t", "UTC", date_only=True)),
    # +05:30 all year: a wrong conversion is off by hours, not seconds
    GoldenCase(
        "time-zone-kolkata",
        IN,
        {"target_column": "t", "time_zone": "Asia/Kolkata"},
        check=clock_check("t", "Asia/Kolkata", date_only=True),
    ),
    GoldenCase(
        "documented-us-pacific",
        IN,
        {"target_column": "t", "time_zone": "US/Pacific"},
        check=clock_check("t", "US/Pacific", date_only=True),
    ),
    GoldenCase("unknown-time-zone", IN, {"target_column": "t", "time_zone": "Mars/Olympus"}, error="unknown time zone 'Mars/Olympus'"),
    GoldenCase("target-exists", IN, {"target_column": "a"}, error="column 'a' already exists"),
]

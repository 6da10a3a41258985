"""Java date patterns (DataBrew's) translated to strftime for the date operations."""

from __future__ import annotations

import pytest
from brewdesk.recipes.ops._date_patterns import java_to_strftime


def test_java_patterns() -> None:
    j = java_to_strftime
    assert j("yyyy-MM-dd HH:mm:ss") == "%Y-%m-%d %H:%M:%S"
    assert j("yyyy-mm-dd") == "%Y-%m-%d"
    assert j("mm/dd/yyyy") == "%m/%d/%Y"
    assert j("dd/MM/yy hh:mm a") == "%d/%m/%y %I:%M %p"
    assert j("EEEE, MMMM d") == "%A, %B %d"
    assert j("yyyy-MM-dd'T'HH:mm:ss.SSS") == "%Y-%m-%dT%H:%M:%S.%f"
    assert j("YYYY-MM-DD") == "%Y-%m-%d"
    assert j("h 'o''clock' a, ''") == "%I o'clock %p, '"
    assert j("'at' HH") == "at %H"
    assert j("%d.%m.%Y") == "%d.%m.%Y"
    with pytest.raises(ValueError, match="unsupported letter 'z'"):
        j("yyyy z")

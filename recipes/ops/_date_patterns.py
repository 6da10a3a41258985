"""DataBrew/Java date patterns as strftime patterns (not an operation: the registry skips ``_`` modules).

- :func:`java_to_strftime`: convert a pattern (``yyyy-MM-dd HH:mm:ss``).
- :func:`strftime_or_problem`: the same for a step's field, a :class:`StepProblem` when it has no
  strftime equivalent.
"""

from __future__ import annotations

import re

from brewdesk.recipes.ops.base import StepProblem

_JAVA_LETTERS = {
    "y": "%Y", "Y": "%Y", "u": "%Y", "M": "%m", "L": "%m", "d": "%d", "D": "%j", "H": "%H",
    "k": "%H", "h": "%I", "K": "%I", "m": "%M", "s": "%S", "S": "%f", "a": "%p", "E": "%a",
}


def java_to_strftime(pattern: str) -> str:
    """Convert a DataBrew/Java date pattern (``yyyy-MM-dd HH:mm:ss``) to a strftime pattern.

    A pattern that already contains ``%`` is taken as strftime and returned as it is. Letters
    follow Java's ``DateTimeFormatter`` (``MM`` month, ``mm`` minute, ``MMM``/``MMMM`` month name,
    ``E``/``EEEE`` day name, ``a`` AM/PM, ``S...`` fraction, ``'text'`` literal), with two
    DataBrew allowances, because DataBrew's own pages write dates as ``yyyy-mm-dd`` and
    ``mm/dd/yyyy``: ``mm`` means the month when the pattern has no hour letter and no ``MM``, and
    ``DD`` means the day of the month when the pattern has no ``dd``.

    Raises
    ------
    ValueError
        For a letter outside the supported set (time zones included: datetimes are naive).
    """
    if "%" in pattern:
        return pattern
    has_hour = any(ch in pattern for ch in "HhkK")
    mm_is_month = not has_hour and "MM" not in pattern and "mm" in pattern
    dd_is_day = "dd" not in pattern and "DD" in pattern
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "'":
            if pattern.startswith("''", i):
                out.append("'")
                i += 2
                continue
            i += 1
            while True:
                if i >= len(pattern):
                    raise ValueError(f"unclosed quote in date pattern {pattern!r}")
                if pattern.startswith("''", i):
                    out.append("'")
                    i += 2
                elif pattern[i] == "'":
                    i += 1
                    break
                else:
                    out.append("%%" if pattern[i] == "%" else pattern[i])
                    i += 1
            continue
        if not ch.isalpha():
            out.append("%%" if ch == "%" else ch)
            i += 1
            continue
        j = i
        while j < len(pattern) and pattern[j] == ch:
            j += 1
        n = j - i
        if ch in "yYu":
            out.append("%y" if n == 2 else "%Y")
        elif ch in "ML" or (ch == "m" and mm_is_month):
            out.append("%m" if n <= 2 else "%b" if n == 3 else "%B")
        elif ch == "D" and dd_is_day:
            out.append("%d")
        elif ch == "E":
            out.append("%A" if n >= 4 else "%a")
        elif ch in _JAVA_LETTERS:
            out.append(_JAVA_LETTERS[ch])
        else:
            raise ValueError(f"unsupported letter {ch!r} in date pattern {pattern!r}")
        i = j
    return "".join(out)


def strftime_or_problem(pattern: str | None, field: str) -> str | None:
    """:func:`java_to_strftime`, raising :class:`StepProblem` on ``field`` when it fails."""
    if pattern is None:
        return None
    try:
        out = java_to_strftime(pattern)
    except ValueError as e:
        raise StepProblem(str(e), field=field) from None
    bad = [c for c in re.findall(r"%(.)", out) if c not in "YymdHIMSfjBbAap%z"]
    if bad:
        raise StepProblem(f"unsupported date format code %{bad[0]} in {pattern!r}", field=field)
    return out

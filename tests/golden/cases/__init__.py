"""Golden cases, one module per operation id: ``CASES = [GoldenCase(...), ...]``.

Each case is run the ways that must agree (``tests/golden/test_golden.py``; ``docs/architecture.md``,
the operation contract and its tests): pandas on the whole input, the engine with 1 partition,
the engine with several partitions (3, and one row per partition, so nulls, duplicates and fill
gaps fall across boundaries and some partitions are all-null), the exported pandas code, and for
FIT_MAP and NEIGHBOUR operations pandas pieces with empty ones between. An operation's first
working case is also its example for the contract test (``tests/recipes/test_contract.py``):
degenerate frames, forms, DataBrew round trip.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import canonical_frame, pandas_dtype


def frame(columns: dict[str, tuple[str, list[Any]]]) -> pd.DataFrame:
    """Build a frame from ``{name: (logical type, values)}`` with Brewdesk's dtypes.

    ``None`` is missing. Datetimes are given as ISO strings.
    """
    data = {}
    for name, (logical, values) in columns.items():
        if logical == "datetime":
            data[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype="object"), format="ISO8601"), dtype="datetime64[us]")
        elif logical == "category":
            data[name] = pd.Series(values, dtype="string").astype("category")
        else:
            data[name] = pd.Series(values, dtype=pandas_dtype(logical) if logical != "object" else "object")
    return canonical_frame(pd.DataFrame(data))


@dataclass
class GoldenCase:
    """One input, one step, and the expected output frame or error.

    Attributes
    ----------
    name
        Short case name (used in the test id).
    input
        The main input frame (build it with :func:`frame`).
    params
        The step's params (native snake_case keys).
    expected
        The expected output frame (row order = expected order), or ``None`` when ``error`` is set.
    error
        Substring of the expected error message (the error must be a BrewdeskError).
    conditions
        Native condition dicts (``{"condition", "target_column", "value"}``).
    inputs
        Secondary input frames by name (join, union).
    order_matters
        ``False`` when the operation does not define row order (compare sorted).
    code
        ``False`` when the exported code is not expected to reproduce the engine exactly
        (say why in ``reason``).
    reason
        Why a check is relaxed.
    check
        For an operation whose output cannot be written down in advance (NOW, TODAY): a function
        given each way's output frame (index reset) that asserts its properties (types, ranges,
        one value in every row); used instead of ``expected``.
    """

    name: str
    input: pd.DataFrame
    params: dict[str, Any]
    expected: pd.DataFrame | None = None
    error: str | None = None
    conditions: list[dict[str, Any]] = field(default_factory=list)
    inputs: dict[str, pd.DataFrame] = field(default_factory=dict)
    order_matters: bool = True
    code: bool = True
    reason: str = ""
    check: Callable[[pd.DataFrame], None] | None = None


def all_cases() -> list[tuple[str, GoldenCase]]:
    """``[(operation id, case)]`` for every case module in this package, sorted by operation id.

    Modules whose name starts with ``_`` hold data shared by several operations' cases.
    """
    out = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        out.extend((info.name, case) for case in module.CASES)
    return out

"""Shared code of the random and clock functions (not an operation): the random salt, the clock
statistic and :class:`ClockOperation`, the base of NOW and TODAY.

The kernels of IP_TO_INT, INT_TO_IP and URL_PARAMS are in :mod:`brewdesk.recipes.kernels.web`,
those of RANDOM and RANDOM_BETWEEN (``_bf_uniform``, ``_bd_splitmix``) in
:mod:`brewdesk.recipes.kernels.random`.

Reproducible random numbers
---------------------------
DataBrew's RANDOM and RANDOM_BETWEEN draw new numbers on every run. Brewdesk must give the same
output whatever the partitioning (the preview, the engine with any number of partitions and the
exported script), so a row's number is a hash of ``(salt, _rowid)``: :func:`_bf_uniform` runs
the SplitMix64 finalizer (Steele, Lea and Flood, 2014) over ``rowid * 0x9E3779B97F4A7C15 +
salt`` (``_bd_splitmix``, the hash of the PII random steps too) and keeps 53 bits, a uniform
number in [0, 1). The 64-bit ``salt`` is the BLAKE2b hash of
the step's ``seed`` (a Brewdesk-only parameter, never exported to DataBrew) or, without a seed, of
the target column's name: two RANDOM columns differ, and a recipe run twice on the same input
gives the same numbers. Row ids are source row numbers until a reshaping step (sort, join, union,
group by) renumbers the rows; after one, the numbers depend on the partition layout. The numbers
pass the usual statistical tests but are not cryptographic.

The clock
---------
NOW and TODAY read the clock as a whole-dataset statistic (``Stat("clock", "")``, taken without a
pass over the data on the machine that runs the job, once per run for all their steps), so every
row and every partition gets the same instant, in the preview as in the full run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd
from brewdesk.recipes.model.errors import StepError
from brewdesk.recipes.model.types import Schema
from brewdesk.recipes.ops._fit_common import literal
from brewdesk.recipes.ops._plumbing import place, place_code, place_schema
from brewdesk.recipes.ops.base import (
    Kind,
    Operation,
    Params,
    Stat,
    StepProblem,
    check_columns,
    new_column,
)
from pydantic import Field

CLOCK = Stat("clock", "")
"""The run's clock reading (a naive UTC ``pandas.Timestamp``), requested by NOW and TODAY."""


# =========================================================================== plumbing


def random_salt(seed: int | None, target_column: str) -> int:
    """The 64-bit salt of a RANDOM/RANDOM_BETWEEN step: BLAKE2b of its seed, or of its target
    column's name when it has no seed (stable across processes and machines)."""
    key = f"seed:{seed}" if seed is not None else f"column:{target_column}"
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def clock(fitted: Mapping[str, Any]) -> pd.Timestamp:
    """The run's clock reading from a NOW/TODAY step's fitted statistics.

    Raises
    ------
    StepError
        When the step was run without its statistics (a runner bug, not a data problem).
    """
    now = fitted.get("clock")
    if now is None:
        raise StepError("internal: the clock reading of this step is missing", hint="run it through the engine or preview")
    return pd.Timestamp(now)


def wall_clock(now: pd.Timestamp, time_zone: str) -> pd.Timestamp:
    """A naive UTC instant as the naive wall-clock time in ``time_zone``, whole seconds."""
    return now.tz_localize("UTC").tz_convert(time_zone).tz_localize(None).floor("s")


_ZONE = re.compile(r"^[A-Za-z0-9_+\-/]+$")


def check_time_zone(name: str) -> str | None:
    """A problem with an IANA time zone name, or ``None`` when it is known."""
    if not _ZONE.match(name):
        return f"unknown time zone {name!r}"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown time zone {name!r}; use an IANA name such as UTC, Europe/Paris or US/Pacific"
    return None


class ClockParams(Params):
    time_zone: str = Field("UTC", description="IANA time zone of the wall-clock time (DataBrew's default: UTC)")
    target_column: str = new_column(description="New column")


class ClockOperation(Operation):
    """Base of NOW and TODAY: the run's clock reading, in ``time_zone``, in every row.

    ``FIT_MAP`` so that the clock is read once (:data:`CLOCK`, a statistic the engine takes once per
    run) and every partition writes the same value; the column is appended at the end.
    """

    kind = Kind.FIT_MAP
    category = "Functions"
    Params = ClockParams
    date_only: ClassVar[bool] = False

    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        check_columns(params, schema)
        problem = check_time_zone(params.time_zone)
        if problem:
            raise StepProblem(problem, field="time_zone")
        return place_schema(schema, params.target_column, "datetime", None)

    def stats(self, params: Any, schema: Schema) -> dict[str, Stat]:
        return {"clock": CLOCK}

    def value(self, params: Any, now: pd.Timestamp) -> pd.Timestamp:
        """The value every row gets, from the clock reading (naive UTC)."""
        problem = check_time_zone(params.time_zone)
        if problem:
            raise StepError(problem, hint="use an IANA name such as UTC or Europe/Paris")
        local = wall_clock(now, params.time_zone)
        return local.normalize() if self.date_only else local

    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        v = self.value(params, clock(fitted))
        values = pd.Series(np.full(len(frame), v.to_datetime64()), index=frame.index).astype("datetime64[us]")
        return place(frame, params.target_column, values, None)

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str:
        now = fitted.get("clock")
        # the engine's reading as a literal; in a Dask script, the script's one reading (an
        # expression); without either, the exported script reads the clock itself
        read = literal(now) if now is not None else "pd.Timestamp.now(tz='UTC').tz_localize(None)"
        floor = ".normalize()" if self.date_only else ""
        lines = [
            f"_now = {read}",
            f"_now = _now.tz_localize('UTC').tz_convert({params.time_zone!r}).tz_localize(None).floor('s'){floor}",
        ]
        expr = "pd.Series(np.full(len(df), _now.to_datetime64()), index=df.index).astype('datetime64[us]')"
        return "\n".join(lines) + "\n" + place_code(params.target_column, expr, None)

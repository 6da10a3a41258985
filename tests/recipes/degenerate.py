"""Shared check of the degenerate-frame tests (empty, all-null, mixed frames) of row operations."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes import codegen
from brewdesk.recipes.errors import BrewdeskError
from brewdesk.recipes.recipe import Recipe, Step
from brewdesk.recipes.runner import run_pandas
from brewdesk.recipes.types import Schema
from brewdesk.recipes.validate import validate


def exported(step: Step, df: pd.DataFrame) -> pd.DataFrame:
    """Run ``step``'s exported pandas code on a copy of ``df``."""
    code = codegen.step_code(step)
    assert code is not None
    env = {"pd": pd, "np": np, "re": re, "df": df.reset_index(drop=True).copy()}
    exec(code, env)  # noqa: S102 - test of exported code
    return env["df"]


def check_degenerate(op_id: str, params: dict[str, Any], df: pd.DataFrame) -> None:
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
    pd.testing.assert_frame_equal(exported(step, df).reset_index(drop=True), out.reset_index(drop=True))

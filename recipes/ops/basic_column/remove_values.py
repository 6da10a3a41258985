"""REMOVE_VALUES: remove the rows where the step's conditions hold.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipes.html#recipes.structure (no page
of its own; the chess recipe there removes the rows whose ``winner`` IS ``draw``)

The rows to remove are chosen by the step's conditions (DataBrew's ConditionExpressions, ANDed);
the runner hands this operation their mask. ``source_column`` is kept for DataBrew's format (it
names the column the console's filter was opened on) and plays no other part. Without a
condition the step removes nothing: the schema is checked without data, where conditions are
not visible to ``columns()``, so an unconditioned step is accepted and is a no-op. The remaining
rows keep their order and row ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from brewdesk.recipes.ops.base import Kind, Operation, Params, column

CONDITION_MASK = "condition_mask"
"""Key of the condition mask in ``fitted`` (``brewdesk.recipes.model.runner.CONDITION_MASK``)."""


class RemoveValuesParams(Params):
    source_column: str | None = column(None, description="Column the filter was made on (informative)")


class RemoveValues(Operation):
    """Delete the rows where the step's conditions hold (none without a condition)."""

    id = "remove_values"
    kind = Kind.ROW
    category = "Filter"
    title = "Remove rows"
    databrew = ("REMOVE_VALUES",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipes.html#recipes.structure"
    Params = RemoveValuesParams
    handles_condition = True
    changes_rows = True

    def apply(self, params: RemoveValuesParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        mask = fitted.get(CONDITION_MASK)
        if mask is None:
            return frame
        return frame.loc[~np.asarray(mask, dtype=bool)]

    def describe(self, params: RemoveValuesParams) -> str:
        return "Remove rows"

    def to_code(self, params: RemoveValuesParams, fitted: Mapping[str, Any]) -> str:
        # codegen.step_code sets ``_mask`` (the step's conditions) just before this code; with no
        # condition there is none and, as in apply(), nothing is removed.
        return "df = df.loc[~_mask.to_numpy(dtype=bool)] if '_mask' in dir() else df"


OPERATION = RemoveValues()

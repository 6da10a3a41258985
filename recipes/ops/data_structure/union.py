"""UNION: append the rows of other datasets to this one.

DataBrew: https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNION.html

The other datasets are named recipe inputs (``secondary_inputs``; DataBrew's
``secondaryDatasetNames``), bound at run time with ``--input NAME=SOURCE``. Columns are matched
by name: the output has this dataset's columns, then any column only the others have, in order
of first appearance; a column a dataset lacks is missing in its rows. An integer column unioned
with a float column becomes float64; other type conflicts are refused at validation.
Rows keep their order: this dataset's rows first, then each other dataset's in turn.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
from brewdesk.recipes.model.types import Schema, pandas_dtype
from brewdesk.recipes.ops.base import Kind, Operation, Params, Primitive, StepProblem, json_list
from pydantic import Field


class UnionParams(Params):
    secondary_inputs: list[str] = Field(min_length=1, description="Names of the inputs appended")


class Union(Operation):
    """Append other inputs' rows, matching columns by name."""

    id = "union"
    kind = Kind.GLOBAL
    primitive = Primitive.UNION
    category = "Union"
    title = "Union"
    databrew = ("UNION",)
    doc_url = "https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.UNION.html"
    Params = UnionParams
    changes_rows = True

    def columns(self, params: UnionParams, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        out = dict(schema)
        for name in params.secondary_inputs:
            if name not in inputs:
                raise StepProblem(f"input '{name}' is not given (use --input {name}=SOURCE)", field="secondary_inputs")
            for c, t in inputs[name].items():
                if c not in out:
                    out[c] = t
                elif out[c] != t:
                    if {out[c], t} <= {"int64", "float64"}:
                        out[c] = "float64"
                    else:
                        raise StepProblem(
                            f"column '{c}' is {out[c]} here but {t} in input '{name}'", field="secondary_inputs"
                        )
        return Schema(out)

    def input_names(self, params: UnionParams) -> list[str]:
        return list(params.secondary_inputs)

    def align(self, params: UnionParams, frame: pd.DataFrame, target: Schema) -> pd.DataFrame:
        """One dataset's rows shaped like the union's output schema."""
        out = pd.DataFrame(index=frame.index)
        for c, t in target.items():
            out[c] = frame[c].astype(pandas_dtype(t)) if c in frame.columns else pd.Series(
                pd.NA, index=frame.index, dtype=pandas_dtype(t)
            )
        return out

    def apply(self, params: UnionParams, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        others = [fitted["inputs"][n] for n in params.secondary_inputs]
        target = self.columns(params, Schema.from_frame(frame), {n: Schema.from_frame(f) for n, f in fitted["inputs"].items()})
        parts = [self.align(params, f, target) for f in [frame, *others]]
        out = pd.concat(parts, ignore_index=True)
        out.index = pd.RangeIndex(len(out), name=frame.index.name)
        return out

    def describe(self, params: UnionParams) -> str:
        return f"Append rows of {', '.join(params.secondary_inputs)}"

    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        names = json_list(parameters.get("secondaryDatasetNames") or parameters.get("secondaryInputs") or "[]")
        return {"secondary_inputs": [n if isinstance(n, str) else n.get("DatasetName", "second") for n in names]}

    def to_databrew(self, params: UnionParams) -> tuple[str, dict[str, str]]:
        return "UNION", {"secondaryDatasetNames": json.dumps(list(params.secondary_inputs))}


OPERATION = Union()

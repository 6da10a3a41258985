"""Registry completeness (docs/architecture.md section 8): every operation is fully declared."""

from __future__ import annotations

import inspect
import sys

import pytest
from brewdesk.recipes.model.registry import by_databrew_name, operations
from brewdesk.recipes.ops.base import Kind, Operation
from pydantic import BaseModel

OPS = sorted(operations().values(), key=lambda o: o.id)


@pytest.mark.parametrize("op", OPS, ids=[o.id for o in OPS])
def test_operation_is_complete(op: Operation):
    assert op.id.isidentifier() and op.id == op.id.lower()
    assert op.title and op.category
    assert issubclass(op.Params, BaseModel)
    doc = inspect.getdoc(sys.modules[type(op).__module__])
    assert doc and len(doc) > 40, "the module docstring is the operation's help page"
    if op.databrew:
        assert op.doc_url.startswith("https://docs.aws.amazon.com/databrew/")
    # an unbroken upgrader chain from version 1
    for v in range(1, op.version):
        assert v in op.upgraders, f"no upgrader from v{v}"
    # the NEIGHBOUR protocol: the window, from which the carries are derived
    if op.kind is Kind.NEIGHBOUR:
        assert type(op).window is not Operation.window
    # the params schema renders (it drives the GUI form and `ops show`)
    schema = op.Params.model_json_schema()
    assert schema["type"] == "object"


def test_databrew_names_are_unique():
    seen: dict[str, str] = {}
    for op in OPS:
        for name in op.databrew:
            assert name not in seen, f"{name} claimed by {seen[name]} and {op.id}"
            seen[name] = op.id
    assert set(by_databrew_name()) == set(seen)

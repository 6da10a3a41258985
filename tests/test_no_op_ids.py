"""The engine and the exporters key on the operation contract, never on an operation id.

A GLOBAL operation declares its :class:`~brewdesk.recipes.ops.base.Primitive` (and implements
that primitive's protocol), a NEIGHBOUR operation its :class:`~brewdesk.recipes.ops.base.Window`;
``engine/`` and the code exporters read those declarations. This test parses their source and
fails on any string literal naming a GLOBAL or NEIGHBOUR operation, and on any comparison of a
``.id`` / ``.op`` attribute with an operation id of any kind. Nothing is allowed.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import brewdesk.engine
import pytest
from brewdesk.engine import primitives
from brewdesk.recipes.export import codegen, source
from brewdesk.recipes.export import inputs as codegen_inputs
from brewdesk.recipes.model.registry import operations
from brewdesk.recipes.ops.base import Kind, Operation, Primitive

ENGINE = Path(brewdesk.engine.__file__).parent
EXPORTERS = [Path(m.__file__) for m in (codegen, codegen_inputs, source)]


def _ops() -> list[Operation]:
    found = operations()
    return list(found.values()) if isinstance(found, dict) else list(found)


def _guarded_files() -> list[Path]:
    return sorted(ENGINE.rglob("*.py")) + EXPORTERS


def findings(source: str, *, reshaping: set[str], every: set[str]) -> list[str]:
    """Where ``source`` names an operation id: a literal naming a GLOBAL or NEIGHBOUR operation
    (``reshaping``), or a ``.id`` / ``.op`` compared with (or looked up in) any id (``every``)."""
    out = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in reshaping:
            out.append(f"line {node.lineno}: {node.value!r}")
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            by_id = any(isinstance(s, ast.Attribute) and s.attr in ("id", "op") for s in sides)
            names = {
                c.value
                for s in sides
                for c in ast.walk(s)
                if isinstance(c, ast.Constant) and isinstance(c.value, str)
            }
            if by_id and names & every:
                out.append(f"line {node.lineno}: compares an id with {sorted(names & every)}")
    return out


def test_engine_and_exporters_name_no_operation_id():
    ops = _ops()
    reshaping = {o.id for o in ops if o.kind in (Kind.GLOBAL, Kind.NEIGHBOUR)}
    every = {o.id for o in ops}
    problems = []
    for path in _guarded_files():
        for f in findings(path.read_text(encoding="utf-8"), reshaping=reshaping, every=every):
            problems.append(f"{path.name} {f}")
    assert not problems, "key on the primitive or the window, not on the operation id:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "code",
    [
        'if op.id == "sort":\n    pass',
        'x = step.op in ("union", "join")',
        'TABLE = {"remove_duplicates": 1}',
        'if step.op != "upper":\n    pass',
    ],
)
def test_the_check_finds_an_id(code):
    assert findings(code, reshaping={"sort", "union", "join", "remove_duplicates"}, every={"sort", "upper"})


def test_guarded_files_include_the_engine_and_both_exporters():
    names = {p.name for p in _guarded_files()}
    assert {"plan.py", "primitives.py", "execute.py", "export_dask.py", "script_runtime.py", "codegen.py"} <= names


def test_every_global_operation_declares_a_primitive_and_implements_its_protocol():
    for op in _ops():
        if op.kind is not Kind.GLOBAL:
            assert op.primitive is None, op.id
            continue
        assert isinstance(op.primitive, Primitive), op.id
        wanted = [n for n, v in vars(op.primitive.protocol).items() if inspect.isfunction(v) and not n.startswith("_")]
        assert wanted, op.primitive
        missing = [n for n in wanted if not callable(getattr(op, n, None))]
        assert not missing, f"{op.id} runs as {op.primitive} but lacks {missing}"


def test_every_primitive_has_an_engine_run():
    assert set(primitives._RUNS) == set(Primitive)


def test_every_neighbour_operation_declares_its_window():
    for op in _ops():
        declared = type(op).window is not Operation.window
        assert declared == (op.kind is Kind.NEIGHBOUR), op.id

"""The operation registry: every module in a category package of ``recipes/ops`` declares one operation.

The registry is the single list that drives the file format, validation, the engine, the CLI's
``brewdesk ops`` commands, the app's menus and the tests that run every operation (as VisiData's
one command table drives its menus, replay and help).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from brewdesk.recipes import ops as _ops_pkg
from brewdesk.recipes.model.errors import UnknownOperationError, did_you_mean
from brewdesk.recipes.ops.base import Operation


@cache
def operations() -> dict[str, Operation]:
    """All operations, ``{id: Operation}``, sorted by id.

    Each module ``recipes/ops/<category>/<id>.py`` exposes ``OPERATION``, an :class:`Operation`
    instance whose ``id`` equals the module name. The category packages follow the groups of
    DataBrew's recipe step and function reference; modules whose name starts with ``_`` are
    helpers, not operations.

    Raises
    ------
    RuntimeError
        When a module breaks the convention (a programming error, caught by the tests).
    """
    found: dict[str, Operation] = {}
    for info in pkgutil.walk_packages(_ops_pkg.__path__, prefix=f"{_ops_pkg.__name__}."):
        *_, name = info.name.rpartition(".")
        if info.ispkg or name.startswith("_") or info.name.count(".") != 4:
            continue
        module = importlib.import_module(info.name)
        where = info.name.removeprefix("brewdesk.").replace(".", "/") + ".py"
        op = getattr(module, "OPERATION", None)
        if not isinstance(op, Operation):
            raise RuntimeError(f"{where} defines no OPERATION")
        if op.id != name:
            raise RuntimeError(f"{where} declares id {op.id!r}")
        if op.id in found:
            raise RuntimeError(f"{where} declares id {op.id!r} a second time")
        found[op.id] = op
    return dict(sorted(found.items()))


def get(op_id: str) -> Operation:
    """The operation with id ``op_id``.

    Raises
    ------
    UnknownOperationError
        With the closest id as a suggestion.
    """
    ops = operations()
    if op_id not in ops:
        raise UnknownOperationError(f"unknown operation '{op_id}'{did_you_mean(op_id, ops)}")
    return ops[op_id]


def find(op_id: str) -> Operation | None:
    """The operation with id ``op_id``, or ``None``."""
    return operations().get(op_id)


@cache
def by_databrew_name() -> dict[str, Operation]:
    """``{DataBrew operation name: Operation}`` for import."""
    out: dict[str, Operation] = {}
    for op in operations().values():
        for name in op.databrew:
            out.setdefault(name, op)
    return out

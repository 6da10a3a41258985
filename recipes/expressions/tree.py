"""The tree of the expression language: whitelisted node types and walks over them.

Parsed by :mod:`brewdesk.recipes.expressions.parser`; checked, evaluated and exported by
:mod:`brewdesk.recipes.expressions.evaluate`. Nodes are frozen dataclasses; ``pos`` is the 0-based
offset of the node in the expression text (for error messages). Every walk here is bounded by
the parser's depth and size limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Node:
    """Base of every node: ``pos`` is the 0-based offset in the expression text."""

    pos: int


@dataclass(frozen=True)
class Literal(Node):
    value: str | int | float | bool | None


@dataclass(frozen=True)
class Column(Node):
    name: str


@dataclass(frozen=True)
class Aggregate(Node):
    name: str


@dataclass(frozen=True)
class Compare(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Logic(Node):
    op: str  # "and" | "or"
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    item: Node


@dataclass(frozen=True)
class Call(Node):
    fn: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Case(Node):
    whens: tuple[tuple[Node, Node], ...]
    default: Node | None


VALUE_NODES = (Literal, Column, Aggregate)


def walk(node: Node) -> list[Node]:
    """Every node of a tree, parents first (iterative: no recursion limit to reach)."""
    out: list[Node] = []
    stack = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        if isinstance(n, Compare):
            stack += [n.right, n.left]
        elif isinstance(n, Logic):
            stack += reversed(n.items)
        elif isinstance(n, Not):
            stack.append(n.item)
        elif isinstance(n, Call):
            stack += reversed(n.args)
        elif isinstance(n, Case):
            if n.default is not None:
                stack.append(n.default)
            for c, v in reversed(n.whens):
                stack += [v, c]
    return out


def columns_of(node: Node) -> list[str]:
    """Column names a tree reads, in order, without duplicates."""
    return list(dict.fromkeys(n.name for n in walk(node) if isinstance(n, Column)))


def aggregates_of(node: Node) -> list[str]:
    """Aggregate names a tree reads, in order, without duplicates."""
    return list(dict.fromkeys(n.name for n in walk(node) if isinstance(n, Aggregate)))


def rename_columns(node: Node, mapping: Mapping[str, str]) -> Node:
    """A copy of the tree with column references renamed (for recipe-wide renames)."""
    if isinstance(node, Column):
        return replace(node, name=mapping.get(node.name, node.name))
    if isinstance(node, Compare):
        return replace(node, left=rename_columns(node.left, mapping), right=rename_columns(node.right, mapping))
    if isinstance(node, Logic):
        return replace(node, items=tuple(rename_columns(i, mapping) for i in node.items))
    if isinstance(node, Not):
        return replace(node, item=rename_columns(node.item, mapping))
    if isinstance(node, Call):
        return replace(node, args=tuple(rename_columns(a, mapping) for a in node.args))
    if isinstance(node, Case):
        whens = tuple((rename_columns(c, mapping), rename_columns(v, mapping)) for c, v in node.whens)
        default = None if node.default is None else rename_columns(node.default, mapping)
        return replace(node, whens=whens, default=default)
    return node


def to_text(node: Node) -> str:
    """Canonical expression text of a tree (DataBrew syntax), e.g. for export after a rename."""
    if isinstance(node, Literal):
        v = node.value
        if v is None:
            return "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"
        return repr(v)
    if isinstance(node, Column):
        return f"`{node.name}`"
    if isinstance(node, Aggregate):
        return f"`:{node.name}`"
    if isinstance(node, Compare):
        return f"{to_text(node.left)} {'==' if node.op == '=' else node.op} {to_text(node.right)}"
    if isinstance(node, Logic):
        return "(" + f" {node.op} ".join(to_text(i) for i in node.items) + ")"
    if isinstance(node, Not):
        return f"!({to_text(node.item)})"
    if isinstance(node, Call):
        return f"{node.fn}(" + ", ".join(to_text(a) for a in node.args) + ")"
    assert isinstance(node, Case)
    whens = " ".join(f"when {to_text(c)} then {to_text(v)}" for c, v in node.whens)
    default = f" else {to_text(node.default)}" if node.default is not None else ""
    return f"case {whens}{default} end"

"""Transform menus generated from the operation registry (never hand-listed).

A new module in ``recipes/ops`` appears in the Transforms menu, the toolbar and the column
context menus without any GUI code: operations are grouped by their ``category``, in DataBrew's
order of categories, unknown categories last.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from brewdesk.recipes.model import registry
from brewdesk.recipes.ops.base import Operation, column_fields
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QWidget

CATEGORY_ORDER = (
    "Filter", "Sort", "Column", "Format", "Clean", "Extract", "Missing", "Invalid", "Duplicates",
    "Outliers", "Split", "Merge", "Create", "Functions", "Group", "Join", "Union", "Pivot",
    "Scale", "Encode",
)
CATEGORY_ICONS = {
    "Filter": "mdi6.filter-outline", "Sort": "mdi6.sort", "Column": "mdi6.table-column",
    "Format": "mdi6.format-letter-case", "Clean": "mdi6.broom", "Extract": "mdi6.text-search",
    "Missing": "mdi6.table-question", "Invalid": "mdi6.alert-octagon-outline",
    "Duplicates": "mdi6.content-duplicate", "Outliers": "mdi6.chart-bell-curve",
    "Split": "mdi6.call-split", "Merge": "mdi6.call-merge", "Create": "mdi6.table-column-plus-after",
    "Functions": "mdi6.function-variant", "Group": "mdi6.group", "Join": "mdi6.set-center",
    "Union": "mdi6.set-all", "Pivot": "mdi6.table-pivot", "Scale": "mdi6.scale-balance",
    "Encode": "mdi6.code-braces",
}


def category_icon(category: str) -> QIcon:
    """An icon for a category (a generic one for categories without their own)."""
    try:
        return qta.icon(CATEGORY_ICONS.get(category, "mdi6.cog-outline"), color="#37474f")
    except Exception:  # noqa: BLE001 - icons are decoration
        return QIcon()


def by_category() -> dict[str, list[Operation]]:
    """Operations grouped by category, categories in DataBrew's order, ops by title."""
    groups: dict[str, list[Operation]] = {}
    for op in registry.operations().values():
        groups.setdefault(op.category, []).append(op)
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    keys = sorted(groups, key=lambda c: (order.get(c, len(order)), c))
    return {k: sorted(groups[k], key=lambda o: o.title.lower()) for k in keys}


def first_column_field(op: Operation) -> tuple[str, dict] | None:
    """The operation's first column parameter ``(name, {"types", "multiple"})``, if any."""
    fields = column_fields(op.Params)
    if not fields:
        return None
    name = next(iter(fields))
    return name, fields[name]


def fits(op: Operation, logical: str) -> bool:
    """Whether the operation's first column parameter accepts a column of this type."""
    first = first_column_field(op)
    if first is None:
        return False
    types = first[1].get("types")
    return not types or logical in types


def prefill_for(op: Operation, column: str) -> dict:
    """Parameters that put ``column`` in the operation's first column field."""
    first = first_column_field(op)
    if first is None:
        return {}
    name, spec = first
    return {name: [column] if spec.get("multiple") else column}


def fill_menu(menu: QMenu, trigger: Callable[[Operation], None], *, logical: str | None = None) -> int:
    """Add one submenu per category to ``menu``; with ``logical``, only operations that fit.

    Returns
    -------
    int
        Number of operations added.
    """
    n = 0
    for category, ops in by_category().items():
        chosen = [op for op in ops if logical is None or fits(op, logical)]
        if not chosen:
            continue
        sub = menu.addMenu(category_icon(category), category)
        for op in chosen:
            act = sub.addAction(op.title)
            act.setToolTip(op.doc_url or op.id)
            act.setData(op.id)
            act.triggered.connect(lambda _=False, o=op: trigger(o))
            n += 1
    return n


def category_menu(parent: QWidget, ops: list[Operation], trigger: Callable[[Operation], None]) -> QMenu:
    """A flat menu of one category's operations (for toolbar buttons)."""
    menu = QMenu(parent)
    for op in ops:
        act = menu.addAction(op.title)
        act.setData(op.id)
        act.triggered.connect(lambda _=False, o=op: trigger(o))
    return menu

"""Kernel of the column order: the MOVE_* operations.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations


def _bd_move(names, column, index=None, anchor=None, offset=0):
    """``names`` (a list) with ``column`` moved: next to ``anchor`` (``offset`` 0 before it, 1
    after it), else to position ``index`` among the other names, else to the end. Moving a
    column next to itself changes nothing."""
    names = list(names)
    if column == anchor:
        return names
    rest = [x for x in names if x != column]
    if anchor is not None:
        i = rest.index(anchor) + offset
    else:
        i = len(rest) if index is None else index
    return rest[:i] + [column] + rest[i:]

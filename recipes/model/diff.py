"""What a step changes on the sample: the preview diff shown before a step is applied.

Rows are matched by row id (the ``_rowid`` index the runner gives frames, or a ``_rowid``
column), so a step that removes rows still compares the rows that remain with themselves. Steps
that rebuild the rows (sort, group by, join, union: ``Kind.GLOBAL``) renumber the row ids; for
them the caller passes ``align=False`` and only the row and column counts are compared.

>>> import pandas as pd
>>> before = pd.DataFrame({"a": [1, 2, None]}, dtype="Int64")
>>> after = before.assign(a=before["a"].fillna(0))
>>> diff(before, after).text
'1 cell changed'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from brewdesk.recipes.model.types import NUMERIC, ROWID, logical_type

__all__ = ["PreviewDiff", "diff"]


@dataclass(frozen=True)
class PreviewDiff:
    """The effect of one step on a frame.

    Attributes
    ----------
    changed
        ``{column: bool array}`` for columns present before and after; the array has one entry
        per row of the *after* frame (positional), ``True`` where the value differs from the
        same row (same row id) before. Empty when the rows were not aligned.
    new_columns
        Columns of the after frame that did not exist before, in after order.
    removed_columns
        Columns that existed before and are gone.
    retyped_columns
        Columns whose logical type changed.
    removed_rowids
        Row ids present before and missing after (aligned diffs only), in before order.
    added_rows
        Rows of the after frame whose row id did not exist before (aligned diffs only).
    rows_before, rows_after
        Row counts.
    aligned
        Whether rows were matched by row id.
    """

    changed: dict[str, np.ndarray] = field(default_factory=dict)
    new_columns: tuple[str, ...] = ()
    removed_columns: tuple[str, ...] = ()
    retyped_columns: tuple[str, ...] = ()
    removed_rowids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype="int64"))
    added_rows: int = 0
    rows_before: int = 0
    rows_after: int = 0
    aligned: bool = True

    @property
    def cells_changed(self) -> int:
        """Number of changed cells in columns present before and after."""
        return int(sum(int(m.sum()) for m in self.changed.values()))

    @property
    def rows_removed(self) -> int:
        """Rows removed (for unaligned diffs: the drop in the row count, if any)."""
        if self.aligned:
            return len(self.removed_rowids)
        return max(self.rows_before - self.rows_after, 0)

    @property
    def changed_columns(self) -> list[str]:
        """Columns with at least one changed cell."""
        return [c for c, m in self.changed.items() if m.any()]

    @property
    def text(self) -> str:
        """Counts as a sentence, e.g. ``"1,204 cells changed, 37 rows removed"``."""
        parts: list[str] = []
        if self.aligned:
            n = self.cells_changed
            if n:
                parts.append(_count(n, "cell") + " changed")
            if self.rows_removed:
                parts.append(_count(self.rows_removed, "row") + " removed")
            if self.added_rows:
                parts.append(_count(self.added_rows, "row") + " added")
        elif self.rows_before != self.rows_after:
            parts.append(f"{self.rows_before:,} rows \N{RIGHTWARDS ARROW} {self.rows_after:,} rows")
        else:
            parts.append(f"{self.rows_after:,} rows rearranged")
        if self.new_columns:
            parts.append(_count(len(self.new_columns), "new column"))
        if self.removed_columns:
            parts.append(_count(len(self.removed_columns), "column") + " removed")
        if self.retyped_columns:
            parts.append(_count(len(self.retyped_columns), "column") + " retyped")
        return ", ".join(parts) if parts else "no change on the sample"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _indexed(frame: pd.DataFrame) -> pd.DataFrame:
    if ROWID in frame.columns:
        return frame.set_index(ROWID)
    return frame


def _differs(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Element-wise 'values differ' (missing equals missing); ``a`` and ``b`` share an index."""
    na_a = a.isna().to_numpy(dtype=bool)
    na_b = b.isna().to_numpy(dtype=bool)
    la, lb = logical_type(a.dtype), logical_type(b.dtype)
    if la != lb:
        if la in NUMERIC and lb in NUMERIC:
            a, b = a.astype("Float64"), b.astype("Float64")
        else:
            a, b = a.astype("string"), b.astype("string")
    try:
        eq = a.eq(b)
        eq_arr = eq.fillna(False).to_numpy(dtype=bool) if eq.dtype != bool else eq.to_numpy()
    except (TypeError, ValueError):
        eq_arr = np.fromiter((x == y for x, y in zip(a.tolist(), b.tolist(), strict=True)), bool, len(a))
    same = eq_arr | (na_a & na_b)
    return ~same


def diff(before: pd.DataFrame, after: pd.DataFrame, *, align: bool = True) -> PreviewDiff:
    """Compare the frame before a step with the frame after it.

    Parameters
    ----------
    before, after
        Frames indexed by row id (or holding a ``_rowid`` column).
    align
        Match rows by row id. Pass ``False`` for steps that rebuild the rows (sort, group by,
        join, union); rows are also left unmatched when either row-id index has duplicates.

    Returns
    -------
    PreviewDiff
        Changed-cell masks positional over ``after``'s rows, new/removed columns, removed row
        ids and counts.
    """
    b = _indexed(before)
    a = _indexed(after)
    bcols = [str(c) for c in b.columns]
    acols = [str(c) for c in a.columns]
    new_columns = tuple(c for c in acols if c not in bcols)
    removed_columns = tuple(c for c in bcols if c not in acols)
    common = [c for c in acols if c in bcols]
    retyped = tuple(c for c in common if logical_type(a[c].dtype) != logical_type(b[c].dtype))
    base = dict(
        new_columns=new_columns,
        removed_columns=removed_columns,
        retyped_columns=retyped,
        rows_before=len(b),
        rows_after=len(a),
    )
    if not align or not (a.index.is_unique and b.index.is_unique):
        return PreviewDiff(aligned=False, **base)
    present = a.index.isin(b.index)
    added_rows = int((~present).sum())
    removed = b.index[~b.index.isin(a.index)].to_numpy(dtype="int64", copy=True)
    changed: dict[str, np.ndarray] = {}
    if len(a):
        rows = a.index[present]
        for c in common:
            mask = np.zeros(len(a), dtype=bool)
            if len(rows):
                mask[present] = _differs(a[c][present], b[c].reindex(rows))
            changed[c] = mask
    else:
        changed = {c: np.zeros(0, dtype=bool) for c in common}
    return PreviewDiff(changed=changed, removed_rowids=removed, added_rows=added_rows, aligned=True, **base)

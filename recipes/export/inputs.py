"""Exported code for the steps that read secondary inputs: JOIN and UNION (pandas and Dask scripts).

The statements call the kernels of :mod:`brewdesk.recipes.kernels.datasets`, which the script
defines once at its top like every kernel (:mod:`brewdesk.recipes.export.source`).
"""

from __future__ import annotations


def join_arguments(keys: list[tuple[str, str]], how: str, left: list[str] | None, right: list[str] | None) -> str:
    """The arguments after the two frames of :func:`brewdesk.recipes.kernels.datasets._bi_join_rows`, as code."""
    return f"{keys!r}, {how!r}, {left!r}, {right!r}"


def join_code(name: str, arguments: str) -> str:
    """pandas statements joining ``df`` with ``inputs[name]`` (they call the join kernels)."""
    right = f"inputs[{name!r}]"
    return (
        f"_joined, _matched = _bi_join_rows(df, {right}, {arguments})\n"
        f"df = _bi_join_concat(_joined, _bi_join_right_only(list(df.columns), {right}, {arguments}, _matched))"
    )


def union_code(names: list[str]) -> str:
    """pandas statements appending the rows of ``inputs[name]`` for each name to ``df``.

    Columns are matched by name, rows keep their order (this dataset's first), as
    :mod:`brewdesk.recipes.ops.data_structure.union` does.
    """
    others = ", ".join(f"inputs[{n!r}]" for n in names)
    return (
        f"_frames = [df, {others}]\n_dtypes = _bi_union_dtypes(_frames)\n"
        "df = pd.concat([_bi_aligned(_f, _dtypes) for _f in _frames], ignore_index=True)"
    )

"""Helper functions written into exported Dask scripts (:mod:`brewdesk.recipes.codegen_dask`).

Each entry is Python source that a script includes when one of its steps needs it; ``NEEDS``
lists the entries an entry calls. The helpers use only Dask, pandas and numpy.
"""

from __future__ import annotations

from brewdesk.recipes.codegen import UNION_HELPERS
from brewdesk.recipes.codegen_join import JOIN_HELPERS

HELPERS: dict[str, str] = {
    "map": '''
def _map(ddf, fn):
    """Run the pandas function ``fn`` on every partition (an empty partition stays empty)."""
    meta = _meta(ddf, fn)
    return ddf.map_partitions(lambda df: _like(fn(df), meta) if len(df) else meta, meta=meta)


def _meta(ddf, fn):
    """The columns and dtypes ``fn`` gives, worked out on no rows (or on Dask's made-up rows)."""
    try:
        return fn(ddf._meta.copy())
    except Exception:  # some pandas code needs a row
        return fn(ddf._meta_nonempty).iloc[:0]


def _like(df, meta):
    """Give a partition the dtypes of ``meta`` where they differ (an all-missing partition).

    Categories are left as they are: Dask's meta does not know them.
    """
    for c in meta.columns:
        if isinstance(meta[c].dtype, pd.CategoricalDtype):
            continue
        if c in df.columns and df[c].dtype != meta[c].dtype and df[c].isna().all():
            try:
                df[c] = df[c].astype(meta[c].dtype)
            except (TypeError, ValueError):
                pass
    return df
''',
    "statistics": '''
_CLOCK = []


def _statistics(ddf, wanted):
    """Whole-dataset statistics in one pass over the data, missing values ignored.

    ``wanted``: {key: (statistic, column, argument)}. Median, quantiles, mode and distinct values
    are exact, from the column's value counts (never an approximation).
    """
    lazy = {}
    for key, (name, col, arg) in wanted.items():
        if name == "clock":  # the time the statistics are taken (NOW, TODAY): reads no data
            continue
        s = ddf[col]
        if name in ("median", "quantile", "mode", "distinct", "value_counts"):
            lazy[key] = s.dropna().value_counts()
        else:
            lazy[key] = getattr(s, name)()
    values = dict(zip(lazy, dask.compute(*lazy.values())))
    if not _CLOCK:  # read once per script run: every NOW and TODAY step sees the same time
        _CLOCK.append(pd.Timestamp.now(tz="UTC").tz_localize(None))
    clock = _CLOCK[0]
    return {
        key: clock if name == "clock" else _finish(name, arg, values[key])
        for key, (name, _c, arg) in wanted.items()
    }


def _finish(name, arg, value):
    if name in ("median", "quantile", "mode", "distinct", "value_counts"):
        counts = value[value > 0].sort_index()
        if name == "value_counts":
            return counts
        if name == "distinct":
            return list(counts.index)
        if counts.empty:
            return None
        if name == "mode":
            return _mode(counts, str(arg or "MINIMUM").upper())
        return _quantile(counts, 0.5 if name == "median" else float(arg))
    if name == "count":
        return int(value)
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return value.item() if isinstance(value, np.generic) else value


def _quantile(counts, q):
    """Exact quantile (linear interpolation, as pandas) from sorted value counts."""
    cum = counts.to_numpy().cumsum()
    pos = q * (int(cum[-1]) - 1)
    lo, hi = int(np.floor(pos)), int(np.ceil(pos))
    v_lo = counts.index[int(np.searchsorted(cum, lo + 1))]
    v_hi = counts.index[int(np.searchsorted(cum, hi + 1))]
    if lo == hi or v_lo == v_hi:
        return v_lo
    try:
        return v_lo + (v_hi - v_lo) * (pos - lo)
    except TypeError:
        return v_lo


def _mode(counts, rule):
    """Most frequent value; ties broken by DataBrew's rule (MINIMUM, MAXIMUM, AVERAGE, NONE)."""
    values = list(counts[counts == counts.max()].index)
    if len(values) == 1 or rule == "NONE":
        return values[0] if len(values) == 1 else None
    if rule == "AVERAGE":
        return float(np.mean([float(v) for v in values]))
    return max(values) if rule == "MAXIMUM" else min(values)
''',
    "context": '''
def _contexts(ddf, before, after, keep=None):
    """For each partition, the rows it needs from the others (one small pass over the data).

    ``(above, below)``: the last ``before`` rows of the partitions above it (among the rows
    ``keep`` selects, when given) and the first ``after`` rows of the partitions below it.
    """

    def ends(df):
        kept = keep(df) if keep is not None else df
        return kept.tail(before) if before else kept.iloc[:0], df.head(after) if after else df.iloc[:0]

    parts = dask.compute(*[dask.delayed(ends)(p) for p in ddf.to_delayed()])
    above, acc = [], ddf._meta
    for last, _first in parts:
        above.append(acc)
        if len(last):
            acc = (pd.concat([acc, last]) if len(acc) else last).tail(before)
    below, acc = [], ddf._meta
    for _last, first in reversed(parts):
        below.append(acc)
        if len(first):
            acc = (pd.concat([first, acc]) if len(acc) else first).head(after)
    return list(zip(above, reversed(below)))


def _map_around(ddf, fn, contexts):
    """Run ``fn`` on every partition between its context rows, which are then dropped."""

    def run(df, partition_info=None):
        above, below = contexts[partition_info["number"]] if partition_info else (df.iloc[:0], df.iloc[:0])
        if not len(above) and not len(below):
            return fn(df)
        both = pd.concat([x for x in (above, df, below) if len(x)], ignore_index=True)
        out = fn(both).iloc[len(above) : len(above) + len(df)]
        out.index = df.index
        return out

    meta = _meta(ddf, fn)
    return ddf.map_partitions(
        lambda df, partition_info=None: _like(run(df, partition_info), meta) if len(df) else meta, meta=meta
    )
''',
    "offsets": '''
def _offsets(ddf):
    """Number of rows before each partition (one small pass over the data)."""
    sizes = ddf.map_partitions(len).compute().tolist()
    return [int(x) for x in np.cumsum([0, *sizes[:-1]])]
''',
    "positions": '''
def _positioned(ddf):
    """Index every row by its position in the data (0, 1, ...), as pandas reads a whole file."""
    starts = _offsets(ddf)

    def number(df, partition_info=None):
        n = starts[partition_info["number"]] if partition_info else 0
        return df.set_axis(pd.RangeIndex(n, n + len(df)), axis=0)

    return ddf.map_partitions(number, meta=ddf._meta)
''',
    "rowid": '''
ROWID_BLOCK = 2**40


def _numbered(ddf):
    """Add ``_rowid``: partition * 2**40 + position, increasing in the current row order."""

    def number(df, partition_info=None):
        n = partition_info["number"] if partition_info else 0
        return df.assign(_rowid=np.arange(len(df), dtype="int64") + n * ROWID_BLOCK)

    return ddf.map_partitions(number, meta=number(ddf._meta))
''',
    "sort": '''
def _sorted(ddf, keys, ascending, nulls_first):
    """Stable sort on several keys, each ascending or not, missing values first or last.

    Dask's ``sort_values`` needs a numeric first key, so each row first gets the number of the
    range of the first key it falls in (``_part``, cut from a sample), then rows are sorted on
    ``_part``, on "is missing" and the value of each key, and on ``_rowid`` (equal keys keep
    their order).
    """
    ddf = _numbered(ddf)
    first, n = keys[0], ddf.npartitions

    def order(s):
        return s.cat.codes.where(s.notna()) if isinstance(s.dtype, pd.CategoricalDtype) else s

    sample = ddf[first].map_partitions(lambda s: order(s).dropna().iloc[:: max(1, len(s) // 100)]).compute()
    cuts = np.sort(sample.to_numpy())
    cuts = cuts[[len(cuts) * i // n for i in range(1, n)]] if len(cuts) else cuts

    def part(df):
        s = order(df[first])
        valid = s.notna().to_numpy()
        pos = np.zeros(len(s), dtype="int64")
        if len(cuts) and valid.any():
            pos[valid] = np.searchsorted(cuts, s[valid].to_numpy(), side="right")
        if not ascending[0]:
            pos = (n - 1) - pos
        out = df.assign(_part=np.where(valid, pos + 1, 0 if nulls_first[0] else n + 1))
        for i, (k, top) in enumerate(zip(keys, nulls_first)):
            out[f"_na{i}"] = df[k].notna() if top else df[k].isna()
        return out

    ddf = ddf.map_partitions(part, meta=part(ddf._meta))
    by = ["_part", *[x for i, k in enumerate(keys) for x in (f"_na{i}", k)], "_rowid"]
    asc = [True, *[x for a in ascending for x in (True, a)], True]
    ddf = ddf.sort_values(by, ascending=asc)
    return ddf.drop(columns=["_part", "_rowid", *[f"_na{i}" for i in range(len(keys))]])
''',
    "bykey": '''
def _by_key(ddf, keys, fn):
    """Run ``fn`` with all the rows of each key in one partition, in source order.

    Dask's ``shuffle`` brings equal keys together (no keys: every row in one partition); each
    partition is put in source order (``_rowid``) before ``fn`` sees it, and the rows are sorted
    back into source order after.
    """
    ddf = _numbered(ddf)

    def run(df):
        return fn(df.sort_values("_rowid").set_index("_rowid")).reset_index()

    ddf = _map(ddf.shuffle(on=keys) if keys else ddf.repartition(npartitions=1), run)
    return ddf.sort_values("_rowid").drop(columns=["_rowid"])
''',
    "union": UNION_HELPERS,
    "join": JOIN_HELPERS,
    "groups": '''
def _in_groups(ddf, keys, fn):
    """Run ``fn`` on partitions that each hold whole groups of ``keys``, rows in source order.

    Dask's ``shuffle`` brings each group's rows together (all rows in one partition when there
    are no keys).
    """
    if not keys:
        return _map(ddf.repartition(npartitions=1), fn)
    ddf = _numbered(ddf)
    return _map(ddf.shuffle(on=keys), lambda df: fn(df.sort_values("_rowid").drop(columns=["_rowid"])))
''',
}
NEEDS = {
    "statistics": ("map",),
    "context": ("map",),
    "offsets": ("map",),
    "sort": ("rowid",),
    "rowid": ("map",),
    "positions": ("offsets",),
    "bykey": ("rowid", "map"),
    "groups": ("rowid", "map"),
}

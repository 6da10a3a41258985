"""Benchmark the sampler on a big taxi CSV.

Usage::

    python tests/benchmarks/bench_sample.py [N_ROWS] [--data-dir ./bench-data] [--csv PATH]
                                            [--repeat 3] [--dask]

Generates ``taxi_<N>.csv`` with ``gen_taxi.py`` (beside this script, or ``$BREWDESK_GEN_TAXI``;
about 92 MB per million rows) into ``--data-dir`` unless it is already there (or ``--csv`` names an existing file),
then prints, for the sampler's three methods, the time from nothing (a fresh open: layout and
type inference included) and warm (layout cached, as when the grid re-samples):

* FIRST_N 5,000 rows
* RANDOM 10,000 rows (seed 0)
* LAST_N 5,000 rows

and for comparison a full ``pyarrow.csv.read_csv`` scan (multithreaded) and, with ``--dask``,
``dask.dataframe.read_csv(...).head(5000)`` and a full Brewdesk Dask read of the file.
Figures are the best of ``--repeat`` runs; the file is read once first so the page cache is
warm for every contender.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

GEN = Path(os.environ.get("BREWDESK_GEN_TAXI", Path(__file__).resolve().parent / "gen_taxi.py"))


def ensure_csv(rows: int, data_dir: Path) -> Path:
    """Return the cached taxi CSV of ``rows`` rows, generating it if needed."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"taxi_{rows}.csv"
    if not path.exists():
        tmp = path.with_suffix(".csv.part")
        print(f"generating {path} ({rows:,} rows, ~{rows * 92 / 1e6:.0f} MB) ...", flush=True)
        subprocess.run([sys.executable, str(GEN), str(rows), str(tmp)], check=True)
        os.replace(tmp, path)
    return path


def best_of(repeat: int, fn: Callable[[], Any], *, fresh: Callable[[], None] | None = None) -> tuple[float, Any]:
    """Best wall time of ``repeat`` calls (``fresh`` runs untimed before each call)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        if fresh is not None:
            fresh()
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def forget_layouts() -> None:
    """Drop the reader caches so the next call opens the file from nothing."""
    from brewdesk.engine import readers
    from brewdesk.engine.readers import csv as csv_reader
    from brewdesk.engine.readers import csvlayout

    readers._HANDLES.clear()
    csvlayout._LAYOUTS.clear()
    csv_reader._BOUNDS.clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", nargs="?", type=int, default=2_000_000)
    ap.add_argument("--data-dir", type=Path, default=Path("bench-data"))
    ap.add_argument("--csv", type=Path, help="use this CSV instead of a generated one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dask", action="store_true", help="also time Dask's read_csv().head() and a full Dask read")
    args = ap.parse_args(argv)

    import pyarrow.csv as pacsv
    from brewdesk.engine.readers import SourceSpec, open_source
    from brewdesk.engine.sample_spec import SampleMethod, SampleSpec
    from brewdesk.engine.sampler import sample

    path = args.csv if args.csv else ensure_csv(args.rows, args.data_dir)
    size = path.stat().st_size
    with open(path, "rb") as f:  # warm the page cache for everyone
        while f.read(64 * 2**20):
            pass
    spec = SourceSpec(str(path))
    print(f"file: {path} ({size / 1e6:,.0f} MB)")
    print(f"{'what':<34}{'from nothing':>14}{'warm':>10}{'rows':>10}")

    def line(label: str, fn: Callable[[], Any]) -> None:
        cold, _ = best_of(args.repeat, fn, fresh=forget_layouts)
        warm, out = best_of(args.repeat, fn)
        print(f"{label:<34}{cold:>13.3f}s{warm:>9.3f}s{len(out):>10,}", flush=True)

    line("open_source (inference only)", lambda: open_source(spec).schema)
    line("FIRST_N 5,000", lambda: sample(spec, SampleSpec(SampleMethod.FIRST_N, 5000)))
    line("RANDOM 10,000 (seed 0)", lambda: sample(spec, SampleSpec(SampleMethod.RANDOM, 10_000, seed=0)))
    line("LAST_N 5,000", lambda: sample(spec, SampleSpec(SampleMethod.LAST_N, 5000)))
    scan, table = best_of(max(1, args.repeat - 1), lambda: pacsv.read_csv(str(path)))
    print(f"{'full pyarrow.csv.read_csv scan':<34}{scan:>13.3f}s{'':>10}{table.num_rows:>10,}")
    del table
    if args.dask:
        import dask.dataframe as dd

        head, out = best_of(args.repeat, lambda: dd.read_csv(str(path), assume_missing=True).head(5000))
        print(f"{'dask read_csv().head(5000)':<34}{head:>13.3f}s{'':>10}{len(out):>10,}")
        forget_layouts()
        full, n = best_of(1, lambda: len(open_source(spec).frame))
        print(f"{'Brewdesk full Dask read (len)':<34}{full:>13.3f}s{'':>10}{n:>10,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

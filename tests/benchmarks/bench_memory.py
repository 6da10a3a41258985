#!/usr/bin/env python3
"""Peak memory and time of ``brewdesk run`` under memory budgets (``--memory-limit``).

Usage::

    python tests/benchmarks/bench_memory.py --rows 20000000 --limits none,1GB,600MB
    python tests/benchmarks/bench_memory.py --rows 5000000 --data-dir ./bench-data --recipe agg

The taxi-like CSV comes from ``gen_taxi.py`` as in ``bench_run.py`` (cached in ``--data-dir``).
Each budget runs the recipe once per ``--repeat`` in a fresh process; the figures are the
child's peak resident set (``ru_maxrss`` from ``os.wait4``, MiB), wall and CPU seconds, and the
output's row count, which must be the same for every budget. A budget is *kept* when the peak
is at or under it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_run import DEFAULT_GEN, RECIPES, _load, brewdesk_cmd, ensure_data, measure, warm  # noqa: E402


def _bytes(text: str) -> int | None:
    if text == "none":
        return None
    import dask.utils

    return int(dask.utils.parse_bytes(text))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data-dir", type=Path, default=Path("bench-data"))
    ap.add_argument("--gen", default=DEFAULT_GEN)
    ap.add_argument("--recipe", choices=sorted(RECIPES), default="clean")
    ap.add_argument("--limits", default="none,1GB,600MB", help="comma-separated budgets; 'none' runs without one")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=3600)
    args = ap.parse_args(argv)

    src = ensure_data(args.rows, args.data_dir, args.gen, args.seed)
    warm(src)
    size = src.stat().st_size
    print(f"{src} ({size / 2**20:,.0f} MiB, {args.rows:,} rows), recipe {args.recipe}, load {_load()}")
    print(f"{'limit':>8} {'peak MiB':>9} {'kept':>5} {'wall s':>8} {'CPU s':>7} {'rows out':>12}")
    rows_seen: set[int] = set()
    failed = False
    with tempfile.TemporaryDirectory(prefix="brewdesk-bench-mem-") as tmp:
        work = Path(tmp)
        for text in args.limits.split(","):
            limit = _bytes(text.strip())
            for i in range(args.repeat):
                out = work / f"out-{text}-{i}.parquet"
                report = work / f"report-{text}-{i}.json"
                cmd = [*brewdesk_cmd(args), "run", str(RECIPES[args.recipe]), "--input", str(src), "--output", str(out),
                       "--overwrite", "--report", str(report)]
                if limit is not None:
                    cmd += ["--memory-limit", text.strip()]
                wall, peak, code, cpu = measure(cmd, work / f"log-{text}-{i}", timeout=args.timeout)
                if code != 0:
                    print(f"{text:>8} failed (exit {code}); see {work}/log-{text}-{i}.err", file=sys.stderr)
                    print((work / f"log-{text}-{i}.err").read_text()[-2000:], file=sys.stderr)
                    failed = True
                    continue
                rows = json.loads(report.read_text())["rows_out"]
                rows_seen.add(rows)
                kept = "-" if limit is None else ("yes" if peak * 2**20 <= limit else "NO")
                print(f"{text:>8} {peak:>9,.0f} {kept:>5} {wall:>8.1f} {cpu:>7.1f} {rows:>12,}", flush=True)
    if len(rows_seen) > 1:
        print(f"row counts differ between budgets: {sorted(rows_seen)}", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The app's responsiveness benchmark (issue 3, "Responsiveness").

Usage::

    python tests/benchmarks/bench_app.py [N_ROWS] [--data-dir ./bench-data] [--csv PATH]
                                         [--repeat 3] [--no-qt]

Generates ``taxi_<N>.csv`` (default 2,000,000 rows, about 92 MB per million) with
``gen_taxi.py`` (beside this script, or ``$BREWDESK_GEN_TAXI``) into ``--data-dir`` unless it is there already, then measures:

(a) time to first rows
    A fresh process opens the file and reads its first 5,000 rows with
    :func:`brewdesk.engine.sampler.sample` (layout and type inference included; imports timed
    apart). Target: under 1 s. The page cache is warm (the file is read once first).
(b) preview time of the taxi "clean" recipe steps
    On a FIRST_N sample of 5,000 and of 100,000 rows, for each step k, with
    :func:`brewdesk.recipes.model.runner.run_pandas`: *incremental* = step k alone on the frame after
    step k-1 (what the app's per-prefix preview cache pays when a step is added or edited) and
    *prefix* = steps 1..k from the sample (an empty cache). Best of ``--repeat``; the table gives
    the median and the worst over the steps, and the per-step figures. Target: median under
    100 ms on 5,000 rows.
(c) peak memory
    A fresh process that imports Qt and creates a QApplication (offscreen; ``--no-qt`` skips
    it), opens the file, holds a 100,000-row sample and its preview after every step (the
    app's prefix cache) and reports its peak resident set (``resource.getrusage``,
    ``ru_maxrss``). Target: under 600 MB.

The recipe is ``taxi_clean.recipe.json`` beside this script (see README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECIPE = HERE / "taxi_clean.recipe.json"
TOOLS = HERE / "tools"
GEN = Path(os.environ.get("BREWDESK_GEN_TAXI", HERE / "gen_taxi.py"))
FIRST_ROWS = 5_000
SIZES = (5_000, 100_000)


def ensure_csv(rows: int, data_dir: Path) -> Path:
    """The cached taxi CSV of ``rows`` rows (generated on first use)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"taxi_{rows}.csv"
    if not path.exists():
        tmp = path.with_suffix(".csv.part")
        print(f"generating {path} ({rows:,} rows, ~{rows * 92 / 1e6:.0f} MB) ...", flush=True)
        subprocess.run([sys.executable, str(GEN), str(rows), str(tmp)], check=True)
        os.replace(tmp, path)
    return path


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(64 * 2**20):
            pass


def child(script: str, *args: str) -> dict:
    """Run ``tools/<script>`` in a fresh interpreter; it prints one JSON object as its last line."""
    out = subprocess.run([sys.executable, str(TOOLS / script), *args], check=True, capture_output=True,
                         text=True, env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_previews(path: Path, size: int, repeat: int) -> list[dict]:
    """Per-step incremental and prefix preview times (seconds, best of ``repeat``)."""
    from brewdesk.engine.readers import parse_source
    from brewdesk.engine.sample_spec import SampleMethod, SampleSpec
    from brewdesk.engine.sampler import sample
    from brewdesk.recipes.model.recipe import Recipe
    from brewdesk.recipes.model.runner import run_pandas

    recipe = Recipe.load(RECIPE)
    df = sample(parse_source(str(path)), SampleSpec(SampleMethod.FIRST_N, size))
    steps = recipe.steps
    frames = run_pandas(recipe, df, keep_intermediate=True)
    out = []
    for k, step in enumerate(steps):
        before = df if k == 0 else frames[k - 1]
        inc = prefix = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            run_pandas([step], before)
            inc = min(inc, time.perf_counter() - t0)
            t0 = time.perf_counter()
            run_pandas(steps[: k + 1], df)
            prefix = min(prefix, time.perf_counter() - t0)
        out.append({"step": f"{k + 1}. {step.op} ({step.id})", "incremental": inc, "prefix": prefix,
                    "rows": len(frames[k])})
    return out


def ms(s: float) -> str:
    return f"{s * 1000:,.1f} ms"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", nargs="?", type=int, default=2_000_000)
    ap.add_argument("--data-dir", type=Path, default=Path("bench-data"))
    ap.add_argument("--csv", type=Path, help="use this CSV instead of a generated one")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-qt", action="store_true", help="do not load Qt in the memory probe")
    args = ap.parse_args(argv)

    path = args.csv if args.csv else ensure_csv(args.rows, args.data_dir)
    path = path.resolve()
    warm(path)
    print(f"file: {path} ({path.stat().st_size / 1e9:.2f} GB)\n", flush=True)

    # (a) first rows, fresh processes
    runs = [child("first_rows.py", str(path), str(FIRST_ROWS)) for _ in range(args.repeat)]
    first = min(r["first_rows"] for r in runs)
    imports = min(r["imports"] for r in runs)

    # (b) previews
    previews = {size: time_previews(path, size, args.repeat) for size in SIZES}

    # (c) peak memory
    peak = child("peak_memory.py", str(path), "100000", str(RECIPE), *(["--no-qt"] if args.no_qt else []))

    rows = [("(a) first 5,000 rows, fresh process", f"{first * 1000:,.0f} ms", "< 1 s",
             "ok" if first < 1 else "MISSED")]
    rows.append(("    (imports before that, not counted)", f"{imports * 1000:,.0f} ms", "", ""))
    for size in SIZES:
        p = previews[size]
        for kind in ("incremental", "prefix"):
            vals = [s[kind] for s in p]
            med, worst = statistics.median(vals), max(vals)
            target = "< 100 ms median" if size == 5_000 and kind == "incremental" else ""
            verdict = ("ok" if med < 0.1 else "MISSED") if target else ""
            rows.append((f"(b) preview {size:,} rows, {kind}: median / worst", f"{ms(med)} / {ms(worst)}",
                         target, verdict))
    rows.append(("(c) peak RSS, 100,000-row sample + previews" + ("" if args.no_qt else " + Qt"),
                 f"{peak['peak']:,.0f} MB", "< 600 MB", "ok" if peak["peak"] < 600 else "MISSED"))
    rows.append(("    (after imports / after sample / prefix cache)",
                 f"{peak['base']:,.0f} / {peak['sample']:,.0f} MB / {peak['cache_mb']:,.0f} MB", "", ""))
    w = max(len(r[0]) for r in rows) + 2
    print(f"{'measure':<{w}}{'figure':>26}  {'target':<16}verdict")
    for r in rows:
        print(f"{r[0]:<{w}}{r[1]:>26}  {r[2]:<16}{r[3]}")
    for size in SIZES:
        print(f"\nper step, {size:,}-row sample (best of {args.repeat}):")
        print(f"  {'step':<44}{'incremental':>14}{'prefix':>14}{'rows after':>12}")
        for s in previews[size]:
            print(f"  {s['step']:<44}{ms(s['incremental']):>14}{ms(s['prefix']):>14}{s['rows']:>12,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

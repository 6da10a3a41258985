"""A killed run leaves the destination exactly as it was, and the next run succeeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.model.recipe import Recipe, Step


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory) -> Path:
    rng = np.random.default_rng(1)
    n = 600_000
    df = pd.DataFrame(
        {
            "zone": rng.choice(["  Midtown ", "soho", "Harlem", None], n),
            "fare": rng.normal(12, 5, n).round(2),
            "passengers": rng.choice([1.0, 2.0, np.nan], n),
        }
    )
    path = tmp_path_factory.mktemp("kill") / "big.csv"
    df.to_csv(path, index=False)
    return path


def _brewdesk() -> str:
    return str(Path(sys.executable).parent / "brewdesk")


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT])
@pytest.mark.parametrize("delay", [1.0, 2.5])
def test_killed_run_keeps_old_destination(tmp_path, big_csv, signum, delay):
    recipe = Recipe(
        steps=(
            Step.create("trim", {"source_column": "zone"}),
            Step.create("fill_with_median", {"source_column": "passengers"}),
            Step.create("remove_duplicates", {}),
        )
    )
    rpath = tmp_path / "r.json"
    recipe.save(rpath)
    out = tmp_path / "out.parquet"
    pd.DataFrame({"old": [1, 2, 3]}).to_parquet(out)
    before = out.read_bytes()
    cmd = [_brewdesk(), "run", str(rpath), "-i", str(big_csv), "-o", str(out), "--overwrite", "--partitions", "4"]
    # a shell's background jobs inherit an ignored SIGINT: restore the default, as a terminal has
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(delay)
    if proc.poll() is None:
        os.kill(proc.pid, signum)
    _, err = proc.communicate(timeout=120)
    if out.read_bytes() != before:
        # the signal came after the atomic swap: the new content must be complete
        new = pd.read_parquet(out)
        assert list(new.columns) == ["zone", "fare", "passengers"] and new["passengers"].notna().all()
    if proc.returncode != 0 and signum == signal.SIGINT:
        # 130: interrupted by us; -2: the signal landed while the interpreter was shutting down
        assert b"Traceback" not in err and proc.returncode in (130, -signal.SIGINT)
    # the next run succeeds and cleans any leftovers of the killed one
    done = subprocess.run(cmd, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    result = pd.read_parquet(out)
    assert list(result.columns) == ["zone", "fare", "passengers"] and result["passengers"].notna().all()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

"""A real dask.distributed scheduler and two worker processes on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from brewdesk.cli import main
from brewdesk.recipes.model.recipe import Recipe, Step


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    bindir = Path(sys.executable).parent
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = tmp_path_factory.mktemp("dask")
    procs = [
        subprocess.Popen(
            [str(bindir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=open(logs / "scheduler.log", "w"), stderr=subprocess.STDOUT, env=env,
        )
    ]
    deadline = time.time() + 60
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    for i in range(2):
        procs.append(
            subprocess.Popen(
                [str(bindir / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard", "--name", f"w{i}",
                 "--local-directory", str(logs / f"w{i}")],
                stdout=open(logs / f"worker{i}.log", "w"), stderr=subprocess.STDOUT, env=env,
            )
        )
    from distributed import Client

    with Client(address, timeout="30s") as c:
        c.wait_for_workers(2, timeout=60)
    yield address
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()


def test_run_on_a_distributed_scheduler(cluster, tmp_path):
    n = 5000
    df = pd.DataFrame({"k": [f"g{i % 7}" if i % 11 else None for i in range(n)], "x": [None if i % 5 == 0 else float(i % 13) for i in range(n)]})
    df = pd.concat([df, df.iloc[:100]], ignore_index=True)  # duplicates
    src = tmp_path / "in.csv"
    df.to_csv(src, index=False)
    recipe = Recipe(
        name="dist",
        steps=(
            Step.create("fill_with_median", {"source_column": "x"}),
            Step.create("remove_duplicates", {}),
            Step.create(
                "group_by",
                {"source_columns": ["k"], "aggregates": [{"function_name": "COUNT", "target_column_name": "n"},
                                                          {"source_column_name": "x", "function_name": "SUM", "target_column_name": "s"}]},
            ),
        ),
    )
    rpath = tmp_path / "r.json"
    recipe.save(rpath)
    out = tmp_path / "out.parquet"
    code = main(["run", str(rpath), "-i", str(src), "-o", str(out), "--partitions", "4", "--scheduler", cluster])
    assert code == 0
    got = pd.read_parquet(out)
    filled = df.assign(x=df["x"].fillna(df["x"].median())).drop_duplicates()
    exp = filled.groupby("k", dropna=False).agg(n=("x", "size"), s=("x", "sum")).reset_index()
    exp = exp.sort_values("k", na_position="last", ignore_index=True)
    assert got["k"].tolist()[:-1] == exp["k"].tolist()[:-1] and pd.isna(got["k"].iloc[-1])
    assert got["n"].tolist() == exp["n"].tolist()
    assert got["s"].round(6).tolist() == exp["s"].round(6).tolist()


def test_unreachable_scheduler_is_a_clear_error(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("a\n1\n")
    rpath = tmp_path / "r.json"
    Recipe(steps=()).save(rpath)
    code = main(["run", str(rpath), "-i", str(src), "-o", str(tmp_path / "o.csv"), "--scheduler", f"tcp://127.0.0.1:{_free_port()}"])
    assert code != 0
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()


def test_row_counts_come_back_from_the_workers(cluster, tmp_path):
    n = 3000
    df = pd.DataFrame({"k": [f"g{i % 5}" for i in range(n)], "x": [None if i % 4 == 0 else float(i) for i in range(n)]})
    src = tmp_path / "in.csv"
    df.to_csv(src, index=False)
    recipe = Recipe(
        name="counts",
        steps=(
            Step.create("fill_with_median", {"source_column": "x"}),
            Step.create("remove_values", {"source_column": "k"},
                        conditions=[{"condition": "IS", "value": ["g0"], "target_column": "k"}]),
            Step.create("upper_case", {"source_column": "k"}),
        ),
    )
    rpath = tmp_path / "r.json"
    recipe.save(rpath)
    report = tmp_path / "report.json"
    code = main(["run", str(rpath), "-i", str(src), "-o", str(tmp_path / "o.parquet"), "--partitions", "4",
                 "--scheduler", cluster, "--report", str(report)])
    assert code == 0
    import json

    steps = json.loads(report.read_text())["steps"]
    assert [(s["rows_in"], s["rows_out"]) for s in steps] == [(3000, 3000), (3000, 2400), (2400, 2400)]

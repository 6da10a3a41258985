"""Kill a Dask worker during a distributed ``brewdesk run``: it completes, or fails cleanly.

A real ``dask scheduler`` and two ``dask worker --no-nanny`` processes (one thread each) on
127.0.0.1, fresh for each test since one worker dies. ``brewdesk run --scheduler tcp://...``
runs in a subprocess; its upper-case step sleeps 0.4 s per partition (the documented test hook
``BREWDESK_TEST_STEP_DELAY``, set in the workers' environment), so the final pass lasts a few
seconds. Once the run's staging folder appears beside the destination (its part files are
being written by the workers), worker ``w0`` gets SIGKILL.

* Default configuration (``distributed.scheduler.allowed-failures`` = 3): the scheduler
  reschedules the lost tasks on ``w1``; the run must succeed and its output must equal a local
  (threads) run of the same recipe, with no staging left.
* ``allowed-failures`` = 0: a task that was running on the dead worker is not retried; the run
  must fail with one clear error line and a non-zero status, leaving the old destination as it
  was and no staging. (If the kill happened to land between tasks, Dask loses nothing that
  counts as a failure and the run completes: then the output must be complete and correct.)
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.dataset as pads
import pytest
from brewdesk.recipes.model.recipe import Recipe, Step

ROWS = 40_000
PARTITIONS = 8
DELAY = 0.4
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, folder: Path, allowed_failures: int | None) -> None:
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        env = {**os.environ, "BREWDESK_TEST_STEP_DELAY": f"upper={DELAY}"}
        env.pop("BREWDESK_TEST_FAIL_STEP", None)
        if allowed_failures is not None:
            env["DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES"] = str(allowed_failures)
        self.scheduler = subprocess.Popen(
            [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"],
            stdout=open(folder / "scheduler.log", "w"), stderr=subprocess.STDOUT, env=env,
        )
        self.workers: list[subprocess.Popen] = []
        deadline = time.time() + 60
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            time.sleep(0.1)
        for i in range(2):
            self.workers.append(subprocess.Popen(
                [str(BIN / "dask"), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                 "--name", f"w{i}", "--local-directory", str(folder / f"w{i}")],
                stdout=open(folder / f"worker{i}.log", "w"), stderr=subprocess.STDOUT, env=env,
            ))
        from distributed import Client

        with Client(self.address, timeout="60s") as c:
            c.wait_for_workers(2, timeout=60)

    def stop(self) -> None:
        for p in [*self.workers, self.scheduler]:
            if p.poll() is None:
                p.terminate()
        for p in [*self.workers, self.scheduler]:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    rng = np.random.default_rng(7)
    df = pd.DataFrame({
        "id": np.arange(ROWS),
        "zone": rng.choice(["  Midtown ", "soho", "Harlem"], ROWS),
        "fare": rng.normal(12, 5, ROWS).round(2),
        "passengers": rng.choice([1.0, 2.0, np.nan], ROWS),
    })
    path = tmp_path_factory.mktemp("dist-faults") / "in.csv"
    df.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def recipe(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dist-faults-recipe") / "r.json"
    Recipe(name="dist-faults", steps=(
        Step.create("trim", {"source_column": "zone"}, id="trim"),
        Step.create("fill_with_median", {"source_column": "passengers"}, id="median"),
        Step.create("upper_case", {"source_column": "zone"}, id="upper"),
    )).save(path)
    return path


def _cmd(recipe: Path, source: Path, out: Path, scheduler: str | None) -> list[str]:
    cmd = [str(BIN / "brewdesk"), "run", str(recipe), "-i", str(source), "-o", str(out), "--overwrite",
           "--partitions", str(PARTITIONS), "--partition-by", "zone"]
    return [*cmd, "--scheduler", scheduler] if scheduler else cmd


def _read(out: Path) -> pd.DataFrame:
    df = pads.dataset(out, format="parquet", partitioning="hive").to_table().to_pandas()
    df["zone"] = df["zone"].astype(str)
    return df.sort_values("id", ignore_index=True)[["id", "zone", "fare", "passengers"]]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


@pytest.fixture(scope="module")
def local_output(tmp_path_factory, recipe, source) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("dist-faults-local") / "trips"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BREWDESK_TEST_")}
    done = subprocess.run(_cmd(recipe, source, out, None), capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return _read(out)


def _old_destination(folder: Path) -> Path:
    out = folder / "trips"
    (out / "zone=OLD").mkdir(parents=True)
    pd.DataFrame({"id": [1, 2]}).to_parquet(out / "zone=OLD" / "part-00000.parquet")
    (out / "_SUCCESS").write_text(json.dumps({"writer": "brewdesk", "format": "parquet", "rows": 2,
                                              "files": ["zone=OLD/part-00000.parquet"]}))
    return out


def _run_and_kill(cluster: Cluster, cmd: list[str], folder: Path, out: Path) -> tuple[subprocess.Popen, str, bool]:
    """Start the run; SIGKILL worker w0 0.3 s after the staging appears. (proc, stderr, killed mid-run)"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BREWDESK_TEST_")}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    mark = f".{out.name}.brewdesk-staging-"
    began = None
    killed = False
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if began is None and any(n.startswith(mark) for n in os.listdir(folder)):
            began = time.monotonic()
        if began is not None and time.monotonic() - began >= 0.3:
            cluster.workers[0].send_signal(signal.SIGKILL)
            killed = proc.poll() is None
            break
        time.sleep(0.005)
    stderr = proc.communicate(timeout=300)[1]
    assert cluster.workers[0].wait(timeout=30) == -signal.SIGKILL, "worker w0 was not killed"
    return proc, stderr, killed


def test_killed_worker_is_replaced_and_output_equals_local_run(tmp_path, recipe, source, local_output):
    cluster = Cluster(tmp_path, allowed_failures=None)
    try:
        out = _old_destination(tmp_path)
        proc, stderr, killed = _run_and_kill(cluster, _cmd(recipe, source, out, cluster.address), tmp_path, out)
        assert killed, "the run ended before the worker was killed"
        assert proc.returncode == 0, stderr
        assert cluster.workers[1].poll() is None  # the survivor did the rest
    finally:
        cluster.stop()
    pd.testing.assert_frame_equal(_read(out), local_output)
    assert not (out / "zone=OLD").exists()
    assert json.loads((out / "_SUCCESS").read_text())["rows"] == ROWS
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]


def test_killed_worker_without_retries_fails_cleanly(tmp_path, recipe, source, local_output):
    cluster = Cluster(tmp_path, allowed_failures=0)
    try:
        out = _old_destination(tmp_path)
        old = _digest(out)
        proc, stderr, killed = _run_and_kill(cluster, _cmd(recipe, source, out, cluster.address), tmp_path, out)
        assert killed, "the run ended before the worker was killed"
    finally:
        cluster.stop()
    if proc.returncode == 0:  # the kill fell between two tasks: nothing was lost
        pd.testing.assert_frame_equal(_read(out), local_output)
        assert not [n for n in os.listdir(tmp_path) if n.startswith(".")], "staging left behind"
        return
    assert _digest(out) == old, "a failed distributed run changed the destination"
    assert "Traceback" not in stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "worker" in lines[0], stderr
    # anything left is hidden staging (a task of the dead run may still have been writing)
    mark = f".{out.name}.brewdesk-staging-"
    assert all(n.startswith(mark) for n in os.listdir(tmp_path) if n.startswith("."))
    # the next run (local) succeeds, writes the complete output and tidies what was left
    env = {k: v for k, v in os.environ.items() if not k.startswith("BREWDESK_TEST_")}
    again = subprocess.run(_cmd(recipe, source, out, None), capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0, again.stderr
    pd.testing.assert_frame_equal(_read(out), local_output)
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")], "staging left behind"

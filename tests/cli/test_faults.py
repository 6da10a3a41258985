"""Faults in the middle of a ``brewdesk run``: a failing step, a full or unwritable destination.

Each test runs the real ``brewdesk`` command in a subprocess, with its own ``$TMPDIR`` (so the
SQL staging, openpyxl's temporary sheets and checkpoints of that run can be checked for), and
then checks:

* the destination holds exactly its old content (or, when there was none, nothing was created);
* no staging is left (hidden files beside the output, anything in the run's ``$TMPDIR``,
  ``brewdesk_staging_*`` tables);
* one clear error line (no traceback) naming the step or the output and the reason, and the
  exit status of the error's class (:mod:`brewdesk.recipes.model.errors`: 4 a step failed, 6 a
  destination problem);
* the next run, with the fault gone, succeeds and writes the complete output.

Faults:

* a step raising on partition 2 of 4 while partitions 0 and 1 are already being written, for
  CSV, partitioned Parquet, Excel, SQLite and PostgreSQL: injected through the documented test
  hook :mod:`brewdesk.engine.faults` (``BREWDESK_TEST_FAIL_STEP``), never through the recipe;
* a file size limit (``RLIMIT_FSIZE`` set in the child, ``SIGXFSZ`` ignored so that writes past
  it fail with ``EFBIG``): half the size of the largest file the previous run wrote;
* a real full disk (``ENOSPC``): a small tmpfs mounted over the destination folder;
* a destination that becomes read-only mid-job: the folder bind-mounted onto itself and
  remounted read-only while the run writes (root ignores file modes, not a read-only mount).

The last two need a private mount namespace, which ``unshare --user --map-root-user --mount``
gives without privileges where the kernel allows user namespaces; where it does not, those
tests are skipped with the reason (the file size limit still covers the out-of-space path).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.model.recipe import Recipe, Step

from tests.cli.test_kill_outputs import Dest, make_dest

ROWS = 10_000
KINDS = ["csv", "parquet", "excel", "sqlite", "postgresql"]
FILE_KINDS = ["csv", "parquet", "excel", "sqlite"]
NS_KINDS = ["csv", "parquet", "sqlite"]  # Excel is staged and swapped exactly like CSV
ROOT = Path(__file__).resolve().parents[2]


def _brewdesk() -> str:
    return str(Path(sys.executable).parent / "brewdesk")


def _frame(n: int, seed: int = 5) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "id": np.arange(n),
            "zone": rng.choice(["  Midtown ", "soho", "Harlem"], n),
            "fare": rng.normal(12, 5, n).round(2),
            "passengers": rng.choice([1.0, 2.0, 3.0], n),
        }
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("faults-in") / "in.csv"
    _frame(ROWS).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def recipes(tmp_path_factory) -> dict[str, Path]:
    """``upper`` and ``lower``: trim then change the case of ``zone`` (steps with fixed ids)."""
    folder = tmp_path_factory.mktemp("faults-recipes")
    out = {}
    for case in ("upper", "lower"):
        steps = (
            Step.create("trim", {"source_column": "zone"}, id="trim"),
            Step.create(f"{case}_case", {"source_column": "zone"}, id=case),
        )
        out[case] = folder / f"{case}.json"
        Recipe(steps=steps, name=case).save(out[case])
    return out


def expected_zones(case: str) -> set[str]:
    return {getattr(z, case)() for z in ("Midtown", "soho", "Harlem")}


def check_complete(dest: Dest, case: str, rows: int = ROWS) -> None:
    df = dest.frame()
    assert len(df) == rows
    assert sorted(df["id"].tolist()) == list(range(rows))
    assert set(df["zone"].astype(str)) == expected_zones(case)
    src = _frame(rows).set_index("id")
    got = df.set_index("id").sort_index()
    assert np.allclose(got["fare"].to_numpy(float), src["fare"].to_numpy(float))


def command(dest: Dest, recipe: Path, source: Path) -> list[str]:
    return [_brewdesk(), "run", str(recipe), "-i", str(source), "-o", dest.location, "--overwrite",
            "--if-exists", "replace", "--partitions", "4", *dest.extra]


def run(cmd: list[str], tmpdir: Path, *, env: dict[str, str] | None = None,
        preexec=None) -> subprocess.CompletedProcess:
    tmpdir.mkdir(exist_ok=True)
    full = {k: v for k, v in os.environ.items() if k != "BREWDESK_TEST_FAIL_STEP"}
    full.update({"TMPDIR": str(tmpdir), **(env or {})})
    return subprocess.run(cmd, capture_output=True, text=True, env=full, preexec_fn=preexec, timeout=300)


def leftovers(dest: Dest, tmpdir: Path) -> list[str]:
    """Hidden entries beside the output, anything in the run's $TMPDIR, staging tables."""
    found = [p.name for p in dest.folder.iterdir() if p.name.startswith(".")]
    found += [f"$TMPDIR/{n}" for n in os.listdir(tmpdir)] if tmpdir.exists() else []
    if dest.kind == "sqlite" and dest.path.exists():
        con = sqlite3.connect(dest.path)
        try:
            found += [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'brewdesk_staging_%'")]
        finally:
            con.close()
    if dest.kind == "postgresql":
        found += [t for t in pg_tables(dest) if t.startswith("brewdesk_staging_")]
    return found


def pg_tables(dest: Dest) -> list[str]:
    import sqlalchemy as sa

    eng = dest._pg_engine()
    try:
        with eng.connect() as conn:
            return sorted(r[0] for r in conn.execute(sa.text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
    finally:
        eng.dispose()


def state(dest: Dest) -> str:
    """Digest of the destination; ``<missing>`` when there is none (never creates one)."""
    if dest.kind != "postgresql" and not dest.path.exists():
        return "<missing>"
    if dest.kind == "postgresql" and "t" not in pg_tables(dest):
        return "<missing> " + repr(pg_tables(dest))
    return dest.digest()


def remove_old(dest: Dest) -> None:
    if dest.kind == "postgresql":
        dest.pg.psql("DROP TABLE t", database=dest.pg_db)
    elif dest.kind == "parquet":
        shutil.rmtree(dest.path)
    else:
        dest.path.unlink()


def assert_one_clear_line(stderr: str, *needles: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    for n in needles:
        assert n.lower() in stderr.lower(), f"{n!r} not in {stderr!r}"


# --------------------------------------------------------------------------------------------
# a step fails halfway through the job


@pytest.mark.parametrize("existing", [True, False], ids=["old-content", "no-destination"])
@pytest.mark.parametrize("kind", KINDS)
def test_step_failing_halfway_keeps_destination(kind, existing, tmp_path, source, recipes, request):
    dest = make_dest(kind, tmp_path, request)
    if not existing:
        remove_old(dest)
    before = state(dest)
    cmd = command(dest, recipes["upper"], source)
    failed = run(cmd, tmp_path / "tmp-fail", env={"BREWDESK_TEST_FAIL_STEP": "upper@2"})
    assert failed.returncode == 4, failed.stderr
    assert_one_clear_line(failed.stderr, "step upper (Upper case) failed", "partition 2")
    assert state(dest) == before
    assert not leftovers(dest, tmp_path / "tmp-fail")
    if not existing:
        assert before.startswith("<missing>")

    ok = run(cmd, tmp_path / "tmp-ok")
    assert ok.returncode == 0, ok.stderr
    check_complete(dest, "upper")
    assert not leftovers(dest, tmp_path / "tmp-ok")


def test_step_failing_on_every_partition_reports_the_step(tmp_path, source, recipes, request):
    """The same through a hook naming only the step: every partition fails, one message."""
    dest = make_dest("csv", tmp_path, request)
    before = state(dest)
    failed = run(command(dest, recipes["lower"], source), tmp_path / "tmp", env={"BREWDESK_TEST_FAIL_STEP": "lower"})
    assert failed.returncode == 4
    assert_one_clear_line(failed.stderr, "step lower (Lower case) failed")
    assert state(dest) == before and not leftovers(dest, tmp_path / "tmp")


# --------------------------------------------------------------------------------------------
# out of space: a file size limit


def _largest_file(dest: Dest) -> int:
    if dest.path.is_dir():
        return max(p.stat().st_size for p in dest.path.rglob("*") if p.is_file())
    return dest.path.stat().st_size


def _limit(nbytes: int):
    def pre() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))

    return pre


def _output_named(dest: Dest) -> str:
    return "table 't'" if dest.kind == "sqlite" else str(dest.path)


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_file_size_limit_keeps_old_content(kind, tmp_path, source, recipes, request):
    dest = make_dest(kind, tmp_path, request)
    first = run(command(dest, recipes["upper"], source), tmp_path / "tmp-first")
    assert first.returncode == 0, first.stderr
    before = state(dest)
    limit = _largest_file(dest) // 2
    cmd = command(dest, recipes["lower"], source)
    failed = run(cmd, tmp_path / "tmp-fail", preexec=_limit(limit))
    assert failed.returncode == 6, failed.stderr
    assert_one_clear_line(failed.stderr, "file too large", f"cannot write {_output_named(dest)}")
    assert state(dest) == before
    assert not leftovers(dest, tmp_path / "tmp-fail")
    check_complete(dest, "upper")

    ok = run(cmd, tmp_path / "tmp-ok")
    assert ok.returncode == 0, ok.stderr
    check_complete(dest, "lower")
    assert not leftovers(dest, tmp_path / "tmp-ok")


def test_file_size_limit_on_a_new_sqlite_file_creates_nothing(tmp_path, source, recipes, request):
    dest = make_dest("sqlite", tmp_path, request)
    dest.path.unlink()
    failed = run(command(dest, recipes["upper"], source), tmp_path / "tmp", preexec=_limit(64 * 1024))
    assert failed.returncode == 6, failed.stderr
    assert_one_clear_line(failed.stderr, "table 't'")
    assert not dest.path.exists() and not leftovers(dest, tmp_path / "tmp")


# --------------------------------------------------------------------------------------------
# a real full disk and a read-only remount, in a private mount namespace


def _namespaces() -> str | None:
    """None when ``unshare -Urm`` can mount a tmpfs here; else why not."""
    if not shutil.which("unshare"):
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && echo ok"],
                           capture_output=True, text=True)
    if probe.stdout.strip() != "ok":
        return f"no unprivileged mount namespace here: {probe.stderr.strip()[:200]}"
    return None


NS_REASON = _namespaces() if sys.platform.startswith("linux") else "Linux only"
needs_ns = pytest.mark.skipif(NS_REASON is not None, reason=f"needs a private mount namespace ({NS_REASON})")


def snapshot(kind: str, path: Path) -> str:
    """Content digest (SQLite: every table's rows, not bytes; a journal is rolled back first)."""
    h = hashlib.sha256()
    if not path.exists():
        return "<missing>"
    if kind == "sqlite":
        con = sqlite3.connect(path)
        try:
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
                h.update(name.encode())
                h.update(repr(con.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()).encode())
        finally:
            con.close()
    elif path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file():
                body = p.read_bytes()
                if p.name == "_SUCCESS":  # the manifest's write time differs from run to run
                    body = json.dumps({k: v for k, v in json.loads(body).items() if k != "written_at"}).encode()
                h.update(p.relative_to(path).as_posix().encode() + hashlib.sha256(body).digest())
    elif path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:  # a torn workbook fails here
            for member in sorted(z.namelist()):
                if member != "docProps/core.xml":  # creation time
                    h.update(member.encode() + hashlib.sha256(z.read(member)).digest())
    else:
        h.update(path.read_bytes())
    return h.hexdigest()


def _ns_main(spec: dict) -> dict:
    """Inside the namespace: mount, copy the old content in, run with the fault, then without.

    Returns what happened, as JSON for the test (the mounts vanish with the namespace).
    """
    folder, kind, name = Path(spec["folder"]), spec["kind"], spec["name"]
    saved = Path(spec["saved"])
    target = folder / name
    env = {**os.environ, "TMPDIR": spec["tmpdir"]}
    env.pop("BREWDESK_TEST_FAIL_STEP", None)
    out: dict = {}
    if spec["fault"] == "enospc":
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={spec['size']}", "tmpfs", str(folder)], check=True)
    else:
        subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    if saved.is_dir():
        shutil.copytree(saved, target)
    else:
        shutil.copy2(saved, target)
    out["before"] = snapshot(kind, target)
    if spec["fault"] == "enospc":
        done = subprocess.run(spec["cmd"], capture_output=True, text=True, env=env, timeout=300)
        out["landed"] = True
    else:
        proc = subprocess.Popen(spec["cmd"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        watch = Path(spec["watch"])
        mark = spec["mark"]
        landed = False
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if any(n.startswith(mark) for n in os.listdir(watch)):
                # EBUSY while a file is open for writing there: retry until it takes
                r = subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True)
                if r.returncode == 0:
                    landed = True
                    break
            time.sleep(0.002)
        stderr = proc.communicate(timeout=300)[1]
        done = subprocess.CompletedProcess(spec["cmd"], proc.returncode, "", stderr)
        out["landed"] = landed
    out.update(rc=done.returncode, stderr=done.stderr, after=snapshot(kind, target))
    out["hidden_after_fault"] = sorted(n for n in os.listdir(folder) if n.startswith("."))
    # the fault goes away: more room, or writable again
    if spec["fault"] == "enospc":
        subprocess.run(["mount", "-o", "remount,size=64m", str(folder)], check=True)
    else:
        subprocess.run(["mount", "-o", "remount,bind,rw", str(folder)], check=True)
    again = subprocess.run(spec["cmd"], capture_output=True, text=True, env=env, timeout=300)
    out.update(rc_next=again.returncode, stderr_next=again.stderr, next=snapshot(kind, target),
               hidden_next=sorted(n for n in os.listdir(folder) if n.startswith(".")))
    return out


def _in_namespace(spec: dict) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(["unshare", "-Urm", sys.executable, "-m", "tests.cli.test_faults", json.dumps(spec)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert done.returncode == 0, f"namespace driver failed: {done.stderr[-3000:]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def _prepare(kind: str, tmp_path: Path, source: Path, recipes: dict[str, Path], request) -> tuple[Dest, Path, str, str]:
    """The old content (a complete upper-case output) saved aside, and the lower-case output's
    digest when written in full (to prove the fault really changed nothing)."""
    dest = make_dest(kind, tmp_path, request)
    first = run(command(dest, recipes["upper"], source), tmp_path / "tmp-first")
    assert first.returncode == 0, first.stderr
    saved = tmp_path / f"saved-{dest.path.name}"
    (shutil.copytree if dest.path.is_dir() else shutil.copy2)(dest.path, saved)
    old = snapshot(kind, dest.path)
    full = run(command(dest, recipes["lower"], source), tmp_path / "tmp-full")
    assert full.returncode == 0, full.stderr
    new = snapshot(kind, dest.path)
    assert new != old
    shutil.rmtree(dest.path) if dest.path.is_dir() else dest.path.unlink()
    return dest, saved, old, new


@needs_ns
@pytest.mark.parametrize("kind", NS_KINDS)
def test_full_disk_keeps_old_content(kind, tmp_path, source, recipes, request):
    dest, saved, old, new = _prepare(kind, tmp_path, source, recipes, request)
    old_size = sum(p.stat().st_size for p in ([saved] if saved.is_file() else saved.rglob("*")) if p.is_file())
    tmpdir = tmp_path / "tmp-ns"
    tmpdir.mkdir()
    spec = {"fault": "enospc", "kind": kind, "folder": str(dest.folder), "name": dest.path.name,
            "saved": str(saved), "tmpdir": str(tmpdir), "size": old_size + 64 * 1024,
            "cmd": command(dest, recipes["lower"], source)}
    got = _in_namespace(spec)
    assert got["before"] == old
    assert got["rc"] == 6, got["stderr"]
    assert_one_clear_line(got["stderr"], "no space left", f"cannot write {_output_named(dest)}")
    assert got["after"] == old, "the full disk changed the old content"
    assert got["hidden_after_fault"] == [] and not os.listdir(tmpdir)
    assert got["rc_next"] == 0, got["stderr_next"]
    assert got["next"] == new and got["hidden_next"] == []


@needs_ns
@pytest.mark.parametrize("kind", NS_KINDS)
def test_destination_turning_read_only_mid_job(kind, tmp_path, source, recipes, request):
    dest, saved, old, new = _prepare(kind, tmp_path, source, recipes, request)
    tmpdir = tmp_path / "tmp-ns"
    tmpdir.mkdir()
    if kind == "sqlite":  # rows are staged in $TMPDIR first; the database is written last
        watch, mark = tmpdir, ".brewdesk-sql.brewdesk-staging-"
    else:
        watch, mark = dest.folder, f".{dest.path.name}.brewdesk-staging-"
    spec = {"fault": "readonly", "kind": kind, "folder": str(dest.folder), "name": dest.path.name,
            "saved": str(saved), "tmpdir": str(tmpdir), "watch": str(watch), "mark": mark,
            "cmd": command(dest, recipes["lower"], source)}
    got = _in_namespace(spec)
    assert got["before"] == old
    assert got["landed"], f"the run ended before the folder could be made read-only: {got['stderr']}"
    assert got["rc"] == 6, got["stderr"]
    assert_one_clear_line(got["stderr"], "read-only", f"cannot write {_output_named(dest)}")
    assert got["after"] == old, "the read-only folder ended with changed content"
    assert not os.listdir(tmpdir)
    # staging created before the remount cannot be deleted on a read-only folder: the next run
    # (writable again) removes it
    assert got["rc_next"] == 0, got["stderr_next"]
    assert got["next"] == new and got["hidden_next"] == []


if __name__ == "__main__":  # the namespace driver (see _in_namespace)
    print(json.dumps(_ns_main(json.loads(sys.argv[1]))))

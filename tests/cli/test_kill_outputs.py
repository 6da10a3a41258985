"""SIGKILL ``brewdesk run`` while it writes each output kind: old or new content, never a mix.

For each kind (single CSV file, partitioned Parquet folder, Excel, SQLite table, PostgreSQL
table) a cycle is: start a run, kill it with SIGKILL at a chosen moment, check that the
destination holds exactly its previous content or exactly the complete output of the killed
run, then run the same command again and check it succeeds and tidies every leftover.

Two recipes alternate (zone upper-cased, then lower-cased), so "old" and "new" always differ.
Moments are measured from when the write visibly begins (its staging folder appears): 0.02 s
in, then 50% and 97% of the write time measured on the previous successful run (staging
appears -> the new content is in place: the file's inode changes, the SQLite journal goes, the
PostgreSQL session commits). ``BREWDESK_KILL_ROUNDS=N`` adds N kills per kind at random moments
up to the exit (after the swap too).

A state left by a kill is compared with the complete new content only once that is known (the
next successful run writes it): each state is kept as a digest (file bytes, Parquet parts and
manifest, Excel parts but the timestamps, table columns and rows in order).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.csv as pacsv
import pyarrow.dataset as pads
import pytest
import sqlalchemy as sa
from brewdesk.recipes.model.recipe import Recipe, Step

from tests.engine.conftest import postgres_server

ROWS = {"csv": 300_000, "parquet": 300_000, "excel": 12_000, "sqlite": 200_000, "postgresql": 80_000}
FIXED_MOMENTS = (0.0, 0.5, 0.97)  # of the write (staging appears -> swap/commit); the first: 0.02 s
EXTRA_ROUNDS = int(os.environ.get("BREWDESK_KILL_ROUNDS", "0"))
KINDS = ["csv", "parquet", "excel", "sqlite", "postgresql"]
SQL_ANCHOR = Path(tempfile.gettempdir())
SQL_STAGING = ".brewdesk-sql.brewdesk-staging-"

RESULTS: dict[str, dict[str, int]] = {}


def _brewdesk() -> str:
    return str(Path(sys.executable).parent / "brewdesk")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("kill-in")
    out = {}
    rng = np.random.default_rng(5)
    for n in sorted(set(ROWS.values())):
        df = pd.DataFrame(
            {
                "id": np.arange(n),
                "zone": rng.choice(["  Midtown ", "soho", "Harlem", None], n),
                "fare": rng.normal(12, 5, n).round(2),
                "passengers": rng.choice([1.0, 2.0, np.nan], n),
            }
        )
        out[n] = folder / f"in-{n}.csv"
        df.to_csv(out[n], index=False)
    return out


@pytest.fixture(scope="module")
def recipes(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("kill-recipes")
    paths = []
    for case in ("upper_case", "lower_case"):
        steps = (
            Step.create("trim", {"source_column": "zone"}),
            Step.create("fill_with_median", {"source_column": "passengers"}),
            Step.create(case, {"source_column": "zone"}),
        )
        p = folder / f"{case}.json"
        Recipe(steps=steps, name=case).save(p)
        paths.append(p)
    return paths


# --------------------------------------------------------------------------------------------
# destinations


@dataclass
class Dest:
    kind: str
    folder: Path
    location: str
    extra: list[str] = field(default_factory=list)
    path: Path | None = None  # file / folder / SQLite file
    pg: object | None = None  # PostgresServer
    pg_db: str | None = None

    # ---- what is there now ------------------------------------------------------------------

    def digest(self) -> str:
        h = hashlib.sha256()
        if self.kind in ("csv",):
            h.update(self.path.read_bytes() if self.path.exists() else b"<missing>")
        elif self.kind == "parquet":
            if not self.path.is_dir():
                return "<missing>"
            files = sorted(p for p in self.path.rglob("*") if p.is_file())
            for p in files:
                rel = p.relative_to(self.path).as_posix()
                if rel == "_SUCCESS":
                    m = json.loads(p.read_text())
                    h.update(json.dumps([m.get("rows"), sorted(m.get("files", []))]).encode())
                else:
                    h.update(rel.encode() + hashlib.sha256(p.read_bytes()).digest())
        elif self.kind == "excel":
            if not self.path.exists():
                return "<missing>"
            with zipfile.ZipFile(self.path) as z:  # a torn file fails here
                for name in sorted(z.namelist()):
                    if name != "docProps/core.xml":  # creation time
                        h.update(name.encode() + hashlib.sha256(z.read(name)).digest())
        elif self.kind == "sqlite":
            con = sqlite3.connect(self.path)  # rolls back a hot journal left by the kill
            try:
                tables = sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'"))
                h.update(repr(tables).encode())
                cur = con.execute("SELECT * FROM t ORDER BY rowid")
                h.update(repr([d[0] for d in cur.description]).encode())
                for chunk in iter(lambda: cur.fetchmany(50_000), []):
                    h.update(repr(chunk).encode())
            finally:
                con.close()
        else:
            eng = self._pg_engine()
            try:
                with eng.connect() as conn:
                    tables = sorted(r[0] for r in conn.execute(sa.text(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")))
                    h.update(repr(tables).encode())
                    result = conn.execute(sa.text("SELECT * FROM t ORDER BY id"))
                    h.update(repr(list(result.keys())).encode())
                    for chunk in result.partitions(50_000):
                        h.update(repr([tuple(r) for r in chunk]).encode())
            finally:
                eng.dispose()
        return h.hexdigest()

    def frame(self) -> pd.DataFrame:
        """The complete content, for checking a successful run."""
        if self.kind == "csv":
            return pacsv.read_csv(self.path).to_pandas()
        if self.kind == "parquet":
            return pads.dataset(self.path, format="parquet", partitioning="hive").to_table().to_pandas()
        if self.kind == "excel":
            return pd.read_excel(self.path)
        if self.kind == "sqlite":
            con = sqlite3.connect(self.path)
            try:
                return pd.read_sql_query("SELECT * FROM t", con)
            finally:
                con.close()
        eng = self._pg_engine()
        try:
            with eng.connect() as conn:
                return pd.read_sql_query(sa.text("SELECT * FROM t"), conn)
        finally:
            eng.dispose()

    def leftovers(self, pid: int) -> list[str]:
        """Anything a writer leaves behind: hidden staging beside the output or in $TMPDIR (of
        process ``pid``), staging tables."""
        found = [p.name for p in self.folder.iterdir() if p.name.startswith(".")]
        found += [n for n in os.listdir(SQL_ANCHOR) if n.startswith(SQL_STAGING) and f"-{pid}-" in n]
        if self.kind == "sqlite":
            con = sqlite3.connect(self.path)
            try:
                found += [r[0] for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE name LIKE 'brewdesk_staging_%'")]
            finally:
                con.close()
        if self.kind == "postgresql":
            eng = self._pg_engine()
            try:
                with eng.connect() as conn:
                    found += [r[0] for r in conn.execute(sa.text(
                        "SELECT relname FROM pg_class WHERE relname LIKE 'brewdesk\\_staging\\_%'"))]
            finally:
                eng.dispose()
        return found

    # ---- moments ------------------------------------------------------------------------------

    def writing(self, pid: int) -> bool:
        """True once process ``pid`` has visibly begun writing (its staging exists)."""
        if self.kind in ("sqlite", "postgresql"):
            return any(n.startswith(SQL_STAGING) and f"-{pid}-" in n for n in os.listdir(SQL_ANCHOR))
        mark = f".{self.path.name}.brewdesk-staging-"
        return any(n.startswith(mark) and f"-{pid}-" in n for n in os.listdir(self.folder))

    def swap_watch(self):
        """A callable telling whether the new content is in place (swapped or committed)."""
        if self.kind in ("csv", "parquet", "excel"):
            before = os.stat(self.path).st_ino
            return lambda: os.path.exists(self.path) and os.stat(self.path).st_ino != before
        if self.kind == "sqlite":
            journal = Path(f"{self.path}-journal")
            seen = {"journal": False}

            def committed() -> bool:
                if journal.exists():
                    seen["journal"] = True
                    return False
                return seen["journal"]

            return committed
        eng = self._pg_engine()
        conn = eng.connect()
        stmt = sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid() AND query = 'COMMIT'")

        def pg_committed() -> bool:
            done = bool(conn.execute(stmt).scalar())
            conn.rollback()  # a fresh snapshot of pg_stat_activity next time
            if done:
                conn.close()
                eng.dispose()
            return done

        return pg_committed

    def settle(self) -> None:
        """PostgreSQL: wait until the killed client's server session has ended (rolled back)."""
        if self.kind != "postgresql":
            return
        eng = self._pg_engine()
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with eng.connect() as conn:
                    others = conn.execute(sa.text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid()")).scalar()
                if not others:
                    return
                time.sleep(0.05)
            raise AssertionError("the killed client's PostgreSQL session did not end within 30 s")
        finally:
            eng.dispose()

    def _pg_engine(self) -> sa.Engine:
        return sa.create_engine(self.pg.url(self.pg_db), poolclass=sa.pool.NullPool)


def make_dest(kind: str, tmp_path: Path, request) -> Dest:
    folder = tmp_path / "dest"
    folder.mkdir()
    if kind == "csv":
        path = folder / "out.csv"
        path.write_text("old\n1\n2\n")
        return Dest(kind, folder, str(path), path=path)
    if kind == "parquet":
        path = folder / "trips"
        (path / "zone=OLD").mkdir(parents=True)
        pd.DataFrame({"x": [1, 2]}).to_parquet(path / "zone=OLD" / "part-00000.parquet")
        (path / "_SUCCESS").write_text(json.dumps({"writer": "brewdesk", "format": "parquet", "rows": 2,
                                                   "files": ["zone=OLD/part-00000.parquet"]}))
        return Dest(kind, folder, str(path), ["--partition-by", "zone"], path=path)
    if kind == "excel":
        path = folder / "out.xlsx"
        pd.DataFrame({"old": [1, 2]}).to_excel(path, index=False)
        return Dest(kind, folder, str(path), path=path)
    if kind == "sqlite":
        path = folder / "out.db"
        con = sqlite3.connect(path)
        con.executescript("CREATE TABLE t (old INTEGER, note TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b');"
                          "CREATE TABLE keep (k TEXT); INSERT INTO keep VALUES ('kept');")
        con.close()
        return Dest(kind, folder, f"sqlite:///{path}?table=t", path=path)
    server = postgres_server(request.config)
    db = server.create_database("kill")
    server.psql("CREATE TABLE t (id int, old text); INSERT INTO t VALUES (1, 'a'), (2, 'b');"
                "CREATE TABLE keep (k text); INSERT INTO keep VALUES ('kept');", database=db)
    return Dest(kind, folder, server.url(db) + "?table=t", pg=server, pg_db=db)


# --------------------------------------------------------------------------------------------


def start(cmd: list[str]) -> subprocess.Popen:
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_and_time(dest: Dest, cmd: list[str]) -> tuple[float, float]:
    """Run to the end; return the seconds from the start of the write to the swap (or commit)
    and from the swap to the exit."""
    swapped = dest.swap_watch()
    proc = start(cmd)
    began = swap = None
    while proc.poll() is None:
        now = time.monotonic()
        if began is None and dest.writing(proc.pid):
            began = now
        if began is not None and swap is None and swapped():
            swap = now
        time.sleep(0.003)
    ended = time.monotonic()
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    assert proc.returncode == 0, f"the run after a kill failed: {err}"
    if swap is None and swapped():
        swap = ended
    began = began if began is not None else ended
    swap = swap if swap is not None else ended
    return max(swap - began, 0.01), max(ended - swap, 0.0)


def kill_at(dest: Dest, cmd: list[str], after: float) -> tuple[bool, int]:
    """Start a run; SIGKILL it ``after`` seconds after its write begins. (killed?, pid)"""
    proc = start(cmd)
    began = None
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        now = time.monotonic()
        if began is None and dest.writing(proc.pid):
            began = now
        if began is not None and now - began >= after:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait(timeout=120)
    proc.stderr.close()
    return proc.returncode == -signal.SIGKILL, proc.pid


def check_complete(dest: Dest, rows: int, upper: bool) -> None:
    df = dest.frame()
    assert len(df) == rows and df["passengers"].notna().all()
    zones = {z for z in df["zone"].dropna().astype(str) if z not in ("", "__HIVE_DEFAULT_PARTITION__")}
    assert zones == ({"MIDTOWN", "SOHO", "HARLEM"} if upper else {"midtown", "soho", "harlem"})
    assert sorted(df["id"].tolist()) == list(range(rows))


@pytest.mark.parametrize("kind", KINDS)
def test_sigkill_while_writing_leaves_old_or_new(kind, tmp_path, inputs, recipes, request):
    rows = ROWS[kind]
    dest = make_dest(kind, tmp_path, request)
    rng = random.Random(kind)
    old = dest.digest()
    complete: dict[int, str] = {}  # recipe index -> digest of its complete output
    pending: list[tuple[str, int, str, str]] = []  # (moment, recipe, state after the kill, old)
    window, tail = 0.0, 0.0  # measured on each successful run
    killed = 0
    for i in range(len(FIXED_MOMENTS) + EXTRA_ROUNDS):
        which = i % 2
        cmd = [_brewdesk(), "run", str(recipes[which]), "-i", str(inputs[rows]), "-o", dest.location,
               "--overwrite", "--partitions", "4", *dest.extra]
        if i == 0:  # nothing measured yet: just after the write begins
            after, label = 0.02, "0.02 s into the write"
        elif i < len(FIXED_MOMENTS):
            after, label = FIXED_MOMENTS[i] * window, f"{FIXED_MOMENTS[i]:.0%} of the write"
        else:
            after = rng.uniform(0, window + tail)
            label = f"{after:.3f} s into the write (swap at {window:.3f} s)"
        was_killed, pid = kill_at(dest, cmd, after)
        killed += was_killed
        dest.settle()
        pending.append((label, which, dest.digest(), old))
        # the next run succeeds, tidies the killed run's leftovers and writes the complete output
        window, tail = run_and_time(dest, cmd)
        assert not dest.leftovers(pid), f"leftovers of the killed run: {dest.leftovers(pid)}"
        check_complete(dest, rows, upper=which == 0)
        complete[which] = old = dest.digest()
    for label, which, state, before in pending:
        assert state in (before, complete[which]), (
            f"{kind}: killed at {label}, the destination holds neither its old content nor the "
            "complete new content"
        )
    RESULTS[kind] = {"kills": len(pending), "killed_mid_run": killed,
                     "old": sum(s == b for _, _, s, b in pending)}
    # the kills must land while the run is still going (else the test proves little)
    assert killed >= len(pending) - 1, f"{kind}: only {killed} of {len(pending)} runs were still running"
    if kind == "sqlite":
        con = sqlite3.connect(dest.path)
        assert con.execute("SELECT k FROM keep").fetchall() == [("kept",)]
        con.close()


def test_zz_summary(capsys):
    """Prints how many kills landed mid-run and how many left the old content (informative)."""
    with capsys.disabled():
        for kind, r in RESULTS.items():
            print(f"\n  kill {kind}: {r['kills']} kills, {r['killed_mid_run']} mid-run, {r['old']} left the old content")

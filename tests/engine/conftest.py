"""A real PostgreSQL 15 server for the tests (one per pytest session, started on demand).

``initdb`` refuses to run as root, so under root the server runs as an unprivileged user (the
``postgres`` account of the Debian packages, else ``nobody``) through ``runuser``; its data
folder is a temporary folder owned by that user. It listens on 127.0.0.1 on a free port (and a
Unix socket in the same temporary folder), with trust authentication except for one role,
:data:`PW_USER`, that must give its password (scram-sha-256). It is stopped with
``pg_ctl stop -m fast`` and its folder removed when the session ends.

If the server cannot be started, the tests that need it FAIL with the reason (never skip).
Other test folders use it through :func:`postgres_server` (``tests/cli/test_kill_outputs.py``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("BREWDESK_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "brewdesk"
DATABASE = "brewdesk_test"
PW_USER = "brewdesk_pw"
PW_PASSWORD = "S3cr3t-pw_9f2Kq"  # distinctive, so a leak is easy to find in any text
_STASH_KEY = pytest.StashKey["PostgresServer | str"]()


@dataclass
class PostgresServer:
    """A running server; :meth:`url` gives SQLAlchemy URLs of fresh databases."""

    root: Path
    port: int
    run_as: str | None
    log: Path
    databases: list[str] = field(default_factory=list)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root / "sock"

    def url(self, database: str = DATABASE, *, user: str = SUPERUSER, password: str | None = None,
            driver: str = "postgresql+psycopg") -> str:
        cred = f"{user}:{password}" if password else user
        return f"{driver}://{cred}@127.0.0.1:{self.port}/{database}"

    def create_database(self, prefix: str = "t") -> str:
        """A new empty database (owned by the superuser, usable by :data:`PW_USER`); its name."""
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        _run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER, name],
             what=f"createdb {name}")
        self.grant(name)
        self.databases.append(name)
        return name

    def grant(self, database: str) -> None:
        """Let :data:`PW_USER` use ``database`` and every table the superuser makes in it."""
        self.psql(f'GRANT ALL ON DATABASE "{database}" TO {PW_USER}; GRANT ALL ON SCHEMA public TO {PW_USER}; '
                  f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO {PW_USER}", database=database)

    def psql(self, sql: str, database: str = DATABASE) -> str:
        return _run([str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER,
                     "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t", "-c", sql],
                    what="psql")

    def stop(self) -> None:
        try:
            _run(_as(self.run_as, [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
                 what="pg_ctl stop", cwd=self.root)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _run(cmd: list[str], *, what: str, cwd: Path | None = None, timeout: float = 60) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeError(f"{what} failed: {exc}") from None
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()}")
    return done.stdout


def _as(user: str | None, cmd: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


def _service_user() -> str | None:
    """None when we are not root; else an unprivileged account to run PostgreSQL as."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    _run(["useradd", "-r", "-M", "-s", "/usr/sbin/nologin", "brewdesk-pg"], what="useradd brewdesk-pg")
    return "brewdesk-pg"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server() -> PostgresServer:
    """initdb, configure, start (retrying with another port if one was taken), create the database."""
    for tool in ("initdb", "pg_ctl", "createdb", "psql"):
        if not (PG_BIN / tool).exists():
            raise RuntimeError(f"PostgreSQL binary {PG_BIN / tool} not found (set BREWDESK_PG_BIN)")
    user = _service_user()
    root = Path(tempfile.mkdtemp(prefix="brewdesk-pg-"))
    try:
        (root / "sock").mkdir()
        if user:
            pw = pwd.getpwnam(user)
            for p in (root, root / "sock"):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        os.chmod(root, 0o711)  # root's own tests reach the socket folder; the data stays 0700
        _run(_as(user, [str(PG_BIN / "initdb"), "-D", str(root / "data"), "-U", SUPERUSER, "-A", "trust",
                        "-E", "UTF8", "--locale=C", "-N"]), what="initdb", cwd=root)
        hba = ("local all all trust\n"
               f"host all {PW_USER} 127.0.0.1/32 scram-sha-256\n"
               "host all all 127.0.0.1/32 trust\n")
        hba_path = root / "data" / "pg_hba.conf"
        hba_path.write_text(hba)
        if user:
            os.chown(hba_path, pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid)
        last = ""
        for _attempt in range(3):
            port = _free_port()
            log = root / f"server-{port}.log"
            opts = (f"-c listen_addresses=127.0.0.1 -p {port} -k {root / 'sock'} "
                    "-c fsync=off -c full_page_writes=off -c max_connections=60")
            try:
                _run(_as(user, [str(PG_BIN / "pg_ctl"), "-D", str(root / "data"), "-l", str(log), "-w",
                                "-t", "60", "-o", opts, "start"]), what="pg_ctl start", cwd=root, timeout=90)
            except RuntimeError as exc:
                tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                last = f"{exc}\n{tail}"
                continue
            server = PostgresServer(root, port, user, log)
            try:
                _run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", SUPERUSER, DATABASE],
                     what="createdb")
                server.psql(f"CREATE ROLE {PW_USER} LOGIN PASSWORD '{PW_PASSWORD}'")
                server.grant(DATABASE)
            except Exception:
                server.stop()
                raise
            return server
        raise RuntimeError(f"could not start PostgreSQL: {last}")
    except BaseException:
        if (root / "data" / "postmaster.pid").exists():
            subprocess.run(_as(user, [str(PG_BIN / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"]),
                           capture_output=True, cwd=root, timeout=60)
        shutil.rmtree(root, ignore_errors=True)
        raise


def postgres_server(config: pytest.Config) -> PostgresServer:
    """The session's server, started on first use and stopped when the session ends.

    Raises ``pytest.fail`` (not skip) with the reason when it cannot start; later callers get
    the same failure without trying again.
    """
    got = config.stash.get(_STASH_KEY, None)
    if got is None:
        try:
            got = start_server()
        except Exception as exc:  # noqa: BLE001 - reported as a test failure
            got = f"{type(exc).__name__}: {exc}"
        else:
            config.add_cleanup(got.stop)
        config.stash[_STASH_KEY] = got
    if isinstance(got, str):
        pytest.fail(f"the PostgreSQL test server could not be started: {got}", pytrace=False)
    return got


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> PostgresServer:
    return postgres_server(request.config)


@pytest.fixture
def pg_db(pg_server: PostgresServer) -> str:
    """A fresh database on the session's server: its name (URL via ``pg_server.url(name)``)."""
    return pg_server.create_database()

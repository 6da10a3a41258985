"""Named connections (db:NAME), schema-qualified tables, connection hints: real SQLite and PostgreSQL.

The password of a named connection comes from the environment or the OS keyring (a real
``keyring`` backend, registered in memory for the test); it never appears in the connections
file, the run report, the output or the errors.
"""

from __future__ import annotations

import json

import keyring
import pytest
import sqlalchemy as sa
from brewdesk.engine import connections
from brewdesk.engine.errors import SourceError
from brewdesk.recipes.model.recipe import Step
from keyring.backend import KeyringBackend

from tests.engine.conftest import PW_PASSWORD, PW_USER
from tests.engine.test_postgres import _leaks, cli, engine_for, pg_url, save_recipe


class MemoryKeyring(KeyringBackend):
    """A keyring backend holding passwords in a dict (the keyring API, no OS service)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("BREWDESK_HOME", str(home))
    for key in list(__import__("os").environ):
        if key.startswith(("BREWDESK_CONNECTION_", "BREWDESK_PASSWORD_")):
            monkeypatch.delenv(key)
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield home, ring
    keyring.set_keyring(previous)


def _csv(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1, a \n2,b\n")
    return src


def test_sqlite_connection_from_the_file_reads_and_writes(home, tmp_path, capsys):
    db = tmp_path / "w.db"
    (home[0] / "connections.toml").write_text(f'[local]\nurl = "sqlite:///{db}"\n')
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "name"}))
    code, out, err = cli(capsys, "run", str(recipe), "-i", str(_csv(tmp_path)), "-o", "db:local?table=people")
    assert code == 0, err
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        assert conn.execute(sa.text("SELECT id, name FROM people ORDER BY id")).all() == [(1, "a"), (2, "b")]
    code, out, err = cli(capsys, "sample", "db:local?table=people", "--format", "csv")
    assert code == 0 and "1,a" in out
    code, out, err = cli(capsys, "connections", "--json")
    assert code == 0 and json.loads(out) == [
        {"name": "local", "url": f"sqlite:///{db}", "defined_in": str(home[0] / "connections.toml"), "password_from": "none"}
    ]


def test_unknown_connection_and_password_in_the_file_are_refused(home, tmp_path):
    (home[0] / "connections.toml").write_text(
        '[warehouse]\nurl = "postgresql+psycopg://etl@db.example/sales"\n'
        '[leaky]\nurl = "postgresql+psycopg://etl:hunter2@db.example/sales"\n'
    )
    with pytest.raises(SourceError, match="no database connection named 'warehous'.*did you mean 'warehouse'"):
        connections.resolve("db:warehous?table=t")
    with pytest.raises(SourceError, match="holds a password") as e:
        connections.resolve("db:leaky?table=t")
    assert "hunter2" not in str(e.value) and "BREWDESK_PASSWORD_LEAKY" in (e.value.hint or "")
    with pytest.raises(SourceError, match="say which connection"):
        connections.resolve("db:?table=t")


def test_postgres_password_from_env_or_keyring_never_leaks(home, pg_server, pg_db, tmp_path, capsys, monkeypatch):
    pg_server.psql("CREATE TABLE src (id int PRIMARY KEY, name text); INSERT INTO src VALUES (1, ' a '), (2, 'b')",
                   database=pg_db)
    url = pg_server.url(pg_db, user=PW_USER)  # no password: it must come from elsewhere
    monkeypatch.setenv("BREWDESK_CONNECTION_SALES_DB", url)
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "name"}))
    report = tmp_path / "report.json"
    texts = []

    # no password anywhere: the server refuses, with a hint naming both places to put it
    code, out, err = cli(capsys, "run", str(recipe), "-i", "db:sales_db?table=src", "-o", str(tmp_path / "o.csv"))
    assert code == 5 and "no password supplied" in err and "BREWDESK_PASSWORD_<NAME>" in err
    # from the OS keyring
    home[1].set_password("brewdesk", "sales_db", PW_PASSWORD)
    code, out, err = cli(capsys, "run", str(recipe), "-i", "db:sales_db?table=src", "-o", "db:sales_db?table=dst",
                         "--report", str(report), "--json")
    assert code == 0, err
    texts += [out, err, report.read_text()]
    with engine_for(pg_server, pg_db).connect() as conn:
        assert conn.execute(sa.text("SELECT id, name FROM dst ORDER BY id")).all() == [(1, "a"), (2, "b")]
    # the environment wins over the keyring
    home[1].set_password("brewdesk", "sales_db", "Wr0ng" + PW_PASSWORD)
    monkeypatch.setenv("BREWDESK_PASSWORD_SALES_DB", PW_PASSWORD)
    code, out, err = cli(capsys, "run", str(recipe), "-i", "db:sales_db?table=src", "-o", str(tmp_path / "o2.csv"))
    assert code == 0, err
    texts += [out, err]
    code, out, err = cli(capsys, "connections")
    assert code == 0 and "sales_db" in out
    texts += [out, err]
    code, out, err = cli(capsys, "connections", "--json")
    assert code == 0 and json.loads(out) == [{"name": "sales_db", "url": url, "defined_in": "BREWDESK_CONNECTION_SALES_DB",
                                              "password_from": "BREWDESK_PASSWORD_SALES_DB"}]
    texts += [out, err]
    assert [t for t in texts if _leaks(t, PW_PASSWORD)] == []


def test_schema_qualified_tables_on_postgres(pg_server, pg_db, tmp_path, capsys):
    pg_server.psql("CREATE SCHEMA sales", database=pg_db)
    src = _csv(tmp_path)
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "name"}))
    dst = pg_url(pg_server, pg_db, "sales.orders")
    for _ in range(2):  # create, then replace: the staging table lives in the same schema
        code, out, err = cli(capsys, "run", str(recipe), "-i", str(src), "-o", dst, "--if-exists", "replace")
        assert code == 0, err
    with engine_for(pg_server, pg_db).connect() as conn:
        assert conn.execute(sa.text("SELECT id, name FROM sales.orders ORDER BY id")).all() == [(1, "a"), (2, "b")]
        insp = sa.inspect(conn)
        assert insp.get_table_names(schema="sales") == ["orders"]
        assert "sales.orders" not in insp.get_table_names(schema="public")
    # reading it back by the same name
    code, out, err = cli(capsys, "sample", dst, "--format", "csv")
    assert code == 0 and "2,b" in out
    # a missing schema is a clear error and creates nothing
    code, out, err = cli(capsys, "run", str(recipe), "-i", str(src), "-o", pg_url(pg_server, pg_db, "salse.orders"))
    assert code == 6 and "has no schema 'salse'" in err and "did you mean 'sales'" in err
    # a table whose name holds a dot: the schema given explicitly
    dotted = pg_server.url(pg_db) + "?schema=public&table=a.b"
    code, out, err = cli(capsys, "run", str(recipe), "-i", str(src), "-o", dotted)
    assert code == 0, err
    with engine_for(pg_server, pg_db).connect() as conn:
        assert sa.inspect(conn).get_table_names(schema="public") == ["a.b"]
        assert conn.execute(sa.text('SELECT count(*) FROM public."a.b"')).scalar() == 2


def test_schema_qualified_tables_on_sqlite(tmp_path, capsys):
    db = tmp_path / "s.db"
    src = _csv(tmp_path)
    recipe = save_recipe(tmp_path, Step.create("trim", {"source_column": "name"}))
    code, out, err = cli(capsys, "run", str(recipe), "-i", str(src), "-o", f"sqlite:///{db}?table=main.t")
    assert code == 0, err
    code, out, err = cli(capsys, "run", str(recipe), "-i", str(src), "-o", f"sqlite:///{db}?table=other.t")
    assert code == 6 and "has no schema 'other'" in err
    with sa.create_engine(f"sqlite:///{db}").connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["t"]


def test_refused_port_and_unknown_host_get_a_hint(tmp_path, capsys):
    recipe = save_recipe(tmp_path)
    src = _csv(tmp_path)
    code, out, err = cli(capsys, "run", str(recipe), "-i", src.as_posix(), "-o", "postgresql+psycopg://u@127.0.0.1:1/db?table=t")
    assert code == 6 and "Connection refused" in err and "listening on 127.0.0.1 port 1" in err
    code, out, err = cli(capsys, "run", str(recipe), "-i", "postgresql+psycopg://u@127.0.0.1:1/db?table=t", "-o", str(tmp_path / "o.csv"))
    assert code == 5 and "check the host and port" in err
    code, out, err = cli(capsys, "run", str(recipe), "-i", str(src), "-o", "postgresql+psycopg://u@no-such-host.invalid/db?table=t")
    assert code == 6 and "cannot be resolved" in err

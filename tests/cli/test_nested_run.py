"""`brewdesk run` on nested JSON: unnest, nest, pivot, several outputs (checkpointed), end to end."""

from __future__ import annotations

import json
import sqlite3

import pyarrow.parquet as pq
from brewdesk.cli import main

ROWS = [
    {"id": 1, "state": "CA", "votes": 10, "tags": ["a", "b"], "addr": {"city": "LA", "zip": 90001}},
    {"id": 2, "state": "NY", "votes": 5, "tags": [], "addr": {"city": "NYC", "zip": 10001}},
    {"id": 3, "state": "CA", "votes": 7, "tags": None, "addr": None},
]

RECIPE = {
    "format": "brewdesk-recipe", "format_version": 1, "name": "nested",
    "steps": [
        {"id": "s1", "op": "unnest_struct", "v": 1, "params": {
            "source_column": "addr", "remove_source_column": True,
            "fields": [{"name": "city", "type": "string"}, {"name": "zip", "type": "int64"}]}},
        {"id": "s2", "op": "unnest_array", "v": 1, "params": {
            "source_column": "tags", "target_column": "tags", "value_type": "string"}},
        {"id": "s3", "op": "nest_to_struct", "v": 1, "params": {
            "source_columns": ["addr.city", "tags"], "target_column": "where", "remove_source_columns": True}},
    ],
}


def test_run_nested_json_to_parquet_jsonl_and_sqlite(tmp_path, monkeypatch):
    monkeypatch.setenv("BREWDESK_HOME", str(tmp_path / "home"))
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    recipe = tmp_path / "r.json"
    recipe.write_text(json.dumps(RECIPE))
    db = tmp_path / "o.db"
    code = main(["run", str(recipe), "-i", str(src), "-o", str(tmp_path / "o.parquet"), "-o", str(tmp_path / "o.jsonl"),
                 "-o", f"sqlite:///{db}?table=t", "--overwrite"])
    assert code == 0
    table = pq.read_table(tmp_path / "o.parquet")
    assert table.column_names == ["id", "state", "votes", "where", "addr.zip"]
    want = [
        {"addr.city": "LA", "tags": "a"}, {"addr.city": "LA", "tags": "b"}, {"addr.city": "NYC", "tags": None},
        {"addr.city": None, "tags": None},
    ]
    assert table.column("where").to_pylist() == want
    lines = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert [x["where"] for x in lines] == want and [x["id"] for x in lines] == [1, 1, 2, 3]
    with sqlite3.connect(db) as con:
        stored = [json.loads(x) for (x,) in con.execute("select \"where\" from t order by rowid")]
    assert stored == want

"""Out-of-core primitives (engine/spill.py) and the memory budget of a run (--memory-limit).

Peak memory itself is measured by tests/benchmarks/bench_memory.py, not asserted here; these
tests prove that the spilling forms give exactly the in-memory results, that a budget really
switches the run to them, and that bad budgets are clear errors.
"""

from __future__ import annotations

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from brewdesk.cli import main
from brewdesk.engine import primitives, spill
from brewdesk.engine.run import MIN_MEMORY_LIMIT, Budget, parse_memory_limit
from brewdesk.recipes.model.errors import BrewdeskError
from brewdesk.recipes.model.recipe import Recipe, Step


def _sync(*a):
    return dask.compute(*a, scheduler="sync")


def _frame(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({
        "k": pd.array(rng.integers(0, 40, n), dtype="Int64"),
        "s": pd.array([f"v{v}" if v % 9 else None for v in rng.integers(0, 30, n)], dtype="string"),
    })
    df.index = pd.Index(np.arange(n, dtype="int64") * 3 + 5, name="_rowid")  # gaps, increasing
    return df


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("nparts", [1, 3, 7])
def test_duplicates_on_disk_equal_the_in_memory_pass(tmp_path, seed, nparts):
    df = _frame(3000, seed)
    ddf = dd.from_pandas(df, npartitions=nparts, sort=False)
    for subset in (["k", "s"], ["k"], ["s"]):
        in_memory, total = primitives._later_copies(ddf, subset, _sync)
        where = tmp_path / f"{seed}-{nparts}-{'-'.join(subset)}"
        where.mkdir()
        on_disk, total_disk = spill.later_copies_on_disk(ddf, subset, _sync, primitives._hashes, where)
        expected = df.index[df.duplicated(subset=subset, keep="first")].to_numpy()
        assert total == total_disk == len(df)
        assert np.array_equal(np.sort(in_memory), expected)
        assert np.array_equal(on_disk, expected)  # sorted, first occurrence kept
        assert list(where.iterdir()) == []  # the hash files are removed after the pass


def test_later_copies_spill_only_inside_a_spilling_block(tmp_path, monkeypatch):
    calls = []
    real = spill.later_copies_on_disk
    monkeypatch.setattr(spill, "later_copies_on_disk", lambda *a: calls.append(a[-1]) or real(*a))
    ddf = dd.from_pandas(_frame(500, 4), npartitions=2, sort=False)
    primitives._later_copies(ddf, ["k"], _sync)
    assert calls == []
    with spill.spilling(tmp_path):
        primitives._later_copies(ddf, ["k"], _sync)
    assert len(calls) == 1 and calls[0].parent == tmp_path


def _recipe(tmp_path):
    recipe = Recipe(
        name="spill",
        steps=(
            Step.create("remove_duplicates", {"source_columns": ["k", "s"]}),
            Step.create("sort", {"expressions": [
                {"source_column": "s", "ordering": "DESCENDING", "nulls_ordering": "NULLS_TOP"},
                {"source_column": "k", "ordering": "ASCENDING", "nulls_ordering": "NULLS_BOTTOM"},
            ]}),
        ),
    )
    path = tmp_path / "r.json"
    recipe.save(path)
    return path


def test_a_run_under_a_memory_limit_spills_and_gives_the_same_output(tmp_path, monkeypatch):
    df = _frame(20_000, 7).reset_index(drop=True)
    src = tmp_path / "in.csv"
    df.to_csv(src, index=False)
    rpath = _recipe(tmp_path)
    used: list[str] = []
    real_dups, real_ranges = spill.later_copies_on_disk, spill.write_ranges
    monkeypatch.setattr(spill, "later_copies_on_disk", lambda *a: used.append("dedupe") or real_dups(*a))
    monkeypatch.setattr(spill, "write_ranges", lambda *a: used.append("sort") or real_ranges(*a))

    # without a budget, spilling still happens in a local run (it has a spill folder)
    plain, limited = tmp_path / "plain.parquet", tmp_path / "limited.parquet"
    assert main(["run", str(rpath), "-i", str(src), "-o", str(plain), "--partitions", "5"]) == 0
    assert main(["run", str(rpath), "-i", str(src), "-o", str(limited), "--partitions", "5", "--memory-limit", "512MB"]) == 0
    assert used.count("dedupe") == 2 and used.count("sort") == 2 * 5

    got = pd.read_parquet(limited)
    pd.testing.assert_frame_equal(got, pd.read_parquet(plain))
    exp = df.drop_duplicates(subset=["k", "s"]).copy()
    exp["s_key"] = exp["s"].isna()
    exp = exp.sort_values(["s_key", "s", "k"], ascending=[False, False, True], kind="stable").drop(columns="s_key")
    assert got["s"].fillna("<null>").tolist() == exp["s"].fillna("<null>").tolist()
    assert got["k"].tolist() == exp["k"].tolist()


def test_memory_limit_shapes_blocks_and_threads():
    small, large = Budget.for_limit(400 * 2**20, cores=2), Budget.for_limit(8 * 2**30, cores=2)
    assert small.threads == 1 and large.threads == 2
    assert 2**20 <= small.blocksize < large.blocksize == 64 * 2**20
    sizes = [Budget.for_limit(m * 2**20, cores=2).blocksize for m in (500, 600, 800, 1000, 1200)]
    assert sizes == sorted(sizes)
    # the bytes a run may hold at once stay inside the budget
    for m in (360, 512, 1024, 3072):
        b = Budget.for_limit(m * 2**20, cores=2)
        assert 320 * 2**20 + b.threads * b.blocksize * 8 <= m * 2**20


def test_bad_memory_limits_are_clear_errors(tmp_path, capsys):
    assert parse_memory_limit("1.5GB") == 1_500_000_000
    assert parse_memory_limit("800MiB") == 800 * 2**20
    with pytest.raises(BrewdeskError, match="not a size"):
        parse_memory_limit("lots")
    with pytest.raises(BrewdeskError, match="too small"):
        Budget.for_limit(MIN_MEMORY_LIMIT - 1)
    src = tmp_path / "in.csv"
    src.write_text("a\n1\n")
    rpath = tmp_path / "r.json"
    Recipe(steps=()).save(rpath)
    out = tmp_path / "o.csv"
    assert main(["run", str(rpath), "-i", str(src), "-o", str(out), "--memory-limit", "10MB"]) != 0
    assert "too small" in capsys.readouterr().err
    assert main(["run", str(rpath), "-i", str(src), "-o", str(out), "--memory-limit", "a lot"]) != 0
    assert "is not a size" in capsys.readouterr().err
    assert not out.exists()

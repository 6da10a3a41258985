"""Outputs stay inside the destination the user chose, whatever the data or the recipe says.

Recipes hold no paths; the only names that come from data are hive partition folders
(``column=value``) and part files. Values and column names that look like paths (``..``,
``/etc``, ``a/b``, ``~``, backslashes, NUL, very long) must become folder names under the
destination, and read back as the same values.
"""

from __future__ import annotations

import os

import pandas as pd
import pyarrow.dataset as pads
from brewdesk.cli import main
from brewdesk.recipes.model.recipe import Recipe, Step

HOSTILE = ["../../escape", "..", ".", "/etc/passwd", "a/b/c", "~root", "..\\..\\win", "x\x00y", "é/ü", "z" * 200, ""]


def _tree(root) -> set[str]:
    found = set()
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def test_partition_values_that_look_like_paths_stay_inside(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    rows = [{"part": v, "n": i} for i, v in enumerate(HOSTILE)] + [{"part": None, "n": 99}]
    df = pd.DataFrame(rows)
    src = work / "in.parquet"
    df.astype({"part": "string"}).to_parquet(src)
    rpath = work / "r.json"
    Recipe(steps=(Step.create("rename", {"source_column": "n", "target_column": "../n"}),)).save(rpath)
    before = _tree(tmp_path)
    out = work / "out"
    code = main(["run", str(rpath), "-i", str(src), "-o", str(out), "--partition-by", "part", "--partitions", "3"])
    assert code == 0
    # nothing appeared anywhere but inside the output folder
    after = _tree(tmp_path)
    outside = {p for p in after - before if not p.startswith(os.path.join("work", "out"))}
    assert outside == set()
    for p in _tree(out):
        real = os.path.realpath(out / p)
        assert real.startswith(os.path.realpath(out) + os.sep)
    # one folder per value, directly under the output, each a single path segment
    folders = sorted(d for d in os.listdir(out) if (out / d).is_dir())
    assert len(folders) == len(HOSTILE) + 1
    assert all(d.startswith("part=") for d in folders)
    # the values read back exactly (hive decoding), the column name with a slash too
    back = pads.dataset(str(out), format="parquet", partitioning="hive").to_table().to_pandas()
    got = dict(zip(back["../n"].tolist(), back["part"].tolist(), strict=True))
    for i, v in enumerate(HOSTILE):
        if v == "":
            assert got[i] in ("", None) or pd.isna(got[i])
        else:
            assert got[i] == v
    assert pd.isna(got[99])


def test_a_value_too_long_for_a_folder_name_is_a_clear_error(tmp_path, capsys):
    src = tmp_path / "in.csv"
    pd.DataFrame({"part": ["short", "y" * 300], "n": [1, 2]}).to_csv(src, index=False)
    rpath = tmp_path / "r.json"
    Recipe(steps=()).save(rpath)
    out = tmp_path / "out"
    code = main(["run", str(rpath), "-i", str(src), "-o", str(out), "--partition-by", "part"])
    assert code == 6
    assert "cannot partition by 'part'" in capsys.readouterr().err
    assert not out.exists() and sorted(os.listdir(tmp_path)) == ["in.csv", "r.json"]

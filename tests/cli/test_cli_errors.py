"""Bad input through the CLI: one clear message, a non-zero exit, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from brewdesk.cli import main
from brewdesk.recipes.model.recipe import Recipe, Step


@pytest.fixture
def csv(tmp_path: Path) -> Path:
    p = tmp_path / "in.csv"
    p.write_text("a,b,when\n1,x,2020-01-01\n,y,2020-01-02\n3,z,2020-01-03\n")
    return p


def _recipe(tmp_path: Path, *steps: Step, name: str = "r.json") -> Path:
    p = tmp_path / name
    Recipe(steps=steps, name="t").save(p)
    return p


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def _one_clear_line(err: str) -> None:
    assert "Traceback" not in err
    assert err.startswith("error: ")


def test_missing_input_file(tmp_path, capsys):
    r = _recipe(tmp_path)
    code, _, err = _run(capsys, "run", str(r), "-i", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "o.csv"))
    assert code == 5
    _one_clear_line(err)
    assert "nope.csv" in err
    assert not (tmp_path / "o.csv").exists()


def test_ragged_csv_names_the_line(tmp_path, capsys):
    src = tmp_path / "ragged.csv"
    src.write_text("a,b\n1,2\n3,4\n5,6,7\n8,9\n")
    r = _recipe(tmp_path)
    code, _, err = _run(capsys, "run", str(r), "-i", str(src), "-o", str(tmp_path / "o.csv"))
    assert code == 5
    _one_clear_line(err)
    assert "ragged.csv" in err and "line 4" in err
    assert not (tmp_path / "o.csv").exists()


def test_wrong_sheet_lists_the_sheets(tmp_path, capsys):
    src = tmp_path / "book.xlsx"
    with pd.ExcelWriter(src) as w:
        pd.DataFrame({"a": [1, 2]}).to_excel(w, sheet_name="Data", index=False)
    r = _recipe(tmp_path)
    code, _, err = _run(capsys, "run", str(r), "-i", str(src), "--sheet", "Summary", "-o", str(tmp_path / "o.csv"))
    assert code == 5
    _one_clear_line(err)
    assert "Summary" in err and "Data" in err


def test_unknown_operation(tmp_path, csv, capsys):
    r = tmp_path / "r.json"
    r.write_text(json.dumps({"format": "brewdesk-recipe", "format_version": 1, "steps": [{"id": "x1", "op": "fly_away", "params": {}}]}))
    code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(tmp_path / "o.csv"))
    assert code == 2
    _one_clear_line(err)
    assert "'fly_away'" in err and "x1" in err


def test_missing_column_with_suggestion(tmp_path, csv, capsys):
    r = _recipe(tmp_path, Step.create("fill_with_median", {"source_column": "aa"}, id="s1"))
    code, _, err = _run(capsys, "validate", str(r), "-i", str(csv))
    assert code == 3
    assert "step 1 (s1)" in err and "did you mean 'a'?" in err
    code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(tmp_path / "o.csv"))
    assert code == 3 and not (tmp_path / "o.csv").exists()


def test_impossible_cast_is_refused_before_running(tmp_path, csv, capsys):
    r = tmp_path / "r.json"
    r.write_text(json.dumps({"format": "brewdesk-recipe", "format_version": 1, "steps": [
        {"id": "c1", "op": "change_data_type", "params": {"source_column": "b", "column_data_type": "complex"}}]}))
    code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(tmp_path / "o.csv"))
    assert code == 2
    _one_clear_line(err)
    assert "step 1 (c1)" in err and "column_data_type" in err


def test_malformed_recipe_json(tmp_path, csv, capsys):
    r = tmp_path / "r.json"
    r.write_text('{"format": "brewdesk-recipe",\n "steps": [}')
    code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(tmp_path / "o.csv"))
    assert code == 2
    _one_clear_line(err)
    assert "invalid JSON at line 2" in err


def test_unwritable_destination(tmp_path, csv, capsys):
    blocker = tmp_path / "plain-file"
    blocker.write_text("I am a file, not a folder")
    r = _recipe(tmp_path)
    for dest in (blocker / "o.csv", Path("/proc/brewdesk-o.csv")):
        code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(dest))
        assert code == 6, err
        _one_clear_line(err)
    assert blocker.read_text() == "I am a file, not a folder"


def test_missing_output_folders_are_created(tmp_path, csv, capsys):
    r = _recipe(tmp_path)
    code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(tmp_path / "no" / "such" / "o.csv"))
    assert code == 0, err
    assert pd.read_csv(tmp_path / "no" / "such" / "o.csv")["b"].tolist() == ["x", "y", "z"]


def test_existing_destination_needs_overwrite_and_is_kept(tmp_path, csv, capsys):
    out = tmp_path / "o.csv"
    out.write_text("old content\n")
    r = _recipe(tmp_path, Step.create("fill_with_median", {"source_column": "a"}))
    code, _, err = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(out))
    assert code == 6 and "--overwrite" in err
    assert out.read_text() == "old content\n"
    code, _, _ = _run(capsys, "run", str(r), "-i", str(csv), "-o", str(out), "--overwrite")
    assert code == 0
    assert pd.read_csv(out)["a"].tolist() == [1, 2, 3]


def test_failure_mid_run_leaves_destination_untouched(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("x\n" + "\n".join(["1"] * 50 + ["2"] * 50) + "\n")
    out = tmp_path / "o.parquet"
    pd.DataFrame({"old": [1]}).to_parquet(out)
    before = out.read_bytes()
    # a regex that compiles but the join input is missing at run time: fails after the pre-flight
    r = _recipe(tmp_path, Step.create("union", {"secondary_inputs": ["more"]}))
    code, _, err = _run(capsys, "run", str(r), "-i", str(src), "-o", str(out), "--overwrite")
    assert code != 0 and "more" in err
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "recipe.json"], "Missing option '--input'"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
        (["gui", "x.csv", "--sample", "bogus"], "use first, last or random"),
        (["sample", "x.csv", "--first", "many"], "Invalid value"),
    ],
)
def test_usage_errors_exit_2_with_the_usage_line(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Usage: brewdesk" in err and "internal error" not in err


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0 and main(["run", "--help"]) == 0
    assert "--memory-limit" in capsys.readouterr().out

"""`brewdesk export-code --engine pandas|dask` and `brewdesk ops show` for AWS-only DataBrew names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from brewdesk.cli import main
from brewdesk.recipes.model.databrew import AWS_ONLY, DataBrewStepsError, import_databrew

CSV = "name,score,city\nann,3,paris\nbob,,rome\ncid,8,paris\ndan,1,\neve,,rome\nfay,4,oslo\n"
RECIPE = {
    "format": "brewdesk-recipe",
    "format_version": 1,
    "name": "scores",
    "steps": [
        {"id": "fill", "op": "fill_with_median", "v": 1, "params": {"source_column": "score"}},
        {
            "id": "order",
            "op": "sort",
            "v": 1,
            "params": {"expressions": [{"source_column": "score"}]},
        },
        {"id": "num", "op": "row_number", "v": 1, "params": {"target_column": "n"}},
    ],
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "scores.csv"
    data.write_text(CSV)
    recipe = tmp_path / "scores.recipe.json"
    recipe.write_text(json.dumps(RECIPE))
    return data, recipe


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_exported_script_matches_the_run(files, tmp_path, capsys, engine):
    data, recipe = files
    script, out, ran = (
        tmp_path / f"clean_{engine}.py",
        tmp_path / f"out_{engine}.csv",
        tmp_path / "run.csv",
    )
    code, _, err = _run(
        capsys,
        "export-code",
        str(recipe),
        "--source",
        str(data),
        "--destination",
        str(out),
        "--engine",
        engine,
        "-o",
        str(script),
    )
    assert code == 0, err
    assert ("dd.read_csv" in script.read_text()) == (engine == "dask")
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert _run(capsys, "run", str(recipe), "-i", str(data), "-o", str(ran))[0] == 0
    got, want = pd.read_csv(out), pd.read_csv(ran)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    # the median of 3, 8, 1, 4 over the whole file is 3.5, rounded half to even in an integer column
    assert got["score"].tolist() == [1, 3, 4, 4, 4, 8]


def test_dask_script_statistics_and_carries_span_partitions(files, tmp_path, capsys):
    data, recipe = files
    script = tmp_path / "clean.py"
    assert (
        _run(
            capsys,
            "export-code",
            str(recipe),
            "--source",
            str(data),
            "--destination",
            "out.csv",
            "--engine",
            "dask",
            "-o",
            str(script),
        )[0]
        == 0
    )
    text = script.read_text()
    assert "_statistics(ddf, {'median': ('median', 'score', None)})" in text
    assert "_sorted(ddf, ['score']" in text and "_offsets(ddf)" in text


def test_dask_export_lists_every_step_it_cannot_write(files, tmp_path, capsys):
    data, _ = files
    recipe = tmp_path / "r.json"
    steps = [
        # a shuffle needs the engine's whole-dataset exchange: no Dask form in the export
        {"id": "a", "op": "shuffle_rows", "v": 1, "params": {"source_columns": ["city"]}},
        {"id": "b", "op": "upper_case", "v": 1, "params": {"source_column": "city"}},
        {
            "id": "c",
            "op": "join",
            "v": 1,
            "params": {"secondary_input": "more", "join_keys": [{"key": "city", "value": "city"}]},
        },
        {"id": "d", "op": "shuffle_rows", "v": 1, "params": {"source_columns": ["score"]}},
    ]
    recipe.write_text(json.dumps({**RECIPE, "steps": steps}))
    code, out, err = _run(
        capsys,
        "export-code",
        str(recipe),
        "--source",
        str(data),
        "--engine",
        "dask",
        "-i",
        "more=more.csv",
    )
    assert code != 0 and out == ""
    assert "step 1 (a, shuffle_rows)" in err and "step 4 (d, shuffle_rows)" in err
    assert "step 2" not in err and "step 3" not in err  # upper case, join: exported
    assert "--engine pandas" in err


def test_unknown_engine_is_refused(files, capsys):
    _, recipe = files
    code, _, err = _run(capsys, "export-code", str(recipe), "--engine", "spark")
    assert code != 0 and "unknown engine 'spark'" in err and "pandas or dask" in err


@pytest.mark.parametrize("name", ["GET_STEP_DATAFRAME", "get_action_result"])
def test_ops_show_explains_session_only_operations(capsys, name):
    code, out, _ = _run(capsys, "ops", "show", name)
    assert code == 0
    assert "only exists in DataBrew's interactive sessions" in out
    assert "Instead:" in out and "no Brewdesk operation" in out


def test_ops_show_json_and_databrew_names(capsys):
    code, out, _ = _run(capsys, "ops", "show", "GET_STEP_DATAFRAME", "--json")
    assert code == 0 and json.loads(out)["brewdesk"] is None
    code, out, _ = _run(capsys, "ops", "show", "FILL_WITH_MEDIAN")
    assert code == 0 and out.startswith("fill_with_median (v")
    code, _, err = _run(capsys, "ops", "show", "NO_SUCH_THING")
    assert code != 0 and err


def test_import_refuses_session_only_steps_with_the_explanation():
    steps = [
        {"Action": {"Operation": "GET_STEP_DATAFRAME", "Parameters": {"stepIndex": "0"}}},
        {"Action": {"Operation": "UPPER_CASE", "Parameters": {"sourceColumn": "a"}}},
        {"Action": {"Operation": "GET_ACTION_RESULT", "Parameters": {"actionId": "7"}}},
    ]
    with pytest.raises(DataBrewStepsError) as info:
        import_databrew(json.dumps(steps))
    text = str(info.value)
    assert "step 1 (GET_STEP_DATAFRAME)" in text and "step 3 (GET_ACTION_RESULT)" in text
    assert text.count("only exists in DataBrew's interactive sessions") == 2
    assert "step 2" not in text
    assert set(AWS_ONLY) == {"GET_ACTION_RESULT", "GET_STEP_DATAFRAME"}


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_join_reads_its_input_and_matches_the_run(files, tmp_path, capsys, engine):
    data, _ = files
    towns = tmp_path / "towns.csv"
    towns.write_text("city,country\nparis,FR\nrome,IT\nlima,PE\n")
    recipe = tmp_path / "join.json"
    join = {
        "secondary_input": "towns",
        "join_type": "OUTER_JOIN",
        "join_keys": [{"key": "city", "value": "city"}],
    }
    recipe.write_text(
        json.dumps({**RECIPE, "steps": [{"id": "j", "op": "join", "v": 1, "params": join}]})
    )
    script, out, ran = (
        tmp_path / f"join_{engine}.py",
        tmp_path / f"j_{engine}.csv",
        tmp_path / "j_run.csv",
    )
    code, _, err = _run(
        capsys,
        "export-code",
        str(recipe),
        "--source",
        str(data),
        "--destination",
        str(out),
        "--engine",
        engine,
        "--input",
        f"towns={towns}",
        "-o",
        str(script),
    )
    assert code == 0, err
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert (
        _run(capsys, "run", str(recipe), "-i", str(data), "-i", f"towns={towns}", "-o", str(ran))[0]
        == 0
    )
    got, want = pd.read_csv(out), pd.read_csv(ran)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert got["country"].tolist()[-1] == "PE"  # the unmatched row of the second input comes last


def test_a_join_without_its_input_path_is_refused(files, tmp_path, capsys):
    recipe = tmp_path / "join.json"
    join = {"secondary_input": "towns", "join_keys": [{"key": "city", "value": "city"}]}
    recipe.write_text(
        json.dumps({**RECIPE, "steps": [{"id": "j", "op": "join", "v": 1, "params": join}]})
    )
    for engine in ("pandas", "dask"):
        code, out, err = _run(capsys, "export-code", str(recipe), "--engine", engine)
        assert code != 0 and out == ""
        assert "step 1 (j, join): input 'towns'" in err and "--input NAME=PATH" in err


def test_dask_export_reads_the_clock_once_for_now_and_today(files, tmp_path, capsys):
    data, _ = files
    recipe = tmp_path / "r.json"
    steps = [
        {"id": "a", "op": "now", "v": 1, "params": {"target_column": "t"}},
        {"id": "b", "op": "today", "v": 1, "params": {"target_column": "d", "time_zone": "Pacific/Kiritimati"}},
        {"id": "c", "op": "now", "v": 1, "params": {"target_column": "t2"}},
    ]
    recipe.write_text(json.dumps({**RECIPE, "steps": steps}))
    script, out_csv = tmp_path / "s.py", tmp_path / "o.csv"
    code, _, err = _run(capsys, "export-code", str(recipe), "--source", str(data), "--destination", str(out_csv),
                        "--engine", "dask", "-o", str(script))
    assert code == 0, err
    import subprocess
    import sys

    import pandas as pd

    before = pd.Timestamp.now(tz="UTC").tz_localize(None).floor("s")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    after = pd.Timestamp.now(tz="UTC").tz_localize(None)
    assert done.returncode == 0, done.stderr
    got = pd.read_csv(out_csv, parse_dates=["t", "d", "t2"])
    assert got["t"].nunique() == 1 and (got["t"] == got["t2"]).all()  # one reading for the whole run
    assert before <= got["t"].iloc[0] <= after
    kiritimati = (got["t"].iloc[0] + pd.Timedelta(hours=14)).normalize()  # UTC+14
    assert (got["d"] == kiritimati).all()


TYPED_CSV = (
    "name,born,visits\n"
    "ann,2020-01-05,3\n"
    "bob,2021-02-06 07:08:09,\n"
    "cid,,8\n"
    "dan,2019-12-31T23:00:00,1\n"
)


def test_dask_script_gives_the_runs_values_and_dtypes(tmp_path, capsys):
    # a datetime column (text in the CSV) and an integer column with a missing value: the script
    # converts its input to the planned types and maps with the planned meta, as `brewdesk run`
    data = tmp_path / "people.csv"
    data.write_text(TYPED_CSV)
    recipe = tmp_path / "people.recipe.json"
    params = {"source_column": "name", "target_column": "name"}
    steps = [{"id": "up", "op": "upper", "v": 1, "params": params}]
    recipe.write_text(json.dumps({**RECIPE, "name": "people", "steps": steps}))
    script, out, ran = tmp_path / "clean.py", tmp_path / "out.parquet", tmp_path / "run.parquet"
    code, _, err = _run(
        capsys,
        "export-code",
        str(recipe),
        "--source",
        str(data),
        "--destination",
        str(out),
        "--engine",
        "dask",
        "-o",
        str(script),
    )
    assert code == 0, err
    text = script.read_text()
    assert "_typed(ddf, {" in text and "'born': 'datetime64[us]'" in text
    # meta is planned, never inferred by running the step on no rows
    assert "ddf = _map(ddf, _step_1, _empty({'name': 'string[pyarrow]', 'born'" in text
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert _run(capsys, "run", str(recipe), "-i", str(data), "-o", str(ran))[0] == 0
    got, want = pd.read_parquet(out).reset_index(drop=True), pd.read_parquet(ran)
    pd.testing.assert_frame_equal(got, want)
    assert str(got["born"].dtype).startswith("datetime64") and str(got["visits"].dtype) == "Int64"
    assert got["name"].tolist() == ["ANN", "BOB", "CID", "DAN"]

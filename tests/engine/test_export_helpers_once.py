"""Every exported script, pandas and Dask, defines each helper it calls once, at its top, from the
helper's own source (recipes/export/source.py): the kernels of all its steps (JOIN and UNION
included), the Dask runtime functions, a NEIGHBOUR step's ``Window.valid`` function; the import
lines the helpers need are in the script's header. The scripts run and give what the recipe gives."""

from __future__ import annotations

import ast
import base64
import sys
from pathlib import Path

import dask
import pandas as pd
import pytest
from brewdesk.engine import export_dask
from brewdesk.engine.export_code import script
from brewdesk.recipes.export.source import HEADER_MODULES, import_line, kernels
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas


@pytest.fixture(autouse=True)
def _sync():
    with dask.config.set(scheduler="sync"):
        yield


def _top_level(text: str) -> tuple[list[str], list[str]]:
    """Names of the script's top-level ``def`` blocks, and its top-level import lines."""
    tree = ast.parse(text)
    defs = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    lines = text.splitlines()
    heads = [lines[n.lineno - 1] for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return defs, heads


def _nested_defs_and_imports(text: str) -> list[str]:
    """Helpers (kernels, top-level functions) defined inside a function, and standard-library
    imports inside functions (none: helpers and the import lines they need live at the top; only
    optional heavy dependencies are imported in a kernel)."""
    helpers = set(kernels()) | set(_top_level(text)[0])
    out = []
    for fn in ast.walk(ast.parse(text)):
        if isinstance(fn, ast.FunctionDef):
            for inner in ast.walk(fn):
                if inner is not fn and isinstance(inner, ast.FunctionDef) and inner.name in helpers:
                    out.append(f"def {inner.name} in {fn.name}")
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    module = inner.module if isinstance(inner, ast.ImportFrom) else inner.names[0].name
                    if (module or "").split(".")[0] in sys.stdlib_module_names:
                        out.append(f"import {module} in {fn.name}")
    return out


def _run(text: str) -> None:
    exec(compile(text, "<exported script>", "exec"), {"__name__": "__main__"})  # noqa: S102 - test of exported code


RECIPE = Recipe(
    steps=(
        Step.create("union", {"secondary_inputs": ["more"]}),
        Step.create("union", {"secondary_inputs": ["more"]}),
        Step.create("change_data_type", {"source_column": "n", "column_data_type": "string"}),
        Step.create("join", {"secondary_input": "towns", "join_type": "OUTER_JOIN",
                             "join_keys": [{"key": "city", "value": "city"}]}),
        Step.create("change_data_type", {"source_column": "x", "column_data_type": "string"}),
        Step.create("fill_with_last_valid", {"source_column": "x"}),
    )
)


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_each_helper_is_defined_once_at_the_top_and_the_script_matches_the_run(tmp_path: Path, engine: str) -> None:
    main, more, towns = tmp_path / "main.csv", tmp_path / "more.csv", tmp_path / "towns.csv"
    main.write_text("n,city,x\n1,paris,1.5\n2,rome,\n3,lima,2.5\n,oslo,\n")
    more.write_text("n,city,x\n7,rome,\n8,kyiv,4.5\n")
    towns.write_text("city,country\nparis,FR\nrome,IT\nquito,EC\n")
    out = tmp_path / f"out_{engine}.csv"
    paths = {"more": str(more), "towns": str(towns)}
    text = script(RECIPE, source=str(main), destination=str(out), inputs=paths, engine=engine)
    defs, _ = _top_level(text)
    assert len(defs) == len(set(defs)), sorted(d for d in defs if defs.count(d) > 1)
    for helper in ("_bi_union_dtypes", "_bi_aligned", "_bi_join_rows", "_bi_join_layout", "_bd_convert"):
        assert helper in defs
    assert not _nested_defs_and_imports(text)
    first_step = text.index("# step 1:")
    assert all(text.index(f"def {d}(") < first_step for d in defs if not d.startswith("_step_"))
    if engine == "dask":
        assert {"_flv_valid", "_valid_rows", "_union_all", "_broadcast_join"} <= set(defs)
    _run(text)
    read = {"dtype_backend": "numpy_nullable"}
    frames = {name: pd.read_csv(path, **read) for name, path in paths.items()}
    want = run_pandas(RECIPE, pd.read_csv(main, **read), inputs=frames)
    pd.testing.assert_frame_equal(pd.read_csv(out), pd.read_csv(pd.io.common.StringIO(want.to_csv(index=False))),
                                  check_dtype=False)


@pytest.mark.parametrize("engine", ["pandas", "dask"])
def test_a_script_imports_the_standard_modules_its_kernels_use_and_runs(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    env, _ = kernels()["_bp_key_location"]("k")
    monkeypatch.setenv(env, base64.b64encode(bytes(range(32))).decode("ascii"))
    recipe = Recipe(steps=(
        Step.create("cryptographic_hash", {"source_columns": ["t"], "secret_id": "k", "algorithm": "HMAC_SHA256"}),
        Step.create("cryptographic_hash", {"source_columns": ["u"], "algorithm": "SHA256"}),
    ))
    source, out = tmp_path / "in.csv", tmp_path / f"out_{engine}.csv"
    source.write_text("t,u\nalpha,x\n,y\nbeta,\n")
    text = script(recipe, source=str(source), destination=str(out), engine=engine)
    _, heads = _top_level(text)
    for module in ("base64", "hashlib", "hmac"):
        assert heads.count(f"import {module}") == 1
    assert not _nested_defs_and_imports(text)
    _run(text)
    want = run_pandas(recipe, pd.read_csv(source, dtype_backend="numpy_nullable"))
    got = pd.read_csv(out)
    assert got["t"].tolist()[0] == want["t"].tolist()[0] and got["u"].tolist()[0] == want["u"].tolist()[0]
    pd.testing.assert_frame_equal(got, pd.read_csv(pd.io.common.StringIO(want.to_csv(index=False))), check_dtype=False)


def test_the_dask_header_is_built_from_its_modules_with_future_annotations() -> None:
    text = script(Recipe(steps=(Step.create("upper_case", {"source_column": "a"}),)),
                  source="in.csv", destination="out.csv", engine="dask")
    _, heads = _top_level(text)
    assert heads[0] == "from __future__ import annotations"
    assert set(heads[1:]) == {import_line(n, m) for n, m in export_dask.HEADER_MODULES.items()}
    assert set(HEADER_MODULES.items()) <= set(export_dask.HEADER_MODULES.items())  # the kernels' names
    assert text.index(heads[-1]) < text.index("\ndef ")

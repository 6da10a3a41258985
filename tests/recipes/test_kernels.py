"""The kernels (:mod:`brewdesk.recipes.kernels`) and how exported code gets their source
(:mod:`brewdesk.recipes.export.source`): every kernel stands alone in a script, the exporter
copies each kernel a piece of code calls once, after the kernels it calls, and a whole script
with several steps calling the same kernels defines each once and gives what ``apply()`` gives."""

from __future__ import annotations

import builtins
import inspect
import re
import symtable
import types
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from brewdesk.recipes.export import codegen
from brewdesk.recipes.export.source import HEADER_MODULES, called, kernel_code, kernels, ordered
from brewdesk.recipes.model.recipe import Recipe, Step
from brewdesk.recipes.model.runner import run_pandas

KERNELS = kernels()


def _free_globals(table: symtable.SymbolTable) -> set[str]:
    out = {s.get_name() for s in table.get_symbols() if s.is_global() and s.is_referenced()}
    for child in table.get_children():
        out |= _free_globals(child)
    return out


def _defs(code: str) -> list[str]:
    return re.findall(r"^def (\w+)\(", code, flags=re.MULTILINE)


def test_the_kernel_package_holds_the_exported_functions() -> None:
    families = {name[:4] for name in KERNELS}
    assert families == {"_ba_", "_bc_", "_bd_", "_bf_", "_bi_", "_bm_", "_bn_", "_bp_", "_br_", "_bt_", "_bx_", "_ri_"}
    assert all(re.fullmatch(r"_(b[a-z]|ri)_\w+", name) for name in KERNELS)
    assert {"_bd_convert", "_bn_transpose", "_bx_cmp", "_bp_key"} <= set(KERNELS)


@pytest.mark.parametrize("name", sorted(KERNELS))
def test_kernel_stands_alone_in_a_script(name: str) -> None:
    """Its source defines exactly itself and reads only the script header's names, builtins,
    other kernels (the same functions) and modules its module imports (written as imports)."""
    function = KERNELS[name]
    source = inspect.getsource(function)
    table = symtable.symtable(source, f"<{name}>", "exec")
    assert [c.get_name() for c in table.get_children()] == [name]
    for used in _free_globals(table.get_children()[0]) - set(dir(builtins)):
        value = function.__globals__.get(used)
        if used in HEADER_MODULES:
            assert value.__name__ == HEADER_MODULES[used]
        elif used in KERNELS:
            assert value is KERNELS[used], f"{name} reads {used}, not the kernel of that name"
        else:
            assert isinstance(value, types.ModuleType), f"{name} reads {used}, which is not copied into scripts"


def test_kernel_code_copies_each_kernel_once_after_those_it_calls() -> None:
    code = kernel_code("df = _bn_transpose(df, ['a'], ['b'], 'SUM', ['x'], ['n'])\n_t = _bd_convert(df['a'], 'string')")
    defs = _defs(code)
    assert defs[-1] == "_bn_transpose" and len(defs) == len(set(defs))
    assert set(defs) == {"_bn_transpose", "_bn_pivot", "_bn_unpivot", "_bn_common", "_bn_values", "_bd_convert"}
    for name in defs:
        assert inspect.getsource(KERNELS[name]) in code
        for dep in re.findall(r"\b_b[a-z]_\w+", inspect.getsource(KERNELS[name]).split(":", 1)[1]):
            if dep in KERNELS and dep != name:
                assert defs.index(dep) < defs.index(name), f"{dep} must come before {name}"
    env: dict[str, object] = {"pd": pd, "np": np, "re": re}
    exec(code, env)  # noqa: S102 - the exported kernels
    assert set(defs) <= set(env)


def test_kernel_code_leaves_out_what_the_code_defines_and_what_it_does_not_call() -> None:
    assert kernel_code("df = df.dropna()") == ""
    assert called("x = '_bd_convert'\ny = df._bd_round") == []
    own = inspect.getsource(KERNELS["_bf_uniform"])
    code = kernel_code(own + "\n_u = _bf_uniform(np.arange(3), 1)")
    assert _defs(code) == ["_bd_splitmix"]
    assert [d.name for d in ordered([KERNELS["_bf_uniform"]])] == ["_bd_splitmix", "_bf_uniform"]


def test_kernel_code_imports_the_standard_modules_kernels_use() -> None:
    code = kernel_code("_key = _bp_key('k')")
    head = code.split("\n\n\n", 1)[0].splitlines()
    assert head == ["import base64", "import binascii", "import os"]
    assert _defs(code) == ["_bp_key_location", "_bp_key"]
    env: dict[str, object] = {"pd": pd, "np": np, "re": re}
    exec(code, env)  # noqa: S102 - the exported kernels
    assert callable(env["_bp_key"])


def test_a_script_defines_each_kernel_once_and_gives_what_apply_gives(tmp_path: Path) -> None:
    steps = (
        Step.create("change_data_type", {"source_column": "n", "column_data_type": "string"}),
        Step.create("merge", {"source_columns": ["n", "t"], "delimiter": "-", "target_column": "m"}),
        Step.create("round", {"source_column": "x", "target_column": "r"}),
        Step.create("change_data_type", {"source_column": "t", "column_data_type": "int"}),
    )
    source, destination = tmp_path / "in.csv", tmp_path / "out.csv"
    source.write_text("n,t,x\n1,7,1.5\n2,x,2.5\n,9,\n")
    text = codegen.script(Recipe(steps=steps), source=str(source), destination=str(destination))
    defs = _defs(text)
    assert len(defs) == len(set(defs)) and {"_bd_convert", "_bd_merge", "_bd_round"} <= set(defs)
    assert text.index("def _bd_convert(") < text.index("# step 1:")
    exec(compile(text, "<exported script>", "exec"), {"__name__": "__main__"})  # noqa: S102 - test of exported code
    expected = run_pandas(Recipe(steps=steps), pd.read_csv(source, dtype_backend="numpy_nullable"))
    assert destination.read_text() == expected.to_csv(index=False)


def test_a_script_imports_what_its_kernels_use_in_its_header() -> None:
    step = Step.create("cryptographic_hash", {"source_columns": ["t"], "secret_id": "k", "algorithm": "HMAC_SHA256"})
    text = codegen.script(Recipe(steps=(step,)), source="in.csv", destination="out.csv")
    head = text.split('"""', 2)[2].split("\n\n\n", 1)[0].strip()
    assert [group.splitlines() for group in head.split("\n\n")] == [
        ["import base64", "import binascii", "import hashlib", "import hmac", "import os", "import re"],
        ["import numpy as np", "import pandas as pd"],
    ]
    assert text.count("import os") == 1 and _defs(text).count("_bd_convert") == 1

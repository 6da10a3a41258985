"""The ``_bd_*`` helpers split across ``recipes/ops/_common_*.py`` and the text exported code embeds.

``_common.HELPER_SOURCES`` is generated (``python -m brewdesk.recipes.ops._common``) from the
helper modules; ``to_code()`` pastes it into exported scripts, so it must be each helper's own
source, cover every helper of every split module, and need nothing but ``pd``, ``np``, ``re`` and
builtins (the script's header imports).
"""

from __future__ import annotations

import builtins
import importlib
import inspect
import symtable
from pathlib import Path

from brewdesk.recipes.ops import _common

OPS_DIR = Path(_common.__file__).parent
SCRIPT_GLOBALS = {"pd", "np", "re"} | set(dir(builtins))


def _split_modules() -> list:
    names = sorted(p.stem for p in OPS_DIR.glob("_common_*.py"))
    return [importlib.import_module(f"brewdesk.recipes.ops.{n}") for n in names]


def _defined_helpers(module) -> dict[str, object]:
    return {
        n: f
        for n, f in vars(module).items()
        if n.startswith("_bd_") and getattr(f, "__module__", None) == module.__name__
    }


def _free_globals(table: symtable.SymbolTable) -> set[str]:
    out = {s.get_name() for s in table.get_symbols() if s.is_global() and s.is_referenced()}
    for child in table.get_children():
        out |= _free_globals(child)
    return out


def test_generated_sources_are_up_to_date() -> None:
    assert _common.HELPER_SOURCES == _common.helper_sources(), (
        "regenerate: python -m brewdesk.recipes.ops._common"
    )


def test_every_split_module_helper_is_generated_and_reexported() -> None:
    modules = _split_modules()
    assert {m.__name__ for m in modules} >= {m.__name__ for m in _common.HELPER_MODULES}
    seen: dict[str, str] = {}
    for module in modules:
        for name, func in _defined_helpers(module).items():
            assert name not in seen, f"{name} defined in {seen.get(name)} and {module.__name__}"
            seen[name] = module.__name__
            assert module in _common.HELPER_MODULES, f"add {module.__name__} to _common.HELPER_MODULES"
            assert getattr(_common, name, None) is func, f"re-export {name} from _common"
            assert _common.HELPER_SOURCES[name] == inspect.getsource(func), name
    assert sorted(seen) == sorted(_common.HELPER_SOURCES)
    assert sorted(seen) == sorted(n for n in vars(_common) if n.startswith("_bd_"))


def test_helper_sources_stand_alone() -> None:
    """Each embedded helper defines exactly itself and reads only the script's imports."""
    for name, text in _common.HELPER_SOURCES.items():
        table = symtable.symtable(text, f"<{name}>", "exec")
        assert [c.get_name() for c in table.get_children()] == [name]
        free = _free_globals(table.get_children()[0])
        assert free <= SCRIPT_GLOBALS, f"{name} reads {sorted(free - SCRIPT_GLOBALS)}"


def test_helper_code_joins_the_named_sources() -> None:
    code = _common.helper_code("_bd_merge", "_bd_round")
    assert code == _common.HELPER_SOURCES["_bd_merge"] + "\n\n" + _common.HELPER_SOURCES["_bd_round"] + "\n\n"


def test_helpers_of_other_modules_carry_the_shared_helpers_they_call() -> None:
    from brewdesk.recipes.ops import _functions_common, _pii_random

    assert _common.shared_helper_code(_functions_common.HELPER_SOURCES["_bf_url_params"]) == ""
    for code in (_functions_common.helper_code("_bf_uniform"), _pii_random.helper_code("_bp_random")):
        assert code.startswith(_common.HELPER_SOURCES["_bd_splitmix"])
        assert code.count("def _bd_splitmix(") == 1
    assert "_bd_" not in _functions_common.helper_code("_bf_ip_to_int")


def test_rewrite_sources_replaces_only_the_generated_block(tmp_path: Path) -> None:
    from brewdesk.recipes.ops._generated import MARKER, rewrite_sources

    path = tmp_path / "helpers.py"
    path.write_text(f"x = 1\n\n{MARKER} (old)\nHELPER_SOURCES: dict[str, str] = {{\n    'a': 'b',\n}}\n\n\ny = 2\n")
    rewrite_sources(path, {"_f": "def _f():\n    return {}\n"}, command="make")
    assert path.read_text() == (
        f"x = 1\n\n{MARKER} (make)\nHELPER_SOURCES: dict[str, str] = {{\n"
        "    '_f': 'def _f():\\n    return {}\\n',\n}\n\n\ny = 2\n"
    )
    (tmp_path / "none.py").write_text("x = 1\n")
    try:
        rewrite_sources(tmp_path / "none.py", {}, command="make")
    except ValueError as e:
        assert "no generated HELPER_SOURCES block" in str(e)
    else:
        raise AssertionError("a file without a generated block was rewritten")

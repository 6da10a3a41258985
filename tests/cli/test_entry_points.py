"""The ``brewdesk`` package's own entry points: ``python -m brewdesk``, ``--version``, and a
command line that needs neither Qt nor the app unless it opens the app."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from brewdesk.cli import main
from brewdesk.engine.sample_spec import DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_SIZE, SampleSpec
from brewdesk.recipes.model.registry import operations


def _python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)


def test_version_option_prints_the_installed_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"brewdesk {version('brewdesk')}"


def test_python_dash_m_brewdesk_is_the_command_line():
    r = _python("-m", "brewdesk", "--version")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"brewdesk {version('brewdesk')}"
    r = _python("-m", "brewdesk", "ops", "list", "--json")
    assert r.returncode == 0, r.stderr
    assert sorted(o["id"] for o in json.loads(r.stdout)) == sorted(operations())


def test_python_dash_m_brewdesk_reports_usage_errors():
    r = _python("-m", "brewdesk", "no-such-command")
    assert r.returncode == 2
    assert "no-such-command" in r.stderr


def test_the_command_line_does_not_load_the_app_or_qt():
    probe = str(Path(__file__).parents[1] / "import_probe.py")
    r = _python("-P", probe, "--import", "brewdesk.cli", "--absent", "PySide6", "--absent", "brewdesk.app")
    assert r.returncode == 0, r.stderr
    r = _python("-P", probe, "--import", "brewdesk.app.launch", "--absent", "PySide6")
    assert r.returncode == 1 and "PySide6" in r.stderr  # the probe sees Qt when it is loaded


PROBE = str(Path(__file__).parents[1] / "import_probe.py")
RECIPE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "clean_flights.recipe.json"


def _command(*argv: str) -> tuple[str, ...]:
    """Probe arguments that run ``python -m brewdesk ARGV...``."""
    return ("-P", PROBE, "--run-module", "brewdesk", *(f"--arg={a}" for a in argv))


@pytest.mark.parametrize("argv", [
    ("ops", "list"), ("ops", "show", "FILL_WITH_EMPTY"), ("--version",), ("--help",), ("gui", "--help"),
    ("connections",), ("export-databrew", str(RECIPE)),
])
def test_commands_that_read_no_data_start_without_dask(argv, tmp_path, monkeypatch):
    monkeypatch.setenv("BREWDESK_HOME", str(tmp_path))  # no connections configured
    r = _python(*_command(*argv), "--absent", "dask")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()


def test_commands_that_read_data_load_dask(tmp_path):
    # the other side of the probe above: reading data does load Dask, and the probe sees it
    data = tmp_path / "small.csv"
    data.write_text("a,b\n1,x\n2,y\n", encoding="utf-8")
    r = _python(*_command("sample", str(data), "--format", "csv"), "--present", "dask")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "a,b"
    r = _python(*_command("sample", str(data), "--format", "csv"), "--absent", "dask")
    assert r.returncode == 1 and "dask" in r.stderr


def test_ctrl_c_while_the_command_line_loads_ends_quietly():
    brewdesk = str(Path(sys.executable).parent / "brewdesk")
    proc = subprocess.Popen(
        [brewdesk, "ops", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(0.3)  # loading pandas and the operations takes longer
    os.kill(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
    # 130: interrupted while loading; -2: the signal came before Python's own handler was set
    assert proc.returncode in (130, -signal.SIGINT), err
    assert out == b""


def test_gui_sample_size_follows_the_sampler_policy(capsys):
    # the limit is checked before the app is loaded: no window opens
    assert main(["gui", "--size", str(MAX_SAMPLE_SIZE + 1)]) == 2
    assert str(MAX_SAMPLE_SIZE) in capsys.readouterr().err.replace(",", "")
    assert SampleSpec().size == DEFAULT_SAMPLE_SIZE <= MAX_SAMPLE_SIZE

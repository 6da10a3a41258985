"""Every command and every option of `brewdesk run` is documented in README.md (as datasette does)."""

from __future__ import annotations

from pathlib import Path

import typer.main
from brewdesk.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=""):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", cmd


def test_every_command_is_in_the_readme():
    click_app = typer.main.get_command(app)
    missing = [name for name, _ in _commands(click_app) if f"brewdesk {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_run_option_is_in_the_readme():
    click_app = typer.main.get_command(app)
    run = click_app.commands["run"]
    options = [o for p in run.params for o in p.opts if o.startswith("--")]
    missing = [o for o in options if o not in README]
    assert not missing, f"undocumented options of brewdesk run: {missing}"


def test_every_command_has_help():
    click_app = typer.main.get_command(app)
    for name, cmd in _commands(click_app):
        assert cmd.help, f"brewdesk {name} has no help text"

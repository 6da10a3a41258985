"""The ``brewdesk`` command line.

Conventions (as datasette and sqlite-utils do): ``--help`` on every command, exit status 0 on
success and non-zero with one clear message on any error (no traceback unless ``--debug``),
``--json`` for machine-readable output, a progress bar only on a terminal.

Exit codes: 1 general error, 2 bad recipe file or usage, 3 recipe does not fit the data,
4 a step failed on the data, 5 unreadable source, 6 destination problem, 70 internal error,
130 interrupted.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import os
import re
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import click
import pandas as pd
import typer
from brewdesk import __version__
from brewdesk.engine import connections as conns
from brewdesk.engine import locations
from brewdesk.engine.report import safe_location
from brewdesk.engine.sample_spec import (
    DEFAULT_SAMPLE_SIZE,
    MAX_SAMPLE_SIZE,
    SampleMethod,
    SampleSpec,
)
from brewdesk.recipes.model.databrew import AWS_ONLY, dumps_databrew, read_databrew, read_recipe
from brewdesk.recipes.model.errors import BrewdeskError, RecipeFormatError, RecipeValidationError
from brewdesk.recipes.model.registry import by_databrew_name, get, operations
from brewdesk.recipes.model.types import ROWID, Schema
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    name="brewdesk",
    help="Brewdesk: DataBrew-style data preparation. Run, validate and explain recipes over datasets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
ops_app = typer.Typer(help="List and describe the operations recipes can use.", no_args_is_help=True)
app.add_typer(ops_app, name="ops")

# emoji=False: ":secret:" in an AWS Secrets Manager ARN (and any ":name:" in data or a path)
# must print as written, not as an emoji
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
out = Console(highlight=False, soft_wrap=True, emoji=False)
_state: dict[str, Any] = {"debug": False}

InputOpt = Annotated[
    list[str],
    typer.Option(
        "--input",
        "-i",
        help="Input as [NAME=]SOURCE: a file path, a Parquet folder, a SQLAlchemy URL with "
        "?table= or ?query=, package://PKG/FILE, or table:NAME in the embedded database. "
        "The first unnamed input is 'main'; join and union steps use named inputs.",
    ),
]


def _print_version(value: bool) -> None:
    if value:
        out.print(f"brewdesk {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
) -> None:
    _state["debug"] = debug


# --------------------------------------------------------------------------- helpers
def _engine() -> ModuleType:
    """The engine entry points of the commands that read, plan or compute data (:mod:`brewdesk.cli_engine`)."""
    # optional heavy dependency: the readers, planner and writers load Dask (about 0.9 s); only
    # the commands that read or compute data need them, so --help, --version, ops, connections
    # and the DataBrew conversions start without Dask
    from brewdesk import cli_engine

    return cli_engine


def _load_recipe(path: Path):
    """A native Brewdesk recipe, or a DataBrew recipe (JSON or YAML), told apart by content."""
    return read_recipe(path)


_INPUT_NAME = re.compile(r"[A-Za-z_][\w.-]*")
"""An input name: DataBrew dataset names may hold hyphens and dots (``my-airlines``)."""


def _parse_inputs(values: list[str], *, delimiter: str | None = None, sheet: str | None = None, encoding: str | None = None):
    """``[NAME=]SOURCE`` strings -> (main SourceSpec, {name: SourceSpec})."""
    main = None
    named = {}
    for v in values:
        name, sep, rest = v.partition("=")
        if sep and _INPUT_NAME.fullmatch(name):
            src = rest
        else:
            name, src = "main", v
        opts: dict[str, Any] = {}
        if delimiter:
            opts["delimiter"] = "\t" if delimiter in ("\\t", "tab") else delimiter
        if encoding:
            opts["encoding"] = encoding
        if sheet is not None:
            opts["sheet"] = int(sheet) if sheet.isdigit() else sheet
        spec = _engine().parse_source(locations.resolve(src), **opts)
        if name == "main":
            if main is not None:
                raise BrewdeskError("two main inputs given", hint="name secondary inputs: --input NAME=SOURCE")
            main = spec
        else:
            if name in named:
                raise BrewdeskError(f"input '{name}' given twice")
            named[name] = spec
    if main is None:
        raise BrewdeskError("no main input given", hint="use --input SOURCE")
    return main, named


def _progress_factory():
    if not sys.stderr.isatty():
        return None
    return _engine().rich_progress


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")


# --------------------------------------------------------------------------- run
@app.command()
def run(
    recipe: Annotated[Path, typer.Argument(help="Recipe file (Brewdesk JSON, or a DataBrew recipe in JSON or YAML).")],
    input: InputOpt,
    output: Annotated[
        list[str],
        typer.Option("--output", "-o", help="Destination: a file or folder path, a SQLAlchemy URL with ?table=NAME, or table:NAME (embedded SQLite). Repeat for several outputs."),
    ],
    format: Annotated[str | None, typer.Option("--format", "-f", help="Output format: csv, parquet, jsonl, excel, sql (default: from the extension).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace existing file outputs (atomically); DataBrew's Overwrite flag.")] = False,
    if_exists: Annotated[str, typer.Option("--if-exists", help="Database outputs: fail, replace or append.")] = "fail",
    compression: Annotated[str | None, typer.Option("--compression", help="Parquet codec (snappy, zstd, gzip, none) or gzip/bz2 for CSV and JSON Lines.")] = None,
    partition_by: Annotated[list[str] | None, typer.Option("--partition-by", help="Partition Parquet output by this column (repeatable).")] = None,
    partitions: Annotated[int | None, typer.Option("--partitions", min=1, help="Number of partitions for the main input.")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="threads (default), processes, sync, or a dask.distributed address such as tcp://127.0.0.1:8786.")] = None,
    delimiter: Annotated[str | None, typer.Option("--delimiter", help="CSV delimiter of the inputs (default: detected).")] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Excel sheet name or 0-based index.")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Text encoding of the inputs (default: detected).")] = None,
    memory_limit: Annotated[str | None, typer.Option("--memory-limit", help="Memory budget of a local run, such as 1GB: smaller input blocks, dedupe and sort spill to disk.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write the run report (JSON) here.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the run report as JSON.")] = False,
) -> None:
    """Run RECIPE over the inputs and write every output (atomically)."""
    eng = _engine()
    limit = eng.parse_memory_limit(memory_limit) if memory_limit else None
    rec = _load_recipe(recipe)
    main, named = _parse_inputs(input, delimiter=delimiter, sheet=sheet, encoding=encoding)
    dests = []
    for o in output:
        loc = locations.resolve(o)
        is_db = "://" in loc
        opts: dict[str, Any] = {"overwrite": overwrite, "if_exists": if_exists}
        if format:
            opts["format"] = format
        if compression and not is_db:
            opts["compression"] = compression
        if partition_by and not is_db:
            opts["partition_cols"] = tuple(partition_by)
        if not is_db:
            # like DataBrew's S3 paths: missing parent folders of an output are created
            with contextlib.suppress(OSError):
                Path(loc).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        dests.append(eng.parse_dest(loc, **opts))
    result = eng.run_recipe(
        rec,
        main=main,
        inputs=named,
        outputs=dests,
        options=eng.RunOptions(
            partitions=partitions, scheduler=scheduler, progress=_progress_factory(), memory_limit=limit
        ),
    )
    if report:
        result.save(report)
    if json_out:
        _print_json(result.to_json())
        return
    _print_summary(result)


def _print_summary(result) -> None:
    table = Table(title=f"{result.recipe}: {result.status} in {result.seconds:.1f} s ({result.scheduler})")
    table.add_column("#", justify="right")
    table.add_column("step")
    table.add_column("rows in", justify="right")
    table.add_column("rows out", justify="right")
    for s in result.steps:
        fmt = lambda v: "" if v is None else f"{v:,}"  # noqa: E731
        table.add_row(str(s.index), s.description + ("" if s.enabled else " (disabled)"), fmt(s.rows_in), fmt(s.rows_out))
    out.print(table)
    for o in result.outputs:
        out.print(f"wrote {o.rows:,} rows to {safe_location(o.location)} ({o.format}, {len(o.files)} file(s), {o.bytes:,} bytes)")


# --------------------------------------------------------------------------- validate / explain
@app.command()
def validate(
    recipe: Annotated[Path, typer.Argument(help="Recipe file.")],
    input: InputOpt,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Check RECIPE against the inputs' columns and types without running it."""
    rec = _load_recipe(recipe)
    main, named = _parse_inputs(input)
    eng = _engine()
    ds, others = eng.open_inputs(main, named)
    try:
        p = eng.make_plan(rec, ds, others)
    except RecipeValidationError as e:
        if json_out:
            _print_json({"valid": False, "problems": [vars(x) for x in e.problems]})
            raise typer.Exit(e.exit_code) from None
        raise
    if json_out:
        _print_json({"valid": True, "output_columns": p.output_schema.to_dict()})
    else:
        out.print(f"{recipe}: valid; {len(rec.steps)} step(s); output columns: {', '.join(p.output_schema)}")


@app.command()
def explain(
    recipe: Annotated[Path, typer.Argument(help="Recipe file.")],
    input: InputOpt,
    json_out: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
) -> None:
    """Print the execution plan of RECIPE: stages, passes over the data, statistics."""
    rec = _load_recipe(recipe)
    main, named = _parse_inputs(input)
    eng = _engine()
    ds, others = eng.open_inputs(main, named)
    p = eng.make_plan(rec, ds, others)
    if json_out:
        _print_json(p.to_json())
    else:
        out.print(p.explain(), markup=False)


# --------------------------------------------------------------------------- sample
@app.command()
def sample(
    source: Annotated[str, typer.Argument(help="File path or SQLAlchemy URL with ?table= (see `run --help`).")],
    first: Annotated[int | None, typer.Option("--first", help="The first N rows (default 20).")] = None,
    last: Annotated[int | None, typer.Option("--last", help="The last N rows.")] = None,
    random: Annotated[int | None, typer.Option("--random", help="N random rows.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for --random.")] = 0,
    format: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
) -> None:
    """Print a sample of SOURCE (first, last or random rows) with its column types."""
    chosen = [(m, n) for m, n in ((SampleMethod.FIRST_N, first), (SampleMethod.LAST_N, last), (SampleMethod.RANDOM, random)) if n is not None]
    if len(chosen) > 1:
        raise BrewdeskError("choose one of --first, --last, --random")
    method, n = chosen[0] if chosen else (SampleMethod.FIRST_N, 20)
    if n < 1:
        raise BrewdeskError("the sample size must be at least 1")
    eng = _engine()
    df = eng.sample(eng.parse_source(locations.resolve(source)), SampleSpec(method=method, size=n, seed=seed))
    df = df.drop(columns=[ROWID], errors="ignore")
    if format == "csv":
        sys.stdout.write(df.to_csv(index=False))
    elif format == "jsonl":
        sys.stdout.write(df.to_json(orient="records", lines=True, date_format="iso") + "\n")
    elif format == "table":
        schema = Schema.from_frame(df)
        table = Table()
        for c in df.columns:
            table.add_column(f"{c}\n{schema[c]}")
        for row in df.itertuples(index=False):
            table.add_row(*["" if v is None or v is pd.NA else str(v) for v in row])
        out.print(table)
    else:
        raise BrewdeskError(f"unknown --format {format!r}", hint="use table, csv or jsonl")


# --------------------------------------------------------------------------- connections
@app.command()
def connections(json_out: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """List the named database connections (db:NAME) and where each password comes from."""
    rows = [
        {"name": c.name, "url": _engine().mask_location(c.url), "defined_in": c.origin, "password_from": conns.password_for(c.name)[1]}
        for c in sorted(conns.configured().values(), key=lambda c: c.name)
    ]
    if json_out:
        _print_json(rows)
        return
    if not rows:
        out.print(f"no connections: add them to {conns.config_file()} or set BREWDESK_CONNECTION_<NAME>")
        return
    table = Table()
    for col in ("name", "url", "defined in", "password from"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["name"], r["url"], r["defined_in"], r["password_from"])
    out.print(table)


# --------------------------------------------------------------------------- ops
@ops_app.command("list")
def ops_list(json_out: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """List every operation with its kind, category and DataBrew name."""
    ops = operations()
    if json_out:
        _print_json([
            {"id": o.id, "title": o.title, "kind": o.kind.value, "category": o.category, "databrew": list(o.databrew)}
            for o in ops.values()
        ])
        return
    table = Table(title=f"{len(ops)} operations")
    for col in ("id", "title", "kind", "category", "DataBrew"):
        table.add_column(col)
    for o in sorted(ops.values(), key=lambda o: (o.category, o.id)):
        table.add_row(o.id, o.title, o.kind.value, o.category, ", ".join(o.databrew))
    out.print(table)


@ops_app.command("show")
def ops_show(
    op: Annotated[str, typer.Argument(help="Operation id (see `brewdesk ops list`) or DataBrew operation name.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the parameter JSON Schema.")] = False,
) -> None:
    """Describe one operation: semantics, parameters, DataBrew mapping."""
    name = op.strip().upper()
    if op not in operations() and name not in by_databrew_name() and name in AWS_ONLY:
        # a DataBrew name that only exists in AWS: say what it is and what to do instead
        if json_out:
            _print_json({"databrew": name, "brewdesk": None, "aws_only": AWS_ONLY[name]})
        else:
            out.print(f"{name}: DataBrew only, no Brewdesk operation\n\n{AWS_ONLY[name]}", markup=False)
        return
    o = get(op) if op in operations() or name not in by_databrew_name() else by_databrew_name()[name]
    schema = o.Params.model_json_schema()
    if json_out:
        _print_json({"id": o.id, "version": o.version, "kind": o.kind.value, "databrew": list(o.databrew), "params": schema})
        return
    doc = inspect.getdoc(sys.modules[type(o).__module__]) or ""
    out.print(f"{o.id} (v{o.version}): {o.title}", markup=False)
    out.print(f"kind: {o.kind.value}   category: {o.category}   DataBrew: {', '.join(o.databrew) or '-'}", markup=False)
    if o.doc_url:
        out.print(f"follows: {o.doc_url}", markup=False)
    out.print("\n" + doc + "\n", markup=False)
    out.print("parameters:")
    required = set(schema.get("required", []))
    for pname, prop in schema.get("properties", {}).items():
        typ = prop.get("type") or " | ".join(p.get("type", "?") for p in prop.get("anyOf", [])) or prop.get("$ref", "object").split("/")[-1]
        req = "required" if pname in required else f"default {prop.get('default')!r}"
        desc = prop.get("description", "")
        out.print(f"  {pname}: {typ} ({req}) {desc}", markup=False)


# --------------------------------------------------------------------------- export
@app.command("export-code")
def export_code(
    recipe: Annotated[Path, typer.Argument(help="Recipe file.")],
    source: Annotated[str, typer.Option("--source", help="Input path the script reads (its columns plan statistics steps for --engine dask when the file exists).")] = "input.csv",
    destination: Annotated[str, typer.Option("--destination", help="Output path the script writes.")] = "output.csv",
    engine: Annotated[str, typer.Option("--engine", help="pandas (in memory, needs only pandas) or dask (partitions, out of core, needs Dask).")] = "pandas",
    input: Annotated[
        list[str] | None,
        typer.Option("--input", "-i", help="Path of a secondary input the script reads for join and union steps, as NAME=PATH (repeatable)."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the script here (default: stdout).")] = None,
) -> None:
    """Export RECIPE as a standalone Python script (pandas or Dask)."""
    inputs: dict[str, str] = {}
    for value in input or []:
        name, sep, path = value.partition("=")
        if not sep or not _INPUT_NAME.fullmatch(name) or not path:
            raise BrewdeskError(f"--input {value!r}: use NAME=PATH", hint="e.g. --input airlines=airlines.csv")
        inputs[name] = path
    rec = _load_recipe(recipe)
    schema = _source_schema(source) if engine == "dask" else None
    text = _engine().script(rec, source=source, destination=destination, inputs=inputs, engine=engine, schema=schema)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}: a {engine} script", markup=False)
    else:
        sys.stdout.write(text)


def _source_schema(source: str):
    """The columns of ``source`` when it can be opened (the Dask export plans statistics from them)."""
    loc = locations.resolve(source)
    if "://" not in loc and not Path(loc).expanduser().exists():
        return None
    eng = _engine()
    return eng.open_handle(eng.parse_source(loc)).schema


# --------------------------------------------------------------------------- DataBrew
@app.command("import-databrew")
def import_databrew_cmd(
    src: Annotated[Path, typer.Argument(help="DataBrew recipe (JSON or YAML, as the console downloads it, or CloudFormation).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the Brewdesk recipe here (default: stdout).")] = None,
) -> None:
    """Convert a DataBrew recipe into a Brewdesk recipe (JOIN/UNION datasets become named inputs)."""
    rec = read_databrew(src)
    if output:
        rec.save(output)
        err.print(f"wrote {output}: {len(rec.steps)} step(s)", markup=False)
    else:
        sys.stdout.write(rec.dumps())
    if rec.secondary_inputs:
        names = ", ".join(rec.secondary_inputs)
        err.print(f"secondary inputs: {names} (bind each with --input NAME=SOURCE)", markup=False)


@app.command("export-databrew")
def export_databrew_cmd(
    recipe: Annotated[Path, typer.Argument(help="Recipe file.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the DataBrew recipe JSON here (default: stdout).")] = None,
) -> None:
    """Export RECIPE as DataBrew recipe JSON (disabled steps are left out)."""
    rec = _load_recipe(recipe)
    text = dumps_databrew(rec, source=str(recipe))
    skipped = len(rec.steps) - len(rec.enabled_steps)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}: {len(rec.enabled_steps)} step(s)", markup=False)
    else:
        sys.stdout.write(text)
    if skipped:
        err.print(f"left out {skipped} disabled step(s)", markup=False)


# --------------------------------------------------------------------------- gui
@app.command()
def gui(
    source: Annotated[str | None, typer.Argument(help="Data to open: a path, a SQLAlchemy URL, package://PKG/FILE or table:NAME.")] = None,
    recipe: Annotated[Path | None, typer.Option("--recipe", "-r", help="Recipe file to open.")] = None,
    screenshot: Annotated[Path | None, typer.Option("--screenshot", help="Render offscreen, save a PNG of the main window here and exit.")] = None,
    sample_method: Annotated[str, typer.Option("--sample", help="Sample rows: first, last or random.")] = "first",
    size: Annotated[int, typer.Option("--size", help=f"Sample size in rows (1 to {MAX_SAMPLE_SIZE:,}).", min=1, max=MAX_SAMPLE_SIZE)] = DEFAULT_SAMPLE_SIZE,
    input: Annotated[
        list[str] | None,
        typer.Option("--input", "-i", help="A secondary input for join and union steps, as NAME=SOURCE (repeatable)."),
    ] = None,
) -> None:
    """Open the desktop app on a dataset (and a recipe)."""
    if sample_method not in ("first", "last", "random"):
        raise typer.BadParameter("use first, last or random", param_hint="--sample")
    inputs: dict[str, str] = {}
    for value in input or []:
        name, sep, src = value.partition("=")
        if not sep or not _INPUT_NAME.fullmatch(name) or not src:
            raise typer.BadParameter(f"{value!r}: use NAME=SOURCE", param_hint="--input")
        inputs[name] = src
    # optional heavy dependency: only this command needs the desktop app and so Qt (PySide6);
    # every other command runs without loading it
    from brewdesk.app.launch import run_gui

    code = run_gui(
        source,
        recipe=str(recipe) if recipe else None,
        screenshot=str(screenshot) if screenshot else None,
        sample=sample_method,
        size=size,
        inputs=inputs,
    )
    if code:
        raise typer.Exit(code)


# --------------------------------------------------------------------------- entry point
def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit status."""
    try:
        # without standalone mode, typer returns the exit code of typer.Exit and of Ctrl-C (130)
        rc = app(args=argv, standalone_mode=False, prog_name="brewdesk")
        if rc == 130:
            err.print("cancelled: no output was left half-written (each holds its old or its complete new content)")
        return rc if isinstance(rc, int) else 0
    # typer >= 0.29 raises the exceptions of its own vendored click; older typer, click's
    except (click.exceptions.Exit, typer.Exit) as e:
        return e.exit_code
    except (click.ClickException, typer.TyperException) as e:
        e.show()  # a usage error: the message and the usage line
        return int(getattr(e, "exit_code", 2) or 2)
    except (click.exceptions.Abort, typer.Abort):
        err.print("cancelled")
        return 130
    except KeyboardInterrupt:
        err.print("cancelled: no output was left half-written (each holds its old or its complete new content)")
        return 130
    except BrewdeskError as e:
        if _state["debug"]:
            traceback.print_exc()
        err.print(f"error: {e}", markup=False)
        return e.exit_code
    except RecipeFormatError as e:  # pragma: no cover - subclass of BrewdeskError
        err.print(f"error: {e}", markup=False)
        return 2
    except Exception as e:  # noqa: BLE001 - last resort: one line, not a traceback
        if _state["debug"]:
            traceback.print_exc()
        err.print(f"internal error: {type(e).__name__}: {e} (run with --debug for details)", markup=False)
        return 70


def entry() -> None:
    """``brewdesk`` console script.

    After Ctrl-C, the process ends at once (``os._exit``) once the message is printed, rather
    than waiting for worker threads still finishing a task: unwinding has already discarded
    staging and checkpoints, and any staging a thread writes afterwards is hidden and tidied by
    the next run to that destination.
    """
    rc = main()
    if rc == 130:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    sys.exit(rc)


if __name__ == "__main__":
    entry()

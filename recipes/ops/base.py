"""The operation declaration: one subclass of :class:`Operation` per module in ``recipes/ops``.

A declaration gives everything Brewdesk needs about an operation (docs/architecture.md section 3): its
stable ``id`` and ``version``, its pydantic ``Params`` (the file format, validation and the GUI
form), its engine ``kind``, its schema effect ``columns()``, the whole-dataset statistics it
needs ``stats()``, its one pandas implementation ``apply()``, its ``describe()`` sentence, its
exported pandas code ``to_code()`` and its DataBrew name and parameter mapping.

Column-valued parameters are declared with :func:`column` / :func:`columns` (existing columns,
optionally filtered by logical type) and :func:`new_column` (a column the step creates); the
form's column pickers, recipe validation and column renaming across a recipe all read these
markers, so no operation re-implements them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, NamedTuple, Protocol

import pandas as pd
from brewdesk.recipes.model.errors import did_you_mean
from brewdesk.recipes.model.types import Schema
from pydantic import BaseModel, ConfigDict, Field


class Kind(StrEnum):
    """How the engine must run an operation (docs/architecture.md section 4)."""

    ROW = "ROW"
    """Row by row: fused with neighbouring ROW steps into one ``map_partitions``."""
    FIT_MAP = "FIT_MAP"
    """Needs whole-dataset statistics (pass 1), then maps rows (pass 2)."""
    NEIGHBOUR = "NEIGHBOUR"
    """Needs values from earlier (or later) rows: per-partition summary, sequential carry, then map."""
    GLOBAL = "GLOBAL"
    """Reshapes the whole dataset (dedupe, sort, group by, join, union): one :class:`Primitive`."""


# --------------------------------------------------------------------------- GLOBAL primitives
class Primitive(StrEnum):
    """The closed set of engine primitives a GLOBAL operation runs as (docs/architecture.md,
    "GLOBAL primitives").

    A GLOBAL operation names its primitive in :attr:`Operation.primitive` and implements that
    primitive's protocol (the ``*Op`` protocol classes below); the planner, the executor
    (:mod:`brewdesk.engine.primitives`) and both exporters key on the primitive, never on an
    operation id. What the planner needs to know of a primitive (its explain text, the passes
    it costs, whether it reads columns beyond those its parameters name) are properties here.
    A new GLOBAL operation that reuses a primitive is its module and its golden cases.
    """

    DEDUPE = "dedupe"
    """Drop the rows repeating an earlier row on some columns (:class:`DedupeOp`)."""
    FLAG_DUPLICATES = "flag_duplicates"
    """Flag the rows repeating an earlier row; nothing moves (:class:`DedupeOp`, result in
    ``fitted[LATER_COPIES]``)."""
    SHUFFLE = "shuffle"
    """Exchange column values among rows by a seeded permutation (:class:`ShuffleOp`)."""
    SORT = "sort"
    """Stable multi-key sort (:class:`SortOp`)."""
    GROUP = "group"
    """Exact tree aggregation of per-partition partials (:class:`GroupOp`)."""
    JOIN = "join"
    """Broadcast join with a secondary input (:class:`JoinOp`)."""
    UNION = "union"
    """Append the rows of secondary inputs (:class:`UnionOp`)."""
    PIVOT = "pivot"
    """Exact aggregation of per-partition partials into a small new frame (:class:`PivotOp`)."""
    SESSION = "session"
    """Number sessions over key columns collected in one pass (:class:`SessionOp`, result in
    ``fitted[SESSION_IDS]``)."""

    @property
    def explain(self) -> str:
        """How the engine runs the primitive (``brewdesk explain``)."""
        return _PRIMITIVE_EXPLAIN[self]

    @property
    def passes(self) -> int:
        """Passes over the data the primitive adds before the final write."""
        return 0 if self in (Primitive.JOIN, Primitive.UNION) else 1

    @property
    def protocol(self) -> type:
        """The protocol class an operation running as this primitive implements."""
        return _PRIMITIVE_PROTOCOL[self]

    @property
    def compares_rows(self) -> bool:
        """``True`` when the primitive reads the operation's ``compared_columns`` (every column
        when it names none), beyond the columns its parameters name."""
        return self in (Primitive.DEDUPE, Primitive.FLAG_DUPLICATES)


_PRIMITIVE_EXPLAIN = {
    Primitive.DEDUPE: "dedupe (128-bit row hashes in one pass, then filter)",
    Primitive.FLAG_DUPLICATES: "128-bit hashes of the compared columns in one pass, then flag the later copies",
    Primitive.SHUFFLE: "row ids, group hashes and random keys in one pass; values exchanged all-to-all",
    Primitive.SORT: "range-partition on the first key, then a stable sort of each partition",
    Primitive.GROUP: "tree aggregation of per-partition partials (exact), one pass",
    Primitive.JOIN: "broadcast the second input to every partition; unmatched right rows appended",
    Primitive.UNION: "concatenate partitions of every input",
    Primitive.PIVOT: "tree aggregation of per-partition partials (exact), one pass; a small new frame",
    Primitive.SESSION: "collect row ids and the time/group/order columns in one pass, number sessions, attach by row id",
}

LATER_COPIES = "later_copies"
"""``fitted`` key of the FLAG_DUPLICATES primitive: int64 numpy array of the row ids that repeat
an earlier row (engine only; without it ``apply`` compares the rows of the frame it is given)."""
SESSION_IDS = "session_ids"
"""``fitted`` key of the SESSION primitive: each row's session number, a Series indexed by row id
(engine only; without it ``apply`` numbers the sessions of the frame it is given)."""


class OrderKey(NamedTuple):
    """One key of a SORT: the column, its direction and where missing values go."""

    column: str
    ascending: bool
    nulls_first: bool


class DedupeOp(Protocol):
    """DEDUPE and FLAG_DUPLICATES: the columns two rows are compared on."""

    def compared_columns(self, params: Any) -> list[str] | None:
        """The compared columns; ``None``: every column of the data before the step."""
        ...


class ShuffleOp(Protocol):
    """SHUFFLE: pass 1 collects keys, the permutation is computed in memory, values move."""

    def shuffled_columns(self, params: Any) -> list[str]:
        """The columns whose values move between rows."""
        ...

    def shuffle_keys(self, params: Any, frame: pd.DataFrame, mask: Any) -> tuple[Any, ...]:
        """``(row id, group hash 1, group hash 2, random key)`` arrays of the rows taking part."""
        ...

    def shuffle_order(self, rowid: Any, g1: Any, g2: Any, key: Any) -> tuple[Any, Any]:
        """``(receiving, giving)`` positions into the collected arrays."""
        ...


class SortOp(Protocol):
    """SORT: a stable sort on :class:`OrderKey` s (``apply`` sorts one range of the data)."""

    def sort_keys(self, params: Any) -> list[OrderKey]:
        """The keys, the first one range-partitions the data."""
        ...


class GroupOp(Protocol):
    """GROUP: ``partial`` per partition, ``combine`` exactly, then the result or ``attach``."""

    def partial(self, params: Any, frame: pd.DataFrame) -> Any:
        """One partition's partial aggregates."""
        ...

    def partial_rows(self, partial: Any) -> int:
        """Rows a partial was taken over."""
        ...

    def combine(self, params: Any, partials: Sequence[Any], schema: Schema) -> pd.DataFrame:
        """The exact result from every partition's partial (``schema``: before the step)."""
        ...

    def new_frame(self, params: Any) -> bool:
        """``True``: the result replaces the data; ``False``: it is attached to every row."""
        ...

    def attach(self, params: Any, frame: pd.DataFrame, result: pd.DataFrame) -> pd.DataFrame:
        """One partition with the combined result attached to its rows."""
        ...

    def group_keys(self, params: Any) -> list[str]:
        """The group key columns (the Dask export shuffles on them)."""
        ...

    def groups_code(self, params: Any) -> str | None:
        """pandas code turning ``df`` into one row per group (the Dask export)."""
        ...


class PivotOp(Protocol):
    """PIVOT: as GROUP, into a small new frame of one row per group."""

    def partial(self, params: Any, frame: pd.DataFrame) -> Any:
        """One partition's partial aggregates."""
        ...

    def partial_rows(self, partial: Any) -> int:
        """Rows a partial was taken over."""
        ...

    def combine(self, params: Any, partials: Sequence[Any], schema: Schema) -> pd.DataFrame:
        """The exact result from every partition's partial."""
        ...

    def pivoted_columns(self, params: Any) -> list[str] | None:
        """Columns that are not group keys (every other column is one); ``None`` when the
        operation has no Dask export form."""
        ...


class JoinOp(Protocol):
    """JOIN: the secondary input held in memory, joined with every partition."""

    def input_names(self, params: Any) -> list[str]:
        """The secondary input (one name)."""
        ...

    def join_partition(self, params: Any, left: pd.DataFrame, right: pd.DataFrame) -> tuple[pd.DataFrame, Any]:
        """One partition joined, and the positions of the right rows it matched."""
        ...

    def keeps_right_only(self, params: Any) -> bool:
        """``True`` when right rows no partition matched are appended last."""
        ...

    def join_arguments(self, params: Any) -> tuple[list[tuple[str, str]], str, list[str] | None, list[str] | None]:
        """``(key pairs, join type, left columns, right columns)`` for the exported scripts."""
        ...

    def right_only(self, params: Any, left_schema: Schema, right: pd.DataFrame, matched: Any) -> pd.DataFrame:
        """The right rows matched by no partition, in the output's columns."""
        ...


class UnionOp(Protocol):
    """UNION: every input's partitions concatenated after ``align``."""

    def input_names(self, params: Any) -> list[str]:
        """The secondary inputs appended, in order."""
        ...

    def align(self, params: Any, frame: pd.DataFrame, target: Schema) -> pd.DataFrame:
        """One partition of any input in the union's columns."""
        ...


class SessionOp(Protocol):
    """SESSION: key columns collected in one pass, sessions numbered in memory."""

    def key_columns(self, params: Any) -> list[str]:
        """The time, group and order columns collected."""
        ...

    def session_ids(self, params: Any, frame: pd.DataFrame) -> pd.Series:
        """Each row's session number (index: row id) from the collected key columns."""
        ...

    def group_columns(self, params: Any) -> list[str]:
        """Columns whose rows form independent sessions (the Dask export shuffles on them)."""
        ...


_PRIMITIVE_PROTOCOL: dict[Primitive, type] = {
    Primitive.DEDUPE: DedupeOp,
    Primitive.FLAG_DUPLICATES: DedupeOp,
    Primitive.SHUFFLE: ShuffleOp,
    Primitive.SORT: SortOp,
    Primitive.GROUP: GroupOp,
    Primitive.JOIN: JoinOp,
    Primitive.UNION: UnionOp,
    Primitive.PIVOT: PivotOp,
    Primitive.SESSION: SessionOp,
}


# --------------------------------------------------------------------------- NEIGHBOUR windows
class Carry(StrEnum):
    """What a NEIGHBOUR step needs from the partitions around each partition (docs/architecture.md,
    "NEIGHBOUR windows")."""

    ROWS = "rows"
    """The last ``before`` values of the column above the partition and the first ``after``
    values below it (rolling windows, PREV, NEXT)."""
    LAST_VALID = "last_valid"
    """The last value above the partition that ``valid`` accepts (fill and replace down)."""
    ROW_COUNT = "row_count"
    """The number of rows above the partition (ROW_NUMBER)."""


@dataclass(frozen=True)
class Window:
    """A NEIGHBOUR step's window, declared once by :meth:`Operation.window`.

    The engine's summaries and carries (:meth:`Operation.summarize` and the others), the
    explain output and the Dask export's context rows are all derived from it.

    Attributes
    ----------
    carry
        What is carried (:class:`Carry`).
    column
        The column whose values are carried (ROW_COUNT: the column the numbers are written to).
    before, after
        ROWS: how many values above and below each partition the step reads.
    valid
        LAST_VALID: a self-contained function ``valid(series, *valid_args)`` returning a boolean
        numpy array of the rows holding a valid value (its source is copied into Dask scripts).
    valid_args
        Extra arguments of ``valid``.
    """

    carry: Carry
    column: str
    before: int = 0
    after: int = 0
    valid: Callable[..., Any] | None = None
    valid_args: tuple[Any, ...] = ()


def tail(series: pd.Series, n: int) -> pd.Series:
    """The last ``n`` values of ``series`` with a fresh RangeIndex (empty for ``n == 0``)."""
    start = max(len(series) - n, 0) if n > 0 else len(series)
    return series.iloc[start:].reset_index(drop=True)


def head(series: pd.Series, n: int) -> pd.Series:
    """The first ``n`` values of ``series`` with a fresh RangeIndex (empty for ``n == 0``)."""
    return series.iloc[: max(n, 0)].reset_index(drop=True)


def carry_tail(state: pd.Series | None, summary: pd.Series, n: int) -> pd.Series:
    """The last ``n`` values over every partition so far (``summary``: this partition's tail).

    Partitions shorter than ``n`` (also empty ones) keep the older values in front.
    """
    if state is None or len(summary) >= n:
        return tail(summary, n)
    both = pd.concat([state, summary], ignore_index=True)
    if both.dtype != summary.dtype:
        both = both.astype(summary.dtype)
    return tail(both, n)


def carry_head(state: pd.Series | None, summary: pd.Series, n: int) -> pd.Series:
    """The first ``n`` values of every partition from this one on (``summary``: this partition's
    head; ``state``: what the partitions after it passed back).

    Partitions shorter than ``n`` (also empty ones) pass the later values on behind their own.
    """
    if state is None or len(summary) >= n:
        return head(summary, n)
    both = pd.concat([summary, state], ignore_index=True)
    if both.dtype != summary.dtype:
        both = both.astype(summary.dtype)
    return head(both, n)


COLUMN_KEY = "x-brewdesk-column"
NEW_COLUMN_KEY = "x-brewdesk-new-column"


def column(
    default: Any = ...,
    *,
    types: tuple[str, ...] | None = None,
    description: str = "",
    title: str | None = None,
) -> Any:
    """Declare a parameter naming one existing column (optionally of the given logical types)."""
    return Field(
        default,
        description=description,
        title=title,
        json_schema_extra={COLUMN_KEY: {"types": list(types) if types else None, "multiple": False}},
    )


def columns(
    default: Any = ...,
    *,
    types: tuple[str, ...] | None = None,
    description: str = "",
    title: str | None = None,
    min_length: int | None = 1,
) -> Any:
    """Declare a parameter naming a list of existing columns."""
    return Field(
        default,
        description=description,
        title=title,
        min_length=min_length,
        json_schema_extra={COLUMN_KEY: {"types": list(types) if types else None, "multiple": True}},
    )


def new_column(default: Any = ..., *, description: str = "", title: str | None = None) -> Any:
    """Declare a parameter naming a column the step creates (must not exist unless allowed)."""
    return Field(
        default,
        description=description,
        title=title,
        min_length=1,
        json_schema_extra={NEW_COLUMN_KEY: True},
    )


class Params(BaseModel):
    """Base of every operation's parameter model: immutable, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class NoParams(Params):
    """Parameters of an operation that takes none."""


class StepProblem(Exception):
    """Raised by ``Operation.columns`` when a step does not fit the schema it receives.

    Parameters
    ----------
    message
        What is wrong.
    field
        The parameter that is wrong, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Stat:
    """A whole-dataset statistic an operation requests (docs/architecture.md section 4).

    The statistic is computed from per-partition partials, so the same pandas code serves the
    preview (one partial over the sample) and the engine (one partial per partition, combined).

    Parameters
    ----------
    name
        One of ``count``, ``sum``, ``mean``, ``std``, ``min``, ``max``, ``median``, ``mode``,
        ``quantile`` (``arg`` = q in [0, 1]), ``distinct`` (sorted distinct non-missing values),
        ``value_counts``.
    column
        The column the statistic is taken over (missing values ignored).
    arg
        Extra argument (the quantile level, the mode tie rule).
    """

    __slots__ = ("name", "column", "arg")

    def __init__(self, name: str, column: str, arg: Any = None) -> None:
        self.name = name
        self.column = column
        self.arg = arg

    def __repr__(self) -> str:
        arg = f", {self.arg!r}" if self.arg is not None else ""
        return f"Stat({self.name!r}, {self.column!r}{arg})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Stat) and (self.name, self.column, self.arg) == (
            other.name,
            other.column,
            other.arg,
        )

    def __hash__(self) -> int:
        return hash((self.name, self.column, json.dumps(self.arg, default=str)))


class Operation:
    """Base class of an operation declaration. Subclasses set the class attributes below.

    Attributes
    ----------
    id
        Stable snake_case identifier, never renamed (``"fill_with_median"``).
    version
        Parameter-format version; bump it and add an entry to ``upgraders`` when params change.
    kind
        :class:`Kind` telling the engine how to run the step.
    category
        DataBrew's category for menus (``"Column"``, ``"Format"``, ``"Clean"``, ``"Missing"``, ...).
    title
        Short human name (``"Fill with median"``).
    databrew
        DataBrew operation names this operation imports from; the first is used for export.
    doc_url
        The DataBrew documentation page whose semantics the operation follows.
    Params
        The pydantic parameter model.
    handles_condition
        ``True`` when ``apply`` interprets the step's condition itself (filters); otherwise the
        step runner restricts the step's changes to the rows where the condition holds.
    changes_rows
        ``True`` when the step can remove, add or reorder rows.
    adds_rows
        ``True`` when one input row can become several output rows (UNNEST_ARRAY, UNPIVOT):
        the copies share their row id in ``apply``, and the engine gives the partition fresh,
        unique row ids right after the step (:func:`brewdesk.engine.frames.renumber`).
    upgraders
        ``{v: f}`` where ``f`` turns version-``v`` params (a dict) into version ``v + 1``.
    sample_fields
        Fields of ``Params`` that :meth:`from_sample` reads from data (pivot values, struct
        fields, categories): the output schema depends on them, so the step stores them. The
        app offers "Fill from sample" for an operation that lists any.
    primitive
        GLOBAL operations: the engine :class:`Primitive` the step runs as; the operation
        implements that primitive's protocol. ``None`` for the other kinds.
    """

    id: ClassVar[str]
    version: ClassVar[int] = 1
    kind: ClassVar[Kind] = Kind.ROW
    category: ClassVar[str] = "Column"
    title: ClassVar[str]
    databrew: ClassVar[tuple[str, ...]] = ()
    doc_url: ClassVar[str] = ""
    Params: ClassVar[type[Params]] = NoParams
    handles_condition: ClassVar[bool] = False
    changes_rows: ClassVar[bool] = False
    adds_rows: ClassVar[bool] = False
    upgraders: ClassVar[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}
    sample_fields: ClassVar[tuple[str, ...]] = ()
    primitive: ClassVar[Primitive | None] = None

    # ----------------------------------------------------------------- schema effect
    def columns(self, params: Any, schema: Schema, inputs: Mapping[str, Schema]) -> Schema:
        """Return the schema after the step, computed without data.

        The default checks the column references declared in ``Params`` and returns the schema
        unchanged. Raise :class:`StepProblem` for anything else that does not fit.

        Parameters
        ----------
        params
            The validated ``Params`` instance.
        schema
            Schema before the step.
        inputs
            Schemas of the recipe's named secondary inputs (for join and union).
        """
        check_columns(params, schema)
        return schema

    # ----------------------------------------------------------------- data-dependent params
    def from_sample(self, params: Any, frame: pd.DataFrame) -> Any | None:
        """Params with the :attr:`sample_fields` read from ``frame``, or ``None`` (the default).

        Some steps' output columns depend on the data (PIVOT's values, ONE_HOT_ENCODING's
        categories, UNNEST_STRUCT's fields), yet a schema must be known without data, so the
        step stores them. The app calls this in a worker thread on the data as it is before
        the step (the sample after the recipe prefix) and fills the form with the result.

        Parameters
        ----------
        params
            The validated ``Params``; the :attr:`sample_fields` may be ``None`` or stale (they
            are replaced).
        frame
            The data before the step.

        Raises
        ------
        StepError
            When the data does not fit (e.g. more distinct values than the operation allows).
        """
        return None

    # ----------------------------------------------------------------- statistics
    def stats(self, params: Any, schema: Schema) -> dict[str, Stat]:
        """Whole-dataset statistics the step needs, keyed by the name ``apply`` reads them by."""
        return {}

    # ----------------------------------------------------------------- secondary inputs
    def input_names(self, params: Any) -> list[str]:
        """The named secondary inputs the step reads (JOIN and UNION); none by default."""
        return []

    # ----------------------------------------------------------------- neighbour carry
    def window(self, params: Any) -> Window:
        """NEIGHBOUR ops: the :class:`Window` the step reads around each row, declared once.

        The summaries and carries below are derived from it; so are the explain output and
        the Dask export.
        """
        raise NotImplementedError

    def summarize(self, params: Any, frame: pd.DataFrame) -> Any:
        """NEIGHBOUR ops: what one partition passes on to the next (from :meth:`window`): its
        last ``before`` values, its last valid value, or its row count."""
        w = self.window(params)
        if w.carry is Carry.ROW_COUNT:
            return len(frame)
        s = frame[w.column]
        if w.carry is Carry.LAST_VALID:
            assert w.valid is not None
            valid = s[w.valid(s, *w.valid_args)]
            return None if valid.empty else valid.iloc[-1]
        return tail(s, w.before) if w.before else None

    def carry(self, params: Any, state: Any, summary: Any) -> Any:
        """NEIGHBOUR ops: combine the state entering a partition with its summary."""
        w = self.window(params)
        if w.carry is Carry.ROW_COUNT:
            return (state or 0) + summary
        if w.carry is Carry.LAST_VALID:
            return state if summary is None else summary
        return carry_tail(state, summary, w.before) if w.before else None

    def reads_ahead(self, params: Any) -> bool:
        """NEIGHBOUR ops: ``True`` when the step also needs rows *below* each partition.

        The engine then runs a backward carry too: :meth:`summarize_back` on every partition,
        folded from the last partition to the first with :meth:`carry_back`; ``apply`` receives
        what the following partitions pass back as ``fitted["carry_back"]`` (``None`` at the end
        of the data, and in the preview, which sees the whole sample at once).
        """
        w = self.window(params)
        return w.carry is Carry.ROWS and w.after > 0

    def summarize_back(self, params: Any, frame: pd.DataFrame) -> Any:
        """NEIGHBOUR ops reading ahead: what one partition passes back to the previous one
        (its first ``after`` values)."""
        w = self.window(params)
        return head(frame[w.column], w.after)

    def carry_back(self, params: Any, state: Any, summary: Any) -> Any:
        """NEIGHBOUR ops reading ahead: combine the state coming back from the partitions after
        this one (``None`` for the last) with this partition's :meth:`summarize_back`."""
        return carry_head(state, summary, self.window(params).after)

    # ----------------------------------------------------------------- the one implementation
    def apply(self, params: Any, frame: pd.DataFrame, fitted: Mapping[str, Any]) -> pd.DataFrame:
        """Apply the step to one pandas frame (the sample, or one partition). Never mutates input.

        ``fitted`` holds the statistics requested by ``stats()`` (FIT_MAP), or ``{"carry": state}``
        (NEIGHBOUR; plus ``"carry_back"`` when the step reads ahead), or the secondary frames ``{"inputs": {...}}`` (GLOBAL join/union).
        """
        raise NotImplementedError

    def describe(self, params: Any) -> str:
        """The sentence shown in the recipe panel (rendered, never stored)."""
        return self.title

    def to_code(self, params: Any, fitted: Mapping[str, Any]) -> str | None:
        """pandas code (statements on ``df``; ``pd``, ``np`` and ``re`` imported) doing the step.

        ``None`` when the step cannot be exported.
        """
        return None

    # ----------------------------------------------------------------- DataBrew mapping
    def from_databrew(self, operation: str, parameters: Mapping[str, Any]) -> dict[str, Any]:
        """Turn DataBrew ``Parameters`` (string values) into this operation's params dict.

        The default maps camelCase keys to the snake_case fields of ``Params`` and decodes
        JSON-encoded list and object values; operations whose mapping differs override it.
        """
        fields = self.Params.model_fields
        out: dict[str, Any] = {}
        for key, value in parameters.items():
            name = snake_case(key)
            if name not in fields:
                continue
            if isinstance(value, str) and _wants_json(fields[name].annotation):
                try:
                    value = json.loads(value)
                except ValueError:
                    pass
            out[name] = value
        return out

    def to_databrew(self, params: Any) -> tuple[str, dict[str, str]]:
        """Return ``(DataBrew operation name, string-valued Parameters)``.

        The default maps fields to camelCase keys, lists and objects to JSON strings, booleans to
        ``"true"``/``"false"``, and leaves out ``None`` values.
        """
        if not self.databrew:
            raise NotImplementedError(f"{self.id} has no DataBrew equivalent")
        out: dict[str, str] = {}
        for name, value in params.model_dump(mode="json").items():
            if value is None:
                continue
            out[camel_case(name)] = to_databrew_string(value)
        return self.databrew[0], out

    def __repr__(self) -> str:
        return f"<operation {self.id} v{self.version}>"


# --------------------------------------------------------------------------- column markers
def column_fields(model: type[BaseModel]) -> dict[str, dict[str, Any]]:
    """``{field: {"types": [...] | None, "multiple": bool}}`` for fields naming existing columns."""
    out: dict[str, dict[str, Any]] = {}
    for name, f in model.model_fields.items():
        extra = f.json_schema_extra if isinstance(f.json_schema_extra, dict) else {}
        if COLUMN_KEY in extra:
            out[name] = dict(extra[COLUMN_KEY])  # type: ignore[arg-type]
    return out


def new_column_fields(model: type[BaseModel]) -> list[str]:
    """Names of fields that name a column the step creates."""
    out = []
    for name, f in model.model_fields.items():
        extra = f.json_schema_extra if isinstance(f.json_schema_extra, dict) else {}
        if extra.get(NEW_COLUMN_KEY):
            out.append(name)
    return out


def referenced_columns(params: BaseModel) -> list[str]:
    """Every existing column a step's params name, in field order (duplicates removed)."""
    seen: dict[str, None] = {}
    for name, spec in column_fields(type(params)).items():
        value = getattr(params, name)
        if value is None:
            continue
        for c in value if spec["multiple"] else [value]:
            seen[c] = None
    # columns named inside text the params parse (the expression language's `column` references)
    extra = getattr(params, "expression_columns", None)
    if callable(extra):
        seen.update(dict.fromkeys(extra()))
    return list(seen)


def check_columns(params: BaseModel, schema: Schema) -> None:
    """Check that every declared column reference exists with an accepted type.

    Raises
    ------
    StepProblem
        Naming the field, the missing column and the closest existing name.
    """
    for name, spec in column_fields(type(params)).items():
        value = getattr(params, name)
        if value is None:
            continue
        for c in value if spec["multiple"] else [value]:
            if c not in schema:
                raise StepProblem(
                    f"column '{c}' does not exist{did_you_mean(c, schema)}", field=name
                )
            types = spec["types"]
            if types and schema[c] not in types:
                raise StepProblem(
                    f"column '{c}' is {schema[c]}, expected {' or '.join(types)}", field=name
                )
    for name in new_column_fields(type(params)):
        value = getattr(params, name)
        if value is not None and value in schema and value not in referenced_columns(params):
            raise StepProblem(f"column '{value}' already exists", field=name)


def rename_in_params(params: BaseModel, mapping: Mapping[str, str]) -> BaseModel:
    """Return params with every column reference (existing or new) renamed through ``mapping``."""
    updates: dict[str, Any] = {}
    specs = column_fields(type(params))
    for name, spec in specs.items():
        value = getattr(params, name)
        if value is None:
            continue
        updates[name] = [mapping.get(c, c) for c in value] if spec["multiple"] else mapping.get(value, value)
    for name in new_column_fields(type(params)):
        value = getattr(params, name)
        if value is not None:
            updates[name] = mapping.get(value, value)
    out = params.model_copy(update=updates)
    # params holding column names inside text (expressions) rename them themselves
    hook = getattr(out, "with_renamed_columns", None)
    return hook(mapping) if callable(hook) else out


# --------------------------------------------------------------------------- DataBrew keys
def snake_case(key: str) -> str:
    """``sourceColumn`` -> ``source_column`` (also PascalCase ``SourceColumn``)."""
    out = []
    for i, ch in enumerate(key):
        if ch.isupper() and i and (not key[i - 1].isupper() or (i + 1 < len(key) and key[i + 1].islower())):
            out.append("_")
        out.append(ch.lower())
    return "".join(out)


def camel_case(name: str) -> str:
    """``source_column`` -> ``sourceColumn``."""
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


def to_databrew_string(value: Any) -> str:
    """A parameter value as DataBrew's API wants it: always a string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value)
    return str(value)


def _wants_json(annotation: Any) -> bool:
    text = str(annotation)
    return text.startswith(("list", "dict", "typing.List", "typing.Dict")) or "list[" in text or "dict[" in text


# --------------------------------------------------------------------------- helpers for ops
def as_bool(value: Any) -> bool:
    """DataBrew booleans arrive as strings: ``"true"``/``"false"`` (any case)."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "yes"}


def json_list(value: Any) -> list[Any]:
    """DataBrew list parameters arrive as JSON-encoded strings, sometimes as real lists."""
    if isinstance(value, list):
        return value
    if value is None or value == "":
        return []
    parsed = json.loads(value)
    return parsed if isinstance(parsed, list) else [parsed]


def insert_after(frame: pd.DataFrame, name: str, values: pd.Series, after: str) -> pd.DataFrame:
    """Return a copy of ``frame`` with column ``name`` placed right after ``after``."""
    out = frame.copy(deep=False)
    if name in out.columns:
        out = out.drop(columns=[name])
    cols = list(out.columns)
    pos = cols.index(after) + 1 if after in cols else len(cols)
    out.insert(pos, name, values)
    return out

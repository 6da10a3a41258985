"""DataBrew's expression language, restricted: a hand-written tokenizer and parser.

Used by BOOLEAN_OPERATION and CASE_OPERATION
(https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.BOOLEAN_OPERATION.html,
https://docs.aws.amazon.com/databrew/latest/dg/recipe-actions.CASE_OPERATION.html). Recipe text is
parsed into a small tree of whitelisted node types and evaluated vectorised with pandas
(:mod:`brewdesk.recipes.kernels.expressions`); it is never handed to ``eval``, ``exec``,
``compile`` or the ``ast`` module, and there are no attributes, no Python names, no arithmetic
and no way to call anything outside the function list below.

Grammar (keywords and function names are case-insensitive)::

    condition  := or
    or         := and (("or" | "||") and)*
    and        := not (("and" | "&&") not)*
    not        := ("!" | "not") not | compare
    compare    := primary (("<" | "<=" | ">" | ">=" | "=" | "==" | "!=" | "<>") primary)?
    primary    := value | function "(" value ("," value)* ")" | "(" or ")"
    value      := `column` | `:aggregate` | :aggregate | 'text' | "text" | number | -number
                | true | false | null
    case       := "case" ("when" condition "then" value)+ ("else" value)? "end"
    function   := startsWith | endsWith | contains | matches | isBetween | isMissing | isValid

- ``startsWith(v, 'x')``, ``endsWith``, ``contains``: literal text, case-sensitive.
- ``matches(v, 'regex')``: the whole value matches the regular expression, run by RE2 (bundled
  with pyarrow): linear time whatever the pattern, so ``(a+)+$`` cannot hang a job. RE2 syntax:
  no backreferences or lookarounds; such a pattern is refused when the recipe is checked.
- ``isBetween(v, low, high)``: both bounds inclusive. ``isMissing(v)``: missing, or empty or
  blank text. ``isValid(v, 'type')``: present and readable as number, integer, boolean, date or
  string.
- Comparisons: numbers as numbers (text read as a number), dates as dates (text read as a date),
  anything else as text. A comparison with a missing value is neither true nor false; the
  operations treat it as false (SQL's rule; DataBrew's pages do not say). ``!`` and ``not``
  negate; ``and``/``or`` follow SQL's three-valued logic.

Limits (a recipe is untrusted input): :data:`MAX_LENGTH` characters, :data:`MAX_DEPTH` nested
levels, :data:`MAX_NODES` nodes, :data:`MAX_TEXT` characters per text literal,
:data:`MAX_NUMBER` characters per number, :data:`MAX_PATTERN` characters per regular
expression. Every error is an :class:`ExpressionError` naming the column (character position)
with a caret under it and a hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from brewdesk.recipes.expressions.tree import (
    VALUE_NODES,
    Aggregate,
    Call,
    Case,
    Column,
    Compare,
    Literal,
    Logic,
    Node,
    Not,
    aggregates_of,
    columns_of,
    rename_columns,
    to_text,
    walk,
)
from brewdesk.recipes.model.errors import RecipeFormatError, did_you_mean

MAX_LENGTH = 10_000
MAX_DEPTH = 40
MAX_NODES = 500
MAX_TEXT = 1_000
MAX_NUMBER = 40
MAX_PATTERN = 500
MAX_NAME = 255

FUNCTIONS: dict[str, tuple[str, int]] = {
    "startswith": ("startsWith", 2),
    "endswith": ("endsWith", 2),
    "contains": ("contains", 2),
    "matches": ("matches", 2),
    "isbetween": ("isBetween", 3),
    "ismissing": ("isMissing", 1),
    "isvalid": ("isValid", 2),
}
"""Lower-case name -> (canonical name, number of arguments)."""
VALID_TYPES = ("number", "double", "float", "decimal", "integer", "int", "long", "boolean", "date", "timestamp", "datetime", "string")
KEYWORDS = {"and", "or", "not", "true", "false", "null", "case", "when", "then", "else", "end"}
COMPARISONS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=", "==": "=", "!=": "!=", "<>": "!="}


class ExpressionError(RecipeFormatError, ValueError):
    """An expression that does not parse or does not fit the data.

    Attributes
    ----------
    expression
        The expression text.
    position
        0-based character offset of the problem (``None`` when it is the whole expression).
    """

    def __init__(self, message: str, expression: str, position: int | None, *, hint: str | None = None) -> None:
        self.expression = expression
        self.position = position
        where = ""
        if position is not None:
            where = f" at column {position + 1}\n" + _caret(expression, position)
        super().__init__(message + where, hint=hint)


def _caret(text: str, pos: int) -> str:
    start = max(0, pos - 40)
    shown = text[start : pos + 40].replace("\n", " ").replace("\t", " ")
    prefix = "..." if start else ""
    return f"    {prefix}{shown}\n    {' ' * (len(prefix) + pos - start)}^"


# =========================================================================== tokens
@dataclass(frozen=True)
class Token:
    kind: str  # name, number, string, column, agg, op, end
    text: str
    pos: int
    value: Any = None


_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_AGG_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_OPS = ("<=", ">=", "==", "!=", "<>", "&&", "||", "<", ">", "=", "!", "(", ")", ",", "-")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens (raises :class:`ExpressionError` on anything unknown)."""
    if not isinstance(text, str):
        raise ExpressionError(f"an expression is text, got {type(text).__name__}", str(text)[:80], None)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"expression is {len(text)} characters long; the limit is {MAX_LENGTH}", text[:80], None, hint="split the logic into several steps"
        )
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
            continue
        if ch == "`":
            end = text.find("`", i + 1)
            if end < 0:
                raise ExpressionError("unterminated column name", text, i, hint="close the name with a backtick: `column`")
            name = text[i + 1 : end]
            out.append(_ref_token(name, text, i))
            i = end + 1
            continue
        if ch in "'\"":
            value, i2 = _string(text, i)
            out.append(Token("string", text[i:i2], i, value))
            i = i2
            continue
        if ch == ":":
            m = _AGG_NAME.match(text, i + 1)
            if not m:
                raise ExpressionError("':' must start an aggregate name", text, i, hint="write `:name` for a withExpressions result")
            out.append(Token("agg", m.group(), i, m.group()))
            i = m.end()
            continue
        if ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()):
            m = _NUMBER.match(text, i)
            if not m:
                raise ExpressionError("a number must start with a digit", text, i, hint="write 0.5, not .5")
            raw = m.group()
            if len(raw) > MAX_NUMBER:
                raise ExpressionError(f"number has {len(raw)} characters; the limit is {MAX_NUMBER}", text, i)
            if m.end() < n and (text[m.end()].isalnum() or text[m.end()] in "_."):
                raise ExpressionError(f"malformed number {text[i : m.end() + 1]!r}", text, i)
            out.append(Token("number", raw, i, _number(raw, text, i)))
            i = m.end()
            continue
        m = _NAME.match(text, i)
        if m:
            out.append(Token("name", m.group(), i, m.group().lower()))
            i = m.end()
            continue
        op = next((o for o in _OPS if text.startswith(o, i)), None)
        if op is None:
            raise ExpressionError(f"unexpected character {ch!r}", text, i, hint=_char_hint(ch))
        out.append(Token("op", op, i))
        i += len(op)
    out.append(Token("end", "", n))
    return out


def _char_hint(ch: str) -> str:
    if ch in "*/+%^":
        return "the expression language has no arithmetic; compute the value with a math step first"
    if ch in ".[]{}":
        return "there are no attributes or indexing; write column names in backticks: `a.b`"
    if ch == "&":
        return "write 'and' or '&&'"
    if ch == "|":
        return "write 'or' or '||'"
    return "see the expression language in the help page of boolean_operation"


def _ref_token(name: str, text: str, pos: int) -> Token:
    if name.startswith(":"):
        agg = name[1:]
        if not agg or not _AGG_NAME.fullmatch(agg):
            raise ExpressionError(f"invalid aggregate name {agg!r}", text, pos, hint="use letters, digits, '_', '.' and '-'")
        return Token("agg", f"`{name}`", pos, agg)
    if not name:
        raise ExpressionError("empty column name ``", text, pos)
    if len(name) > MAX_NAME:
        raise ExpressionError(f"column name is longer than {MAX_NAME} characters", text, pos)
    bad = next((c for c in name if c in "'\"`\\" or ord(c) < 32 or ord(c) == 127), None)
    if bad is not None:
        raise ExpressionError(
            f"column name contains {bad!r}", text, pos, hint="rename the column first (a Rename step) to a name without quotes, backslashes or control characters"
        )
    return Token("column", f"`{name}`", pos, name)


def _string(text: str, start: int) -> tuple[str, int]:
    quote = text[start]
    out: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}.get(nxt, "\\" + nxt))
            i += 2
        elif ch == quote:
            value = "".join(out)
            if len(value) > MAX_TEXT:
                raise ExpressionError(f"text literal has {len(value)} characters; the limit is {MAX_TEXT}", text, start)
            return value, i + 1
        else:
            out.append(ch)
            i += 1
        if len(out) > MAX_TEXT:
            raise ExpressionError(f"text literal is longer than {MAX_TEXT} characters", text, start)
    raise ExpressionError("unterminated text literal", text, start, hint=f"close it with {quote}")


def _number(raw: str, text: str, pos: int) -> int | float:
    if re.fullmatch(r"\d+", raw):
        if int(raw) > 2**63 - 1:
            raise ExpressionError(f"whole number {raw} is out of the 64-bit range", text, pos, hint="write it as a decimal, e.g. 1e20")
        return int(raw)
    value = float(raw)
    if value in (float("inf"), float("-inf")):
        raise ExpressionError(f"number {raw} is out of range", text, pos)
    return value


# =========================================================================== parser
class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.nodes = 0

    # ---------------------------------------------------------------- helpers
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def error(self, message: str, tok: Token | None = None, hint: str | None = None) -> ExpressionError:
        return ExpressionError(message, self.text, (tok or self.tok).pos, hint=hint)

    def node(self, cls: Callable[..., Node], *args: Any) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.error(f"expression has more than {MAX_NODES} parts", hint="split the logic into several steps")
        return cls(*args)

    def is_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def is_word(self, *words: str) -> bool:
        return self.tok.kind == "name" and self.tok.value in words

    def expect_op(self, op: str) -> Token:
        if not self.is_op(op):
            raise self.error(f"expected '{op}', found {self.describe(self.tok)}")
        tok = self.tok
        self.i += 1
        return tok

    def expect_word(self, word: str) -> None:
        if not self.is_word(word):
            raise self.error(f"expected '{word}', found {self.describe(self.tok)}")
        self.i += 1

    @staticmethod
    def describe(tok: Token) -> str:
        return "the end of the expression" if tok.kind == "end" else repr(tok.text)

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"expression is nested more than {MAX_DEPTH} levels deep", hint="remove redundant parentheses or split the logic")

    def finish(self, node: Node) -> Node:
        if self.tok.kind == "name" and self.tok.value not in KEYWORDS and self.tok.value not in FUNCTIONS:
            raise self.error(*_name_problem(self.tok.text))
        if self.tok.kind != "end":
            raise self.error(f"unexpected {self.describe(self.tok)} after a complete expression", hint="join conditions with 'and' or 'or'")
        return node

    # ---------------------------------------------------------------- grammar
    def parse_or(self) -> Node:
        self.enter()
        pos = self.tok.pos
        items = [self.parse_and()]
        while self.is_word("or") or self.is_op("||"):
            self.i += 1
            items.append(self.parse_and())
        self.depth -= 1
        return items[0] if len(items) == 1 else self.node(Logic, pos, "or", tuple(items))

    def parse_and(self) -> Node:
        pos = self.tok.pos
        items = [self.parse_not()]
        while self.is_word("and") or self.is_op("&&"):
            self.i += 1
            items.append(self.parse_not())
        return items[0] if len(items) == 1 else self.node(Logic, pos, "and", tuple(items))

    def parse_not(self) -> Node:
        if self.is_word("not") or self.is_op("!"):
            pos = self.tok.pos
            self.i += 1
            self.enter()
            item = self.parse_not()
            self.depth -= 1
            return self.node(Not, pos, item)
        return self.parse_compare()

    def parse_compare(self) -> Node:
        left = self.parse_primary()
        if self.tok.kind == "op" and self.tok.text in COMPARISONS:
            tok = self.tok
            self.i += 1
            right = self.parse_primary()
            if self.tok.kind == "op" and self.tok.text in COMPARISONS:
                raise self.error("comparisons cannot be chained", hint="write a < b and b < c")
            return self.node(Compare, tok.pos, COMPARISONS[tok.text], left, right)
        return left

    def parse_primary(self) -> Node:
        tok = self.tok
        if self.is_op("("):
            self.i += 1
            inner = self.parse_or()
            self.expect_op(")")
            return inner
        if tok.kind == "name" and tok.value in FUNCTIONS:
            return self.parse_call()
        return self.parse_value()

    def parse_call(self) -> Node:
        tok = self.tok
        name, arity = FUNCTIONS[tok.value]
        self.i += 1
        self.expect_op("(")
        self.enter()
        args = [self.parse_value()]
        while self.is_op(","):
            self.i += 1
            args.append(self.parse_value())
        self.expect_op(")")
        self.depth -= 1
        if len(args) != arity:
            raise self.error(f"{name} takes {arity} argument{'s' * (arity > 1)}, got {len(args)}", tok, hint=_USAGE[name])
        return self.node(Call, tok.pos, name, tuple(args))

    def parse_value(self) -> Node:
        tok = self.tok
        if tok.kind in ("string", "number"):
            self.i += 1
            return self.node(Literal, tok.pos, tok.value)
        if tok.kind == "column":
            self.i += 1
            return self.node(Column, tok.pos, tok.value)
        if tok.kind == "agg":
            self.i += 1
            return self.node(Aggregate, tok.pos, tok.value)
        if self.is_op("-"):
            self.i += 1
            if self.tok.kind != "number":
                raise self.error("'-' can only precede a number", tok, hint="the expression language has no arithmetic")
            num = self.tok
            self.i += 1
            return self.node(Literal, tok.pos, -num.value)
        if tok.kind == "name":
            if tok.value in ("true", "false"):
                self.i += 1
                return self.node(Literal, tok.pos, tok.value == "true")
            if tok.value == "null":
                self.i += 1
                return self.node(Literal, tok.pos, None)
            raise self.error(*_name_problem(tok.text))
        if tok.kind == "end":
            raise self.error("expression ends where a value was expected")
        raise self.error(f"expected a value, found {self.describe(tok)}")

    def parse_case(self) -> Node:
        pos = self.tok.pos
        self.expect_word("case")
        whens: list[tuple[Node, Node]] = []
        while self.is_word("when"):
            self.i += 1
            cond = self.parse_or()
            self.expect_word("then")
            whens.append((cond, self.parse_result()))
        if not whens:
            raise self.error("a case needs at least one 'when ... then ...'", hint="case when `a` > 1 then 'big' else 'small' end")
        default = None
        if self.is_word("else"):
            self.i += 1
            default = self.parse_result()
        self.expect_word("end")
        return self.node(Case, pos, tuple(whens), default)

    def parse_result(self) -> Node:
        if self.is_op("("):
            self.i += 1
            inner = self.parse_result()
            self.expect_op(")")
            return inner
        return self.parse_value()


_USAGE = {
    "startsWith": "startsWith(`column`, 'text')",
    "endsWith": "endsWith(`column`, 'text')",
    "contains": "contains(`column`, 'text')",
    "matches": "matches(`column`, 'regular expression')",
    "isBetween": "isBetween(`column`, low, high)",
    "isMissing": "isMissing(`column`)",
    "isValid": "isValid(`column`, 'number')",
}


def _name_problem(word: str) -> tuple[str, None, str]:
    if word.startswith("__") or word in {"lambda", "import", "exec", "eval", "for", "in", "if", "def", "class", "getattr"}:
        return (f"{word!r} is not part of the expression language", None, "only these functions exist: " + ", ".join(_USAGE))
    known = [c for c, _ in FUNCTIONS.values()] + sorted(KEYWORDS)
    return (
        f"unknown name {word!r}{did_you_mean(word, known)}",
        None,
        "write column names in backticks (`" + word + "`), text in quotes ('" + word + "')",
    )


# =========================================================================== entry points
def parse_condition(text: str) -> Node:
    """Parse a boolean condition (BOOLEAN_OPERATION's ``valueExpression``).

    Raises
    ------
    ExpressionError
        With the position and a hint, for anything outside the grammar or the limits.
    """
    p = _Parser(text)
    if p.tok.kind == "end":
        raise ExpressionError("the condition is empty", text, None, hint="e.g. `price` > 100")
    return p.finish(p.parse_or())


def parse_case(text: str) -> Node:
    """Parse ``case when ... then ... [else ...] end`` (CASE_OPERATION's ``valueExpression``)."""
    p = _Parser(text)
    if not p.is_word("case"):
        raise p.error("a case expression starts with 'case'", hint="case when `a` > 1 then 'big' else 'small' end")
    return p.finish(p.parse_case())


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def parse_result(text: str) -> Node:
    """Parse a result expression (``trueValueExpression`` / ``falseValueExpression``).

    A column (`` `a` ``), an aggregate (`` `:name` ``), quoted text, a number, ``true``,
    ``false`` or ``null``; any other text is a constant as written (DataBrew's example
    ``It is true.``).
    """
    if not isinstance(text, str):
        raise ExpressionError(f"a value expression is text, got {type(text).__name__}", str(text)[:80], None)
    stripped = text.strip()
    formal = stripped[:1] in ("`", "'", '"', ":") or _PLAIN_NUMBER.fullmatch(stripped) or stripped.lower() in ("true", "false", "null")
    if not formal:
        if len(text) > MAX_TEXT:
            raise ExpressionError(f"constant text has {len(text)} characters; the limit is {MAX_TEXT}", text[:80], None)
        return Literal(0, text)
    p = _Parser(text)
    return p.finish(p.parse_result())


__all__ = [
    "VALUE_NODES",
    "Aggregate",
    "Call",
    "Case",
    "Column",
    "Compare",
    "Literal",
    "Logic",
    "Node",
    "Not",
    "ExpressionError",
    "parse_condition",
    "parse_case",
    "parse_result",
    "walk",
    "columns_of",
    "aggregates_of",
    "rename_columns",
    "to_text",
]

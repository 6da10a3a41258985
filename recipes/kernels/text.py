"""Kernels of text: case changes, splitting and merging, finding and extracting, character codes,
removing symbols, phone number formatting and tokenization.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd


def _bd_capital(s):
    """Capital case like Spark's ``initcap``: lower-case, then upper-case the first letter of
    each word; words are separated by spaces (``' '``)."""
    # optional heavy dependency: pyarrow, loaded only when this kernel runs
    import pyarrow as pa
    import pyarrow.compute as pc

    a = pa.array(s.astype("string[pyarrow]").array, type=pa.large_string())
    words = pc.split_pattern(a, " ")
    flat = pc.utf8_capitalize(words.flatten())
    rebuilt = type(words).from_arrays(words.offsets, flat, mask=pc.is_null(words))
    out = pc.binary_join(rebuilt, pa.scalar(" ", pa.large_string()))
    return pd.Series(pd.array(out, dtype="string[pyarrow]"), index=s.index)


def _bd_sentence(s):
    """Sentence case: lower-case the value, then upper-case its first letter (after any leading
    spaces, digits or punctuation)."""
    # optional heavy dependency: pyarrow, loaded only when this kernel runs
    import pyarrow as pa
    import pyarrow.compute as pc

    a = pc.utf8_lower(pa.array(s.astype("string[pyarrow]").array, type=pa.large_string()))
    parts = pc.extract_regex(a, r"(?s)^(?P<head>\P{L}*)(?P<first>\p{L}?)(?P<rest>.*)$")
    head, first, rest = (pc.struct_field(parts, i) for i in range(3))
    out = pc.binary_join_element_wise(head, pc.utf8_upper(first), rest, pa.scalar("", pa.large_string()))
    return pd.Series(pd.array(out, dtype="string[pyarrow]"), index=s.index)


def _bd_split(s, pattern, limit):
    """Split text at a literal ``pattern`` at most ``limit`` times from the left; return the
    ``limit + 1`` pieces as string Series (missing where a value has fewer pieces)."""
    # optional heavy dependency: pyarrow, loaded only when this kernel runs
    import pyarrow as pa
    import pyarrow.compute as pc

    a = pa.array(s.astype("string[pyarrow]").array, type=pa.large_string())
    lists = pc.split_pattern(a, pattern, max_splits=limit)
    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False)
    starts = lists.offsets.to_numpy()[:-1]
    out = []
    for i in range(limit + 1):
        ok = lengths > i
        taken = pc.take(lists.values, pa.array(np.where(ok, starts + i, 0), mask=~ok))
        out.append(pd.Series(pd.array(taken, dtype="string[pyarrow]"), index=s.index))
    return out


def _bd_merge(parts, delimiter):
    """Join text Series with ``delimiter``, skipping missing values; all missing -> missing."""
    out = parts[0]
    for p in parts[1:]:
        out = (out + delimiter + p).fillna(out).fillna(p)
    return out


def _bc_find(s, pattern, position=0, ignore_case=False, from_right=False):
    """0-based index (from the start of the text) of the first match of regular expression
    ``pattern`` at or after ``position`` (FIND), or of the last match that ends before the last
    ``position`` characters (RIGHT_FIND); missing when nothing matches."""
    s = s.astype("string[pyarrow]")
    flags = re.IGNORECASE if ignore_case else 0
    if from_right:
        part = s.str.slice(0, -position) if position else s
        found = part.str.extract(f"^(?P<bcpre>(?s:.*))(?:{pattern})", flags=flags, expand=True)["bcpre"]
        idx = found.str.len().astype("Int64")
    else:
        part = s.str.slice(position)
        found = part.str.extract(f"^(?P<bcpre>(?s:.*?))(?:{pattern})", flags=flags, expand=True)["bcpre"]
        idx = (found.str.len() + position).astype("Int64")
    return idx.mask((s.str.len() < position).fillna(False))


def _bc_char(x):
    """The character whose Unicode code point is ``x`` (1 to 0x10FFFF, not a surrogate); other
    numbers, fractions and missing give missing."""
    v = x.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(v) & (v == np.floor(v)) & (v >= 1) & (v <= 0x10FFFF) & ~((v >= 0xD800) & (v <= 0xDFFF))
    codes = np.where(ok, v, 32).astype("<u4")
    return pd.Series(codes.view("<U1"), index=x.index, dtype="string[pyarrow]").mask(~ok)


def _bc_unicode(s):
    """The Unicode code point of the first character; empty text and missing give missing."""
    first = s.astype("string[pyarrow]").str.slice(0, 1)
    codes = first.fillna("").to_numpy(dtype="<U1").view("<u4").astype("int64")
    return pd.Series(codes, index=s.index, dtype="Int64").mask(codes == 0)


def _bc_extract_between(s, start, end):
    """The text between the first match of regex ``start`` and the next match of regex ``end``
    (shortest); missing when either delimiter is not found."""
    found = s.astype("string[pyarrow]").str.extract(f"(?:{start})(?P<bcmid>(?s:.*?))(?:{end})", expand=True)
    return found["bcmid"]


def _bc_replace_between(s, start, end, value):
    """Replace the text between every match of regex ``start`` and the next match of regex ``end``
    with the literal ``value``; the delimiters are kept."""
    repl = r"\g<bcs>" + value.replace("\\", "\\\\") + r"\g<bce>"
    return s.astype("string[pyarrow]").str.replace(f"(?P<bcs>{start})(?s:.*?)(?P<bce>{end})", repl, regex=True)


def _bt_split_at(s, cuts):
    """Cut text at character positions ``cuts`` (0-based; a negative position counts from the
    end, as in Python slicing); return ``len(cuts) + 1`` string Series (missing stays missing,
    positions past the end give empty pieces)."""
    s = s.astype("string[pyarrow]")
    bounds = [None, *cuts, None]
    return [s.str.slice(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _bt_split_delimiters(s, options, limit, sequence=False):
    """Split text at literal delimiters; return ``limit + 1`` string Series.

    ``options`` is a list of ``(delimiter, include)`` pairs. Without ``sequence`` any delimiter
    splits (the longest wins where several start at the same place), at most ``limit`` times from
    the left; with ``sequence`` the k-th split is at the first occurrence of the k-th delimiter
    after the previous one (``limit`` = number of delimiters). An included delimiter starts the
    piece that follows it; otherwise it is dropped. Pieces a value does not reach are missing."""
    s = s.astype("string[pyarrow]")
    width = limit + 1
    cols = [[None] * len(s) for _ in range(width)]
    if not sequence:
        order = sorted(range(len(options)), key=lambda i: -len(options[i][0]))
        rx = re.compile("|".join(f"({re.escape(options[i][0])})" for i in order))
        include = [options[i][1] for i in order]
    for row, v in enumerate(s.tolist()):
        if v is None or v is pd.NA:
            continue
        pos, k = 0, 0
        start = 0
        while k < limit:
            if sequence:
                delim, inc = options[k]
                at = v.find(delim, pos)
                if at < 0:
                    break
                end = at + len(delim)
            else:
                m = rx.search(v, pos)
                if m is None:
                    break
                at, end = m.start(), m.end()
                inc = include[m.lastindex - 1]
            cols[k][row] = v[start:at]
            start = at if inc else end
            pos = end
            k += 1
        cols[k][row] = v[start:]
    return [pd.Series(c, index=s.index, dtype="string[pyarrow]") for c in cols]


def _bt_remove_combined(s, value, removed, edge, collapse):
    """REMOVE_COMBINED: drop every occurrence of the literal ``value`` (if any), then every
    character of regex class content ``removed``, then runs of class ``edge`` at both ends; then
    turn runs of two or more whitespace characters into one space when ``collapse``."""
    s = s.astype("string[pyarrow]")
    if value:
        s = s.str.replace(value, "", regex=False)
    if removed:
        s = s.str.replace(f"[{removed}]+", "", regex=True)
    if edge:
        s = s.str.replace(f"^[{edge}]+|[{edge}]+$", "", regex=True)
    if collapse:
        s = s.str.replace(r"\s{2,}", " ", regex=True)
    return s


def _bt_format_phone(s, fmt, region=None, regions=None):
    """FORMAT_PHONE_NUMBER: each text value parsed as a phone number (with the default ``region``,
    or the region code in the same row of the Series ``regions``) and written in ``fmt`` (E164,
    INTERNATIONAL, NATIONAL or RFC3966); a value that does not parse to a valid number is left as
    it is; missing stays missing."""
    # optional heavy dependency: phonenumbers, loaded only for phone numbers
    import phonenumbers

    style = getattr(phonenumbers.PhoneNumberFormat, fmt)
    s = s.astype("string[pyarrow]")
    if regions is not None:
        codes = [None if r is None or r is pd.NA else str(r).strip().upper() for r in regions.astype("string[pyarrow]").tolist()]
    else:
        codes = [region] * len(s)
    done = {}
    out = []
    for v, code in zip(s.tolist(), codes, strict=True):
        if v is None or v is pd.NA:
            out.append(None)
            continue
        key = (v, code)
        if key not in done:
            try:
                number = phonenumbers.parse(v, code or None)
                done[key] = phonenumbers.format_number(number, style) if phonenumbers.is_valid_number(number) else v
            except phonenumbers.NumberParseException:
                done[key] = v
        out.append(done[key])
    return pd.Series(out, index=s.index, dtype="string[pyarrow]")


def _bt_tokenize(s, delimiter=" ", expand=False, stemming=None, stop_words=None):
    """TOKENIZATION: expand English contractions (``expand``), split into tokens (words, with
    inner ``'`` or ``-``, and single punctuation characters), drop tokens whose lower case is in
    ``stop_words``, stem words with NLTK's ``PORTER`` or ``LANCASTER`` stemmer (lower-cased), and
    join with ``delimiter``. Missing stays missing."""
    special = {"won't": "will not", "can't": "can not", "shan't": "shall not", "ain't": "is not",
               "let's": "let us", "y'all": "you all"}
    suffixes = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would", "'m": " am"}
    is_words = {"it", "he", "she", "that", "there", "here", "what", "where", "who", "how", "when", "why"}

    def expand_one(m):
        word = m.group(0)
        low = word.lower().replace("\u2019", "'")
        if low in special:
            out = special[low]
            return out[0].upper() + out[1:] if word[0].isupper() else out
        for suf, rep in suffixes.items():
            if low.endswith(suf) and len(low) > len(suf):
                return word[: len(low) - len(suf)] + rep
        if low.endswith("'s") and low[:-2] in is_words:
            return word[:-2] + " is"
        return word

    stemmer = None
    if stemming is not None:
        # optional heavy dependency: nltk, loaded only for stemming
        from nltk.stem import LancasterStemmer, PorterStemmer

        stemmer = PorterStemmer() if stemming == "PORTER" else LancasterStemmer()
    stops = {w.lower().replace("\u2019", "'") for w in stop_words or ()}
    token = re.compile(r"\w+(?:[-'\u2019]\w+)*|[^\w\s]")
    contraction = re.compile(r"\w+['\u2019]\w+")
    stems = {}
    out = []
    for v in s.astype("string[pyarrow]").tolist():
        if v is None or v is pd.NA:
            out.append(None)
            continue
        if expand:
            v = contraction.sub(expand_one, v)
        kept = []
        for tok in token.findall(v):
            if tok.lower().replace("\u2019", "'") in stops:
                continue
            if stemmer is not None and not tok.isdigit() and (tok[0].isalnum() or tok[0] == "_"):
                if tok not in stems:
                    stems[tok] = stemmer.stem(tok)
                tok = stems[tok]
            kept.append(tok)
        out.append(delimiter.join(kept))
    return pd.Series(out, index=s.index, dtype="string[pyarrow]")


def _bt_wrap(s, before, after):
    """ADD_PREFIX, ADD_SUFFIX, ADD_DOUBLE_QUOTES, ADD_SINGLE_QUOTES: ``before + s + after``."""
    return before + s + after


def _bt_trim(s):
    """TRIM: surrounding whitespace removed."""
    return s.str.strip()


def _bt_lower(s):
    """LOWER_CASE, LOWER: lower case."""
    return s.str.lower()


def _bt_upper(s):
    """UPPER_CASE, UPPER: upper case."""
    return s.str.upper()


def _bt_title(s):
    """PROPER: every word's first letter upper case, the others lower case."""
    return s.str.title()


def _bt_replace(s, pattern, value, regex):
    """REPLACE_TEXT, REMOVE_WHITESPACE, REMOVE_SYMBOLS: every match of ``pattern`` (a regular
    expression when ``regex``) replaced by ``value``."""
    return s.str.replace(pattern, value, regex=regex)


def _bt_extract(s, pattern):
    """EXTRACT_PATTERN: the first group of the first match of ``pattern`` (missing without one)."""
    return s.str.extract(pattern, expand=True)[0].astype("string[pyarrow]")


def _bt_slice(s, start, stop):
    """LEFT, RIGHT, SUBSTRING, EXTRACT_BETWEEN_POSITIONS: the characters from ``start`` to
    ``stop`` (Python slice positions)."""
    return s.str.slice(start, stop)


def _bt_slice_replace(s, start, stop, value):
    """REPLACE_BETWEEN_POSITIONS: the characters from ``start`` to ``stop`` replaced by ``value``."""
    return s.str.slice_replace(start, stop, value)


def _bt_length(s):
    """LEN: the number of characters (Int64)."""
    return s.str.len().astype("Int64")


def _bt_repeat(s, count):
    """REPEAT_STRING: the text ``count`` times."""
    return s.str.repeat(count)


def _bt_starts(s, pattern, case):
    """STARTS_WITH: whether the text starts with a match of ``pattern`` (boolean)."""
    return s.str.match(pattern, case=case).astype("boolean")


def _bt_contains(s, pattern, case):
    """ENDS_WITH: whether the text contains a match of ``pattern`` (boolean)."""
    return s.str.contains(pattern, case=case, regex=True).astype("boolean")


def _bc_compare(a, b, op):
    """EXACT and STRING_GREATER_THAN & co: ``a op b`` on the two operands read as text (``op``
    one of ``==``, ``>``, ``>=``, ``<``, ``<=``), compared by code point; missing gives missing."""
    a, b = a.astype("string[pyarrow]"), b.astype("string[pyarrow]")
    if op == "==":
        out = a == b
    elif op == ">":
        out = a > b
    elif op == ">=":
        out = a >= b
    elif op == "<":
        out = a < b
    elif op == "<=":
        out = a <= b
    else:
        raise ValueError(f"unknown comparison {op!r}")
    return out.astype("boolean")


def _bt_put_parts(df, source, names, pieces):
    """SPLIT_COLUMN_*: ``df`` with the column ``source`` replaced, where it was, by the ``pieces``
    (Series) named ``names``."""
    parts = pd.DataFrame(dict(zip(names, pieces, strict=True)), index=df.index)
    i = df.columns.get_loc(source)
    return pd.concat([df.iloc[:, :i], parts, df.iloc[:, i + 1 :]], axis=1)

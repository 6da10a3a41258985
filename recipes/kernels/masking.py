"""Kernels of the masking PII steps: MASK_CUSTOM, MASK_RANGE and MASK_DELIMITER (MASK_DATE is
in :mod:`.dates`). Each masks text (``string[pyarrow]``) with a mask symbol.

See :mod:`brewdesk.recipes.kernels` for what a kernel may use.
"""

from __future__ import annotations

import re


def _bp_mask_custom(s, value, symbol, regex):
    """MASK_CUSTOM: every occurrence of ``value`` (every match, with ``regex``) replaced by as
    many ``symbol`` as it has characters."""
    if regex:
        return s.str.replace(value, lambda m: symbol * len(m.group(0)), regex=True)
    return s.str.replace(value, symbol * len(value), regex=False)


def _bp_mask_range(s, start, stop, chars, symbol):
    """MASK_RANGE: the characters matching ``chars`` (a one-character regular expression) between
    positions ``start`` and ``stop`` replaced by ``symbol``; text without such a range is kept."""
    middle = s.str.slice(start, stop)
    masked = middle.str.replace(chars, lambda m: symbol, regex=True)
    suffix = s.str.slice(stop) if stop is not None else ""
    prefix = s.str.slice(None, start) if start is not None else ""
    return (prefix + masked + suffix).where((middle.str.len() > 0).fillna(False), s)


def _bp_mask_delimited(s, pattern, chars, symbol, keep_delimiters):
    """MASK_DELIMITER: in every match of ``pattern`` (three groups: start delimiter, text, end
    delimiter) the characters matching ``chars`` replaced by ``symbol``, the delimiters too
    unless ``keep_delimiters``."""
    one = re.compile(chars)

    def repl(m):
        a, b, c = m.groups()
        if not keep_delimiters:
            a, c = one.sub(lambda _m: symbol, a), one.sub(lambda _m: symbol, c)
        return a + one.sub(lambda _m: symbol, b) + c

    return s.str.replace(pattern, repl, regex=True)

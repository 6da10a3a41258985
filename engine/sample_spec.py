"""What a sample is: method, size and seed, and the sample size policy.

Kept apart from :mod:`brewdesk.engine.sampler`, which reads samples (and so loads the readers
and Dask): the command line's ``brewdesk gui --size`` bounds and help need only this module
(``docs/architecture.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from brewdesk.engine.errors import SourceError

__all__ = ["DEFAULT_SAMPLE_SIZE", "MAX_SAMPLE_SIZE", "SampleMethod", "SampleSpec"]

DEFAULT_SAMPLE_SIZE = 5_000
"""Rows in a sample unless the user asks for another size (DataBrew's default sample size)."""
MAX_SAMPLE_SIZE = 100_000
"""The largest sample the app and ``brewdesk gui --size`` accept (a sample is held in memory)."""


class SampleMethod(StrEnum):
    """Which rows a sample holds (DataBrew's sample types)."""

    FIRST_N = "FIRST_N"
    LAST_N = "LAST_N"
    RANDOM = "RANDOM"


@dataclass(frozen=True)
class SampleSpec:
    """How to sample: method, number of rows (>= 1) and random seed (RANDOM only)."""

    method: SampleMethod = SampleMethod.FIRST_N
    size: int = DEFAULT_SAMPLE_SIZE
    seed: int = 0

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "method", SampleMethod(self.method))
        except ValueError:
            raise SourceError(
                f"unknown sample method {self.method!r}",
                hint=f"use one of {', '.join(m.value for m in SampleMethod)}",
            ) from None
        if not isinstance(self.size, int) or isinstance(self.size, bool) or self.size < 1:
            raise SourceError(f"sample size must be a positive integer, not {self.size!r}")
        if not isinstance(self.seed, int) or self.seed < 0:
            raise SourceError(f"sample seed must be a non-negative integer, not {self.seed!r}")

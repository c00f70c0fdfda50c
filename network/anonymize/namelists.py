"""First and last names from the US census frequency lists shipped by the `names` package.

The lists are read once, on first use, from the package's data files (no network). The
surname list is long (88,799 names, down to one person in a million): its tail holds
ordinary words (`Court`, `Section`, `During`), so only names up to `SURNAME_COVERAGE` of
the population are kept; the first-name lists are short and kept whole. Common words
that are also names are handled by `vocabulary`, not here.
"""

import bisect
import functools
import re
from importlib import resources

# Cumulative share of the population (percent) covered by the surnames kept. 88 keeps
# about 60,000 of 88,799; the measured effect is in bench/pii.py's output.
SURNAME_COVERAGE = 88.0

_NAME = re.compile(r"^([A-Z][A-Z'-]*)[ \t]", re.MULTILINE)


def _read(filename: str, coverage: float | None = None) -> frozenset[str]:
    """Names (upper case, as in the file) from one dist file: `NAME  freq  cumulative
    rank` per line, most frequent first. The cumulative share only grows, so the cut is
    found by bisection; one regular expression then takes the names above it (a Python
    loop over 88,799 lines would double the command's start-up time)."""
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    if coverage is not None:
        lines = text.split("\n")
        keep = bisect.bisect_right(
            lines, coverage, key=lambda line: float(line.split()[2]) if line.strip() else 101.0
        )
        text = "\n".join(lines[:keep])
    return frozenset(_NAME.findall(text))


@functools.cache
def first_names() -> frozenset[str]:
    """Census first names, upper case ("JAMES")."""
    return _read("dist.male.first") | _read("dist.female.first")


@functools.cache
def last_names() -> frozenset[str]:
    """Census surnames above SURNAME_COVERAGE, upper case ("SMITH")."""
    return _read("dist.all.last", SURNAME_COVERAGE)

"""Reading an office's CSV of observations, and everything that can be wrong with it.

One pass collects every problem with its line and column (a dry run shows them all
at once) and the parsed rows; nothing is stored here. The columns are those of the
template (`template_csv`):

    office,metric,period,disaggregation,count,numerator,denominator,value

What each unit needs: COUNT a `count`; RATE a `numerator` and a `denominator`;
DAYS and MONEY a `value` and the `count` of cases it rests on; RATIO a `value`.
Counts are whole numbers; a rate's value is never uploaded (it is recomputed).
"""

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from network.metrics.dimensions import DIMENSIONS, split

COLUMNS: tuple[str, ...] = (
    "office",
    "metric",
    "period",
    "disaggregation",
    "count",
    "numerator",
    "denominator",
    "value",
)
_COLUMN = {name: i + 1 for i, name in enumerate(COLUMNS)}
MAX_COUNT = 2**53 - 1  # exact in every consumer, JSON included
MAX_VALUE = Decimal("1e13")
MAX_PROBLEMS = 1000
FIRST_YEAR = 1970

_NEEDS: dict[str, frozenset[str]] = {
    "COUNT": frozenset({"count"}),
    "RATE": frozenset({"numerator", "denominator"}),
    "DAYS": frozenset({"count", "value"}),
    "MONEY": frozenset({"count", "value"}),
    "RATIO": frozenset({"value"}),
}
_FORMULA = re.compile(r"^\s*[=+@\t\r]|^\s*-\s*[^\d\s.]")
_FORMULA_START = frozenset("=+@-\t\r")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Definition:
    """What validation needs to know of a metric."""

    key: str
    unit: str
    frequency: str
    disaggregations: frozenset[str]
    non_additive: frozenset[str] = frozenset()
    derived: bool = False


@dataclass(frozen=True)
class Problem:
    line: int
    column: int  # 1-based; 0 when the problem is the whole line or file
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


@dataclass(slots=True)
class ObservationRow:
    """One valid row (slots, not frozen: an upload holds a hundred thousand)."""

    line: int
    metric: str
    period: date
    disaggregation: str
    count: int | None
    numerator: int | None
    denominator: int | None
    value: Decimal | None


@dataclass
class ParsedUpload:
    rows: list[ObservationRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    truncated: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems and bool(self.rows)

    def add(self, line: int, column: str | int, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.truncated = True
            return
        number = column if isinstance(column, int) else _COLUMN.get(column, 0)
        self.problems.append(Problem(line, number, message))


def period_label(start: date, frequency: str) -> str:
    if frequency == "QUARTERLY":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if frequency == "ANNUAL":
        return f"{start.year}"
    return f"{start.year}-{start.month:02d}"


@lru_cache(maxsize=4096)
def period_end(start: date, frequency: str) -> date:
    """The first day after the period."""
    months = {"QUARTERLY": 3, "ANNUAL": 12}.get(frequency, 1)
    year, month0 = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month0 + 1, 1)


@lru_cache(maxsize=4096)
def parse_period(text: str, frequency: str) -> date | None:
    """The first day of the period written as the frequency wants it, or None."""
    if frequency == "QUARTERLY":
        m = _QUARTER.match(text)
        return date(int(m[1]), 3 * int(m[2]) - 2, 1) if m else None
    if frequency == "ANNUAL":
        m = _YEAR.match(text)
        return date(int(m[1]), 1, 1) if m else None
    m = _MONTH.match(text)
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    return date(int(m[1]), int(m[2]), 1)


def _period_hint(frequency: str) -> str:
    return {"QUARTERLY": "YYYY-Qn", "ANNUAL": "YYYY"}.get(frequency, "YYYY-MM")


def parse_upload(
    data: bytes,
    definitions: Mapping[str, Definition],
    *,
    office_slug: str,
    today: date,
) -> ParsedUpload:
    """Every row of `data` and every problem in it (see the module)."""
    result = ParsedUpload()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        result.add(line, 0, "the file is not UTF-8 text: save it as 'CSV UTF-8' and upload again")
        return result
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        result.add(line, 0, "the file holds a NUL character: it is not a CSV text file")
        return result
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        result.add(1, 0, f"not a readable CSV line ({error})")
        return result
    if header is None or not any(h.strip() for h in header):
        result.add(1, 0, "the file is empty: start from the template")
        return result
    names = [h.strip().lower() for h in header]
    for i, name in enumerate(names, start=1):
        if name not in COLUMNS:
            result.add(1, i, f"unknown column '{header[i - 1][:40]}'")
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        result.add(1, 0, f"missing column(s): {', '.join(missing)}")
    if result.problems:
        return result
    position = {name: names.index(name) for name in COLUMNS}
    seen: dict[tuple[str, date, str], int] = {}
    line = 1
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(names):
                result.add(line, 0, f"{len(record)} fields where the header has {len(names)}")
                continue
            cells = {name: record[position[name]].strip() for name in COLUMNS}
            row = _row(result, line, cells, definitions, office_slug, today)
            if row is None:
                continue
            key = (row.metric, row.period, row.disaggregation)
            if key in seen:
                result.add(
                    line,
                    "disaggregation",
                    f"duplicates line {seen[key]} (same metric, period and disaggregation)",
                )
                continue
            seen[key] = line
            result.rows.append(row)
    except csv.Error as error:
        result.add(line + 1, 0, f"not a readable CSV line ({error})")
    if not result.rows and not result.problems:
        result.add(2, 0, "no rows: fill the template's rows with your figures")
    _check_tables(result, definitions)
    return result


def _row(
    result: ParsedUpload,
    line: int,
    cells: dict[str, str],
    definitions: Mapping[str, Definition],
    office_slug: str,
    today: date,
) -> ObservationRow | None:
    before = len(result.problems)
    for name, text in cells.items():
        # Cells are stripped: a formula starts with one of these (a cheap test first,
        # the pattern only for the few that do).
        if text[:1] in _FORMULA_START and _FORMULA.match(text):
            result.add(
                line, name, "looks like a spreadsheet formula; only plain values are accepted"
            )
    if len(result.problems) > before:
        return None
    if cells["office"] != office_slug:
        result.add(
            line,
            "office",
            f"this upload is for office '{office_slug}', not "
            f"'{cells['office'][:80]}' (an office uploads only its own figures)",
        )
    definition = definitions.get(cells["metric"])
    if definition is None:
        result.add(line, "metric", f"unknown metric '{cells['metric'][:80]}'")
        return None
    if definition.derived:
        result.add(
            line,
            "metric",
            f"'{definition.key}' is computed by the network from released "
            "cells; it is not uploaded",
        )
        return None
    period = parse_period(cells["period"], definition.frequency)
    if period is None:
        result.add(
            line,
            "period",
            f"'{cells['period'][:20]}' is not a period: write "
            f"{_period_hint(definition.frequency)} for {definition.key}",
        )
    elif period.year < FIRST_YEAR:
        result.add(line, "period", f"periods start in {FIRST_YEAR}")
    elif period_end(period, definition.frequency) > today:
        result.add(
            line, "period", f"{cells['period']} has not ended yet: figures are for past periods"
        )
    disaggregation = cells["disaggregation"]
    if disaggregation:
        wrong = _disaggregation_problem(definition, disaggregation)
        if wrong:
            result.add(line, "disaggregation", wrong)
    needs = _NEEDS[definition.unit]
    numbers: dict[str, int | None] = {}
    for name in ("count", "numerator", "denominator"):
        numbers[name] = _whole(result, line, name, cells[name]) if name in needs else None
        if name not in needs and cells[name]:
            result.add(line, name, f"{definition.unit.lower()} metrics have no {name}")
    value: Decimal | None = None
    if "value" in needs:
        value = _decimal(result, line, cells["value"])
    elif cells["value"]:
        result.add(
            line,
            "value",
            "a rate's value is computed from its numerator and denominator; leave it empty"
            if definition.unit == "RATE"
            else "counts go in the count column",
        )
    for name in needs:
        if not cells[name] and not (name == "value" and cells.get("count") == "0"):
            result.add(line, name, f"{definition.unit.lower()} metrics need a {name}")
    numerator, denominator = numbers["numerator"], numbers["denominator"]
    if numerator is not None and denominator is not None and numerator > denominator:
        result.add(
            line, "numerator", f"numerator {numerator} is above the denominator {denominator}"
        )
    if len(result.problems) > before or period is None:
        return None
    return ObservationRow(
        line=line,
        metric=definition.key,
        period=period,
        disaggregation=disaggregation,
        count=numbers["count"],
        numerator=numerator,
        denominator=denominator,
        value=value,
    )


@lru_cache(maxsize=4096)
def _disaggregation_problem(definition: Definition, disaggregation: str) -> str:
    """What is wrong with a cell's name for a metric ("" when nothing is)."""
    dimension, category = split(disaggregation)
    if dimension not in DIMENSIONS:
        return f"unknown dimension '{dimension[:40]}'"
    if dimension not in definition.disaggregations:
        return f"{definition.key} is not broken down by {dimension}"
    if category not in DIMENSIONS[dimension]:
        return (
            f"'{category[:40]}' is not a {dimension} category ({', '.join(DIMENSIONS[dimension])})"
        )
    return ""


def _whole(result: ParsedUpload, line: int, column: str, text: str) -> int | None:
    if not text:
        return None
    if text.isdigit() and text.isascii() and len(text) < 16:  # the common case
        return int(text)
    if re.fullmatch(r"-\s*\d+", text):
        result.add(line, column, f"negative {column} {text}")
        return None
    if not text.isascii() or not text.isdigit():
        result.add(line, column, f"'{text[:20]}' is not a whole number")
        return None
    number = int(text)
    if number > MAX_COUNT:
        result.add(line, column, f"{column} is implausibly large")
        return None
    return number


def _decimal(result: ParsedUpload, line: int, text: str) -> Decimal | None:
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        result.add(line, "value", f"'{text[:20]}' is not a number")
        return None
    if not number.is_finite():
        result.add(line, "value", f"'{text[:20]}' is not a number")
        return None
    if number < 0:
        result.add(line, "value", f"negative value {text}")
        return None
    if number >= MAX_VALUE:
        result.add(line, "value", "value is implausibly large")
        return None
    return number.quantize(Decimal("0.0001"))


_ADDITIVE_FIELDS: dict[str, tuple[str, ...]] = {
    "COUNT": ("count",),
    "RATE": ("numerator", "denominator"),
    "DAYS": ("count",),
    "MONEY": ("count", "value"),
    "RATIO": (),
}


def _check_tables(result: ParsedUpload, definitions: Mapping[str, Definition]) -> None:
    """Each metric and period needs its total, and additive cells must add up to it."""
    tables: dict[tuple[str, date], list[ObservationRow]] = defaultdict(list)
    for row in result.rows:
        tables[row.metric, row.period].append(row)
    for (metric, period), rows in tables.items():
        definition = definitions[metric]
        total = next((r for r in rows if not r.disaggregation), None)
        if total is None:
            first = min(r.line for r in rows)
            result.add(
                first,
                "disaggregation",
                f"{metric} {period_label(period, definition.frequency)} "
                "has cells but no total row (leave disaggregation empty for the total)",
            )
            continue
        groups: dict[str, list[ObservationRow]] = defaultdict(list)
        for row in rows:
            if row.disaggregation:
                groups[split(row.disaggregation)[0]].append(row)
        for dimension, cells in groups.items():
            if dimension in definition.non_additive:
                continue
            for name in _ADDITIVE_FIELDS[definition.unit]:
                added = sum((getattr(c, name) or 0) for c in cells)
                expected = getattr(total, name) or 0
                if added != expected:
                    result.add(
                        min(c.line for c in cells),
                        name,
                        f"the {dimension} cells of {metric} "
                        f"{period_label(period, definition.frequency)} add up to {added} "
                        f"{name}, the total row (line {total.line}) has {expected}",
                    )


def template_csv(definitions: Iterable[Definition], *, office_slug: str, period: date) -> str:
    """A CSV to fill in: for each metric its total row and one row per cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for definition in definitions:
        if definition.derived:
            continue
        label = period_label(_period_start(period, definition.frequency), definition.frequency)
        names = [""] + [
            f"{dimension}={category}"
            for dimension in DIMENSIONS
            if dimension in definition.disaggregations
            for category in DIMENSIONS[dimension]
        ]
        for name in names:
            writer.writerow([office_slug, definition.key, label, name, "", "", "", ""])
    return out.getvalue()


def _period_start(day: date, frequency: str) -> date:
    if frequency == "QUARTERLY":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if frequency == "ANNUAL":
        return date(day.year, 1, 1)
    return date(day.year, day.month, 1)

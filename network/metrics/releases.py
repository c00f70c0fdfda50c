"""Computing what others may see of an office's figures: its releases.

A release is computed once per office, metric and period from the uploaded cells and
stored with its cells; nothing else ever reads observations for anyone outside the
office. A corrected upload computes a new version: the old cells stop being current,
and every released figure that changed is logged as a correction (before and after
as released, so a hidden cell stays hidden on both sides).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from network.changes import log as changes
from network.db import insert_rows
from network.metrics.dimensions import split
from network.metrics.models import (
    Correction,
    MetricDefinition,
    MetricUnit,
    Release,
    ReleaseCell,
)
from network.metrics.suppression import Decision, Reason, TableCell, suppress

UPLOAD = "metric_upload"  # the change recorded when an upload releases tables
RATE_PLACES = Decimal("0.000001")
RELEASE_COLUMNS = (
    "office_id",
    "metric_id",
    "period_start",
    "version",
    "method",
    "k",
    "epsilon",
    "upload_id",
    "created_at",
)
CELL_COLUMNS = (
    "release_id",
    "office_id",
    "metric_id",
    "period_start",
    "disaggregation",
    "value",
    "count",
    "numerator",
    "denominator",
    "flag",
    "current",
)


@dataclass(frozen=True)
class Cell:
    """One uploaded cell, as the engine needs it."""

    disaggregation: str
    count: int | None = None
    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None


@dataclass(frozen=True)
class ReleasedCell:
    disaggregation: str
    value: Decimal | None
    count: int | None
    numerator: int | None
    denominator: int | None
    flag: str  # a Reason, "unstable", or ""

    @property
    def hidden(self) -> bool:
        return self.flag not in ("", "unstable")

    def shown(self) -> dict[str, Any]:
        """The released figures, for the corrections log."""
        return {
            "value": None if self.value is None else f"{self.value.normalize():f}",
            "count": self.count,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "flag": self.flag,
        }


def compute_cells(
    definition: MetricDefinition, cells: Sequence[Cell], k: int
) -> list[ReleasedCell]:
    """The released cells of one table (see `metrics.suppression`)."""
    unit = MetricUnit(definition.unit)
    if unit is MetricUnit.RATIO:
        return [ReleasedCell(c.disaggregation, c.value, None, None, None, "") for c in cells]
    rate = unit is MetricUnit.RATE
    table = [TableCell(c.disaggregation, _counts(c, rate)) for c in cells]
    additive = frozenset(definition.disaggregations) - frozenset(definition.non_additive or ())
    decisions = suppress(table, k, rate=rate, additive=additive, base=1 if rate else 0)
    return [_released(c, decisions[c.disaggregation], rate) for c in cells]


def _counts(cell: Cell, rate: bool) -> tuple[int, ...]:
    if rate:
        numerator, denominator = cell.numerator or 0, cell.denominator or 0
        return (numerator, denominator, denominator - numerator)
    return (cell.count or 0,)


def _released(cell: Cell, decision: Decision, rate: bool) -> ReleasedCell:
    if not decision.released:
        reason = decision.reason or Reason.COMPLEMENTARY
        return ReleasedCell(cell.disaggregation, None, None, None, None, str(reason))
    flag = "unstable" if decision.unstable else ""
    if rate:
        value = None
        if cell.denominator:
            value = (Decimal(cell.numerator or 0) / Decimal(cell.denominator)).quantize(RATE_PLACES)
        return ReleasedCell(
            cell.disaggregation, value, None, cell.numerator, cell.denominator, flag
        )
    return ReleasedCell(cell.disaggregation, cell.value, cell.count, None, None, flag)


def relative_rates(base: Sequence[ReleasedCell], reference: str) -> list[ReleasedCell]:
    """A relative rate index from a rate's released race cells: each group's rate over
    the reference group's. Computed from released cells only, so it can reveal
    nothing the base release hides; the total row carries no index."""
    by_name = {c.disaggregation: c for c in base}
    ref = by_name.get(f"race_ethnicity={reference}")
    out = [ReleasedCell("", None, None, None, None, "")]
    for cell in base:
        dimension, _ = split(cell.disaggregation)
        if dimension != "race_ethnicity":
            continue
        if cell.hidden or ref is None or ref.hidden:
            out.append(
                ReleasedCell(
                    cell.disaggregation, None, None, None, None, str(Reason.SUPPRESSED_INPUT)
                )
            )
            continue
        value = None
        if cell.value is not None and ref.value:
            value = (cell.value / ref.value).quantize(RATE_PLACES)
        flag = "unstable" if "unstable" in (cell.flag, ref.flag) else ""
        out.append(ReleasedCell(cell.disaggregation, value, None, None, None, flag))
    return out


@dataclass(frozen=True)
class Table:
    """One computed table, ready to be stored."""

    definition: MetricDefinition
    period: date
    cells: Sequence[ReleasedCell]


async def store_releases(
    office_id: int,
    tables: Sequence[Table],
    *,
    k: int,
    upload_id: int,
    epsilons: dict[tuple[int, date], Decimal] | None = None,
) -> tuple[dict[tuple[int, date], int], int]:
    """Store a new version of every table that differs from its current release.

    Returns the new version per (metric id, period) and how many corrections were
    logged; `epsilons` holds the privacy spent on each noised table, if any. Runs
    inside the caller's transaction, in a fixed number of statements whatever the
    number of tables (an upload may close hundreds at once).
    """
    if not tables:
        return {}, 0
    current = await Release.filter(
        office_id=office_id,
        metric_id__in=sorted({t.definition.id for t in tables}),
        period_start__in=sorted({t.period for t in tables}),
        superseded_at=None,
    )
    by_table = {(r.metric_id, r.period_start): r for r in current}  # type: ignore[attr-defined]
    shown: dict[int, dict[str, ReleasedCell]] = defaultdict(dict)
    if current:
        # Plain rows: a re-upload of years of figures compares a hundred thousand cells.
        for release_id, name, value, count, numerator, denominator, flag in (
            await ReleaseCell.filter(release_id__in=[r.id for r in current]).values_list(
                "release_id", "disaggregation", "value", "count", "numerator", "denominator",
                "flag",
            )
        ):  # fmt: skip
            shown[release_id][name] = ReleasedCell(
                name,
                None if value is None else Decimal(value),
                count,
                numerator,
                denominator,
                flag,
            )
    changed = [
        t
        for t in tables
        if (old := by_table.get((t.definition.id, t.period))) is None
        or not _same(shown[old.id], t.cells)
    ]
    if not changed:
        return {}, 0
    replaced = [
        old.id for t in changed if (old := by_table.get((t.definition.id, t.period))) is not None
    ]
    if replaced:
        await Release.filter(id__in=replaced).update(superseded_at=datetime.now(UTC))
        await ReleaseCell.filter(release_id__in=replaced).update(current=False)
    versions: dict[tuple[int, date], int] = {}
    for t in changed:
        old = by_table.get((t.definition.id, t.period))
        versions[t.definition.id, t.period] = old.version + 1 if old else 1
    created = datetime.now(UTC)
    spent = epsilons or {}
    await insert_rows(
        Release,
        RELEASE_COLUMNS,
        (
            (
                office_id,
                t.definition.id,
                t.period,
                versions[t.definition.id, t.period],
                "suppression+laplace" if spent.get((t.definition.id, t.period)) else "suppression",
                k,
                spent.get((t.definition.id, t.period)) or None,
                upload_id,
                created,
            )
            for t in changed
        ),
    )
    ids = {
        (row["metric_id"], row["period_start"]): row["id"]
        for row in await Release.filter(upload_id=upload_id, superseded_at=None).values(
            "id", "metric_id", "period_start"
        )
    }
    await insert_rows(
        ReleaseCell,
        CELL_COLUMNS,
        (
            (
                ids[t.definition.id, t.period],
                office_id,
                t.definition.id,
                t.period,
                c.disaggregation,
                c.value,
                c.count,
                c.numerator,
                c.denominator,
                c.flag,
                True,
            )
            for t in changed
            for c in t.cells
        ),
    )
    logged: list[Correction] = []
    for t in changed:
        old = by_table.get((t.definition.id, t.period))
        if old is None:
            continue
        before, after = shown[old.id], {c.disaggregation: c for c in t.cells}
        for name in sorted(set(before) | set(after)):
            was, now = before.get(name), after.get(name)
            if was is not None and now is not None and was.shown() == now.shown():
                continue
            logged.append(
                Correction(
                    office_id=office_id,
                    metric_id=t.definition.id,
                    period_start=t.period,
                    disaggregation=name,
                    before=was.shown() if was else {},
                    after=now.shown() if now else {},
                )
            )
    await Correction.bulk_create(logged, batch_size=1000)
    await changes.record(UPLOAD, upload_id, 1, "released")
    return versions, len(logged)


def _same(before: dict[str, ReleasedCell], cells: Iterable[ReleasedCell]) -> bool:
    after = {c.disaggregation: c for c in cells}
    if set(before) != set(after):
        return False
    return all(before[name].shown() == after[name].shown() for name in after)

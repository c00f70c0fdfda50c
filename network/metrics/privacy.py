"""Differential privacy for released counts: optional, per network.

When a network sets an epsilon, every table an upload releases gets discrete Laplace
noise (OpenDP) on its counts, numerators and denominators after suppression has
decided what is hidden: the k promise holds exactly as without noise, and the noise
hides what suppression cannot (the difference between two close releases).

The unit protected is one case in one month. A case counts in the total and once in
every dimension that sums to it (in every category of one that does not), and in both
the numerator and denominator of a rate: that is a table's sensitivity, and the
noise scale is sensitivity / epsilon, so each released table costs the office
`epsilon` in every month it covers. Months are disjoint cohorts, so each has its own
budget; a month whose budget would be overspent refuses the whole upload. Releases are
stored and served again; a table is noised once, when its figures change, never again
for a reader, a re-upload of the same figures or a federated peer.

Medians, amounts and ratios keep suppression only (their case counts are noised): a
private median needs a different mechanism and is not offered.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from network.metrics.dimensions import split
from network.metrics.models import (
    Frequency,
    MetricDefinition,
    MetricUnit,
    PrivacySpend,
)
from network.metrics.releases import RATE_PLACES, ReleasedCell
from network.metrics.suppression import UNSTABLE_BELOW, Reason

EPSILON_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class PrivacyPolicy:
    """The network's choice: epsilon spent by each released table, and the budget of
    each office and month."""

    epsilon: Decimal
    budget: Decimal


def months_of(period: date, frequency: Frequency | str) -> list[date]:
    """The calendar months a period covers (each is charged)."""
    length = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}[
        Frequency(frequency)
    ]
    first = period.year * 12 + period.month - 1
    return [date((first + i) // 12, (first + i) % 12 + 1, 1) for i in range(length)]


def sensitivity(definition: MetricDefinition, cells: Iterable[ReleasedCell]) -> int:
    """How much one case can move the noised figures of a table, in L1."""
    unit = MetricUnit(definition.unit)
    if unit is MetricUnit.RATIO:
        return 0
    non_additive = frozenset(definition.non_additive or ())
    per_dimension: dict[str, int] = defaultdict(int)
    total = 0
    for cell in cells:
        dimension, _ = split(cell.disaggregation)
        if not dimension:
            total = 1
        else:
            per_dimension[dimension] += 1
    touched = total + sum(
        n if dimension in non_additive else 1 for dimension, n in per_dimension.items()
    )
    return touched * (2 if unit is MetricUnit.RATE else 1)


@lru_cache(maxsize=256)
def _mechanism(scale: float) -> Any:
    """An OpenDP discrete Laplace measurement on a vector of 64-bit counts."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    domain = dp.vector_domain(dp.atom_domain(T="i64"))
    return dp.m.make_laplace(domain, dp.l1_distance(T="i64"), scale=scale)


def cost(definition: MetricDefinition, cells: Sequence[ReleasedCell], epsilon: Decimal) -> Decimal:
    """Epsilon a table's release spends, as OpenDP accounts for its mechanism (hidden
    cells are not released, so they take no noise and add no sensitivity)."""
    delta = sensitivity(definition, [c for c in cells if not c.hidden])
    if delta == 0:
        return Decimal(0)
    measurement = _mechanism(delta / float(epsilon))
    return Decimal(str(measurement.map(delta))).quantize(EPSILON_PLACES)


def noised(
    definition: MetricDefinition, cells: Sequence[ReleasedCell], k: int, epsilon: Decimal
) -> list[ReleasedCell]:
    """The released cells with noise on every shown count. A noised count from 1 to
    k-1 is hidden as a small count (deciding on noised figures costs nothing more)."""
    unit = MetricUnit(definition.unit)
    shown = [c for c in cells if not c.hidden]
    delta = sensitivity(definition, shown)
    if delta == 0:
        return list(cells)
    rate = unit is MetricUnit.RATE
    exact: list[int] = []
    for c in shown:
        exact.extend((c.numerator or 0, c.denominator or 0) if rate else (c.count or 0,))
    noisy = iter(_mechanism(delta / float(epsilon))(exact))
    out: dict[str, ReleasedCell] = {}
    for c in shown:
        if rate:
            numerator, denominator = next(noisy), next(noisy)
            out[c.disaggregation] = _rate(c, numerator, denominator, k)
        else:
            out[c.disaggregation] = _count(c, max(next(noisy), 0), k)
    return [out.get(c.disaggregation, c) for c in cells]


def _rate(cell: ReleasedCell, numerator: int, denominator: int, k: int) -> ReleasedCell:
    denominator = max(denominator, 0)
    numerator = min(max(numerator, 0), denominator)
    for n, reason in (
        (numerator, Reason.SMALL_COUNT),
        (denominator, Reason.SMALL_DENOMINATOR),
        (denominator - numerator, Reason.SMALL_COMPLEMENT),
    ):
        if 0 < n < k:
            return replace(
                cell, value=None, count=None, numerator=None, denominator=None, flag=str(reason)
            )
    value = None
    if denominator:
        value = (Decimal(numerator) / Decimal(denominator)).quantize(RATE_PLACES)
    flag = "unstable" if 0 < denominator < UNSTABLE_BELOW else ""
    return replace(cell, value=value, numerator=numerator, denominator=denominator, flag=flag)


def _count(cell: ReleasedCell, count: int, k: int) -> ReleasedCell:
    if 0 < count < k:
        return replace(
            cell,
            value=None,
            count=None,
            numerator=None,
            denominator=None,
            flag=str(Reason.SMALL_COUNT),
        )
    flag = "unstable" if 0 < count < UNSTABLE_BELOW else ""
    return replace(cell, count=count, flag=flag)


async def spent(office_id: int, months: Iterable[date]) -> dict[date, Decimal]:
    """Epsilon already spent per month, from the ledger."""
    wanted = sorted(set(months))
    totals: dict[date, Decimal] = defaultdict(Decimal)
    if not wanted:
        return totals
    for row in await PrivacySpend.filter(office_id=office_id, month__in=wanted).values(
        "month", "epsilon"
    ):
        totals[row["month"]] += Decimal(row["epsilon"])
    return totals


async def charge(
    office_id: int,
    known: Mapping[str, MetricDefinition],
    tables: Mapping[tuple[str, date], Sequence[ReleasedCell]],
    policy: PrivacyPolicy,
) -> tuple[dict[tuple[str, date], Decimal], list[str]]:
    """What releasing `tables` (suppressed, not yet noised) would spend per table,
    and one message per month it would overspend (none: it may go ahead)."""
    spends = {key: cost(known[key[0]], cells, policy.epsilon) for key, cells in tables.items()}
    charges: dict[date, Decimal] = defaultdict(Decimal)
    for (metric_key, period), epsilon in spends.items():
        for month in months_of(period, known[metric_key].frequency):
            charges[month] += epsilon
    return spends, overspent(await spent(office_id, charges), charges, policy.budget)


def overspent(
    already: dict[date, Decimal], charges: dict[date, Decimal], budget: Decimal
) -> list[str]:
    """One message per month the charges would take past its budget."""
    messages = []
    for month in sorted(charges):
        used = already.get(month, Decimal(0))
        if used + charges[month] > budget:
            messages.append(
                f"the privacy budget of {month:%Y-%m} would be overspent: {_e(used)} of "
                f"{_e(budget)} used, this upload needs {_e(charges[month])} more"
            )
    return messages


def _e(value: Decimal) -> str:
    return f"{value.normalize():f}"

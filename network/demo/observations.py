"""The demo's monthly metric observations: totals, and the cells their definitions allow.

Every office reports every standard metric for ``MONTHS`` months. For the most recent
``BREAKDOWN_MONTHS`` months it also reports each disaggregation the metric's definition
allows (``MetricSpec.disaggregations``), one cell per category, with the labels the
benchmarks use. The cells are internally consistent, as real uploads must be:

- counts and money: the cells of each dimension add up to the total;
- rates: each cell has its own numerator and denominator, both add up to the total's,
  and every value is its numerator over its denominator (a cell with no cases has
  none: denominator 0 and no value);
- days (medians): each cell is a median of its group, so the total lies between the
  smallest and the largest cell;
- cases filed never exceed cases referred, in total or in any cell.

Small offices and rare events (juvenile transfers, exonerations, resentencing motions)
give small cells (1-10) and zeros, as real data does, so the disclosure engine has work
to do. Twelve months of cells keep the demo near 130,000 rows. Counts are whole
numbers; medians and amounts come with the number of cases they rest on.
"""

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from network.metrics.standard import MetricSpec

MONTHS = 36
FIRST_MONTH = date(2023, 1, 1)
BREAKDOWN_MONTHS = 12

Shares = tuple[tuple[str, float], ...]
CATEGORIES: dict[str, Shares] = {
    "severity": (("felony", 0.35), ("misdemeanor", 0.65)),
    "offense_category": (("violent", 0.2), ("property", 0.3), ("drug", 0.25), ("other", 0.25)),
    "race_ethnicity": (("black", 0.3), ("hispanic", 0.2), ("white", 0.42), ("other", 0.08)),
    "sex": (("female", 0.25), ("male", 0.75)),
    "age_band": (("under_25", 0.3), ("25_to_44", 0.5), ("45_plus", 0.2)),
}
# Metrics whose people differ from the usual mix. A zero share is a structural zero:
# a transferred juvenile is under 25; a felony conviction rate has no misdemeanors.
_SPECIAL: dict[tuple[str, str], Shares] = {
    ("felony_conviction_rate", "severity"): (("felony", 1.0), ("misdemeanor", 0.0)),
    ("juvenile_transfer_count", "age_band"): (
        ("under_25", 1.0), ("25_to_44", 0.0), ("45_plus", 0.0),
    ),
    ("juvenile_transfer_count", "sex"): (("female", 0.1), ("male", 0.9)),
    ("juvenile_transfer_count", "offense_category"): (
        ("violent", 0.7), ("property", 0.15), ("drug", 0.05), ("other", 0.1),
    ),
    ("resentencing_motions_filed", "age_band"): (
        ("under_25", 0.0), ("25_to_44", 0.35), ("45_plus", 0.65),
    ),
    ("exonerations", "offense_category"): (
        ("violent", 0.65), ("property", 0.1), ("drug", 0.15), ("other", 0.1),
    ),
    ("cannabis_possession_filings", "age_band"): (
        ("under_25", 0.55), ("25_to_44", 0.38), ("45_plus", 0.07),
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One cell as an office uploads it: exact counts, and a measured value for
    days, money and ratios (see `network.metrics.models.Observation`)."""

    month: int  # 0 .. MONTHS - 1
    disaggregation: str  # "" for the total, else "dimension=value"
    count: int | None
    numerator: int | None
    denominator: int | None
    value: float | None


Total = tuple[int | None, int | None, int | None, float | None]


def period(month: int) -> date:
    year, month0 = divmod(FIRST_MONTH.month - 1 + month, 12)
    return date(FIRST_MONTH.year + year, month0 + 1, 1)


def uploaded_at(month: int, rng: random.Random) -> datetime:
    """An office uploads a month's figures between the 8th and the 20th of the next."""
    start = datetime.combine(period(month + 1), datetime.min.time(), tzinfo=UTC)
    return start + timedelta(days=rng.randint(7, 19), minutes=rng.randrange(8 * 60, 18 * 60))


def shares(metric: str, dimension: str) -> Shares:
    return _SPECIAL.get((metric, dimension), CATEGORIES[dimension])


def apportion(total: int, weights: list[float], caps: list[int] | None = None) -> list[int]:
    """Whole numbers in proportion to ``weights`` that add up to ``total``, none above
    its cap (largest remainders; what a capped cell cannot take goes to the others)."""
    caps = caps if caps is not None else [total] * len(weights)
    alloc = [0] * len(weights)
    remaining = total
    while remaining > 0:
        open_ = [i for i, w in enumerate(weights) if w > 0 and alloc[i] < caps[i]]
        if not open_:
            open_ = [i for i in range(len(weights)) if alloc[i] < caps[i]]
            if not open_:
                break
        weight = sum(weights[i] for i in open_) or len(open_)
        quotas = [remaining * (weights[i] or 1) / weight for i in open_]
        floors = [math.floor(q) for q in quotas]
        order = sorted(range(len(open_)), key=lambda j: (floors[j] - quotas[j], j))
        for j in order[: remaining - sum(floors)]:
            floors[j] += 1
        for i, share in zip(open_, floors, strict=True):
            take = min(share, caps[i] - alloc[i])
            alloc[i] += take
            remaining -= take
    return alloc


def monthly_totals(spec: MetricSpec, population: int, rng: random.Random) -> list[Total]:
    """(count, numerator, denominator, value) per month: a level, a trend, seasonality.

    Medians and amounts come with the number of cases they rest on."""
    low, high = spec.typical
    level = rng.uniform(low, high)
    trend = rng.uniform(-0.15, 0.15) / MONTHS
    scale = population / 500_000
    rows: list[Total] = []
    for month in range(MONTHS):
        season = 1 + 0.06 * math.sin(2 * math.pi * month / 12)
        noise = rng.gauss(1, 0.05)
        factor = (1 + trend * month) * season * noise
        if spec.unit == "RATE":
            rate = min(max(level * (1 + trend * month) * noise, 0.0), 1.0)
            denominator = max(round(400 * scale * season * rng.gauss(1, 0.08)), 1)
            rows.append((None, round(rate * denominator), denominator, None))
        elif spec.unit == "COUNT":
            rows.append((max(round(level * scale * factor), 0), None, None, None))
        elif spec.unit == "MONEY":
            cases = max(round(90 * scale * season * rng.gauss(1, 0.08)), 1)
            rows.append((cases, None, None, max(round(level * scale * factor), 0)))
        elif spec.unit == "DAYS":
            cases = max(round(300 * scale * season * rng.gauss(1, 0.08)), 1)
            rows.append((cases, None, None, round(level * factor, 1)))
        else:
            rows.append((None, None, None, round(level * factor, 2)))
    return rows


class OfficeSeries:
    """One office's observations of every metric, generated metric by metric."""

    def __init__(self, population: int, rng: random.Random) -> None:
        self.population = population
        self.rng = rng
        self.referred: dict[str, list[int]] = {}  # cells (and "") of cases_referred per month
        self.filing_share = rng.uniform(0.55, 0.8)

    def rows(self, spec: MetricSpec) -> Iterator[Row]:
        totals = monthly_totals(spec, self.population, self.rng)
        if spec.key == "cases_filed" and self.referred:
            totals = [
                (round(referred * self.filing_share * self.rng.gauss(1, 0.03)), None, None, None)
                for referred in self.referred[""]
            ]
        dims = [d for d in spec.disaggregations if d in CATEGORIES]
        # A group's lean is the office's own and lasts: its cells keep their proportions.
        leans = {
            (d, label): self.rng.uniform(0.8, 1.25)
            for d in dims
            for label, _ in shares(spec.key, d)
        }
        for month, total in enumerate(totals):
            yield Row(month, "", *total)
            if spec.key == "cases_referred" and total[0] is not None:
                self.referred.setdefault("", []).append(total[0])
            if month < MONTHS - BREAKDOWN_MONTHS:
                continue
            for dim in dims:
                yield from self._cells(spec, dim, month, leans, total)

    def _cells(
        self,
        spec: MetricSpec,
        dim: str,
        month: int,
        leans: dict[tuple[str, str], float],
        total: Total,
    ) -> Iterator[Row]:
        gauss = self.rng.gauss
        labels = [label for label, _ in shares(spec.key, dim)]
        mix = [share * leans[dim, label] for label, share in shares(spec.key, dim)]
        weights = [w * max(gauss(1, 0.06), 0.5) for w in mix]
        names = [f"{dim}={label}" for label in labels]
        count, numerator, denominator, value = total
        if spec.unit == "RATE" and numerator is not None and denominator is not None:
            dens = apportion(denominator, weights)
            lean = [leans[dim, label] for label in labels]
            nums = apportion(numerator, [d * r for d, r in zip(dens, lean, strict=True)], dens)
            for name, num, den in zip(names, nums, dens, strict=True):
                yield Row(month, name, None, num, den, None)
        elif spec.unit == "COUNT" and count is not None:
            key = f"{dim}:{month}"
            caps = None
            if spec.key == "cases_filed" and key in self.referred:
                caps = self.referred[key]
            cells = apportion(count, weights, caps)
            if spec.key == "cases_referred":
                self.referred[key] = cells
            for name, cell in zip(names, cells, strict=True):
                yield Row(month, name, cell, None, None, None)
        elif spec.unit == "MONEY" and count is not None and value is not None:
            cases = apportion(count, weights)
            amounts = apportion(int(value), [c * gauss(1, 0.1) for c in cases], None)
            for name, case, amount in zip(names, cases, amounts, strict=True):
                yield Row(month, name, case, None, None, float(amount))
        elif spec.unit == "DAYS" and count is not None and value is not None:
            cases = apportion(count, weights)
            medians = [
                round(value * leans[dim, label] * gauss(1, 0.04), 1) if case > 0 else None
                for (label, _), case in zip(shares(spec.key, dim), cases, strict=True)
            ]
            known = [m for m in medians if m is not None]
            if known and min(known) > value:  # a median of the whole lies between its
                medians[medians.index(min(known))] = round(value * 0.97, 1)  # groups'
            elif known and max(known) < value:
                medians[medians.index(max(known))] = round(value * 1.03, 1)
            for name, case, median in zip(names, cases, medians, strict=True):
                yield Row(month, name, case, None, None, median)

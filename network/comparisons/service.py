"""One metric over a period range for a peer group: each office's released values
under the label its attribution allows, peer medians and quartiles, ranks, trends,
and the policies each office tagged as meant to move the metric.

Who is shown and counted is decided here, for the GraphQL API and the CSV export
alike:

- an office that shares its figures by name is shown by name;
- a pseudonymous or generalized office is shown under its pseudonym or its generalized
  description only in groups drawn by region and size band (the description the
  network already discloses for it), and only when at least `generalized_k` offices
  share that description; a group drawn by state, kind or chosen offices leaves it out
  entirely (not shown, not counted), or a pseudonym would be tied to its state;
- the caller's own office is always shown to the caller, by name, and counted only
  where it would be counted for anyone else;
- peer statistics need at least `generalized_k` released values in a period.
"""

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

import numpy as np
from tortoise.expressions import Q
from tortoise.functions import Count

from network.access.principal import Principal
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.metrics.models import LocalDefinition, MetricDefinition, MetricUnit, ReleaseCell
from network.offices.bands import generalized_label
from network.offices.models import Attribution, Office, OfficeKind, Region, SizeBand
from network.publications.access import visible_q
from network.publications.models import Publication, PublicationKind, PublicationMetric

MAX_MONTHS = 120
SUMMARY_MONTHS = 12  # before/after a policy: up to a year on each side


@dataclass(frozen=True)
class PeerGroup:
    size_bands: tuple[SizeBand, ...] = ()
    regions: tuple[Region, ...] = ()
    states: tuple[str, ...] = ()
    kinds: tuple[OfficeKind, ...] = ()
    offices: tuple[str, ...] = ()  # slugs

    @property
    def coarse(self) -> bool:
        """Drawn by region and size band only: what a generalized label discloses."""
        return not (self.states or self.kinds or self.offices)


@dataclass(frozen=True)
class ComparisonRequest:
    metric: str
    start: date  # first period
    end: date  # last period, included
    disaggregation: str = ""
    group: PeerGroup = PeerGroup()


@dataclass(slots=True)
class Point:
    """One released cell of a series (slots, not frozen: a national comparison
    builds over a hundred thousand, and a frozen dataclass costs five times more)."""

    period: date
    value: Decimal | None
    count: int | None
    numerator: int | None
    denominator: int | None
    flag: str
    rank: int | None = None  # the caller's own series only


@dataclass(frozen=True)
class TaggedPolicy:
    publication_id: int
    origin_instance: str
    origin_id: str
    title: str
    effective_date: date
    before_mean: float | None
    after_mean: float | None
    before_periods: int
    after_periods: int


@dataclass
class Series:
    office_id: int
    label: str
    attribution: Attribution
    own: bool
    counted: bool
    local_definition: str = ""
    trend_per_year: float | None = None
    policies: list[TaggedPolicy] = field(default_factory=list)
    # Points are built from the comparison's columns when first read: a national
    # comparison holds over a hundred thousand, and most readers want a few series.
    _points: list[Point] | None = field(default=None, repr=False)
    _source: Callable[[], list[Point]] | None = field(default=None, repr=False)

    @property
    def points(self) -> list[Point]:
        if self._points is None:
            self._points = self._source() if self._source is not None else []
        return self._points


@dataclass
class _Columns:
    """A comparison's released cells, one column list per period (how PostgreSQL
    hands them over fastest: arrays, not a row per cell)."""

    periods: list[date] = field(default_factory=list)
    offices: list[Sequence[int]] = field(default_factory=list)
    values: list[Sequence[Decimal | None]] = field(default_factory=list)
    counts: list[Sequence[int | None]] = field(default_factory=list)
    numerators: list[Sequence[int | None]] = field(default_factory=list)
    denominators: list[Sequence[int | None]] = field(default_factory=list)
    flags: list[Sequence[str]] = field(default_factory=list)
    numbers: list[Sequence[float]] = field(default_factory=list)  # NaN where none

    def points(self, rows: np.ndarray, ranks: dict[int, int] | None = None) -> list[Point]:
        """One series' points: `rows` holds its row in each period's column, or -1."""
        out = []
        for p in np.flatnonzero(rows >= 0).tolist():
            r = int(rows[p])
            out.append(
                Point(
                    self.periods[p],
                    self.values[p][r],
                    self.counts[p][r],
                    self.numerators[p][r],
                    self.denominators[p][r],
                    self.flags[p][r],
                    None if ranks is None else ranks.get(p),
                )
            )
        return out


@dataclass(frozen=True)
class PeerStat:
    period: date
    offices: int  # released values in the period
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None


@dataclass
class Comparison:
    metric: MetricDefinition
    request: ComparisonRequest
    minimum_offices: int
    series: list[Series] = field(default_factory=list)
    peers: list[PeerStat] = field(default_factory=list)
    peer_trend_per_year: float | None = None


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def point_value(unit: MetricUnit, point: Point) -> float | None:
    """The number a comparison ranks and summarises: the count of a count metric,
    otherwise the released value (a rate's share, days, money, a ratio)."""
    if unit is MetricUnit.COUNT:
        return None if point.count is None else float(point.count)
    return None if point.value is None else float(point.value)


async def compare(
    principal: Principal, request: ComparisonRequest, *, generalized_k: int
) -> Comparison:
    if not (principal.reads_as_member or principal.is_convener or principal.is_system):
        raise PermissionDenied("Comparisons are for members of the network and its conveners.")
    metric = await MetricDefinition.get_or_none(key=request.metric)
    if metric is None:
        raise NotFound(f"No metric '{request.metric[:80]}'.", field="metric")
    if request.end < request.start:
        raise InvalidInput("The range ends before it starts.", field="to")
    if months_between(request.start, request.end) > MAX_MONTHS:
        raise InvalidInput(f"At most {MAX_MONTHS} months at once.", field="to")
    if request.disaggregation:
        dimension = request.disaggregation.partition("=")[0]
        if dimension not in (metric.disaggregations or ()):
            raise InvalidInput(
                f"{metric.key} is not broken down by '{dimension[:40]}'.", field="disaggregation"
            )
    unit = MetricUnit(metric.unit)
    result = Comparison(metric, request, generalized_k)
    series = await _series(principal, request.group, generalized_k)
    if not series:
        return result
    columns = await _cells(metric.id, [s.office_id for s in series], request, unit)
    # The numbers statistics read, as a period x series matrix (NaN where nothing
    # is released), and each series' row in each period's column.
    position = {s.office_id: j for j, s in enumerate(series)}
    shape = (len(columns.periods), len(series))
    numbers = np.full(shape, np.nan)
    rows = np.full(shape, -1, dtype=np.int64)
    for p, offices in enumerate(columns.offices):
        at = [position[o] for o in offices]
        numbers[p, at] = columns.numbers[p]
        rows[p, at] = np.arange(len(at))
    counted = np.array([s.counted for s in series], dtype=bool)
    _peers(result, columns.periods, numbers[:, counted])
    lower_is_better = str(metric.desired_direction) == "DOWN"
    slopes = _slopes(columns.periods, numbers)
    for j, s in enumerate(series):
        s.trend_per_year = slopes[j]
        ranks = (
            _ranks(numbers[:, counted], numbers[:, j], lower_is_better)
            if s.own and s.counted
            else None
        )
        s._source = partial(columns.points, rows[:, j], ranks)
    # Notes and tagged policies are few per metric: read them by metric and keep
    # the group's (an IN list of thousands of offices costs more than the rows).
    by_office = {s.office_id: s for s in series}
    for office_id, note in await LocalDefinition.filter(metric_id=metric.id).values_list(
        "office_id", "note"
    ):
        if office_id in by_office:
            by_office[office_id].local_definition = note
    result.peer_trend_per_year = _trend([(p.period, p.median) for p in result.peers])
    await _policies(principal, metric, series, unit)
    result.series = sorted(series, key=lambda s: (not s.own, s.label.casefold()))
    return result


async def _cells(
    metric_id: int, offices: list[int], request: ComparisonRequest, unit: MetricUnit
) -> _Columns:
    """The current released cells of a comparison as columns per period, in one
    statement (on PostgreSQL aggregated into arrays: a national comparison reads
    over a hundred thousand cells, and a row each costs twice the time)."""
    client = ReleaseCell._meta.db
    number = "count" if unit is MetricUnit.COUNT else "value"
    where = "metric_id = {} AND period_start >= {} AND period_start <= {} AND disaggregation = {}"
    columns = _Columns()
    if client.capabilities.dialect == "postgres":
        # The office ids are written into the statement (they are integers from our
        # own rows): as a parameter, the plan PostgreSQL caches after five runs
        # cannot hash the list and tests every row against every office (~7x slower).
        chosen = "{" + ",".join(str(int(o)) for o in offices) + "}"
        sql = (
            "SELECT period_start, array_agg(office_id), array_agg(value), array_agg(count), "
            "array_agg(numerator), array_agg(denominator), array_agg(flag), "
            f"array_agg(coalesce({number}::float8, 'NaN')) "
            "FROM metric_release_cell WHERE "
            + where.format("$1", "$2", "$3", "$4")
            + f" AND current AND office_id = ANY('{chosen}'::int[]) GROUP BY period_start"
            " ORDER BY period_start"
        )
        params: list[Any] = [metric_id, request.start, request.end, request.disaggregation]
        _, found = await client.execute_query(sql, params)
        for period, *lists in found:
            columns.periods.append(period)
            for target, values in zip(_targets(columns), lists, strict=True):
                target.append(values)
        return columns
    marks = ", ".join("?" for _ in offices)
    sql = (
        "SELECT period_start, office_id, value, count, numerator, denominator, flag "
        "FROM metric_release_cell WHERE "
        + where.format("?", "?", "?", "?")
        + f" AND current = 1 AND office_id IN ({marks}) ORDER BY period_start"
    )
    params = [
        metric_id, request.start.isoformat(), request.end.isoformat(), request.disaggregation,
        *offices,
    ]  # fmt: skip
    _, found = await client.execute_query(sql, params)
    of_count = unit is MetricUnit.COUNT
    last = None
    for period, office_id, value, count, numerator, denominator, flag in found:
        if period != last:
            columns.periods.append(date.fromisoformat(period))
            for target in _targets(columns):
                target.append([])
            last = period
        value = None if value is None else Decimal(value)
        known = count if of_count else value
        figure = math.nan if known is None else float(known)
        cells = (office_id, value, count, numerator, denominator, flag, figure)
        for target, cell in zip(_targets(columns), cells, strict=True):
            target[-1].append(cell)
    return columns


def _targets(columns: _Columns) -> tuple[list[Any], ...]:
    return (
        columns.offices,
        columns.values,
        columns.counts,
        columns.numerators,
        columns.denominators,
        columns.flags,
        columns.numbers,
    )


async def _series(principal: Principal, group: PeerGroup, generalized_k: int) -> list[Series]:
    query = Office.filter(origin_instance="")
    if group.size_bands:
        query = query.filter(size_band__in=list(group.size_bands))
    if group.regions:
        query = query.filter(region__in=list(group.regions))
    if group.states:
        query = query.filter(state__in=[s.upper() for s in group.states])
    if group.kinds:
        query = query.filter(kind__in=list(group.kinds))
    if group.offices:
        query = query.filter(slug__in=list(group.offices))
    # Plain rows: a national group has thousands of offices.
    offices = await query.order_by("id").values_list(
        "id", "slug", "name", "pseudonym", "default_attribution", "region", "size_band"
    )
    if group.offices:
        found = {row[1] for row in offices}
        missing = [s for s in group.offices if s not in found]
        if missing:
            raise NotFound(f"No office '{missing[0][:80]}'.", field="offices")
    lookalikes: dict[tuple[str, str], int] = {
        (str(region), str(size_band)): n
        for region, size_band, n in await Office.filter(origin_instance="")
        .annotate(n=Count("id"))
        .group_by("region", "size_band")
        .values_list("region", "size_band", "n")
    }
    out: list[Series] = []
    for office_id, _, name, pseudonym, default_attribution, region, size_band in offices:
        own = principal.reads_own_office(office_id)
        attribution = Attribution(default_attribution)
        counted = True
        if attribution is Attribution.NAMED:
            label = name
        elif not group.coarse:
            counted = False
            label = name
        elif attribution is Attribution.PSEUDONYMOUS:
            label = pseudonym
            counted = lookalikes.get((str(region), str(size_band)), 0) >= generalized_k
        else:
            label = generalized_label(SizeBand(size_band), Region(region))
            counted = lookalikes.get((str(region), str(size_band)), 0) >= generalized_k
        if not counted and not own:
            continue
        if own:
            label, attribution = name, Attribution.NAMED
        out.append(Series(office_id, label, attribution, own, counted))
    return out


def _peers(result: Comparison, periods: list[date], counted: np.ndarray) -> None:
    """Median and quartiles of the counted offices' released values per period,
    where at least `minimum_offices` have one."""
    for p, period in enumerate(periods):
        found = counted[p][~np.isnan(counted[p])]
        if len(found) < result.minimum_offices:
            result.peers.append(PeerStat(period, len(found), None, None, None))
            continue
        q1, median, q3 = np.percentile(found, [25, 50, 75]).tolist()
        result.peers.append(PeerStat(period, len(found), median, q1, q3))


def _ranks(counted: np.ndarray, own: np.ndarray, lower_is_better: bool) -> dict[int, int]:
    """The caller's rank among the counted offices in each period it has a value (1
    is the best by the metric's desired direction; the highest value for a neutral
    one). NaN compares false, so offices without a value never rank above."""
    ranks = {}
    for p in np.flatnonzero(~np.isnan(own)).tolist():
        row = counted[p]
        better = row < own[p] if lower_is_better else row > own[p]
        ranks[p] = int(np.count_nonzero(better)) + 1
    return ranks


def _slopes(periods: list[date], numbers: np.ndarray) -> list[float | None]:
    """Least-squares slope per year of every series (a column of `numbers`) over
    its released values; None with fewer than three."""
    if not periods:
        return [None] * numbers.shape[1]
    x = np.array([d.year * 12 + d.month for d in periods], dtype=float)[:, None]
    known = ~np.isnan(numbers)
    n = known.sum(axis=0)
    safe = np.maximum(n, 1)
    y = np.where(known, numbers, 0.0)
    mean_x = np.where(known, x, 0.0).sum(axis=0) / safe
    mean_y = y.sum(axis=0) / safe
    dx = np.where(known, x - mean_x, 0.0)
    sxx = (dx * dx).sum(axis=0)
    sxy = (dx * (y - mean_y)).sum(axis=0)
    return [
        float(sxy[j] / sxx[j] * 12) if n[j] >= 3 and sxx[j] > 0 else None
        for j in range(numbers.shape[1])
    ]


def _trend(points: Sequence[tuple[date, float | None]]) -> float | None:
    """Least-squares slope per year over the released values (at least three)."""
    known = [(d, v) for d, v in points if v is not None]
    if not known:
        return None
    numbers = np.array([[v] for _, v in known], dtype=float)
    return _slopes([d for d, _ in known], numbers)[0]


async def _policies(
    principal: Principal, metric: MetricDefinition, series: Sequence[Series], unit: MetricUnit
) -> None:
    """Tagged policies on each series, where the policy names its office the same way
    the series does (a policy published by name never marks a pseudonymous series)."""
    by_office = {s.office_id: s for s in series}
    linked = PublicationMetric.filter(metric_id=metric.id).values_list("publication_id", flat=True)
    policies = await Publication.filter(
        Q(visible_q(principal)),
        id__in=await linked,
        kind=PublicationKind.POLICY,
        effective_date__isnull=False,
    ).order_by("effective_date", "id")
    for policy in policies:
        s = by_office.get(policy.office_id)  # type: ignore[attr-defined]
        if s is None:
            continue
        if not s.own and policy.attribution_label != s.label:
            continue
        effective: date = policy.effective_date  # type: ignore[assignment]
        start = effective.year * 12 + effective.month
        before = [
            v
            for p in s.points
            if (v := point_value(unit, p)) is not None
            and start - SUMMARY_MONTHS <= p.period.year * 12 + p.period.month < start
        ]
        after = [
            v
            for p in s.points
            if (v := point_value(unit, p)) is not None
            and start <= p.period.year * 12 + p.period.month < start + SUMMARY_MONTHS
        ]
        s.policies.append(
            TaggedPolicy(
                publication_id=policy.id,
                origin_instance=policy.origin_instance,
                origin_id=policy.origin_id,
                title=policy.title,
                effective_date=effective,
                before_mean=statistics.fmean(before) if before else None,
                after_mean=statistics.fmean(after) if after else None,
                before_periods=len(before),
                after_periods=len(after),
            )
        )

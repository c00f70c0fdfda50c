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

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from tortoise.expressions import Q

from network.access.principal import Principal
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.metrics.models import LocalDefinition, MetricDefinition, MetricUnit, ReleaseCell
from network.offices.bands import describe_generalized
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


@dataclass(frozen=True)
class Point:
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
    points: list[Point] = field(default_factory=list)
    trend_per_year: float | None = None
    policies: list[TaggedPolicy] = field(default_factory=list)


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
    by_office = {s.office_id: s for s in series}
    for office_id, period, value, count, numerator, denominator, flag in await _cells(
        metric.id, list(by_office), request
    ):
        by_office[office_id].points.append(
            Point(period, value, count, numerator, denominator, flag)
        )
    notes = await LocalDefinition.filter(metric_id=metric.id, office_id__in=list(by_office))
    for note in notes:
        by_office[note.office_id].local_definition = note.note  # type: ignore[attr-defined]
    _peers(result, series, unit)
    _ranks(series, unit, metric)
    for s in series:
        s.trend_per_year = _trend([(p.period, point_value(unit, p)) for p in s.points])
    result.peer_trend_per_year = _trend([(p.period, p.median) for p in result.peers])
    await _policies(principal, metric, series, unit)
    result.series = sorted(series, key=lambda s: (not s.own, s.label.casefold()))
    return result


async def _cells(
    metric_id: int, offices: list[int], request: ComparisonRequest
) -> list[tuple[int, date, Decimal | None, int | None, int | None, int | None, str]]:
    """The current released cells of a comparison, in period order: one statement,
    rows read as plain tuples (a national comparison reads over a hundred thousand,
    where building ORM rows would cost more than the query)."""
    client = ReleaseCell._meta.db
    columns = "office_id, period_start, value, count, numerator, denominator, flag"
    where = "metric_id = {} AND period_start >= {} AND period_start <= {} AND disaggregation = {}"
    if client.capabilities.dialect == "postgres":
        sql = (
            f"SELECT {columns} FROM metric_release_cell WHERE "
            + where.format("$1", "$2", "$3", "$4")
            + " AND current AND office_id = ANY($5::int[]) ORDER BY period_start"
        )
        params: list[Any] = [metric_id, request.start, request.end, request.disaggregation, offices]
        _, rows = await client.execute_query(sql, params)
        return [tuple(r) for r in rows]
    marks = ", ".join("?" for _ in offices)
    sql = (
        f"SELECT {columns} FROM metric_release_cell WHERE "
        + where.format("?", "?", "?", "?")
        + f" AND current = 1 AND office_id IN ({marks}) ORDER BY period_start"
    )
    params = [
        metric_id, request.start.isoformat(), request.end.isoformat(), request.disaggregation,
        *offices,
    ]  # fmt: skip
    _, rows = await client.execute_query(sql, params)
    return [
        (o, date.fromisoformat(p), None if v is None else Decimal(v), c, n, d, f)
        for o, p, v, c, n, d, f in rows
    ]


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
    offices = await query.order_by("id")
    if group.offices:
        found = {o.slug for o in offices}
        missing = [s for s in group.offices if s not in found]
        if missing:
            raise NotFound(f"No office '{missing[0][:80]}'.", field="offices")
    lookalikes: dict[tuple[str, str], int] = defaultdict(int)
    for office in await Office.filter(origin_instance="").only("region", "size_band"):
        lookalikes[str(office.region), str(office.size_band)] += 1
    out: list[Series] = []
    for office in offices:
        own = principal.reads_own_office(office.id)
        attribution = Attribution(office.default_attribution)
        counted = True
        if attribution is Attribution.NAMED:
            label = office.name
        elif not group.coarse:
            counted = False
            label = office.name
        elif attribution is Attribution.PSEUDONYMOUS:
            label = office.pseudonym
            counted = lookalikes[str(office.region), str(office.size_band)] >= generalized_k
        else:
            label = describe_generalized(office)
            counted = lookalikes[str(office.region), str(office.size_band)] >= generalized_k
        if not counted and not own:
            continue
        if own:
            label, attribution = office.name, Attribution.NAMED
        out.append(Series(office.id, label, attribution, own, counted))
    return out


def _peers(result: Comparison, series: Sequence[Series], unit: MetricUnit) -> None:
    values: dict[date, list[float]] = defaultdict(list)
    for s in series:
        if not s.counted:
            continue
        for p in s.points:
            v = point_value(unit, p)
            if v is not None:
                values[p.period].append(v)
    periods = sorted({p.period for s in series for p in s.points})
    for period in periods:
        found = values.get(period, [])
        if len(found) < result.minimum_offices:
            result.peers.append(PeerStat(period, len(found), None, None, None))
            continue
        q1, median, q3 = statistics.quantiles(found, n=4, method="inclusive")
        result.peers.append(PeerStat(period, len(found), median, q1, q3))


def _ranks(series: Sequence[Series], unit: MetricUnit, metric: MetricDefinition) -> None:
    """The caller's rank among the counted offices in each period (1 is the best
    by the metric's desired direction; the highest value for a neutral one)."""
    own = [s for s in series if s.own]
    if not own:
        return
    lower_is_better = str(metric.desired_direction) == "DOWN"
    values: dict[date, list[float]] = defaultdict(list)
    for s in series:
        if s.counted:
            for p in s.points:
                v = point_value(unit, p)
                if v is not None:
                    values[p.period].append(v)
    for s in own:
        ranked: list[Point] = []
        for p in s.points:
            v = point_value(unit, p)
            rank = None
            if v is not None and s.counted:
                better = [x for x in values[p.period] if (x < v if lower_is_better else x > v)]
                rank = len(better) + 1
            ranked.append(replace(p, rank=rank))
        s.points = ranked


def _trend(points: Sequence[tuple[date, float | None]]) -> float | None:
    """Least-squares slope per year over the released values (at least three)."""
    known = [(d.year * 12 + d.month, v) for d, v in points if v is not None]
    if len(known) < 3 or len({x for x, _ in known}) < 3:
        return None
    slope, _ = statistics.linear_regression([x for x, _ in known], [v for _, v in known])
    return slope * 12


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
        office_id__in=list(by_office),
        effective_date__isnull=False,
    ).order_by("effective_date", "id")
    for policy in policies:
        s = by_office[policy.office_id]  # type: ignore[attr-defined]
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

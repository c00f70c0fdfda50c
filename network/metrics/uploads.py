"""Uploading an office's figures: validate everything, then store all or nothing.

An accepted upload replaces the office's cells of every metric and period it holds
and closes those periods: their releases are computed in the same transaction, so
there is never a period whose raw figures changed but whose release did not. A dry
run validates and computes what would be released, and stores nothing.
"""

import asyncio
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from network.access.principal import Principal
from network.audit import service as audit
from network.db import insert_rows
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.metrics import privacy
from network.metrics.models import MetricDefinition, Observation, PrivacySpend, Release, Upload
from network.metrics.privacy import PrivacyPolicy
from network.metrics.releases import (
    Cell,
    ReleasedCell,
    Table,
    compute_cells,
    relative_rates,
    store_releases,
)
from network.metrics.uploadfile import (
    Definition,
    ObservationRow,
    Problem,
    parse_upload,
    period_label,
    template_csv,
)
from network.offices.models import Office
from network.settings import Settings
from network.transactions import atomic

OBSERVATION_COLUMNS = (
    "office_id",
    "metric_id",
    "upload_id",
    "period_start",
    "disaggregation",
    "count",
    "numerator",
    "denominator",
    "value",
    "created_at",
)


@dataclass(frozen=True)
class ReleasePolicy:
    """The network's disclosure settings."""

    k: int = 11
    max_bytes: int = 32 * 1024 * 1024
    privacy: PrivacyPolicy | None = None

    @classmethod
    def of(cls, settings: Settings) -> "ReleasePolicy":
        noise = None
        if settings.dp_epsilon is not None and settings.dp_budget is not None:
            noise = PrivacyPolicy(settings.dp_epsilon, settings.dp_budget)
        return cls(settings.suppression_k, settings.max_metrics_upload_bytes, noise)


@dataclass(frozen=True)
class TableReport:
    metric: str
    period: str
    cells: tuple[ReleasedCell, ...]
    version: int | None = None  # None on a dry run or when nothing changed


@dataclass
class UploadReport:
    dry_run: bool
    problems: list[Problem] = field(default_factory=list)
    truncated: bool = False
    rows: int = 0
    tables: list[TableReport] = field(default_factory=list)
    corrections: int = 0
    upload_id: int | None = None
    # With differential privacy: epsilon this upload spends (or would, on a dry run),
    # and the tables left as released because their figures did not change.
    privacy_spent: Decimal | None = None
    unchanged: int = 0

    @property
    def valid(self) -> bool:
        return not self.problems


async def definitions() -> dict[str, MetricDefinition]:
    return {d.key: d for d in await MetricDefinition.all()}


def validation_view(metric: MetricDefinition) -> Definition:
    return Definition(
        key=metric.key,
        unit=str(metric.unit),
        frequency=str(metric.frequency),
        disaggregations=frozenset(metric.disaggregations or ()),
        non_additive=frozenset(metric.non_additive or ()),
        derived=bool(metric.derived_from),
    )


async def template(keys: list[str] | None, *, office_slug: str, period: date) -> str:
    """The CSV template for `keys` (every uploadable metric when None)."""
    known = await definitions()
    unknown = [k for k in keys or () if k not in known]
    if unknown:
        raise InvalidInput(f"Unknown metric: {', '.join(unknown)}.", field="metrics")
    chosen = [known[k] for k in keys] if keys else list(known.values())
    return template_csv(
        [validation_view(m) for m in chosen], office_slug=office_slug, period=period
    )


async def upload_observations(
    principal: Principal,
    office_id: int,
    data: bytes,
    *,
    policy: ReleasePolicy,
    today: date,
    filename: str = "",
    dry_run: bool = False,
) -> UploadReport:
    """Validate `data`; unless it is a dry run or invalid, store it and release it."""
    if not principal.may_upload_metrics_for(office_id):
        raise PermissionDenied(
            "Only the office's admins and its metrics clients upload its figures."
        )
    office = await Office.get_or_none(id=office_id)
    if office is None:
        raise NotFound("No such office.", field="office")
    if office.origin_instance:
        raise PermissionDenied("Offices of a peer instance report their figures there.")
    report = UploadReport(dry_run=dry_run)
    if len(data) > policy.max_bytes:
        report.problems.append(
            Problem(
                0, 0, f"the file is {len(data):,} bytes; at most {policy.max_bytes:,} are accepted"
            )
        )
        return report
    known = await definitions()
    parsed = parse_upload(
        data,
        {k: validation_view(m) for k, m in known.items()},
        office_slug=office.slug,
        today=today,
    )
    report.problems, report.truncated, report.rows = (
        parsed.problems,
        parsed.truncated,
        len(parsed.rows),
    )
    if not parsed.valid:
        return report
    tables: dict[tuple[str, date], list[ObservationRow]] = defaultdict(list)
    for row in parsed.rows:
        tables[row.metric, row.period].append(row)

    # The tables to release: all of them, or under differential privacy those whose
    # figures changed (the others keep their release, noised once).
    releasing = dict(tables)

    def suppressed() -> dict[tuple[str, date], list[ReleasedCell]]:
        return {
            key: compute_cells(known[key[0]], [_cell(r) for r in rows], policy.k)
            for key, rows in sorted(releasing.items())
        }

    def release_all() -> dict[tuple[str, date], list[ReleasedCell]]:
        computed = suppressed()
        computed.update(_derived(known, computed))
        return computed

    spends: dict[tuple[str, date], Decimal] = {}
    computed: dict[tuple[str, date], list[ReleasedCell]] | None = None
    if policy.privacy is not None:
        unchanged = await _unchanged(office_id, known, tables)
        for key in unchanged:
            del releasing[key]
        report.unchanged = len(unchanged)
        computed = suppressed()
        spends, messages = await privacy.charge(office_id, known, computed, policy.privacy)
        report.privacy_spent = sum(spends.values(), Decimal(0))
        report.problems = [Problem(0, 0, message) for message in messages]
        if report.problems:
            return report
        if not dry_run:
            computed = {
                key: privacy.noised(known[key[0]], cells, policy.k, policy.privacy.epsilon)
                for key, cells in computed.items()
            }
        computed.update(_derived(known, computed))
    if dry_run:
        computed = release_all() if computed is None else computed
        report.tables = [
            TableReport(m, period_label(p, str(known[m].frequency)), tuple(cells))
            for (m, p), cells in computed.items()
        ]
        return report
    async with atomic():
        upload = await Upload.create(
            office_id=office_id,
            actor=principal.label,
            filename=filename[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            rows=len(parsed.rows),
        )
        by_metric: dict[int, list[date]] = defaultdict(list)
        for metric_key, period in tables:
            by_metric[known[metric_key].id].append(period)
        for metric_id, periods in by_metric.items():
            await Observation.filter(
                office_id=office_id, metric_id=metric_id, period_start__in=periods
            ).delete()
        now = datetime.now(UTC)
        copying = insert_rows(
            Observation,
            OBSERVATION_COLUMNS,
            (
                (
                    office_id,
                    known[r.metric].id,
                    upload.id,
                    r.period,
                    r.disaggregation,
                    r.count,
                    r.numerator,
                    r.denominator,
                    r.value,
                    now,
                )
                for r in parsed.rows
            ),
        )
        if computed is None:
            # The database writes the observations while this process computes the
            # releases (in a thread: the event loop keeps feeding the copy).
            copied, released = await asyncio.gather(
                copying, asyncio.to_thread(release_all), return_exceptions=True
            )
            if isinstance(copied, BaseException):
                raise copied
            if isinstance(released, BaseException):
                raise released
            computed = released
        else:
            await copying
        versions, report.corrections = await store_releases(
            office_id,
            [Table(known[m], p, cells) for (m, p), cells in computed.items()],
            k=policy.k,
            upload_id=upload.id,
            epsilons={(known[m].id, p): e for (m, p), e in spends.items()},
        )
        if spends:
            await _record_spends(office_id, upload.id, known, spends)
        for (metric_key, period), cells in computed.items():
            definition = known[metric_key]
            report.tables.append(
                TableReport(
                    metric_key,
                    period_label(period, str(definition.frequency)),
                    tuple(cells),
                    versions.get((definition.id, period)),
                )
            )
        await audit.record(
            principal,
            "metrics.upload",
            target_type="metric_upload",
            target_id=upload.id,
            office_id=office_id,
            detail={
                "rows": str(len(parsed.rows)),
                "tables": str(len(computed)),
                "corrections": str(report.corrections),
                **(
                    {"epsilon": f"{report.privacy_spent.normalize():f}"}
                    if report.privacy_spent is not None
                    else {}
                ),
            },
        )
        report.upload_id = upload.id
    return report


async def _unchanged(
    office_id: int,
    known: dict[str, MetricDefinition],
    tables: dict[tuple[str, date], list[ObservationRow]],
) -> set[tuple[str, date]]:
    """Tables whose uploaded figures equal the stored ones and that have a current
    release: under differential privacy they are not released (nor noised) again."""
    keys = {known[m].id: m for m, _ in tables}
    periods = sorted({p for _, p in tables})
    released = {
        (keys[metric_id], period)
        for metric_id, period in await Release.filter(
            office_id=office_id, metric_id__in=list(keys), period_start__in=periods,
            superseded_at=None,
        ).values_list("metric_id", "period_start")
    }  # fmt: skip
    stored: dict[tuple[str, date], set[tuple[object, ...]]] = defaultdict(set)
    for metric_id, period, name, count, numerator, denominator, value in await Observation.filter(
        office_id=office_id, metric_id__in=list(keys), period_start__in=periods
    ).values_list(
        "metric_id", "period_start", "disaggregation", "count", "numerator", "denominator", "value"
    ):
        stored[keys[metric_id], period].add(
            (name, count, numerator, denominator, None if value is None else Decimal(str(value)))
        )
    return {
        key
        for key, rows in tables.items()
        if key in released
        and stored.get(key)
        == {(r.disaggregation, r.count, r.numerator, r.denominator, r.value) for r in rows}
    }


async def _record_spends(
    office_id: int,
    upload_id: int,
    known: dict[str, MetricDefinition],
    spends: dict[tuple[str, date], Decimal],
) -> None:
    """The ledger entries of an upload: each released table's epsilon, in every month
    it covers."""
    releases = {
        (row["metric_id"], row["period_start"]): row["id"]
        for row in await Release.filter(upload_id=upload_id, superseded_at=None).values(
            "id", "metric_id", "period_start"
        )
    }
    await PrivacySpend.bulk_create(
        [
            PrivacySpend(
                office_id=office_id,
                month=month,
                metric_id=known[metric_key].id,
                release_id=releases.get((known[metric_key].id, period)),
                epsilon=epsilon,
            )
            for (metric_key, period), epsilon in spends.items()
            if epsilon
            for month in privacy.months_of(period, known[metric_key].frequency)
        ],
        batch_size=1000,
    )


def _cell(row: ObservationRow) -> Cell:
    return Cell(row.disaggregation, row.count, row.numerator, row.denominator, row.value)


def _derived(
    known: dict[str, MetricDefinition],
    computed: dict[tuple[str, date], list[ReleasedCell]],
) -> dict[tuple[str, date], list[ReleasedCell]]:
    """Relative rate indices of every base table released here."""
    out: dict[tuple[str, date], list[ReleasedCell]] = {}
    for definition in known.values():
        if not definition.derived_from:
            continue
        for (metric_key, period), cells in computed.items():
            if metric_key == definition.derived_from and any(
                c.disaggregation.startswith("race_ethnicity=") for c in cells
            ):
                out[definition.key, period] = relative_rates(cells, definition.reference or "white")
    return out

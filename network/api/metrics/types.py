"""Types of uploads, releases and comparisons (thin views of the services' results)."""

from datetime import date
from decimal import Decimal

import strawberry
from strawberry.file_uploads import Upload
from strawberry.relay import to_base64

from network.api.core.enums import (
    AttributionEnum,
    DirectionEnum,
    FrequencyEnum,
    MetricUnitEnum,
    OfficeKindEnum,
    RegionEnum,
    SizeBandEnum,
)
from network.api.core.ids import publication_node_id
from network.api.core.payload import UserError
from network.comparisons import service as comparisons
from network.metrics.releases import ReleasedCell
from network.metrics.uploads import TableReport, UploadReport


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@strawberry.type(name="MetricCell", description="A released cell, or why it is hidden.")
class MetricCellType:
    disaggregation: str = strawberry.field(description='"" for the total, else dimension=category')
    value: float | None = strawberry.field(
        description="A rate's share, days, money or a ratio; null when hidden."
    )
    count: int | None
    numerator: int | None
    denominator: int | None
    flag: str = strawberry.field(
        description="The reason a cell is hidden (small_count, small_denominator, "
        "small_complement, complementary, suppressed_input), 'unstable' for a shown cell "
        "resting on fewer than 20 people, or empty."
    )
    hidden: bool

    @classmethod
    def of(cls, cell: ReleasedCell) -> "MetricCellType":
        return cls(
            disaggregation=cell.disaggregation,
            value=_float(cell.value),
            count=cell.count,
            numerator=cell.numerator,
            denominator=cell.denominator,
            flag=cell.flag,
            hidden=cell.hidden,
        )


@strawberry.type(name="MetricTable")
class MetricTableType:
    metric: str
    period: str
    version: int | None = strawberry.field(
        description="The release version stored; null on a dry run or when nothing changed."
    )
    cells: list[MetricCellType]

    @classmethod
    def of(cls, table: TableReport) -> "MetricTableType":
        return cls(
            metric=table.metric,
            period=table.period,
            version=table.version,
            cells=[MetricCellType.of(c) for c in table.cells],
        )


@strawberry.type
class UploadProblem:
    line: int
    column: int
    message: str


@strawberry.type
class UploadMetricsPayload:
    valid: bool
    dry_run: bool
    rows: int
    problems: list[UploadProblem]
    truncated: bool = strawberry.field(description="More problems exist than are listed.")
    tables: list[MetricTableType]
    corrections: int
    privacy_spent: float | None = strawberry.field(
        description="Where the network adds differential privacy: the epsilon this upload "
        "spent (would spend, on a dry run) from the office's monthly budgets."
    )
    unchanged_tables: int = strawberry.field(
        description="Tables whose figures did not change and stay as released (only "
        "counted where the network adds differential privacy)."
    )
    errors: list[UserError]

    @classmethod
    def of(cls, report: UploadReport | None, errors: list[UserError]) -> "UploadMetricsPayload":
        if report is None:
            return cls(
                valid=False, dry_run=False, rows=0, problems=[], truncated=False, tables=[],
                corrections=0, privacy_spent=None, unchanged_tables=0, errors=errors,
            )  # fmt: skip
        return cls(
            valid=report.valid,
            dry_run=report.dry_run,
            rows=report.rows,
            problems=[UploadProblem(line=p.line, column=p.column, message=p.message)
                      for p in report.problems],
            truncated=report.truncated,
            tables=[MetricTableType.of(t) for t in report.tables],
            corrections=report.corrections,
            privacy_spent=_float(report.privacy_spent),
            unchanged_tables=report.unchanged,
            errors=errors,
        )  # fmt: skip


@strawberry.input
class UploadMetricsInput:
    file: Upload = strawberry.field(description="A CSV laid out as `network metrics template`.")
    office_slug: str | None = strawberry.field(
        default=None, description="Defaults to the caller's office."
    )
    dry_run: bool = strawberry.field(
        default=False, description="Validate and show the release; store nothing."
    )


@strawberry.input
class MetricComparisonInput:
    metric: str
    from_period: str = strawberry.field(name="from", description="YYYY-MM")
    to_period: str = strawberry.field(name="to", description="YYYY-MM")
    disaggregation: str = strawberry.field(
        default="", description='"" for the total, else dimension=category'
    )
    size_bands: list[SizeBandEnum] | None = None  # type: ignore[valid-type]
    regions: list[RegionEnum] | None = None  # type: ignore[valid-type]
    states: list[str] | None = None
    kinds: list[OfficeKindEnum] | None = None  # type: ignore[valid-type]
    offices: list[str] | None = strawberry.field(default=None, description="Office slugs.")


@strawberry.type(name="MetricPoint")
class MetricPointType:
    period: date
    value: float | None
    count: int | None
    numerator: int | None
    denominator: int | None
    flag: str
    rank: int | None = strawberry.field(
        description="Your office's rank among the counted offices (1 is best); yours only."
    )


@strawberry.type(name="TaggedPolicy")
class TaggedPolicyType:
    id: strawberry.ID
    title: str
    effective_date: date
    before_mean: float | None = strawberry.field(description="Up to 12 periods before.")
    after_mean: float | None = strawberry.field(description="Up to 12 periods from it on.")
    before_periods: int
    after_periods: int


@strawberry.type(name="MetricSeries")
class MetricSeriesType:
    label: str = strawberry.field(description="The office as its attribution allows.")
    attribution: AttributionEnum  # type: ignore[valid-type]
    own: bool = strawberry.field(description="Your own office (always shown to you).")
    counted: bool = strawberry.field(description="Included in the peer statistics.")
    local_definition: str = strawberry.field(
        description="How the office's counting differs from the definition."
    )
    trend_per_year: float | None
    points: list[MetricPointType]
    policies: list[TaggedPolicyType]


@strawberry.type(name="PeerStatistics")
class PeerStatType:
    period: date
    offices: int
    median: float | None = strawberry.field(description="Null below the minimum of offices.")
    lower_quartile: float | None
    upper_quartile: float | None


@strawberry.type(name="MetricComparison")
class MetricComparisonType:
    metric: str
    unit: MetricUnitEnum  # type: ignore[valid-type]
    frequency: FrequencyEnum  # type: ignore[valid-type]
    desired_direction: DirectionEnum  # type: ignore[valid-type]
    disaggregation: str
    minimum_offices: int = strawberry.field(
        description="Released values a period needs before peer statistics are shown."
    )
    series_count: int = strawberry.field(description="Offices shown in the comparison.")
    peers: list[PeerStatType]
    peer_trend_per_year: float | None
    found: strawberry.Private[comparisons.Comparison]

    @strawberry.field(
        description="The offices' series, yours first, then by label: `first` of them "
        "(at most the instance's page size) after skipping `offset`. Peer statistics "
        "cover every office of the group, whichever page is read."
    )
    def series(
        self, info: strawberry.Info, first: int = 20, offset: int = 0
    ) -> list[MetricSeriesType]:
        first = max(1, min(first, info.context.settings.max_page_size))
        offset = max(0, offset)
        return [_series(s) for s in self.found.series[offset : offset + first]]

    @classmethod
    def of(cls, found: comparisons.Comparison) -> "MetricComparisonType":
        metric = found.metric
        return cls(
            metric=metric.key,
            unit=metric.unit,
            frequency=metric.frequency,
            desired_direction=metric.desired_direction,
            disaggregation=found.request.disaggregation,
            minimum_offices=found.minimum_offices,
            series_count=len(found.series),
            peers=[
                PeerStatType(
                    period=p.period,
                    offices=p.offices,
                    median=p.median,
                    lower_quartile=p.lower_quartile,
                    upper_quartile=p.upper_quartile,
                )
                for p in found.peers
            ],
            peer_trend_per_year=found.peer_trend_per_year,
            found=found,
        )


def _series(s: comparisons.Series) -> MetricSeriesType:
    return MetricSeriesType(
        label=s.label,
        attribution=s.attribution,
        own=s.own,
        counted=s.counted,
        local_definition=s.local_definition,
        trend_per_year=s.trend_per_year,
        points=[
            MetricPointType(
                period=p.period,
                value=_float(p.value),
                count=p.count,
                numerator=p.numerator,
                denominator=p.denominator,
                flag=p.flag,
                rank=p.rank,
            )
            for p in s.points
        ],
        policies=[
            TaggedPolicyType(
                id=strawberry.ID(
                    to_base64("Policy", publication_node_id(t.origin_instance, t.origin_id))
                ),
                title=t.title,
                effective_date=t.effective_date,
                before_mean=t.before_mean,
                after_mean=t.after_mean,
                before_periods=t.before_periods,
                after_periods=t.after_periods,
            )
            for t in s.policies
        ],
    )


@strawberry.type(name="MetricCorrection")
class MetricCorrectionType:
    office: str = strawberry.field(description="The office as its attribution allows.")
    metric: str
    period: str
    disaggregation: str
    before: MetricCellType | None
    after: MetricCellType | None
    at: str

"""Mutations: uploading figures (multipart), local definition notes, network metrics."""

from datetime import UTC, datetime

import strawberry

from network.api.core.enums import DirectionEnum, FrequencyEnum, MetricUnitEnum
from network.api.core.files import uploaded_file
from network.api.core.payload import UserError, attempt
from network.api.metrics.types import UploadMetricsInput, UploadMetricsPayload
from network.api.publications.writes import acting_office
from network.metrics import registry, uploads
from network.metrics.models import Direction, Frequency, MetricUnit


@strawberry.input
class DefineMetricInput:
    key: str
    name: str
    unit: MetricUnitEnum  # type: ignore[valid-type]
    description: str = ""
    numerator: str = ""
    denominator: str = ""
    exclusions: str = ""
    frequency: FrequencyEnum = Frequency.MONTHLY  # type: ignore[valid-type]
    desired_direction: DirectionEnum = Direction.NEUTRAL  # type: ignore[valid-type]
    rationale: str = ""
    counting_unit: str = ""
    disaggregations: list[str] = strawberry.field(default_factory=list)
    non_additive: list[str] = strawberry.field(default_factory=list)
    companions: list[str] = strawberry.field(default_factory=list)


@strawberry.type
class MetricKeyPayload:
    key: str | None
    errors: list[UserError]


@strawberry.type
class MetricsMutation:
    @strawberry.mutation(
        description="Upload a CSV of your office's figures (graphql-multipart-request): "
        "every problem by line and column; when valid and not a dry run, stored and "
        "released in one transaction, with the release's cells in the answer."
    )
    async def upload_metrics(
        self, info: strawberry.Info, input: UploadMetricsInput
    ) -> UploadMetricsPayload:
        principal = info.context.principal
        settings = info.context.settings

        async def work() -> uploads.UploadReport:
            upload = uploaded_file(input.file)
            office = await acting_office(principal, input.office_slug)
            return await uploads.upload_observations(
                principal,
                office.id,
                upload.data,
                policy=uploads.ReleasePolicy.of(settings),
                today=datetime.now(UTC).date(),
                filename=upload.filename,
                dry_run=input.dry_run,
            )

        report, errors = await attempt(work)
        return UploadMetricsPayload.of(report, errors)

    @strawberry.mutation(
        description="Say how your office's counting differs from a definition (empty removes)."
    )
    async def set_local_definition(
        self, info: strawberry.Info, metric: str, note: str, office_slug: str | None = None
    ) -> MetricKeyPayload:
        principal = info.context.principal

        async def work() -> str:
            office = await acting_office(principal, office_slug)
            await registry.set_local_definition(principal, office.id, metric, note)
            return metric

        key, errors = await attempt(work)
        return MetricKeyPayload(key=key, errors=errors)

    @strawberry.mutation(description="Add a metric of this network's own (network admins).")
    async def define_metric(
        self, info: strawberry.Info, input: DefineMetricInput
    ) -> MetricKeyPayload:
        async def work() -> str:
            metric = await registry.define_metric(
                info.context.principal,
                registry.NewMetric(
                    key=input.key,
                    name=input.name,
                    unit=MetricUnit(input.unit),
                    description=input.description,
                    numerator=input.numerator,
                    denominator=input.denominator,
                    exclusions=input.exclusions,
                    frequency=Frequency(input.frequency),
                    desired_direction=Direction(input.desired_direction),
                    rationale=input.rationale,
                    counting_unit=input.counting_unit,
                    disaggregations=tuple(input.disaggregations),
                    non_additive=tuple(input.non_additive),
                    companions=tuple(input.companions),
                ),
            )
            return metric.key

        key, errors = await attempt(work)
        return MetricKeyPayload(key=key, errors=errors)

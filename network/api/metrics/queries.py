"""Root fields: comparisons across offices and the corrections log."""

from datetime import date

import strawberry

from network.api.metrics.types import (
    MetricCellType,
    MetricComparisonInput,
    MetricComparisonType,
    MetricCorrectionType,
)
from network.comparisons import corrections as corrections_log
from network.comparisons import service as comparisons
from network.errors import InvalidInput
from network.metrics.releases import ReleasedCell
from network.metrics.uploadfile import period_label


def parse_month(text: str, field: str) -> date:
    """A `YYYY-MM` month (a period of any frequency starts in one)."""
    try:
        year, month = text.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(text)
        return date(int(year), int(month), 1)
    except ValueError:
        raise InvalidInput(f"'{text[:20]}' is not a month: write YYYY-MM.", field=field) from None


def comparison_request(input: MetricComparisonInput) -> comparisons.ComparisonRequest:
    return comparisons.ComparisonRequest(
        metric=input.metric,
        start=parse_month(input.from_period, "from"),
        end=parse_month(input.to_period, "to"),
        disaggregation=input.disaggregation,
        group=comparisons.PeerGroup(
            size_bands=tuple(input.size_bands or ()),
            regions=tuple(input.regions or ()),
            states=tuple(input.states or ()),
            kinds=tuple(input.kinds or ()),
            offices=tuple(input.offices or ()),
        ),
    )


def _cell(disaggregation: str, shown: dict) -> MetricCellType | None:
    if not shown:
        return None
    value = shown.get("value")
    cell = ReleasedCell(
        disaggregation,
        None,
        shown.get("count"),
        shown.get("numerator"),
        shown.get("denominator"),
        shown.get("flag", ""),
    )
    typed = MetricCellType.of(cell)
    typed.value = None if value is None else float(value)
    return typed


@strawberry.type
class MetricsQuery:
    @strawberry.field(
        description="One metric over a range of periods for offices or a peer group: "
        "released values under each office's attribution, peer medians and quartiles "
        "(null below `minimumOffices`), your rank, trends and tagged policies. Reads "
        "releases only; hidden cells stay hidden."
    )
    async def metric_comparison(
        self, info: strawberry.Info, input: MetricComparisonInput
    ) -> MetricComparisonType:
        found = await comparisons.compare(
            info.context.principal,
            comparison_request(input),
            generalized_k=info.context.settings.generalized_k,
        )
        return MetricComparisonType.of(found)

    @strawberry.field(description="Released figures that a later upload corrected.")
    async def metric_corrections(
        self,
        info: strawberry.Info,
        metric: str | None = None,
        office_slug: str | None = None,
        first: int = 50,
    ) -> list[MetricCorrectionType]:
        entries = await corrections_log.corrections(
            info.context.principal, metric=metric, office_slug=office_slug, first=first
        )
        return [
            MetricCorrectionType(
                office=e.office,
                metric=e.metric,
                period=period_label(e.period, e.frequency),
                disaggregation=e.disaggregation,
                before=_cell(e.disaggregation, e.before),
                after=_cell(e.disaggregation, e.after),
                at=e.at.isoformat(),
            )
            for e in entries
        ]

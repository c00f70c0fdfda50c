"""The CSV export of a comparison: the same releases, labels and rules as the GraphQL
comparison (it is built from `service.compare`), one row per office and period.

Columns: metric,unit,office,period,disaggregation,value,numerator,denominator,flag.
`value` is a count metric's count or the released value; `numerator`/`denominator`
are a rate's; for a median or an amount `denominator` holds the cases it rests on.
A hidden cell has an empty value and its reason in `flag`. Text that a spreadsheet
would run as a formula is prefixed with an apostrophe.
"""

import csv
import io

from network.access.principal import Principal
from network.audit import service as audit
from network.comparisons.service import Comparison, ComparisonRequest, compare
from network.metrics.models import MetricUnit
from network.metrics.uploadfile import period_label

HEADER = (
    "metric",
    "unit",
    "office",
    "period",
    "disaggregation",
    "value",
    "numerator",
    "denominator",
    "flag",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: object) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f") if hasattr(value, "normalize") else str(value)


def to_csv(comparison: Comparison) -> str:
    metric = comparison.metric
    unit = MetricUnit(metric.unit)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for series in comparison.series:
        for point in series.points:
            value = point.count if unit is MetricUnit.COUNT else point.value
            base = point.count if unit in (MetricUnit.DAYS, MetricUnit.MONEY) else None
            writer.writerow(
                [
                    metric.key,
                    str(unit),
                    neutralise(series.label),
                    period_label(point.period, str(metric.frequency)),
                    neutralise(comparison.request.disaggregation),
                    _number(value),
                    _number(point.numerator),
                    _number(point.denominator if base is None else base),
                    point.flag,
                ]
            )
    return out.getvalue()


async def export_csv(
    principal: Principal, request: ComparisonRequest, *, generalized_k: int
) -> str:
    """The comparison as CSV; every export is audited."""
    comparison = await compare(principal, request, generalized_k=generalized_k)
    text = to_csv(comparison)
    await audit.record(
        principal,
        "metrics.export",
        target_type="metric",
        target_id=comparison.metric.key,
        office_id=principal.office_id,
        detail={
            "from": request.start.isoformat(),
            "to": request.end.isoformat(),
            "offices": str(len(comparison.series)),
            "disaggregation": request.disaggregation,
        },
    )
    return text

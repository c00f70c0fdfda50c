"""The corrections log readers see: released figures a later upload changed.

Each entry names its office as the office's attribution allows (its name, its
pseudonym or its generalized description); filtering by office is for offices that
share by name and for the caller's own, or the filter would tie a pseudonym to a name.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from network.access.principal import Principal
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.metrics.models import Correction, MetricDefinition
from network.offices.bands import describe_generalized
from network.offices.models import Attribution, Office

MAX_ENTRIES = 200


@dataclass(frozen=True)
class CorrectionEntry:
    office: str
    metric: str
    frequency: str
    period: date
    disaggregation: str
    before: dict[str, Any]
    after: dict[str, Any]
    at: datetime


def office_label(principal: Principal, office: Office) -> str:
    if principal.reads_own_office(office.id):
        return office.name
    attribution = Attribution(office.default_attribution)
    if attribution is Attribution.NAMED:
        return office.name
    if attribution is Attribution.PSEUDONYMOUS:
        return office.pseudonym
    return describe_generalized(office)


async def corrections(
    principal: Principal,
    *,
    metric: str | None = None,
    office_slug: str | None = None,
    first: int = 50,
) -> list[CorrectionEntry]:
    if not (principal.reads_as_member or principal.is_convener or principal.is_system):
        raise PermissionDenied("The corrections log is for members of the network.")
    if not 0 < first <= MAX_ENTRIES:
        raise InvalidInput(f"Ask for 1 to {MAX_ENTRIES} entries.", field="first")
    query = Correction.all()
    if metric is not None:
        found = await MetricDefinition.get_or_none(key=metric)
        if found is None:
            raise NotFound(f"No metric '{metric[:80]}'.", field="metric")
        query = query.filter(metric_id=found.id)
    if office_slug is not None:
        office = await Office.get_or_none(slug=office_slug)
        shares_name = office is not None and (
            office.default_attribution == Attribution.NAMED or principal.reads_own_office(office.id)
        )
        if office is None or not shares_name:
            raise NotFound("No office that shares its figures by name has that slug.",
                           field="officeSlug")  # fmt: skip
        query = query.filter(office_id=office.id)
    rows = await query.order_by("-created_at", "-id").limit(first)
    offices = {o.id: o for o in await Office.filter(id__in={r.office_id for r in rows})}  # type: ignore[attr-defined]
    metrics = {
        m.id: m
        for m in await MetricDefinition.filter(id__in={r.metric_id for r in rows})  # type: ignore[attr-defined]
    }
    return [
        CorrectionEntry(
            office=office_label(principal, offices[r.office_id]),  # type: ignore[attr-defined]
            metric=metrics[r.metric_id].key,  # type: ignore[attr-defined]
            frequency=str(metrics[r.metric_id].frequency),  # type: ignore[attr-defined]
            period=r.period_start,
            disaggregation=r.disaggregation,
            before=r.before,
            after=r.after,
            at=r.created_at,
        )
        for r in rows
    ]

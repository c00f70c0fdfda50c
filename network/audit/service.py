"""Recording audit events. Callers pass ids and labels, never secrets or tokens."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q

from network.access.principal import Principal
from network.audit.models import AuditEvent
from network.errors import PermissionDenied
from network.pagination import Page, newest_first

CURSOR_KIND = "audit"


async def record(
    principal: Principal,
    action: str,
    *,
    target_type: str = "",
    target_id: str | int = "",
    office_id: int | None = None,
    outcome: str = "success",
    detail: dict[str, Any] | None = None,
    ip: str = "",
    request_id: str = "",
) -> AuditEvent:
    return await AuditEvent.create(
        action=action,
        outcome=outcome,
        actor_member_id=principal.member_id,
        actor_label=principal.label,
        office_id=office_id if office_id is not None else principal.office_id,
        target_type=target_type,
        target_id=str(target_id),
        detail=detail or {},
        ip=ip,
        request_id=request_id,
    )


@dataclass(frozen=True)
class AuditFilter:
    actions: tuple[str, ...] = ()
    office_id: int | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _events_q(principal: Principal, spec: AuditFilter) -> Q:
    """Network admins read every event; office admins their office's; nobody else."""
    q = Q()
    if principal.is_system or principal.is_network_admin:
        if spec.office_id is not None:
            q &= Q(office_id=spec.office_id)
    elif principal.is_office_admin:
        if spec.office_id is not None and spec.office_id != principal.office_id:
            raise PermissionDenied("Office admins read their own office's audit log only.")
        q &= Q(office_id=principal.office_id)
    else:
        raise PermissionDenied("Only admins read the audit log.")
    if spec.actions:
        q &= Q(action__in=list(spec.actions))
    if spec.outcome:
        q &= Q(outcome=spec.outcome)
    if spec.since:
        q &= Q(occurred_at__gte=spec.since)
    if spec.until:
        q &= Q(occurred_at__lt=spec.until)
    return q


async def list_events(
    principal: Principal,
    spec: AuditFilter,
    *,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[AuditEvent]:
    """Newest first."""
    return await newest_first(
        AuditEvent.filter(_events_q(principal, spec)),
        kind=CURSOR_KIND,
        first=first,
        after=after,
        max_page_size=max_page_size,
    )


async def count_events(principal: Principal, spec: AuditFilter) -> int:
    return await AuditEvent.filter(_events_q(principal, spec)).count()

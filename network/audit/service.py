"""Recording audit events. Callers pass ids and labels, never secrets or tokens."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q

from network.audit.models import AuditEvent
from network.auth.principal import Principal, PrincipalKind
from network.errors import PermissionDenied
from network.offices.models import OfficeRole
from network.pagination import Page, check_page_size, decode_cursor, encode_cursor

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


async def list_events(
    principal: Principal,
    spec: AuditFilter,
    *,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[AuditEvent]:
    """Newest first. Network admins read every event; office admins their office's."""
    q = Q()
    if principal.is_system or principal.is_network_admin:
        if spec.office_id is not None:
            q &= Q(office_id=spec.office_id)
    elif (
        principal.kind is PrincipalKind.MEMBER and principal.office_role is OfficeRole.OFFICE_ADMIN
    ):
        if spec.office_id is not None and spec.office_id != principal.office_id:
            raise PermissionDenied("Office admins read their own office's audit log only.")
        q &= Q(office_id=principal.office_id)
    else:
        raise PermissionDenied("Only admins read the audit log.")
    size = check_page_size(first, max_page_size)
    position = decode_cursor(CURSOR_KIND, after)
    if spec.actions:
        q &= Q(action__in=list(spec.actions))
    if spec.outcome:
        q &= Q(outcome=spec.outcome)
    if spec.since:
        q &= Q(occurred_at__gte=spec.since)
    if spec.until:
        q &= Q(occurred_at__lt=spec.until)
    if position is not None:
        q &= Q(id__lt=position)
    rows = await AuditEvent.filter(q).order_by("-id").limit(size + 1)
    items = rows[:size]
    return Page(
        items=items,
        cursors=[encode_cursor(CURSOR_KIND, e.id) for e in items],
        has_next_page=len(rows) > size,
        has_previous_page=position is not None,
    )

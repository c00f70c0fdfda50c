"""Recording audit events. Callers pass ids and labels, never secrets or tokens."""

from typing import Any

from network.audit.models import AuditEvent
from network.auth.principal import Principal


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

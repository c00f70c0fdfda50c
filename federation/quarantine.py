"""Entries that were not applied, and what admins do with them.

Retrying opens the stored envelope again (the peer's keys are read again if its kid
is still unknown) and applies it as a sync would; if it now applies, or turns out
stale or a duplicate, it leaves the quarantine. Discarding keeps the entry, marked,
so what was refused stays on record. Both are audited.
"""

from datetime import UTC, datetime

import httpx
from tortoise.functions import Count

from federation import apply, sync
from federation.models import Peer, Quarantined, QuarantineState
from network.access.principal import Principal
from network.audit import service as audit
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.settings import Settings
from network.transactions import atomic

MAX_LIST = 200


def _require_admin(principal: Principal) -> None:
    if not (principal.is_system or principal.is_network_admin):
        raise PermissionDenied("Only network admins see and handle quarantined entries.")


async def list_quarantined(
    principal: Principal, *, state: QuarantineState = QuarantineState.OPEN, peer: str = "",
    limit: int = 50,
) -> list[Quarantined]:  # fmt: skip
    _require_admin(principal)
    if not 1 <= limit <= MAX_LIST:
        raise InvalidInput(f"first must be 1 to {MAX_LIST}.", field="first")
    query = Quarantined.filter(state=state)
    if peer:
        query = query.filter(peer=peer)
    return await query.order_by("peer", "seq").limit(limit)


async def open_counts() -> dict[str, int]:
    """Open entries per peer (peers without any are left out), in one query."""
    rows = await (
        Quarantined.filter(state=QuarantineState.OPEN)
        .annotate(n=Count("id"))
        .group_by("peer")
        .values_list("peer", "n")
    )
    return {str(peer): int(n) for peer, n in rows}


async def _open_row(quarantine_id: int) -> Quarantined:
    row = await Quarantined.get_or_none(id=quarantine_id)
    if row is None:
        raise NotFound("No such quarantined entry.")
    if row.state != QuarantineState.OPEN:
        raise Conflict("This entry was discarded.")
    return row


async def retry(
    principal: Principal, settings: Settings, http: httpx.AsyncClient, quarantine_id: int
) -> tuple[bool, Quarantined]:
    """(True, row) when the entry left the quarantine; (False, row with the new
    reason) when it was refused again."""
    _require_admin(principal)
    row = await _open_row(quarantine_id)
    peer = await Peer.get_or_none(instance_id=row.peer)
    if peer is None:
        raise Conflict("The peer that served this entry was removed; discard it.")
    verifier = sync.Verifier(settings, peer, http)
    try:
        opened = await sync.open_entry(settings, verifier, row.seq, row.envelope)
    except sync.KeysPending as pending:
        raise Conflict(f"{pending} Retry in {pending.retry_after:.0f} seconds.") from None
    refusal = opened.refusal
    outcome = ""
    async with atomic():
        if refusal is None and not opened.own:
            source = apply.Source(via=peer.instance_id, names=verifier.names)
            (result,) = await apply.apply_page([opened.entry], source)
            if isinstance(result, apply.Refused):
                refusal = (result.reason, str(result))
            else:
                outcome = result
        if refusal is not None:
            await sync.quarantine(peer.instance_id, opened, refusal)
        else:
            await Quarantined.filter(id=row.id).delete()
        await audit.record(
            principal, "federation.quarantine.retry", target_type="quarantine",
            target_id=str(row.id),
            detail={"peer": row.peer, "seq": str(row.seq),
                    "outcome": outcome or ("own" if opened.own else refusal[0] if refusal else "")},
        )  # fmt: skip
    if refusal is None:
        return True, row
    return False, await Quarantined.get(id=row.id)


async def discard(principal: Principal, quarantine_id: int) -> Quarantined:
    _require_admin(principal)
    async with atomic():
        row = await _open_row(quarantine_id)
        row.state = QuarantineState.DISCARDED
        row.resolved_at = datetime.now(UTC)
        await row.save(update_fields=["state", "resolved_at"])
        await audit.record(
            principal, "federation.quarantine.discard", target_type="quarantine",
            target_id=str(row.id), detail={"peer": row.peer, "seq": str(row.seq),
                                           "reason": row.reason},
        )  # fmt: skip
    return row

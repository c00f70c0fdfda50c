"""Changing the registry: a network's own metrics, and an office's note on how its
local counting differs from a definition (shown beside its numbers)."""

import re
from dataclasses import dataclass

from network.access.principal import Principal
from network.audit import service as audit
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.metrics.dimensions import DIMENSIONS
from network.metrics.models import (
    Direction,
    Frequency,
    LocalDefinition,
    MetricDefinition,
    MetricUnit,
)
from network.transactions import atomic

KEY = re.compile(r"^[a-z][a-z0-9_]{2,79}$")
MAX_TEXT = 4000
MAX_NOTE = 2000


@dataclass(frozen=True)
class NewMetric:
    key: str
    name: str
    unit: MetricUnit
    description: str = ""
    numerator: str = ""
    denominator: str = ""
    exclusions: str = ""
    frequency: Frequency = Frequency.MONTHLY
    desired_direction: Direction = Direction.NEUTRAL
    rationale: str = ""
    counting_unit: str = ""
    disaggregations: tuple[str, ...] = ()
    non_additive: tuple[str, ...] = ()
    companions: tuple[str, ...] = ()
    domain: str = "capacity_efficiency"


async def define_metric(principal: Principal, new: NewMetric) -> MetricDefinition:
    """A metric of this network's own (network admins): it is uploaded, released and
    compared like a standard one."""
    if not (principal.is_network_admin or principal.is_system):
        raise PermissionDenied("Only network admins add metrics to the registry.")
    if not KEY.match(new.key):
        raise InvalidInput(
            "A key is 3-80 lowercase letters, digits and underscores, starting with a letter.",
            field="key",
        )
    if not new.name.strip() or len(new.name) > 200:
        raise InvalidInput("A name of 1-200 characters is needed.", field="name")
    for name in ("description", "numerator", "denominator", "exclusions", "rationale"):
        if len(getattr(new, name)) > MAX_TEXT:
            raise InvalidInput(f"At most {MAX_TEXT} characters.", field=name)
    if new.unit is MetricUnit.RATE and not (new.numerator and new.denominator):
        raise InvalidInput(
            "A rate says what it counts above and below the line.", field="numerator"
        )
    unknown = [d for d in (*new.disaggregations, *new.non_additive) if d not in DIMENSIONS]
    if unknown:
        raise InvalidInput(f"Unknown dimension: {', '.join(unknown)}.", field="disaggregations")
    async with atomic():
        if await MetricDefinition.filter(key=new.key).exists():
            raise Conflict(f"The registry already has '{new.key}'.", field="key")
        known = set(
            await MetricDefinition.filter(key__in=list(new.companions)).values_list(
                "key", flat=True
            )
        )
        missing = [c for c in new.companions if c not in known]
        if missing:
            raise InvalidInput(f"Unknown metric: {', '.join(missing)}.", field="companions")
        metric = await MetricDefinition.create(
            key=new.key,
            name=new.name.strip(),
            description=new.description,
            unit=new.unit,
            numerator=new.numerator,
            denominator=new.denominator,
            exclusions=new.exclusions,
            frequency=new.frequency,
            desired_direction=new.desired_direction,
            rationale=new.rationale,
            counting_unit=new.counting_unit,
            disaggregations=list(new.disaggregations),
            non_additive=list(new.non_additive),
            companions=list(new.companions),
            domain=new.domain,
            source="",
            is_standard=False,
        )
        await audit.record(principal, "metrics.define", target_type="metric", target_id=new.key)
    return metric


async def set_local_definition(
    principal: Principal, office_id: int, metric_key: str, note: str
) -> LocalDefinition | None:
    """Record (or, with an empty note, remove) how the office's counting differs."""
    if not principal.is_admin_of(office_id):
        raise PermissionDenied("Only the office's admins describe its local definitions.")
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"At most {MAX_NOTE} characters.", field="note")
    metric = await MetricDefinition.get_or_none(key=metric_key)
    if metric is None:
        raise NotFound(f"No metric '{metric_key[:80]}'.", field="metric")
    async with atomic():
        existing = await LocalDefinition.get_or_none(office_id=office_id, metric_id=metric.id)
        result: LocalDefinition | None
        if not note.strip():
            if existing is not None:
                await existing.delete()
            result = None
        elif existing is None:
            result = await LocalDefinition.create(
                office_id=office_id, metric_id=metric.id, note=note.strip()
            )
        else:
            existing.note = note.strip()
            await existing.save(update_fields=["note", "updated_at"])
            result = existing
        await audit.record(
            principal,
            "metrics.local_definition",
            target_type="metric",
            target_id=metric_key,
            office_id=office_id,
        )
    return result

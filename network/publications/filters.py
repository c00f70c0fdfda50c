"""Filtering publications by topic, place, size and dates, honouring attribution.

Filters that describe the publishing office only match publications whose
attribution already discloses that descriptor: filtering pseudonymous items by
state would otherwise reveal each pseudonym's state one query at a time. A state
filter therefore matches NAMED items only; region and size band match NAMED and
GENERALIZED items.
"""

from dataclasses import dataclass, field
from datetime import date

from tortoise.expressions import Q, Subquery

from network.errors import InvalidInput
from network.offices.models import Attribution, Region, SizeBand
from network.publications.models import (
    EvidenceLevel,
    PublicationStatus,
    PublicationTopic,
    Revision,
    Topic,
)

DISCLOSES_PLACE = (Attribution.NAMED, Attribution.GENERALIZED)
# Slugs are at most 80 characters (the column); a filter names at most this many.
MAX_KEY_LENGTH = 80
MAX_FILTER_VALUES = 50


@dataclass(frozen=True)
class PublicationFilter:
    topics: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    size_bands: tuple[SizeBand, ...] = ()
    statuses: tuple[PublicationStatus, ...] = ()
    effective_from: date | None = None
    effective_to: date | None = None
    office_slugs: tuple[str, ...] = field(default=())
    evidence_levels: tuple[EvidenceLevel, ...] = ()
    # Retracted items (tombstones) are left out of lists unless asked for.
    include_retracted: bool = False

    @property
    def admits_retracted(self) -> bool:
        return self.include_retracted or PublicationStatus.RETRACTED in self.statuses


async def topic_ids_for(slugs: tuple[str, ...]) -> list[int]:
    """Ids of the named topics and of their sub-topics; unknown slugs are an error."""
    rows: list[tuple[int, str]] = await Topic.filter(slug__in=slugs).values_list("id", "slug")
    found = {slug for _, slug in rows}
    missing = sorted(set(slugs) - found)
    if missing:
        raise InvalidInput(f"Unknown topic: {', '.join(missing)}.", field="topics")
    ids = [topic_id for topic_id, _ in rows]
    children = [t.id for t in await Topic.filter(parent_id__in=ids).only("id")]
    return sorted(set(ids) | set(children))


def _check_keys(values: tuple[str, ...], field: str) -> None:
    if len(values) > MAX_FILTER_VALUES:
        raise InvalidInput(f"A filter names at most {MAX_FILTER_VALUES} {field}.", field=field)
    if any(len(value) > MAX_KEY_LENGTH for value in values):
        raise InvalidInput(
            f"No {field} key is longer than {MAX_KEY_LENGTH} characters.", field=field
        )


async def filter_q(spec: PublicationFilter) -> Q:
    """The filter as a Q over `Publication`, checked for contradictions and sizes."""
    q = Q()
    _check_keys(spec.topics, "topics")
    _check_keys(spec.office_slugs, "offices")
    _check_keys(spec.states, "states")
    if spec.effective_from and spec.effective_to and spec.effective_from > spec.effective_to:
        raise InvalidInput("`effectiveFrom` is after `effectiveTo`.", field="effectiveFrom")
    if spec.topics:
        topic_ids = await topic_ids_for(spec.topics)
        q &= Q(
            id__in=Subquery(
                PublicationTopic.filter(topic_id__in=topic_ids).values("publication_id")
            )
        )
    if spec.states:
        states = [s.upper() for s in spec.states]
        if any(len(s) != 2 or not s.isalpha() for s in states):
            raise InvalidInput("States are two-letter postal codes.", field="states")
        q &= Q(attribution=Attribution.NAMED, office__state__in=states)
    if spec.regions:
        q &= Q(attribution__in=DISCLOSES_PLACE, office__region__in=list(spec.regions))
    if spec.size_bands:
        q &= Q(attribution__in=DISCLOSES_PLACE, office__size_band__in=list(spec.size_bands))
    if spec.statuses:
        q &= Q(status__in=list(spec.statuses))
    if spec.effective_from:
        q &= Q(effective_date__gte=spec.effective_from)
    if spec.effective_to:
        q &= Q(effective_date__lte=spec.effective_to)
    if spec.office_slugs:
        q &= Q(attribution=Attribution.NAMED, office__slug__in=list(spec.office_slugs))
    if spec.evidence_levels:
        # The level is a property of the current text: match on the head revision.
        q &= Q(
            head_revision_id__in=Subquery(
                Revision.filter(evidence_level__in=list(spec.evidence_levels)).values("id")
            )
        )
    return q

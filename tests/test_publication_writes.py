"""The write path: who may change what, what each change records, and refusals."""

import pytest

from network.access.principal import SYSTEM, member_principal
from network.audit.models import AuditEvent
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.offices.models import Attribution, Office, OfficeRole, SizeBand
from network.publications import service
from network.publications.models import (
    Publication,
    PublicationKind,
    PublicationStatus,
    Revision,
    Visibility,
)
from network.settings import Settings

DRAFT = service.RevisionDraft(
    title="Charging standards for retail theft", body="Text.", summary="S"
)


def _new(**overrides) -> service.NewPublication:
    values = {"kind": PublicationKind.POLICY, "draft": DRAFT, "topics": ("charging-standards",)}
    return service.NewPublication(**{**values, **overrides})


async def _office(slug: str = "harlow-county-da") -> Office:
    return await Office.get(slug=slug)


def _publisher(office: Office, role: OfficeRole = OfficeRole.PUBLISHER):
    return member_principal(office_id=office.id, member_id=None, role=role)  # type: ignore[arg-type]


async def _create(settings: Settings, office: Office, **overrides) -> Publication:
    return await service.create_publication(
        _publisher(office),
        office,
        _new(**overrides),
        instance_id=settings.instance_id,
        generalized_k=3,
    )


async def test_publisher_drafts_revises_publishes_and_retracts(settings: Settings) -> None:
    office = await _office()
    publisher = _publisher(office)
    item = await _create(
        settings, office, visibility=Visibility.PUBLIC, attribution=Attribution.NAMED
    )
    assert (item.status, item.revision_count, item.attribution_label) == (
        PublicationStatus.DRAFT,
        1,
        office.name,
    )
    revised = service.RevisionDraft(
        title="Charging standards v2", body="New text.", change_summary="Raised threshold."
    )
    revision = await service.revise_publication(
        publisher, item.id, revised, instance_id=settings.instance_id
    )
    assert revision.number == 2
    published = await service.publish_publication(
        publisher, item.id, instance_id=settings.instance_id
    )
    assert (
        published.status == PublicationStatus.PUBLISHED
        and published.title == "Charging standards v2"
    )
    events = await AuditEvent.filter(target_id=item.origin_id, action="publication.publish")
    assert len(events) == 1 and events[0].office_id == office.id
    retracted = await service.retract_publication(
        publisher, item.id, instance_id=settings.instance_id, reason="Superseded."
    )
    assert retracted.status == PublicationStatus.RETRACTED
    assert retracted.version == 4
    with pytest.raises(Conflict):
        await service.revise_publication(
            publisher, item.id, revised, instance_id=settings.instance_id
        )
    with pytest.raises(Conflict):
        await service.publish_publication(publisher, item.id, instance_id=settings.instance_id)


async def test_other_offices_and_viewers_cannot_write(settings: Settings) -> None:
    office, other = await _office(), await _office("cascade-county-pao")
    item = await _create(settings, office)
    change = service.RevisionDraft(title="x", change_summary="y")
    with pytest.raises(NotFound):
        await service.revise_publication(
            _publisher(other, OfficeRole.OFFICE_ADMIN),
            item.id,
            change,
            instance_id=settings.instance_id,
        )
    with pytest.raises(PermissionDenied):
        await service.revise_publication(
            _publisher(office, OfficeRole.VIEWER), item.id, change, instance_id=settings.instance_id
        )
    with pytest.raises(PermissionDenied):
        await service.create_publication(
            _publisher(office, OfficeRole.VIEWER),
            office,
            _new(),
            instance_id=settings.instance_id,
            generalized_k=3,
        )
    assert await Revision.filter(publication_id=item.id).count() == 1


async def test_peer_copies_are_read_only(settings: Settings) -> None:
    office = await _office()
    item = await _create(settings, office)
    await Publication.filter(id=item.id).update(origin_instance="peer.example")
    with pytest.raises(PermissionDenied, match="read-only"):
        await service.publish_publication(SYSTEM, item.id, instance_id=settings.instance_id)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"draft": service.RevisionDraft(title="  ")}, "title"),
        ({"draft": service.RevisionDraft(title="x" * 301)}, "title"),
        ({"topics": ()}, "topics"),
        ({"topics": ("no-such-topic",)}, "topics"),
        ({"draft": service.RevisionDraft(title="t", sections={"problem": "p"})}, "sections"),
        ({"kind": PublicationKind.BRIEF, "linked_metrics": ("no_such_metric",)}, "linkedMetrics"),
    ],
)
async def test_invalid_drafts_are_refused_and_leave_nothing(
    settings: Settings, overrides, field
) -> None:
    office = await _office()
    before = await Publication.all().count()
    with pytest.raises(InvalidInput) as error:
        await _create(settings, office, **overrides)
    assert error.value.field == field
    assert await Publication.all().count() == before


async def test_generalized_attribution_needs_k_lookalikes(settings: Settings) -> None:
    lonely = await Office.filter(size_band=SizeBand.VERY_LARGE, region="MIDWEST").first()
    assert lonely is not None
    with pytest.raises(InvalidInput, match="at least 3 offices"):
        await _create(settings, lonely, attribution=Attribution.GENERALIZED)
    crowded = await _office("cascade-county-pao")
    item = await _create(settings, crowded, attribution=Attribution.GENERALIZED)
    assert item.attribution_label == "a large office in the West"


async def test_revision_needs_a_change_summary(settings: Settings) -> None:
    office = await _office()
    item = await _create(settings, office)
    with pytest.raises(InvalidInput, match="what changed"):
        await service.revise_publication(
            _publisher(office),
            item.id,
            service.RevisionDraft(title="t"),
            instance_id=settings.instance_id,
        )
    with pytest.raises(InvalidInput, match="reason"):
        await service.retract_publication(
            _publisher(office), item.id, instance_id=settings.instance_id, reason=" "
        )

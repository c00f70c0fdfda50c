"""Appending to the instance's feed, and reading it.

Every change of a local publication that others may see appends an entry in the
change's own transaction (a change-log consumer delivered in the transaction), so
the feed never disagrees with the data: a rolled-back publish leaves no entry, a
committed one always has its entry.

Sequence numbers must be seen in order by a reader that only asks for `after=SEQ`:
a transaction that took number 10 but commits after the one that took 11 would be
skipped for ever. So appenders first bump the feed's counter row, whose lock they
hold until commit; they take their number after it, one at a time, and numbers
become visible in the order they were taken.
"""

from collections.abc import Awaitable, Callable

from federation import envelope, keys
from federation.entries import (
    PUBLICATION,
    RETRACTION,
    is_retracted,
    publication_body,
    retraction_body,
    shared,
)
from federation.models import FeedEntry
from network.changes.log import Change
from network.publications.models import Publication, PublicationStatus
from network.publications.workflow import DRAFTED
from network.settings import Settings
from network.state import service as state
from network.transactions import atomic

COUNTER = "federation.feed"
MAX_PAGE = 500


async def append(
    settings: Settings, kind: str, item_id: str, version: int, body: dict
) -> FeedEntry | None:
    """Sign and append one entry; None when that version is already in the feed."""
    await state.bump(COUNTER)  # the lock that orders sequence numbers (see the module)
    if await FeedEntry.filter(
        origin=settings.instance_id, item_id=item_id, version=version
    ).exists():
        return None
    signer = await keys.signer(settings)
    token = envelope.seal(
        signer.key,
        signer.kid,
        {
            "origin": settings.instance_id,
            "id": item_id,
            "version": version,
            "kind": kind,
            "body": body,
        },
    )
    return await FeedEntry.create(
        origin=settings.instance_id, item_id=item_id, version=version, kind=kind, envelope=token
    )


async def publication_entry(settings: Settings, publication: Publication) -> FeedEntry | None:
    """The entry a local publication's current state calls for, appended; None when
    it calls for none (a draft, never shared, already in the feed)."""
    if publication.origin_instance != settings.instance_id:
        return None  # a copy from another instance: its origin publishes it
    status = PublicationStatus(publication.status)
    if status not in (PublicationStatus.PUBLISHED, PublicationStatus.RETRACTED):
        return None
    last = (
        await FeedEntry.filter(origin=settings.instance_id, item_id=publication.origin_id)
        .order_by("-version")
        .first()
    )
    if is_retracted(publication) or not shared(publication):
        if last is None or last.kind == RETRACTION:
            return None  # never went out, or its tombstone already did
        body = retraction_body(publication, withdrawn=not is_retracted(publication))
        return await append(settings, RETRACTION, publication.origin_id, publication.version, body)
    found = await publication_body(publication)
    if found is None:
        return None
    return await append(settings, PUBLICATION, publication.origin_id, publication.version, found)


def consumer(settings: Settings) -> Callable[[Change], Awaitable[None]]:
    """The change-log consumer for publications (delivered in the transaction)."""

    async def on_change(change: Change) -> None:
        if change.action == DRAFTED:
            return  # office-only state: nothing others may see changed
        publication = await Publication.get_or_none(id=change.object_id)
        if publication is not None:
            await publication_entry(settings, publication)

    return on_change


async def backfill(settings: Settings) -> int:
    """Entries for local shared publications that have none for their current
    version (published before this instance kept a feed). Idempotent."""
    added = 0
    async with atomic():
        for publication in await Publication.filter(
            origin_instance=settings.instance_id,
            status__in=[PublicationStatus.PUBLISHED, PublicationStatus.RETRACTED],
        ).order_by("published_at", "id"):
            if await publication_entry(settings, publication) is not None:
                added += 1
    return added


async def page(after: int, limit: int) -> list[FeedEntry]:
    """Entries after sequence number `after`, oldest first."""
    return (
        await FeedEntry.filter(seq__gt=max(after, 0))
        .order_by("seq")
        .limit(max(1, min(limit, MAX_PAGE)))
    )

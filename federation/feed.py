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

from collections.abc import Callable
from datetime import UTC, datetime

from tortoise.expressions import Q

from federation import envelope, keys
from federation.entries import (
    PUBLICATION,
    RETRACTION,
    is_retracted,
    publication_body,
    retraction_body,
    shared,
)
from federation.envelope import Entry
from federation.models import FEED_COUNTER, FeedEntry, Peer
from network.changes.log import Batched, Change
from network.db import insert_rows
from network.publications.models import Publication, PublicationStatus
from network.publications.workflow import DRAFTED
from network.settings import Settings
from network.state import service as state
from network.transactions import after_commit, atomic

COUNTER = FEED_COUNTER

_listeners: list[Callable[[], None]] = []


def on_append(listener: Callable[[], None]) -> None:
    """Run `listener` after a transaction that appended to the feed commits (the
    runner hints peers)."""
    if listener not in _listeners:
        _listeners.append(listener)


def _appended() -> None:
    for listener in _listeners:
        listener()


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
    row = await FeedEntry.create(
        origin=settings.instance_id, item_id=item_id, version=version, kind=kind, envelope=token
    )
    after_commit(_appended)  # peers are hinted once the entry is visible
    return row


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


def consumer(settings: Settings) -> Batched:
    """The change-log consumer for publications (delivered in the transaction)."""

    async def on_change(change: Change) -> None:
        if change.action == DRAFTED:
            return  # office-only state: nothing others may see changed
        publication = await Publication.get_or_none(id=change.object_id)
        if publication is not None:
            await publication_entry(settings, publication)

    async def on_changes(changes: list[Change]) -> None:
        ids = [c.object_id for c in changes if c.action != DRAFTED]
        for publication in await Publication.filter(
            id__in=ids, origin_instance=settings.instance_id
        ).order_by("id"):
            await publication_entry(settings, publication)

    return Batched(on_change, on_changes)


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


def served_to(instance_id: str, reader: Peer | None) -> Q:
    """What of the feed a reader is served: this instance's own entries, and for a
    peer it relays to, the entries of other origins too (never the reader's own)."""
    if reader is None or not reader.relay:
        return Q(origin=instance_id)
    return ~Q(origin=reader.instance_id)


async def head(scope: Q | None = None) -> int:
    """The newest sequence number within `scope` (0 for an empty feed)."""
    newest = await FeedEntry.filter(scope or Q()).order_by("-seq").only("seq").first()
    return newest.seq if newest else 0


async def page(after: int, limit: int, scope: Q | None = None) -> list[FeedEntry]:
    """Entries after sequence number `after` within `scope`, oldest first."""
    return (
        await FeedEntry.filter(scope or Q(), seq__gt=max(after, 0))
        .order_by("seq")
        .limit(max(1, min(limit, MAX_PAGE)))
    )


async def append_relayed(entries: list[tuple[Entry, str]]) -> int:
    """Add entries of other origins, applied here, to the feed with their origin's
    signature as they came (in the transaction that applied them), so peers this
    instance relays to can pull them. Returns how many were new to the feed."""
    if not entries:
        return 0
    await state.bump(COUNTER)  # the lock that orders sequence numbers
    held = {
        (origin, item, version)
        for origin, item, version in await FeedEntry.filter(
            origin__in=list({e.origin for e, _ in entries}),
            item_id__in=list({e.id for e, _ in entries}),
        ).values_list("origin", "item_id", "version")
    }
    now = datetime.now(UTC)
    rows = []
    for entry, token in entries:
        key = (entry.origin, entry.id, entry.version)
        if key not in held:
            held.add(key)
            rows.append((entry.origin, entry.id, entry.version, entry.kind, token, now))
    added = await insert_rows(
        FeedEntry, ("origin", "item_id", "version", "kind", "envelope", "created_at"), rows
    )
    if added:
        after_commit(_appended)
    return added


async def by_seq(seqs: list[int]) -> list[FeedEntry]:
    """The entries with these sequence numbers (those that exist), oldest first."""
    return await FeedEntry.filter(seq__in=sorted(set(seqs))[:MAX_PAGE]).order_by("seq")


async def retractions_after(origin: str, seq: int) -> list[int]:
    """Sequence numbers of our tombstones after `seq`, oldest first: those a peer that
    has applied up to `seq` has not received yet."""
    rows = (
        await FeedEntry.filter(origin=origin, kind=RETRACTION, seq__gt=seq)
        .order_by("seq")
        .values_list("seq")
    )
    return [int(row[0]) for row in rows]

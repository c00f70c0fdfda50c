"""Rebuilding the full-text index in the background, in batches of publications.

Revisions are indexed as they are written (the index consumes the change log); a
rebuild is for after a restore from backup, an engine upgrade, or a change of
tokenizer or weights. `reindex_batch` is the job handler, registered by the wiring.
"""

from typing import Any

from tortoise.transactions import in_transaction

from network.changes.log import Change
from network.jobs.service import enqueue
from network.publications.models import Publication, Revision
from network.publications.service import TEXT_ACTIONS
from network.search.service import index_heads, index_publication

KIND = "search.reindex"
BATCH = 500


async def reindex_batch(payload: dict[str, Any]) -> None:
    ids = [int(i) for i in payload.get("publication_ids", [])]
    async with in_transaction():
        await index_heads(ids)


async def enqueue_full_reindex() -> int:
    """One job per batch of publications; returns the number of jobs."""
    ids = await Publication.all().order_by("id").values_list("id", flat=True)
    jobs = 0
    async with in_transaction():
        for start in range(0, len(ids), BATCH):
            await enqueue(KIND, {"publication_ids": list(ids[start : start + BATCH])})
            jobs += 1
    return jobs


async def index_change(change: Change) -> None:
    """Change-log consumer (in the change's transaction): a publication's new text is
    searchable the moment it commits. Status changes need nothing here: visibility is
    applied when searching."""
    if change.action not in TEXT_ACTIONS:
        return
    publication = await Publication.get_or_none(id=change.object_id)
    if publication is None or publication.head_revision_id is None:
        return
    revision = await Revision.get(id=publication.head_revision_id)
    await index_publication(publication, revision)


async def index_changes(changes: list[Change]) -> None:
    """`index_change` for many changes at once: two reads and one write per engine."""
    ids = [c.object_id for c in changes if c.action in TEXT_ACTIONS]
    if ids:
        await index_heads(ids)

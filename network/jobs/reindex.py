"""Rebuilding the full-text index in the background, in batches of publications.

Revisions index themselves as they are written; a rebuild is for after a restore
from backup, an engine upgrade, or a change of tokenizer or weights.
"""

from typing import Any

from tortoise.transactions import in_transaction

from network.jobs.service import enqueue, handler
from network.publications.models import Publication, Revision
from network.search.service import index_publication

KIND = "search.reindex"
BATCH = 500


@handler(KIND)
async def reindex_batch(payload: dict[str, Any]) -> None:
    ids = [int(i) for i in payload.get("publication_ids", [])]
    async with in_transaction():
        publications = await Publication.filter(id__in=ids, head_revision_id__not_isnull=True)
        heads = {
            r.id: r
            for r in await Revision.filter(id__in=[p.head_revision_id for p in publications])
        }
        for publication in publications:
            revision = heads.get(publication.head_revision_id)  # type: ignore[arg-type]
            if revision is not None:
                await index_publication(publication, revision)


async def enqueue_full_reindex() -> int:
    """One job per batch of publications; returns the number of jobs."""
    ids = await Publication.all().order_by("id").values_list("id", flat=True)
    jobs = 0
    async with in_transaction():
        for start in range(0, len(ids), BATCH):
            await enqueue(KIND, {"publication_ids": list(ids[start : start + BATCH])})
            jobs += 1
    return jobs

"""Background jobs: claimed once, retried with backoff, and the search rebuild they do."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from tortoise import connections

from network.access.principal import ANONYMOUS
from network.jobs.models import Job, JobStatus
from network.jobs.service import LEASE, claim, enqueue, handler, run_due, run_job
from network.publications.models import Publication, PublicationStatus, Visibility
from network.search import reindex
from network.search import service as search
from tests.conftest import ENGINE

calls: list[dict] = []


@handler("test.record")
async def record(payload: dict) -> None:
    calls.append(payload)


@handler("test.fail")
async def fail(payload: dict) -> None:
    raise RuntimeError("downstream unavailable")


@pytest.fixture(autouse=True)
async def clean_jobs(settings):
    await Job.all().delete()
    calls.clear()
    yield
    await Job.all().delete()


async def test_jobs_run_once_and_finish(settings) -> None:
    await enqueue("test.record", {"n": 1})
    await enqueue("test.record", {"n": 2})
    assert await run_due("w1") == 2
    assert await run_due("w1") == 0
    assert sorted(c["n"] for c in calls) == [1, 2]
    assert await Job.filter(status=JobStatus.DONE).count() == 2


async def test_future_jobs_wait(settings) -> None:
    await enqueue("test.record", {"n": 1}, delay=timedelta(hours=1))
    assert await run_due("w1") == 0
    assert calls == []


async def test_concurrent_claims_never_share_a_job(settings) -> None:
    for n in range(30):
        await enqueue("test.record", {"n": n})
    claims = await asyncio.gather(*(claim(f"w{i}", 5) for i in range(6)))
    ids = [job.id for batch in claims for job in batch]
    assert len(ids) == len(set(ids)) == 30
    owners = {job.locked_by for batch in claims for job in batch}
    assert len(owners) >= (2 if ENGINE == "postgres" else 1)


async def test_failures_back_off_then_fail_for_good(settings) -> None:
    job = await enqueue("test.fail", {})
    job.max_attempts = 2
    await job.save()
    before = datetime.now(UTC)
    (claimed,) = await claim("w1")
    assert await run_job(claimed) is False
    job = await Job.get(id=job.id)
    assert job.status == JobStatus.PENDING and job.attempts == 1
    assert job.run_after > before and "downstream unavailable" in job.last_error
    (claimed,) = await claim("w1", now=job.run_after + timedelta(seconds=1))
    assert await run_job(claimed) is False
    job = await Job.get(id=job.id)
    assert job.status == JobStatus.FAILED and job.finished_at is not None


async def test_expired_lease_is_claimed_again(settings) -> None:
    await enqueue("test.record", {"n": 1})
    (first,) = await claim("dead-worker")
    assert await claim("w2") == []
    (again,) = await claim("w2", now=datetime.now(UTC) + LEASE + timedelta(seconds=1))
    assert again.id == first.id and again.locked_by == "w2"


async def test_unknown_kind_is_refused(settings) -> None:
    with pytest.raises(ValueError, match="no handler"):
        await enqueue("no.such.kind", {})


async def test_reindex_restores_a_lost_index_entry(settings) -> None:
    publication = await Publication.filter(
        status=PublicationStatus.PUBLISHED, visibility=Visibility.PUBLIC
    ).first()
    assert publication is not None
    phrase = f'"{publication.title}"'

    async def found() -> bool:
        page = await search.search(
            ANONYMOUS, phrase, kind=None, spec=None, first=50, after=None, max_page_size=100
        )
        return publication.id in {hit.publication_id for hit in page.items}

    assert await found()
    client = connections.get("default")
    if ENGINE == "postgres":
        await client.execute_query(
            "DELETE FROM publication_search WHERE publication_id = $1", [publication.id]
        )
    else:
        await client.execute_query("DELETE FROM publication_fts WHERE rowid = ?", [publication.id])
    assert not await found()
    jobs = await reindex.enqueue_full_reindex()
    assert jobs >= 1
    while await run_due("w1", 50):
        pass
    assert await found()
    assert await Job.filter(kind=reindex.KIND, status=JobStatus.DONE).count() == jobs

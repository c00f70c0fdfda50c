"""Enqueueing, claiming and finishing background jobs.

Claiming is safe with any number of worker processes: on PostgreSQL a claim locks
the rows it takes with FOR UPDATE SKIP LOCKED, so two workers never take the same
job; on SQLite the single writer serializes claims. A job whose worker died is
claimed again once its lease has expired.
"""

import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from network.jobs.models import Job, JobStatus

log = logging.getLogger("network.jobs")

Handler = Callable[[dict[str, Any]], Awaitable[None]]
HANDLERS: dict[str, Handler] = {}
LEASE = timedelta(minutes=10)
MAX_BACKOFF_SECONDS = 3600


def register(kind: str, function: Handler) -> None:
    """Make `function` the one that does jobs of `kind` (called where the app is
    wired, so no handler exists merely because some module was imported)."""
    HANDLERS[kind] = function


def handler(kind: str) -> Callable[[Handler], Handler]:
    """`register` as a decorator (for scripts and tests)."""

    def decorate(function: Handler) -> Handler:
        register(kind, function)
        return function

    return decorate


async def enqueue(kind: str, payload: dict[str, Any], *, delay: timedelta | None = None) -> Job:
    """Record a job; call inside the transaction of the change that needs it."""
    if kind not in HANDLERS:
        raise ValueError(f"no handler for job kind {kind!r}")
    run_after = datetime.now(UTC) + (delay or timedelta())
    return await Job.create(kind=kind, payload=payload, run_after=run_after)


async def claim(worker: str, limit: int = 10, now: datetime | None = None) -> list[Job]:
    """Take up to `limit` due jobs (pending, or running with an expired lease)."""
    now = now or datetime.now(UTC)
    async with in_transaction() as connection:
        due = Job.filter(
            Q(status=JobStatus.PENDING, run_after__lte=now)
            | Q(status=JobStatus.RUNNING, locked_at__lt=now - LEASE)
        ).using_db(connection)
        if connection.capabilities.dialect == "postgres":
            # Tortoise drops FOR UPDATE from values()/values_list() queries, so this
            # must fetch model rows for the lock to be taken.
            due = due.select_for_update(skip_locked=True)
        ids = [job.id for job in await due.order_by("id").limit(limit)]
        if not ids:
            return []
        await (
            Job.filter(id__in=ids)
            .using_db(connection)
            .update(status=JobStatus.RUNNING, locked_by=worker, locked_at=now)
        )
        return await Job.filter(id__in=ids).using_db(connection).order_by("id")


def backoff(attempts: int) -> timedelta:
    """Exponential backoff with full jitter, capped at an hour."""
    ceiling = min(MAX_BACKOFF_SECONDS, 2**attempts)
    return timedelta(seconds=random.uniform(ceiling / 2, ceiling))  # noqa: S311 - jitter


async def run_job(job: Job) -> bool:
    """Do one claimed job; True when it succeeded."""
    function = HANDLERS.get(job.kind)
    job.attempts += 1
    try:
        if function is None:
            raise LookupError(f"no handler for job kind {job.kind!r}")
        await function(job.payload)
    except Exception as exc:
        job.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        if job.attempts >= job.max_attempts:
            job.status = JobStatus.FAILED
            job.finished_at = datetime.now(UTC)
            log.error("job %s (%s) failed for good: %s", job.id, job.kind, job.last_error)
        else:
            job.status = JobStatus.PENDING
            job.run_after = datetime.now(UTC) + backoff(job.attempts)
            log.warning("job %s (%s) failed, will retry: %s", job.id, job.kind, job.last_error)
        await job.save()
        return False
    job.status = JobStatus.DONE
    job.finished_at = datetime.now(UTC)
    job.last_error = ""
    await job.save()
    return True


async def run_due(worker: str, limit: int = 10) -> int:
    """Claim and run due jobs once; returns how many ran."""
    jobs = await claim(worker, limit)
    for job in jobs:
        await run_job(job)
    return len(jobs)

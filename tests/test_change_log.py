"""The change log: recorded in the change's transaction, delivered as each consumer
chose (in the transaction, after commit, or queued), never for a rolled-back change."""

import pytest

from network.access.principal import SYSTEM
from network.changes import log as changes
from network.changes.log import Change, Delivery
from network.changes.models import ChangeRecord
from network.jobs.models import Job
from network.jobs.service import run_due
from network.offices.models import Office
from network.publications import service
from network.publications.models import Publication, PublicationKind
from network.settings import Settings
from network.state import service as state
from network.transactions import after_commit, atomic

DRAFT = service.RevisionDraft(title="Change log probe: pretrial release", body="Text.")


def _new() -> service.NewPublication:
    return service.NewPublication(
        kind=PublicationKind.POLICY, draft=DRAFT, topics=("charging-standards",)
    )


async def _create(settings: Settings) -> Publication:
    office = await Office.get(slug="harlow-county-da")
    return await service.create_publication(
        SYSTEM, office, _new(), instance_id=settings.instance_id, generalized_k=3
    )


async def test_every_write_records_kind_id_version_and_action(settings: Settings) -> None:
    item = await _create(settings)
    revised = service.RevisionDraft(title="Change log probe v2", change_summary="Reworded.")
    await service.revise_publication(SYSTEM, item.id, revised, instance_id=settings.instance_id)
    await service.publish_publication(SYSTEM, item.id, instance_id=settings.instance_id)
    rows = await ChangeRecord.filter(kind="publication", object_id=item.id).order_by("id")
    assert [(r.version, r.action) for r in rows] == [(1, "create"), (2, "revise"), (3, "publish")]


async def test_a_failing_in_transaction_consumer_rolls_the_change_back(
    settings: Settings,
) -> None:
    async def refuse(change: Change) -> None:
        raise RuntimeError("consumer down")

    before = await Publication.all().count(), await ChangeRecord.all().count()
    changes.subscribe("test.refuse", {"publication"}, refuse, delivery=Delivery.IN_TRANSACTION)
    try:
        with pytest.raises(RuntimeError, match="consumer down"):
            await _create(settings)
    finally:
        changes.unsubscribe("test.refuse")
    assert (await Publication.all().count(), await ChangeRecord.all().count()) == before


async def test_after_commit_consumers_run_only_after_a_commit(settings: Settings) -> None:
    seen: list[int] = []

    def note(change: Change) -> None:
        seen.append(change.object_id)

    changes.subscribe("test.note", {"test"}, note, delivery=Delivery.AFTER_COMMIT)
    try:
        async with atomic():
            await changes.record("test", 7, 1, "probe")
            async with atomic():  # a nested block does not commit anything yet
                await changes.record("test", 9, 1, "probe")
            assert seen == []
        assert seen == [7, 9]
        seen.clear()
        with pytest.raises(ZeroDivisionError):
            async with atomic():
                await changes.record("test", 8, 1, "probe")
                _ = 1 / 0
        assert seen == []
        assert not await ChangeRecord.filter(kind="test", object_id=8).exists()
    finally:
        changes.unsubscribe("test.note")


async def test_cache_listeners_hear_of_a_bump_only_once_it_committed(settings: Settings) -> None:
    heard: list[str] = []
    state.on_local_bump(heard.append)
    try:
        async with atomic():
            await state.bump("test-counter")
            assert heard == []
        assert heard == ["test-counter"]
        heard.clear()
        with pytest.raises(ZeroDivisionError):
            async with atomic():
                await state.bump("test-counter")
                _ = 1 / 0
        assert heard == []
    finally:
        state._local_listeners.remove(heard.append)


async def test_queued_consumers_get_the_committed_change_from_a_worker(
    settings: Settings,
) -> None:
    delivered: list[Change] = []

    async def collect(change: Change) -> None:
        delivered.append(change)

    changes.subscribe("test.queued", {"test"}, collect, delivery=Delivery.QUEUED)
    try:
        with pytest.raises(ZeroDivisionError):
            async with atomic():
                await changes.record("test", 41, 1, "probe")
                _ = 1 / 0
        async with atomic():
            recorded = await changes.record("test", 42, 3, "probe")
        assert delivered == []
        payloads = await Job.filter(kind=changes.DELIVER_JOB).values_list("payload", flat=True)
        mine = [p for p in payloads if p.get("consumer") == "test.queued"]
        # only the committed change was queued; the rolled-back one left no job
        assert mine == [{"change": recorded.record_id, "consumer": "test.queued"}]
        await run_due("test-worker", 50)
        assert delivered == [recorded]
    finally:
        changes.unsubscribe("test.queued")


async def test_after_commit_outside_a_transaction_runs_at_once() -> None:
    ran: list[int] = []
    after_commit(lambda: ran.append(1))
    assert ran == [1]

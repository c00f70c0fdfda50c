"""Sync against a peer that serves whatever the test makes it serve, over real HTTP:
idempotent apply by (origin, id, version), tombstones no late create undoes, conflicts
and forgeries quarantined (never applied, never dropped), bad pages and refusals
rolled back with backoff, key rotation while peered, leases, and admins' retry and
discard."""

import asyncio
import base64
import json
import random
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from joserfc.jwk import OKPKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from federation import digests, envelope, quarantine, sync
from federation.models import Peer, Quarantined, QuarantineState, Received
from network.access.principal import SYSTEM
from network.errors import Conflict
from network.offices.models import Office
from network.publications.models import Publication, PublicationStatus, Revision
from network.settings import Settings
from tests.instances import free_port

ORIGIN = "hostile.test"


def _key() -> OKPKey:
    kid = uuid.uuid4().hex[:12]
    return OKPKey.generate_key(
        "Ed25519", parameters={"kid": kid, "alg": "Ed25519", "use": "sig"}, private=True
    )


@dataclass
class Script:
    """What the peer serves: its entries (seq -> envelope), its key set, and an
    optional status every feed request answers with instead."""

    keys: list[OKPKey] = field(default_factory=lambda: [_key()])
    published: list[OKPKey] | None = None  # keys on /jwks (default: all of `keys`)
    entries: dict[int, str] = field(default_factory=dict)
    status: int | None = None
    page_override: dict[str, Any] | None = None
    requests: int = 0
    damaged: dict[int, list[str]] = field(default_factory=dict)  # served first, in turn
    relay: object = None  # what pages say of relaying (left out when None)

    def serve(self, seq: int) -> dict[str, Any]:
        first = self.damaged.get(seq)
        return {"seq": seq, "envelope": first.pop(0) if first else self.entries[seq]}

    def jwks(self) -> dict[str, Any]:
        shown = self.keys if self.published is None else self.published
        return {"keys": [k.as_dict(private=False) for k in shown]}

    def seal(self, item: str, version: int, kind: str, body: dict, origin: str = ORIGIN,
             key: OKPKey | None = None) -> str:  # fmt: skip
        signer = key or self.keys[0]
        return envelope.seal(
            signer, signer.kid,
            {"origin": origin, "id": item, "version": version, "kind": kind, "body": body},
        )  # fmt: skip

    def add(self, token: str) -> int:
        seq = max(self.entries, default=0) + 1
        self.entries[seq] = token
        return seq


def _app(script: Script) -> Starlette:
    async def token(request: Request) -> JSONResponse:
        return JSONResponse({"access_token": "t", "token_type": "Bearer", "expires_in": 600})

    async def feed(request: Request) -> JSONResponse:
        script.requests += 1
        if script.status is not None:
            return JSONResponse({"message": "scripted"}, status_code=script.status)
        if script.page_override is not None:
            return JSONResponse(script.page_override)
        if "seqs" in request.query_params:
            seqs = [int(s) for s in request.query_params["seqs"].split(",")]
            return JSONResponse({"entries": [script.serve(s) for s in seqs if s in script.entries]})
        after = int(request.query_params["after"])
        limit = int(request.query_params["limit"])
        seqs = sorted(s for s in script.entries if s > after)[:limit]
        return JSONResponse({
            "origin": ORIGIN,
            "entries": [script.serve(s) for s in seqs],
            "next": seqs[-1] if seqs else after,
            "more": len(seqs) == limit,
            "last": max(script.entries, default=0),
            **({} if script.relay is None else {"relay": script.relay}),
        })  # fmt: skip

    async def jwks(request: Request) -> JSONResponse:
        return JSONResponse(script.jwks())

    async def digest(request: Request) -> JSONResponse:
        if script.status is not None:
            return JSONResponse({"message": "scripted"}, status_code=script.status)
        newest: dict[str, tuple[int, int]] = {}
        for seq, token in sorted(script.entries.items()):
            try:
                segment = token.split(".")[1]
                claims = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
            except (ValueError, IndexError):
                continue
            if claims.get("origin") != ORIGIN:
                continue
            held = newest.get(claims["id"])
            if held is None or claims["version"] > held[0]:
                newest[claims["id"]] = (claims["version"], seq)
        raw = request.query_params.get("bucket")
        if raw is None:
            return JSONResponse(
                {"buckets": digests.bucketed({k: v for k, (v, _) in newest.items()})}
            )
        bucket = int(raw)
        return JSONResponse({"items": sorted(
            [item, version, seq] for item, (version, seq) in newest.items()
            if digests.bucket_of(item) == bucket
        )})  # fmt: skip

    return Starlette(routes=[
        Route("/oauth/token", token, methods=["POST"]),
        Route("/federation/feed", feed),
        Route("/federation/jwks.json", jwks),
        Route("/federation/digest", digest),
    ])  # fmt: skip


@pytest.fixture
def hostile() -> Iterator[tuple[Script, str]]:
    script = Script()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(_app(script), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield script, f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


async def _peer(script: Script, base: str) -> Peer:
    await Peer.filter(instance_id=ORIGIN).delete()
    await Received.filter(origin=ORIGIN).delete()
    await Quarantined.filter(peer=ORIGIN).delete()
    return await Peer.create(
        instance_id=ORIGIN, name="Hostile Instance", base_url=base,
        token_endpoint=f"{base}/oauth/token", feed_endpoint=f"{base}/federation/feed",
        hint_endpoint=f"{base}/federation/hint", jwks_uri=f"{base}/federation/jwks.json",
        envelope_keys=script.jwks(), client_id_at_them="me", their_client_id=uuid.uuid4().hex,
        keys_fetched_at=datetime.now(UTC),
    )  # fmt: skip


def body(title: str, *, attribution: str = "PSEUDONYMOUS", label: str = "Office QQQQ-RRRR-SSSS",
         office: dict | None = None, visibility: str = "FEDERATED", text: str = "Text.",
         revision: int = 1) -> dict[str, Any]:  # fmt: skip
    return {
        "kind": "BRIEF", "visibility": visibility, "title": title, "summary": "",
        "attribution": attribution, "attributionLabel": label, "office": office or {},
        "topics": ["bail-pretrial", "no-such-topic"], "effectiveDate": "2026-01-01",
        "sunsetDate": None, "publishedAt": "2026-02-01T10:00:00+00:00",
        "sourceReference": "",
        "revision": {
            "number": revision, "title": title, "summary": "", "body": text, "sections": {},
            "evidenceLevel": "DESCRIPTIVE", "evidenceStudies": None, "changeSummary": "",
            "publishedAt": "2026-02-01T10:00:00+00:00",
        },
    }  # fmt: skip


def tombstone(*, withdrawn: bool = False) -> dict[str, Any]:
    return {"kind": "BRIEF", "reason": "Superseded.", "withdrawn": withdrawn,
            "retractedAt": "2026-03-01T10:00:00+00:00"}  # fmt: skip


async def _round(settings: Settings, owner: str = "test-worker") -> sync.Round:
    peer = await Peer.get(instance_id=ORIGIN)
    async with httpx.AsyncClient() as http:
        return await sync.sync_peer(settings, http, peer.id, owner)


async def _copy(item: str) -> Publication | None:
    return await Publication.get_or_none(origin_instance=ORIGIN, origin_id=item)


async def _reasons() -> dict[int, str]:
    rows = await Quarantined.filter(peer=ORIGIN, state=QuarantineState.OPEN)
    return {row.seq: row.reason for row in rows}


def _damage(token: str, at: int) -> str:
    """`token` with one character of its payload changed (still base64url)."""
    header, payload, signature = token.split(".")
    i = len(payload) // 2 + at
    swapped = "A" if payload[i] != "A" else "B"
    return f"{header}.{payload[:i]}{swapped}{payload[i + 1 :]}.{signature}"


async def test_an_envelope_damaged_on_the_way_is_asked_for_again(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    once, always = uuid.uuid4().hex, uuid.uuid4().hex
    token = script.seal(once, 1, "publication", body("Damaged once"))
    first = script.add(token)
    script.damaged[first] = [_damage(token, 0)]  # the copy asked for again is sound
    outcome = await _round(settings)
    assert not outcome.error and (outcome.applied, outcome.quarantined) == (1, 0)
    assert await _copy(once) is not None and await _reasons() == {}
    # Damaged differently every time it is served: the connection is at fault, so
    # the round fails with nothing applied and the cursor where it was.
    token = script.seal(always, 1, "publication", body("Damaged always"))
    second = script.add(token)
    script.damaged[second] = [_damage(token, n) for n in range(3)]
    outcome = await _round(settings)
    assert "damages what it carries" in outcome.error and outcome.applied == 0
    assert await _copy(always) is None and await _reasons() == {}
    assert (await Peer.get(instance_id=ORIGIN)).cursor == first
    outcome = await _round(settings)  # sound again: applied
    assert not outcome.error and outcome.applied == 1 and await _copy(always) is not None


async def test_a_peer_that_starts_relaying_is_pulled_again_from_the_start(
    settings: Settings, hostile: tuple[Script, str], app_client: httpx.AsyncClient
) -> None:
    from tests.conftest import as_principal, gql

    script, base = hostile
    await _peer(script, base)
    for n in range(3):
        script.add(script.seal(uuid.uuid4().hex, 1, "publication", body(f"Item {n}")))
    assert (await _round(settings)).applied == 3
    script.relay = "yes"
    outcome = await _round(settings)
    assert "relay is not true or false" in outcome.error and outcome.applied == 0
    script.relay = True  # from now on it serves other origins' entries too
    outcome = await _round(settings)
    assert outcome.relaying and not outcome.error
    assert (outcome.applied, outcome.duplicates, outcome.cursor) == (0, 3, 3)
    async with as_principal(app_client, SYSTEM) as client:
        answer = await gql(client, "{ peers { instanceId relaysToUs } }")
    assert {"instanceId": ORIGIN, "relaysToUs": True} in answer["data"]["peers"]
    outcome = await _round(settings)  # once: it still relays, nothing is pulled again
    assert not outcome.relaying and outcome.duplicates == 0 and outcome.cursor == 3
    script.relay = False
    outcome = await _round(settings)
    assert not outcome.relaying and not (await Peer.get(instance_id=ORIGIN)).relays_to_us


async def test_versions_apply_once_in_order_and_conflicts_are_quarantined(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    item = uuid.uuid4().hex
    script.add(script.seal(item, 1, "publication", body("First")))
    script.add(script.seal(item, 1, "publication", body("First")))  # served twice
    conflict = script.add(script.seal(item, 1, "publication", body("Other content")))
    script.add(script.seal(item, 3, "publication", body("Third", text="Third text.",
                                                         revision=2)))  # fmt: skip
    script.add(script.seal(item, 2, "publication", body("Second")))  # late: stale
    outcome = await _round(settings)
    assert not outcome.error, outcome.error
    assert (outcome.applied, outcome.duplicates, outcome.stale, outcome.quarantined) == (2, 1, 1, 1)
    copy = await _copy(item)
    assert copy is not None and copy.title == "Third" and copy.version == 3
    assert copy.origin_name == "Hostile Instance"
    assert await Revision.filter(publication_id=copy.id).count() == 2
    assert (await _reasons()) == {conflict: "conflict"}
    # The whole feed again (a peer restored from backup, a replay): nothing changes.
    await Peer.filter(instance_id=ORIGIN).update(cursor=0)
    again = await _round(settings)
    assert (again.applied, again.duplicates, again.stale, again.quarantined) == (0, 1, 4, 0)
    assert (await _copy(item)).version == 3  # type: ignore[union-attr]
    row = await Quarantined.get(peer=ORIGIN, seq=conflict)
    assert row.state == QuarantineState.OPEN and row.item_id == item and row.version == 1


async def test_a_tombstone_holds_against_late_and_replayed_creates(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    gone, shown, back = uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex
    script.add(script.seal(gone, 4, "retraction", tombstone()))  # before any create
    script.add(script.seal(gone, 2, "publication", body("Late create")))
    after = script.add(script.seal(gone, 5, "publication", body("After retraction")))
    script.add(script.seal(shown, 1, "publication", body("Shown")))
    script.add(script.seal(shown, 2, "retraction", tombstone()))
    script.add(script.seal(shown, 1, "publication", body("Shown")))  # replayed create
    script.add(script.seal(back, 1, "publication", body("Shared")))
    script.add(script.seal(back, 2, "retraction", tombstone(withdrawn=True)))
    script.add(script.seal(back, 3, "publication", body("Shared again")))
    outcome = await _round(settings)
    assert not outcome.error, outcome.error
    assert await _copy(gone) is None
    received = await Received.get(origin=ORIGIN, item_id=gone)
    assert received.final and received.version == 4
    assert (await _reasons()) == {after: "after_retraction"}
    shown_copy = await _copy(shown)
    assert shown_copy is not None and shown_copy.status == PublicationStatus.RETRACTED
    assert shown_copy.retraction_reason == "Superseded."
    back_copy = await _copy(back)
    assert back_copy is not None and back_copy.status == PublicationStatus.PUBLISHED
    assert back_copy.title == "Shared again" and back_copy.retracted_at is None


async def test_forged_invalid_and_foreign_entries_are_quarantined_not_applied(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    stranger = _key()
    impostor = OKPKey.generate_key(  # claims the peer's kid with other key material
        "Ed25519", parameters={"kid": script.keys[0].kid, "alg": "Ed25519"}, private=True
    )
    cases = {
        "unknown_key": script.seal("unknown", 1, "publication", body("Unknown"), key=stranger),
        "signature": script.seal("forged", 1, "publication", body("Forged"), key=impostor),
        "invalid": script.seal("leaky", 1, "publication", body("Leaky", office={"state": "NY"})),
        "invalid ": script.seal("narrow", 1, "publication", body("Narrow", visibility="NETWORK")),
        "kind": script.seal("odd", 1, "poll", {"question": "?"}),
        "unknown_origin": script.seal(
            "relayed", 1, "publication", body("Relayed"), origin="third.test"
        ),
        "malformed": "not.a.jws",
    }
    seqs = {script.add(token): reason.strip() for reason, token in cases.items()}
    # Keys read long ago: the unknown kid makes them read again, and stays unknown.
    await Peer.filter(instance_id=ORIGIN).update(
        keys_fetched_at=datetime.now(UTC) - timedelta(minutes=5)
    )
    own = script.add(script.seal("mine", 1, "publication", body("Mine"),
                                 origin=settings.instance_id))  # fmt: skip
    outcome = await _round(settings)
    assert not outcome.error, outcome.error
    assert outcome.own == 1 and outcome.applied == 0
    reasons = await _reasons()
    assert reasons == seqs
    assert own not in reasons
    for item in ("unknown", "forged", "leaky", "narrow", "odd", "relayed"):
        assert await Publication.filter(origin_id=item).count() == 0
    # A quarantined entry carries what it claims, for the admin's eyes.
    leaky = await Quarantined.get(peer=ORIGIN, reason="invalid", item_id="leaky")
    assert leaky.origin == ORIGIN and leaky.version == 1 and "pseudonymous" in leaky.message


async def test_a_named_copy_stands_under_a_directory_office_and_a_pseudonym_under_none(
    settings: Settings, hostile: tuple[Script, str], app_client: httpx.AsyncClient
) -> None:
    script, base = hostile
    await _peer(script, base)
    named, hidden = uuid.uuid4().hex, uuid.uuid4().hex
    office = {"jurisdiction": "Lowmoor County", "state": "OR", "kind": "COUNTY",
              "region": "WEST", "sizeBand": "MEDIUM", "populationServed": 300_000}  # fmt: skip
    script.add(script.seal(named, 1, "publication",
                           body("Named", attribution="NAMED", label="Lowmoor County DA",
                                office=office)))  # fmt: skip
    # A peer naming one of our own pseudonyms gets an office of its own, not ours.
    ours = await Office.filter(origin_instance="").first()
    assert ours is not None
    script.add(script.seal(hidden, 1, "publication", body("Hidden", label=ours.pseudonym)))
    assert not (await _round(settings)).error
    named_copy, hidden_copy = await _copy(named), await _copy(hidden)
    assert named_copy is not None and hidden_copy is not None
    stand_in = await Office.get(id=named_copy.office_id)  # type: ignore[attr-defined]
    assert (stand_in.name, stand_in.state, stand_in.population_served) == (
        "Lowmoor County DA",
        "OR",
        300_000,
    )
    assert stand_in.origin_instance == ORIGIN and not stand_in.placeholder
    placeholder = await Office.get(id=hidden_copy.office_id)  # type: ignore[attr-defined]
    assert placeholder.id != ours.id and placeholder.placeholder
    assert placeholder.pseudonym != ours.pseudonym
    # Placeholders are not in the directory; the named office is, with its origin's facts.
    answer = (await app_client.post("/graphql", json={
        "query": "{ offices(first: 100, filter: {states: [\"OR\"]}) "
                 "{ edges { node { name } } } }"})).json()  # fmt: skip
    names = [e["node"]["name"] for e in answer["data"]["offices"]["edges"]]
    assert "Lowmoor County DA" in names and ours.pseudonym not in str(answer)


async def test_bad_pages_and_refusals_apply_nothing_and_back_off(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    item = uuid.uuid4().hex
    script.add(script.seal(item, 1, "publication", body("Good")))
    script.page_override = {
        "entries": [{"seq": 1, "envelope": script.entries[1]}, {"seq": 1, "envelope": "x"}],
        "next": 1, "more": False, "last": 1,
    }  # fmt: skip
    outcome = await _round(settings)
    assert "go back" in outcome.error
    peer = await Peer.get(instance_id=ORIGIN)
    assert peer.cursor == 0 and peer.failures == 1 and await _copy(item) is None
    assert peer.next_attempt_at is not None and peer.next_attempt_at > datetime.now(UTC)
    assert "go back" in peer.last_error and peer.lease_owner == ""
    script.page_override = None
    script.status = 503
    await _round(settings)
    peer = await Peer.get(instance_id=ORIGIN)
    assert peer.failures == 2
    waited = (peer.next_attempt_at - peer.last_error_at).total_seconds()  # type: ignore[operator]
    assert sync.FIRST_BACKOFF_SECONDS <= waited <= 2 * sync.FIRST_BACKOFF_SECONDS
    script.status = 403  # removed us, or revoked our client: not retried blindly
    await _round(settings)
    peer = await Peer.get(instance_id=ORIGIN)
    waited = (peer.next_attempt_at - peer.last_error_at).total_seconds()  # type: ignore[operator]
    assert waited == pytest.approx(sync.MAX_BACKOFF_SECONDS, abs=1)
    script.status = None
    outcome = await _round(settings)
    assert not outcome.error and outcome.applied == 1
    peer = await Peer.get(instance_id=ORIGIN)
    assert peer.failures == 0 and peer.cursor == 1 and peer.feed_head == 1


def test_backoff_grows_with_jitter_up_to_fifteen_minutes() -> None:
    rng = random.Random(3)
    error = RuntimeError("down")
    waits = [sync.backoff_seconds(n, error, rng) for n in range(1, 16)]
    for n, wait in enumerate(waits, start=1):
        ceiling = min(sync.FIRST_BACKOFF_SECONDS * 2 ** (n - 1), sync.MAX_BACKOFF_SECONDS)
        assert ceiling / 2 <= wait <= ceiling
    assert max(waits) <= sync.MAX_BACKOFF_SECONDS and waits[-1] > 400
    assert len({round(w, 3) for w in waits[-5:]}) == 5  # jittered, not in lockstep
    limited = sync.client.PeerUnavailable("slow down", 429, retry_after=42)
    assert sync.backoff_seconds(1, limited, rng) == 42
    timeout = sync.client.PeerUnavailable("timeout", 408)
    assert sync.backoff_seconds(1, timeout, rng) <= sync.FIRST_BACKOFF_SECONDS


async def test_a_rotated_key_is_fetched_once_and_trusted(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    rotated = _key()
    script.keys.append(rotated)
    item = uuid.uuid4().hex
    script.add(script.seal(item, 1, "publication", body("Signed with the new key"),
                           key=rotated))  # fmt: skip
    # Keys were read less than a minute ago: the round stops with nothing quarantined,
    # and the next comes when they may be read again.
    outcome = await _round(settings)
    assert "read again after" in outcome.error and outcome.applied == 0
    assert await _reasons() == {}
    peer = await Peer.get(instance_id=ORIGIN)
    assert peer.cursor == 0 and peer.next_attempt_at is not None
    assert 50 < (peer.next_attempt_at - datetime.now(UTC)).total_seconds() <= 62
    # After the minute the kid is fetched once and verifies.
    await Peer.filter(instance_id=ORIGIN).update(
        keys_fetched_at=datetime.now(UTC) - timedelta(minutes=5)
    )
    outcome = await _round(settings)
    assert not outcome.error and outcome.applied == 1 and await _copy(item) is not None
    peer = await Peer.get(instance_id=ORIGIN)
    assert rotated.kid in {k["kid"] for k in peer.envelope_keys["keys"]}
    # New entries signed with it verify without another fetch.
    script.add(script.seal(item, 2, "publication", body("Again", revision=2), key=rotated))
    before = script.requests
    outcome = await _round(settings)
    assert outcome.applied == 1 and script.requests == before + 1
    # A kid the origin publishes only later: quarantined once its keys were read again
    # without it; the admin's retry applies it, once the keys may be read again.
    late = _key()
    script.keys.append(late)
    script.published = script.keys[:-1]
    other = uuid.uuid4().hex
    script.add(script.seal(other, 1, "publication", body("Key published late"), key=late))
    await Peer.filter(instance_id=ORIGIN).update(
        keys_fetched_at=datetime.now(UTC) - timedelta(minutes=5)
    )
    outcome = await _round(settings)
    assert outcome.quarantined == 1 and list((await _reasons()).values()) == ["unknown_key"]
    script.published = None
    row = await Quarantined.get(peer=ORIGIN, reason="unknown_key")
    async with httpx.AsyncClient() as http:
        with pytest.raises(Conflict, match="Retry in"):
            await quarantine.retry(SYSTEM, settings, http, row.id)  # keys read just now
        await Peer.filter(instance_id=ORIGIN).update(
            keys_fetched_at=datetime.now(UTC) - timedelta(minutes=5)
        )
        applied, _ = await quarantine.retry(SYSTEM, settings, http, row.id)
    assert applied and await _copy(other) is not None


async def test_admins_discard_what_cannot_be_applied(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    script.add("not.a.jws")
    await _round(settings)
    row = await Quarantined.get(peer=ORIGIN, seq=1)
    async with httpx.AsyncClient() as http:
        applied, again = await quarantine.retry(SYSTEM, settings, http, row.id)
    assert not applied and again.reason == "malformed" and again.attempts == 2
    discarded = await quarantine.discard(SYSTEM, row.id)
    assert discarded.state == QuarantineState.DISCARDED and discarded.resolved_at is not None
    with pytest.raises(Conflict):
        await quarantine.discard(SYSTEM, row.id)
    assert await quarantine.list_quarantined(SYSTEM, peer=ORIGIN) == []


async def test_one_worker_at_a_time_per_peer(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    count = 2 * sync.PAGE_SIZE + 50  # three pages
    for n in range(count):
        script.add(script.seal(f"item-{n}", 1, "publication", body(f"Item {n}")))
    first, second = await asyncio.gather(_round(settings, "w1"), _round(settings, "w2"))
    done = [r for r in (first, second) if not r.skipped]
    assert len(done) == 1 and done[0].applied == count and done[0].pages == 3
    assert [r.skipped for r in (first, second)].count(True) == 1
    peer = await Peer.get(instance_id=ORIGIN)
    assert peer.cursor == count and peer.lease_owner == ""
    # A lease held by a live worker keeps others out; an expired one does not.
    await Peer.filter(id=peer.id).update(
        lease_owner="w9", lease_until=datetime.now(UTC) + timedelta(minutes=1)
    )
    assert (await _round(settings, "w1")).skipped
    await Peer.filter(id=peer.id).update(lease_until=datetime.now(UTC) - timedelta(seconds=1))
    assert not (await _round(settings, "w1")).skipped


async def test_a_peer_restored_from_backup_is_pulled_again_from_where_it_is(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    kept = [uuid.uuid4().hex for _ in range(3)]
    for item in kept:
        script.add(script.seal(item, 1, "publication", body("Before the backup")))
    lost = uuid.uuid4().hex
    script.add(script.seal(lost, 1, "publication", body("After the backup")))
    assert (await _round(settings)).applied == 4
    # The peer is restored from a backup taken at seq 2: its newest entry is now 2,
    # behind our cursor 4, and 3 and 4 will be given to new entries.
    del script.entries[4], script.entries[3]
    await Peer.filter(instance_id=ORIGIN).update(checked_at=datetime.now(UTC))
    outcome = await _round(settings)
    assert outcome.rewound and not outcome.error, outcome.error
    peer = await Peer.get(instance_id=ORIGIN)
    assert peer.cursor == 2 and "went back" in peer.last_error and peer.failures == 0
    assert peer.checked_at is not None  # the round compared digests at its end
    reissued = uuid.uuid4().hex
    script.add(script.seal(reissued, 1, "publication", body("New after the restore")))
    outcome = await _round(settings)
    assert outcome.applied == 1 and not outcome.rewound
    assert await _copy(reissued) is not None and await _copy(lost) is not None


async def test_anti_entropy_finds_and_fetches_what_was_lost(
    settings: Settings, hostile: tuple[Script, str]
) -> None:
    script, base = hostile
    await _peer(script, base)
    items = [uuid.uuid4().hex for _ in range(30)]
    for item in items:
        script.add(script.seal(item, 1, "publication", body(f"Item {item[:6]}")))
    revised = items[0]
    script.add(script.seal(revised, 2, "publication", body("Revised", revision=2)))
    gone = items[1]
    script.add(script.seal(gone, 3, "retraction", tombstone()))
    first = await _round(settings)
    assert first.applied == 32 and first.refetched == 0  # the first check finds nothing
    assert (await Peer.get(instance_id=ORIGIN)).checked_at is not None
    # Lost here by some means (a bug, a partial restore): a copy and its record, and
    # the newer versions of two others.
    await Received.filter(origin=ORIGIN, item_id=items[5]).delete()
    await Publication.filter(origin_instance=ORIGIN, origin_id=items[5]).delete()
    await Received.filter(origin=ORIGIN, item_id__in=[revised, gone]).update(
        version=1, final=False, kind="publication"
    )
    await Peer.filter(instance_id=ORIGIN).update(checked_at=None)
    outcome = await _round(settings)
    assert not outcome.error, outcome.error
    assert outcome.refetched == 3 and outcome.pages == 1
    assert await _copy(items[5]) is not None
    assert (await Received.get(origin=ORIGIN, item_id=gone)).final
    revised_copy = await _copy(revised)
    assert revised_copy is not None and revised_copy.title == "Revised"
    # Checked again only when due.
    again = await _round(settings)
    assert again.refetched == 0 and not again.error


async def test_the_feed_records_how_far_each_peer_has_applied(
    settings: Settings, app_client: httpx.AsyncClient
) -> None:
    from network.access.principal import Principal, PrincipalKind
    from network.access.scopes import FEDERATION
    from tests.conftest import as_principal

    client_id = uuid.uuid4().hex
    peer = await Peer.create(
        instance_id=f"acker-{client_id[:6]}.test", name="Acker", base_url="http://127.0.0.1:9",
        token_endpoint="http://127.0.0.1:9/t", feed_endpoint="http://127.0.0.1:9/f",
        hint_endpoint="http://127.0.0.1:9/h", jwks_uri="http://127.0.0.1:9/j",
        client_id_at_them="x", their_client_id=client_id,
    )  # fmt: skip
    principal = Principal(
        kind=PrincipalKind.CLIENT, scopes=frozenset({FEDERATION}), label=f"client:{client_id}"
    )
    async with as_principal(app_client, principal) as client:
        assert (await client.get("/federation/feed?after=2&limit=1")).status_code == 200
        assert (await client.get("/federation/feed?after=1&limit=1")).status_code == 200
        by_seq = (await client.get("/federation/feed?seqs=1,2")).json()
        assert [e["seq"] for e in by_seq["entries"]] == [1, 2]
        for bad in ("seqs=", "seqs=0", "seqs=x", "seqs=" + ",".join(["1"] * 501)):
            assert (await client.get(f"/federation/feed?{bad}")).status_code == 400
        whole = (await client.get("/federation/digest")).json()
        assert len(whole["buckets"]) == digests.BUCKETS and whole["items"] > 0
        one = (await client.get("/federation/digest?bucket=0")).json()
        assert all(digests.bucket_of(row[0]) == 0 for row in one["items"])
        assert (await client.get("/federation/digest?bucket=64")).status_code == 400
    assert (await Peer.get(id=peer.id)).acked_seq == 2  # never goes back
    assert (await app_client.get("/federation/digest")).status_code == 401


async def test_admins_see_every_peers_counts_and_bad_limits_are_refused(
    settings: Settings, hostile: tuple[Script, str], app_client: httpx.AsyncClient
) -> None:
    from federation.entries import RETRACTION
    from federation.models import FeedEntry
    from tests.conftest import as_principal, gql

    script, base = hostile
    await _peer(script, base)
    script.add("not.a.jws")
    script.add("still.not.a.jws")
    assert (await _round(settings)).quarantined == 2
    ours = [
        row[0]
        for row in await FeedEntry.filter(origin=settings.instance_id, kind=RETRACTION)
        .order_by("seq")
        .values_list("seq")
    ]
    assert ours, "the demo's feed must hold a retraction"
    await Peer.filter(instance_id=ORIGIN).update(acked_seq=ours[0])  # applied the first
    behind = await Peer.create(
        instance_id=f"behind-{uuid.uuid4().hex[:6]}.test", name="Behind",
        base_url="http://127.0.0.1:9", token_endpoint="http://127.0.0.1:9/t",
        feed_endpoint="http://127.0.0.1:9/f", hint_endpoint="http://127.0.0.1:9/h",
        jwks_uri="http://127.0.0.1:9/j", client_id_at_them="x",
        their_client_id=uuid.uuid4().hex,
    )  # fmt: skip
    async with as_principal(app_client, SYSTEM) as client:
        answer = await gql(client, "{ peers { instanceId quarantined unacknowledgedRetractions } }")
        by_id = {p["instanceId"]: p for p in answer["data"]["peers"]}
        assert by_id[ORIGIN] == {
            "instanceId": ORIGIN, "quarantined": 2, "unacknowledgedRetractions": len(ours) - 1,
        }  # fmt: skip
        assert by_id[behind.instance_id]["quarantined"] == 0
        assert by_id[behind.instance_id]["unacknowledgedRetractions"] == len(ours)
        listed = await gql(client, "{ quarantinedEntries(first: 1) { seq reason } }")
        assert listed["data"]["quarantinedEntries"] == [{"seq": "1", "reason": "malformed"}]
        for first in (0, 201):
            refused = await gql(client, f"{{ quarantinedEntries(first: {first}) {{ seq }} }}")
            assert refused["errors"][0]["extensions"]["code"] == "INVALID_INPUT", refused
            assert "first must be 1 to 200" in refused["errors"][0]["message"]
    await behind.delete()

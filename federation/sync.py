"""Pulling peers' feeds and applying them: one round per peer, by one worker at a time.

A round takes the peer's lease (a conditional update, so any number of workers can
run; the lease expires if its holder dies), then pulls pages after the stored cursor
until the peer says there is no more. Each page is checked, every envelope opened
against its origin's keys (the peer's key set is read again once when an unknown
`kid` appears, at most once a minute), and then applied in one transaction that also
moves the cursor: a crash leaves either the whole page or none of it. What fails
verification or validation is quarantined with its reason, in the same transaction;
nothing is dropped.

A failed round backs off exponentially with jitter, capped at 15 minutes, and a
success resets it. A 4xx answer other than 408 and 429 is not retried blindly: the
peer waits the full 15 minutes and its last error says why (a revoked client, a
removed peer: something an admin must look at).
"""

import asyncio
import logging
import os
import random
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from joserfc.jwk import OKPKey
from tortoise.expressions import F, Q

from federation import apply, client, digests, feed, relays, verifying
from federation.envelope import EnvelopeError, claimed, claimed_origin, unseal
from federation.models import Peer, PeerState, Quarantined, QuarantineState, RemoteOrigin
from network.settings import Settings
from network.transactions import atomic

log = logging.getLogger("federation.sync")

PAGE_SIZE = 500  # the most a feed serves at once: fewer statements per entry
LEASE_SECONDS = 30  # renewed after every page
FIRST_BACKOFF_SECONDS = 5.0
MAX_BACKOFF_SECONDS = 15 * 60.0
KEY_REFETCH_SECONDS = 60
ASKED_AGAIN = 2  # times a refused envelope is fetched again before it is quarantined
RETRYABLE_4XX = (408, 429)


class LostLease(RuntimeError):
    """Another worker took the peer over (this one was too slow): stop, apply nothing."""


class BadPage(RuntimeError):
    """The peer served a page that breaks the protocol."""


class KeysPending(RuntimeError):
    """An entry names a key its origin had not published when its keys were read,
    less than KEY_REFETCH_SECONDS ago (a rotation there just now): the round stops
    and the next one, after `retry_after` seconds, reads the keys again. Quarantining
    the entry would leave a routine rotation to an admin."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class Round:
    """What one round did with one peer."""

    peer: str
    pages: int = 0
    applied: int = 0
    duplicates: int = 0
    stale: int = 0
    own: int = 0
    quarantined: int = 0
    cursor: int = 0
    refetched: int = 0  # entries fetched again by anti-entropy and applied
    rewound: bool = False  # the peer's feed went back (restored from a backup?)
    relaying: bool = False  # the peer started relaying to us: pulled again from the start
    error: str = ""
    skipped: bool = False

    def line(self) -> str:
        if self.skipped:
            return f"{self.peer}: skipped (another worker holds it)"
        status = f"failed: {self.error}" if self.error else "ok"
        return (
            f"{self.peer}: {status}; {self.pages} page(s), {self.applied} applied, "
            f"{self.duplicates} duplicate(s), {self.stale} stale, {self.quarantined} "
            f"quarantined, cursor {self.cursor}"
            + (f", {self.refetched} refetched" if self.refetched else "")
            + (", feed went back: pulled again" if self.rewound else "")
            + (", relaying started: pulled again from the start" if self.relaying else "")
        )


@dataclass
class Opened:
    seq: int
    token: str
    entry: Any = None  # federation.envelope.Entry when verified
    refusal: tuple[str, str] | None = None
    own: bool = False


@dataclass
class Keys:
    """The keys entries of one origin are verified with (a peer's, or a relayed
    origin's), read again at most once per round and per minute when an unknown kid
    turns up (a rotation there)."""

    holder: Peer | RemoteOrigin
    http: httpx.AsyncClient
    cache: dict[str, OKPKey] = field(default_factory=dict)
    refetched: bool = False

    def _find(self, kid: str) -> OKPKey | None:
        if kid in self.cache:
            return self.cache[kid]
        for jwk in (self.holder.envelope_keys or {}).get("keys", []):
            if isinstance(jwk, dict) and jwk.get("kid") == kid and jwk.get("kty") == "OKP":
                try:
                    self.cache[kid] = OKPKey.import_key(jwk)
                except (ValueError, TypeError):
                    return None
                return self.cache[kid]
        return None

    async def key_for(self, kid: str) -> OKPKey | None:
        found = self._find(kid)
        if found is not None or self.refetched:
            return found
        fetched_at = self.holder.keys_fetched_at
        if fetched_at is not None:
            age = (datetime.now(UTC) - fetched_at).total_seconds()
            if age < KEY_REFETCH_SECONDS:
                raise KeysPending(
                    f"an entry is signed with key {kid[:64]!r} of {self.holder.instance_id}, "
                    f"not among its keys read {age:.0f} s ago; they are read again after "
                    f"{KEY_REFETCH_SECONDS} s",
                    KEY_REFETCH_SECONDS - age + 1,
                )
        self.refetched = True
        try:
            keys = await client.envelope_keys(self.http, self.holder.jwks_uri)
        except client.PeerUnavailable:
            if isinstance(self.holder, Peer):
                raise  # the peer being served from cannot be reached: the round fails
            return None  # a relayed origin out of reach: its entry waits in quarantine
        self.holder.envelope_keys = {"keys": keys}
        self.holder.keys_fetched_at = datetime.now(UTC)
        await (
            type(self.holder)
            .filter(id=self.holder.id)
            .update(
                envelope_keys=self.holder.envelope_keys, keys_fetched_at=self.holder.keys_fetched_at
            )
        )
        self.cache.clear()
        return self._find(kid)


class Verifier:
    """Whose keys verify what one peer serves: the peer's for its own entries; for
    entries it relays, the origin's, known either as a peer of ours or from the
    relaying peer's list of origins (read once per round when an origin is new)."""

    def __init__(self, settings: Settings, peer: Peer, http: httpx.AsyncClient) -> None:
        self.settings = settings
        self.peer = peer
        self.http = http
        self.keys: dict[str, Keys | None] = {peer.instance_id: Keys(peer, http)}
        self.names: dict[str, str] = {peer.instance_id: peer.name}
        self._asked = False

    async def keys_for(self, origin: str) -> Keys | None:
        if origin in self.keys:
            return self.keys[origin]
        holder: Peer | RemoteOrigin | None = await Peer.get_or_none(instance_id=origin)
        if holder is None:
            holder = await RemoteOrigin.get_or_none(instance_id=origin)
        if holder is None and not self._asked:
            self._asked = True
            holder = await relays.learn(self.http, self.settings, self.peer, origin)
        self.keys[origin] = Keys(holder, self.http) if holder is not None else None
        if holder is not None:
            self.names[origin] = holder.name
        return self.keys[origin]


async def due(now: datetime | None = None) -> list[int]:
    """Active peers whose next pull is due."""
    now = now or datetime.now(UTC)
    peers = (
        await Peer.filter(
            Q(state=PeerState.ACTIVE) & (Q(next_attempt_at=None) | Q(next_attempt_at__lte=now))
        )
        .order_by("next_attempt_at", "id")
        .only("id")
    )
    return [peer.id for peer in peers]


async def active() -> list[int]:
    return [peer.id for peer in await Peer.filter(state=PeerState.ACTIVE).order_by("id").only("id")]


async def sync_all(settings: Settings, owner: str, *, only_due: bool = True) -> list[Round]:
    """One round for every active peer (only those due, unless told otherwise)."""
    ids = await due() if only_due else await active()
    rounds = []
    async with httpx.AsyncClient() as http:
        for peer_id in ids:
            rounds.append(await sync_peer(settings, http, peer_id, owner))
    return rounds


async def sync_peer(settings: Settings, http: httpx.AsyncClient, peer_id: int, owner: str) -> Round:
    """Pull `peer_id`'s feed until caught up (or until something fails)."""
    if not await _take_lease(peer_id, owner):
        peer_name = await Peer.filter(id=peer_id).values_list("instance_id", flat=True)
        return Round(peer=str(peer_name[0]) if peer_name else str(peer_id), skipped=True)
    peer = await Peer.get(id=peer_id)
    result = Round(peer=peer.instance_id, cursor=peer.cursor)
    verifier = Verifier(settings, peer, http)
    # The next page is fetched and its signatures checked while this one is applied.
    pending: asyncio.Future[Fetched] | None = None
    try:
        fetching = pending = asyncio.ensure_future(
            _fetch(settings, http, peer, verifier, peer.cursor, True)
        )
        while True:
            fetched = await fetching
            pending = None
            if fetched.rewind_to is not None:
                await _rewind(peer, owner, fetched.rewind_to, result)
                fetching = pending = asyncio.ensure_future(
                    _fetch(settings, http, peer, verifier, peer.cursor, False)
                )
                continue
            if fetched.relay != peer.relays_to_us and await _relaying(
                peer, owner, fetched.relay, result
            ):
                fetching = pending = asyncio.ensure_future(
                    _fetch(settings, http, peer, verifier, peer.cursor, False)
                )
                continue
            if fetched.more:
                fetching = pending = asyncio.ensure_future(
                    _fetch(settings, http, peer, verifier, fetched.next, not result.rewound)
                )
            await _apply_page(
                peer, owner, fetched.opened, result, verifier.names,
                cursor=(fetched.next, fetched.head),
            )  # fmt: skip
            peer.cursor = fetched.next
            result.pages += 1
            result.cursor = fetched.next
            if not fetched.more:
                break
            await _renew_lease(peer.id, owner)
        if _check_due(settings, peer):
            await check(settings, http, peer, verifier, owner, result)
        await _succeeded(settings, peer)
    except (client.PeerUnavailable, BadPage, LostLease, KeysPending) as error:
        result.error = str(error)[:500]
        await _failed(peer, error)
    except Exception as error:  # a bug or a database failure: the page rolled back
        log.exception("sync with %s failed", peer.instance_id)
        result.error = f"internal error ({type(error).__name__})"
        await _failed(peer, error)
    finally:
        if pending is not None:
            pending.cancel()
            await asyncio.gather(pending, return_exceptions=True)
        await Peer.filter(id=peer_id, lease_owner=owner).update(lease_owner="", lease_until=None)
    return result


async def _rewind(peer: Peer, owner: str, last: int, result: Round) -> None:
    """The peer's newest entry is behind our cursor: its feed went back (a restore
    from a backup), and the numbers after `last` will be given to new entries. Pull
    again from there, and compare digests at the end of the round."""
    message = (
        f"feed went back from {peer.cursor} to {last} (restored from a backup?); "
        "pulling again from there"
    )
    moved = await Peer.filter(id=peer.id, lease_owner=owner, cursor=peer.cursor).update(
        cursor=last, feed_head=last, checked_at=None, last_error=message,
        last_error_at=datetime.now(UTC),
    )  # fmt: skip
    if not moved:
        raise LostLease("the peer's lease passed to another worker")
    log.warning("%s: %s", peer.instance_id, message)
    peer.cursor, peer.checked_at = last, None
    result.rewound = True
    result.cursor = last


async def _relaying(peer: Peer, owner: str, relay: bool, result: Round) -> bool:
    """The peer started (or stopped) serving us other origins' entries. Our cursor
    has passed those it held back until now, so when it starts, pull its feed again
    from the start (what is held here already costs a check, nothing more). Returns
    whether the cursor went back."""
    again = relay and peer.cursor > 0
    changes: dict[str, Any] = {"relays_to_us": relay}
    if again:
        changes["cursor"] = 0
    moved = await Peer.filter(id=peer.id, lease_owner=owner, cursor=peer.cursor).update(**changes)
    if not moved:
        raise LostLease("the peer's lease passed to another worker")
    peer.relays_to_us = relay
    if again:
        log.info("%s relays to us now: pulling its feed again from the start", peer.instance_id)
        peer.cursor = result.cursor = 0
        result.relaying = True
    return again


def _check_due(settings: Settings, peer: Peer) -> bool:
    if peer.checked_at is None:
        return True
    age = (datetime.now(UTC) - peer.checked_at).total_seconds()
    return age >= settings.federation_check_seconds


async def check(
    settings: Settings, http: httpx.AsyncClient, peer: Peer, verifier: Verifier, owner: str,
    result: Round,
) -> None:  # fmt: skip
    """Anti-entropy (see `federation.digests`): compare digests of the peer's items
    with what was applied here, and fetch again, verify and apply the entries of
    items missing or behind. Entries waiting in quarantine are left to admins."""
    theirs = await client.digests(settings, http, peer)
    buckets = theirs.get("buckets")
    if not isinstance(buckets, list) or len(buckets) != digests.BUCKETS:
        raise BadPage("the digest answer has no list of buckets")
    held = await digests.received_items(peer.instance_id)
    ours = digests.bucketed(held)
    waiting = set(
        await Quarantined.filter(peer=peer.instance_id, state=QuarantineState.OPEN).values_list(
            "seq", flat=True
        )
    )
    missing: list[int] = []
    for bucket in (i for i in range(digests.BUCKETS) if buckets[i] != ours[i]):
        listing = (await client.digests(settings, http, peer, bucket)).get("items")
        if not isinstance(listing, list):
            raise BadPage(f"bucket {bucket} has no list of items")
        for row in listing:
            if not (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str)
                    and _seq(row[1]) and _seq(row[2])):  # fmt: skip
                raise BadPage(f"bucket {bucket} lists an item that is not [id, version, seq]")
            item, version, seq = row
            if held.get(item, 0) < version and seq not in waiting and seq > 0:
                missing.append(seq)
    for start in range(0, len(missing), PAGE_SIZE):
        wanted = set(missing[start : start + PAGE_SIZE])
        page = await client.entries_by_seq(settings, http, peer, sorted(wanted))
        raw = page.get("entries")
        if not isinstance(raw, list):
            raise BadPage("the refetch answer has no list of entries")
        pairs = [
            (item["seq"], item["envelope"]) for item in raw
            if isinstance(item, dict) and item.get("seq") in wanted
            and isinstance(item.get("envelope"), str)
        ]  # fmt: skip
        opened = await open_entries(settings, verifier, pairs)
        await _ask_again(settings, http, peer, verifier, opened)
        before = result.applied
        await _apply_page(peer, owner, opened, result, verifier.names)
        result.refetched += result.applied - before
        await _renew_lease(peer.id, owner)
    now = datetime.now(UTC)
    await Peer.filter(id=peer.id).update(checked_at=now)
    peer.checked_at = now
    if missing:
        log.warning(
            "anti-entropy with %s: fetched %d entries again", peer.instance_id, len(missing)
        )


def _check_page(page: dict[str, Any], cursor: int) -> tuple[list[tuple[int, str]], int, bool, int]:
    raw, next_cursor, more = page.get("entries"), page.get("next"), page.get("more")
    head = page.get("last", 0)
    if not isinstance(raw, list) or len(raw) > PAGE_SIZE:
        raise BadPage(f"the page has no list of at most {PAGE_SIZE} entries")
    if not isinstance(next_cursor, int) or not _seq(next_cursor) or not isinstance(more, bool):
        raise BadPage("the page lacks next or more")
    if not isinstance(head, int) or not _seq(head):
        raise BadPage("the page's last is not a sequence number")
    entries: list[tuple[int, str]] = []
    previous = cursor
    for item in raw:
        if not isinstance(item, dict) or not _seq(item.get("seq")):
            raise BadPage("an entry has no sequence number")
        if item["seq"] <= previous:
            raise BadPage(f"sequence numbers go back ({item['seq']} after {previous})")
        if not isinstance(item.get("envelope"), str):
            raise BadPage(f"entry {item['seq']} has no envelope")
        entries.append((item["seq"], item["envelope"]))
        previous = item["seq"]
    if next_cursor < previous:
        raise BadPage("next is behind the page's last entry")
    if more and not entries:
        raise BadPage("an empty page that says there is more")
    return entries, next_cursor, more, max(head, next_cursor)


def _seq(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63


@dataclass
class Fetched:
    """A page of a peer's feed, checked and opened (or a feed that went back)."""

    next: int = 0
    more: bool = False
    head: int = 0
    opened: list[Opened] = field(default_factory=list)
    rewind_to: int | None = None
    relay: bool = False  # the peer serves other origins' entries to us


async def _fetch(
    settings: Settings, http: httpx.AsyncClient, peer: Peer, verifier: Verifier, after: int,
    may_rewind: bool,
) -> Fetched:  # fmt: skip
    page = await client.feed_page(settings, http, peer, after=after, limit=PAGE_SIZE)
    last = page.get("last")
    if (
        may_rewind
        and isinstance(last, int)
        and _seq(last)
        and last < after
        and not page.get("entries")
    ):
        return Fetched(rewind_to=last)
    entries, next_cursor, more, head = _check_page(page, after)
    relay = page.get("relay", False)  # absent: a peer that relays nothing
    if not isinstance(relay, bool):
        raise BadPage("the page's relay is not true or false")
    opened = await open_entries(settings, verifier, entries)
    await _ask_again(settings, http, peer, verifier, opened)
    return Fetched(next_cursor, more, head, opened, relay=relay)


async def _ask_again(
    settings: Settings, http: httpx.AsyncClient, peer: Peer, verifier: Verifier,
    opened: list[Opened],
) -> None:  # fmt: skip
    """An envelope refused before anything in it could be trusted may have been
    damaged on the way (a faulty proxy, a link without TLS): ask the peer for it
    again, up to ASKED_AGAIN times. The first copy that verifies is taken; one served
    twice byte for byte is what the peer holds, and is quarantined with its reason;
    copies that keep changing and never verify fail the round (the connection is at
    fault: nothing of the page is applied, and the next round tries again)."""
    suspect = [item for item in opened if item.refusal is not None]
    for _ in range(ASKED_AGAIN):
        if not suspect:
            return
        page = await client.entries_by_seq(settings, http, peer, [i.seq for i in suspect])
        raw = page.get("entries")
        if not isinstance(raw, list):
            raise BadPage("the refetch answer has no list of entries")
        served = {
            item["seq"]: item["envelope"] for item in raw
            if isinstance(item, dict) and _seq(item.get("seq"))
            and isinstance(item.get("envelope"), str)
        }  # fmt: skip
        lost = [item.seq for item in suspect if item.seq not in served]
        if lost:
            raise BadPage(f"entry {lost[0]} was not served again")
        changed = [item for item in suspect if served[item.seq] != item.token]
        again = await open_entries(settings, verifier, [(i.seq, served[i.seq]) for i in changed])
        for item, copy in zip(changed, again, strict=True):
            item.token, item.entry, item.refusal, item.own = (
                copy.token, copy.entry, copy.refusal, copy.own
            )  # fmt: skip
        suspect = [item for item in changed if item.refusal is not None]
    if suspect:
        raise BadPage(
            f"entry {suspect[0].seq} came differently each time and never verified: "
            "the connection to the peer damages what it carries"
        )


async def open_entry(settings: Settings, verifier: Verifier, seq: int, token: str) -> Opened:
    """An entry of a peer's feed verified, or with the reason it was refused."""
    return (await open_entries(settings, verifier, [(seq, token)]))[0]


async def open_entries(
    settings: Settings, verifier: Verifier, entries: list[tuple[int, str]]
) -> list[Opened]:
    """Entries (seq, envelope) of a peer's feed, each verified against its origin's
    keys or with the reason it was refused. Whose key verifies what is decided here;
    the signature checks themselves may run in helper processes."""
    opened: list[Opened] = []
    jobs: list[verifying.Job] = []
    waiting: list[Opened] = []
    for seq, token in entries:
        item = Opened(seq, token)
        opened.append(item)
        try:
            sealed = unseal(token)
            origin = claimed_origin(sealed.claims())
            if origin == settings.instance_id:
                item.own = True  # our own entry served back: never applied, so no loops
                continue
            keys = await verifier.keys_for(origin)
            if keys is None:
                raise EnvelopeError(
                    "unknown_origin", f"{origin[:80]!r} is not an origin known here"
                )
            key = await keys.key_for(sealed.kid)
            if key is None:
                raise EnvelopeError("unknown_key", f"no key {sealed.kid!r} for {origin}")
        except EnvelopeError as error:
            item.refusal = (error.reason, str(error))
            continue
        jobs.append((sealed, key, origin))
        waiting.append(item)
    checked = verifying.check(jobs, settings.federation_verify_processes)
    results = checked if isinstance(checked, list) else await checked
    for item, outcome in zip(waiting, results, strict=True):
        if isinstance(outcome, tuple):
            item.refusal = outcome
        else:
            item.entry = outcome
    return opened


async def _apply_page(
    peer: Peer, owner: str, opened: list[Opened], result: Round, names: dict[str, str],
    *, cursor: tuple[int, int] | None = None,
) -> None:  # fmt: skip
    """Apply verified entries and quarantine the rest, in one transaction that also
    moves the cursor to `cursor` = (next, feed head) when given; nothing if the lease
    was lost meanwhile."""
    source = apply.Source(via=peer.instance_id, names=names)
    counts = {apply.APPLIED: 0, apply.DUPLICATE: 0, apply.STALE: 0}
    quarantined = own = 0
    async with atomic() as connection:
        if connection.capabilities.dialect == "postgres":
            # The page's lookups (items by origin and id lists) are prepared statements
            # reused for the life of a connection; a generic plan chosen while the
            # tables were small would scan them whole once they have grown.
            await connection.execute_script("SET LOCAL plan_cache_mode = force_custom_plan")
        ours = Peer.filter(id=peer.id, lease_owner=owner)
        if cursor is not None:
            moved = await ours.filter(cursor=peer.cursor).update(
                cursor=cursor[0], feed_head=cursor[1]
            )
        else:
            moved = await ours.count()
        if not moved:
            raise LostLease("the peer's lease passed to another worker")
        verified = [item for item in opened if not item.own and item.refusal is None]
        outcomes = await apply.apply_page([item.entry for item in verified], source)
        relayable = []
        for item, outcome in zip(verified, outcomes, strict=True):
            if isinstance(outcome, apply.Refused):
                item.refusal = (outcome.reason, str(outcome))
            else:
                counts[outcome] += 1
                if outcome == apply.APPLIED:
                    relayable.append((item.entry, item.token))
        await feed.append_relayed(relayable)  # what peers we relay to may pull next
        for item in opened:
            if item.own:
                own += 1
            elif item.refusal is not None:
                await quarantine(peer.instance_id, item, item.refusal)
                quarantined += 1
    result.applied += counts[apply.APPLIED]
    result.duplicates += counts[apply.DUPLICATE]
    result.stale += counts[apply.STALE]
    result.quarantined += quarantined
    result.own += own


async def quarantine(peer: str, item: Opened, refusal: tuple[str, str]) -> None:
    reason, message = refusal
    entry = item.entry
    facts: dict[str, Any] = {
        "origin": entry.origin if entry else "",
        "item_id": entry.id if entry else "",
        "version": entry.version if entry else 0,
        "reason": reason[:32],
        "message": message[:2000],
        "envelope": item.token,
    }
    if entry is None:
        facts.update(_unverified_facts(item.token))
    existing = await Quarantined.get_or_none(peer=peer, seq=item.seq)
    if existing is None:
        await Quarantined.create(peer=peer, seq=item.seq, **facts)
    else:
        await Quarantined.filter(id=existing.id).update(
            **facts, state=QuarantineState.OPEN, attempts=F("attempts") + 1, resolved_at=None
        )
    log.warning("quarantined entry %s of %s: %s (%s)", item.seq, peer, reason, message[:200])


def _unverified_facts(token: str) -> dict[str, Any]:
    """What an unverified envelope claims to be, for the admin's eyes only (never
    trusted: it is shown beside the reason it was refused)."""
    try:
        payload = claimed(token)
    except EnvelopeError:
        return {}
    version = payload.get("version")
    return {
        "origin": str(payload.get("origin", ""))[:200],
        "item_id": str(payload.get("id", ""))[:64],
        "version": version if isinstance(version, int) and 0 <= version < 2**31 else 0,
    }


async def _take_lease(peer_id: int, owner: str) -> bool:
    now = datetime.now(UTC)
    free = Q(lease_until=None) | Q(lease_until__lt=now) | Q(lease_owner=owner)
    dead = _dead_owner_here(await Peer.filter(id=peer_id).values_list("lease_owner", flat=True))
    if dead:
        free |= Q(lease_owner=dead)
    taken = await Peer.filter(Q(id=peer_id) & Q(state=PeerState.ACTIVE) & free).update(
        lease_owner=owner, lease_until=now + timedelta(seconds=LEASE_SECONDS)
    )
    return bool(taken)


def _dead_owner_here(owners: list[Any]) -> str:
    """The lease holder, if it was a process of this host that no longer runs (killed
    mid-round): its lease need not be waited out."""
    holder = str(owners[0]) if owners and owners[0] else ""
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return ""
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return holder
    except PermissionError:
        return ""
    return ""


async def _renew_lease(peer_id: int, owner: str) -> None:
    until = datetime.now(UTC) + timedelta(seconds=LEASE_SECONDS)
    if not await Peer.filter(id=peer_id, lease_owner=owner).update(lease_until=until):
        raise LostLease("the peer's lease passed to another worker")


async def _succeeded(settings: Settings, peer: Peer) -> None:
    now = datetime.now(UTC)
    await Peer.filter(id=peer.id).update(
        failures=0,
        last_success_at=now,
        next_attempt_at=now + timedelta(seconds=settings.federation_poll_seconds),
    )


def backoff_seconds(failures: int, error: BaseException, rng: random.Random | None = None) -> float:
    """How long to wait after `failures` failed rounds in a row, the last with `error`."""
    status = getattr(error, "status", None)
    if status is not None and 400 <= status < 500 and status not in RETRYABLE_4XX:
        return MAX_BACKOFF_SECONDS  # not retried blindly: an admin should look
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        return min(max(float(retry_after), FIRST_BACKOFF_SECONDS), MAX_BACKOFF_SECONDS)
    ceiling = min(FIRST_BACKOFF_SECONDS * 2 ** max(failures - 1, 0), MAX_BACKOFF_SECONDS)
    # "Equal jitter": at least half the step, so waits still grow; workers spread out.
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


async def _failed(peer: Peer, error: BaseException) -> None:
    now = datetime.now(UTC)
    failures = peer.failures + 1
    await Peer.filter(id=peer.id).update(
        failures=failures,
        last_error=str(error)[:2000] or type(error).__name__,
        last_error_at=now,
        next_attempt_at=now + timedelta(seconds=backoff_seconds(failures, error)),
    )
    peer.failures = failures

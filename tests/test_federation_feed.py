"""The feed: an entry for every version of a local publication shared beyond its
network, appended in the change's transaction and signed; tombstones for retractions
and withdrawals; served to peers only; keys rotated without breaking verification."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from joserfc.jwk import OKPKey

from federation import feed, keys
from federation.envelope import Entry, open_envelope
from federation.models import EnvelopeKey, FeedEntry
from network.access.principal import SYSTEM, Principal, PrincipalKind, member_principal
from network.access.scopes import FEDERATION, READ
from network.auth.models import ApiClient
from network.offices.models import Attribution, Office, OfficeRole
from network.publications import service
from network.publications.models import Publication, PublicationKind, Visibility
from network.settings import Settings
from network.transactions import atomic
from tests.conftest import as_principal, gql

PEER = Principal(kind=PrincipalKind.CLIENT, scopes=frozenset({FEDERATION}), label="peer-b")


async def _published_keys() -> dict[str, OKPKey]:
    return {k["kid"]: OKPKey.import_key(k) for k in await keys.published()}


async def _open(settings: Settings, row: FeedEntry) -> Entry:
    known = await _published_keys()

    async def key_for(kid: str) -> OKPKey | None:
        return known.get(kid)

    return await open_envelope(row.envelope, key_for, origin=settings.instance_id)


async def _entries(publication: Publication) -> list[FeedEntry]:
    return await FeedEntry.filter(item_id=publication.origin_id).order_by("seq")


async def _create(
    settings: Settings, slug: str, visibility: Visibility, title: str, **kw
) -> Publication:
    office = await Office.get(slug=slug)
    new = service.NewPublication(
        kind=PublicationKind.POLICY,
        draft=service.RevisionDraft(title=title, body="What the office does, redacted."),
        topics=("bail-pretrial",),
        visibility=visibility,
        **kw,
    )
    return await service.create_publication(
        SYSTEM, office, new, instance_id=settings.instance_id, generalized_k=3
    )


async def test_publish_revise_retract_each_append_a_signed_entry(settings: Settings) -> None:
    item = await _create(settings, "harlow-county-da", Visibility.FEDERATED, "Feed probe: bail")
    assert await _entries(item) == []  # a draft goes nowhere
    await service.publish_publication(SYSTEM, item.id, instance_id=settings.instance_id)
    revised = service.RevisionDraft(title="Feed probe: bail (v2)", change_summary="Clearer.")
    await service.revise_publication(SYSTEM, item.id, revised, instance_id=settings.instance_id)
    await service.retract_publication(
        SYSTEM, item.id, instance_id=settings.instance_id, reason="Superseded by statute."
    )
    rows = await _entries(item)
    opened = [await _open(settings, row) for row in rows]
    assert [(e.kind, e.version) for e in opened] == [
        ("publication", 2), ("publication", 3), ("retraction", 4),
    ]  # fmt: skip
    assert [r.seq for r in rows] == sorted(r.seq for r in rows)
    assert opened[1].body["title"] == "Feed probe: bail (v2)"
    assert opened[1].body["revision"]["number"] == 2
    assert opened[2].body["reason"] == "Superseded by statute."
    # Replaying a change appends nothing new.
    fresh = await Publication.get(id=item.id)
    assert await feed.publication_entry(settings, fresh) is None


async def test_only_shared_items_enter_and_only_under_their_label(settings: Settings) -> None:
    private = await _create(settings, "harlow-county-da", Visibility.NETWORK, "Feed probe: quiet")
    await service.publish_publication(SYSTEM, private.id, instance_id=settings.instance_id)
    assert await _entries(private) == []
    office = await Office.get(slug="harlow-county-da")
    hidden = await _create(
        settings, "harlow-county-da", Visibility.PUBLIC, "Feed probe: masked",
        attribution=Attribution.PSEUDONYMOUS,
    )  # fmt: skip
    await service.publish_publication(SYSTEM, hidden.id, instance_id=settings.instance_id)
    (row,) = await _entries(hidden)
    entry = await _open(settings, row)
    assert entry.body["attributionLabel"] == office.pseudonym
    assert office.name not in row.envelope and office.slug not in row.envelope
    # Narrowed to the network afterwards: peers are told to drop it.
    await service.publish_publication(
        SYSTEM, hidden.id, instance_id=settings.instance_id, visibility=Visibility.NETWORK
    )
    rows = await _entries(hidden)
    assert [r.kind for r in rows] == ["publication", "retraction"]
    assert (await _open(settings, rows[-1])).body["reason"].startswith("No longer shared")


async def test_a_rolled_back_publish_leaves_no_entry(settings: Settings) -> None:
    item = await _create(settings, "harlow-county-da", Visibility.FEDERATED, "Feed probe: undo")
    before = await FeedEntry.all().count()
    with pytest.raises(RuntimeError):
        async with atomic():
            await service.publish_publication(SYSTEM, item.id, instance_id=settings.instance_id)
            assert await FeedEntry.all().count() == before + 1  # inside, it is there
            raise RuntimeError("the request failed after publishing")
    assert await FeedEntry.all().count() == before
    assert await feed.backfill(settings) == 0  # and nothing is owed for it


async def test_rotation_keeps_old_entries_verifiable_for_the_retention(settings: Settings) -> None:
    item = await _create(settings, "harlow-county-da", Visibility.FEDERATED, "Feed probe: keys")
    await service.publish_publication(SYSTEM, item.id, instance_id=settings.instance_id)
    (old,) = await _entries(item)
    new_kid, retired = await keys.rotate(settings)
    assert retired and new_kid not in retired
    revised = service.RevisionDraft(title="Feed probe: keys (v2)", change_summary="After.")
    await service.revise_publication(SYSTEM, item.id, revised, instance_id=settings.instance_id)
    rows = await _entries(item)
    assert (await _open(settings, rows[0])).kid in retired
    assert (await _open(settings, rows[1])).kid == new_kid
    # Past its retention a retired key is no longer published: its entries stop verifying.
    later = datetime.now(UTC) + timedelta(days=settings.federation_key_retention_days + 1)
    assert set(retired).isdisjoint(k["kid"] for k in await keys.published(later))
    assert new_kid in {k["kid"] for k in await keys.published(later)}
    assert await EnvelopeKey.filter(kid__in=retired, retired_at__isnull=False).count() == len(
        retired
    )
    assert old.seq < rows[1].seq


async def test_the_feed_is_served_to_peers_only(settings: Settings, app_client) -> None:
    doc = (await app_client.get("/.well-known/practice-network")).json()
    assert doc["id"] == settings.instance_id and doc["protocolVersion"] == 1
    assert doc["jwksUri"].endswith("/federation/jwks.json")
    jwks = (await app_client.get("/federation/jwks.json")).json()
    assert jwks["keys"] and all("d" not in k for k in jwks["keys"])  # public halves only
    assert (await app_client.get("/federation/feed")).status_code == 401
    office = await Office.get(slug="harlow-county-da")
    member = member_principal(office_id=office.id, member_id=1, role=OfficeRole.OFFICE_ADMIN)
    reader = replace(PEER, scopes=frozenset({READ}))
    for outsider in (member, reader):
        async with as_principal(app_client, outsider) as client:
            assert (await client.get("/federation/feed")).status_code == 403
    async with as_principal(app_client, PEER) as client:
        for bad in ("after=-1", "after=x", "limit=0", "limit=1e3", "after=" + "9" * 30):
            assert (await client.get(f"/federation/feed?{bad}")).status_code == 400, bad
        # A peer this instance does not relay to is served its own entries only.
        total = await FeedEntry.filter(origin=settings.instance_id).count()
        assert total >= 3
        seen: list[int] = []
        after = 0
        while True:
            page = (await client.get(f"/federation/feed?after={after}&limit=2")).json()
            seen += [e["seq"] for e in page["entries"]]
            assert len(page["entries"]) <= 2
            after = page["next"]
            if not page["more"]:
                break
        assert seen == sorted(seen) and len(seen) == total
        last = (await client.get(f"/federation/feed?after={after}")).json()
        assert last["entries"] == [] and last["next"] == after and last["more"] is False


async def test_peer_transport_is_plain_http_json(settings: Settings, app_client) -> None:
    async with as_principal(app_client, PEER) as client:
        response = await client.get("/federation/feed?limit=1")
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["cache-control"] == "no-store"
    page = response.json()
    assert set(page) == {"origin", "entries", "next", "more", "last", "relay"}
    assert page["relay"] is False  # this peer is served our own entries only
    newest = await FeedEntry.filter(origin=settings.instance_id).order_by("-seq").first()
    assert newest is not None and page["last"] == newest.seq


async def test_adding_a_peer_at_an_unusable_address_is_a_clear_error(
    settings: Settings, app_client
) -> None:
    admin = Principal(kind=PrincipalKind.MEMBER, member_id=1, is_network_admin=True)
    document = (
        'mutation($url: String!) { addPeer(url: $url, code: "pn-invite-x") '
        "{ peer { instanceId } errors { code message } } }"
    )
    async with as_principal(app_client, admin) as client:
        for url in ("ftp://127.0.0.1/x", "not a url", "http://127.0.0.1:99999",
                    "http://127.0.0.1:9/?q=1", "http://127.0.0.1:9"):  # fmt: skip
            body = await gql(client, document, {"url": url})
            assert "errors" not in body, body
            (error,) = body["data"]["addPeer"]["errors"]
            assert error["code"] == "INVALID_INPUT" and error["message"], (url, error)
    # Nothing was registered for a peer that never answered.
    assert not await ApiClient.filter(revoked_at=None).exclude(peer_instance="").exists()

"""What federation tests do inside a running instance's own environment (its database,
secret and id), as `python -m tests.federation_actions COMMAND JSON`: publish, revise,
retract or withdraw as the office would, and report copies and peers. Prints one JSON
line."""

import asyncio
import json
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import Tortoise

from federation import envelope, keys
from federation.models import FeedEntry, Peer, Quarantined, QuarantineState, Received
from network.access.principal import SYSTEM
from network.db import tortoise_config
from network.offices.models import Attribution, Office, OfficeKind, Region
from network.offices.service import NewOffice, create_office, pseudonym_key
from network.publications import service
from network.publications.models import (
    Publication,
    PublicationKind,
    Revision,
    Visibility,
)
from network.settings import Settings, load_settings
from network.wiring import wire


async def office(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    made = await create_office(
        SYSTEM,
        NewOffice(args["slug"], args["name"], args["name"], args.get("state", "OR"),
                  OfficeKind.COUNTY, 250_000, Region.WEST),
        pseudonym_key=pseudonym_key(settings),
    )  # fmt: skip
    return {"id": made.id, "pseudonym": made.pseudonym}


async def publish(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    office = await Office.get(slug=args["office"])
    new = service.NewPublication(
        kind=PublicationKind(args.get("kind", "BRIEF")),
        draft=service.RevisionDraft(title=args["title"], body=args.get("body", "What we did.")),
        topics=tuple(args.get("topics", ["bail-pretrial"])),
        visibility=Visibility(args.get("visibility", "FEDERATED")),
        attribution=Attribution(args.get("attribution", "PSEUDONYMOUS")),
    )
    created = await service.create_publication(
        SYSTEM, office, new, instance_id=settings.instance_id, generalized_k=settings.generalized_k
    )
    done = await service.publish_publication(SYSTEM, created.id, instance_id=settings.instance_id)
    return {"id": done.origin_id, "version": done.version, "label": done.attribution_label}


async def fill(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    """Append `count` signed entries of new pseudonymous items straight to the feed
    (a large feed without publishing each item through the workflow)."""
    signer = await keys.signer(settings)
    rows = []
    for n in range(args["count"]):
        item = str(uuid.uuid4())
        entry_body = {
            "kind": "POLICY", "visibility": "FEDERATED", "title": f"Filled item {n}",
            "summary": "", "attribution": "PSEUDONYMOUS", "attributionLabel": f"Office F{n % 40}",
            "office": {}, "topics": ["bail-pretrial"], "effectiveDate": None,
            "sunsetDate": None, "publishedAt": "2026-01-01T00:00:00+00:00",
            "sourceReference": "",
            "revision": {"number": 1, "title": f"Filled item {n}", "summary": "",
                         "body": f"Text of item {n}.", "sections": {}, "evidenceLevel": None,
                         "evidenceStudies": None, "changeSummary": "",
                         "publishedAt": "2026-01-01T00:00:00+00:00"},
        }  # fmt: skip
        token = envelope.seal(signer.key, signer.kid, {
            "origin": settings.instance_id, "id": item, "version": 1, "kind": "publication",
            "body": entry_body,
        })  # fmt: skip
        rows.append(FeedEntry(origin=settings.instance_id, item_id=item, version=1,
                              kind="publication", envelope=token))  # fmt: skip
    await FeedEntry.bulk_create(rows, batch_size=500)
    return {"count": len(rows)}


async def received(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    rows = await Received.filter(origin=args["origin"]).count()
    items = await Publication.filter(origin_instance=args["origin"]).count()
    return {"received": rows, "copies": items}


async def _local(settings: Settings, origin_id: str) -> Publication:
    return await Publication.get(origin_instance=settings.instance_id, origin_id=origin_id)


async def revise(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    publication = await _local(settings, args["id"])
    draft = service.RevisionDraft(
        title=args["title"], body=args.get("body", "Revised."), change_summary="Updated."
    )
    await service.revise_publication(
        SYSTEM, publication.id, draft, instance_id=settings.instance_id
    )
    return {"version": (await _local(settings, args["id"])).version}


async def retract(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    publication = await _local(settings, args["id"])
    done = await service.retract_publication(
        SYSTEM, publication.id, instance_id=settings.instance_id, reason=args["reason"]
    )
    return {"version": done.version}


async def share(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    publication = await _local(settings, args["id"])
    done = await service.publish_publication(
        SYSTEM, publication.id, instance_id=settings.instance_id,
        visibility=Visibility(args["visibility"]),
    )  # fmt: skip
    return {"version": done.version}


async def copies(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    found = []
    for p in await Publication.filter(origin_instance=args["origin"]).order_by("id"):
        office = await Office.get(id=p.office_id)  # type: ignore[attr-defined]
        head = await Revision.get_or_none(id=p.head_revision_id) if p.head_revision_id else None
        found.append(
            {
                "id": p.origin_id, "status": str(p.status), "version": p.version,
                "title": p.title, "visibility": str(p.visibility),
                "attribution": str(p.attribution), "label": p.attribution_label,
                "originName": p.origin_name, "body": head.body if head else None,
                "revisions": await Revision.filter(publication_id=p.id).count(),
                "office": {"slug": office.slug, "placeholder": office.placeholder,
                           "origin": office.origin_instance, "state": office.state,
                           "region": str(office.region), "name": office.name},
            }
        )  # fmt: skip
    tombstones = await Received.filter(origin=args["origin"], final=True).count()
    return {"copies": found, "tombstones": tombstones}


async def shared(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    """This instance's own items shared beyond it, by state."""
    rows = await Publication.filter(
        origin_instance=settings.instance_id,
        visibility__in=[Visibility.FEDERATED, Visibility.PUBLIC],
    ).values_list("origin_id", "status", "version")
    return {"items": [{"id": i, "status": str(s), "version": v} for i, s, v in rows]}


async def peers(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for peer in await Peer.all().order_by("instance_id"):
        rows.append(
            {
                "id": peer.instance_id, "cursor": peer.cursor, "head": peer.feed_head,
                "failures": peer.failures, "lastError": peer.last_error,
                "lastSuccess": peer.last_success_at.isoformat() if peer.last_success_at
                else None,
                "quarantined": await Quarantined.filter(
                    peer=peer.instance_id, state=QuarantineState.OPEN
                ).count(),
            }
        )  # fmt: skip
    return {"peers": rows}


async def state(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    """The items of `origin` as this instance holds them: on the origin, the newest
    entry of each in its feed; elsewhere, what was applied, the copies (every row, so
    a duplicate shows) and the entries waiting in quarantine."""
    origin = args["origin"]
    if origin == settings.instance_id:
        newest: dict[str, list[Any]] = {}
        for item, version, kind in await FeedEntry.filter(origin=origin).values_list(
            "item_id", "version", "kind"
        ):
            if version > newest.get(item, [0])[0]:
                newest[item] = [version, kind]
        return {"items": newest}
    applied = await Received.filter(origin=origin).values_list("item_id", "version", "kind")
    rows = await Publication.filter(origin_instance=origin).values_list(
        "origin_id", "version", "status"
    )
    waiting = await Quarantined.filter(peer=origin, state=QuarantineState.OPEN).count()
    return {
        "items": {item: [version, kind] for item, version, kind in applied},
        "copies": [[item, version, str(status)] for item, version, status in rows],
        "quarantined": waiting,
    }


async def age_keys(settings: Settings, args: dict[str, Any]) -> dict[str, Any]:
    """Date the last read of a peer's keys an hour back (a test cannot wait the
    minute between reads)."""
    moved = await Peer.filter(instance_id=args["peer"]).update(
        keys_fetched_at=datetime.now(UTC) - timedelta(hours=1)
    )
    return {"peers": moved}


COMMANDS = {
    "office": office, "publish": publish, "fill": fill, "received": received, "revise": revise,
    "retract": retract, "share": share, "copies": copies, "shared": shared, "peers": peers,
    "state": state, "age_keys": age_keys,
}  # fmt: skip


async def main(command: str, args: dict[str, Any]) -> None:
    settings = load_settings()
    wire(settings)
    await Tortoise.init(config=tortoise_config(settings))
    try:
        result = await COMMANDS[command](settings, args)
    finally:
        await Tortoise.close_connections()
    print(json.dumps(result, default=str))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}))

"""`network keys rotate` and `network peer invite | add | list | pause | resume | remove`."""

import argparse
import asyncio
import re
import sys
from datetime import timedelta
from typing import Any

import httpx

from federation import keys, peering
from federation.models import Peer, PeerState
from network.access.principal import SYSTEM
from network.errors import DomainError
from network.settings import Settings

_DURATION = re.compile(r"^(\d{1,4})([mhd])$")


def add_commands(commands: Any) -> None:
    group = commands.add_parser("keys", help="the instance's federation signing keys")
    actions = group.add_subparsers(dest="action", required=True)
    actions.add_parser(
        "rotate",
        help="add a new signing key and retire the current one for signing (it stays "
        "published for verification for NETWORK_FEDERATION_KEY_RETENTION_DAYS)",
    )
    peer = commands.add_parser("peer", help="peer with other instances")
    verbs = peer.add_subparsers(dest="action", required=True)
    invite = verbs.add_parser("invite", help="print a one-time code another instance peers with")
    invite.add_argument("--expires-in", default="1h", help="e.g. 30m, 1h, 2d (default 1h)")
    add = verbs.add_parser("add", help="peer with the instance at URL using its invitation CODE")
    add.add_argument("url")
    add.add_argument("code")
    verbs.add_parser("list", help="peers with their sync status")
    for verb in ("pause", "resume", "remove"):
        verbs.add_parser(verb, help=f"{verb} a peer").add_argument("instance_id")
    relay = verbs.add_parser(
        "relay", help="serve (on) or stop serving (off) other origins' entries to a peer"
    )
    relay.add_argument("instance_id")
    relay.add_argument("setting", choices=["on", "off"])


def duration(text: str) -> timedelta:
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a duration like 30m, 1h or 2d")
    amount, unit = int(match[1]), match[2]
    return {"m": timedelta(minutes=amount), "h": timedelta(hours=amount),
            "d": timedelta(days=amount)}[unit]  # fmt: skip


def run(args: argparse.Namespace, settings: Settings, with_db: Any) -> int:
    try:
        return int(asyncio.run(with_db(settings, lambda: _run(args, settings))))
    except (DomainError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "keys":
        kid, retired = await keys.rotate(settings)
        for old in retired:
            print(f"retired {old} for signing; verifiable for "
                  f"{settings.federation_key_retention_days} days")  # fmt: skip
        print(f"signing with {kid}")
        return 0
    if args.action == "invite":
        code = await peering.invite(SYSTEM, expires_in=duration(args.expires_in))
        print(f"Give this code to the other instance's admin (valid {args.expires_in}, once):")
        print(code)
        return 0
    if args.action == "add":
        async with httpx.AsyncClient() as client:
            peer = await peering.add(SYSTEM, settings, client, args.url, args.code)
        print(f"Peered with {peer.instance_id} ({peer.name}) at {peer.base_url}.")
        return 0
    if args.action == "list":
        for peer in await Peer.all().order_by("instance_id"):
            print(
                f"{peer.instance_id}\t{peer.state}\t{peer.base_url}\tcursor {peer.cursor}\t"
                f"feed head {peer.feed_head}\trelay {'on' if peer.relay else 'off'}\t"
                f"last success {peer.last_success_at or '-'}\t"
                f"last error {peer.last_error[:120] or '-'}"
            )
        return 0
    if args.action == "relay":
        peer = await peering.set_relay(SYSTEM, args.instance_id, args.setting == "on")
        print(f"{peer.instance_id}: relay {'on' if peer.relay else 'off'}.")
        return 0
    if args.action == "remove":
        await peering.remove(SYSTEM, args.instance_id)
        print(f"Removed {args.instance_id}.")
        return 0
    state = PeerState.PAUSED if args.action == "pause" else PeerState.ACTIVE
    await peering.set_state(SYSTEM, args.instance_id, state)
    print(f"{args.instance_id}: {state}.")
    return 0

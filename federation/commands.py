"""`network keys rotate`: a new federation signing key; the old one keeps verifying."""

import argparse
import asyncio
from typing import Any

from federation import keys
from network.settings import Settings


def add_commands(commands: Any) -> None:
    group = commands.add_parser("keys", help="the instance's federation signing keys")
    actions = group.add_subparsers(dest="action", required=True)
    actions.add_parser(
        "rotate",
        help="add a new signing key and retire the current one for signing (it stays "
        "published for verification for NETWORK_FEDERATION_KEY_RETENTION_DAYS)",
    )


def run(args: argparse.Namespace, settings: Settings, with_db: Any) -> int:
    async def rotate() -> tuple[str, list[str]]:
        return await keys.rotate(settings)

    kid, retired = asyncio.run(with_db(settings, rotate))
    for old in retired:
        print(f"retired {old} for signing; verifiable for "
              f"{settings.federation_key_retention_days} days")  # fmt: skip
    print(f"signing with {kid}")
    return 0

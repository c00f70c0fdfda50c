"""Command-line administration: bootstrap a network admin, connect an office's
identity provider, and manage API clients (the command line acts as SYSTEM)."""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from network.access.principal import SYSTEM
from network.access.scopes import SCOPES
from network.auth import service as identity
from network.auth.models import ClientAuthMethod
from network.errors import DomainError
from network.offices.models import Office, OfficeRole
from network.settings import Settings


def add_commands(commands: Any) -> None:
    admin = commands.add_parser("admin", help="network administrators").add_subparsers(
        dest="admin_command", required=True
    )
    create = admin.add_parser("create", help="make an identity a network admin")
    create.add_argument("--office", required=True, help="office slug the admin belongs to")
    create.add_argument("--issuer", required=True, help="the office provider's issuer URL")
    create.add_argument("--subject", required=True, help="the person's `sub` at that provider")
    create.add_argument("--email", default="")
    create.add_argument("--name", default="")

    idp = commands.add_parser("idp", help="office identity providers").add_subparsers(
        dest="idp_command", required=True
    )
    connect = idp.add_parser("set", help="connect or change an office's OpenID provider")
    connect.add_argument("--office", required=True)
    connect.add_argument("--issuer", required=True)
    connect.add_argument("--client-id", required=True)
    connect.add_argument(
        "--client-secret-env",
        default="IDP_CLIENT_SECRET",
        help="environment variable holding the client secret (never a command-line argument)",
    )
    connect.add_argument("--domains", default="", help="comma-separated allowed email domains")
    connect.add_argument("--role-claim", default="groups")
    connect.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="VALUE=ROLE",
        help="claim value to office role, e.g. pn-admins=OFFICE_ADMIN (repeatable)",
    )

    clients = commands.add_parser("client", help="office API clients").add_subparsers(
        dest="client_command", required=True
    )
    new = clients.add_parser("create", help="create a client; prints its secret once")
    new.add_argument("--office", required=True)
    new.add_argument("--name", required=True)
    new.add_argument("--scopes", default="read", help="comma-separated: " + ", ".join(SCOPES))
    new.add_argument("--jwks", type=Path, help="public JWKS file: makes a private_key_jwt client")
    listing = clients.add_parser("list", help="list an office's clients")
    listing.add_argument("--office", required=True)
    revoke = clients.add_parser("revoke", help="revoke a client; its tokens stop working")
    revoke.add_argument("client_id")


async def _office(slug: str) -> Office:
    office = await Office.get_or_none(slug=slug)
    if office is None:
        raise SystemExit(f"No office with slug {slug!r}.")
    return office


async def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return await _dispatch(args, settings)
    except DomainError as error:
        print(f"Refused: {error.message}", file=sys.stderr)
        return 1


async def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "admin":
        member = await identity.create_network_admin(
            args.office, issuer=args.issuer, subject=args.subject, email=args.email, name=args.name
        )
        print(f"Member {member.id} ({args.subject} at {args.issuer}) is a network admin.")
        return 0
    if args.command == "idp":
        secret = os.environ.get(args.client_secret_env) or None
        mapping = dict(item.split("=", 1) for item in args.role if "=" in item)
        office = await _office(args.office)
        await identity.configure_identity_provider(
            SYSTEM,
            settings,
            office.id,
            identity.IdentityProviderInput(
                issuer=args.issuer,
                client_id=args.client_id,
                client_secret=secret,
                allowed_email_domains=tuple(d for d in args.domains.split(",") if d),
                role_claim=args.role_claim,
                role_mapping=mapping,
                default_role=OfficeRole.VIEWER,
            ),
        )
        print(f"{office.name} signs in through {args.issuer}.")
        return 0
    if args.client_command == "create":
        office = await _office(args.office)
        jwks = json.loads(args.jwks.read_text()) if args.jwks else None
        client, secret = await identity.create_api_client(
            SYSTEM,
            office.id,
            identity.NewApiClient(
                name=args.name,
                scopes=tuple(s.strip() for s in args.scopes.split(",") if s.strip()),
                auth_method=(
                    ClientAuthMethod.PRIVATE_KEY_JWT
                    if jwks
                    else ClientAuthMethod.CLIENT_SECRET_BASIC
                ),
                jwks=jwks,
            ),
        )
        print(f"client_id: {client.client_id}")
        if secret:
            print(f"client_secret: {secret}")
            print("Store the secret now: it is not shown again.", file=sys.stderr)
        return 0
    if args.client_command == "list":
        office = await _office(args.office)
        for client in await identity.list_api_clients(SYSTEM, office.id):
            state = f"revoked {client.revoked_at:%Y-%m-%d}" if client.revoked_at else "active"
            print(
                f"{client.client_id}\t{client.name}\t{','.join(client.scopes)}\t{client.auth_method}\t{state}"
            )
        return 0
    await identity.revoke_api_client(SYSTEM, args.client_id)
    print(f"Revoked {args.client_id}.")
    return 0

"""The `network` command: migrate, load the demo, serve, run background jobs, print the schema."""

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tortoise import Tortoise

from federation.commands import add_commands as add_key_commands
from network.anonymize import command as anonymize_command
from network.auth.cli import add_commands as add_identity_commands
from network.db import tortoise_config
from network.http.addresses import listening_url, same_origin
from network.metrics.commands import add_commands as add_metric_commands
from network.publications.commands import add_commands as add_publication_commands
from network.settings import Settings, load_settings
from network.wiring import wire

log = logging.getLogger("network")


async def _with_db(settings: Settings, work: Callable[[], Awaitable[Any]]) -> Any:
    """Run `work` with Tortoise initialised; always close connections (aiosqlite's
    worker threads keep the process alive otherwise)."""
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    try:
        return await work()
    finally:
        await Tortoise.close_connections()


async def migrate_database(settings: Settings) -> tuple[int, int]:
    """Apply every migration, sync the reference data (taxonomy, standard metrics) and
    replace reversible first-scheme pseudonyms."""
    from tortoise.migrations.api import migrate

    from network.pseudonym_upgrade import upgrade_legacy_pseudonyms
    from network.reference import sync_reference_data

    try:
        await migrate(config=tortoise_config(settings))
    finally:
        await Tortoise.close_connections()

    async def after_migrations() -> tuple[int, int]:
        from federation.feed import backfill

        counts = await sync_reference_data()
        upgrade = await upgrade_legacy_pseudonyms(settings)
        if upgrade.offices:
            log.warning(
                "replaced the reversible pseudonyms of %d offices (%d publications "
                "relabelled): their old pseudonyms identify them, see README",
                upgrade.offices,
                upgrade.publications,
            )
        added = await backfill(settings)
        if added:
            log.info("added %d publications shared before the federation feed to it", added)
        return counts

    result: tuple[int, int] = await _with_db(settings, after_migrations)
    return result


def _cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    topics, metrics = asyncio.run(migrate_database(settings))
    print(f"Migrations applied; {topics} topics and {metrics} standard metrics in place.")
    return 0


def _cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from network.demo.loader import demo_seed, load_demo

    asyncio.run(migrate_database(settings))
    name = args.instance_name
    seed = args.seed if args.seed is not None else (demo_seed(name) if name else 7)
    report = asyncio.run(
        _with_db(settings, lambda: load_demo(settings, seed=seed, instance_name=name))
    )
    print(
        f"Demo network loaded{f' for {name}' if name else ''} (seed {seed}): "
        f"{report.offices} offices, "
        f"{report.members} members, {report.policies} policies, {report.briefs} briefs, "
        f"{report.observations} observations added."
    )
    return 0


def _cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from network.health import migrations_on_disk, pending_migrations
    from network.http.client_address import TrustedProxies

    try:
        trusted = TrustedProxies.parse(settings.trusted_proxies)
    except ValueError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    pending = asyncio.run(_with_db(settings, pending_migrations))
    if pending:
        print(
            f"Migrations {', '.join(pending)} are not applied: run `network migrate` first.",
            file=sys.stderr,
        )
        return 2
    log.info("schema at migration %s", migrations_on_disk()[-1])
    _settle_base_url(args.host, args.port)
    uvicorn.run(
        "network.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        loop="uvloop",
        http="httptools",
        access_log=args.access_log,
        log_level="info",
        # uvicorn trusts X-Forwarded-For from 127.0.0.1 unless told otherwise; trust
        # exactly the configured proxies, none by default (network.http.client_address
        # applies the same rule in the app, so both agree).
        proxy_headers=bool(trusted),
        forwarded_allow_ips=trusted.as_strings(),
    )
    return 0


def _settle_base_url(host: str, port: int) -> None:
    """The base URL (token issuer, sign-in redirects) follows --host/--port unless
    NETWORK_BASE_URL is set; when it is set to somewhere else, say so now rather than
    let a provider redirect to a dead port. The app processes read it from the
    environment, which uvicorn's workers inherit."""
    listening = listening_url(host, port)
    configured = os.environ.get("NETWORK_BASE_URL", "").strip()
    if not configured:
        os.environ["NETWORK_BASE_URL"] = listening
        log.info("base URL %s (set NETWORK_BASE_URL to publish another)", listening)
        if host in ("0.0.0.0", "::"):  # noqa: S104 - only compared, never bound here
            log.warning(
                "listening on every interface: set NETWORK_BASE_URL to the address "
                "people and identity providers use to reach this instance"
            )
    elif not same_origin(configured, listening):
        log.warning(
            "NETWORK_BASE_URL is %s but this process listens on %s: tokens name %s as "
            "their issuer and sign-in redirects go there (expected behind a reverse "
            "proxy that forwards it here)",
            configured,
            listening,
            configured,
        )


def _cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    import signal

    from federation import sync, verifying
    from federation.runner import Runner
    from network.jobs.service import run_due
    from network.jobs.worker import run_worker, worker_name

    async def work() -> int:
        if args.once:
            ran = await run_due(worker_name(), args.batch)
            print(f"Ran {ran} job(s).")
            for outcome in await sync.sync_all(settings, worker_name(), only_due=False):
                print(f"Synced {outcome.line()}")
            verifying.close()
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        peers = Runner(settings, worker_name())
        peers.start()
        try:
            await run_worker(stop, poll_seconds=args.poll, batch=args.batch)
        finally:
            await peers.stop()
        return 0

    return int(asyncio.run(_with_db(settings, work)))


def _cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    from network.search.reindex import enqueue_full_reindex

    jobs = asyncio.run(_with_db(settings, enqueue_full_reindex))
    print(f"Queued {jobs} search-index job(s); `network worker` runs them.")
    return 0


def _cmd_schema(args: argparse.Namespace, settings: Settings) -> int:
    from network.wiring import graphql_schema

    sdl = graphql_schema(settings).as_str() + "\n"
    if args.output:
        Path(args.output).write_text(sdl, encoding="utf-8")
        print(f"Wrote {args.output}")
    else:
        sys.stdout.write(sdl)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="network", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="apply migrations and sync reference data")
    demo = commands.add_parser("demo", help="load the demo network (idempotent)")
    demo.add_argument(
        "--seed", type=int, help="seed for deterministic demo data (default 7, or one of the name)"
    )
    demo.add_argument(
        "--instance-name",
        help="load the demo of one instance among several: offices of its own (same shapes, "
        "other places) and, without --seed, a seed of its own",
    )
    serve = commands.add_parser("serve", help="serve the instance over HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--access-log", action="store_true")
    worker = commands.add_parser("worker", help="run background jobs and sync peers until stopped")
    worker.add_argument(
        "--once",
        action="store_true",
        help="run the due jobs and one sync round with every active peer, then exit",
    )
    worker.add_argument("--poll", type=float, default=2.0, help="seconds between polls when idle")
    worker.add_argument("--batch", type=int, default=10, help="jobs claimed at a time")
    commands.add_parser("reindex", help="queue a rebuild of the full-text search index")
    add_identity_commands(commands)
    add_publication_commands(commands)
    add_metric_commands(commands)
    add_key_commands(commands)
    anonymize_command.add_command(commands)
    schema = commands.add_parser("schema", help="print the GraphQL SDL")
    schema.add_argument("--output", "-o", help="write to this file instead of stdout")
    return parser


def _cmd_identity(args: argparse.Namespace, settings: Settings) -> int:
    from network.auth.cli import run

    return int(asyncio.run(_with_db(settings, lambda: run(args, settings))))


def _cmd_keys(args: argparse.Namespace, settings: Settings) -> int:
    """`network keys` and `network peer` (federation)."""
    from federation.commands import run

    return run(args, settings, _with_db)


def _cmd_metrics(args: argparse.Namespace, settings: Settings) -> int:
    from network.metrics.commands import run

    return run(args, settings, _with_db)


def _cmd_publications(args: argparse.Namespace, settings: Settings) -> int:
    from network.publications.commands import run

    return run(args, settings, _with_db)


HANDLERS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "anonymize": anonymize_command.run,
    "publications": _cmd_publications,
    "metrics": _cmd_metrics,
    "keys": _cmd_keys,
    "peer": _cmd_keys,
    "admin": _cmd_identity,
    "idp": _cmd_identity,
    "client": _cmd_identity,
    "migrate": _cmd_migrate,
    "demo": _cmd_demo,
    "serve": _cmd_serve,
    "worker": _cmd_worker,
    "reindex": _cmd_reindex,
    "schema": _cmd_schema,
}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    logging.getLogger("tortoise").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ValueError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    wire(settings)
    return HANDLERS[args.command](args, settings)


if __name__ == "__main__":
    raise SystemExit(main())

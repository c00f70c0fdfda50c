"""`network metrics template` and `network metrics upload FILE --office SLUG [--dry-run]`.

Upload prints each problem on its own line as `line N, column C: message` and exits
0 only when everything was valid (and, unless it was a dry run, stored); the command
line acts as SYSTEM for the named office.
"""

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from network.errors import DomainError
from network.settings import Settings

WithDb = Callable[[Settings, Callable[[], Awaitable[Any]]], Coroutine[Any, Any, Any]]


def add_commands(commands: Any) -> None:
    group = commands.add_parser("metrics", help="office metrics").add_subparsers(
        dest="metrics_command", required=True
    )
    template = group.add_parser("template", help="print a CSV template to fill in")
    template.add_argument("--metrics", default="", help="comma-separated keys (default: all)")
    template.add_argument("--office", default="", help="slug to fill the office column with")
    template.add_argument("--period", default="", help="YYYY-MM (default: last month)")
    upload = group.add_parser("upload", help="validate and upload a CSV of observations")
    upload.add_argument("file", type=Path)
    upload.add_argument("--office", required=True, help="slug of the office the figures are of")
    upload.add_argument("--dry-run", action="store_true", help="validate and show, store nothing")


def run(args: argparse.Namespace, settings: Settings, with_db: WithDb) -> int:
    if args.metrics_command == "template":
        return int(asyncio.run(with_db(settings, lambda: _template(args))))
    path: Path = args.file
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    if path.stat().st_size > settings.max_metrics_upload_bytes:
        print(
            f"line 0, column 0: the file has {path.stat().st_size:,} bytes; at most "
            f"{settings.max_metrics_upload_bytes:,} are read",
            file=sys.stderr,
        )
        return 1
    data = path.read_bytes()

    async def work() -> int:
        try:
            return await _upload(args, settings, path, data)
        except DomainError as error:
            print(f"error: {error.message}", file=sys.stderr)
            return 2

    return int(asyncio.run(with_db(settings, work)))


async def _template(args: argparse.Namespace) -> int:
    from network.metrics import uploads

    today = datetime.now(UTC).date()
    if args.period:
        try:
            year, month = (int(p) for p in args.period.split("-"))
            period = date(year, month, 1)
        except ValueError:
            print(f"error: --period {args.period!r} is not YYYY-MM", file=sys.stderr)
            return 2
    else:
        period = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
    keys = [k.strip() for k in args.metrics.split(",") if k.strip()] or None
    try:
        text = await uploads.template(keys, office_slug=args.office, period=period)
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


async def _upload(args: argparse.Namespace, settings: Settings, path: Path, data: bytes) -> int:
    from network.access.principal import SYSTEM
    from network.metrics import uploads
    from network.offices.models import Office

    office = await Office.get_or_none(slug=args.office[:80])
    if office is None:
        print(f"error: no office {args.office!r}", file=sys.stderr)
        return 2
    report = await uploads.upload_observations(
        SYSTEM,
        office.id,
        data,
        policy=uploads.ReleasePolicy.of(settings),
        today=datetime.now(UTC).date(),
        filename=path.name,
        dry_run=args.dry_run,
    )
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.truncated:
        print("(more problems not shown: fix these first)", file=sys.stderr)
    if not report.valid:
        print(f"{len(report.problems)} problem(s); nothing was stored.", file=sys.stderr)
        return 1
    hidden = sum(1 for t in report.tables for c in t.cells if c.hidden)
    cells = sum(len(t.cells) for t in report.tables)
    verb = "would release" if args.dry_run else "released"
    print(
        f"{report.rows} rows valid; {verb} {len(report.tables)} tables, {cells} cells, "
        f"{hidden} hidden (k={settings.suppression_k})."
    )
    if report.privacy_spent is not None:
        verb_spent = "would spend" if args.dry_run else "spent"
        print(
            f"Differential privacy: {verb_spent} epsilon {report.privacy_spent.normalize():f}; "
            f"{report.unchanged} unchanged table(s) kept as released."
        )
    for table in report.tables:
        for cell in table.cells:
            if cell.flag:
                name = cell.disaggregation or "total"
                print(f"  {table.metric} {table.period} {name}: {cell.flag}")
    if not args.dry_run:
        changed = sum(1 for t in report.tables if t.version is not None)
        print(
            f"Stored upload {report.upload_id}: {changed} new release(s), "
            f"{report.corrections} correction(s) logged."
        )
    return 0

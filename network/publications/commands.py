"""`network publications import FILE --office SLUG`: a document becomes a draft of an
office, analysed like one imported through GraphQL (the command line acts as SYSTEM,
so the draft has no author and any publisher or admin of the office may review it)."""

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

from network.errors import DomainError
from network.publications.models import PublicationKind, Visibility
from network.settings import Settings

WithDb = Callable[[Settings, Callable[[], Awaitable[Any]]], Coroutine[Any, Any, Any]]


def add_commands(commands: Any) -> None:
    group = commands.add_parser("publications", help="office publications").add_subparsers(
        dest="publications_command", required=True
    )
    new = group.add_parser("import", help="import a .docx, .pdf, .md or .txt file as a draft")
    new.add_argument("file", type=Path)
    new.add_argument("--office", required=True, help="slug of the office the draft belongs to")
    new.add_argument("--kind", choices=[k.value for k in PublicationKind], default="POLICY")
    new.add_argument(
        "--topic", action="append", default=[], required=True, help="taxonomy slug (repeatable)"
    )
    new.add_argument("--title", help="defaults to the document's own title or the file name")
    new.add_argument(
        "--visibility", choices=[v.value for v in Visibility], default=Visibility.OFFICE.value
    )


def run(args: argparse.Namespace, settings: Settings, with_db: WithDb) -> int:
    """Read the file, then import it with the database open (`with_db`)."""
    from network.documents.extract import MAX_FILE_BYTES

    path: Path = args.file
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    if path.stat().st_size > MAX_FILE_BYTES:
        print(f"error: {path} is over {MAX_FILE_BYTES // (1024 * 1024)} MiB", file=sys.stderr)
        return 2
    data = path.read_bytes()

    async def work() -> int:
        try:
            return await _import(args, settings, path, data)
        except DomainError as error:
            print(f"error: {error.message}", file=sys.stderr)
            return 2

    return int(asyncio.run(with_db(settings, work)))


async def _import(args: argparse.Namespace, settings: Settings, path: Path, data: bytes) -> int:
    # Imported here: the analysis loads its recognizers, which other commands never need.
    from network.access.principal import SYSTEM
    from network.documents.extract import extract
    from network.offices.models import Office
    from network.publications import drafts, workflow

    office = await Office.get_or_none(slug=args.office[:80])
    if office is None:
        print(f"error: no office {args.office!r}", file=sys.stderr)
        return 2
    document = extract(path.name, data)
    publication, copy = await workflow.create_draft(
        SYSTEM,
        office,
        PublicationKind(args.kind),
        drafts.DraftText(title=args.title or document.title or path.stem, body=document.text),
        workflow.DraftSettings(topics=tuple(args.topic), visibility=Visibility(args.visibility)),
        workflow.Limits(settings.instance_id, settings.generalized_k),
        source_name=path.name,
    )
    findings = (await drafts.findings_of([copy.id]))[copy.id]
    blocking = sum(1 for f in findings if drafts.is_blocking(f))
    print(
        f"Draft {publication.origin_id} created for {office.slug}: {len(findings)} finding(s), "
        f"{blocking} to resolve before review."
    )
    return 0

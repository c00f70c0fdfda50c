"""Applying verified entries of other origins, idempotently by (origin, id, version).

For each item of another origin, `Received` holds the newest version applied and the
digest of its signed payload:

- a version older than that is stale and changes nothing (older never overwrites
  newer, so replays and reordering are harmless);
- the same version with the same digest is a duplicate and changes nothing;
- the same version with another digest is a conflict: quarantined, never applied;
- a retraction is a tombstone, kept even for an item never seen, so a late create
  cannot bring it back; after a final retraction nothing newer is accepted either
  (quarantined); a withdrawal ("no longer shared") may be followed by a newer share;
- an entry whose body does not describe what its kind says is quarantined as invalid.

Everything runs in the caller's transaction, which also advances the cursor.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from federation.entries import PUBLICATION, RETRACTION
from federation.envelope import Entry
from federation.models import Received
from network.db import insert_rows, update_rows
from network.errors import DomainError
from network.offices.models import Attribution, OfficeKind, Region, SizeBand
from network.offices.service import RemoteOffice
from network.publications import copies
from network.publications.models import (
    EvidenceLevel,
    EvidenceStudies,
    PublicationKind,
    Visibility,
)

E = TypeVar("E", bound=StrEnum)

APPLIED = "applied"
DUPLICATE = "duplicate"
STALE = "stale"


class Refused(Exception):
    """The entry is not applied; `reason` is kept with it in quarantine."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """Where entries came from: the peer that served them, and their origins' names."""

    via: str
    names: dict[str, str]  # origin instance id -> the name it gives itself


@dataclass
class _State:
    version: int
    digest: str
    final: bool
    kind: str


async def apply_page(entries: list[Entry], source: Source) -> list[str | Refused]:
    """Apply a page of verified entries of other origins, in order; for each, APPLIED,
    DUPLICATE, STALE or the Refused to quarantine it with. Decided in memory against
    what `Received` holds (read once, locked), then written as one batch."""
    keys = {(e.origin, e.id) for e in entries}
    received: dict[tuple[str, str], Received] = {}
    for origin in {origin for origin, _ in keys}:
        wanted = [item for o, item in keys if o == origin]
        for row in await Received.filter(origin=origin, item_id__in=wanted).select_for_update():
            received[(row.origin, row.item_id)] = row
    state = {
        key: _State(row.version, row.digest, row.final, row.kind) for key, row in received.items()
    }
    plans: dict[tuple[str, str], copies.CopyChange] = {}
    outcomes: list[str | Refused] = []
    for entry in entries:
        key = (entry.origin, entry.id)
        try:
            outcome = _decide(entry, source, state.get(key), plans, key)
        except Refused as refusal:
            outcomes.append(refusal)
            continue
        if outcome == APPLIED:
            state[key] = _State(entry.version, entry.digest, _final(entry), entry.kind)
        outcomes.append(outcome)
    await copies.apply_changes(list(plans.values()))
    new: list[tuple[str, str, int, str, str, bool, str, datetime]] = []
    applied_at = datetime.now(UTC)
    changed: list[Received] = []
    for key, now in state.items():
        stored = received.get(key)
        if stored is None:
            new.append((*key, now.version, now.kind, now.digest, now.final, source.via, applied_at))
        elif (stored.version, stored.digest) != (now.version, now.digest):
            stored.version, stored.kind, stored.digest, stored.final = (
                now.version, now.kind, now.digest, now.final,
            )  # fmt: skip
            stored.via = source.via
            changed.append(stored)
    if changed:
        columns = ("version", "kind", "digest", "final", "via", "applied_at")
        await update_rows(
            Received,
            columns,
            [(r.id, r.version, r.kind, r.digest, r.final, r.via, applied_at) for r in changed],
        )
    await insert_rows(
        Received,
        ("origin", "item_id", "version", "kind", "digest", "final", "via", "applied_at"),
        new,
    )
    return outcomes


def _final(entry: Entry) -> bool:
    return entry.kind == RETRACTION and not _bool(entry.body, "withdrawn", default=False)


def _decide(
    entry: Entry, source: Source, last: _State | None,
    plans: dict[tuple[str, str], copies.CopyChange], key: tuple[str, str],
) -> str:  # fmt: skip
    if last is not None:
        if entry.version < last.version:
            return STALE
        if entry.version == last.version:
            if entry.digest == last.digest:
                return DUPLICATE
            raise Refused("conflict", f"version {entry.version} arrived with other content")
        if last.final:
            raise Refused(
                "after_retraction",
                f"version {entry.version} follows the retraction of version {last.version}",
            )
    if entry.kind == PUBLICATION:
        copy = _copy(entry, source)
        try:
            copies.check(copy)
        except DomainError as error:
            raise Refused("invalid", error.message) from None
        plans.setdefault(key, copies.CopyChange(entry.origin, entry.id)).share(copy)
    elif entry.kind == RETRACTION:
        tombstone = copies.Tombstone(
            version=entry.version,
            reason=_text(entry.body, "reason", 500, default=""),
            retracted_at=_instant(entry.body, "retractedAt"),
        )
        _bool(entry.body, "withdrawn", default=False)
        plans.setdefault(key, copies.CopyChange(entry.origin, entry.id)).retract(tombstone)
    else:
        raise Refused("kind", f"unknown kind {entry.kind[:32]!r}")
    return APPLIED


def _copy(entry: Entry, source: Source) -> copies.RemoteCopy:
    body = entry.body
    attribution = _enum(Attribution, body, "attribution")
    label = _text(body, "attributionLabel", 200)
    office = _object(body, "office")
    if attribution is Attribution.NAMED:
        remote = RemoteOffice(
            entry.origin, attribution, label,
            jurisdiction=_text(office, "jurisdiction", 200, default=""),
            state=_state(office),
            kind=_enum(OfficeKind, office, "kind"),
            population_served=_int(office, "populationServed"),
            region=_enum(Region, office, "region"),
            size_band=_enum(SizeBand, office, "sizeBand"),
        )  # fmt: skip
    elif attribution is Attribution.GENERALIZED:
        remote = RemoteOffice(
            entry.origin, attribution, label,
            region=_enum(Region, office, "region"),
            size_band=_enum(SizeBand, office, "sizeBand"),
        )  # fmt: skip
    else:
        if office:
            raise Refused("invalid", "a pseudonymous entry discloses nothing of its office")
        remote = RemoteOffice(entry.origin, attribution, label)
    revision = _object(body, "revision")
    sections = _object(revision, "sections")
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in sections.items()):
        raise Refused("invalid", "sections are text")
    topics = body.get("topics")
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise Refused("invalid", "topics are a list of slugs")
    return copies.RemoteCopy(
        origin_instance=entry.origin,
        origin_name=source.names.get(entry.origin, entry.origin),
        origin_id=entry.id,
        version=entry.version,
        kind=_enum(PublicationKind, body, "kind"),
        visibility=_enum(Visibility, body, "visibility"),
        title=_text(body, "title", 300),
        summary=_text(body, "summary", 5_000, default=""),
        office=remote,
        topics=tuple(topics),
        revision=copies.CopiedRevision(
            number=_int(revision, "number"),
            title=_text(revision, "title", 300),
            summary=_text(revision, "summary", 5_000, default=""),
            body=_text(revision, "body", 200_000, default=""),
            sections=sections,
            evidence_level=_optional_enum(EvidenceLevel, revision, "evidenceLevel"),
            evidence_studies=_optional_enum(EvidenceStudies, revision, "evidenceStudies"),
            change_summary=_text(revision, "changeSummary", 2_000, default=""),
            published_at=_instant(revision, "publishedAt"),
        ),
        effective_date=_date(body, "effectiveDate"),
        sunset_date=_date(body, "sunsetDate"),
        published_at=_instant(body, "publishedAt"),
        source_reference=_text(body, "sourceReference", 500, default=""),
    )


def _object(body: dict[str, Any], name: str) -> dict[str, Any]:
    value = body.get(name)
    if not isinstance(value, dict):
        raise Refused("invalid", f"{name} must be an object")
    return value


def _text(body: dict[str, Any], name: str, limit: int, *, default: str | None = None) -> str:
    value = body.get(name, default)
    if not isinstance(value, str) or len(value) > limit:
        raise Refused("invalid", f"{name} must be text of at most {limit} characters")
    return value


def _int(body: dict[str, Any], name: str) -> int:
    value = body.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Refused("invalid", f"{name} must be a non-negative integer")
    return value


def _bool(body: dict[str, Any], name: str, *, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise Refused("invalid", f"{name} must be true or false")
    return value


def _state(body: dict[str, Any]) -> str:
    value = _text(body, "state", 2)
    if len(value) != 2 or not (value.isascii() and value.isalpha()):
        raise Refused("invalid", "state must be a two-letter postal code")
    return value


def _enum(kind: type[E], body: dict[str, Any], name: str) -> E:
    value = body.get(name)
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return kind(value)
    except ValueError:
        raise Refused("invalid", f"{name} {str(value)[:40]!r} is not known here") from None


def _optional_enum(kind: type[E], body: dict[str, Any], name: str) -> E | None:
    return None if body.get(name) is None else _enum(kind, body, name)


def _date(body: dict[str, Any], name: str) -> date | None:
    value = body.get(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise Refused("invalid", f"{name} must be an ISO date") from None


def _instant(body: dict[str, Any], name: str) -> datetime | None:
    value = body.get(name)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise Refused("invalid", f"{name} must be an ISO instant") from None
    if parsed.tzinfo is None:
        raise Refused("invalid", f"{name} must carry its offset")
    return parsed

"""Drafts: the office-only working copy of a publication and what the analysis found
in it.

A working copy holds the text as the author wrote it, names and numbers included; it
is read only by the office's editors and never leaves the instance. Every change to
its text is analysed again (`network.anonymize`); a finding keeps the author's
decision across edits when the same words are found again, so fixing a typo does not
reopen every decision. Analysis runs before the write transaction opens (it can take
a second on a long text), and the write checks that nobody changed the copy meanwhile.
"""

import asyncio
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.expressions import Subquery

from network.access.principal import Principal
from network.anonymize.analyzer import BLOCKING_SCORE, analyze_document
from network.anonymize.entities import EntityType
from network.anonymize.redaction import Span, redact
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.offices.models import Office
from network.pagination import Page, newest_first
from network.publications.access import load_for_write
from network.publications.models import (
    DraftState,
    EvidenceLevel,
    EvidenceStudies,
    Finding,
    FindingDecision,
    Publication,
    PublicationKind,
    WorkingCopy,
)
from network.publications.queries import BRIEF_SECTIONS

MAX_TITLE = 300
MAX_SUMMARY = 2_000
MAX_BODY = 200_000
MAX_SECTION = 50_000
MAX_CHANGE_SUMMARY = 2_000
MAX_FINDINGS = 500
MAX_REPLACEMENT = 200

# The text fields of a draft, as named in findings: `sections.<name>` for brief sections.
TEXT_FIELDS = ("title", "summary", "body")
_NUMBERED = re.compile(r"\[([A-Z_]+)-(\d+)\]")
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: never in office text


@dataclass(frozen=True)
class DraftText:
    """What an author writes: every field optional on update (None keeps it)."""

    title: str | None = None
    summary: str | None = None
    body: str | None = None
    sections: Mapping[str, str] | None = None
    evidence_level: EvidenceLevel | None = None
    evidence_studies: EvidenceStudies | None = None
    effective_date: date | None = None
    sunset_date: date | None = None
    change_summary: str | None = None
    # Dates and evidence can be cleared explicitly (None above means "keep").
    clear: frozenset[str] = frozenset()


def parts_of(copy: WorkingCopy) -> dict[str, str]:
    """The copy's texts in document order, as the analysis and redaction see them."""
    parts = {"title": copy.title, "summary": copy.summary}
    for name in BRIEF_SECTIONS:
        if text := (copy.sections or {}).get(name):
            parts[f"sections.{name}"] = text
    parts["body"] = copy.body
    return parts


def check_text(kind: PublicationKind, copy: WorkingCopy) -> None:
    """Limits and shape of a working copy's text, whatever changed it."""
    if not copy.title.strip():
        raise InvalidInput("A title is required.", field="title")
    for name, value, limit in (
        ("title", copy.title, MAX_TITLE),
        ("summary", copy.summary, MAX_SUMMARY),
        ("body", copy.body, MAX_BODY),
        ("changeSummary", copy.change_summary, MAX_CHANGE_SUMMARY),
    ):
        if len(value) > limit:
            raise InvalidInput(f"`{name}` is limited to {limit:,} characters.", field=name)
    sections = copy.sections or {}
    unknown = sorted(set(sections) - set(BRIEF_SECTIONS))
    if unknown:
        raise InvalidInput(
            f"Unknown brief section: {', '.join(unknown)}; sections are "
            f"{', '.join(BRIEF_SECTIONS)}.",
            field="sections",
        )
    for name, text in sections.items():
        if not isinstance(text, str) or len(text) > MAX_SECTION:
            raise InvalidInput(
                f"Section `{name}` must be text of at most {MAX_SECTION:,} characters.",
                field="sections",
            )
    if kind is PublicationKind.POLICY and (
        sections or copy.evidence_level or copy.evidence_studies
    ):
        raise InvalidInput("Sections and evidence belong to briefs.", field="sections")
    if copy.effective_date and copy.sunset_date and copy.sunset_date <= copy.effective_date:
        raise InvalidInput(
            "The sunset date must come after the effective date.", field="sunsetDate"
        )
    for part, text in parts_of(copy).items():
        if "\x00" in text:
            raise InvalidInput("Text must not contain the NUL character.", field=part)


def apply_text(copy: WorkingCopy, text: DraftText) -> bool:
    """Apply an edit to a copy in memory; whether any text (not only dates) changed."""
    before = parts_of(copy)
    for name in ("title", "summary", "body", "change_summary"):
        value = getattr(text, name)
        if value is not None:
            setattr(copy, name, value.replace("\r\n", "\n"))
    if text.sections is not None:
        copy.sections = {k: v.replace("\r\n", "\n") for k, v in text.sections.items() if v}
    for name in ("evidence_level", "evidence_studies", "effective_date", "sunset_date"):
        value = getattr(text, name)
        if value is not None:
            setattr(copy, name, value)
        elif name in text.clear:
            setattr(copy, name, None)
    return parts_of(copy) != before


@dataclass(frozen=True)
class Detected:
    part: str
    start: int
    end: int
    entity_type: str
    text: str
    score: float


async def detect(parts: Mapping[str, str], office: Office) -> list[Detected]:
    """Analyse every part (in a worker thread: a long text takes up to a second)."""
    deny = [t for t in office.deny_terms or [] if isinstance(t, str) and t.strip()]

    def run() -> list[Detected]:
        found: list[Detected] = []
        # One document: a name found in the body is found again in the title.
        by_part = analyze_document({k: v for k, v in parts.items() if v}, deny_list=deny)
        for part, items in by_part.items():
            for item in items:
                # Placeholders from an earlier redaction are not personal data.
                if _NUMBERED.fullmatch(item.text.strip()):
                    continue
                found.append(
                    Detected(part, item.start, item.end, str(item.type), item.text, item.score)
                )
        return found

    found = await asyncio.to_thread(run)
    if len(found) > MAX_FINDINGS:
        raise InvalidInput(
            f"The analysis found over {MAX_FINDINGS:,} possible identifiers; split the "
            "document or remove case material before importing it.",
            field="body",
        )
    return found


def _decision_key(entity_type: str, text: str) -> tuple[str, str]:
    return entity_type, " ".join(text.split()).casefold()


async def store_findings(copy: WorkingCopy, detected: list[Detected]) -> None:
    """Replace a copy's findings, carrying decisions over to the same words found again."""
    earlier = {
        _decision_key(f.entity_type, f.text): (f.decision, f.replacement)
        for f in await Finding.filter(working_copy_id=copy.id)
        if f.decision != FindingDecision.OPEN
    }
    await Finding.filter(working_copy_id=copy.id).delete()
    rows = []
    for item in detected:
        decision, replacement = earlier.get(
            _decision_key(item.entity_type, item.text), (FindingDecision.OPEN, "")
        )
        rows.append(
            Finding(
                working_copy_id=copy.id,
                part=item.part,
                start=item.start,
                end=item.end,
                entity_type=item.entity_type,
                text=item.text,
                score=round(item.score, 3),
                decision=decision,
                replacement=replacement,
                public_id=secrets.token_urlsafe(12),
            )
        )
    if rows:
        await Finding.bulk_create(rows)
    copy.analyzed_at = datetime.now(UTC)


def is_blocking(finding: Finding) -> bool:
    return finding.decision == FindingDecision.OPEN and finding.score >= BLOCKING_SCORE


async def blocking_count(copy: WorkingCopy) -> int:
    return await Finding.filter(
        working_copy_id=copy.id, decision=FindingDecision.OPEN, score__gte=BLOCKING_SCORE
    ).count()


async def findings_of(copy_ids: list[int]) -> dict[int, list[Finding]]:
    grouped: dict[int, list[Finding]] = {i: [] for i in copy_ids}
    if copy_ids:
        for finding in await Finding.filter(working_copy_id__in=copy_ids).order_by(
            "working_copy_id", "part", "start"
        ):
            grouped[finding.working_copy_id].append(finding)  # type: ignore[attr-defined]
    return grouped


async def office_drafts(
    principal: Principal,
    states: tuple[DraftState, ...],
    *,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[Publication]:
    """The publications of the caller's office with a draft in one of `states` (all
    when empty), newest first: the office's drafting desk and review queue."""
    office_id = principal.office_id
    if office_id is None or not principal.may_publish_for(office_id):
        raise PermissionDenied("Only publishers and admins of an office see its drafts.")
    copies = WorkingCopy.filter(publication__office_id=office_id)
    if states:
        copies = copies.filter(state__in=list(states))
    return await newest_first(
        Publication.filter(office_id=office_id, id__in=Subquery(copies.values("publication_id"))),
        kind="draft",
        first=first,
        after=after,
        max_page_size=max_page_size,
    )


async def count_office_drafts(principal: Principal, states: tuple[DraftState, ...]) -> int:
    copies = WorkingCopy.filter(publication__office_id=principal.office_id)
    if states:
        copies = copies.filter(state__in=list(states))
    return await copies.count()


async def copy_for_editor(principal: Principal, publication: Publication) -> WorkingCopy | None:
    """The publication's working copy if `principal` may work on it, else None."""
    if not principal.may_publish_for(publication.office_id):  # type: ignore[attr-defined]
        return None
    return await WorkingCopy.get_or_none(publication_id=publication.id)


async def load_copy(
    principal: Principal, publication_id: int, instance_id: str
) -> tuple[Publication, WorkingCopy]:
    """A publication and its working copy, for an editor of its office; another office's
    draft answers like one that does not exist."""
    publication = await load_for_write(principal, publication_id, instance_id)
    if not principal.may_publish_for(publication.office_id):  # type: ignore[attr-defined]
        raise PermissionDenied("Only publishers of the office can work on its drafts.")
    copy = await WorkingCopy.get_or_none(publication_id=publication.id)
    if copy is None:
        raise NotFound(
            "This publication has no draft. Start a revision to change a published item.",
            field="id",
        )
    return publication, copy


async def resolve_finding(
    principal: Principal,
    finding_public_id: str,
    decision: FindingDecision,
    replacement: str = "",
    *,
    instance_id: str,
) -> tuple[Publication, WorkingCopy, Finding]:
    """Record the author's decision on one finding; the copy returns to editing."""
    if decision is FindingDecision.OPEN:
        raise InvalidInput("Accept, reject or replace the finding.", field="decision")
    replacement = replacement.strip()
    if decision is FindingDecision.REPLACED:
        if not replacement:
            raise InvalidInput("Give the text to show instead.", field="replacement")
        if len(replacement) > MAX_REPLACEMENT or "\x00" in replacement:
            raise InvalidInput(
                f"A replacement is at most {MAX_REPLACEMENT} characters.", field="replacement"
            )
    elif replacement:
        raise InvalidInput("Only a replaced finding takes replacement text.", field="replacement")
    finding = await Finding.get_or_none(public_id=finding_public_id[:32])
    if finding is None:
        raise NotFound("No such finding.", field="findingId")
    copy = await WorkingCopy.get(id=finding.working_copy_id)  # type: ignore[attr-defined]
    publication, copy = await load_copy(principal, copy.publication_id, instance_id)  # type: ignore[attr-defined]
    finding.decision = decision
    finding.replacement = replacement
    await finding.save(update_fields=["decision", "replacement"])
    return publication, copy, finding


def reopen(copy: WorkingCopy) -> None:
    """Any change voids a review: the copy goes back to editing."""
    if copy.state != DraftState.EDITING:
        copy.state = DraftState.EDITING
        copy.reviewer_id = None


def conflict_if_changed(copy: WorkingCopy, seen: datetime) -> None:
    if copy.updated_at != seen:
        raise Conflict("The draft changed while this edit was prepared; reload it and retry.")


def redact_copy(copy: WorkingCopy, findings: list[Finding]) -> dict[str, str]:
    """The copy's parts with the chosen findings redacted.

    A revision's draft starts from redacted text, so it may already hold placeholders
    (`[PERSON-1]`); new ones continue after the highest of each type instead of
    reusing a number that already names someone else.
    """
    parts = parts_of(copy)
    highest: dict[str, int] = {}
    for text in parts.values():
        for match in _NUMBERED.finditer(text):
            kind, number = match.group(1), int(match.group(2))
            highest[kind] = max(highest.get(kind, 0), number)
    if not highest:
        return redact(parts, redaction_spans(findings))
    # Hide the existing placeholders from redaction (same length, so spans hold).
    hidden = {
        k: _NUMBERED.sub(lambda m: _OPEN + m.group(0)[1:-1] + _CLOSE, v) for k, v in parts.items()
    }
    redacted = redact(hidden, redaction_spans(findings))

    def renumber(match: re.Match[str]) -> str:
        kind, number = match.group(1), int(match.group(2))
        return f"[{kind}-{number + highest.get(kind, 0)}]"

    return {
        k: _NUMBERED.sub(renumber, v).replace(_OPEN, "[").replace(_CLOSE, "]")
        for k, v in redacted.items()
    }


def redaction_spans(findings: list[Finding]) -> list[Span]:
    """The spans a publish redacts: accepted findings get placeholders, replaced ones
    the author's words; rejected and low-scoring open ones stay as written."""
    spans = []
    for f in findings:
        if f.decision == FindingDecision.ACCEPTED:
            spans.append(Span(f.part, f.start, f.end, EntityType(f.entity_type), f.text))
        elif f.decision == FindingDecision.REPLACED:
            spans.append(
                Span(f.part, f.start, f.end, EntityType(f.entity_type), f.text, f.replacement)
            )
    return spans

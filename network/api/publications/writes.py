"""Inputs and payloads of the publishing mutations, and their conversion to the
publications service's terms."""

import base64
import binascii
from datetime import date

import strawberry
from strawberry.file_uploads import Upload

from network.access.principal import Principal
from network.api.core.enums import (
    AttributionEnum,
    ContactPreferenceEnum,
    EvidenceLevelEnum,
    EvidenceStudiesEnum,
    FindingDecisionEnum,
    PublicationKindEnum,
    VisibilityEnum,
)
from network.api.core.ids import parse_publication_key
from network.api.core.payload import UserError
from network.api.publications.drafts import DraftType, FindingType
from network.api.publications.sections import BriefSections
from network.api.publications.types import AdoptionType, PublicationInterface
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.offices import service as offices
from network.offices.models import Attribution, Office
from network.publications import queries
from network.publications.drafts import DraftText
from network.publications.models import (
    ContactPreference,
    EvidenceLevel,
    EvidenceStudies,
    Visibility,
)
from network.publications.rules import PublishingRules
from network.publications.workflow import DraftSettings


@strawberry.input
class BriefSectionsInput:
    problem: str | None = None
    practice: str | None = None
    implementation: str | None = None
    outcomes: str | None = None
    cost_staffing: str | None = None


@strawberry.input(description="A draft's text and settings; on update, what is left out stays.")
class DraftFields:
    title: str | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    body: str | None = strawberry.field(default=strawberry.UNSET, description="Markdown.")
    sections: BriefSectionsInput | None = strawberry.UNSET
    evidence_level: EvidenceLevelEnum | None = strawberry.UNSET  # type: ignore[valid-type]
    evidence_studies: EvidenceStudiesEnum | None = strawberry.UNSET  # type: ignore[valid-type]
    effective_date: date | None = strawberry.UNSET
    sunset_date: date | None = strawberry.UNSET
    change_summary: str | None = strawberry.field(
        default=strawberry.UNSET, description="What changed: required for a revision."
    )
    topics: list[str] | None = strawberry.UNSET
    visibility: VisibilityEnum | None = strawberry.UNSET  # type: ignore[valid-type]
    attribution: AttributionEnum | None = strawberry.UNSET  # type: ignore[valid-type]
    linked_metrics: list[str] | None = strawberry.UNSET
    related: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Briefs of a policy, or policies of a brief."
    )
    source_reference: str | None = strawberry.UNSET
    contact_preference: ContactPreferenceEnum | None = strawberry.UNSET  # type: ignore[valid-type]


@strawberry.input
class CreateDraftInput:
    kind: PublicationKindEnum  # type: ignore[valid-type]
    office_slug: str | None = strawberry.field(
        default=None, description="Defaults to the caller's office."
    )
    fields: DraftFields


@strawberry.input
class UpdateDraftInput:
    id: strawberry.ID
    fields: DraftFields


@strawberry.input
class ImportDocumentInput:
    kind: PublicationKindEnum  # type: ignore[valid-type]
    file: Upload = strawberry.field(description=".docx, .pdf, .md or .txt")
    office_slug: str | None = None
    fields: DraftFields | None = strawberry.field(
        default=None, description="Settings (topics are required) and text to override."
    )


@strawberry.input
class ResolveFindingInput:
    finding_id: str
    decision: FindingDecisionEnum  # type: ignore[valid-type]
    replacement: str | None = strawberry.field(
        default=None, description="The text to show instead (REPLACED only)."
    )


@strawberry.input
class PublishingRulesInput:
    office_slug: str | None = strawberry.field(
        default=None, description="Defaults to the caller's office."
    )
    allow_self_approval: bool | None = strawberry.field(
        default=None, description="Whether an author may approve their own draft."
    )
    deny_terms: list[str] | None = strawberry.field(
        default=None,
        description="Terms the office's texts must never show; replaces the list.",
    )


@strawberry.type
class PublishingRulesType:
    allow_self_approval: bool
    deny_terms: list[str]


@strawberry.type
class PublishingRulesPayload:
    rules: PublishingRulesType | None
    errors: list[UserError]


@strawberry.type
class DraftPayload:
    publication: PublicationInterface | None
    draft: DraftType | None
    errors: list[UserError]


@strawberry.type
class ResolveFindingPayload:
    finding: FindingType | None
    draft: DraftType | None
    errors: list[UserError]


@strawberry.type
class PublicationPayload:
    publication: PublicationInterface | None
    errors: list[UserError]


@strawberry.type
class AdoptionPayload:
    adoption: AdoptionType | None
    publication: PublicationInterface | None
    errors: list[UserError]


def _given(value: object) -> bool:
    return value is not strawberry.UNSET


def draft_text(fields: DraftFields | None) -> DraftText:
    if fields is None:
        return DraftText()
    clear = frozenset(
        name
        for name in ("evidence_level", "evidence_studies", "effective_date", "sunset_date")
        if _given(getattr(fields, name)) and getattr(fields, name) is None
    )
    sections = None
    if _given(fields.sections):
        given = fields.sections or BriefSectionsInput()
        sections = {
            name: text
            for name in BriefSections.__annotations__
            if (text := getattr(given, name)) is not None
        }
    return DraftText(
        title=_text(fields.title),
        summary=_text(fields.summary),
        body=_text(fields.body),
        sections=sections,
        evidence_level=EvidenceLevel(fields.evidence_level) if fields.evidence_level else None,
        evidence_studies=EvidenceStudies(fields.evidence_studies)
        if fields.evidence_studies
        else None,
        effective_date=fields.effective_date or None,
        sunset_date=fields.sunset_date or None,
        change_summary=_text(fields.change_summary),
        clear=clear,
    )


def _text(value: str | None) -> str | None:
    """UNSET keeps the field; null clears it to empty text."""
    if not _given(value):
        return None
    return value or ""


async def draft_settings(principal: Principal, fields: DraftFields | None) -> DraftSettings:
    if fields is None:
        return DraftSettings()
    related = None
    if _given(fields.related):
        related = tuple(await publication_ids(fields.related or [], field="related"))
    return DraftSettings(
        topics=tuple(fields.topics or ()) if _given(fields.topics) else None,
        visibility=Visibility(fields.visibility) if fields.visibility else None,
        attribution=Attribution(fields.attribution) if fields.attribution else None,
        linked_metrics=tuple(fields.linked_metrics or ())
        if _given(fields.linked_metrics)
        else None,
        related=related,
        source_reference=(fields.source_reference or "")
        if _given(fields.source_reference)
        else None,
        contact_preference=ContactPreference(fields.contact_preference)
        if fields.contact_preference
        else None,
    )


async def publication_ids(global_ids: list[strawberry.ID], *, field: str = "id") -> list[int]:
    """Row ids for global ids of policies and briefs, in order; an id that does not
    name one is an input error. Whether the caller may touch them is the service's
    decision."""
    if len(global_ids) > 50:
        raise InvalidInput("At most 50 ids.", field=field)
    keys = []
    for global_id in global_ids:
        try:
            decoded = base64.b64decode(str(global_id), validate=True).decode()
            type_name, _, inner = decoded.partition(":")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise InvalidInput("Not an id this instance issued.", field=field) from None
        key = parse_publication_key(inner) if type_name in ("Policy", "Brief") else None
        if key is None:
            raise InvalidInput("Not the id of a policy or brief.", field=field)
        keys.append(key)
    found = await queries.row_ids_by_origin(keys)
    missing = [k for k in keys if k not in found]
    if missing:
        raise NotFound("No such publication.", field=field)
    return [found[k] for k in keys]


async def publication_id(global_id: strawberry.ID) -> int:
    return (await publication_ids([global_id]))[0]


async def acting_office(principal: Principal, slug: str | None) -> Office:
    """The office a draft is written for: the named one, or the caller's own."""
    if slug is None:
        if principal.office_id is None:
            raise PermissionDenied("Sign in as a member of an office, or name the office.")
        own = await offices.offices_by_ids([principal.office_id])
        return own[principal.office_id]
    named = await offices.offices_by_slugs([slug])
    if not named:
        raise NotFound("No such office.", field="officeSlug")
    return named[0]


def rules_type(found: PublishingRules) -> PublishingRulesType:
    return PublishingRulesType(
        allow_self_approval=found.allow_self_approval, deny_terms=list(found.deny_terms)
    )

"""Publishing mutations: thin adapters over `network.publications.workflow` (and the
retract and adoption services), which decide who may do what, each in one
transaction. Expected failures come back as payload errors (`attempt`)."""

import asyncio
from typing import Any

import strawberry

from network.api.core.enums import AttributionEnum, VisibilityEnum
from network.api.core.files import uploaded_file
from network.api.core.payload import attempt
from network.api.publications.drafts import DraftType, FindingType
from network.api.publications.types import AdoptionType, publication_type
from network.api.publications.writes import (
    AdoptionPayload,
    CreateDraftInput,
    DraftPayload,
    ImportDocumentInput,
    PublicationPayload,
    PublishingRulesInput,
    PublishingRulesPayload,
    ResolveFindingInput,
    ResolveFindingPayload,
    UpdateDraftInput,
    acting_office,
    draft_settings,
    draft_text,
    publication_id,
    rules_type,
)
from network.documents.extract import extract
from network.offices.models import Attribution
from network.publications import adoptions, rules, workflow
from network.publications import service as publications
from network.publications.drafts import DraftText
from network.publications.models import (
    FindingDecision,
    Publication,
    PublicationKind,
    Visibility,
    WorkingCopy,
)
from network.publications.workflow import Limits
from network.settings import Settings


def _limits(settings: Settings) -> Limits:
    return Limits(instance_id=settings.instance_id, generalized_k=settings.generalized_k)


def _draft_payload(
    result: tuple[Publication, WorkingCopy] | None, errors: list[Any]
) -> DraftPayload:
    publication, copy = result if result else (None, None)
    return DraftPayload(
        publication=publication_type(publication) if publication else None,
        draft=DraftType.from_model(copy) if copy else None,
        errors=errors,
    )


@strawberry.type
class PublicationsMutation:
    @strawberry.mutation(description="Start a policy or brief; its text is analysed at once.")
    async def create_draft(self, info: strawberry.Info, input: CreateDraftInput) -> DraftPayload:
        principal = info.context.principal

        async def work() -> tuple[Publication, WorkingCopy]:
            office = await acting_office(principal, input.office_slug)
            return await workflow.create_draft(
                principal,
                office,
                PublicationKind(input.kind),
                draft_text(input.fields),
                await draft_settings(principal, input.fields),
                _limits(info.context.settings),
            )

        return _draft_payload(*await attempt(work))

    @strawberry.mutation(
        description="Import a .docx, .pdf, .md or .txt file as a new draft (multipart "
        "request); the file itself is not kept."
    )
    async def import_document(
        self, info: strawberry.Info, input: ImportDocumentInput
    ) -> DraftPayload:
        principal = info.context.principal

        async def work() -> tuple[Publication, WorkingCopy]:
            upload = uploaded_file(input.file)
            office = await acting_office(principal, input.office_slug)
            # In a thread: a long PDF takes a while, and the event loop serves others.
            document = await asyncio.to_thread(
                extract, upload.filename, upload.data, content_type=upload.content_type
            )
            given = draft_text(input.fields)
            text = DraftText(
                title=given.title or document.title or upload.stem,
                summary=given.summary,
                body=document.text,
                evidence_level=given.evidence_level,
                evidence_studies=given.evidence_studies,
                effective_date=given.effective_date,
                sunset_date=given.sunset_date,
            )
            return await workflow.create_draft(
                principal,
                office,
                PublicationKind(input.kind),
                text,
                await draft_settings(principal, input.fields),
                _limits(info.context.settings),
                source_name=upload.filename,
            )

        return _draft_payload(*await attempt(work))

    @strawberry.mutation(description="Change a draft's text or settings; text is analysed again.")
    async def update_draft(self, info: strawberry.Info, input: UpdateDraftInput) -> DraftPayload:
        principal = info.context.principal

        async def work() -> tuple[Publication, WorkingCopy]:
            return await workflow.update_draft(
                principal,
                await publication_id(input.id),
                draft_text(input.fields),
                await draft_settings(principal, input.fields),
                _limits(info.context.settings),
            )

        return _draft_payload(*await attempt(work))

    @strawberry.mutation(description="Accept (placeholder), reject (keep) or replace a finding.")
    async def resolve_finding(
        self, info: strawberry.Info, input: ResolveFindingInput
    ) -> ResolveFindingPayload:
        result, errors = await attempt(
            lambda: workflow.resolve_finding(
                info.context.principal,
                input.finding_id,
                FindingDecision(input.decision),
                input.replacement or "",
                _limits(info.context.settings),
            )
        )
        _, copy, finding = result if result else (None, None, None)
        return ResolveFindingPayload(
            finding=FindingType.from_model(finding) if finding else None,
            draft=DraftType.from_model(copy) if copy else None,
            errors=errors,
        )

    @strawberry.mutation(description="Ask the office to review a draft.")
    async def submit_for_review(self, info: strawberry.Info, id: strawberry.ID) -> DraftPayload:
        return await _draft_step(info, id, workflow.submit_for_review)

    @strawberry.mutation(description="Approve a draft in review (another publisher or admin).")
    async def approve(self, info: strawberry.Info, id: strawberry.ID) -> DraftPayload:
        return await _draft_step(info, id, workflow.approve)

    @strawberry.mutation(description="Send a draft in review back to its author with a note.")
    async def request_changes(
        self, info: strawberry.Info, id: strawberry.ID, note: str
    ) -> DraftPayload:
        async def step(principal: Any, row: int, limits: Limits) -> Any:
            return await workflow.request_changes(principal, row, note, limits)

        return await _draft_step(info, id, step)

    @strawberry.mutation(description="Start the next revision of a published item.")
    async def revise(self, info: strawberry.Info, id: strawberry.ID) -> DraftPayload:
        return await _draft_step(info, id, workflow.start_revision)

    @strawberry.mutation(
        description="Publish an approved draft: its redacted text becomes a new revision "
        "and the working text is deleted."
    )
    async def publish(
        self,
        info: strawberry.Info,
        id: strawberry.ID,
        visibility: VisibilityEnum | None = None,  # type: ignore[valid-type]
    ) -> PublicationPayload:
        async def work() -> Publication:
            publication, _ = await workflow.publish(
                info.context.principal,
                await publication_id(id),
                _limits(info.context.settings),
                visibility=Visibility(visibility) if visibility else None,
            )
            return publication

        return _publication_payload(*await attempt(work))

    @strawberry.mutation(description="Retract a published item; readers see a tombstone.")
    async def retract(
        self, info: strawberry.Info, id: strawberry.ID, reason: str
    ) -> PublicationPayload:
        async def work() -> Publication:
            return await publications.retract_publication(
                info.context.principal,
                await publication_id(id),
                instance_id=info.context.settings.instance_id,
                reason=reason,
            )

        return _publication_payload(*await attempt(work))

    @strawberry.mutation(description="Delete a draft; a publication never published goes with it.")
    async def discard_draft(self, info: strawberry.Info, id: strawberry.ID) -> PublicationPayload:
        async def work() -> Publication | None:
            return await workflow.discard_draft(
                info.context.principal, await publication_id(id), _limits(info.context.settings)
            )

        return _publication_payload(*await attempt(work))

    @strawberry.mutation(description="Say that your office adopted this practice or policy.")
    async def mark_adopted(
        self,
        info: strawberry.Info,
        id: strawberry.ID,
        attribution: AttributionEnum | None = None,  # type: ignore[valid-type]
        note: str | None = None,
    ) -> AdoptionPayload:
        async def work() -> Any:
            return await adoptions.mark_adopted(
                info.context.principal,
                await publication_id(id),
                attribution=Attribution(attribution) if attribution else None,
                note=note or "",
                generalized_k=info.context.settings.generalized_k,
            )

        result, errors = await attempt(work)
        adoption, publication = result if result else (None, None)
        return AdoptionPayload(
            adoption=AdoptionType.from_model(adoption) if adoption else None,
            publication=publication_type(publication) if publication else None,
            errors=errors,
        )

    @strawberry.mutation(
        description="An office's publishing rules: self-approval and its deny-list (admins)."
    )
    async def set_publishing_rules(
        self, info: strawberry.Info, input: PublishingRulesInput
    ) -> PublishingRulesPayload:
        principal = info.context.principal

        async def work() -> rules.PublishingRules:
            office = await acting_office(principal, input.office_slug)
            return await rules.set_publishing_rules(
                principal,
                office.id,
                allow_self_approval=input.allow_self_approval,
                deny_terms=input.deny_terms,
            )

        found, errors = await attempt(work)
        return PublishingRulesPayload(rules=rules_type(found) if found else None, errors=errors)

    @strawberry.mutation(description="Withdraw your office's adoption mark.")
    async def unmark_adopted(self, info: strawberry.Info, id: strawberry.ID) -> PublicationPayload:
        async def work() -> Publication:
            return await adoptions.unmark_adopted(info.context.principal, await publication_id(id))

        return _publication_payload(*await attempt(work))


async def _draft_step(info: strawberry.Info, id: strawberry.ID, step: Any) -> DraftPayload:
    async def work() -> tuple[Publication, WorkingCopy]:
        result: tuple[Publication, WorkingCopy] = await step(
            info.context.principal, await publication_id(id), _limits(info.context.settings)
        )
        return result

    return _draft_payload(*await attempt(work))


def _publication_payload(publication: Publication | None, errors: list[Any]) -> PublicationPayload:
    return PublicationPayload(
        publication=publication_type(publication) if publication else None, errors=errors
    )

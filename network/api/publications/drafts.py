"""Drafts and findings in the schema: what an office's editors see while a text is
prepared. Only the publications service decides who gets here (`copy_for_editor`,
`load_copy`); these types just present a working copy."""

from datetime import date, datetime

import strawberry

from network.anonymize.analyzer import BLOCKING_SCORE
from network.api.core.enums import (
    DraftStateEnum,
    EvidenceLevelEnum,
    EvidenceStudiesEnum,
    FindingDecisionEnum,
)
from network.api.publications.sections import BriefSections, sections_of
from network.documents.render import markdown_to_html
from network.publications import drafts
from network.publications.models import Finding, WorkingCopy


@strawberry.type(name="Finding")
class FindingType:
    id: str = strawberry.field(description="Pass to resolveFinding.")
    part: str = strawberry.field(
        description="Where it was found: title, summary, body or sections.<name>."
    )
    start: int = strawberry.field(description="Offset of the first character in the part.")
    end: int = strawberry.field(description="Offset after the last character.")
    type: str = strawberry.field(description="PERSON, CASE_NUMBER, ADDRESS, ...")
    text: str
    score: float
    decision: FindingDecisionEnum  # type: ignore[valid-type]
    replacement: str | None
    blocking: bool = strawberry.field(
        description="Confident and unresolved: submitting and publishing wait for it."
    )

    @classmethod
    def from_model(cls, finding: Finding) -> "FindingType":
        return cls(
            id=finding.public_id,
            part=finding.part,
            start=finding.start,
            end=finding.end,
            type=finding.entity_type,
            text=finding.text,
            score=finding.score,
            decision=finding.decision,
            replacement=finding.replacement or None,
            blocking=drafts.is_blocking(finding),
        )


@strawberry.type
class RedactedPreview:
    """The text as readers will see it if published now."""

    title: str
    summary: str
    body: str
    body_html: str
    sections: BriefSections | None


@strawberry.type(name="Draft")
class DraftType:
    """The office-only working copy of a publication: the author's text before
    redaction, with what the analysis found in it."""

    state: DraftStateEnum  # type: ignore[valid-type]
    base_revision: int = strawberry.field(
        description="The revision this draft continues (0 for a first publication)."
    )
    title: str
    summary: str
    body: str
    evidence_level: EvidenceLevelEnum | None  # type: ignore[valid-type]
    evidence_studies: EvidenceStudiesEnum | None  # type: ignore[valid-type]
    effective_date: date | None
    sunset_date: date | None
    change_summary: str
    source_name: str | None = strawberry.field(description="The imported file's name.")
    author: str
    review_note: str | None
    analyzed_at: datetime | None
    updated_at: datetime
    model: strawberry.Private[WorkingCopy]
    found: strawberry.Private[list[Finding] | None] = None

    @classmethod
    def from_model(cls, copy: WorkingCopy, findings: list[Finding] | None = None) -> "DraftType":
        return cls(
            state=copy.state,
            base_revision=copy.base_revision,
            title=copy.title,
            summary=copy.summary,
            body=copy.body,
            evidence_level=copy.evidence_level,
            evidence_studies=copy.evidence_studies,
            effective_date=copy.effective_date,
            sunset_date=copy.sunset_date,
            change_summary=copy.change_summary,
            source_name=copy.source_name or None,
            author=copy.author_label,
            review_note=copy.review_note or None,
            analyzed_at=copy.analyzed_at,
            updated_at=copy.updated_at,
            model=copy,
            found=findings,
        )

    @strawberry.field
    def sections(self) -> BriefSections | None:
        return sections_of(self.model.sections)

    async def _findings(self) -> list[Finding]:
        if self.found is None:
            self.found = (await drafts.findings_of([self.model.id]))[self.model.id]
        return self.found

    @strawberry.field(description="Everything the analysis found, in document order.")
    async def findings(self) -> list[FindingType]:
        return [FindingType.from_model(f) for f in await self._findings()]

    @strawberry.field(description="Findings that must be resolved before review.")
    async def blocking_findings(self) -> int:
        return sum(1 for f in await self._findings() if drafts.is_blocking(f))

    @strawberry.field(
        description="The score at or above which an unresolved finding blocks review."
    )
    def blocking_score(self) -> float:
        return BLOCKING_SCORE

    @strawberry.field(description="The text as readers will see it once published.")
    async def preview(self) -> RedactedPreview:
        redacted = drafts.redact_copy(self.model, await self._findings())
        names = [k.removeprefix("sections.") for k in redacted if k.startswith("sections.")]
        body = redacted.get("body", "")
        return RedactedPreview(
            title=redacted["title"],
            summary=redacted.get("summary", ""),
            body=body,
            body_html=markdown_to_html(body),
            sections=sections_of({n: redacted[f"sections.{n}"] for n in names}),
        )

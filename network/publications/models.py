"""Publications (policies and practice briefs), their immutable revisions, and topics."""

import asyncio
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from network.documents.render import markdown_to_html
from network.offices.models import Attribution


class PublicationKind(StrEnum):
    POLICY = "POLICY"
    BRIEF = "BRIEF"


class Visibility(StrEnum):
    """Who may read a publication, from narrowest to widest."""

    OFFICE = "OFFICE"
    NETWORK = "NETWORK"
    FEDERATED = "FEDERATED"
    PUBLIC = "PUBLIC"


class PublicationStatus(StrEnum):
    DRAFT = "DRAFT"
    IN_REVIEW = "IN_REVIEW"
    PUBLISHED = "PUBLISHED"
    RETRACTED = "RETRACTED"


class EvidenceLevel(StrEnum):
    ANECDOTAL = "ANECDOTAL"
    DESCRIPTIVE = "DESCRIPTIVE"
    QUASI_EXPERIMENTAL = "QUASI_EXPERIMENTAL"
    EXPERIMENTAL = "EXPERIMENTAL"


class EvidenceStudies(StrEnum):
    """Whether a brief's evidence rests on one study or several."""

    SINGLE = "SINGLE"
    MULTIPLE = "MULTIPLE"


class ContactPreference(StrEnum):
    """How peers may follow up on a publication."""

    NONE = "NONE"
    THROUGH_NETWORK = "THROUGH_NETWORK"
    DIRECT = "DIRECT"


class DraftState(StrEnum):
    """Where a working copy is in review: edited, waiting for a reviewer, approved."""

    EDITING = "EDITING"
    IN_REVIEW = "IN_REVIEW"
    APPROVED = "APPROVED"


class FindingDecision(StrEnum):
    OPEN = "OPEN"
    ACCEPTED = "ACCEPTED"  # replaced by a placeholder
    REJECTED = "REJECTED"  # not identifying: kept as written
    REPLACED = "REPLACED"  # replaced by the author's own words


def render_revision(body: str, sections: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A revision's body and sections as sanitized HTML."""
    return markdown_to_html(body), {k: markdown_to_html(v) for k, v in sections.items() if v}


class ImmutableRevisionError(RuntimeError):
    """Raised when code tries to change or delete a stored revision."""


class Topic(Model):
    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=80, unique=True)
    name = fields.CharField(max_length=120)
    description = fields.TextField(default="")
    parent: fields.ForeignKeyNullableRelation["Topic"] = fields.ForeignKeyField(
        "network.Topic", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    position = fields.IntField(default=0)

    class Meta:
        table = "topic"
        ordering = ("position",)


class Publication(Model):
    """A policy or brief with its current state (the text lives in revisions).

    `origin_instance` + `origin_id` identify the publication across federated
    instances; `version` increases with every revision or status change so peers
    can apply updates idempotently. Items received from a peer have
    `origin_instance` different from this instance's id and are read-only copies.
    Fields copied from the latest revision (title, summary, effective_date) exist so
    lists, filters and sorting need no join.
    """

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(PublicationKind, max_length=8)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="publications", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=300)
    summary = fields.TextField(default="")
    status = fields.CharEnumField(PublicationStatus, max_length=16, default=PublicationStatus.DRAFT)
    visibility = fields.CharEnumField(Visibility, max_length=16, default=Visibility.OFFICE)
    attribution = fields.CharEnumField(Attribution, max_length=16, default=Attribution.PSEUDONYMOUS)
    attribution_label = fields.CharField(max_length=200, default="")
    effective_date = fields.DateField(null=True)
    sunset_date = fields.DateField(null=True)
    source_reference = fields.CharField(max_length=500, default="")
    contact_preference = fields.CharEnumField(
        ContactPreference, max_length=16, default=ContactPreference.NONE
    )
    retraction_reason = fields.TextField(default="")
    origin_instance = fields.CharField(max_length=200)
    origin_id = fields.CharField(max_length=64)
    origin_name = fields.CharField(max_length=200, default="")  # copies: the origin's name
    version = fields.IntField(default=1)
    revision_count = fields.IntField(default=0)
    # The newest revision's id. A plain column, not a foreign key: a constraint here
    # would make publication and revision reference each other, which neither
    # migrations nor deletes handle cleanly. Kept right by the publications service.
    head_revision_id = fields.IntField(null=True)
    published_at = fields.DatetimeField(null=True)
    retracted_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "publication"
        unique_together = (("origin_instance", "origin_id"),)
        indexes = (
            ("kind", "status", "visibility", "published_at"),
            ("office_id", "kind"),
            ("kind", "effective_date"),
            ("visibility", "status"),
        )


class PublicationTopic(Model):
    """Which topics a publication is filed under (an explicit join table, so filters
    can use it as an indexed subquery and loaders can batch over it)."""

    id = fields.IntField(primary_key=True)
    publication: fields.ForeignKeyRelation[Publication] = fields.ForeignKeyField(
        "network.Publication", related_name="topic_links", on_delete=fields.CASCADE
    )
    topic: fields.ForeignKeyRelation[Topic] = fields.ForeignKeyField(
        "network.Topic", related_name="publication_links", on_delete=fields.RESTRICT
    )

    class Meta:
        table = "publication_topic"
        unique_together = (("publication", "topic"),)
        indexes = (("topic_id", "publication_id"),)


class PublicationMetric(Model):
    """Metrics a brief points to as evidence of its outcomes, or a policy is meant
    to move."""

    id = fields.IntField(primary_key=True)
    publication: fields.ForeignKeyRelation[Publication] = fields.ForeignKeyField(
        "network.Publication", related_name="metric_links", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="publication_links", on_delete=fields.RESTRICT
    )

    class Meta:
        table = "publication_metric"
        unique_together = (("publication", "metric"),)


class Revision(Model):
    """One immutable version of a publication's text.

    Only redacted text is ever stored here. Brief-specific structure lives in
    `sections` (problem, practice, implementation, outcomes, cost_staffing).
    """

    id = fields.IntField(primary_key=True)
    publication: fields.ForeignKeyRelation[Publication] = fields.ForeignKeyField(
        "network.Publication", related_name="revisions", on_delete=fields.CASCADE
    )
    number = fields.IntField()
    title = fields.CharField(max_length=300)
    summary = fields.TextField(default="")
    body = fields.TextField(default="")
    sections: dict[str, str] = fields.JSONField(default=dict)
    evidence_level = fields.CharEnumField(EvidenceLevel, max_length=24, null=True)
    evidence_studies = fields.CharEnumField(EvidenceStudies, max_length=16, null=True)
    effective_date = fields.DateField(null=True)
    sunset_date = fields.DateField(null=True)
    author: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Member", related_name="revisions", null=True, on_delete=fields.SET_NULL
    )
    change_summary = fields.TextField(default="")
    # The body and sections as sanitized HTML, rendered once when the revision is
    # written (rendering a long hostile body takes seconds: never per read).
    body_html = fields.TextField(default="")
    sections_html: dict[str, str] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "revision"
        unique_together = (("publication", "number"),)
        ordering = ("number",)

    async def save(self, *args: Any, **kwargs: Any) -> None:
        if self._saved_in_db:
            raise ImmutableRevisionError("a revision cannot be changed; add a new one")
        self.body_html, self.sections_html = await asyncio.to_thread(
            render_revision, self.body, self.sections or {}
        )
        await super().save(*args, **kwargs)

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        raise ImmutableRevisionError("a revision cannot be deleted")


class PublicationRelation(Model):
    """A policy and a brief that belong together (the brief reports on the practice
    the policy sets). Stored once, read from both sides."""

    id = fields.IntField(primary_key=True)
    policy: fields.ForeignKeyRelation[Publication] = fields.ForeignKeyField(
        "network.Publication", related_name="brief_links", on_delete=fields.CASCADE
    )
    brief: fields.ForeignKeyRelation[Publication] = fields.ForeignKeyField(
        "network.Publication", related_name="policy_links", on_delete=fields.CASCADE
    )

    class Meta:
        table = "publication_relation"
        unique_together = (("policy", "brief"),)
        indexes = (("brief_id", "policy_id"),)


class Adoption(Model):
    """An office saying "we adopted this", shown under the attribution it chose."""

    id = fields.IntField(primary_key=True)
    publication: fields.ForeignKeyRelation[Publication] = fields.ForeignKeyField(
        "network.Publication", related_name="adoptions", on_delete=fields.CASCADE
    )
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="adoptions", on_delete=fields.CASCADE
    )
    attribution = fields.CharEnumField(Attribution, max_length=16)
    attribution_label = fields.CharField(max_length=200)
    note = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "adoption"
        unique_together = (("publication", "office"),)


class WorkingCopy(Model):
    """The office-only working text of a draft or of the next revision of a published
    item: what the author wrote, before redaction, with its review state.

    Never shown outside the office, never federated, never indexed. Publishing turns
    it into a redacted `Revision` and deletes it, so the unredacted text does not
    outlive its review. One per publication at a time.
    """

    id = fields.IntField(primary_key=True)
    publication: fields.OneToOneRelation[Publication] = fields.OneToOneField(
        "network.Publication", related_name="working_copy", on_delete=fields.CASCADE
    )
    state = fields.CharEnumField(DraftState, max_length=16, default=DraftState.EDITING)
    base_revision = fields.IntField(default=0)  # the revision number it continues; 0 if none
    title = fields.CharField(max_length=300)
    summary = fields.TextField(default="")
    body = fields.TextField(default="")
    sections: dict[str, str] = fields.JSONField(default=dict)
    evidence_level = fields.CharEnumField(EvidenceLevel, max_length=24, null=True)
    evidence_studies = fields.CharEnumField(EvidenceStudies, max_length=16, null=True)
    effective_date = fields.DateField(null=True)
    sunset_date = fields.DateField(null=True)
    change_summary = fields.TextField(default="")
    source_name = fields.CharField(max_length=200, default="")  # the imported file's name
    author: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Member", related_name="working_copies", null=True, on_delete=fields.SET_NULL
    )
    author_label = fields.CharField(max_length=200, default="")
    reviewer: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Member", related_name="reviews", null=True, on_delete=fields.SET_NULL
    )
    review_note = fields.TextField(default="")
    analyzed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "working_copy"


class Finding(Model):
    """Something the analysis found in a working copy that may identify a person, and
    what the author decided about it. Offsets are into one part of the working copy
    (`title`, `summary`, `body` or `sections.<name>`)."""

    id = fields.IntField(primary_key=True)
    working_copy: fields.ForeignKeyRelation[WorkingCopy] = fields.ForeignKeyField(
        "network.WorkingCopy", related_name="findings", on_delete=fields.CASCADE
    )
    part = fields.CharField(max_length=40)
    start = fields.IntField()
    end = fields.IntField()
    entity_type = fields.CharField(max_length=32)
    text = fields.TextField()
    score = fields.FloatField()
    decision = fields.CharEnumField(FindingDecision, max_length=16, default=FindingDecision.OPEN)
    replacement = fields.TextField(default="")
    public_id = fields.CharField(max_length=32, unique=True)

    class Meta:
        table = "finding"
        ordering = ("part", "start")
        indexes = (("working_copy_id", "part", "start"),)

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from network.migration_ops import AddFilledField
from network.offices.models import Attribution
from network.publications.models import (
    ContactPreference,
    DraftState,
    EvidenceLevel,
    EvidenceStudies,
    FindingDecision,
)


class Migration(migrations.Migration):
    dependencies = [("network", "0006_change_log")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Adoption",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "publication",
                    fields.ForeignKeyField(
                        "network.Publication",
                        source_field="publication_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="adoptions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="adoptions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "attribution",
                    fields.CharEnumField(
                        description="NAMED: NAMED\nPSEUDONYMOUS: PSEUDONYMOUS\nGENERALIZED: GENERALIZED",
                        enum_type=Attribution,
                        max_length=16,
                    ),
                ),
                ("attribution_label", fields.CharField(max_length=200)),
                ("note", fields.TextField(default="", unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "adoption",
                "app": "network",
                "unique_together": (("publication", "office"),),
                "pk_attr": "id",
                "table_description": 'An office saying "we adopted this", shown under the attribution it chose.',
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="PublicationRelation",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "policy",
                    fields.ForeignKeyField(
                        "network.Publication",
                        source_field="policy_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="brief_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "brief",
                    fields.ForeignKeyField(
                        "network.Publication",
                        source_field="brief_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="policy_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
            ],
            options={
                "table": "publication_relation",
                "app": "network",
                "unique_together": (("policy", "brief"),),
                "indexes": [Index(fields=["brief_id", "policy_id"])],
                "pk_attr": "id",
                "table_description": "A policy and a brief that belong together (the brief reports on the practice",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="WorkingCopy",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "publication",
                    fields.OneToOneField(
                        "network.Publication",
                        source_field="publication_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="working_copy",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "state",
                    fields.CharEnumField(
                        default=DraftState.EDITING,
                        description="EDITING: EDITING\nIN_REVIEW: IN_REVIEW\nAPPROVED: APPROVED",
                        enum_type=DraftState,
                        max_length=16,
                    ),
                ),
                ("base_revision", fields.IntField(default=0)),
                ("title", fields.CharField(max_length=300)),
                ("summary", fields.TextField(default="", unique=False)),
                ("body", fields.TextField(default="", unique=False)),
                ("sections", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                (
                    "evidence_level",
                    fields.CharEnumField(
                        null=True,
                        description="ANECDOTAL: ANECDOTAL\nDESCRIPTIVE: DESCRIPTIVE\nQUASI_EXPERIMENTAL: QUASI_EXPERIMENTAL\nEXPERIMENTAL: EXPERIMENTAL",
                        enum_type=EvidenceLevel,
                        max_length=24,
                    ),
                ),
                (
                    "evidence_studies",
                    fields.CharEnumField(
                        null=True,
                        description="SINGLE: SINGLE\nMULTIPLE: MULTIPLE",
                        enum_type=EvidenceStudies,
                        max_length=16,
                    ),
                ),
                ("effective_date", fields.DateField(null=True)),
                ("sunset_date", fields.DateField(null=True)),
                ("change_summary", fields.TextField(default="", unique=False)),
                ("source_name", fields.CharField(default="", max_length=200)),
                (
                    "author",
                    fields.ForeignKeyField(
                        "network.Member",
                        source_field="author_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="working_copies",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("author_label", fields.CharField(default="", max_length=200)),
                (
                    "reviewer",
                    fields.ForeignKeyField(
                        "network.Member",
                        source_field="reviewer_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="reviews",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("review_note", fields.TextField(default="", unique=False)),
                (
                    "analyzed_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "working_copy",
                "app": "network",
                "pk_attr": "id",
                "table_description": "The office-only working text of a draft or of the next revision of a published",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Finding",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "working_copy",
                    fields.ForeignKeyField(
                        "network.WorkingCopy",
                        source_field="working_copy_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="findings",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("part", fields.CharField(max_length=40)),
                ("start", fields.IntField()),
                ("end", fields.IntField()),
                ("entity_type", fields.CharField(max_length=32)),
                ("text", fields.TextField(unique=False)),
                ("score", fields.FloatField()),
                (
                    "decision",
                    fields.CharEnumField(
                        default=FindingDecision.OPEN,
                        description="OPEN: OPEN\nACCEPTED: ACCEPTED\nREJECTED: REJECTED\nREPLACED: REPLACED",
                        enum_type=FindingDecision,
                        max_length=16,
                    ),
                ),
                ("replacement", fields.TextField(default="", unique=False)),
                ("public_id", fields.CharField(unique=True, max_length=32)),
            ],
            options={
                "table": "finding",
                "app": "network",
                "indexes": [Index(fields=["working_copy_id", "part", "start"])],
                "pk_attr": "id",
                "table_description": "Something the analysis found in a working copy that may identify a person, and",
            },
            bases=["Model"],
        ),
        AddFilledField(
            model_name="Office",
            name="allow_self_approval",
            field=fields.BooleanField(default=False),
        ),
        AddFilledField(
            model_name="Office",
            name="deny_terms",
            field=fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
        ),
        AddFilledField(
            model_name="Publication",
            name="contact_preference",
            field=fields.CharEnumField(
                default=ContactPreference.NONE,
                description="NONE: NONE\nTHROUGH_NETWORK: THROUGH_NETWORK\nDIRECT: DIRECT",
                enum_type=ContactPreference,
                max_length=16,
            ),
        ),
        AddFilledField(
            model_name="Publication",
            name="retraction_reason",
            field=fields.TextField(default="", unique=False),
        ),
        AddFilledField(
            model_name="Publication",
            name="source_reference",
            field=fields.CharField(default="", max_length=500),
        ),
        ops.AddField(
            model_name="Publication",
            name="sunset_date",
            field=fields.DateField(null=True),
        ),
        ops.AlterModelOptions(
            name="PublicationMetric",
            options={
                "table": "publication_metric",
                "app": "network",
                "unique_together": (("publication", "metric"),),
                "pk_attr": "id",
                "table_description": "Metrics a brief points to as evidence of its outcomes, or a policy is meant",
            },
        ),
        ops.AddField(
            model_name="Revision",
            name="evidence_studies",
            field=fields.CharEnumField(
                null=True,
                description="SINGLE: SINGLE\nMULTIPLE: MULTIPLE",
                enum_type=EvidenceStudies,
                max_length=16,
            ),
        ),
        ops.AddField(
            model_name="Revision",
            name="sunset_date",
            field=fields.DateField(null=True),
        ),
    ]

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from network.metrics.models import Direction, Frequency, MetricUnit
from network.offices.models import Attribution, OfficeKind, OfficeRole, Region, SizeBand
from network.publications.models import (
    EvidenceLevel,
    PublicationKind,
    PublicationStatus,
    Visibility,
)


class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name="Counter",
            fields=[
                (
                    "name",
                    fields.CharField(primary_key=True, unique=True, db_index=True, max_length=40),
                ),
                ("value", fields.BigIntField(default=0)),
            ],
            options={
                "table": "counter",
                "app": "network",
                "pk_attr": "name",
                "table_description": "A named monotonic counter, e.g. `content`, bumped by every visible change.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Office",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("slug", fields.CharField(unique=True, max_length=80)),
                ("name", fields.CharField(max_length=200)),
                ("jurisdiction", fields.CharField(max_length=200)),
                ("state", fields.CharField(db_index=True, max_length=2)),
                (
                    "kind",
                    fields.CharEnumField(
                        description="COUNTY: COUNTY\nDISTRICT: DISTRICT\nCITY: CITY\nSTATE: STATE",
                        enum_type=OfficeKind,
                        max_length=16,
                    ),
                ),
                ("population_served", fields.IntField()),
                (
                    "region",
                    fields.CharEnumField(
                        db_index=True,
                        description="NORTHEAST: NORTHEAST\nMIDWEST: MIDWEST\nSOUTH: SOUTH\nWEST: WEST",
                        enum_type=Region,
                        max_length=16,
                    ),
                ),
                (
                    "size_band",
                    fields.CharEnumField(
                        db_index=True,
                        description="SMALL: SMALL\nMEDIUM: MEDIUM\nLARGE: LARGE\nVERY_LARGE: VERY_LARGE",
                        enum_type=SizeBand,
                        max_length=16,
                    ),
                ),
                ("pseudonym", fields.CharField(unique=True, max_length=40)),
                (
                    "default_attribution",
                    fields.CharEnumField(
                        default=Attribution.PSEUDONYMOUS,
                        description="NAMED: NAMED\nPSEUDONYMOUS: PSEUDONYMOUS\nGENERALIZED: GENERALIZED",
                        enum_type=Attribution,
                        max_length=16,
                    ),
                ),
                ("origin_instance", fields.CharField(default="", max_length=200)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "office",
                "app": "network",
                "pk_attr": "id",
                "table_description": "A member prosecutor office.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Member",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="members",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("issuer", fields.CharField(max_length=500)),
                ("subject", fields.CharField(max_length=255)),
                ("email", fields.CharField(default="", max_length=320)),
                ("display_name", fields.CharField(default="", max_length=200)),
                (
                    "office_role",
                    fields.CharEnumField(
                        default=OfficeRole.VIEWER,
                        description="VIEWER: VIEWER\nPUBLISHER: PUBLISHER\nOFFICE_ADMIN: OFFICE_ADMIN",
                        enum_type=OfficeRole,
                        max_length=16,
                    ),
                ),
                ("is_convener", fields.BooleanField(default=False)),
                ("is_network_admin", fields.BooleanField(default=False)),
                ("is_active", fields.BooleanField(default=True)),
                (
                    "last_seen_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "member",
                "app": "network",
                "unique_together": (("issuer", "subject"),),
                "pk_attr": "id",
                "table_description": "A person of an office, identified by (issuer, subject) from the office's IdP.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="AuditEvent",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "occurred_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True),
                ),
                ("action", fields.CharField(db_index=True, max_length=60)),
                ("outcome", fields.CharField(default="success", max_length=16)),
                (
                    "actor_member",
                    fields.ForeignKeyField(
                        "network.Member",
                        source_field="actor_member_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_events",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("actor_label", fields.CharField(default="", max_length=200)),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_events",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("target_type", fields.CharField(default="", max_length=40)),
                ("target_id", fields.CharField(default="", max_length=80)),
                ("detail", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ("ip", fields.CharField(default="", max_length=64)),
                ("request_id", fields.CharField(default="", max_length=64)),
            ],
            options={"table": "audit_event", "app": "network", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Publication",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "kind",
                    fields.CharEnumField(
                        description="POLICY: POLICY\nBRIEF: BRIEF",
                        enum_type=PublicationKind,
                        max_length=8,
                    ),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="publications",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("title", fields.CharField(max_length=300)),
                ("summary", fields.TextField(default="", unique=False)),
                (
                    "status",
                    fields.CharEnumField(
                        default=PublicationStatus.DRAFT,
                        description="DRAFT: DRAFT\nIN_REVIEW: IN_REVIEW\nPUBLISHED: PUBLISHED\nRETRACTED: RETRACTED",
                        enum_type=PublicationStatus,
                        max_length=16,
                    ),
                ),
                (
                    "visibility",
                    fields.CharEnumField(
                        default=Visibility.OFFICE,
                        description="OFFICE: OFFICE\nNETWORK: NETWORK\nFEDERATED: FEDERATED\nPUBLIC: PUBLIC",
                        enum_type=Visibility,
                        max_length=16,
                    ),
                ),
                (
                    "attribution",
                    fields.CharEnumField(
                        default=Attribution.PSEUDONYMOUS,
                        description="NAMED: NAMED\nPSEUDONYMOUS: PSEUDONYMOUS\nGENERALIZED: GENERALIZED",
                        enum_type=Attribution,
                        max_length=16,
                    ),
                ),
                ("attribution_label", fields.CharField(default="", max_length=200)),
                ("effective_date", fields.DateField(null=True)),
                ("origin_instance", fields.CharField(max_length=200)),
                ("origin_id", fields.CharField(max_length=64)),
                ("version", fields.IntField(default=1)),
                ("revision_count", fields.IntField(default=0)),
                ("head_revision_id", fields.IntField(null=True)),
                (
                    "published_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                (
                    "retracted_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "publication",
                "app": "network",
                "unique_together": (("origin_instance", "origin_id"),),
                "indexes": [
                    Index(fields=["kind", "status", "visibility", "published_at"]),
                    Index(fields=["office_id", "kind"]),
                    Index(fields=["kind", "effective_date"]),
                ],
                "pk_attr": "id",
                "table_description": "A policy or brief with its current state (the text lives in revisions).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Revision",
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
                        related_name="revisions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("number", fields.IntField()),
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
                ("effective_date", fields.DateField(null=True)),
                (
                    "author",
                    fields.ForeignKeyField(
                        "network.Member",
                        source_field="author_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="revisions",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("change_summary", fields.TextField(default="", unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "revision",
                "app": "network",
                "unique_together": (("publication", "number"),),
                "pk_attr": "id",
                "table_description": "One immutable version of a publication's text.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Topic",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("slug", fields.CharField(unique=True, max_length=80)),
                ("name", fields.CharField(max_length=120)),
                ("description", fields.TextField(default="", unique=False)),
                (
                    "parent",
                    fields.ForeignKeyField(
                        "network.Topic",
                        source_field="parent_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="children",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("position", fields.IntField(default=0)),
            ],
            options={"table": "topic", "app": "network", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="MetricDefinition",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("key", fields.CharField(unique=True, max_length=80)),
                ("name", fields.CharField(max_length=200)),
                ("description", fields.TextField(default="", unique=False)),
                (
                    "unit",
                    fields.CharEnumField(
                        description="COUNT: COUNT\nRATE: RATE\nDAYS: DAYS\nRATIO: RATIO\nMONEY: MONEY",
                        enum_type=MetricUnit,
                        max_length=8,
                    ),
                ),
                ("numerator", fields.TextField(default="", unique=False)),
                ("denominator", fields.TextField(default="", unique=False)),
                ("exclusions", fields.TextField(default="", unique=False)),
                (
                    "frequency",
                    fields.CharEnumField(
                        default=Frequency.MONTHLY,
                        description="MONTHLY: MONTHLY\nQUARTERLY: QUARTERLY\nANNUAL: ANNUAL",
                        enum_type=Frequency,
                        max_length=12,
                    ),
                ),
                (
                    "desired_direction",
                    fields.CharEnumField(
                        default=Direction.NEUTRAL,
                        description="UP: UP\nDOWN: DOWN\nNEUTRAL: NEUTRAL",
                        enum_type=Direction,
                        max_length=8,
                    ),
                ),
                ("rationale", fields.TextField(default="", unique=False)),
                (
                    "disaggregations",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "topic",
                    fields.ForeignKeyField(
                        "network.Topic",
                        source_field="topic_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="metrics",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("source", fields.CharField(default="", max_length=120)),
                ("is_standard", fields.BooleanField(default=False)),
            ],
            options={"table": "metric_definition", "app": "network", "pk_attr": "id"},
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Observation",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="observations",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="observations",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("period_start", fields.DateField()),
                ("disaggregation", fields.CharField(default="", max_length=120)),
                ("value", fields.FloatField(null=True)),
                ("numerator", fields.FloatField(null=True)),
                ("denominator", fields.FloatField(null=True)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "observation",
                "app": "network",
                "unique_together": (("office", "metric", "period_start", "disaggregation"),),
                "pk_attr": "id",
                "table_description": "A raw value an office uploaded. Never leaves the office.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="PublicationMetric",
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
                        related_name="metric_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="publication_links",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
            ],
            options={
                "table": "publication_metric",
                "app": "network",
                "unique_together": (("publication", "metric"),),
                "pk_attr": "id",
                "table_description": "Metrics a practice brief points to as evidence of its outcomes.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="PublicationTopic",
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
                        related_name="topic_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "topic",
                    fields.ForeignKeyField(
                        "network.Topic",
                        source_field="topic_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="publication_links",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
            ],
            options={
                "table": "publication_topic",
                "app": "network",
                "unique_together": (("publication", "topic"),),
                "indexes": [Index(fields=["topic_id", "publication_id"])],
                "pk_attr": "id",
                "table_description": "Which topics a publication is filed under (an explicit join table, so filters",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Release",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="releases",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="releases",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("period_start", fields.DateField()),
                ("cells", fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ("method", fields.CharField(default="suppression-k11", max_length=40)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "metric_release",
                "app": "network",
                "unique_together": (("office", "metric", "period_start"),),
                "pk_attr": "id",
                "table_description": "The anonymized cells of one office, metric and period that others may read.",
            },
            bases=["Model"],
        ),
    ]

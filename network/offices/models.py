"""Offices and the people who act for them."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from network.access.roles import OfficeRole

__all__ = ["Attribution", "Member", "Office", "OfficeKind", "OfficeRole", "Region", "SizeBand"]


class OfficeKind(StrEnum):
    COUNTY = "COUNTY"
    DISTRICT = "DISTRICT"
    CITY = "CITY"
    STATE = "STATE"


class Region(StrEnum):
    """US Census regions: coarse enough to generalize attribution over."""

    NORTHEAST = "NORTHEAST"
    MIDWEST = "MIDWEST"
    SOUTH = "SOUTH"
    WEST = "WEST"


class SizeBand(StrEnum):
    SMALL = "SMALL"
    MEDIUM = "MEDIUM"
    LARGE = "LARGE"
    VERY_LARGE = "VERY_LARGE"


class Attribution(StrEnum):
    NAMED = "NAMED"
    PSEUDONYMOUS = "PSEUDONYMOUS"
    GENERALIZED = "GENERALIZED"


class Office(Model):
    """A member prosecutor office.

    `size_band` is derived from `population_served` by the offices service (the one
    write path) and stored so filters and facets can use an index; `pseudonym` is
    stable for the life of the office.
    `origin_instance` is empty for offices of this instance and names the peer
    instance for offices known through federation.

    A `placeholder` stands for whoever a peer's pseudonymous or generalized label
    names: it owns that label's copies here and describes no one office, so its place
    facts are placeholders that nothing shows (the directory leaves it out, and every
    place filter on publications requires an attribution that discloses place).
    """

    id = fields.IntField(primary_key=True)
    slug = fields.CharField(max_length=80, unique=True)
    name = fields.CharField(max_length=200)
    jurisdiction = fields.CharField(max_length=200)
    state = fields.CharField(max_length=2, db_index=True)
    kind = fields.CharEnumField(OfficeKind, max_length=16)
    population_served = fields.IntField()
    region = fields.CharEnumField(Region, max_length=16, db_index=True)
    size_band = fields.CharEnumField(SizeBand, max_length=16, db_index=True)
    pseudonym = fields.CharField(max_length=40, unique=True)
    default_attribution = fields.CharEnumField(
        Attribution, max_length=16, default=Attribution.PSEUDONYMOUS
    )
    origin_instance = fields.CharField(max_length=200, default="")
    placeholder = fields.BooleanField(default=False)
    # Publishing rules the office sets: whether an author may approve their own draft,
    # and terms its texts must never show (flagged by the analysis whatever it finds).
    allow_self_approval = fields.BooleanField(default=False)
    deny_terms: list[str] = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "office"
        ordering = ("name", "id")

    def __str__(self) -> str:
        return self.name


class Member(Model):
    """A person of an office, identified by (issuer, subject) from the office's IdP."""

    id = fields.IntField(primary_key=True)
    office: fields.ForeignKeyRelation[Office] = fields.ForeignKeyField(
        "network.Office", related_name="members", on_delete=fields.RESTRICT
    )
    issuer = fields.CharField(max_length=500)
    subject = fields.CharField(max_length=255)
    email = fields.CharField(max_length=320, default="")
    display_name = fields.CharField(max_length=200, default="")
    office_role = fields.CharEnumField(OfficeRole, max_length=16, default=OfficeRole.VIEWER)
    is_convener = fields.BooleanField(default=False)
    is_network_admin = fields.BooleanField(default=False)
    is_active = fields.BooleanField(default=True)
    last_seen_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "member"
        unique_together = (("issuer", "subject"),)

"""Domain enums exposed in the schema under their own names."""

import strawberry

from network.auth.models import ClientAuthMethod
from network.metrics.models import Direction, Frequency, MetricUnit
from network.offices.models import Attribution, OfficeKind, OfficeRole, Region, SizeBand
from network.publications.models import (
    ContactPreference,
    DraftState,
    EvidenceLevel,
    EvidenceStudies,
    FindingDecision,
    PublicationKind,
    PublicationStatus,
    Visibility,
)

OfficeKindEnum = strawberry.enum(OfficeKind, name="OfficeKind")
RegionEnum = strawberry.enum(Region, name="Region")
SizeBandEnum = strawberry.enum(SizeBand, name="SizeBand")
AttributionEnum = strawberry.enum(Attribution, name="Attribution")
PublicationKindEnum = strawberry.enum(PublicationKind, name="PublicationKind")
PublicationStatusEnum = strawberry.enum(PublicationStatus, name="PublicationStatus")
VisibilityEnum = strawberry.enum(Visibility, name="Visibility")
EvidenceLevelEnum = strawberry.enum(EvidenceLevel, name="EvidenceLevel")
MetricUnitEnum = strawberry.enum(MetricUnit, name="MetricUnit")
FrequencyEnum = strawberry.enum(Frequency, name="Frequency")
DirectionEnum = strawberry.enum(Direction, name="Direction")
OfficeRoleEnum = strawberry.enum(OfficeRole, name="OfficeRole")
ClientAuthMethodEnum = strawberry.enum(ClientAuthMethod, name="ClientAuthMethod")
EvidenceStudiesEnum = strawberry.enum(EvidenceStudies, name="EvidenceStudies")
ContactPreferenceEnum = strawberry.enum(ContactPreference, name="ContactPreference")
DraftStateEnum = strawberry.enum(DraftState, name="DraftState")
FindingDecisionEnum = strawberry.enum(FindingDecision, name="FindingDecision")

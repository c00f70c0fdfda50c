"""Roles a person holds in an office (network roles are flags on the principal)."""

from enum import StrEnum


class OfficeRole(StrEnum):
    VIEWER = "VIEWER"
    PUBLISHER = "PUBLISHER"
    OFFICE_ADMIN = "OFFICE_ADMIN"

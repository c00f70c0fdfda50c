"""The kinds of identifying details the analysis looks for."""

from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "PERSON"
    CASE_NUMBER = "CASE_NUMBER"  # case, docket, indictment and citation numbers
    BOOKING_NUMBER = "BOOKING_NUMBER"  # booking and inmate numbers
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    SSN = "SSN"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    ADDRESS = "ADDRESS"  # street addresses, PO boxes, rural routes
    LICENSE_PLATE = "LICENSE_PLATE"
    DRIVER_LICENSE = "DRIVER_LICENSE"

"""The recognizers the analysis runs, chosen one by one (no predefined Presidio set: its
US phone numbers scored as UK NHS numbers, and it knows no docket or booking number)."""

import functools
import logging

from network.anonymize import identifiers, references
from network.anonymize.persons import PersonRecognizer
from network.anonymize.presidio import EntityRecognizer


@functools.cache
def default_recognizers() -> tuple[EntityRecognizer, ...]:
    """Built once per process (the person recognizer reads the census name lists)."""
    # Presidio announces every recognizer it builds at INFO: noise in a command's output.
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    return (
        references.public_references(),
        identifiers.case_numbers(),
        identifiers.booking_numbers(),
        identifiers.dates_of_birth(),
        identifiers.ssns(),
        identifiers.phones(),
        identifiers.emails(),
        identifiers.addresses(),
        identifiers.license_plates(),
        identifiers.driver_licenses(),
        PersonRecognizer(),
    )


def person_recognizer() -> PersonRecognizer:
    return next(r for r in default_recognizers() if isinstance(r, PersonRecognizer))

"""The identifier recognizers (case, booking, birth date, SSN, phone, email, address,
plate, driver's licence): what they find, and the look-alikes they must leave alone."""

import pytest

from network.anonymize.analyzer import BLOCKING_SCORE, Finding, analyze
from network.anonymize.entities import EntityType


def kinds(text: str) -> dict[str, EntityType]:
    """Found text -> its type."""
    return {f.text: f.type for f in analyze(text)}


def finding(text: str, value: str) -> Finding:
    matches = [f for f in analyze(text) if f.text == value]
    assert matches, f"{value!r} not found in {text!r}: {analyze(text)}"
    return matches[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The felony was filed as 2023-CF-004512 last spring.", "2023-CF-004512"),
        ("See CR-22-1234 for the earlier plea.", "CR-22-1234"),
        ("Consolidated with 21CR01234 before trial.", "21CR01234"),
        ("Case No. 4:19-cr-00231 was unsealed.", "4:19-cr-00231"),
        ("Docket No. 22-1187 was continued.", "22-1187"),
        ("Indictment No. 1234/2021 was dismissed.", "1234/2021"),
        ("The referral, CPC-2024-001234, was declined.", "CPC-2024-001234"),
        ("Citation No. A7781203 was issued at the scene.", "A7781203"),
        ("Cause No. 49G05-2107-F5-022154 is set for trial.", "49G05-2107-F5-022154"),
        ("Docket: CP-51-CR-0001234-2022", "CP-51-CR-0001234-2022"),
    ],
)
def test_case_numbers_in_common_formats(text: str, value: str) -> None:
    found = finding(text, value)
    assert found.type == EntityType.CASE_NUMBER
    assert found.score >= BLOCKING_SCORE


def test_a_case_word_raises_the_score_of_a_distinctive_number() -> None:
    bare = finding("Filed as CR-22-1234 yesterday.", "CR-22-1234")
    labelled = finding("In case CR-22-1234 yesterday.", "CR-22-1234")
    assert labelled.score > bare.score


@pytest.mark.parametrize(
    "text",
    [
        "Between 2019 and 2022 the office filed eleven such motions.",
        "In each case filed in 2022 the screening took 48 hours.",
        "Case No. 4 on the agenda is the budget.",
        "Award No. 15PBJA-22-GG-01234-MUMU funds the program.",
    ],
)
def test_years_counts_and_grant_numbers_are_not_case_numbers(text: str) -> None:
    assert EntityType.CASE_NUMBER not in kinds(text).values()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He was booked into the county jail under booking number 2023-0041877.", "2023-0041877"),
        ("Booking No. 2107-3341 shows a cast.", "2107-3341"),
        ("BK# 23004512, released on bond.", "23004512"),
        ("Found under inmate number A-558213.", "A-558213"),
        ("Transferred to the state (DOC #00684417).", "00684417"),
        ("Booked as BK-2024-019283 at the main jail.", "BK-2024-019283"),
    ],
)
def test_booking_and_inmate_numbers(text: str, value: str) -> None:
    assert finding(text, value).type == EntityType.BOOKING_NUMBER


def test_a_bare_number_is_not_a_booking_number() -> None:
    assert EntityType.BOOKING_NUMBER not in kinds("The unit closed 2023-0041877 files.").values()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The defendant (DOB 03/14/1991) lived alone.", "03/14/1991"),
        ("She was born July 9, 1987 in Toledo.", "July 9, 1987"),
        ("Date of birth: 1999-11-02", "1999-11-02"),
        ("Born on 4 March 2001, he was 19 at the time.", "4 March 2001"),
        ("Fecha de nacimiento: 12/01/1983", "12/01/1983"),
    ],
)
def test_dates_of_birth(text: str, value: str) -> None:
    assert finding(text, value).type == EntityType.DATE_OF_BIRTH


@pytest.mark.parametrize(
    "text",
    [
        "This policy is effective January 1, 2024 and replaces the 2019 version.",
        "The hearing was set for 03/14/2024.",
        "DOB 3/14/91, arrested 6/2/22 on the warrant.",
        "The victim, born in Mexico, arrived on June 2, 2022 with her aunt.",
    ],
)
def test_other_dates_are_not_birth_dates(text: str) -> None:
    found = analyze(text)
    dates = [f.text for f in found if f.type == EntityType.DATE_OF_BIRTH]
    assert all(d.startswith("3/14") for d in dates), dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("His SSN, 412-55-8391, is in the report.", "412-55-8391"),
        ("SSN 531 66 0218 on the booking sheet.", "531 66 0218"),
        ("Social security number 437512298 on file.", "437512298"),
    ],
)
def test_social_security_numbers(text: str, value: str) -> None:
    found = finding(text, value)
    assert found.type == EntityType.SSN
    assert found.score >= BLOCKING_SCORE


@pytest.mark.parametrize("value", ["000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567"])
def test_impossible_ssns_are_not_flagged(value: str) -> None:
    assert value not in kinds(f"Reference {value} in the ledger.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her number is (614) 555-0187.", "(614) 555-0187"),
        ("Call 614-555-0142 after five.", "614-555-0142"),
        ("Cell: 312.555.0164", "312.555.0164"),
        ("Landlord, +1 (318) 442-7765.", "+1 (318) 442-7765"),
        ("Phone 651-296-8814 x230 for HR.", "651-296-8814 x230"),
    ],
)
def test_us_phone_numbers(text: str, value: str) -> None:
    assert finding(text, value).type == EntityType.PHONE


def test_a_us_phone_number_is_not_read_as_anything_else() -> None:
    # Presidio's predefined set scored this as a UK NHS number.
    assert kinds("Contact: 212-555-5555") == {"212-555-5555": EntityType.PHONE}


def test_emails() -> None:
    text = "Write to atorres@lakecountyda.org or april.may@anchda.org today."
    assert kinds(text) == {
        "atorres@lakecountyda.org": EntityType.EMAIL,
        "april.may@anchda.org": EntityType.EMAIL,
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "He lived at 4127 Oakmont Avenue, Apt. 2B, Dayton, OH 45406 with his mother.",
            "4127 Oakmont Avenue, Apt. 2B, Dayton, OH 45406",
        ),
        ("The interview was at 88 West Elm Street.", "88 West Elm Street"),
        (
            "Mail it to P.O. Box 1422, Springfield, IL 62705.",
            "P.O. Box 1422, Springfield, IL 62705",
        ),
        ("She resides at 1550 N. Lakeshore Dr., Unit 14.", "1550 N. Lakeshore Dr., Unit 14"),
        ("Staying at RR 2 Box 118, Millersburg, OH 44654.", "RR 2 Box 118, Millersburg, OH 44654"),
    ],
)
def test_street_addresses(text: str, value: str) -> None:
    assert finding(text, value).type == EntityType.ADDRESS


@pytest.mark.parametrize(
    "text",
    [
        "In 2022 Drug Court graduated 41 participants.",
        "Since 2019 Superior Court judges have reviewed every plea.",
    ],
)
def test_years_before_court_names_are_not_addresses(text: str) -> None:
    assert EntityType.ADDRESS not in kinds(text).values()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A gray sedan with license plate 7KJD392 was seen.", "7KJD392"),
        ("Texas tag LMN-4821 on a black truck.", "LMN-4821"),
        ("He wrote down the plate, BHT 4402.", "BHT 4402"),
        ("Wyoming plate 6-4417 returned stolen.", "6-4417"),
    ],
)
def test_license_plates(text: str, value: str) -> None:
    assert finding(text, value).type == EntityType.LICENSE_PLATE


def test_a_plate_shaped_string_without_a_vehicle_is_not_a_plate() -> None:
    assert "ABC1234" not in kinds("The form code ABC1234 is obsolete.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He produced a driver's license A4471930 at the stop.", "A4471930"),
        ("DL# S530-4607-2811 was suspended.", "S530-4607-2811"),
        ("Texas OLN 48213377 on file.", "48213377"),
        ("DL: K 423 118 902 771 (Michigan)", "K 423 118 902 771"),
    ],
)
def test_driver_licenses(text: str, value: str) -> None:
    assert finding(text, value).type == EntityType.DRIVER_LICENSE


@pytest.mark.parametrize(
    "text",
    [
        "Sentencing must address 18 U.S.C. § 3553(a) and Penal Code § 1170(h).",
        "Set-asides under ORS 137.225 and deferrals under MCL 333.7403 are routine.",
        "Detention under 725 ILCS 5/110-6.1 requires a petition.",
        "Strangulation is charged under ORS 163.187; see Tenn. Code Ann. § 40-35-313.",
        "Brady v. Maryland, 373 U.S. 83 (1963), and Giglio v. United States, 405 U.S. 150.",
    ],
)
def test_statute_and_case_law_citations_are_not_flagged(text: str) -> None:
    assert analyze(text) == []

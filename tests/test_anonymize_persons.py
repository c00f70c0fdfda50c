"""Person names without a language model: titles, roles, email headers and signatures,
census names, later mentions; and the public officials, courts, case names and ordinary
capitalised words that must stay."""

import pytest

from network.anonymize.analyzer import BLOCKING_SCORE, analyze, analyze_document
from network.anonymize.entities import EntityType


def people(text: str, blocking: bool = False) -> list[str]:
    return [
        f.text
        for f in analyze(text)
        if f.type == EntityType.PERSON and (not blocking or f.score >= BLOCKING_SCORE)
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officer Daniel Ruiz stopped the car.", "Daniel Ruiz"),
        ("Detective Sgt. Amy Kowalski took the statement.", "Amy Kowalski"),
        ("Deputy Hinton arrived first.", "Hinton"),
        ("We spoke with Mr. Haskins twice.", "Haskins"),
        ("Dr. Seo Park examined her.", "Seo Park"),
        ("Trooper Wade Pickens made the stop.", "Wade Pickens"),
        ("Victim Advocate Noemi Trujillo called.", "Noemi Trujillo"),
        ("Assistant Public Defender Sharon Patel argued.", "Sharon Patel"),
    ],
)
def test_names_after_titles(text: str, name: str) -> None:
    assert name in people(text, blocking=True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The victim, Latoya Greene, will not testify.", "Latoya Greene"),
        ("A neighbor, Grace Hunter, saw the van.", "Grace Hunter"),
        ("The complainant Holly Brandt called dispatch.", "Holly Brandt"),
        ("Defendant Boyd pleaded guilty.", "Boyd"),
        ("The suspect, known to her as J. Pruitt, fled.", "J. Pruitt"),
        ("The juvenile, D.M., age 15, was referred.", "D.M."),
        ("State v. Dwayne Mercer was set for trial.", "Dwayne Mercer"),
        ("Suspect: Corbin Ashby", "Corbin Ashby"),
        ("The pilot coordinator is April May, who answers the phone.", "April May"),
    ],
)
def test_names_after_roles(text: str, name: str) -> None:
    assert name in people(text, blocking=True)


def test_census_first_and_last_names_on_their_own() -> None:
    assert people("We later learned that Marcus Albright had moved.", blocking=True) == [
        "Marcus Albright"
    ]


def test_possessives_initials_and_hyphenated_surnames() -> None:
    text = (
        "The complainant, Rosa Delgado-Marin, was interviewed. Delgado-Marin's account "
        "matched the video. Jerome T. Whitaker was arrested; Whitaker's mother posted bond."
    )
    found = people(text, blocking=True)
    assert "Rosa Delgado-Marin" in found
    assert found.count("Delgado-Marin") == 1
    assert "Jerome T. Whitaker" in found
    assert "Whitaker" in found


def test_a_name_found_once_is_found_again_alone() -> None:
    text = "Officer Wanda Fitzgerald responded. Later, Fitzgerald and Wanda wrote the report."
    assert people(text, blocking=True) == ["Wanda Fitzgerald", "Fitzgerald", "Wanda"]


def test_a_name_in_one_part_is_found_alone_in_another() -> None:
    found = analyze_document(
        {"title": "Notes on the Okafor matter", "body": "Mr. Chidi Okafor was released."}
    )
    assert [f.text for f in found["title"]] == ["Okafor"]


def test_names_in_an_email_thread() -> None:
    text = (
        "From: Nadia Farouk <nfarouk@example.org>\n"
        "To: Holt, Jeremiah\n"
        "Subject: plea status\n"
        "\n"
        "Terrence,\n"
        "\n"
        "Can you call the victim's daughter?\n"
        "\n"
        "Thanks,\n"
        "Nadia\n"
    )
    found = people(text, blocking=True)
    for name in ("Nadia Farouk", "Holt", "Jeremiah", "Terrence", "Nadia"):
        assert name in found, (name, found)


def test_names_in_form_fields_even_in_capitals() -> None:
    text = "DEFENDANT: TREADWELL, DESMOND KOFI     DOB: 11/02/1979\n| Victim | Nguyen Thi Hoa |"
    found = people(text, blocking=True)
    assert "TREADWELL, DESMOND KOFI" in found
    assert "Nguyen Thi Hoa" in found


def test_lower_case_names_in_hasty_notes() -> None:
    text = "talked to ofc dominguez 4/3, he agrees. susp kyle brandt has no record. close it."
    found = people(text)
    assert "dominguez" in found
    assert "kyle brandt" in found


@pytest.mark.parametrize(
    "text",
    [
        "Judge Harriet Coleman of the Superior Court of Marion County approved the protocol.",
        "The Honorable Lisa Marchetti presided; Hon. Peter Walsh concurred.",
        "District Attorney Paul Whitfield signed it.",
        "Issued by State's Attorney Lamar Whitcombe under his authority.",
        "DA Smith announced the unit.",
        "Justice Brown wrote for the majority.",
    ],
)
def test_public_officials_in_their_role_are_not_flagged(text: str) -> None:
    assert people(text) == []


def test_later_bare_mentions_of_an_official_are_not_flagged() -> None:
    text = "District Attorney Rosalind Achebe announced the unit. Achebe said it was overdue."
    assert people(text) == []


def test_an_assistant_prosecutor_is_staff_not_the_elected_official() -> None:
    text = "Assistant District Attorney Jane Okonkwo argued; District Attorney Paul Kline watched."
    assert people(text, blocking=True) == ["Jane Okonkwo"]


@pytest.mark.parametrize(
    "text",
    [
        "The Domestic Violence Unit meets every Monday.",
        "White, Black and Hispanic defendants were charged at similar rates.",
        "Will the new screening form reduce delay? May prosecutors decline a referral?",
        "Grant funding from the Bureau of Justice Assistance ends in August.",
        "Nothing here changes our Brady and Giglio obligations or the Miranda warnings.",
        "Brown v. Board of Education is cited in the training deck.",
        "Filed in the Superior Court of Marion County and the Cook County Circuit Court.",
        "The Justice Reinvestment Act of 2011 guides the recommendations.",
        "Under Marsy's Law the victim may be heard; consider a Crawford analysis.",
        "A 2018 Kia Soul was parked outside Fort Wayne.",
        "The Victim Witness Assistance Program serves Spanish-language callers.",
    ],
)
def test_ordinary_capitalised_words_are_not_names(text: str) -> None:
    assert people(text) == []


def test_a_word_also_written_in_lower_case_is_an_ordinary_word() -> None:
    # "Lane" is a census surname; here the text uses it as a word.
    assert people("Keep to the right lane. Lane closures start Monday.") == []
    assert people("Detective Lane interviewed him. Lane said little.") == [
        "Lane",
        "Lane",
    ]

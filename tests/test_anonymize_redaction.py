"""Redaction: placeholders numbered per type by first appearance and consistent across a
document's parts, later partial mentions of a person linked to the full name, and
errors for spans that do not fit the text."""

import re

import pytest

from network.anonymize.analyzer import analyze_document
from network.anonymize.entities import EntityType
from network.anonymize.redaction import Span, redact

PERSON = EntityType.PERSON
MARK = re.compile(r"\{\{([A-Z_]+):(.*?)\}\}")


def marked(**parts: str) -> tuple[dict[str, str], list[Span]]:
    """Parts written with `{{TYPE:text}}` marks: the plain parts and their spans."""
    plain: dict[str, str] = {}
    spans: list[Span] = []
    for name, text in parts.items():
        out, position = "", 0
        for match in MARK.finditer(text):
            out += text[position : match.start()]
            kind, value = EntityType(match.group(1)), match.group(2)
            spans.append(Span(name, len(out), len(out) + len(value), kind, value))
            out += value
            position = match.end()
        plain[name] = out + text[position:]
    return plain, spans


def test_the_same_entity_gets_the_same_number_in_every_part() -> None:
    parts, spans = marked(
        title="Case {{CASE_NUMBER:CR-22-1234}}: {{PERSON:Smith}}",
        summary="{{PERSON:John Smith}} called {{PHONE:614-555-0187}}.",
        body=(
            "{{PERSON:Mr. Smith}}, not {{PERSON:Mary Jones}}, called {{PHONE:(614) 555-0187}} "
            "about {{CASE_NUMBER:cr-22-1234}}. {{PERSON:Jones}} did not."
        ),
    )
    assert redact(parts, spans) == {
        "title": "Case [CASE_NUMBER-1]: [PERSON-1]",
        "summary": "[PERSON-1] called [PHONE-1].",
        "body": (
            "[PERSON-1], not [PERSON-2], called [PHONE-1] about [CASE_NUMBER-1]. "
            "[PERSON-2] did not."
        ),
    }


def test_partial_mentions_link_to_the_earlier_full_name() -> None:
    parts, spans = marked(
        body=(
            "{{PERSON:John Smith}} met {{PERSON:Ana Ruiz}}. Later {{PERSON:Mr. Smith}}, "
            "{{PERSON:smith}}, {{PERSON:John}} and {{PERSON:J. Smith}} left; "
            "{{PERSON:Ruiz's}} car stayed."
        )
    )
    assert redact(parts, spans)["body"] == (
        "[PERSON-1] met [PERSON-2]. Later [PERSON-1], [PERSON-1], [PERSON-1] and [PERSON-1] "
        "left; [PERSON-2] car stayed."
    )


def test_a_full_name_after_a_partial_mention_takes_its_number() -> None:
    parts, spans = marked(
        title="{{PERSON:Okafor}} referral", body="{{PERSON:Chidi Okafor}} and {{PERSON:Ann Lee}}."
    )
    assert redact(parts, spans) == {
        "title": "[PERSON-1] referral",
        "body": "[PERSON-1] and [PERSON-2].",
    }


def test_an_ambiguous_surname_goes_to_the_most_recent_full_name() -> None:
    parts, spans = marked(
        body=(
            "{{PERSON:John Smith}} and {{PERSON:Mary Smith}} came; {{PERSON:John Smith}} "
            "spoke, then {{PERSON:Smith}} left."
        )
    )
    assert redact(parts, spans)["body"] == (
        "[PERSON-1] and [PERSON-2] came; [PERSON-1] spoke, then [PERSON-1] left."
    )


def test_whitespace_and_case_do_not_split_an_entity() -> None:
    parts = {"a": "Daniel  Ruiz", "b": "DANIEL RUIZ\nand daniel\nruiz"}
    spans = [
        Span("a", 0, 12, PERSON, "Daniel  Ruiz"),
        Span("b", 0, 11, PERSON, "DANIEL RUIZ"),
        Span("b", 16, 27, PERSON, "daniel\nruiz"),
    ]
    assert redact(parts, spans) == {"a": "[PERSON-1]", "b": "[PERSON-1]\nand [PERSON-1]"}


def test_numbering_follows_first_appearance_in_document_order() -> None:
    parts = {"first": "Zoe Adams", "second": "Bob Young then Zoe Adams"}
    spans = [
        Span("second", 15, 24, PERSON, "Zoe Adams"),
        Span("second", 0, 9, PERSON, "Bob Young"),
        Span("first", 0, 9, PERSON, "Zoe Adams"),
    ]
    assert redact(parts, spans) == {"first": "[PERSON-1]", "second": "[PERSON-2] then [PERSON-1]"}


def test_an_author_replacement_is_used_as_written_and_takes_no_number() -> None:
    parts = {"body": "Ana Ruiz and Bo Lee met; Lee left."}
    spans = [
        Span("body", 0, 8, PERSON, "Ana Ruiz", replacement="the victim"),
        Span("body", 13, 19, PERSON, "Bo Lee"),
        Span("body", 25, 28, PERSON, "Lee"),
    ]
    assert redact(parts, spans) == {"body": "the victim and [PERSON-1] met; [PERSON-1] left."}


def test_parts_without_spans_are_returned_unchanged() -> None:
    parts = {"title": "Diversion policy", "body": "Nothing to hide."}
    assert redact(parts, []) == parts


def test_redacting_an_analysed_document() -> None:
    parts = {
        "title": "The Okafor referral",
        "body": "Officer Daniel Ruiz arrested Chidi Okafor (DOB 03/14/1991). Ruiz wrote it up.",
    }
    findings = analyze_document(parts)
    spans = [
        Span(part, f.start, f.end, f.type, f.text)
        for part, items in findings.items()
        for f in items
    ]
    assert redact(parts, spans) == {
        "title": "The [PERSON-1] referral",
        "body": (
            "Officer [PERSON-2] arrested [PERSON-1] (DOB [DATE_OF_BIRTH-1]). [PERSON-2] wrote it up."
        ),
    }


@pytest.mark.parametrize(
    ("span", "message"),
    [
        (Span("body", 0, 99, PERSON, "x"), "out of range"),
        (Span("body", -1, 3, PERSON, "x"), "out of range"),
        (Span("body", 4, 4, PERSON, ""), "out of range"),
        (Span("nope", 0, 3, PERSON, "Ana"), "unknown part"),
        (Span("body", 0, 3, PERSON, "Bob"), "does not hold"),
    ],
)
def test_spans_that_do_not_fit_raise(span: Span, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        redact({"body": "Ana Ruiz"}, [span])


def test_overlapping_spans_in_a_part_raise() -> None:
    parts = {"body": "Ana Ruiz", "other": "Ana Ruiz"}
    with pytest.raises(ValueError, match="overlap"):
        redact(parts, [Span("body", 0, 8, PERSON, "Ana Ruiz"), Span("body", 4, 8, PERSON, "Ruiz")])
    # The same offsets in two parts do not overlap.
    spans = [Span("body", 0, 8, PERSON, "Ana Ruiz"), Span("other", 4, 8, PERSON, "Ruiz")]
    assert redact(parts, spans) == {"body": "[PERSON-1]", "other": "Ana [PERSON-1]"}

"""The analyzer's contract: sorted, non-overlapping findings with str offsets, overlap
resolution, deny and allow lists, and the same results through Presidio's own engine."""

import itertools
import subprocess
import sys

from network.anonymize.analyzer import BLOCKING_SCORE, analyze, resolve
from network.anonymize.entities import EntityType
from network.anonymize.presidio import RecognizerResult
from tests.pii_corpus import load

SAMPLE = (
    "Officer Daniel Ruiz stopped Marcus Albright (DOB 03/14/1991) in case 2023-CF-004512; "
    "call (614) 555-0187 or write to mruiz@example.org. Ruiz booked him under BK# 23004512."
)


def test_findings_are_sorted_do_not_overlap_and_index_the_text() -> None:
    found = analyze(SAMPLE)
    assert len(found) >= 7
    for finding in found:
        assert SAMPLE[finding.start : finding.end] == finding.text
        assert 0 < finding.score <= 1
    for earlier, later in itertools.pairwise(found):
        assert earlier.end <= later.start


def test_offsets_are_python_string_indices_with_wide_characters() -> None:
    text = "Résumé 🙂 — Officer Daniel Ruiz, cell 614-555-0142."
    found = {f.text: f for f in analyze(text)}
    assert text[found["Daniel Ruiz"].start : found["Daniel Ruiz"].end] == "Daniel Ruiz"
    assert found["614-555-0142"].start == text.index("614-555-0142")


def _result(kind: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity_type=kind, start=start, end=end, score=score)


def test_overlaps_go_to_the_higher_score_then_the_longer_span() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    results = [
        _result("PERSON", 0, 10, 0.6),
        _result("CASE_NUMBER", 5, 8, 0.9),  # higher score wins over the longer PERSON
        _result("PHONE", 12, 16, 0.7),
        _result("EMAIL", 12, 20, 0.7),  # same score: the longer wins
        _result("SSN", 22, 25, 0.3),
        _result("SSN", 21, 24, 0.3),  # same score and length: the earlier wins
    ]
    found = resolve(text, results)
    assert [(f.type, f.start, f.end) for f in found] == [
        (EntityType.CASE_NUMBER, 5, 8),
        (EntityType.EMAIL, 12, 20),
        (EntityType.SSN, 21, 24),
    ]


def test_deny_list_terms_are_always_flagged() -> None:
    text = "The Eastgate Apartments tenants met the Kessler family and filed 22-118."
    found = analyze(text, deny_list=["Kessler", "eastgate apartments", "22-118"])
    flagged = {f.text: f for f in found}
    assert flagged["Kessler"].type == EntityType.PERSON
    assert flagged["Eastgate Apartments"].score >= BLOCKING_SCORE
    assert flagged["22-118"].type != EntityType.PERSON
    assert "Eastgate Apartments" not in {f.text for f in analyze(text)}


def test_deny_list_matches_whole_words_only() -> None:
    found = analyze("Kesslerville is a town.", deny_list=["Kessler"])
    assert found == []


def test_allow_list_terms_are_never_flagged() -> None:
    text = "Officer Daniel Ruiz met Ruiz's lawyer; call 614-555-0142."
    assert {f.text for f in analyze(text, allow_list=["Daniel Ruiz", "Ruiz"])} == {"614-555-0142"}


def test_every_finding_type_is_a_known_entity_type() -> None:
    for passage in load()[:40]:
        for finding in analyze(passage.text):
            assert isinstance(finding.type, EntityType)


def test_the_fast_import_path_does_not_load_spacy() -> None:
    code = (
        "import sys; from network.anonymize.analyzer import analyze; analyze('Mr. Smith'); "
        "print('spacy' in sys.modules, 'presidio_analyzer.analyzer_engine' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.split() == ["False", "False"]


def test_presidio_analyzer_engine_gives_the_same_findings() -> None:
    from network.anonymize.registry import build_engine, build_registry

    registry = build_registry()
    names = {r.name for r in registry.recognizers}
    assert "PersonNameRecognizer" in names
    assert not any(n.startswith(("UsSsn", "Nhs", "Uk", "Spacy")) for n in names)
    engine = build_engine()
    for passage in load()[:60]:
        raw = engine.analyze(passage.text, language="en")
        assert resolve(passage.text, raw) == analyze(passage.text), passage.id

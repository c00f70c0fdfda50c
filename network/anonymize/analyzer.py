"""Find what could identify a person in a text: the entry point of the package.

The recognizers are Presidio's classes (`recognizers.default_recognizers`), run here in a
plain loop rather than through `presidio_analyzer.AnalyzerEngine`: the engine would
import spaCy and an NLP engine for nothing (the offline no-op engine gives it no tokens)
and cost two seconds of start-up per `network anonymize` call. `registry.build_engine`
assembles the same recognizers into an AnalyzerEngine for whoever wants one, and
`resolve` turns either's results into findings.
"""

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from network.anonymize.entities import EntityType
from network.anonymize.persons import PersonRecognizer, PersonScan
from network.anonymize.presidio import RecognizerResult
from network.anonymize.recognizers import default_recognizers, person_recognizer
from network.anonymize.references import PUBLIC_REFERENCE

# A finding scoring at or above this must be resolved by the author before publishing;
# below it, it is shown as a suggestion. Recognizers score 0.85+ when format and
# context agree, 0.5-0.85 for a distinctive format alone, ~0.3 for a guess.
BLOCKING_SCORE = 0.5

DENY_SCORE = 1.0

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

# Our recognizers read no NLP artifacts (offline, the no-op engine would give none).
_NO_NLP = cast("NlpArtifacts", None)


@dataclass(frozen=True)
class Finding:
    """Something in the text that may identify a person; `start`/`end` are str indices."""

    type: EntityType
    start: int
    end: int
    text: str
    score: float


def analyze(
    text: str, *, deny_list: Sequence[str] = (), allow_list: Sequence[str] = ()
) -> list[Finding]:
    """Findings in one text, sorted by start and never overlapping.

    `deny_list`: an office's own terms, always flagged (as PERSON unless the term is a
    number or an email address). `allow_list`: terms never flagged.
    """
    return analyze_document({"text": text}, deny_list=deny_list, allow_list=allow_list)["text"]


def analyze_document(
    parts: Mapping[str, str], *, deny_list: Sequence[str] = (), allow_list: Sequence[str] = ()
) -> dict[str, list[Finding]]:
    """Findings in each part of one document. A name found in one part is found again
    alone in every other ("John Smith" in the body makes "Smith" in the title a finding)."""
    person = person_recognizer()
    others = [r for r in default_recognizers() if r is not person]
    results: dict[str, list[RecognizerResult]] = {}
    scans: dict[str, PersonScan] = {}
    names: set[str] = set()
    officials: set[str] = set()
    for key, text in parts.items():
        found: list[RecognizerResult] = []
        for recognizer in others:
            found.extend(recognizer.analyze(text, recognizer.supported_entities, _NO_NLP))
        scan = person.scan(text)
        scans[key] = scan
        results[key] = found + scan.results
        names |= scan.names
        officials |= scan.officials
    officials -= names
    return {
        key: resolve(
            text,
            results[key] + person.mentions(text, scans[key], names, officials),
            deny_list=deny_list,
            allow_list=allow_list,
        )
        for key, text in parts.items()
    }


def resolve(
    text: str,
    results: Sequence[RecognizerResult],
    *,
    deny_list: Sequence[str] = (),
    allow_list: Sequence[str] = (),
) -> list[Finding]:
    """Recognizer results to findings: drop what overlaps a public reference or an
    allowed term, add the denied terms, then keep the best of overlapping candidates
    (higher score, then longer span)."""
    references = sorted((r.start, r.end) for r in results if r.entity_type == PUBLIC_REFERENCE)
    allowed = _occurrences(text, allow_list)
    allowed_texts = {_normal(t) for t in allow_list if t.strip()}
    candidates: list[tuple[float, int, int, EntityType]] = []
    for r in results:
        if r.entity_type == PUBLIC_REFERENCE or r.end <= r.start:
            continue
        if _touches(references, r.start, r.end) or _within(allowed, r.start, r.end):
            continue
        if _normal(text[r.start : r.end]) in allowed_texts:
            continue
        candidates.append((float(r.score), r.start, r.end, EntityType(r.entity_type)))
    for term in deny_list:
        kind = _denied_type(term)
        for start, end in _occurrences(text, [term]):
            candidates.append((DENY_SCORE, start, end, kind))
    candidates.sort(key=lambda c: (-c[0], c[1] - c[2], c[1]))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Finding] = []
    for score, start, end, kind in candidates:
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen.append(Finding(kind, start, end, text[start:end], round(score, 3)))
    return sorted(chosen, key=lambda f: f.start)


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def _occurrences(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the terms occur as whole words, case-insensitively, any whitespace."""
    words = [t.split() for t in terms if t.strip()]
    if not words:
        return []
    alternation = "|".join(
        r"\s+".join(re.escape(w) for w in term)
        for term in sorted(words, key=lambda w: -sum(map(len, w)))
    )
    pattern = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _denied_type(term: str) -> EntityType:
    """PERSON, unless the term is plainly something else: an email address, or a number
    one of the recognizers knows (else a case number)."""
    if "@" in term:
        return EntityType.EMAIL
    if not any(ch.isdigit() for ch in term):
        return EntityType.PERSON
    bare = term.strip()
    for recognizer in default_recognizers():
        if isinstance(recognizer, PersonRecognizer):
            continue
        for r in recognizer.analyze(bare, recognizer.supported_entities, _NO_NLP):
            if r.entity_type != PUBLIC_REFERENCE and r.end - r.start >= len(bare) - 1:
                return EntityType(r.entity_type)
    return EntityType.CASE_NUMBER

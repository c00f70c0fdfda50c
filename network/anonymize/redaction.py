"""Replace chosen spans with placeholders that stay consistent across a document.

A reader of the redacted text should still follow it: "[PERSON-1] told [PERSON-2]...
[PERSON-1] later recanted" keeps who did what. So the same entity gets the same number
in every part of the document, and a later partial mention of a person ("Mr. Smith",
"Smith", "J. Smith") takes the number of the full name seen before it.
"""

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from network.anonymize import vocabulary
from network.anonymize.entities import EntityType


@dataclass(frozen=True)
class Span:
    """A stretch of one part to redact: by `replacement` if given (the author's own
    words, possibly empty), else by a placeholder such as `[PERSON-1]`."""

    part: str
    start: int
    end: int
    type: EntityType
    text: str
    replacement: str | None = None


def redact(parts: Mapping[str, str], spans: Sequence[Span]) -> dict[str, str]:
    """The parts with every span replaced; parts are read in the mapping's order and
    placeholders are numbered by first appearance per type.

    Raises ValueError for a span naming an unknown part, out of range, empty, whose text
    no longer matches the part (a stale finding would redact the wrong words), or
    overlapping another span of the same part.
    """
    by_part: dict[str, list[Span]] = {name: [] for name in parts}
    for span in spans:
        if span.part not in parts:
            raise ValueError(f"A span refers to an unknown part {span.part!r}.")
        text = parts[span.part]
        if not 0 <= span.start < span.end <= len(text):
            raise ValueError(
                f"Span {span.start}-{span.end} is out of range for part {span.part!r} "
                f"({len(text)} characters)."
            )
        if text[span.start : span.end] != span.text:
            raise ValueError(
                f"Span {span.start}-{span.end} of part {span.part!r} does not hold "
                f"{span.text!r}: the text changed since it was analysed."
            )
        by_part[span.part].append(span)
    for name, items in by_part.items():
        items.sort(key=lambda s: (s.start, s.end))
        for earlier, later in itertools.pairwise(items):
            if later.start < earlier.end:
                raise ValueError(
                    f"Spans {earlier.start}-{earlier.end} and {later.start}-{later.end} "
                    f"of part {name!r} overlap."
                )
    numbering = _Numbering()
    redacted: dict[str, str] = {}
    for name, text in parts.items():
        pieces: list[str] = []
        position = 0
        for span in by_part[name]:
            pieces.append(text[position : span.start])
            if span.replacement is not None:
                pieces.append(span.replacement)
            else:
                pieces.append(f"[{EntityType(span.type).value}-{numbering.number(span)}]")
            position = span.end
        pieces.append(text[position:])
        redacted[name] = "".join(pieces)
    return redacted


@dataclass
class _Person:
    number: int
    words: list[str]
    last_seen: int


@dataclass
class _Numbering:
    """Numbers per entity type, handed out in order of first appearance."""

    counts: dict[EntityType, int] = field(default_factory=dict)
    seen: dict[tuple[EntityType, str], int] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)
    clock: int = 0

    def number(self, span: Span) -> int:
        kind = EntityType(span.type)
        if kind == EntityType.PERSON:
            return self._person(span.text)
        key = (kind, _identifier_key(kind, span.text))
        if key not in self.seen:
            self.seen[key] = self._next(kind)
        return self.seen[key]

    def _next(self, kind: EntityType) -> int:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return self.counts[kind]

    def _person(self, text: str) -> int:
        self.clock += 1
        words = _name_words(text)
        for person in self.people:
            if person.words == words:
                person.last_seen = self.clock
                return person.number
        # A partial mention after the full name: the most recently mentioned match.
        partial = [p for p in self.people if _part_of(words, p.words)]
        if partial:
            person = max(partial, key=lambda p: p.last_seen)
            person.last_seen = self.clock
            return person.number
        # The full name after a partial mention: the partial takes the full name, when
        # only one partial mention fits.
        fuller = [p for p in self.people if _part_of(p.words, words)]
        if len(fuller) == 1:
            person = fuller[0]
            person.words = words
            person.last_seen = self.clock
            return person.number
        person = _Person(self._next(EntityType.PERSON), words, self.clock)
        self.people.append(person)
        return person.number


_TITLES = {t.rstrip(".").casefold() for t in vocabulary.PERSON_TITLES} | {
    "judge",
    "justice",
    "hon",
    "honorable",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _name_words(text: str) -> list[str]:
    """Case-folded words of a name, without titles, suffixes, possessives or periods."""
    words = []
    for raw in " ".join(text.split()).casefold().split(" "):
        word = re.sub(r"['’]s$", "", raw).strip(".,;:()\"“”'’")
        for piece in word.split("."):
            if piece and piece not in _TITLES and piece not in _SUFFIXES:
                words.append(piece)
    return words or [" ".join(text.split()).casefold()]


def _part_of(mention: list[str], full: list[str]) -> bool:
    """Every word of `mention` matches a distinct word of `full`, a single letter matching
    any word it begins, and `mention` says less: fewer words, or initials ("J. Smith" and
    "Smith" are part of "John Smith")."""
    if len(mention) > len(full) or mention == full:
        return False
    remaining = list(full)
    abbreviated = len(mention) < len(full)
    for word in mention:
        match = next((w for w in remaining if w == word), None)
        if match is None:
            match = next(
                (w for w in remaining if len(word) == 1 and len(w) > 1 and w.startswith(word)),
                None,
            )
            abbreviated = abbreviated or match is not None
        if match is None:
            return False
        remaining.remove(match)
    return abbreviated


def _identifier_key(kind: EntityType, text: str) -> str:
    """Two spellings of the same identifier get the same key: phones by their digits,
    numbers by their letters and digits, other text by its words."""
    folded = " ".join(text.split()).casefold()
    if kind == EntityType.PHONE:
        digits = re.sub(r"\D", "", folded.split("x")[0].split("ext")[0])
        return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    if kind in (
        EntityType.CASE_NUMBER,
        EntityType.BOOKING_NUMBER,
        EntityType.SSN,
        EntityType.LICENSE_PLATE,
        EntityType.DRIVER_LICENSE,
    ):
        return re.sub(r"[^0-9a-z]", "", folded)
    if kind == EntityType.DATE_OF_BIRTH:
        return re.sub(r"\b0+(\d)", r"\1", re.sub(r"[^0-9a-z]+", " ", folded)).strip()
    return re.sub(r"[^\w@]+", " ", folded).strip()

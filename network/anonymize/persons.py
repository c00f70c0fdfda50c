"""Person names, found without a language model.

Offline there is no spaCy model, so names are found the way a careful reader skims: a
run of capitalised words is a name when a title or a role introduces it ("Officer
Ruiz", "the victim, Latoya Greene", "Defendant: TREADWELL, DESMOND"), when it sits where
names sit (an email's From: line, a signature, a greeting, "Stroud, 34,"), or when it
looks like one on its own (a census first name followed by a surname). A word seen in
such a name is then found again alone ("Ruiz said", "Whitaker's mother"). Capitalised
words that only look like names ("Will", "Brady material", "Marion County") are kept out
by `vocabulary`, by the words around them, and by the text itself: a word also written
in lower case is an ordinary word. Hasty notes name people in lower case ("ofc
dominguez"); there only census names right after a role count.

Judges and the elected prosecutor act in public: their names after their title ("Judge
Coleman", "District Attorney Paul Whitfield") are not findings, nor are later bare
mentions of the same surname, unless that surname also names someone else.
"""

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from network.anonymize import layouts, namelists, vocabulary
from network.anonymize.entities import EntityType
from network.anonymize.presidio import EntityRecognizer, RecognizerResult
from network.anonymize.tokens import (
    APOS,
    CAPS,
    CHECKBOX_BEFORE,
    DOUBLE_BARRELLED,
    LO,
    NAME_SEQ,
    ROLES,
    RUN,
    SUFFIXES,
    TITLE_ABBR,
    TITLE_WORDS,
    WORD,
    TextFacts,
    Token,
    alternation,
    english,
    is_first,
    is_known,
    is_last,
    is_stop,
    segments,
    tokens_of,
    until_stop,
)

TITLE_SCORE = 0.85  # after a title or a role
FULL_NAME_SCORE = 0.85  # census first name + census surname
PLACED_SCORE = layouts.PLACED_SCORE  # "Stroud, 34,", "Arely, your check-in"
LINKED_SCORE = 0.75  # a word of a name found elsewhere in the document
WEAK_SCORE = 0.3  # a lone census name in running text: shown, not blocking
CONFIDENT = 0.6  # names at least this sure are looked for again alone

_TITLE_BEFORE = re.compile(
    r"(?:(?<![\w])(?:"
    + alternation([*vocabulary.PERSON_TITLE_PHRASES, *TITLE_WORDS])
    + r")\.?|"
    + TITLE_ABBR
    + r")[ \t]+$"
)
_ROLE_TAIL = r"(?:['’]s)?[ \t]*(?:[,:]|[ \t](?:is|was)|[ \t]\(|[ \t]*\|)?[ \t]*\(?[ \t]*$"
_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{ROLES}){_ROLE_TAIL}")
_ROLE_BEFORE_TITLED = re.compile(
    rf"(?<![\w-])(?P<role>(?i:{ROLES}))(?:['’]s)?"
    r"(?:[ \t]*[,:|][ \t]*|[ \t]+(?:is|was)[ \t]+)\(?[ \t]*$"
)
_ROLE_BEFORE_CAPITAL = re.compile(rf"(?<![\w-])(?P<role>(?i:{ROLES})){_ROLE_TAIL}")
_INTRO_BEFORE = re.compile(
    r"(?<![\w])(?:known(?:\s+to\s+\w+)?\s+as|identified(?:\s+\w+)?\s+as|named|called|aka"
    r"|a/k/a|alias|aliases|f/k/a|n/k/a|/s/|name\s+(?:as|is)|matter\s+of|in\s+re|estate\s+of"
    r"|on\s+behalf\s+of|registered\s+to|belongs\s+to|owned\s+by|issued\s+to|leased\s+to"
    r"|rented\s+to|booked\s+as|true\s+name)[ \t]*[,:]?[ \t]*\(?[ \t]*[\"“]?$",
    re.IGNORECASE,
)
_CAPTION_BEFORE = re.compile(
    r"(?<![\w])(?i:State|People|Commonwealth|United States|U\.S\.|Government|City|County)"
    r"(?:\s+of\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s+vs?\.?\s+$"
)
_AND_BETWEEN = re.compile(r"^[ \t]*(?:,|,?[ \t]+and|&|,?[ \t]+or)[ \t]+$")
_BY_BEFORE = re.compile(r"(?<![\w])(?:by|with|from|to|for)[ \t]+$")
_PLACE_WORD_BEFORE = re.compile(
    r"(?<![\w])(?:" + alternation(vocabulary.PLACE_PRECEDERS) + r")[ \t]+$"
)
_PREPOSITION_BEFORE = re.compile(r"(?<![\w])(?:of|in|near|at|outside|from)[ \t]+$")
_DATE_WORD_BEFORE = re.compile(
    r"(?<![\w])(?:in|on|of|by|until|since|during|through|from|to|next|last|this|the|a|an"
    r"|early|late|mid)[ \t]+$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^(?:,\s*(?:age[d]?\s+)?\d{1,3}\s*(?:,|\.|years?|yrs?\b)|\s*\(age\s+\d)")
_ROLE_AFTER = re.compile(
    rf"^[ \t]*(?:,[ \t]*(?:the|a|an|our|his|her|their)[ \t]+(?:{ROLES})\b"
    rf"|\((?:the\s+)?(?:\w+['’]s\s+)?(?:{ROLES})\b"
    r"|\((?-i:(?:[A-Z][\w.&'’-]*\s){0,4}(?:Department|Dept\.?|Office|Unit|Division|Bureau"
    r"|Agency|Program|Services|Center|Police|Sheriff|Probation|Corrections|DA|PD|DOC|APS|CPS))\b)",
    re.IGNORECASE,
)
_ADDRESSED_AFTER = re.compile(r"^,[ \t]+(?:your|you|please|this is|thank you|we)\b")
_EMAIL_AFTER = re.compile(r"^\s*<[^>\s]+@[^>\s]+>")
_VERSUS_AFTER = re.compile(r"^(?:['’]s)?,?\s+vs?\.\s")
_VERSUS_BEFORE = re.compile(r"\svs?\.\s+$")
_PLACE_OF_BEFORE = re.compile(r"(?:" + alternation(vocabulary.PLACE_OF) + r")\s+(?:the\s+)?$")
_SAINT_BEFORE = re.compile(r"(?:St\.|Ste\.|Saint|Fort|Ft\.|Mount|Mt\.)\s+$")
_NEXT_WORD = re.compile(r"^(?:['’]s)?[ ]+([A-Za-z][\w'’-]*)")
_LABEL_AFTER = re.compile(r"^\s*(?:No\.|#|Number\b|Nos\.)")
_ABBREVIATION_AFTER = re.compile(r"^\.[A-Za-z]")
_OFFICIAL = re.compile(
    r"(?<![\w])(?P<title>" + alternation(vocabulary.OFFICIAL_TITLES) + r")\s+"
    r"(?P<name>" + NAME_SEQ + r")"
)
_NOT_OFFICIAL_BEFORE = re.compile(
    r"(?:Assistant|Deputy|Associate|Senior|Special|Trial|Executive|Investigator for the"
    r"|Paralegal to the|Victim Advocate)\s+$"
)


@dataclass
class PersonScan:
    """What one text says about people: candidate names, the words of confident names
    (to find alone elsewhere), and the public officials' names (not to flag)."""

    results: list[RecognizerResult] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    officials: set[str] = field(default_factory=set)
    official_spans: list[tuple[int, int]] = field(default_factory=list)


class PersonRecognizer(EntityRecognizer):
    """Names of people: titles, roles, form fields, email headers and signatures,
    census names, and later mentions of the names found."""

    ENTITY = str(EntityType.PERSON)
    name: str

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            name="PersonNameRecognizer",
            supported_language="en",
        )

    def load(self) -> None:
        namelists.first_names()
        namelists.last_names()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        scan = self.scan(text)
        return scan.results + self.mentions(text, scan, scan.names, scan.officials)

    # -- first pass: names in their own right -----------------------------------------

    def scan(self, text: str) -> PersonScan:
        scan = PersonScan()
        for match in _OFFICIAL.finditer(text):
            if _NOT_OFFICIAL_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue
            tokens = until_stop(tokens_of(match.group("name"), match.start("name")))
            if tokens:
                scan.official_spans.append((tokens[0].start, tokens[-1].end))
                scan.officials.update(t.text for t in tokens if t.kind == "word")
        context = TextFacts(text, scan.officials)
        found = list(layouts.placed_names(context))
        found.extend(layouts.lower_case_names(context))
        last_cued_end = -1
        for run in RUN.finditer(text):
            for segment in segments(tokens_of(run.group(), run.start())):
                start, end = segment[0].start, segment[-1].end
                if _overlaps(start, end, scan.official_spans):
                    continue
                joined = last_cued_end >= 0 and _AND_BETWEEN.match(text[last_cued_end:start])
                score = self._score(context, segment, bool(joined))
                if score is not None:
                    found.append((start, end, score))
                    if score >= TITLE_SCORE:
                        last_cued_end = end
        for start, end, score in _best(found):
            if _overlaps(start, end, scan.official_spans):
                continue
            scan.results.append(self._result(start, end, score))
            if score >= CONFIDENT:
                scan.names.update(_linkable(text[start:end]))
        scan.officials -= scan.names
        return scan

    def _score(self, context: "TextFacts", segment: list[Token], joined: bool) -> float | None:
        text = context.text
        start, end = segment[0].start, segment[-1].end
        words = [t for t in segment if t.kind in ("word", "caps")]
        before = text[max(0, start - 60) : start]
        after = text[end : end + 40]
        if _PLACE_OF_BEFORE.search(before) or _SAINT_BEFORE.search(before):
            return None
        if _VERSUS_AFTER.match(after) or _ABBREVIATION_AFTER.match(after):
            return None
        if any(t.text in vocabulary.PLACE_PRECEDERS for t in segment[:-1]):
            return None
        if _PLACE_WORD_BEFORE.search(before) or (
            words and words[0].text in vocabulary.VEHICLE_MAKES
        ):
            return None
        if _followed_by_org(after):
            return None
        soft_title = (
            len(segment) >= 3
            and segment[0].text in vocabulary.SOFT_TITLES
            and is_first(segment[1].text)
        )
        if soft_title:
            segment, words = segment[1:], words[1:]
            start = segment[0].start
        if all(t.kind == "caps" for t in words) and words:
            return None  # headings in capitals; capitals in names are read from fields
        titled = soft_title or bool(_TITLE_BEFORE.search(before))
        if joined and not any(
            (is_first(w.text) or is_last(w.text)) and not context.ordinary(w.text) for w in words
        ):
            joined = False
        # Cues that only a name satisfies; a title or a role word may head a noun phrase.
        placed = (
            joined
            or bool(_INTRO_BEFORE.search(before) or _CAPTION_BEFORE.search(before))
            or bool(_AGE_AFTER.match(after) or _ROLE_AFTER.match(after))
            or bool(_EMAIL_AFTER.match(after))
        )
        cued = placed or titled or _role_before(context, before, start)
        if _VERSUS_BEFORE.search(before) and not cued:
            return None
        if len(segment) > 1 and not titled and segment[-1].text in vocabulary.ORG_FOLLOWERS:
            return None
        heading = context.title_case_line(start)
        census = [w for w in words if is_first(w.text) or is_last(w.text)]
        if cued:
            if not words:
                initials = segment[0].kind == "initials" and not titled
                return TITLE_SCORE if initials else None
            if len(segment) == 1 and not titled and _doctrine_after(after):
                return None
            if len(segment) == 1 and _LABEL_AFTER.match(after):
                return None
            loose = heading or (len(words) == 1 and english(words[0].text))
            if not placed and not census and loose:
                return None  # "Attorney Workload", "Victim Notification"
            return TITLE_SCORE
        if heading:
            # A title in Title Case: only a census first name and surname count.
            score = _score_full_name(context, segment, words) if len(words) >= 2 else None
            return score if score is not None and score >= FULL_NAME_SCORE else None
        if (
            _ADDRESSED_AFTER.match(after)
            and len(words) == 1
            and not context.ordinary(words[0].text)
            and not english(words[0].text)
        ):
            return PLACED_SCORE
        if not words or len(segment) > 4:
            return None
        if len(segment) == 1 or (len(words) == 1 and segment[0].kind == "nickname"):
            word = words[0].text
            double_barrelled = DOUBLE_BARRELLED.fullmatch(word) is not None and all(
                is_first(part) or is_last(part) for part in word.split("-")
            )
            if double_barrelled and not CHECKBOX_BEFORE.search(before):
                return LINKED_SCORE if not context.sentence_start(start) else WEAK_SCORE
            if (
                _doctrine_after(after)
                or _PREPOSITION_BEFORE.search(before)
                or _LABEL_AFTER.match(after)
                or context.ordinary(word)
                or word in vocabulary.REFERENCE_NAMES
                or word in context.officials
                or context.sentence_start(start)
            ):
                return None
            return WEAK_SCORE if is_first(word) or is_last(word) else None
        score = _score_full_name(context, segment, words)
        plain = len(words) >= 2 and not any(context.ordinary(w.text) for w in words)
        if score is not None and score < CONFIDENT and plain and _BY_BEFORE.search(before):
            return CONFIDENT
        return score

    # -- second pass: words of known names, found alone --------------------------------

    def mentions(
        self, text: str, scan: PersonScan, names: set[str], officials: set[str]
    ) -> list[RecognizerResult]:
        """Lone mentions of `names` (words of confident names, from this text or the
        whole document) that the first pass left out."""
        if not names:
            return []
        pattern = re.compile(
            rf"(?<![\w{APOS}-])(?:{alternation(names)})(?![\w-]|[{APOS}][{LO}]{{2}})"
        )
        # Weaker first-pass guesses do not hide a mention: the analyzer keeps the better.
        taken = _Spans((r.start, r.end) for r in scan.results if r.score >= CONFIDENT)
        for start, end in scan.official_spans:
            taken.add(start, end)
        extra = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            after = text[end : end + 40]
            before = text[max(0, start - 60) : start]
            if _followed_by_org(after) or _PLACE_OF_BEFORE.search(before):
                continue
            if match.group() in vocabulary.COMMON_WORDS and (
                _DATE_WORD_BEFORE.search(before) or re.match(r"^[ \t]*\d", after)
            ):
                continue
            extra.append(self._result(start, end, LINKED_SCORE))
            taken.add(start, end)
        return extra

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def _role_before(context: TextFacts, before: str, start: int) -> bool:
    """A role noun just before: in lower case ("the victim, X"), or capitalised at a
    sentence start or before a colon or comma ("Victim: X", "Defendant X pleaded")."""
    if _ROLE_BEFORE.search(before):
        return True
    if _ROLE_BEFORE_TITLED.search(before):
        return True
    match = _ROLE_BEFORE_CAPITAL.search(before)
    if match is None:
        return False
    role_start = start - len(before) + match.start("role")
    return context.sentence_start(role_start)


def _score_full_name(context: TextFacts, segment: list[Token], words: list[Token]) -> float | None:
    """Two to four tokens, no title: how much they look like "First [M.] Last"."""
    last = words[-1].text
    if segment[0].kind in ("initial", "initials"):
        if len(words) != 1 or context.ordinary(last) or last in vocabulary.REFERENCE_NAMES:
            return None
        if context.sentence_start(segment[0].start):
            return None
        return 0.7 if is_last(last) else 0.55
    if len(words) == 1:
        return None
    first = words[0].text
    first_ordinary, last_ordinary = context.ordinary(first), context.ordinary(last)
    if first_ordinary and last_ordinary:
        return None
    first_given, last_surname = is_first(first), is_last(last)
    nickname = any(t.kind == "nickname" for t in segment)
    if first_given and last_surname:
        return FULL_NAME_SCORE if not (first_ordinary or last_ordinary) else 0.6
    if nickname and not (first_ordinary or last_ordinary):
        return FULL_NAME_SCORE
    if first_given and not last_ordinary and not is_known(last):
        return 0.65
    if last_surname and not first_ordinary and not last_ordinary and not is_known(first):
        return 0.6
    if (first_given and last_ordinary) or (last_surname and first_ordinary):
        return WEAK_SCORE
    if not (first_ordinary or last_ordinary) and (is_last(first) or not is_known(first)):
        if any(english(w.text) for w in words):
            return None
        if not context.sentence_start(segment[0].start) or last_surname:
            return 0.45
    return None


def _followed_by_org(after: str) -> bool:
    match = _NEXT_WORD.match(after)
    return match is not None and match.group(1) in vocabulary.ORG_FOLLOWERS


def _doctrine_after(after: str) -> bool:
    match = _NEXT_WORD.match(after)
    return match is not None and match.group(1) in vocabulary.DOCTRINE_NOUNS


def _linkable(name: str) -> set[str]:
    """Words of a confident name worth finding alone: the surname always, other words
    unless they are ordinary words ("Will"); names in capitals in both spellings."""
    words = [m.group() for m in re.finditer(rf"{CAPS}|{WORD}", name)]
    words = [w for w in words if not is_stop(w) and w not in SUFFIXES]
    if not words:
        return set()
    keep = {words[-1]}
    keep.update(w for w in words[:-1] if w.capitalize() not in vocabulary.COMMON_WORDS)
    spelled = set()
    for word in keep:
        spelled.add(word)
        if word.isupper():
            spelled.add("-".join(p.capitalize() for p in word.split("-")))
        else:
            spelled.add(word.upper())
    return {w for w in spelled if len(w) > 1}


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _best(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Non-overlapping candidates: the higher score first, then the longer."""
    chosen = _Spans()
    kept: list[tuple[int, int, float]] = []
    for start, end, score in sorted(found, key=lambda f: (-f[2], f[0] - f[1], f[0])):
        if chosen.add(start, end):
            kept.append((start, end, score))
    return sorted(kept)


class _Spans:
    """Non-overlapping spans, sorted, for overlap checks in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> bool:
        """Add the span unless it overlaps one already held; say whether it was added."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True

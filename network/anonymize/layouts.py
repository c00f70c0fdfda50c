"""Names where documents put them: form fields, email headers, signatures, greetings,
list items, "Last, First" and, in hasty notes, names typed in lower case.

Each rule yields (start, end, score) candidates; `persons` merges them with the names it
reads in running text.
"""

import re
from collections.abc import Iterator

from network.anonymize import vocabulary
from network.anonymize.tokens import (
    APOS,
    CAPS,
    INITIAL,
    INITIALS,
    NAME_SEQ,
    NICKNAME,
    PARTICLE,
    ROLES,
    TITLE_ABBR,
    TITLE_WORDS,
    UP,
    WORD,
    TextFacts,
    english,
    has_name_word,
    is_first,
    is_last,
    is_stop,
    segments,
    tokens_of,
)

FIELD_SCORE = 0.85  # a form field ("Defendant:"), an email header
PLACED_SCORE = 0.75  # a signature, a greeting, a list item
LAST_FIRST_SCORE = 0.7  # "Rutherford, Amos J."
LOWER_SCORE = 0.6  # census names in lower case after a role ("susp kyle brandt")

_HEADER_LINE = re.compile(
    r"^[ \t>]*(?:From|To|Cc|CC|Bcc|BCC|Sent by|Reply-To|Attendees|Recipients?|Author"
    r"|Prepared by|Submitted by|Reviewed by|Approved by|Attending|Present|Absent"
    r"|Participants|Members present|Staff present)[ \t]*:[ \t]*(?P<rest>.+)$",
    re.MULTILINE,
)
_FIELD_LABELS = (
    r"defendants?|def|victims?|vic|complainants?|complaining witness|witness(?:es)?|suspects?"
    r"|arrestee|accused|name|full name|juvenile|minor|respondent|petitioner|parents?|guardian"
    r"|mother|father|(?:arresting|reporting|investigating|assigned|case)\s+(?:officer|agent)"
    r"|officer|detective|affiant|inmate|offender|client|driver|owner|passenger|contact"
    r"|reporting party|rp|cw|applicant(?:/victim)?|advocate|landlord|caseworker|attorney"
    r"|defense counsel|prosecutor|ada|dda|investigator|interpreter|employer"
    r"|responsible party|party|aliases|alias|aka|participant|youth|student|nombre|reviewer"
    r"|screened by|assigned to|assigned ada|assigned attorney|supervisor|víctima|acusado"
)
_FIELD = re.compile(
    rf"(?:^[ \t>|]*|\|[ \t]*|[ \t]{{2,}})(?i:{_FIELD_LABELS})[ \t]*(?::|\|)[ \t]*"
    rf"(?P<value>(?:{TITLE_ABBR}[ ])?(?:{CAPS}|{WORD}|{INITIALS}|{INITIAL})"
    rf"(?:(?:,?[ ]|[ ]{PARTICLE}[ ])"
    rf"(?:{CAPS}|{WORD}|{INITIALS}|[{UP}]\.|{NICKNAME})){{0,4}})",
    re.MULTILINE,
)
_CLOSING = (
    r"(?:Thanks|Thank you|Thanks again|Many thanks|Regards|Best regards|Kind regards"
    r"|Warm regards|Best|Sincerely|Respectfully|Respectfully submitted|Cheers|Take care"
    r"|V/r|Very respectfully|Yours truly|Cordially|All the best|Talk soon|Thx)"
)
_NAME_LINE = rf"(?P<name>(?:{TITLE_ABBR}[ ])?{NAME_SEQ}(?:,?[ ](?:Jr\.|Sr\.|II|III))?)"
_SIGNATURE = re.compile(
    rf"^[ \t]*{_CLOSING}[ \t]*[,.!]?[ \t]*\n(?:[ \t]*\n)?[ \t]*{_NAME_LINE}[ \t]*(?:,|\||$)",
    re.MULTILINE,
)
_NAME_ONLY_LINE = re.compile(rf"^[ \t]*{_NAME_LINE}[ \t]*$", re.MULTILINE)
_DASH_SIGNATURE = re.compile(
    r"(?:^|(?<=[.!?]))[ \t]*(?:--?|—|–|/s/)[ \t]*(?P<name>[A-Z]{2,4}|[A-Za-z][a-z]{1,14}"
    rf"|{NAME_SEQ})[ \t]*\Z",
    re.MULTILINE,
)
_GREETING = re.compile(
    rf"^[ \t]*(?P<hello>(?:Hi|Hello|Hey|Dear|Good morning|Good afternoon|Morning)[ \t]+)?"
    rf"{_NAME_LINE}[ \t]*(?:[,:!][ \t]*$|[ \t]+[—–-][ \t])",
    re.MULTILINE,
)
_LIST_ITEM = re.compile(
    rf"^[ \t]*[-*•][ \t]+(?P<name>{NAME_SEQ})(?:[ \t]+[—–-][ \t]|:[ \t])", re.MULTILINE
)
_ADDRESSED = re.compile(
    rf"(?:^|(?<=[.:!?])[ \t]+)(?P<name>{CAPS}|{WORD}),[ \t]+(?:your|you|please|this is)\b",
    re.MULTILINE,
)
_OPENING = re.compile(rf"(?:\A|\n[ \t]*\n)[ \t]*(?P<name>{WORD}),[ \t]+[a-z]")
_LAST_FIRST = re.compile(
    rf"(?<![\w{APOS}-])(?P<last>{WORD}|{CAPS}),[ ](?P<first>{WORD}|{CAPS})"
    rf"(?:[ ](?P<middle>[{UP}]\.|{WORD}|{CAPS}))?(?![\w{APOS}-])"
)
_INFORMAL = re.compile(
    r"(?:\A|\n\s*\n|[.!?][ \t]+)(?!(?:e\.g|i\.e|etc|a\.m|p\.m|v|vs|no|approx|cf|al)\b)[a-z]"
)
_LOWER_NAME = r"[a-zß-öø-ÿ][a-zß-öø-ÿ'’]+(?:-[a-zß-öø-ÿ]+)?"
_LOWER_CUE = re.compile(
    r"(?<![\w])(?:(?P<abbreviation>ofc|off|det|sgt|dep|cpl|lt|tpr|susp|vic|def|dft|wit|cw|rp)"
    r"|mom|dad|mother|father|sister|brother|victim|suspect|defendant|officer|detective|deputy)"
    r"\.?(?:[ \t]+\(?|[ \t]*\()[ \t]*"
    rf"(?P<name>{_LOWER_NAME}(?:[ ]{_LOWER_NAME})?)"
)
_LOWER_FULL = re.compile(rf"(?<![\w'’-])(?P<name>{_LOWER_NAME}[ ]{_LOWER_NAME})(?![\w'’-])")
_LOWER_ROLE_AFTER = re.compile(
    rf"(?<![\w'’-])(?P<name>{_LOWER_NAME}(?:[ ]{_LOWER_NAME}){{0,2}})[ \t]*\((?:the |a )?"
    rf"(?:\w+['’]s )?(?:{ROLES})\b"
)
_LOWER_LINE_START = re.compile(rf"^[ \t]*(?P<name>{_LOWER_NAME})[ \t]*[-—–,:][ \t]", re.MULTILINE)


def placed_names(context: TextFacts) -> Iterator[tuple[int, int, float]]:
    """Names where documents put them: form fields, email headers, signatures,
    greetings, list items."""
    text = context.text
    for match in _FIELD.finditer(text):
        for segment in segments(tokens_of(match.group("value"), match.start("value"))):
            if has_name_word(segment):
                yield segment[0].start, segment[-1].end, FIELD_SCORE
    for line in _HEADER_LINE.finditer(text):
        rest, offset = line.group("rest"), line.start("rest")
        cleaned = re.sub(r"<[^>]*>|\S+@\S+|\([^)]*\)", lambda m: " " * len(m.group()), rest)
        for piece in re.finditer(r"[^,;]+", cleaned):
            words = list(re.finditer(rf"[\w{APOS}.-]+", piece.group()))
            words = [w for w in words if w.group().rstrip(".").capitalize() not in TITLE_WORDS]
            if 0 < len(words) <= 4 and not any(is_stop(w.group()) for w in words):
                start = offset + piece.start() + words[0].start()
                end = offset + piece.start() + words[-1].end()
                yield start, end, FIELD_SCORE
    for pattern in (_SIGNATURE, _DASH_SIGNATURE, _LIST_ITEM):
        for match in pattern.finditer(text):
            tokens = tokens_of(match.group("name"), match.start("name"))
            if not tokens:  # a lower-case signature ("-mo")
                yield match.start("name"), match.end("name"), PLACED_SCORE
            for segment in segments(tokens):
                if has_name_word(segment) or segment[0].kind == "caps":
                    yield segment[0].start, segment[-1].end, PLACED_SCORE
    for match in _ADDRESSED.finditer(text):
        word = match.group("name")
        if not is_stop(word) and not context.ordinary(word.capitalize()):
            yield match.start("name"), match.end("name"), PLACED_SCORE
    letter = _HEADER_LINE.search(text) is not None or _SIGNATURE.search(text) is not None
    for match in _OPENING.finditer(text):
        word = match.group("name")
        if is_stop(word) or context.ordinary(word) or english(word) or word.endswith("ly"):
            continue
        if not (is_first(word) or letter):
            continue
        if word in vocabulary.REFERENCE_NAMES or word in vocabulary.DISCOURSE_WORDS:
            continue
        yield match.start("name"), match.end("name"), PLACED_SCORE
    for match in _LAST_FIRST.finditer(text):
        last, first = match.group("last"), match.group("first")
        if any(is_stop(w) or context.ordinary(w.capitalize()) for w in (last, first)):
            continue
        if last.capitalize() in vocabulary.REFERENCE_NAMES or first in vocabulary.REFERENCE_NAMES:
            continue
        if is_last(last) and is_first(first):
            yield match.start(), match.end(), LAST_FIRST_SCORE
    for pattern in (_GREETING, _NAME_ONLY_LINE):
        for match in pattern.finditer(text):
            tokens = tokens_of(match.group("name"), match.start("name"))
            for segment in segments(tokens):
                named = [t.text for t in segment if t.kind == "word"]
                if not named or any(is_stop(w) for w in named):
                    continue
                hello = pattern is _GREETING and (
                    match.group("hello") or not (context.ordinary(named[0]) or english(named[0]))
                )
                if hello or (is_first(named[0]) and not context.ordinary(named[0])):
                    yield segment[0].start, segment[-1].end, PLACED_SCORE


def lower_case_names(context: TextFacts) -> Iterator[tuple[int, int, float]]:
    """Names typed in lower case: before a role in brackets ("fatima el-amin (victim's
    sister)") in any text; after a role, or as first name + surname, in hasty notes."""
    text = context.text
    for match in _LOWER_ROLE_AFTER.finditer(text):
        words = match.group("name").split(" ")
        while words and context.ordinary_lower(words[0]):
            words = words[1:]
        named = words and any(is_first(w) for w in words)
        if named and not any(context.ordinary_lower(w) for w in words):
            end = match.end("name")
            yield end - len(" ".join(words)), end, LOWER_SCORE
    if len(_INFORMAL.findall(text)) >= 2 or text[:1].islower():
        yield from _lower_case_notes(context)


def _lower_case_notes(context: TextFacts) -> Iterator[tuple[int, int, float]]:
    """Census names right after a role ("susp kyle brandt-oyelaran", "mom (lorena)"),
    or first name + surname."""
    text = context.text
    for match in _LOWER_CUE.finditer(text):
        words = match.group("name").split(" ")
        kept = []
        for word in words:
            if context.ordinary_lower(word) or not (is_first(word) or is_last(word)):
                break
            kept.append(word)
        # After a full word ("defendant shows"), only a census first name counts.
        if kept and (match.group("abbreviation") or is_first(kept[0])):
            start = match.start("name")
            yield start, start + len(" ".join(kept)), LOWER_SCORE
    for match in _LOWER_FULL.finditer(text):
        first, last = match.group("name").split(" ")
        if context.ordinary_lower(first) or context.ordinary_lower(last):
            continue
        if is_first(first) and is_last(last):
            yield match.start("name"), match.end("name"), LOWER_SCORE
    for match in _LOWER_LINE_START.finditer(text):
        word = match.group("name")
        if is_first(word) and not context.ordinary_lower(word):
            yield match.start("name"), match.end("name"), LOWER_SCORE

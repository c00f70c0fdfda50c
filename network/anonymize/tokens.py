"""Capitalised tokens and the words that can be part of a name.

The pieces the person recognizer and the layout rules share: what a name token looks like
("O'Neill", "McDonald", "Delgado-Marin", "J.", "T.W."), how a run of capitalised words is
cut into candidate names at titles and stop words, whether a word is a census first name
or surname, and the facts about one text that scoring asks for repeatedly (which words it
also writes in lower case, where its sentences start, which clauses are Title Case).
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from network.anonymize import namelists, vocabulary

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
APOS = "'’"
WORD = (
    rf"[{UP}](?:[{LO}]+|[{APOS}][{UP}][{LO}]+)(?:[{UP}][{LO}]+)?"
    rf"(?:-[{UP}{LO}][{LO}]+(?:[{UP}][{LO}]+)?)*(?![{UP}{LO}\d])"
)
CAPS = rf"[{UP}](?:[{UP}]+|[{APOS}][{UP}]{{2,}})(?:-[{UP}]{{2,}})*(?![{UP}{LO}\d])"
TITLE_ABBREVIATIONS = sorted(
    {w.rstrip(".") for w in vocabulary.PERSON_TITLES if w.endswith(".")}
    | {"Mr", "Mrs", "Ms", "Mx", "Dr", "Sgt", "Lt", "Det", "Dep", "Ofc", "Hon", "Atty", "Sr"}
)
ABBR = r"(?:" + "|".join([*TITLE_ABBREVIATIONS, "St", "Jr"]) + r")\."
TITLE_ABBR = r"(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\."
INITIALS = rf"[{UP}]\.(?:[ ]?[{UP}]\.)+"
INITIAL = rf"[{UP}]\.?(?![{UP}{LO}\d])"
NICKNAME = rf"[\"“][{UP}][\w.'’ -]{{0,15}}[\"”]"
TOKEN = rf"(?:{ABBR}|{INITIALS}|{WORD}|{INITIAL}|{NICKNAME})"
PARTICLE = r"(?:de|del|de la|de los|van|van der|von|da|di|du|dos|das|la|le|bin|ibn|al|y)"
SEPARATOR = rf"(?:[ ]{PARTICLE})?[ ]"
RUN = re.compile(rf"(?<![\w{APOS}-]){TOKEN}(?:{SEPARATOR}{TOKEN})*")
NAME_SEQ = rf"(?:{WORD}|{INITIAL})(?:[ ](?:{WORD}|[{UP}]\.)){{0,3}}"
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
_TOKEN_OR_CAPS = re.compile(rf"{CAPS}|{TOKEN}")


def alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


TITLE_WORDS = {w.rstrip(".") for w in vocabulary.PERSON_TITLES}
ROLES = alternation(vocabulary.ROLE_WORDS)
CHECKBOX_BEFORE = re.compile(r"\[[ xX✓✔]?\][ \t]*$")
_LOWER_WORD = re.compile(r"(?<![\w'’@./-])[a-z]+(?![\w'’@/-]|\.\w)")
DOUBLE_BARRELLED = re.compile(rf"[{UP}][{LO}]+(?:[{UP}][{LO}]+)?-[{UP}][{LO}]+")
_CLAUSE_REACH = 200  # characters looked at on each side: headings are short
_CLAUSE_MARKS = ("\n", ". ", "? ", "! ", ":", "—", "–", " - ", ",", ";", "|", "[", "]", "  ", "\t")
_ENGLISH_SHAPE = re.compile(
    r"\w{3,}(?:ed|ing|tion|sion|ive|ity|ment|ness|ance|ence|ary|ory|ics|ism|ist|ible|able"
    r"|ful|less|ous|ize|ise|ical|ally|ship|hood|ure)$"
)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # "word", "caps", "initial", "initials", "abbr", "nickname"


class TextFacts:
    """Per-text facts the scoring asks for repeatedly."""

    def __init__(self, text: str, officials: set[str]) -> None:
        self.text = text
        self.officials = officials
        self._lower: set[str] | None = None
        self._headings: dict[tuple[int, int], bool] = {}

    def lower_words(self) -> set[str]:
        if self._lower is None:
            self._lower = set(_LOWER_WORD.findall(self.text))
        return self._lower

    def ordinary(self, word: str) -> bool:
        """An ordinary word: on the common-words list, or written in lower case here."""
        if word in vocabulary.COMMON_WORDS or word in vocabulary.HARD_STOP:
            return True
        return word.lower() in self.lower_words()

    def ordinary_lower(self, word: str) -> bool:
        """A lower-case word that is an ordinary word rather than a name."""
        return word in vocabulary.LOWER_STOP or word.capitalize() in vocabulary.HARD_STOP

    def title_case_line(self, position: int) -> bool:
        """Is the clause around `position` (a line, cut at colons, dashes, commas and
        brackets) in Title Case, like a heading or a list of titles? There capitals say
        nothing about names."""
        text = self.text
        low, high = max(0, position - _CLAUSE_REACH), min(len(text), position + _CLAUSE_REACH)
        start = max(max(text.rfind(mark, low, position) for mark in _CLAUSE_MARKS) + 1, low)
        ends = [i for i in (text.find(mark, position, high) for mark in _CLAUSE_MARKS) if i >= 0]
        end = min(ends, default=high)
        key = (start, end)
        cached = self._headings.get(key)
        if cached is None:
            words = re.findall(r"(?<![\w'’-])[^\W\d_][\w'’-]*", text[start:end])
            words = [
                w
                for w in words
                if w.lower() not in vocabulary.TITLE_SMALL_WORDS and not any(c.isdigit() for c in w)
            ]
            capitalised = sum(w[0].isupper() for w in words)
            cached = len(words) >= 3 and capitalised == len(words)
            self._headings[key] = cached
        return cached

    def sentence_start(self, position: int) -> bool:
        if CHECKBOX_BEFORE.search(self.text, max(0, position - 8), position):
            return True
        i = position - 1
        text = self.text
        while i >= 0 and text[i] in " \t\"“‘'([*•-–—>|":
            i -= 1
        return i < 0 or text[i] in ".!?:;\n\r"


def tokens_of(text: str, offset: int) -> list[Token]:
    tokens = []
    for match in _TOKEN_OR_CAPS.finditer(text):
        value = match.group()
        if re.fullmatch(ABBR, value):
            kind = "abbr"
        elif re.fullmatch(INITIALS, value):
            kind = "initials"
        elif re.fullmatch(INITIAL, value):
            kind = "initial"
        elif re.fullmatch(NICKNAME, value):
            kind = "nickname"
        elif re.fullmatch(CAPS, value):
            kind = "caps"
        else:
            kind = "word"
        tokens.append(Token(value, offset + match.start(), offset + match.end(), kind))
    return tokens


def segments(tokens: list[Token]) -> Iterator[list[Token]]:
    """Split a run of capitalised tokens at titles and at words that are never names;
    name suffixes (Jr.) stay with the name before them."""
    segment: list[Token] = []
    for token in tokens:
        breaker = (token.kind == "abbr" and token.text not in SUFFIXES) or (
            token.kind in ("word", "caps") and is_stop(token.text)
        )
        if breaker:
            if segment:
                yield _trim(segment)
            segment = []
            continue
        if (token.text in SUFFIXES or token.kind == "nickname") and not segment:
            continue
        if not segment and token.text.lower() in vocabulary.ROLE_WORDS:
            continue
        segment.append(token)
    if segment:
        yield _trim(segment)


def is_stop(word: str) -> bool:
    """Never part of a name: a stop word or a title ("Officer", "OFFICER", "sgt.",
    "Spanish-language")."""
    title = word.capitalize() if len(word) > 1 and (word.isupper() or word.islower()) else word
    bare = title.rstrip(".")
    head, dash, tail = bare.partition("-")
    if dash and tail[:1].islower() and head in vocabulary.HARD_STOP:
        return True
    return title in vocabulary.HARD_STOP or bare in vocabulary.HARD_STOP or bare in TITLE_WORDS


def _trim(segment: list[Token]) -> list[Token]:
    """A lone capital letter at the end is a sentence's "A" or a list item, not a name;
    a nickname at the end belongs to no name."""
    while len(segment) > 1 and (
        (segment[-1].kind == "initial" and not segment[-1].text.endswith("."))
        or segment[-1].kind == "nickname"
    ):
        segment = segment[:-1]
    return segment


def has_name_word(segment: list[Token]) -> bool:
    return any(t.kind in ("word", "caps") for t in segment)


def until_stop(tokens: list[Token]) -> list[Token]:
    kept = []
    for token in tokens:
        if token.text in vocabulary.HARD_STOP or token.text in vocabulary.ORG_FOLLOWERS:
            break
        kept.append(token)
    return kept


def _key(word: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return [part.replace("'", "").replace("’", "").upper() for part in plain.split("-")]


def is_first(word: str) -> bool:
    names = namelists.first_names()
    return any(part in names for part in _key(word))


def is_last(word: str) -> bool:
    names = namelists.last_names()
    return any(part in names for part in _key(word))


def english(word: str) -> bool:
    """Shaped like an English word ("Declined", "Narrative") and not a census name."""
    return _ENGLISH_SHAPE.fullmatch(word.lower()) is not None and not (
        is_first(word) or is_last(word)
    )


def is_known(word: str) -> bool:
    return is_first(word) or is_last(word) or word in vocabulary.REFERENCE_NAMES

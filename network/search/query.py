"""Turning what a person types into a safe engine query, and snippets into safe HTML.

People type words, "quoted phrases" and -exclusions. On SQLite the text becomes an
FTS5 expression built only from quoted tokens, so no input can inject FTS5 syntax
(NEAR, column filters, parentheses). PostgreSQL gets the raw text through
`websearch_to_tsquery`, which never fails on user input.
"""

import html
import re
from dataclasses import dataclass

from network.errors import InvalidInput

MAX_QUERY_LENGTH = 300
# Private-use markers the engines put around matches; escaped text cannot contain them.
MATCH_START = "\ue000"
MATCH_END = "\ue001"

_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


# Phrases that contribute to the SQLite rank (each costs two index scans); any further
# phrases still filter, they only stop adding to the score.
MAX_SCORED_PHRASES = 4


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    fts5: str
    # The distinct positive phrases, quoted for FTS5, in the order typed.
    phrases: tuple[str, ...]


def parse(text: str) -> ParsedQuery:
    cleaned = " ".join(text.replace(MATCH_START, " ").replace(MATCH_END, " ").split())
    if not cleaned:
        raise InvalidInput("Type at least one word to search for.", field="query")
    if len(cleaned) > MAX_QUERY_LENGTH:
        raise InvalidInput(
            f"Search text is limited to {MAX_QUERY_LENGTH} characters.", field="query"
        )
    positive: list[str] = []
    negative: list[str] = []
    for match in _TOKEN.finditer(cleaned):
        negated = bool(match.group(1) or match.group(3))
        words = _WORD.findall(match.group(2) if match.group(2) is not None else match.group(4))
        if not words:
            continue
        phrase = '"' + " ".join(words) + '"'
        (negative if negated else positive).append(phrase)
    if not positive:
        raise InvalidInput("Search for at least one word that is not excluded.", field="query")
    expression = " AND ".join(positive)
    for phrase in negative:
        expression += f" NOT {phrase}"
    return ParsedQuery(text=cleaned, fts5=expression, phrases=tuple(dict.fromkeys(positive)))


def highlight(raw: str) -> str:
    """Escape a snippet for HTML and turn the engine's match markers into <mark>."""
    escaped = html.escape(raw, quote=False)
    return escaped.replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>")

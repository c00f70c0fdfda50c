"""The labelled PII corpus: passages written like prosecutors' documents, with every
identifying detail marked inline, and the loader that turns them into text and offsets.

File format (UTF-8, one or more `*.txt` files in a directory, read in sorted order):

- passages are separated by a line holding only `---`;
- a passage may start with a header line `# style: <style-name> | id: <unique-id>`; without
  one, the style is the file's stem and the id is `<stem>-<n>` (n counts the file's
  passages from 1);
- an entity is marked inline as `{{TYPE:text}}`, TYPE one of `TYPES`; markup does not nest,
  the text is not empty, has no surrounding whitespace and may not contain `{{` or `}}`
  (it may run over a line break, as an address block in a letterhead does).

`Passage.text` is the passage with the header and the markup removed and surrounding
whitespace stripped; entity offsets are `str` indices into it. Malformed input raises
`ValueError` naming the file and line.

Labelling conventions (the corpus files follow them; tests/test_pii_corpus.py checks most):

- Left unmarked: judges (Judge, Justice, Hon., Honorable, Magistrate) and the elected chief
  prosecutor (District Attorney, State's Attorney, Commonwealth's Attorney, County Attorney,
  U.S. Attorney, Attorney General), also by surname alone. Everyone else is PERSON:
  assistant and deputy prosecutors, defence lawyers, the Public Defender, officers, staff.
- PERSON is the name as written, titles and a possessive 's outside: middle names,
  initials, suffixes and an inner nickname inside (`Terrence "Tee" Mabry`), surname-first
  forms with their comma (`Holt, Jeremiah`), initials standing for a person (`D.M.`, `JLR`),
  lower-case names, and aliases used as a name (quotes outside).
- The party in the caption of a matter in the file is PERSON (`People v. {{PERSON:...}}`);
  published case law (`Brady v. Maryland`, `People v. Gomez, 43 Cal.4th 249`) is not.
- Every phone number and email address is marked, office lines and mailboxes included; an
  extension stays outside; 911 is not a phone number. Every street address, PO box and
  rural route is marked, courthouses included; a street named without a number is not. An
  address block over two lines is one ADDRESS.
- CASE_NUMBER also covers police report numbers, OTNs, citations and protective-order and
  appellate docket numbers; grant award, policy, form, badge, property-tag and request
  numbers and VINs are left unmarked. BOOKING_NUMBER covers booking, inmate, jail-ID, DOC
  and BOP register numbers. DRIVER_LICENSE covers a state ID card number; a state name or
  code before a licence or plate number stays outside.
- DATE_OF_BIRTH is a birth date only: other dates, ages and years stay unmarked.
"""

import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIRECTORY = Path(__file__).parent / "fixtures" / "pii"

TYPES = (
    "PERSON",
    "CASE_NUMBER",
    "BOOKING_NUMBER",
    "DATE_OF_BIRTH",
    "SSN",
    "PHONE",
    "EMAIL",
    "ADDRESS",
    "LICENSE_PLATE",
    "DRIVER_LICENSE",
)

SEPARATOR = "---"
OPEN, CLOSE = "{{", "}}"
HEADER_START = "# style:"
HEADER = re.compile(r"^# style:\s*(?P<style>[^|\s][^|]*?)\s*\|\s*id:\s*(?P<id>\S+)\s*$")


@dataclass(frozen=True)
class Entity:
    """One marked span: `text == passage.text[start:end]`."""

    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """One passage, its markup removed, with the entities marked in it."""

    id: str
    style: str
    text: str
    entities: tuple[Entity, ...]


def _fail(path: Path, line: int, message: str) -> ValueError:
    return ValueError(f"{path}:{line}: {message}")


def _parse_markup(body: str, path: Path, first_line: int) -> tuple[str, tuple[Entity, ...]]:
    """The body's plain text and entities; `first_line` is the file line of body[0]."""

    def line_of(index: int) -> int:
        return first_line + body.count("\n", 0, index)

    pieces: list[str] = []
    length = 0
    entities: list[Entity] = []
    pos = 0
    while True:
        opening = body.find(OPEN, pos)
        closing = body.find(CLOSE, pos)
        if closing != -1 and (opening == -1 or closing < opening):
            raise _fail(path, line_of(closing), f"'{CLOSE}' without an opening '{OPEN}'")
        if opening == -1:
            pieces.append(body[pos:])
            break
        pieces.append(body[pos:opening])
        length += opening - pos
        closing = body.find(CLOSE, opening + len(OPEN))
        if closing == -1:
            raise _fail(path, line_of(opening), f"unclosed '{OPEN}'")
        inner = body[opening + len(OPEN) : closing]
        if OPEN in inner:
            raise _fail(path, line_of(opening), f"unclosed '{OPEN}' (or nested markup)")
        kind, colon, text = inner.partition(":")
        if not colon:
            raise _fail(path, line_of(opening), f"markup without 'TYPE:': {inner!r}")
        if kind not in TYPES:
            raise _fail(path, line_of(opening), f"unknown entity type {kind!r}")
        if not text.strip():
            raise _fail(path, line_of(opening), f"empty {kind} entity")
        if text != text.strip():
            raise _fail(path, line_of(opening), f"{kind} entity with surrounding whitespace")
        entities.append(Entity(kind, length, length + len(text), text))
        pieces.append(text)
        length += len(text)
        pos = closing + len(CLOSE)
    return "".join(pieces), tuple(entities)


def _parse_chunk(
    lines: list[str], start_line: int, path: Path, index: int
) -> tuple[Passage, int] | None:
    """One passage from its lines (`start_line` is the file line of lines[0]), with the
    line its id was declared on; None for a chunk holding only whitespace."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    style, passage_id = path.stem, f"{path.stem}-{index}"
    header_line = start_line + first
    body_offset = first
    if lines[first].startswith(HEADER_START):
        match = HEADER.match(lines[first])
        if match is None:
            raise _fail(path, header_line, f"malformed header {lines[first]!r}")
        style, passage_id = match["style"], match["id"]
        body_offset = first + 1
    raw = "\n".join(lines[body_offset:])
    stripped = raw.lstrip()
    if not stripped.strip():
        raise _fail(path, header_line, "passage without text")
    body_line = start_line + body_offset + raw[: len(raw) - len(stripped)].count("\n")
    text, entities = _parse_markup(stripped.rstrip(), path, body_line)
    return Passage(passage_id, style, text, entities), header_line


def load_file(path: Path, seen: dict[str, str] | None = None) -> list[Passage]:
    """The passages of one file. `seen` maps ids already loaded to where they were
    declared; a duplicate raises, and the file's ids are added to it."""
    seen = {} if seen is None else seen
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    passages: list[Passage] = []
    chunk: list[str] = []
    chunk_start = 1
    for number, line in enumerate([*lines, SEPARATOR], start=1):
        if line.strip() != SEPARATOR:
            chunk.append(line)
            continue
        parsed = _parse_chunk(chunk, chunk_start, path, len(passages) + 1)
        if parsed is not None:
            passage, declared = parsed
            if passage.id in seen:
                raise _fail(
                    path, declared, f"duplicate id {passage.id!r} (first at {seen[passage.id]})"
                )
            seen[passage.id] = f"{path}:{declared}"
            passages.append(passage)
        chunk, chunk_start = [], number + 1
    return passages


def load(directory: Path | None = None) -> list[Passage]:
    """Every passage of the directory's `*.txt` files (default: tests/fixtures/pii), files
    in sorted order; ids are unique across files."""
    directory = DEFAULT_DIRECTORY if directory is None else directory
    seen: dict[str, str] = {}
    passages: list[Passage] = []
    for path in sorted(directory.glob("*.txt")):
        passages.extend(load_file(path, seen))
    return passages

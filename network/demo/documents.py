"""The demo corpus: the policies and practice briefs a demonstration network publishes.

The texts live as Markdown files in ``corpus/policies`` and ``corpus/briefs`` (package
data), one file per document; ``corpus/README.md`` describes the format. Keeping them out
of Python lets the writing be read, reviewed and edited as documents. This module parses
them into the frozen objects below, in file-number order: the demo loader assigns
documents to offices by index with a seeded random generator, so the order is part of
what makes a demo reproducible.

A document's text may carry placeholders (``network.demo.variants``) so that several
offices can publish it, each in its own words: ``revisions`` is the text as its original
publisher renders it, ``render`` gives it for any publisher.

A malformed file raises ``CorpusFormatError`` naming the file and line, the first time a
list is loaded: the corpus ships with the package, so this is a packaging or editing
mistake, never a runtime condition to recover from.
"""

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from network.demo.variants import VARIANTS, Rendering, has_options, render, token_errors

SIZE_BANDS = frozenset({"SMALL", "MEDIUM", "LARGE", "VERY_LARGE"})
# A title or summary that says how big its office is ("a Mid-Size Office").
SIZE_WORDS = re.compile(
    r"\b(small|mid-size|medium-size|large|very large)\s+(office|county|jurisdiction)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PolicyRevisionText:
    title: str
    summary: str  # 1-2 sentences
    body: str  # Markdown, 150-400 words
    change_summary: str  # what changed from the previous revision


@dataclass(frozen=True)
class PolicyText:
    key: str  # unique snake_case
    topics: tuple[str, ...]  # 1-3 taxonomy slugs
    revisions: tuple[PolicyRevisionText, ...]  # oldest first, as the original publisher has them
    adapted_titles: tuple[str, ...] = ()  # the titles of the first and second adaptation
    local_changes: str = ""  # what an adaptation changes, as a noun phrase
    office_size: tuple[str, ...] = ()  # size bands the text is written for; () for any
    templates: tuple[PolicyRevisionText, ...] = ()  # revisions with their placeholders

    def render(self, rendering: Rendering) -> tuple[PolicyRevisionText, ...]:
        return tuple(render(template, rendering) for template in self.templates)

    @property
    def states_size(self) -> bool:
        """Whether a title or summary says how big the publishing office is."""
        return any(SIZE_WORDS.search(r.title + " " + r.summary) for r in self.templates)


@dataclass(frozen=True)
class BriefRevisionText:
    title: str
    summary: str
    problem: str
    practice: str
    implementation: str
    outcomes: str
    cost_staffing: str
    evidence_level: str  # "ANECDOTAL", "DESCRIPTIVE", "QUASI_EXPERIMENTAL" or "EXPERIMENTAL"
    change_summary: str


@dataclass(frozen=True)
class BriefText:
    key: str
    topics: tuple[str, ...]
    linked_metrics: tuple[str, ...]  # keys of network.metrics.standard.STANDARD_METRICS
    revisions: tuple[BriefRevisionText, ...]  # oldest first, as the original publisher has them
    adapted_titles: tuple[str, ...] = ()
    local_changes: str = ""
    office_size: tuple[str, ...] = ()
    templates: tuple[BriefRevisionText, ...] = ()

    def render(self, rendering: Rendering) -> tuple[BriefRevisionText, ...]:
        return tuple(render(template, rendering) for template in self.templates)

    @property
    def states_size(self) -> bool:
        return any(SIZE_WORDS.search(r.title + " " + r.summary) for r in self.templates)


class CorpusFormatError(ValueError):
    """A corpus file does not follow the format in ``corpus/README.md``."""


# A section is a paragraph (str), a bulleted list (tuple) or a numbered list (list): the
# same three shapes the policy body is rendered back into.
_Content = str | tuple[str, ...] | list[str]

_FILE_NAME = re.compile(r"(?P<number>\d+)-(?P<key>[a-z0-9_]+)\.md")
_REVISION = re.compile(r"# Revision (?P<number>\d+)")
_NUMBERED = re.compile(r"\d+\. ")
_FIELD = re.compile(r"(?P<name>[a-z_]+): (?P<value>.*)")
_BRIEF_SECTIONS = {
    "Problem": "problem",
    "Practice": "practice",
    "Implementation": "implementation",
    "Outcomes": "outcomes",
    "Cost and staffing": "cost_staffing",
}


@dataclass
class _Section:
    heading: str
    append: bool  # "## + Heading": add to the section instead of replacing it
    lines: list[str]


@dataclass
class _Revision:
    fields: dict[str, str]
    sections: list[_Section]


@dataclass
class _Document:
    front: dict[str, str | tuple[str, ...]]
    revisions: list[_Revision]


def _parse(
    text: str,
    where: str,
    front_names: set[str],
    field_names: set[str],
    optional_front: frozenset[str] = frozenset(),
) -> _Document:
    """Split a file into front matter and revisions; section content stays raw lines.

    Every name of ``front_names`` must appear; those of ``optional_front`` may."""
    lines = text.splitlines()
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        raise CorpusFormatError(f"{where}: must start with a front-matter block between '---'")
    end = lines.index("---", 1)
    front: dict[str, str | tuple[str, ...]] = {}
    for number, line in enumerate(lines[1:end], 2):
        match = _FIELD.fullmatch(line)
        allowed = front_names | optional_front
        if match is None or match["name"] not in allowed or match["name"] in front:
            raise CorpusFormatError(
                f"{where}:{number}: expected one of {sorted(allowed)}, each once"
            )
        value = match["value"]
        if value.startswith("[") and value.endswith("]"):
            items = value[1:-1].strip()
            front[match["name"]] = tuple(i.strip() for i in items.split(",")) if items else ()
        else:
            front[match["name"]] = value
    if missing := front_names - front.keys():
        raise CorpusFormatError(f"{where}: front matter lacks {sorted(missing)}")
    revisions: list[_Revision] = []
    for number, line in enumerate(lines[end + 1 :], end + 2):
        if not line:
            continue
        if line.startswith("# "):
            match = _REVISION.fullmatch(line)
            expected = len(revisions) + 1
            if match is None or int(match["number"]) != expected:
                raise CorpusFormatError(f"{where}:{number}: expected '# Revision {expected}'")
            revisions.append(_Revision({}, []))
        elif not revisions:
            raise CorpusFormatError(f"{where}:{number}: text before '# Revision 1'")
        elif line.startswith("## "):
            heading = line[3:]
            section = _Section(heading.removeprefix("+ "), heading.startswith("+ "), [])
            if any(seen.heading == section.heading for seen in revisions[-1].sections):
                raise CorpusFormatError(f"{where}:{number}: section repeated in one revision")
            revisions[-1].sections.append(section)
        elif revisions[-1].sections:
            revisions[-1].sections[-1].lines.append(line)
        elif (
            (match := _FIELD.fullmatch(line))
            and match["name"] in field_names
            and match["name"] not in revisions[-1].fields
        ):
            revisions[-1].fields[match["name"]] = match["value"]
        else:
            raise CorpusFormatError(
                f"{where}:{number}: expected one of {sorted(field_names)}, each once"
            )
    if not revisions:
        raise CorpusFormatError(f"{where}: no revisions")
    return _Document(front, revisions)


def _content(section: _Section, where: str) -> _Content:
    """One paragraph line, or only "- " items, or only "N. " items."""
    lines = section.lines
    if lines and all(line.startswith("- ") for line in lines):
        return tuple(line[2:] for line in lines)
    if lines and all(_NUMBERED.match(line) for line in lines):
        return [_NUMBERED.sub("", line, count=1) for line in lines]
    if len(lines) == 1:
        return lines[0]
    raise CorpusFormatError(
        f"{where}: section {section.heading!r} must be one paragraph line or one list"
    )


def _amend(sections: dict[str, _Content], section: _Section, where: str) -> None:
    """Replace a section, or append to it: a paragraph gains a sentence, a list items."""
    new = _content(section, where)
    old = sections.get(section.heading)
    if not section.append or old is None:
        sections[section.heading] = new
    elif isinstance(old, str) and isinstance(new, str):
        sections[section.heading] = old + " " + new
    elif isinstance(old, tuple) and not isinstance(new, str):
        sections[section.heading] = (*old, *new)
    elif isinstance(old, list) and not isinstance(new, str):
        sections[section.heading] = [*old, *new]
    else:
        raise CorpusFormatError(f"{where}: cannot append a list to a paragraph or the reverse")


def _markdown(sections: dict[str, _Content]) -> str:
    """Render sections as the policy body: "## Heading", then the paragraph or list."""
    lines: list[str] = []
    for heading, content in sections.items():
        lines += [f"## {heading}", ""]
        if isinstance(content, str):
            lines.append(content)
        elif isinstance(content, list):
            lines += [f"{n}. {item}" for n, item in enumerate(content, 1)]
        else:
            lines += [f"- {item}" for item in content]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _required(revision: _Revision, names: tuple[str, ...], where: str) -> None:
    if missing := [name for name in names if name not in revision.fields]:
        raise CorpusFormatError(f"{where}: revision lacks {missing}")


def _policy(document: _Document, where: str) -> PolicyText:
    first = document.revisions[0]
    _required(first, ("title", "summary", "change"), where)
    fields = dict(first.fields)
    sections: dict[str, _Content] = {}
    revisions: list[PolicyRevisionText] = []
    for revision in document.revisions:
        _required(revision, ("change",), where)
        fields |= revision.fields
        for section in revision.sections:
            _amend(sections, section, where)
        revisions.append(
            PolicyRevisionText(
                fields["title"], fields["summary"], _markdown(sections), fields["change"]
            )
        )
    adaptation = _adaptation(document, revisions, revisions[0].body, where)
    key, topics = _text(document, "key", where), _list(document, "topics", where)
    return PolicyText(key, topics, revisions=adaptation.original, **adaptation.front)


def _brief(document: _Document, where: str) -> BriefText:
    first = document.revisions[0]
    _required(first, ("title", "summary", "evidence_level", "change"), where)
    headings = {section.heading for section in first.sections}
    if headings != _BRIEF_SECTIONS.keys():
        raise CorpusFormatError(f"{where}: revision 1 needs exactly {list(_BRIEF_SECTIONS)}")
    fields = dict(first.fields)
    sections: dict[str, _Content] = {}
    revisions: list[BriefRevisionText] = []
    for revision in document.revisions:
        _required(revision, ("change",), where)
        fields |= revision.fields
        for section in revision.sections:
            if section.heading not in _BRIEF_SECTIONS:
                raise CorpusFormatError(f"{where}: unknown brief section {section.heading!r}")
            _amend(sections, section, where)
        paragraphs: dict[str, str] = {}
        for heading, text in sections.items():
            if not isinstance(text, str):
                raise CorpusFormatError(f"{where}: brief section {heading!r} is not a paragraph")
            paragraphs[_BRIEF_SECTIONS[heading]] = text
        revisions.append(
            BriefRevisionText(
                title=fields["title"],
                summary=fields["summary"],
                evidence_level=fields["evidence_level"],
                change_summary=fields["change"],
                **paragraphs,
            )
        )
    first_text = " ".join(getattr(revisions[0], name) for name in _BRIEF_SECTIONS.values())
    adaptation = _adaptation(document, revisions, first_text, where)
    return BriefText(
        _text(document, "key", where),
        _list(document, "topics", where),
        _list(document, "linked_metrics", where),
        revisions=adaptation.original,
        **adaptation.front,
    )


@dataclass
class _Adaptable:
    original: tuple[Any, ...]  # the revisions as the original publisher renders them
    front: dict[str, Any]  # adapted_titles, local_changes, office_size, templates


def _adaptation(
    document: _Document,
    templates: list[PolicyRevisionText] | list[BriefRevisionText],
    first_sections: str,
    where: str,
) -> _Adaptable:
    """Check the placeholders and the adaptation front matter of a parsed document.

    Revision 1's sections need an option group so that each publication of the
    document has its own text; adapted titles are distinct from every title the
    document has."""
    for template in templates:
        for value in vars(template).values():
            if errors := token_errors(value):
                raise CorpusFormatError(f"{where}: {'; '.join(errors)}")
    if not has_options(first_sections):
        raise CorpusFormatError(f"{where}: revision 1 needs an option group {{{{a|b|c}}}}")
    adapted = _list(document, "adapted_titles", where)
    titles = {template.title for template in templates}
    if len(set(adapted)) != VARIANTS - 1 or len(adapted) != VARIANTS - 1 or titles & set(adapted):
        raise CorpusFormatError(
            f"{where}: adapted_titles needs {VARIANTS - 1} titles of its own (no commas)"
        )
    size = _list(document, "office_size", where) if "office_size" in document.front else ()
    if not set(size) <= SIZE_BANDS:
        raise CorpusFormatError(f"{where}: office_size takes {sorted(SIZE_BANDS)}")
    local_changes = _text(document, "local_changes", where)
    if not local_changes:
        raise CorpusFormatError(f"{where}: local_changes says what an adaptation changes")
    original = tuple(render(template, Rendering()) for template in templates)
    front = {
        "adapted_titles": adapted,
        "local_changes": local_changes,
        "office_size": size,
        "templates": tuple(templates),
    }
    return _Adaptable(original, front)


def _text(document: _Document, name: str, where: str) -> str:
    value = document.front[name]
    if not isinstance(value, str):
        raise CorpusFormatError(f"{where}: {name} is a single value, not a list")
    return value


def _list(document: _Document, name: str, where: str) -> tuple[str, ...]:
    value = document.front[name]
    if not isinstance(value, tuple):
        raise CorpusFormatError(f"{where}: {name} is a list: [a, b]")
    return value


_ADAPTATION_FRONT = {"adapted_titles", "local_changes"}


def _documents(kind: str, front: set[str], fields: set[str]) -> list[tuple[_Document, str]]:
    """Parsed files of ``corpus/<kind>`` with their names, in number order.

    File numbers and keys are unique, and a file is named after its key.
    """
    numbered: dict[int, tuple[_Document, str]] = {}
    keys: set[str] = set()
    for entry in (resources.files(__package__) / "corpus" / kind).iterdir():
        where = f"corpus/{kind}/{entry.name}"
        match = _FILE_NAME.fullmatch(entry.name)
        if match is None:
            raise CorpusFormatError(f"{where}: expected a name NN-key.md")
        document = _parse(
            entry.read_text(encoding="utf-8"),
            where,
            front | _ADAPTATION_FRONT,
            fields,
            optional_front=frozenset({"office_size"}),
        )
        key = _text(document, "key", where)
        if key != match["key"] or key in keys or int(match["number"]) in numbered:
            raise CorpusFormatError(f"{where}: key must match the name; keys, numbers unique")
        keys.add(key)
        numbered[int(match["number"])] = (document, where)
    return [numbered[number] for number in sorted(numbered)]


@functools.cache
def load_policies() -> tuple[PolicyText, ...]:
    """The demo policies in file-number order (parsed once, then shared: all frozen)."""
    documents = _documents("policies", {"key", "topics"}, {"title", "summary", "change"})
    return tuple(_policy(document, where) for document, where in documents)


@functools.cache
def load_briefs() -> tuple[BriefText, ...]:
    """The demo practice briefs in file-number order (parsed once, then shared)."""
    documents = _documents(
        "briefs",
        {"key", "topics", "linked_metrics"},
        {"title", "summary", "evidence_level", "change"},
    )
    return tuple(_brief(document, where) for document, where in documents)

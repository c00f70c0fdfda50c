"""The words an adaptation adds: where it comes from, what changed, since when.

The Publication model has no link to the publication an adaptation comes from, so the
link is written into the text. It names the source office only when that is no news to
anyone who can read the adaptation: the source is attributed by name and visible at
least as widely as the adaptation. Otherwise it says "another member office", because
naming (or hinting at) an office that published pseudonymously or under a generalized
description would break the network's promise to it.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from network.demo.documents import BriefRevisionText, PolicyRevisionText
from network.offices.models import Attribution, OfficeKind
from network.publications.models import Visibility

_WIDTH = {
    Visibility.OFFICE: 0,
    Visibility.NETWORK: 1,
    Visibility.FEDERATED: 2,
    Visibility.PUBLIC: 3,
}
_KIND_PLACES = {
    OfficeKind.COUNTY: "county",
    OfficeKind.DISTRICT: "district",
    OfficeKind.CITY: "city",
    OfficeKind.STATE: "state",
}


@dataclass(frozen=True)
class Publisher:
    """What the demo needs to know of an office that publishes."""

    slug: str
    name: str
    jurisdiction: str
    kind: OfficeKind
    size_band: str
    attribution: Attribution  # how its items are attributed (generalized only with k lookalikes)


@dataclass(frozen=True)
class Source:
    """The publication an adaptation comes from, as the adapting office saw it."""

    title: str
    publisher: Publisher
    attribution: Attribution
    visibility: Visibility
    published: date


def place(publisher: Publisher, attribution: Attribution) -> str:
    """What an item calls its jurisdiction: its own word when named, else a neutral one."""
    if attribution is not Attribution.NAMED:
        return "jurisdiction"
    words = publisher.jurisdiction.lower().split()
    for noun in ("parish", "circuit", "district", "city", "state", "county"):
        if noun in words:
            return noun
    return _KIND_PLACES[publisher.kind]


def may_name(source: Source, visibility: Visibility) -> bool:
    """Whether an adaptation with ``visibility`` may name its source office."""
    return (
        source.attribution is Attribution.NAMED and _WIDTH[source.visibility] >= _WIDTH[visibility]
    )


def _the(name: str) -> str:
    """An office or jurisdiction name as it reads inside a sentence."""
    return name if name.endswith((" County", " Parish")) else f"the {name}"


def _month(day: date) -> str:
    return f"{day:%B} {day.year}"


def _long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@dataclass(frozen=True)
class Adaptation:
    """Everything an adaptation says about itself."""

    noun: str  # "policy" or "practice"
    title: str
    source: Source
    named_source: bool
    adopter: Publisher
    adopter_named: bool
    local_changes: str
    since: date  # when the adapted version first took effect (or would, for a draft)
    in_force: bool  # published; a draft is only proposed

    def _from(self) -> str:
        if self.named_source:
            return (
                f'"{self.source.title}", published by {_the(self.source.publisher.name)} '
                f"in {_month(self.source.published)}"
            )
        verb = "shared" if self.noun == "policy" else "described"
        return f"one that another member office {verb} on the network"

    def _short_from(self) -> str:
        if self.named_source:
            return f"a {self.noun} of {_the(self.source.publisher.name)}"
        return f"another member office's {self.noun}"

    def _subject(self) -> str:
        if not self.adopter_named:
            return "The office"
        subject = _the(self.adopter.name)
        return subject[:1].upper() + subject[1:]

    def summary(self, summary: str) -> str:
        where = f"in {_the(self.adopter.jurisdiction)}" if self.adopter_named else "here"
        if not self.in_force:
            return (
                f"{summary} Adapted from {self._short_from()}; a draft {where}, "
                f"proposed to take effect in {_month(self.since)}."
            )
        verb = "in force" if self.noun == "policy" else "in place"
        since = _month(self.since)
        return f"{summary} Adapted from {self._short_from()}; {verb} {where} since {since}."

    def first_change(self) -> str:
        return f"First version, adapted from {self._short_from()}."

    def policy_note(self) -> str:
        return (
            f"## Adaptation\n\n{self._subject()} adapted this policy from {self._from()}. "
            f"The local version differs in {self.local_changes}, and it "
            f"{'first took effect' if self.in_force else 'would take effect'} "
            f"on {_long_date(self.since)}.\n"
        )

    def practice_note(self) -> str:
        return (
            f"{self._subject()} adapted this practice from {self._from()}; it differs in "
            f"{self.local_changes}, and the results reported here are its own."
        )


def adapt(
    revisions: Sequence[PolicyRevisionText | BriefRevisionText], adaptation: Adaptation
) -> list[PolicyRevisionText | BriefRevisionText]:
    """An adaptation's revisions: its own title, the note on its source, its summary."""
    adapted: list[PolicyRevisionText | BriefRevisionText] = []
    for number, revision in enumerate(revisions):
        change = adaptation.first_change() if number == 0 else revision.change_summary
        common = {
            "title": adaptation.title,
            "summary": adaptation.summary(revision.summary),
            "change_summary": change,
        }
        if isinstance(revision, BriefRevisionText):
            implementation = f"{adaptation.practice_note()} {revision.implementation}"
            adapted.append(replace(revision, implementation=implementation, **common))
        else:
            body = f"{revision.body}\n{adaptation.policy_note()}"
            adapted.append(replace(revision, body=body, **common))
    return adapted

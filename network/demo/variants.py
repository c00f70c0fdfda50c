"""Placeholders in the demo corpus, so one document can be published by several offices.

Offices adapt each other's policies: the adaptation keeps the substance and changes what
is local (a threshold, a deadline, an amount). A corpus text therefore carries two kinds
of placeholder, filled in when an office publishes it:

- ``{{a|b|c}}``: exactly ``VARIANTS`` options. The original publication uses the first,
  the first adaptation the second, the second adaptation the third. Every document has
  at least one in its first revision's sections, so no two publications of one document
  share a body.
- ``{{place}}`` (or ``{{Place}}`` at the start of a sentence): what the publisher calls
  its jurisdiction ("county", "parish", "district", "city", "state"), or "jurisdiction"
  when the publisher is not named: a parish would tell a reader the office is in
  Louisiana, which pseudonymous attribution promises not to reveal.
"""

import dataclasses
import re
from dataclasses import dataclass
from typing import TypeVar

# The original and up to two adaptations: every option group has this many options.
VARIANTS = 3
# What the text calls the jurisdiction of an office that is not named.
NEUTRAL_PLACE = "jurisdiction"

_TOKEN = re.compile(r"\{\{([^{}]*)\}\}")
_PLACE_TOKENS = frozenset({"place", "Place"})

T = TypeVar("T")


@dataclass(frozen=True)
class Rendering:
    """How one publication fills the placeholders of its document."""

    variant: int = 0  # 0 for the original, n for the n-th adaptation
    place: str = "county"


def token_errors(text: str) -> list[str]:
    """What is wrong with the placeholders of ``text`` (empty when all are well formed)."""
    errors: list[str] = []
    for match in _TOKEN.finditer(text):
        inner = match[1]
        if inner in _PLACE_TOKENS:
            continue
        options = inner.split("|")
        if len(options) != VARIANTS or not all(o.strip() == o and o for o in options):
            errors.append(f"{match[0]!r} needs exactly {VARIANTS} non-empty options")
        elif len(set(options)) != VARIANTS:
            errors.append(f"{match[0]!r} repeats an option")
    stray = _TOKEN.sub("", text)
    if "{{" in stray or "}}" in stray:
        errors.append("unbalanced '{{' or '}}'")
    return errors


def has_options(text: str) -> bool:
    return any(m[1] not in _PLACE_TOKENS for m in _TOKEN.finditer(text))


def fill(text: str, rendering: Rendering) -> str:
    def one(match: re.Match[str]) -> str:
        inner = match[1]
        if inner == "place":
            return rendering.place
        if inner == "Place":
            return rendering.place[:1].upper() + rendering.place[1:]
        return inner.split("|")[rendering.variant]

    return _TOKEN.sub(one, text)


def render(template: T, rendering: Rendering) -> T:
    """A copy of a frozen dataclass with the placeholders of every text field filled."""
    changes = {
        f.name: fill(value, rendering)
        for f in dataclasses.fields(template)  # type: ignore[arg-type]
        if isinstance(value := getattr(template, f.name), str)
    }
    return dataclasses.replace(template, **changes)  # type: ignore[type-var]

"""What the demo network publishes, who publishes it, in what words and when.

A pure function of the seed, the corpus and the offices, so the demo is the same every
time it is loaded with a seed and can be checked without a database.

Every corpus document is published once by an office that fits it (a document written
for large offices goes to a large office; one whose title says how big its office is
never goes to an office publishing pseudonymously). Then offices adapt published
documents until there are ``total`` items: each document at most ``VARIANTS - 1``
times, never twice by one office, and only after its original was published, visible
beyond its office. An adaptation has its own title, its own local details (the
``{{a|b|c}}`` options of the text), its own summary and a note on its source; see
``network.demo.wording``.
"""

import random
import uuid
from dataclasses import dataclass
from typing import TypeVar

from network.demo.documents import BriefRevisionText, BriefText, PolicyRevisionText, PolicyText
from network.demo.history import Fate, Timeline, family_timelines, seeded
from network.demo.variants import VARIANTS, Rendering
from network.demo.wording import Adaptation, Publisher, Source, adapt, may_name, place
from network.offices.models import Attribution
from network.publications.models import EvidenceLevel, PublicationKind, Visibility
from network.publications.service import RevisionDraft

Text = PolicyText | BriefText
T = TypeVar("T")


@dataclass(frozen=True)
class PlannedItem:
    kind: PublicationKind
    key: str  # the corpus document's key
    variant: int  # 0 for the original, n for the n-th adaptation
    publisher: Publisher
    origin_id: str
    visibility: Visibility
    attribution: Attribution
    fate: str  # a history.Fate
    topics: tuple[str, ...]
    linked_metrics: tuple[str, ...]
    drafts: tuple[RevisionDraft, ...]
    timeline: Timeline
    source: str | None  # the origin id of the original an adaptation comes from


@dataclass
class _Slot:
    text: Text
    publisher: Publisher
    variant: int
    visibility: Visibility
    fate: str


def origin_id(seed: int, kind: str, key: str, slug: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{seed}:{kind}:{key}:{slug}"))


# Shares of visibility and fate among the items of a kind. They are dealt like cards
# (exact shares, shuffled by the seed) rather than rolled, so every seed gives a demo
# of the same make-up: mostly public, a few drafts, a retraction or two. Originals are
# dealt first and take the public, published cards while they last: each corpus
# document is then readable by anyone, under some office, and the adaptations carry
# the variety (drafts, office-only items, retractions).
_VISIBILITY = (
    (Visibility.PUBLIC, 0.65),
    (Visibility.NETWORK, 0.15),
    (Visibility.FEDERATED, 0.10),
    (Visibility.OFFICE, 0.10),
)
_FATE = (
    (Fate.PUBLISHED, 0.88),
    (Fate.FIRST_DRAFT, 0.06),
    (Fate.DRAFT, 0.04),
    (Fate.RETRACTED, 0.02),
)


def _deal(rng: random.Random, count: int, shares: tuple[tuple[T, float], ...], top: int) -> list[T]:
    """``count`` cards in the given shares (largest remainders), shuffled, the first
    ``top`` of them taken from the first share while it lasts."""
    quotas = [count * share for _, share in shares]
    numbers = [int(q) for q in quotas]
    by_remainder = sorted(range(len(shares)), key=lambda i: (numbers[i] - quotas[i], i))
    for i in by_remainder[: count - sum(numbers)]:
        numbers[i] += 1
    deck = [card for (card, _), number in zip(shares, numbers, strict=True) for _ in range(number)]
    rng.shuffle(deck)
    deck.sort(key=lambda card: card != shares[0][0])
    rest = deck[top:]
    rng.shuffle(rest)
    return deck[:top] + rest


def _fits(text: Text, publisher: Publisher) -> bool:
    if text.office_size and publisher.size_band not in text.office_size:
        return False
    return not (text.states_size and publisher.attribution is Attribution.PSEUDONYMOUS)


def _slots(
    seed: int,
    kind: PublicationKind,
    texts: tuple[Text, ...],
    publishers: list[Publisher],
    total: int,
) -> list[_Slot]:
    """Originals first (every text once), then adaptations until ``total``."""
    rng = seeded(seed, kind, "assign")
    deck = seeded(seed, kind, "deck")
    visibilities = _deal(deck, max(total, len(texts)), _VISIBILITY, len(texts))
    fates = _deal(deck, max(total, len(texts)), _FATE, len(texts))

    def slot(text: Text, publisher: Publisher, variant: int) -> _Slot:
        n = len(slots)
        return _Slot(text, publisher, variant, visibilities[n], fates[n])

    slots: list[_Slot] = []
    for text in texts:
        slots.append(slot(text, rng.choice([p for p in publishers if _fits(text, p)]), 0))
    open_ = [
        s
        for s in slots
        if s.fate in (Fate.PUBLISHED, Fate.RETRACTED) and s.visibility is not Visibility.OFFICE
    ]
    holders = {s.text.key: [s.publisher.slug] for s in slots}
    while len(slots) < total and open_:
        original = rng.choice(open_)
        key = original.text.key
        offices = [p for p in publishers if _fits(original.text, p) and p.slug not in holders[key]]
        if not offices:
            open_.remove(original)
            continue
        publisher = rng.choice(offices)
        holders[key].append(publisher.slug)
        slots.append(slot(original.text, publisher, len(holders[key]) - 1))
        if len(holders[key]) == VARIANTS:
            open_.remove(original)
    return slots


def _draft(
    revision: PolicyRevisionText | BriefRevisionText, timeline: Timeline, number: int
) -> RevisionDraft:
    effective = timeline.effective_dates[number]
    if isinstance(revision, BriefRevisionText):
        return RevisionDraft(
            title=revision.title,
            summary=revision.summary,
            sections={
                "problem": revision.problem,
                "practice": revision.practice,
                "implementation": revision.implementation,
                "outcomes": revision.outcomes,
                "cost_staffing": revision.cost_staffing,
            },
            evidence_level=EvidenceLevel(revision.evidence_level),
            effective_date=effective,
            change_summary=revision.change_summary,
        )
    return RevisionDraft(
        title=revision.title,
        summary=revision.summary,
        body=revision.body,
        effective_date=effective,
        change_summary=revision.change_summary,
    )


def _item(
    seed: int, kind: PublicationKind, slot: _Slot, timeline: Timeline, source: "PlannedItem | None"
) -> "PlannedItem":
    publisher, text = slot.publisher, slot.text
    attribution = publisher.attribution
    rendered = text.render(Rendering(slot.variant, place(publisher, attribution)))
    revisions: list[PolicyRevisionText | BriefRevisionText] = list(rendered)
    if source is not None and source.timeline.published_at is not None:
        seen = Source(
            title=source.drafts[0].title,
            publisher=source.publisher,
            attribution=source.attribution,
            visibility=source.visibility,
            published=source.timeline.published_at.date(),
        )
        adaptation = Adaptation(
            noun="policy" if kind is PublicationKind.POLICY else "practice",
            title=text.adapted_titles[slot.variant - 1],
            source=seen,
            named_source=may_name(seen, slot.visibility),
            adopter=publisher,
            adopter_named=attribution is Attribution.NAMED,
            local_changes=text.local_changes,
            since=timeline.effective_dates[0],
            in_force=timeline.published_at is not None,
        )
        revisions = adapt(rendered, adaptation)
    count = len(timeline.revisions)
    return PlannedItem(
        kind=kind,
        key=text.key,
        variant=slot.variant,
        publisher=publisher,
        origin_id=origin_id(seed, kind, text.key, publisher.slug),
        visibility=slot.visibility,
        attribution=attribution,
        fate=slot.fate,
        topics=text.topics,
        linked_metrics=text.linked_metrics if isinstance(text, BriefText) else (),
        drafts=tuple(_draft(r, timeline, n) for n, r in enumerate(revisions[:count])),
        timeline=timeline,
        source=source.origin_id if source is not None else None,
    )


def plan_publications(
    seed: int,
    kind: PublicationKind,
    texts: tuple[Text, ...],
    publishers: list[Publisher],
    total: int,
) -> list[PlannedItem]:
    """The items of one kind, originals first, in the order they are loaded."""
    slots = _slots(seed, kind, texts, publishers, total)
    items: dict[int, PlannedItem] = {}
    for text in texts:
        family = [i for i, s in enumerate(slots) if s.text.key == text.key]
        original, adaptations = family[0], family[1:]
        rng = seeded(seed, kind, text.key, "history")
        first, later = family_timelines(
            rng, len(text.revisions), slots[original].fate, [slots[i].fate for i in adaptations]
        )
        items[original] = _item(seed, kind, slots[original], first, None)
        for index, timeline in zip(adaptations, later, strict=True):
            items[index] = _item(seed, kind, slots[index], timeline, items[original])
    return [items[i] for i in range(len(slots))]

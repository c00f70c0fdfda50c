"""When things happened in the demo network: one seeded history per corpus document.

A document's history covers its original publication and the adaptations other offices
made of it, so the order holds across offices as well as within one publication:

- a publication's first revision is created, then it is published a few days later,
  then later revisions follow months apart; a retraction comes after all of them;
- an office adapts a policy only after it was published, and follows each later
  amendment only after the original made it;
- every revision takes effect on the first day of the month after it was written.

Times come from the seed and the document alone, never from the clock, and all of them
fall between ``HISTORY_START`` and ``LATEST``: the demo shows the network as it stood on
``AS_OF`` (after the last month of observations had been uploaded).
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

AS_OF = datetime(2026, 2, 1, tzinfo=UTC)
HISTORY_START = datetime(2019, 3, 1, tzinfo=UTC)
# The last moment anything is written: its effective date (the 1st of the next month)
# is then no later than AS_OF.
LATEST = datetime(2025, 12, 20, tzinfo=UTC)
# When the demo offices joined the network, before anything was published.
NETWORK_FOUNDED = datetime(2019, 1, 15, 14, 0, tzinfo=UTC)

_DAY = timedelta(days=1)


def seeded(*parts: object) -> random.Random:
    """A generator for one part of the demo, seeded by a string naming that part, so
    each part is the same for a seed whatever else changes (demo data, not secrets)."""
    return random.Random(":".join(map(str, parts)))  # noqa: S311


class Fate:
    """How far a publication got: its revisions written and whether it was published."""

    FIRST_DRAFT = "first-draft"  # revision 1 only, never published
    DRAFT = "draft"  # every revision written, not (yet) published
    PUBLISHED = "published"
    RETRACTED = "retracted"  # published, later retracted


@dataclass(frozen=True)
class Timeline:
    revisions: tuple[datetime, ...]  # when each revision was created
    published_at: datetime | None
    retracted_at: datetime | None

    @property
    def updated_at(self) -> datetime:
        return max(t for t in (*self.revisions, self.published_at, self.retracted_at) if t)

    @property
    def effective_dates(self) -> tuple[date, ...]:
        return tuple(effective_date(created) for created in self.revisions)


def effective_date(created: datetime) -> date:
    """Revisions take effect on the first of the month after they are written."""
    year, month = divmod(created.year * 12 + created.month, 12)
    return date(year, month + 1, 1)


@dataclass
class _Draft:
    """Day offsets (office-hours fractions included) from the family's first event."""

    revisions: list[float]
    published: float | None = None
    retracted: float | None = None


def _office_hours(rng: random.Random) -> float:
    return rng.randrange(8 * 60, 18 * 60) / (24 * 60)


def _day(rng: random.Random, low: int, high: int) -> float:
    return rng.randint(low, high) + _office_hours(rng)


def _settle(draft: _Draft, fate: str, rng: random.Random) -> None:
    """Publish after revision 1 and retract after the last revision, as the fate says."""
    if fate == Fate.FIRST_DRAFT:
        del draft.revisions[1:]
    if fate in (Fate.PUBLISHED, Fate.RETRACTED):
        draft.published = int(draft.revisions[0]) + _day(rng, 3, 20)
    if fate == Fate.RETRACTED:
        draft.retracted = int(draft.revisions[-1]) + _day(rng, 20, 200)


def family_timelines(
    rng: random.Random, count: int, fate: str, adaptation_fates: list[str]
) -> tuple[Timeline, list[Timeline]]:
    """Timelines of an original with ``count`` revisions and of its adaptations, in order.

    An original that is adapted was published (the planner only adapts published ones).
    """
    original = _Draft([_office_hours(rng)])
    for _ in range(count - 1):
        original.revisions.append(int(original.revisions[-1]) + _day(rng, 120, 420))
    _settle(original, fate, rng)
    adaptations: list[_Draft] = []
    adopted = (original.published or 0.0) + 30
    for adaptation_fate in adaptation_fates:
        adopted = int(adopted) + _day(rng, 45 if not adaptations else 75, 480)
        draft = _Draft([adopted])
        for k in range(1, count):
            after_own = int(draft.revisions[-1]) + _day(rng, 90, 300)
            after_original = int(original.revisions[k]) + _day(rng, 14, 150)
            draft.revisions.append(max(after_own, after_original))
        _settle(draft, adaptation_fate, rng)
        adaptations.append(draft)
    if original.retracted is not None and adaptations:
        last_adoption = max(a.revisions[0] for a in adaptations)
        original.retracted = max(original.retracted, int(last_adoption) + _day(rng, 20, 200))
    drafts = [original, *adaptations]
    span = max(t for d in drafts for t in (*d.revisions, d.published, d.retracted) if t)
    room = (LATEST - HISTORY_START) / _DAY
    scale = min(1.0, room / span)  # 1.0 for every corpus document today
    start = HISTORY_START + rng.randrange(int(max(room - span * scale, 0)) + 1) * _DAY

    def at(offset: float | None) -> datetime | None:
        if offset is None:
            return None
        return (start + offset * scale * _DAY).replace(second=0, microsecond=0)

    def timeline(draft: _Draft) -> Timeline:
        revisions = tuple(at(t) for t in draft.revisions)
        return Timeline(revisions, at(draft.published), at(draft.retracted))  # type: ignore[arg-type]

    return timeline(original), [timeline(d) for d in adaptations]

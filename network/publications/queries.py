"""Reads of publications: pages, lookups by id, batches for loaders, facets, diffs.

Every function takes the caller's principal (or works on ids the caller already
obtained through one), and starts from `visible_q`.
"""

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count

from network.access.principal import Principal
from network.db import by_ids
from network.errors import InvalidInput, NotFound
from network.pagination import Page, newest_first
from network.publications.access import shows_text, visible_q
from network.publications.filters import DISCLOSES_PLACE, PublicationFilter, filter_q
from network.publications.models import (
    Publication,
    PublicationKind,
    PublicationMetric,
    PublicationRelation,
    PublicationTopic,
    Revision,
    Topic,
)

CURSOR_KIND = "pub"


@dataclass(frozen=True)
class OriginKey:
    """How a publication is named outside the database: its origin instance and the
    random id the origin gave it (unique together)."""

    instance: str
    origin_id: str


async def scoped_q(
    principal: Principal, kind: PublicationKind | None, spec: PublicationFilter | None
) -> Q:
    q = visible_q(principal, retracted=spec is not None and spec.admits_retracted)
    if kind is not None:
        q &= Q(kind=kind)
    if spec is not None:
        q &= await filter_q(spec)
    return q


async def list_publications(
    principal: Principal,
    *,
    kind: PublicationKind | None,
    spec: PublicationFilter | None,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> Page[Publication]:
    return await newest_first(
        Publication.filter(await scoped_q(principal, kind, spec)),
        kind=CURSOR_KIND,
        first=first,
        after=after,
        max_page_size=max_page_size,
    )


async def count_publications(
    principal: Principal, *, kind: PublicationKind | None, spec: PublicationFilter | None
) -> int:
    return await Publication.filter(await scoped_q(principal, kind, spec)).count()


async def publications_by_ids(
    principal: Principal, ids: Iterable[int], kind: PublicationKind | None = None
) -> dict[int, Publication]:
    """The visible publications among `ids` (tombstones included); the invisible are
    simply absent."""
    q = visible_q(principal, retracted=True)
    if kind is not None:
        q &= Q(kind=kind)
    return await by_ids(Publication.filter(q), ids)


async def publications_by_origin(
    principal: Principal, keys: Iterable[OriginKey], kind: PublicationKind | None = None
) -> dict[OriginKey, Publication]:
    """The visible publications among `keys` (tombstones included); the invisible
    are simply absent."""
    wanted = set(keys)
    if not wanted:
        return {}
    q = visible_q(principal, retracted=True) & Q(
        origin_instance__in=list({k.instance for k in wanted}),
        origin_id__in=list({k.origin_id for k in wanted}),
    )
    if kind is not None:
        q &= Q(kind=kind)
    found: dict[OriginKey, Publication] = {}
    for publication in await Publication.filter(q):
        key = OriginKey(publication.origin_instance, publication.origin_id)
        if key in wanted:
            found[key] = publication
    return found


async def row_ids_by_origin(keys: Iterable[OriginKey]) -> dict[OriginKey, int]:
    """Row ids by origin, unfiltered: for write paths, whose services decide access
    and answer NotFound for what the caller may not see."""
    wanted = set(keys)
    if not wanted:
        return {}
    rows = await Publication.filter(
        origin_instance__in=list({k.instance for k in wanted}),
        origin_id__in=list({k.origin_id for k in wanted}),
    ).values_list("id", "origin_instance", "origin_id")
    found = {OriginKey(instance, origin_id): row_id for row_id, instance, origin_id in rows}
    return {k: v for k, v in found.items() if k in wanted}


async def get_publication(principal: Principal, publication_id: int) -> Publication:
    found = await publications_by_ids(principal, [publication_id])
    if publication_id not in found:
        raise NotFound("No such publication.")
    return found[publication_id]


async def revisions_by_ids(ids: Iterable[int]) -> dict[int, Revision]:
    return await by_ids(Revision, ids)


async def revisions_by_publication(publication_ids: Iterable[int]) -> dict[int, list[Revision]]:
    """All revisions of publications the caller may already see, oldest first."""
    grouped: dict[int, list[Revision]] = defaultdict(list)
    wanted = list(set(publication_ids))
    if wanted:
        rows = await Revision.filter(publication_id__in=wanted).order_by("publication_id", "number")
        for revision in rows:
            grouped[revision.publication_id].append(revision)  # type: ignore[attr-defined]
    return grouped


async def visible_revisions(
    principal: Principal, wanted: Iterable[tuple[OriginKey, int]]
) -> dict[tuple[OriginKey, int], tuple[Publication, Revision]]:
    """Revisions by (publication, number), only where the publication is visible."""
    pairs = set(wanted)
    parents = {
        key: publication
        for key, publication in (
            await publications_by_origin(principal, {key for key, _ in pairs})
        ).items()
        if shows_text(principal, publication)
    }
    if not parents:
        return {}
    by_id = {p.id: key for key, p in parents.items()}
    rows = await Revision.filter(
        publication_id__in=list(by_id), number__in=list({n for _, n in pairs})
    )
    found: dict[tuple[OriginKey, int], tuple[Publication, Revision]] = {}
    for revision in rows:
        key = by_id[revision.publication_id]  # type: ignore[attr-defined]
        if (key, revision.number) in pairs:
            found[(key, revision.number)] = (parents[key], revision)
    return found


async def _linked_ids(
    link: type[PublicationTopic] | type[PublicationMetric],
    target: str,
    publication_ids: Iterable[int],
) -> dict[int, list[int]]:
    """Ids linked to each publication through a join table, in one query."""
    grouped: dict[int, list[int]] = defaultdict(list)
    wanted = list(set(publication_ids))
    if wanted:
        rows = await link.filter(publication_id__in=wanted).values_list("publication_id", target)
        for publication_id, target_id in rows:
            grouped[publication_id].append(target_id)
    return grouped


async def topic_ids_by_publication(publication_ids: Iterable[int]) -> dict[int, list[int]]:
    return await _linked_ids(PublicationTopic, "topic_id", publication_ids)


async def metric_ids_by_publication(publication_ids: Iterable[int]) -> dict[int, list[int]]:
    return await _linked_ids(PublicationMetric, "metric_id", publication_ids)


async def related_ids_by_publication(publication_ids: Iterable[int]) -> dict[int, list[int]]:
    """Each publication's related publications (briefs of a policy, policies of a
    brief), unfiltered: the caller loads them through the visibility rule."""
    grouped: dict[int, list[int]] = defaultdict(list)
    wanted = list(set(publication_ids))
    if wanted:
        for policy_id, brief_id in await PublicationRelation.filter(
            Q(policy_id__in=wanted) | Q(brief_id__in=wanted)
        ).values_list("policy_id", "brief_id"):
            if policy_id in wanted:
                grouped[policy_id].append(brief_id)
            if brief_id in wanted:
                grouped[brief_id].append(policy_id)
    return grouped


async def all_topics() -> list[Topic]:
    return await Topic.all().order_by("position")


async def topics_by_ids(ids: Iterable[int]) -> dict[int, Topic]:
    return await by_ids(Topic, ids)


async def diff_revisions(
    principal: Principal, publication_id: int, from_number: int, to_number: int
) -> str:
    """A unified diff of two revisions' text (title, summary, sections and body)."""
    publication = await get_publication(principal, publication_id)
    if not shows_text(principal, publication):
        raise NotFound("This publication was retracted; its text is no longer shown.")
    if from_number == to_number:
        raise InvalidInput("Choose two different revisions to compare.", field="toNumber")
    rows = {
        r.number: r
        for r in await Revision.filter(
            publication_id=publication.id, number__in=[from_number, to_number]
        )
    }
    for number, name in ((from_number, "fromNumber"), (to_number, "toNumber")):
        if number not in rows:
            raise InvalidInput(
                f"Revision {number} does not exist; this publication has "
                f"{publication.revision_count} revision(s).",
                field=name,
            )
    before, after = rows[from_number], rows[to_number]
    lines = difflib.unified_diff(
        revision_text(before).splitlines(keepends=True),
        revision_text(after).splitlines(keepends=True),
        fromfile=f"revision {from_number}",
        tofile=f"revision {to_number}",
    )
    return "".join(lines)


BRIEF_SECTIONS = ("problem", "practice", "implementation", "outcomes", "cost_staffing")


def revision_text(revision: Revision) -> str:
    """The revision as one document, the unit that diffs and search index."""
    return document_text(revision.title, revision.summary, revision.sections, revision.body)


def document_text(title: str, summary: str, sections: dict[str, Any] | None, body: str) -> str:
    """`revision_text` from a revision's plain values."""
    parts = [f"# {title}", "", summary.strip(), ""]
    for name in BRIEF_SECTIONS:
        text = (sections or {}).get(name)
        if text:
            parts += [f"## {name.replace('_', ' ').capitalize()}", "", text.strip(), ""]
    if body:
        parts += [body.strip(), ""]
    if not parts[-1].endswith("\n"):
        parts.append("")
    return "\n".join(parts)


@dataclass(frozen=True)
class FacetCounts:
    total: int
    topics: list[tuple[int, int]]
    regions: list[tuple[str, int]]
    size_bands: list[tuple[str, int]]
    undisclosed_place: int


async def facet_counts(
    principal: Principal, *, kind: PublicationKind | None, spec: PublicationFilter | None
) -> FacetCounts:
    """Counts per topic, region and size band for the filtered, visible set.

    Region and size-band buckets count only publications whose attribution
    discloses them; the rest are reported together as `undisclosed_place`.
    """
    q = await scoped_q(principal, kind, spec)
    base = Publication.filter(q)
    total = await base.count()
    topic_rows = (
        await PublicationTopic.filter(
            publication_id__in=Subquery(Publication.filter(q).values("id"))
        )
        .annotate(n=Count("id"))
        .group_by("topic_id")
        .values_list("topic_id", "n")
    )
    disclosed = Publication.filter(q & Q(attribution__in=DISCLOSES_PLACE))
    place_rows = (
        await disclosed.annotate(n=Count("id"))
        .group_by("office__region", "office__size_band")
        .values_list("office__region", "office__size_band", "n")
    )
    regions: dict[str, int] = defaultdict(int)
    bands: dict[str, int] = defaultdict(int)
    for region, band, n in place_rows:
        regions[region] += n
        bands[band] += n
    return FacetCounts(
        total=total,
        topics=sorted(((t, n) for t, n in topic_rows), key=lambda row: (-row[1], row[0])),
        regions=sorted(regions.items()),
        size_bands=sorted(bands.items()),
        undisclosed_place=total - sum(regions.values()),
    )

"""Publications, their revisions and their links to the vocabulary, batched per
request.

Only `publication` checks visibility (it loads through the principal's rule); the
others receive ids of publications the principal could already see: a
publication's revisions are loaded only after the publication itself passed.
"""

from collections.abc import Iterable, Sequence

from strawberry.dataloader import DataLoader

from network.access.principal import Principal
from network.api.catalog.loaders import CatalogLoaders
from network.api.offices.loaders import OfficeLoaders
from network.metrics import service as metrics
from network.offices import service as offices
from network.publications import queries
from network.publications.adoptions import adoptions_by_publication
from network.publications.models import Adoption, Publication, Revision


class PublicationLoaders:
    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        self.publication = DataLoader[int, Publication | None](load_fn=self._publications)
        self.revision = DataLoader[int, Revision | None](load_fn=_revisions)
        self.revisions_of = DataLoader[int, list[Revision]](load_fn=_revisions_of)
        self.topic_ids_of = DataLoader[int, list[int]](load_fn=_topic_ids_of)
        self.metric_ids_of = DataLoader[int, list[int]](load_fn=_metric_ids_of)
        self.related_ids_of = DataLoader[int, list[int]](load_fn=_related_ids_of)
        self.adoptions_of = DataLoader[int, list[Adoption]](load_fn=_adoptions_of)

    async def prime_page(
        self,
        publications: Iterable[Publication],
        wanted: set[str],
        *,
        office_loaders: OfficeLoaders,
        catalog_loaders: CatalogLoaders,
    ) -> None:
        """Load what the selection needs for a whole page in one query per kind and
        prime the loaders (this domain's and the offices and catalog ones it points
        to), so field resolvers answer synchronously."""
        items = list(publications)
        self.publication.prime_many({p.id: p for p in items})
        ids = [p.id for p in items]
        if "office" in wanted:
            found = await offices.offices_by_ids({p.office_id for p in items})  # type: ignore[attr-defined]
            office_loaders.office.prime_many(dict(found))
        if "topics" in wanted:
            topic_ids = await queries.topic_ids_by_publication(ids)
            self.topic_ids_of.prime_many({i: topic_ids.get(i, []) for i in ids})
            topics = await queries.topics_by_ids({t for group in topic_ids.values() for t in group})
            catalog_loaders.topic.prime_many(dict(topics))
        if wanted & {"latestRevision", "sections", "evidenceLevel"}:
            heads = [p.head_revision_id for p in items if p.head_revision_id is not None]
            revisions = await queries.revisions_by_ids(heads)
            self.revision.prime_many(dict(revisions))
        if "linkedMetrics" in wanted:
            metric_ids = await queries.metric_ids_by_publication(ids)
            self.metric_ids_of.prime_many({i: metric_ids.get(i, []) for i in ids})
            found_metrics = await metrics.definitions_by_ids(
                {m for group in metric_ids.values() for m in group}
            )
            catalog_loaders.metric.prime_many(dict(found_metrics))

    async def _publications(self, ids: Sequence[int]) -> list[Publication | None]:
        found = await queries.publications_by_ids(self.principal, ids)
        return [found.get(i) for i in ids]


async def _revisions(ids: Sequence[int]) -> list[Revision | None]:
    found = await queries.revisions_by_ids(ids)
    return [found.get(i) for i in ids]


async def _revisions_of(ids: Sequence[int]) -> list[list[Revision]]:
    found = await queries.revisions_by_publication(ids)
    return [found.get(i, []) for i in ids]


async def _topic_ids_of(ids: Sequence[int]) -> list[list[int]]:
    found = await queries.topic_ids_by_publication(ids)
    return [found.get(i, []) for i in ids]


async def _metric_ids_of(ids: Sequence[int]) -> list[list[int]]:
    found = await queries.metric_ids_by_publication(ids)
    return [found.get(i, []) for i in ids]


async def _related_ids_of(ids: Sequence[int]) -> list[list[int]]:
    found = await queries.related_ids_by_publication(ids)
    return [found.get(i, []) for i in ids]


async def _adoptions_of(ids: Sequence[int]) -> list[list[Adoption]]:
    found = await adoptions_by_publication(ids)
    return [found.get(i, []) for i in ids]

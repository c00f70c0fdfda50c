"""Per-request DataLoaders: related data loads in one query per kind, per request.

Loaders call service batch functions only; they receive ids of objects the
principal could already see (a publication's revisions are loaded only after the
publication itself passed the visibility check).
"""

from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader

from network.access.principal import Principal
from network.metrics import service as metrics
from network.metrics.models import MetricDefinition
from network.offices import service as offices
from network.offices.models import Office
from network.publications import queries
from network.publications.models import Publication, Revision, Topic

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")


class Loaders:
    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        self.office = DataLoader[int, Office | None](load_fn=self._offices)
        self.publication = DataLoader[int, Publication | None](load_fn=self._publications)
        self.revision = DataLoader[int, Revision | None](load_fn=self._revisions)
        self.revisions_of = DataLoader[int, list[Revision]](load_fn=self._revisions_of)
        self.topic_ids_of = DataLoader[int, list[int]](load_fn=self._topic_ids_of)
        self.topic = DataLoader[int, Topic | None](load_fn=self._topics)
        self.metric_ids_of = DataLoader[int, list[int]](load_fn=self._metric_ids_of)
        self.metric = DataLoader[int, MetricDefinition | None](load_fn=self._metrics)

    async def prime_page(self, publications: Iterable[Publication], wanted: set[str]) -> None:
        """Load what the selection needs for a whole page in one query per kind and
        prime the loaders, so field resolvers answer synchronously."""
        items = list(publications)
        self.publication.prime_many({p.id: p for p in items})
        ids = [p.id for p in items]
        if "office" in wanted:
            found = await offices.offices_by_ids({p.office_id for p in items})  # type: ignore[attr-defined]
            self.office.prime_many(dict(found))
        if "topics" in wanted:
            topic_ids = await queries.topic_ids_by_publication(ids)
            self.topic_ids_of.prime_many({i: topic_ids.get(i, []) for i in ids})
            topics = await queries.topics_by_ids({t for group in topic_ids.values() for t in group})
            self.topic.prime_many(dict(topics))
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
            self.metric.prime_many(dict(found_metrics))

    async def _offices(self, ids: Sequence[int]) -> list[Office | None]:
        found = await offices.offices_by_ids(ids)
        return [found.get(i) for i in ids]

    async def _publications(self, ids: Sequence[int]) -> list[Publication | None]:
        found = await queries.publications_by_ids(self.principal, ids)
        return [found.get(i) for i in ids]

    async def _revisions(self, ids: Sequence[int]) -> list[Revision | None]:
        found = await queries.revisions_by_ids(ids)
        return [found.get(i) for i in ids]

    async def _revisions_of(self, ids: Sequence[int]) -> list[list[Revision]]:
        found = await queries.revisions_by_publication(ids)
        return [found.get(i, []) for i in ids]

    async def _topic_ids_of(self, ids: Sequence[int]) -> list[list[int]]:
        found = await queries.topic_ids_by_publication(ids)
        return [found.get(i, []) for i in ids]

    async def _topics(self, ids: Sequence[int]) -> list[Topic | None]:
        found = await queries.topics_by_ids(ids)
        return [found.get(i) for i in ids]

    async def _metric_ids_of(self, ids: Sequence[int]) -> list[list[int]]:
        found = await queries.metric_ids_by_publication(ids)
        return [found.get(i, []) for i in ids]

    async def _metrics(self, ids: Sequence[int]) -> list[MetricDefinition | None]:
        found = await metrics.definitions_by_ids(ids)
        return [found.get(i) for i in ids]


def peek(loader: DataLoader[K, Any], key: K) -> tuple[bool, Any]:
    """The value a loader already holds for `key`, without scheduling a load."""
    future = loader.cache_map.get(key)
    if (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    ):
        return True, future.result()
    return False, None


def now_or_later(loader: DataLoader[K, V], key: K, convert: Callable[[V], R]) -> R | Awaitable[R]:
    """`convert(value)` at once when the loader holds it (primed), else an awaitable.

    A resolver returning a plain value lets graphql-core complete the field
    synchronously, which is several times cheaper than awaiting a coroutine per
    field; priming the loaders for a whole page makes that the common case.
    """
    found, value = peek(loader, key)
    if found:
        return convert(cast(V, value))

    async def later() -> R:
        return convert(await loader.load(key))

    return later()


def selected_names(info: Any) -> set[str]:
    """Every field name selected anywhere below the current field (fragments included)."""
    names: set[str] = set()
    stack = list(info.selected_fields)
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if name:
            names.add(name)
        stack.extend(getattr(node, "selections", None) or [])
    return names

"""Who consumes what: the change-log consumers and job handlers, registered explicitly.

The app (`network.app`), the command line (`network.cli`) and the test suite call
`wire(settings)` before any write; nothing is registered merely because a module was
imported. Registering is idempotent. Federation is wired here because nothing below
this layer may know it: it reads the domains, they never call it.
"""

from federation import feed as federation_feed
from federation.api import FederationMutation, FederationQuery
from network.api.schema import NetworkSchema, build_schema
from network.changes import log as changes
from network.changes.log import Batched, Change, Delivery
from network.jobs import service as jobs
from network.metrics.releases import UPLOAD as METRIC_UPLOAD
from network.publications.service import KIND as PUBLICATION
from network.search import reindex
from network.settings import Settings
from network.state import service as state


async def _content_changed(change: Change) -> None:
    # The shared counter moves in the change's transaction, so every process's
    # response cache drops what it held once the change is visible.
    await state.bump(state.CONTENT)


async def _contents_changed(changes: list[Change]) -> None:
    await state.bump(state.CONTENT)  # once for the whole batch


def graphql_schema(settings: Settings) -> NetworkSchema:
    """The instance's GraphQL schema: the API's roots and federation's."""
    return build_schema(settings, queries=(FederationQuery,), mutations=(FederationMutation,))


def wire(settings: Settings) -> None:
    changes.subscribe(
        "search.index",
        {PUBLICATION},
        Batched(reindex.index_change, reindex.index_changes),
        delivery=Delivery.IN_TRANSACTION,
    )
    changes.subscribe(
        "cache.content",
        {PUBLICATION, METRIC_UPLOAD},
        Batched(_content_changed, _contents_changed),
        delivery=Delivery.IN_TRANSACTION,
    )
    changes.subscribe(
        "federation.feed",
        {PUBLICATION},
        federation_feed.consumer(settings),
        delivery=Delivery.IN_TRANSACTION,
    )
    jobs.register(reindex.KIND, reindex.reindex_batch)
    changes.register_jobs()

"""Root fields that belong to no domain: `node` (any object by global id) and
`instance` (which network instance answers)."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.relay.fields import NodeExtension
from strawberry.relay.types import GlobalID, GlobalIDValueError
from strawberry.types.base import get_object_definition
from strawberry.types.field import StrawberryField


class ConcreteNodeExtension(NodeExtension):
    """Strawberry's `node` resolver, refusing ids that name an interface (`Node`
    itself included): those have no objects to resolve and would fail inside."""

    def get_node_resolver(self, field: StrawberryField) -> Callable[..., Any]:
        resolve = super().get_node_resolver(field)

        def resolver(
            info: strawberry.Info,
            id: Annotated[GlobalID, strawberry.argument(description="The ID of the object.")],
        ) -> Any | Awaitable[Any]:
            definition = get_object_definition(id.resolve_type(info))
            if definition is None or definition.is_interface:
                raise GlobalIDValueError(f"{id.type_name} is not a type of object")
            return resolve(info, id)

        return resolver


@strawberry.type
class Instance:
    id: str
    name: str
    base_url: str


@strawberry.type
class CoreQuery:
    # Strawberry converts the relay `node` field once per process: the schema that
    # holds this mixin is built once and cached (see `network.api.schema`).
    node: relay.Node | None = strawberry.field(extensions=[ConcreteNodeExtension()], default=None)

    @strawberry.field
    def instance(self, info: strawberry.Info) -> Instance:
        settings = info.context.settings
        return Instance(
            id=settings.instance_id, name=settings.instance_name, base_url=settings.base_url
        )

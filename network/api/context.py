"""What every resolver receives: the principal, settings and per-request loaders."""

from dataclasses import dataclass, field

from network.access.principal import Principal
from network.api.schema import Loaders
from network.settings import Settings


@dataclass
class Context:
    principal: Principal
    settings: Settings
    request_id: str
    csrf_token: str | None = None
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.principal)
